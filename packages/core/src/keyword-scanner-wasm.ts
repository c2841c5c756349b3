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
 * A window of ASCII text (all of the bench tree) goes through a second loop, `scan8`: one byte a character, each chain's
 * segment in a slot of its own at a fixed address, the addresses built into the code. It keeps none of the 16-bit loop's
 * per-character work for other characters (the clamp before the class) and leaves the
 * registers to the chains' states: the scanner alone over the bench tree, ~30% less time (median of 8 passes under load
 * ~10: 300 -> 210 ms). A window that holds any other character is copied again as UTF-16 for the first loop.
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
  i32Ne: 0x47,
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
const load8 = (offset = 0): number[] => [op.i32Load8U, 0, ...uleb(offset)];
const load16 = (offset = 0): number[] => [op.i32Load16U, 1, ...uleb(offset)];
const load32 = (offset: number): number[] => [op.i32Load, 2, ...uleb(offset)];
const store32 = (offset: number): number[] => [op.i32Store, 2, ...uleb(offset)];

// ---------------------------------------------------------------------------------------
// The function: scan(steps, table, classes, shift, firstOutput, header) → nothing (the hits are in memory).
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
/** Locals after the parameters: the character just read, then five per chain. */
const C = PARAMS;
const chainLocal = (j: number, k: number): number => PARAMS + 1 + 5 * j + k;
const P = (j: number): number => chainLocal(j, 0); // address of the next character
const S = (j: number): number => chainLocal(j, 1); // automaton state
const R = (j: number): number => chainLocal(j, 2); // first address it reports
const E = (j: number): number => chainLocal(j, 3); // address past the last it reports
const O = (j: number): number => chainLocal(j, 4); // where its next hit is written
const LOCALS = 1 + 5 * CHAINS;

/** One character of chain j: read it, step the automaton, write a hit if one ends here inside the chain's segment. */
function step(j: number): number[] {
  return [
    // c = the UTF-16 code unit at p.
    ...get(P(j)), ...load16(), ...set(C),
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
  // Where each chain's hits end, back to the header.
  for (let j = 0; j < CHAINS; j++) code.push(...get(HEADER), ...get(O(j)), ...store32(16 * j + 12));
  code.push(op.end);
  return [1, ...uleb(LOCALS), I32, ...code];
}

// ---------------------------------------------------------------------------------------
// The function for ASCII text: scan8(steps) → nothing. Most texts are all ASCII (every file of the bench tree is): copied
// one byte a character, they need no non-ASCII tracking and no clamp of the character before its class is read. Each chain
// has a slot of its own in memory, at a fixed address, holding its segment preceded by its run-in, so one offset `p` steps
// all four chains, and every address the loop reads is `p`, a character or a state plus a constant: the layout is built
// into the function (one module per automaton), which leaves the loop the registers for its five values. Chain j reads
// slot_j[p] for p in [0, steps) and reports a hit at p >= back only: p < back is its run-in, its neighbour's to report.
// A hit is written where the chain's cursor in `cursorsAt` points (8 bytes: p, then the state), the cursor moved on.
/** Where the 8-bit loop finds its table, its classes, its slots and its hit cursors: constants of its code. */
interface Layout8 {
  readonly tableAt: number;
  /** 128 bytes: each ASCII code's class, times two (a byte offset into a table row of 16-bit states). */
  readonly classes2At: number;
  readonly slotAt: readonly number[];
  /** CHAINS i32: where each chain's next hit goes. */
  readonly cursorsAt: number;
  readonly shift: number;
  readonly firstOutput: number;
  readonly back: number;
}
const STEPS8 = 0;
/** Locals after the parameter: the shared offset, a hit's address, then one state per chain. */
const P8 = 1, HIT8 = 2;
const S8 = (j: number): number => 3 + j;
const LOCALS8 = 2 + CHAINS;

/** One character of chain j: state = table[(state << shift) | class(slot_j[p])], and a hit written if it ends one past the run-in. */
function step8(j: number, l: Layout8): number[] {
  return [
    // The row's byte offset (state << (shift + 1)) OR the column's (class * 2): its 16-bit entry is the next state.
    ...get(S8(j)), ...i32(l.shift + 1), op.i32Shl,
    ...get(P8), ...load8(l.slotAt[j]!), ...load8(l.classes2At),
    op.i32Or, ...load16(l.tableAt), ...tee(S8(j)),
    ...i32(l.firstOutput), op.i32GeU,
    op.if, NO_RESULT,
    ...get(P8), ...i32(l.back), op.i32GeU,
    op.if, NO_RESULT,
    ...i32(0), ...load32(l.cursorsAt + 4 * j), ...tee(HIT8),
    ...get(P8), ...store32(0),
    ...get(HIT8), ...get(S8(j)), ...store32(4),
    ...i32(0), ...get(HIT8), ...i32(8), op.i32Add, ...store32(l.cursorsAt + 4 * j),
    op.end,
    op.end,
  ];
}

function scan8FunctionBody(l: Layout8): number[] {
  // do { one character of each chain; p++ } while (p !== steps): the caller never asks for 0 steps.
  const code: number[] = [op.loop, NO_RESULT];
  for (let j = 0; j < CHAINS; j++) code.push(...step8(j, l));
  code.push(...get(P8), ...i32(1), op.i32Add, ...tee(P8), ...get(STEPS8), op.i32Ne, op.brIf, 0, op.end, op.end);
  return [1, ...uleb(LOCALS8), I32, ...code];
}

function moduleBytes(layout: Layout8): Uint8Array {
  const body = scanFunctionBody();
  const body8 = scan8FunctionBody(layout);
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d], // "\0asm"
    ...[0x01, 0x00, 0x00, 0x00], // version 1
    // types: (i32 × 6) → (), (i32) → ()
    ...section(1, [2, FUNC_TYPE, PARAMS, ...Array<number>(PARAMS).fill(I32), 0, FUNC_TYPE, 1, I32, 0]),
    ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]), // imports: env.memory, at least 1 page
    ...section(3, [2, 0, 1]), // functions: scan of type 0, scan8 of type 1
    ...section(7, [2, ...name('scan'), 0x00, 0, ...name('scan8'), 0x00, 1]), // exports
    ...section(10, [2, ...uleb(body.length), ...body, ...uleb(body8.length), ...body8]), // code
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

type ScanFunction = (steps: number, table: number, classes: number, shift: number, firstOutput: number, header: number) => void;
type Scan8Function = (steps: number) => void;

const PAGE = 65536;
const align = (n: number, to: number): number => Math.ceil(n / to) * to;

/** Copies text[from, to) as UTF-16 code units to `at` (Buffer's utf16le writes them as they are, lone surrogates too). */
type CopyText = (text: string, from: number, to: number, at: number) => void;

/** One chain's piece of a window in its slot: text[from, to) copied at slot + at. */
interface Piece {
  from: number;
  to: number;
  at: number;
}

const UTF8 = new TextEncoder();

/**
 * One automaton's table in its own WebAssembly memory, and the loop over it. A scanner
 * makes one when it first meets a long text; each worker thread has its own.
 */
export class WasmAutomaton {
  private readonly scanFn: ScanFunction;
  private readonly scan8Fn: Scan8Function;
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
  private readonly layout8: Layout8;
  private readonly pieces: Piece[] = Array.from({ length: CHAINS }, () => ({ from: 0, to: 0, at: 0 }));
  /** Set when a call failed: the owner should not use this automaton again. */
  failed = false;

  /** Undefined when WebAssembly is unavailable or the module fails to instantiate: the caller keeps its JS loop. */
  static create(automaton: AutomatonTable, window = WASM_WINDOW): WasmAutomaton | undefined {
    if (wasmApi === undefined) return undefined;
    try {
      return new WasmAutomaton(automaton, window);
    } catch {
      return undefined;
    }
  }

  private constructor(
    private readonly automaton: AutomatonTable,
    private readonly window: number,
  ) {
    // Layout: header | table | classes (129 bytes) | classes × 2 (128 bytes) | hit cursors | hits (four chains)
    //   | text (window + run-in, UTF-16) | four slots (a quarter window + run-in, one byte a character).
    this.back = automaton.maxKeywordLength - 1;
    this.tableAt = align(HEADER_BYTES, 64);
    this.classesAt = this.tableAt + automaton.table.length * 2;
    const classes2At = this.classesAt + 129;
    const cursorsAt = align(classes2At + 128, 8);
    this.hitsAt = cursorsAt + 4 * CHAINS;
    this.hitsPerChain = Math.ceil(window / CHAINS) * 8;
    this.textAt = this.hitsAt + CHAINS * this.hitsPerChain;
    const slotBytes = align(Math.ceil(window / CHAINS) + this.back, 8);
    const slotsAt = align(this.textAt + (window + this.back) * 2, 8);
    const slotAt = Array.from({ length: CHAINS }, (_, j) => slotsAt + j * slotBytes);
    this.layout8 = { tableAt: this.tableAt, classes2At, slotAt, cursorsAt, shift: automaton.shift, firstOutput: automaton.firstOutputState, back: this.back };
    const module = new wasmApi!.Module(moduleBytes(this.layout8));
    const size = slotsAt + CHAINS * slotBytes;
    this.memory = new wasmApi!.Memory({ initial: Math.ceil(size / PAGE), maximum: Math.ceil(size / PAGE) });
    const instance = new wasmApi!.Instance(module, { env: { memory: this.memory } });
    this.scanFn = instance.exports.scan as ScanFunction;
    this.scan8Fn = instance.exports.scan8 as Scan8Function;
    const buffer = this.memory.buffer;
    this.i32 = new Int32Array(buffer);
    this.bytes = new Uint8Array(buffer);
    new Uint16Array(buffer, this.tableAt, automaton.table.length).set(automaton.table);
    // classes[128] stays 0: every non-ASCII character is read as class 0.
    this.bytes.set(automaton.classOf.subarray(0, 128), this.classesAt);
    for (let c = 0; c < 128; c++) this.bytes[classes2At + c] = automaton.classOf[c]! * 2;
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
    let nonAscii = false;
    let w = 0;
    try {
      for (; w < n; w += this.window) {
        const to = Math.min(n, w + this.window);
        if (this.scanAscii(text, w, to, onHit)) continue;
        nonAscii = true;
        this.scanUtf16(text, w, to, onHit);
      }
    } catch {
      // Whatever failed, the windows before w were reported in full, and nothing of this one.
      this.failed = true;
    }
    return { scannedTo: Math.min(w, n), nonAscii };
  }

  /**
   * The window [w, to) by the 8-bit loop, if all of it and its run-in are ASCII (false, and nothing reported, if not).
   * Chain j's slot holds text[w + j·q - back, w + (j + 1)·q) for a quarter q, with zeros where that runs outside the text
   * or the window: a zero is class 0, which leads to the start state, as the text's start does, and ends no keyword.
   */
  private scanAscii(text: string, w: number, to: number, onHit: (state: number, at: number) => void): boolean {
    const back = this.back;
    const quarter = Math.ceil((to - w) / CHAINS);
    const { slotAt, cursorsAt } = this.layout8;
    const pieces = this.pieces;
    let ascii = true;
    try {
      for (let j = 0; j < CHAINS; j++) {
        const start = w + j * quarter - back;
        const piece = pieces[j]!;
        piece.from = Math.max(0, start);
        piece.to = Math.max(piece.from, Math.min(to, start + back + quarter));
        piece.at = piece.from - start;
        if (ascii && piece.to > piece.from) ascii = this.copyAscii(text, piece, slotAt[j]!);
        this.i32[(cursorsAt >> 2) + j] = this.hitsAt + j * this.hitsPerChain;
      }
      if (!ascii) return false;
      this.scan8Fn(quarter + back);
    } finally {
      // The copied text holds the user's secrets, and a slot must hold zeros past its piece in the next window.
      for (let j = 0; j < CHAINS; j++) this.bytes.fill(0, slotAt[j]! + pieces[j]!.at, slotAt[j]! + pieces[j]!.at + (pieces[j]!.to - pieces[j]!.from));
    }
    for (let j = 0; j < CHAINS; j++) {
      const first = (this.hitsAt + j * this.hitsPerChain) >> 2;
      reportHits(this.i32, first, this.i32[(cursorsAt >> 2) + j]! >> 2, 0, 0, w + j * quarter - back, onHit);
    }
    return true;
  }

  /** Copies a piece one byte a character; false when it holds a character beyond ASCII (the rest of it then not copied). */
  private copyAscii(text: string, piece: Piece, slot: number): boolean {
    const length = piece.to - piece.from;
    const into = this.bytes.subarray(slot + piece.at, slot + piece.at + length);
    // UTF-8 is ASCII byte for byte, and writes any other character as two bytes or more: `length` characters read as
    // `length` bytes are all ASCII.
    const { read, written } = UTF8.encodeInto(text.slice(piece.from, piece.to), into);
    return read === length && written === length;
  }

  /** The window [w, to) by the 16-bit loop, which reads any character (those beyond ASCII as class 0). */
  private scanUtf16(text: string, w: number, to: number, onHit: (state: number, at: number) => void): void {
    const back = this.back;
    const i32 = this.i32;
    const textAt = this.textAt;
    // The window [w, to), preceded by its run-in [from, w): the characters a keyword
    // ending at w may start at. The run-in is read, never reported (the window before reports it).
    const from = Math.max(0, w - back);
    this.copy(text, from, to, textAt);
    try {
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
      this.scanFn(steps, this.tableAt, this.classesAt, this.automaton.shift, this.automaton.firstOutputState, 0);
    } finally {
      // The copied text holds the user's secrets: none of it stays here between scans.
      this.bytes.fill(0, textAt, textAt + (to - from) * 2);
    }
    // Hits, chain by chain: the segments are in order, and so is each chain's list.
    for (let j = 0; j < CHAINS; j++) reportHits(i32, (this.hitsAt + j * this.hitsPerChain) >> 2, i32[4 * j + 3]! >> 2, textAt, 1, from, onHit);
  }
}

/**
 * One chain's hits, from `first` up to `end` (indices into `i32`: a hit is where it ended, then its state), to onHit with
 * the state and the text's offset: `base` plus the hit's distance from `origin`, in characters of `1 << unitShift` bytes.
 * A function of its own: as a loop inside `scan`, the many hits of the first large text made TurboFan compile `scan` within
 * its first call, before the copy into WebAssembly memory further on had run enough to have feedback, and the next window
 * deoptimized it (then compiled twice more).
 */
function reportHits(i32: Int32Array, first: number, end: number, origin: number, unitShift: number, base: number, onHit: (state: number, at: number) => void): void {
  for (let k = first; k < end; k += 2) onHit(i32[k + 1]!, ((i32[k]! - origin) >> unitShift) + base);
}
