/**
 * The keyword automaton's inner loop in WebAssembly, four chains at a time.
 *
 * Why: the JS loop (KeywordScanner.scan) is bound by latency, not by work: each
 * character's table load needs the state the previous load returned, so the CPU waits on
 * one load at a time. Cut the text into four segments and run one automaton over each in
 * lockstep, and the four chains' loads overlap: a scan of the bench tree's texts took
 * ~70 ms instead of ~125 ms in JS, with the same table and the same results.
 *
 * Each chain starts in the start state `maxKeywordLength - 1` characters before its
 * segment (or at the text's start): the state after a character is the longest keyword
 * prefix ending there, so it depends only on that character and the
 * `maxKeywordLength - 1` before it, and from the segment's first character on the chain
 * is in the state one pass over the whole text would be. A chain reports only the hits that end inside its own segment, so a keyword
 * that straddles two segments is reported once, by the chain of the segment it ends in.
 *
 * Memory stays bounded: the text is copied in windows of at most `window` characters
 * (each again preceded by `maxKeywordLength - 1` characters, so no state is carried from
 * one window to the next), and the copy is zeroed once the scan is done: the text holds
 * the user's secrets, and nothing of it stays in this memory between scans.
 *
 * The module is assembled below from named opcodes at load time; no binary is committed.
 */

/** Characters of text copied and scanned per call: 512 KB of UTF-16 in memory. */
export const WASM_WINDOW = 1 << 18;

/** The compiled automaton, as KeywordScanner holds it. */
export interface AutomatonTable {
  /** next state = table[(state << shift) | classOf[charCode]]. */
  readonly table: Uint16Array;
  readonly shift: number;
  /** ASCII code → character class; class 0 leads every state back to the start state. */
  readonly classOf: Uint8Array;
  /** States numbered at or above this one end at least one keyword. */
  readonly firstOutputState: number;
  readonly maxKeywordLength: number;
}

/** Which of a scan's characters were covered (scannedTo: all of them unless a call failed) and whether any was non-ASCII. */
export interface WasmScanResult {
  readonly scannedTo: number;
  readonly nonAscii: boolean;
}

// ---------------------------------------------------------------------------------------
// A minimal assembler: just the opcodes the loop uses, by name (WebAssembly core spec, 5.4).
const op = {
  block: 0x02,
  loop: 0x03,
  if: 0x04,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  select: 0x1b,
  localGet: 0x20,
  localSet: 0x21,
  localTee: 0x22,
  i32Load: 0x28,
  i32Load8U: 0x2d,
  i32Load16U: 0x2f,
  i32Store: 0x36,
  i32Const: 0x41,
  i32Eqz: 0x45,
  i32LtU: 0x49,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Sub: 0x6b,
  i32And: 0x71,
  i32Or: 0x72,
  i32Shl: 0x74,
} as const;
/** Value and block types. */
const I32 = 0x7f;
const NO_RESULT = 0x40;
const FUNC_TYPE = 0x60;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

const get = (local: number): number[] => [op.localGet, local];
const set = (local: number): number[] => [op.localSet, local];
const tee = (local: number): number[] => [op.localTee, local];
const i32 = (n: number): number[] => [op.i32Const, ...sleb(n)];
// Memory immediates are (log2 alignment, offset).
const load8 = (): number[] => [op.i32Load8U, 0, 0];
const load16 = (): number[] => [op.i32Load16U, 1, 0];
const load32 = (offset: number): number[] => [op.i32Load, 2, ...uleb(offset)];
const store32 = (offset: number): number[] => [op.i32Store, 2, ...uleb(offset)];

// ---------------------------------------------------------------------------------------
// The function: scan(steps, table, classes, shift, firstOutput, header) → OR of every character read.
//
// `header` holds one record of four i32 per chain (16 bytes each), all byte addresses:
//   +0 p: where the chain starts reading   +4 r, +8 e: it reports hits ending in [r, e)
//   +12 o: where its next hit goes (8 bytes: the address of the character that ended it,
//          and the state reached there); written back at the end, so the caller knows how many.
// Every chain takes exactly `steps` characters; the caller places the starts so that no
// chain reads outside the copied text.
const CHAINS = 4;
const HEADER_BYTES = 16 * CHAINS;
const STEPS = 0, TABLE = 1, CLASSES = 2, SHIFT = 3, FIRST_OUTPUT = 4, HEADER = 5;
const PARAMS = 6;
/** Locals after the parameters: the character just read, the OR of all characters, then five per chain. */
const C = PARAMS, SEEN = PARAMS + 1;
const chainLocal = (j: number, k: number): number => PARAMS + 2 + 5 * j + k;
const P = (j: number): number => chainLocal(j, 0); // address of the next character
const S = (j: number): number => chainLocal(j, 1); // automaton state
const R = (j: number): number => chainLocal(j, 2); // first address it reports
const E = (j: number): number => chainLocal(j, 3); // address past the last it reports
const O = (j: number): number => chainLocal(j, 4); // where its next hit is written
const LOCALS = 2 + 5 * CHAINS;

/** One character of chain j: read it, step the automaton, write a hit if one ends here inside the chain's segment. */
function step(j: number): number[] {
  return [
    // c = the UTF-16 code unit at p; seen |= c (a bit at 128 or above means a non-ASCII character).
    ...get(P(j)), ...load16(), ...tee(C),
    ...get(SEEN), op.i32Or, ...set(SEEN),
    // state = table[(state << shift) | classes[min(c, 128)]]. classes[128] is 0, the class no
    // keyword uses: from every state it leads to the start state, which is what the JS loop
    // does on a non-ASCII character. `select` keeps the loop free of branches.
    ...get(TABLE),
    ...get(S(j)), ...get(SHIFT), op.i32Shl,
    ...get(CLASSES), ...get(C), ...i32(128), ...get(C), ...i32(128), op.i32LtU, op.select, op.i32Add, ...load8(),
    op.i32Or, ...i32(1), op.i32Shl, op.i32Add, ...load16(), ...tee(S(j)),
    // Rare: a state that ends some keyword. Report it only if p lies in [r, e): the chain's
    // run-in before its segment (and a run past it, see below) belongs to a neighbour.
    ...get(FIRST_OUTPUT), op.i32GeU,
    op.if, NO_RESULT,
    ...get(P(j)), ...get(R(j)), op.i32GeU, ...get(P(j)), ...get(E(j)), op.i32LtU, op.i32And,
    op.if, NO_RESULT,
    ...get(O(j)), ...get(P(j)), ...store32(0),
    ...get(O(j)), ...get(S(j)), ...store32(4),
    ...get(O(j)), ...i32(8), op.i32Add, ...set(O(j)),
    op.end,
    op.end,
    // p += 2 (one UTF-16 code unit).
    ...get(P(j)), ...i32(2), op.i32Add, ...set(P(j)),
  ];
}

function scanFunctionBody(): number[] {
  const code: number[] = [];
  // Each chain's record from the header into locals; every state starts at 0 (locals are zeroed).
  for (let j = 0; j < CHAINS; j++) {
    code.push(...get(HEADER), ...load32(16 * j), ...set(P(j)));
    code.push(...get(HEADER), ...load32(16 * j + 4), ...set(R(j)));
    code.push(...get(HEADER), ...load32(16 * j + 8), ...set(E(j)));
    code.push(...get(HEADER), ...load32(16 * j + 12), ...set(O(j)));
  }
  // while (steps !== 0) { one character of each chain, in turn; steps-- }
  // The four steps are independent: the CPU overlaps their table loads, which is the point.
  code.push(op.block, NO_RESULT, op.loop, NO_RESULT);
  code.push(...get(STEPS), op.i32Eqz, op.brIf, 1);
  for (let j = 0; j < CHAINS; j++) code.push(...step(j));
  code.push(...get(STEPS), ...i32(1), op.i32Sub, ...set(STEPS), op.br, 0);
  code.push(op.end, op.end);
  // Where each chain's hits end, back to the header; the OR of all characters is the result.
  for (let j = 0; j < CHAINS; j++) code.push(...get(HEADER), ...get(O(j)), ...store32(16 * j + 12));
  code.push(...get(SEEN), op.end);
  return [1, ...uleb(LOCALS), I32, ...code];
}

function moduleBytes(): Uint8Array {
  const body = scanFunctionBody();
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d], // "\0asm"
    ...[0x01, 0x00, 0x00, 0x00], // version 1
    ...section(1, [1, FUNC_TYPE, PARAMS, ...Array<number>(PARAMS).fill(I32), 1, I32]), // types: (i32 × 6) → i32
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // imports: env.memory, at least 1 page
    ...section(3, [1, 0]), // functions: one, of type 0
    ...section(7, [1, ...name('scan'), 0x00, 0]), // exports: "scan" = function 0
    ...section(10, [1, ...uleb(body.length), ...body]), // code
  ]);
}

/**
 * The little of the WebAssembly JS API used here, typed by hand: the core compiles with
 * lib ES2023 and Node's types, which leave WebAssembly out. Absent in some runtimes.
 */
interface WasmModule {
  readonly __wasmModule?: never;
}
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Memory: new (descriptor: { initial: number; maximum: number }) => WasmMemory;
  Instance: new (module: WasmModule, imports: { env: { memory: WasmMemory } }) => { exports: Record<string, unknown> };
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

type ScanFunction = (steps: number, table: number, classes: number, shift: number, firstOutput: number, header: number) => number;

let compiled: WasmModule | null | undefined;
/** The module, compiled once per thread (null: WebAssembly is unavailable here or refused it). */
function compiledModule(): WasmModule | null {
  if (compiled === undefined) {
    try {
      compiled = wasmApi === undefined ? null : new wasmApi.Module(moduleBytes());
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

const PAGE = 65536;
const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/** Copies text[from, to) as UTF-16 code units to `at` (Buffer's utf16le writes them as they are, lone surrogates too). */
type CopyText = (text: string, from: number, to: number, at: number) => void;

/**
 * One automaton's table in its own WebAssembly memory, and the loop over it. A scanner
 * makes one when it first meets a long text; each worker thread has its own.
 */
export class WasmAutomaton {
  private readonly scanFn: ScanFunction;
  private readonly memory: WasmMemory;
  private readonly i32: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly copy: CopyText;
  private readonly back: number;
  private readonly tableAt: number;
  private readonly classesAt: number;
  private readonly hitsAt: number;
  /** Bytes of hits each chain may write: one per character of its segment at most. */
  private readonly hitsPerChain: number;
  private readonly textAt: number;
  /** Set when a call failed: the owner should not use this automaton again. */
  failed = false;

  /** Undefined when WebAssembly is unavailable or the module fails to instantiate: the caller keeps its JS loop. */
  static create(automaton: AutomatonTable, window = WASM_WINDOW): WasmAutomaton | undefined {
    const module = compiledModule();
    if (module === null) return undefined;
    try {
      return new WasmAutomaton(module, automaton, window);
    } catch {
      return undefined;
    }
  }

  private constructor(
    module: WasmModule,
    private readonly automaton: AutomatonTable,
    private readonly window: number,
  ) {
    // Layout: header | table | classes (129 bytes) | hits (four chains) | text (window + run-in).
    this.back = automaton.maxKeywordLength - 1;
    this.tableAt = align(HEADER_BYTES, 64);
    this.classesAt = this.tableAt + automaton.table.length * 2;
    this.hitsAt = align(this.classesAt + 129, 8);
    this.hitsPerChain = Math.ceil(window / CHAINS) * 8;
    this.textAt = this.hitsAt + CHAINS * this.hitsPerChain;
    const size = this.textAt + (window + this.back) * 2;
    this.memory = new wasmApi!.Memory({ initial: Math.ceil(size / PAGE), maximum: Math.ceil(size / PAGE) });
    const instance = new wasmApi!.Instance(module, { env: { memory: this.memory } });
    this.scanFn = instance.exports.scan as ScanFunction;
    const buffer = this.memory.buffer;
    this.i32 = new Int32Array(buffer);
    this.bytes = new Uint8Array(buffer);
    new Uint16Array(buffer, this.tableAt, automaton.table.length).set(automaton.table);
    // classes[128] stays 0: every non-ASCII character is read as class 0.
    this.bytes.set(automaton.classOf.subarray(0, 128), this.classesAt);
    if (typeof Buffer === 'function') {
      const view = Buffer.from(buffer);
      this.copy = (text, from, to, at) => void view.write(text.slice(from, to), at, 'utf16le');
    } else {
      const units = new Uint16Array(buffer);
      this.copy = (text, from, to, at) => {
        for (let i = from, k = at >> 1; i < to; i++, k++) units[k] = text.charCodeAt(i);
      };
    }
  }

  /**
   * Scans `text`, calling onHit(state, at) for each position `at` where the automaton
   * reaches an output `state`, in increasing order of `at`. If a call into WebAssembly
   * fails, it stops there: the text from `scannedTo` on is the caller's to scan.
   */
  scan(text: string, onHit: (state: number, at: number) => void): WasmScanResult {
    const n = text.length;
    const back = this.back;
    const i32 = this.i32;
    const textAt = this.textAt;
    let seen = 0;
    let copied = 0;
    let w = 0;
    try {
      for (; w < n; w += this.window) {
        // The window [w, to), preceded by its run-in [from, w): the characters a keyword
        // ending at w may start at. The run-in is read, never reported (the window before reports it).
        const from = Math.max(0, w - back);
        const to = Math.min(n, w + this.window);
        this.copy(text, from, to, textAt);
        copied = Math.max(copied, (to - from) * 2);
        // Four segments [r_j, e_j) split [w, to); the last ones are empty when the window is
        // shorter than four characters. Each chain must read from r_j - back (or from, when the
        // text starts later) to e_j; they all take the longest of these runs, so a chain starts
        // earlier than it must, which is harmless: an earlier start reaches the same state.
        const quarter = Math.ceil((to - w) / CHAINS);
        let steps = 0;
        for (let j = 0; j < CHAINS; j++) {
          const r = Math.min(to, w + j * quarter);
          const e = Math.min(to, r + quarter);
          steps = Math.max(steps, e - Math.max(from, r - back));
          i32[4 * j + 1] = textAt + (r - from) * 2;
          i32[4 * j + 2] = textAt + (e - from) * 2;
        }
        // Start each chain `steps` before its segment's end, but never before `from`. Since
        // steps <= e_k - from <= to - from for the chain k that set it, a chain clamped to
        // `from` ends at from + steps <= to: no chain reads past the copied text, and one
        // that runs past its segment's end reports nothing there (it reports only in [r, e)).
        for (let j = 0; j < CHAINS; j++) {
          const e = Math.min(to, w + (j + 1) * quarter);
          i32[4 * j] = textAt + (Math.max(from, e - steps) - from) * 2;
          i32[4 * j + 3] = this.hitsAt + j * this.hitsPerChain;
        }
        try {
          seen |= this.scanFn(steps, this.tableAt, this.classesAt, this.automaton.shift, this.automaton.firstOutputState, 0);
        } catch {
          // Whatever failed, the windows before w were reported in full, and nothing of this one.
          this.failed = true;
          break;
        }
        // Hits, chain by chain: the segments are in order, and so is each chain's list.
        for (let j = 0; j < CHAINS; j++) reportHits(i32, (this.hitsAt + j * this.hitsPerChain) >> 2, i32[4 * j + 3]! >> 2, textAt, from, onHit);
      }
    } finally {
      // The copied text holds the user's secrets: none of it stays here between scans.
      this.bytes.fill(0, textAt, textAt + copied);
    }
    return { scannedTo: Math.min(w, n), nonAscii: seen >= 128 };
  }
}

/**
 * One chain's hits, from `first` up to `end` (indices into `i32`: a hit is its byte address in the copied text, then its
 * state), to onHit with the state and the text's offset. A function of its own: as a loop inside `scan`, the many hits of
 * the first large text made TurboFan compile `scan` within its first call, before the copy into WebAssembly memory
 * further on had run enough to have feedback, and the next window deoptimized it (then compiled twice more).
 */
function reportHits(i32: Int32Array, first: number, end: number, textAt: number, from: number, onHit: (state: number, at: number) => void): void {
  for (let k = first; k < end; k += 2) onHit(i32[k + 1]!, ((i32[k]! - textAt) >> 1) + from);
}
