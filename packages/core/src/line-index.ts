/** Maps UTF-16 offsets to 1-based line/column pairs with a binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** 0-based line number holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - (this.starts[line] as number) + 1 };
  }

  lineText(line0: number): string {
    const start = this.starts[line0] ?? this.text.length;
    const next = this.starts[line0 + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}

/** The offset of the first line break at or after `from`, or `limit` when none comes before it (a bounded `indexOf('\n')`). */
export function lineEndBefore(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && text.charCodeAt(i) !== 10) i++;
  return i;
}

/**
 * The last offset at or before `from`, and at or after `floor`, where `search` starts, or -1: a `lastIndexOf` that
 * stops at a lower bound. A check that reads back only so far (a fragment's length, a class statement's look-back)
 * must not pay for a search to the start of the text at each of its keywords.
 */
export function lastIndexOfAbove(text: string, search: string, from: number, floor: number): number {
  const low = Math.max(0, floor);
  const high = Math.min(from, text.length - search.length);
  if (high < low) return -1;
  const i = text.slice(low, high + search.length).lastIndexOf(search);
  return i === -1 ? -1 : low + i;
}

/** The first offset at or after `from`, and before `limit`, where `search` starts, or -1: an `indexOf` that stops at an upper bound. */
export function indexOfBelow(text: string, search: string, from: number, limit: number): number {
  const low = Math.max(0, from);
  const high = Math.min(limit, text.length - search.length + 1);
  if (high <= low) return -1;
  const i = text.slice(low, high - 1 + search.length).indexOf(search);
  return i === -1 ? -1 : low + i;
}

/**
 * A `text.indexOf('\n', from)` for a finder that asks at offsets that do not go back (keywords, matches in order): the
 * line break found is remembered, so the keywords of one long line share one search instead of each reading the line to
 * its end. Asked below an earlier offset, it searches afresh (the same answers, without the saving).
 */
export function lineBreakCursor(text: string): (from: number) => number {
  // No line break stands in [asked, found) (or after `asked` at all, when `found` is -1); -2: nothing searched yet.
  let asked = 0;
  let found = -2;
  return (from) => {
    if (found === -2 || from < asked || (found !== -1 && from > found)) found = text.indexOf('\n', from);
    asked = from;
    return found;
  };
}

/**
 * Start and end of the line around `at`, looking at most `reach` characters each way.
 * Finders use this instead of `lastIndexOf('\n')`, which on a megabyte-long line would
 * cost a full scan per candidate and make a scan quadratic.
 */
export function lineAround(text: string, at: number, reach = 400): { start: number; end: number } {
  let start = at;
  const minStart = Math.max(0, at - reach);
  while (start > minStart && text.charCodeAt(start - 1) !== 10) start--;
  let end = at;
  const maxEnd = Math.min(text.length, at + reach);
  while (end < maxEnd && text.charCodeAt(end) !== 10) end++;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return { start, end };
}

/**
 * Whether only spaces and tabs, at most `maxIndent` of them, stand between the start of the line
 * holding `at` and `at` (a directive that must open its line). Reads back no further than the
 * indent allows, so a long line costs nothing.
 */
export function startsItsLine(text: string, at: number, maxIndent = Number.POSITIVE_INFINITY): boolean {
  for (let i = at - 1; at - 1 - i <= maxIndent; i--) {
    if (i < 0) return true;
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return false;
}

/** The longest line `linesFrom` reads: a longer one is data, not a row or a command, and ends the walk. */
const MAX_WALKED_LINE = 4000;

/**
 * The lines from `from` on, each with its start and without its line break, up to `max` lines
 * (a line over 4,000 characters ends the walk, so a finder that reads a few lines after each
 * of its keywords stays linear on a text of one endless line).
 */
export function* linesFrom(text: string, from: number, max: number): Generator<{ start: number; text: string }> {
  for (let start = from, n = 0; start < text.length && n < max; n++) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (end - start > MAX_WALKED_LINE) return;
    yield { start, text: text.slice(start, end).replace(/\r$/, '') };
    if (nl === -1) return;
    start = nl + 1;
  }
}
