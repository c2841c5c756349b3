import fc from 'fast-check';

/**
 * `whole` cut at each of `offsets` into consecutive pieces that join back to it. Repeated
 * offsets and their order do not matter; cutting at 0 or at the end gives an empty piece,
 * which streaming code must accept like any other chunk.
 */
export function splitAt<T extends string | Uint8Array>(whole: T, offsets: readonly number[]): T[] {
  const cut = (from: number, to?: number): T =>
    (typeof whole === 'string' ? whole.slice(from, to) : whole.subarray(from, to)) as T;
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const pieces: T[] = [];
  let at = 0;
  for (const offset of sorted) {
    pieces.push(cut(at, offset));
    at = offset;
  }
  pieces.push(cut(at));
  return pieces;
}

/** Any way of cutting `whole` at up to `maxCuts` offsets, as the network might deliver it. */
export function chunkingsOf<T extends string | Uint8Array>(whole: T, maxCuts: number): fc.Arbitrary<T[]> {
  return fc.array(fc.integer({ min: 0, max: whole.length }), { maxLength: maxCuts }).map((offsets) => splitAt(whole, offsets));
}
