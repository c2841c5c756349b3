/**
 * The keyword automaton of the built-in rules, made at build time and handed to the core by the bundle's
 * loader, so that a detector need not build it at every start.
 *
 * Why: building it (~2,200 keywords, ~11,000 states) was the largest piece of `createDetector`, and it runs
 * once per process, cold: in the interpreter until its loops are compiled on the stack (four optimised
 * compiles on background threads), with a 5 MB trie and a 1.4 MB table that also brought the first full
 * collection forward. Instructions (callgrind) of loading the core and creating a detector: ~1,070 M with
 * the build, ~910 M without it. The ready-made automaton is one read of a file.
 *
 * The image is used only for exactly the keyword list it was made from (the built-in rules without declared
 * internal domains, extra rules or disabled ones: what a plain `takumo scan` compiles); any other list is
 * built as before, and so is everything when no image was given (tests, the TypeScript sources, tsc's
 * output). An image that does not read back whole is ignored. Nothing here touches the file system: the
 * loader reads the file (scripts/bundle.mjs).
 *
 * Layout, little-endian, in the order read (32-bit header and ends first, so that every array is aligned):
 *   u32 × 8   MAGIC, keyword count K, keyword characters C, states S, shift, first output state F, output ids N, 0
 *   u32 × (S - F)   where each output state's ids end in the id list
 *   u16 × (S << shift)   the table
 *   u16 × K   keyword lengths
 *   u16 × N   output ids
 *   u8 × 128   character classes
 *   u8 × K   1 where the keyword is checked against the text (holds a character of the shared class)
 *   u8 × C   the lower-cased keywords, one after another
 */
import type { KeywordAutomaton } from './keyword-scanner.js';

/** "KWA" and the layout's version: an image of another layout is not read. */
const MAGIC = 0x4b574101;
const HEADER_WORDS = 8;
const ASCII = 128;

let image: Uint8Array | undefined;
/** The image read back, kept for every later scanner of the same keywords (automata are never changed). */
let decoded: { keywords: string; lengths: Uint16Array; automaton: KeywordAutomaton | undefined } | undefined;

/** Hands over the build's image (undefined: none); later scanners of its keyword list take their automaton from it. */
export function usePrebuiltAutomaton(bytes: Uint8Array | undefined): void {
  image = bytes;
  decoded = undefined;
}

/** The automaton of `lowered` (lower-cased keywords, in id order) from the image, if there is one made for exactly these. */
export function prebuiltAutomaton(lowered: readonly string[]): KeywordAutomaton | undefined {
  if (image === undefined) return undefined;
  decoded ??= readImage(image);
  const { keywords, lengths, automaton } = decoded;
  if (automaton === undefined || lowered.length !== lengths.length) return undefined;
  for (let id = 0; id < lowered.length; id++) if (lowered[id]!.length !== lengths[id]) return undefined;
  return lowered.join('') === keywords ? automaton : undefined;
}

/** The image of an automaton built from `lowered` (see buildAutomaton), for the build to save. */
export function encodeAutomaton(lowered: readonly string[], automaton: KeywordAutomaton): Uint8Array {
  const outputCount = automaton.outputs.length;
  const states = automaton.firstOutputState + outputCount;
  const ids = automaton.outputs.flat();
  const chars = lowered.join('');
  const sizes = layout(lowered.length, chars.length, states, automaton.shift, automaton.firstOutputState, ids.length);
  const bytes = new Uint8Array(sizes.total);
  const header = new Uint32Array(bytes.buffer, 0, HEADER_WORDS);
  header.set([MAGIC, lowered.length, chars.length, states, automaton.shift, automaton.firstOutputState, ids.length, 0]);
  const ends = new Uint32Array(bytes.buffer, sizes.endsAt, outputCount);
  let end = 0;
  automaton.outputs.forEach((list, index) => (ends[index] = end += list.length));
  new Uint16Array(bytes.buffer, sizes.tableAt, automaton.table.length).set(automaton.table);
  new Uint16Array(bytes.buffer, sizes.lengthsAt, lowered.length).set(lowered.map((k) => k.length));
  new Uint16Array(bytes.buffer, sizes.idsAt, ids.length).set(ids);
  bytes.set(automaton.classOf, sizes.classesAt);
  automaton.checkText.forEach((check, id) => (bytes[sizes.checkedAt + id] = check === undefined ? 0 : 1));
  for (let i = 0; i < chars.length; i++) bytes[sizes.charsAt + i] = chars.charCodeAt(i);
  return bytes;
}

interface Layout {
  endsAt: number;
  tableAt: number;
  lengthsAt: number;
  idsAt: number;
  classesAt: number;
  checkedAt: number;
  charsAt: number;
  total: number;
}

function layout(keywordCount: number, chars: number, states: number, shift: number, firstOutput: number, ids: number): Layout {
  const endsAt = HEADER_WORDS * 4;
  const tableAt = endsAt + 4 * (states - firstOutput);
  const lengthsAt = tableAt + 2 * (states << shift);
  const idsAt = lengthsAt + 2 * keywordCount;
  const classesAt = idsAt + 2 * ids;
  const checkedAt = classesAt + ASCII;
  const charsAt = checkedAt + keywordCount;
  return { endsAt, tableAt, lengthsAt, idsAt, classesAt, checkedAt, charsAt, total: charsAt + chars };
}

/** The image's keywords and automaton; no automaton when the image is not one this code wrote, or does not add up. */
function readImage(bytes: Uint8Array): NonNullable<typeof decoded> {
  const unreadable = { keywords: '', lengths: new Uint16Array(0), automaton: undefined };
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  if (bytes.length < HEADER_WORDS * 4) return unreadable;
  const [magic, keywordCount, chars, states, shift, firstOutput, idCount] = new Uint32Array(bytes.buffer, bytes.byteOffset, HEADER_WORDS) as unknown as number[];
  if (magic !== MAGIC || shift! > 8 || firstOutput! > states! || states! >= 65536) return unreadable;
  const sizes = layout(keywordCount!, chars!, states!, shift!, firstOutput!, idCount!);
  if (sizes.total !== bytes.length) return unreadable;
  const at = bytes.byteOffset;
  const ends = new Uint32Array(bytes.buffer, at + sizes.endsAt, states! - firstOutput!);
  const ids = new Uint16Array(bytes.buffer, at + sizes.idsAt, idCount!);
  const lengths = new Uint16Array(bytes.buffer, at + sizes.lengthsAt, keywordCount!);
  const text = bytes.subarray(sizes.charsAt, sizes.charsAt + chars!);
  const keywords = latin1(text);
  const outputs: number[][] = new Array<number[]>(ends.length);
  let start = 0;
  for (let index = 0; index < ends.length; index++) {
    const end = ends[index]!;
    if (end < start || end > idCount!) return unreadable;
    const list = Array.from(ids.subarray(start, end));
    for (const id of list) if (id >= keywordCount!) return unreadable;
    outputs[index] = list;
    start = end;
  }
  const checkText = new Array<string | undefined>(keywordCount!).fill(undefined);
  for (let id = 0, from = 0; id < keywordCount!; from += lengths[id]!, id++) {
    if (bytes[sizes.checkedAt + id] === 1) checkText[id] = keywords.slice(from, from + lengths[id]!);
  }
  // Copies, not views of the image: the scanner's arrays then stand alone, as when it builds them.
  const table = new Uint16Array(bytes.buffer, at + sizes.tableAt, states! << shift!).slice();
  const classOf = bytes.slice(sizes.classesAt, sizes.classesAt + ASCII);
  return { keywords, lengths: lengths.slice(), automaton: { table, shift: shift!, classOf, firstOutputState: firstOutput!, outputs, checkText } };
}

/** One byte a character (the keywords are ASCII). */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
