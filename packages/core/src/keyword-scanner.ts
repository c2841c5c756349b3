/**
 * One pass over the text that reports which of many keywords occur in it (ASCII,
 * case-insensitive), and where, for the keywords that ask for positions. It is an
 * Aho-Corasick automaton compiled into a dense transition table, so the cost per
 * character is one table lookup whatever the number of keywords:
 * the detector can afford hundreds of rules and still leave most text untouched by any
 * regex.
 *
 * States are numbered so that every state where some keyword ends comes after all
 * others: one comparison per character tells whether anything was found.
 */
import { WASM_WINDOW, WasmAutomaton } from './keyword-scanner-wasm.js';
import { prebuiltAutomaton } from './prebuilt-automaton.js';

const ASCII = 128;
/**
 * Texts this long or longer go through the WebAssembly loop (four chains at a time, about
 * twice as fast); shorter ones are not worth copying into its memory.
 */
const WASM_THRESHOLD = 4096;

/** For tests: where the WebAssembly loop takes over, and its window, small enough to cross often. */
export interface KeywordScannerOptions {
  wasmThreshold?: number;
  wasmWindow?: number;
}
/** Table columns at most: 64 keeps a row to 128 bytes and the table of ~5,000 states in the cache. */
const MAX_CLASSES = 64;

/**
 * All a scan needs that the keyword list decides: what the constructor builds, or takes ready-made from the build
 * (see prebuilt-automaton.ts). Never changed once built, so scanners may share one.
 */
export interface KeywordAutomaton {
  /** next state = table[(state << shift) | classOf[charCode]] for ASCII. */
  readonly table: Uint16Array;
  readonly shift: number;
  /** ASCII code → character class (0: no keyword uses it; upper case shares lower case's class). */
  readonly classOf: Uint8Array;
  /** States numbered at or above this one end at least one keyword. */
  readonly firstOutputState: number;
  /** For each output state (minus firstOutputState): the keyword ids that end there. */
  readonly outputs: readonly (readonly number[])[];
  /** For a keyword holding a character of the shared class: the keyword, to check a hit against the text. */
  readonly checkText: readonly (string | undefined)[];
}

export class KeywordScanner {
  /** next state = table[(state << shift) | classOf[charCode]] for ASCII; any other character resets to the start. */
  private readonly table: Uint16Array;
  private readonly shift: number;
  /** ASCII code → character class (0: no keyword uses it; upper case shares lower case's class). */
  private readonly classOf: Uint8Array;
  /** States numbered at or above this one end at least one keyword. */
  private readonly firstOutputState: number;
  /** For each output state (minus firstOutputState): the keyword ids that end there. */
  private readonly outputs: readonly (readonly number[])[];
  private readonly lengths: number[];
  /** For a keyword holding a character of the shared class: the keyword, to check a hit against the text. */
  private readonly checkText: readonly (string | undefined)[];
  readonly keywordCount: number;
  /** The longest keyword: a state depends on no more than the last `maxKeywordLength - 1` characters before it. */
  private readonly maxKeywordLength: number;
  private readonly wasmThreshold: number;
  private readonly wasmWindow: number;
  /** The WebAssembly loop: made on the first long text; null where it is unavailable or failed. */
  private wasm: WasmAutomaton | null | undefined;

  constructor(keywords: readonly string[], options: KeywordScannerOptions = {}) {
    this.keywordCount = keywords.length;
    this.lengths = keywords.map((k) => k.length);
    this.maxKeywordLength = Math.max(1, ...this.lengths);
    this.wasmThreshold = options.wasmThreshold ?? WASM_THRESHOLD;
    this.wasmWindow = options.wasmWindow ?? WASM_WINDOW;
    const lowered = lowerKeywords(keywords);
    const automaton = prebuiltAutomaton(lowered) ?? buildAutomaton(lowered);
    this.table = automaton.table;
    this.shift = automaton.shift;
    this.classOf = automaton.classOf;
    this.firstOutputState = automaton.firstOutputState;
    this.outputs = automaton.outputs;
    this.checkText = automaton.checkText;
  }

  /**
   * Marks found[id] = 1 for every keyword that occurs in `text`. For ids with
   * `tracked[id] === 1`, also appends the start offset of each occurrence to
   * `positions[id]` (created on the first occurrence, so untouched keywords cost nothing);
   * each list is in increasing order. Returns whether the text holds any non-ASCII
   * character (a free by-product: rules about other scripts need nothing else).
   */
  scan(text: string, found: Uint8Array, tracked?: Uint8Array, positions?: (number[] | undefined)[]): boolean {
    if (text.length >= this.wasmThreshold) {
      const wasm = this.wasm === undefined ? (this.wasm = this.makeWasm()) : this.wasm;
      if (wasm !== null) {
        const firstOutput = this.firstOutputState;
        const result = wasm.scan(text, (state, at) => this.record(text, state - firstOutput, at, found, tracked, positions));
        if (result.scannedTo >= text.length) return result.nonAscii;
        // A call failed (never seen; fail safe): the JS loop takes the rest, and every later text.
        this.wasm = null;
        return this.scanFrom(text, result.scannedTo, found, tracked, positions) || result.nonAscii;
      }
    }
    return this.scanFrom(text, 0, found, tracked, positions);
  }

  private makeWasm(): WasmAutomaton | null {
    const automaton = { table: this.table, shift: this.shift, classOf: this.classOf, firstOutputState: this.firstOutputState, maxKeywordLength: this.maxKeywordLength };
    return WasmAutomaton.create(automaton, this.wasmWindow) ?? null;
  }

  /** The JS loop: reports the hits ending at `reportFrom` or later (starting early enough to see them whole). */
  private scanFrom(text: string, reportFrom: number, found: Uint8Array, tracked?: Uint8Array, positions?: (number[] | undefined)[]): boolean {
    const table = this.table;
    const shift = this.shift;
    const classOf = this.classOf;
    const firstOutput = this.firstOutputState;
    let state = 0;
    let nonAscii = false;
    for (let i = Math.max(0, reportFrom - this.maxKeywordLength + 1), n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < ASCII) {
        state = table[(state << shift) | classOf[c]!]!;
        if (state >= firstOutput && i >= reportFrom) this.record(text, state - firstOutput, i, found, tracked, positions);
      } else {
        state = 0;
        nonAscii = true;
      }
    }
    return nonAscii;
  }

  private record(text: string, output: number, at: number, found: Uint8Array, tracked: Uint8Array | undefined, positions: (number[] | undefined)[] | undefined): void {
    const ids = this.outputs[output]!;
    for (let j = 0; j < ids.length; j++) {
      const id = ids[j]!;
      const check = this.checkText[id];
      if (check !== undefined && !endsWithKeyword(text, at, check)) continue;
      found[id] = 1;
      if (tracked !== undefined && tracked[id] === 1) (positions![id] ??= []).push(at + 1 - this.lengths[id]!);
    }
  }
}

/** The keywords as the automaton holds them: lower case; each must be non-empty ASCII. */
export function lowerKeywords(keywords: readonly string[]): string[] {
  return keywords.map((raw) => {
    const keyword = raw.toLowerCase();
    if (keyword.length === 0) throw new RangeError('keywords must not be empty');
    for (let i = 0; i < keyword.length; i++) if (keyword.charCodeAt(i) >= ASCII) throw new RangeError('keywords must be ASCII');
    return keyword;
  });
}

/** Builds the automaton of `lowered` (from lowerKeywords), the keyword ids being their indexes. */
export function buildAutomaton(lowered: readonly string[]): KeywordAutomaton {
  // Character classes: one per distinct character used in keywords, upper case folded
  // onto lower case, and class 0 for everything else. Past MAX_CLASSES columns the table
  // doubles in width and falls out of the cache (a scan of the bench tree took a fifth
  // longer), so the characters fewest keywords use then share one class, and a hit on a
  // keyword holding such a character is checked against the text before it counts.
  // (The build runs cold, once per process where no automaton made at build time fits the
  // keywords (see prebuilt-automaton.ts): typed arrays and plain loops here, no Maps, Sets,
  // spreads or closures; those made it ~20 ms instead of ~4.)
  const usedBy = new Int32Array(ASCII);
  const lastUser = new Int32Array(ASCII).fill(-1);
  for (let id = 0; id < lowered.length; id++) {
    const k = lowered[id]!;
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (lastUser[c] !== id) {
        lastUser[c] = id;
        usedBy[c] = usedBy[c]! + 1;
      }
    }
  }
  const byUse: number[] = [];
  for (let c = 0; c < ASCII; c++) if (usedBy[c]! > 0) byUse.push(c);
  byUse.sort((a, b) => usedBy[b]! - usedBy[a]! || a - b);
  const ownClasses = byUse.length < MAX_CLASSES ? byUse.length : MAX_CLASSES - 2;
  const classOf = new Uint8Array(ASCII);
  const shared = new Uint8Array(ASCII);
  for (let rank = 0; rank < byUse.length; rank++) {
    classOf[byUse[rank]!] = rank < ownClasses ? rank + 1 : ownClasses + 1;
    if (rank >= ownClasses) shared[byUse[rank]!] = 1;
  }
  const classCount = byUse.length < MAX_CLASSES ? byUse.length + 1 : MAX_CLASSES;
  for (let c = 65; c <= 90; c++) if (classOf[c + 32] !== 0) classOf[c] = classOf[c + 32]!;
  const checkText: (string | undefined)[] = new Array<string | undefined>(lowered.length).fill(undefined);
  if (ownClasses < byUse.length) {
    for (let id = 0; id < lowered.length; id++) {
      const k = lowered[id]!;
      for (let i = 0; i < k.length; i++) {
        if (shared[k.charCodeAt(i)] === 1) {
          checkText[id] = k;
          break;
        }
      }
    }
  }

  // Trie in one flat array (state * classCount + class → next state, 0 = none): a Map
  // per state cost more in allocation and collection than the rest of the build. Each
  // state also records the class of the edge into it and its next sibling, so that the
  // passes below visit only trie edges, not every column of every row.
  let capacity = 1;
  for (const k of lowered) capacity += k.length;
  const trie = new Int32Array(capacity * classCount);
  const edgeClass = new Uint8Array(capacity);
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  // Keyword ids ending at each state; only states that end a keyword get a list (most
  // states end none, and a list each was most of the build's allocation).
  const out: (number[] | undefined)[] = new Array<number[] | undefined>(capacity).fill(undefined);
  let states = 1;
  for (let id = 0; id < lowered.length; id++) {
    const keyword = lowered[id]!;
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const cls = classOf[keyword.charCodeAt(i)]!;
      const slot = state * classCount + cls;
      let next = trie[slot]!;
      if (next === 0) {
        next = states++;
        trie[slot] = next;
        edgeClass[next] = cls;
        // Siblings in class order, as a scan of the row would meet them: the breadth-first
        // order below, and so the states' numbers, are the same as ever.
        let before = 0;
        let after = firstChild[state]!;
        while (after !== 0 && edgeClass[after]! < cls) {
          before = after;
          after = nextSibling[after]!;
        }
        nextSibling[next] = after;
        if (before === 0) firstChild[state] = next;
        else nextSibling[before] = next;
      }
      state = next;
    }
    (out[state] ??= []).push(id);
  }
  if (states >= 65536) throw new RangeError('too many keywords for one scanner');

  // Failure links, breadth first: a state's failure state is where its longest proper
  // suffix leads, found by walking the failure chain of its parent (the standard
  // Aho-Corasick construction, linear in the total keyword length).
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let tail = 0;
  for (let child = firstChild[0]!; child !== 0; child = nextSibling[child]!) queue[tail++] = child;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    // Lists are never changed once built, so a state may share its failure state's.
    const inherited = out[fail[state]!];
    if (inherited !== undefined) out[state] = out[state] === undefined ? inherited : out[state]!.concat(inherited);
    for (let child = firstChild[state]!; child !== 0; child = nextSibling[child]!) {
      const cls = edgeClass[child]!;
      let f = fail[state]!;
      while (f !== 0 && trie[f * classCount + cls] === 0) f = fail[f]!;
      fail[child] = trie[f * classCount + cls]!;
      queue[tail++] = child;
    }
  }

  // Renumber: states without output first, so `state >= firstOutputState` means a hit.
  // Within each part, breadth-first: the shallow states, where scanning spends nearly all
  // its time, then share cache lines.
  const order = new Int32Array(states);
  let placed = 1; // the start state, which has no output (keywords are non-empty), stays 0
  for (let i = 0; i < tail; i++) if (out[queue[i]!] === undefined) order[placed++] = queue[i]!;
  const firstOutputState = placed;
  for (let i = 0; i < tail; i++) if (out[queue[i]!] !== undefined) order[placed++] = queue[i]!;
  const newId = new Int32Array(states);
  for (let index = 0; index < states; index++) newId[order[index]!] = index;
  // One row per state, one column per character class (rows padded to a power of two so
  // that a shift finds them). Rows of class columns rather than of all 128 ASCII codes
  // halve the table (it stays in cache) and its build, which runs before any scan.
  // Breadth first, each row starts as a copy of its failure state's (complete by then:
  // it is shallower) and takes the state's own trie edges over it: a missing transition
  // goes where the failure state's does.
  let shift = 0;
  while (1 << shift < classCount) shift++;
  const table = new Uint16Array(states << shift);
  for (let child = firstChild[0]!; child !== 0; child = nextSibling[child]!) table[edgeClass[child]!] = newId[child]!;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    const row = newId[state]! << shift;
    const failRow = newId[fail[state]!]! << shift;
    table.copyWithin(row, failRow, failRow + classCount);
    for (let child = firstChild[state]!; child !== 0; child = nextSibling[child]!) table[row + edgeClass[child]!] = newId[child]!;
  }
  const outputs: number[][] = new Array<number[]>(states - firstOutputState);
  for (let index = firstOutputState; index < states; index++) outputs[index - firstOutputState] = out[order[index]!]!;
  return { table, shift, classOf, firstOutputState, outputs, checkText };
}

/** Whether `text` holds `keyword` (lower case, ASCII) ending at `at`, ignoring the case of letters. */
function endsWithKeyword(text: string, at: number, keyword: string): boolean {
  const start = at + 1 - keyword.length;
  if (start < 0) return false;
  // Every operation here runs from the first character on: when TurboFan compiled the scan, no
  // checked keyword had yet matched a character, nor met one from A on, so as `c >= 65 && c <= 90`
  // and a `k++` after the test, the second comparison and the increment had never run, and each
  // deoptimized the scan once. `c - 65` as unsigned is below 26 exactly for A-Z.
  for (let k = 0; k < keyword.length; ) {
    const c = text.charCodeAt(start + k);
    const lower = (c - 65) >>> 0 < 26 ? c + 32 : c;
    if (lower !== keyword.charCodeAt(k++)) return false;
  }
  return true;
}
