/**
 * String literals that code joins into one value, and lists of them, read from a given offset:
 * a key split so a scanner would not see it whole (`"sk-…" + "…"`, PHP's `'…' . '…'`, Python's
 * and C's adjacent literals `("…"\n "…")`), and keys kept as a list (`jwt_keys = ["current", "previous"]`,
 * C#'s `string[] ApiKeys = { "…", "…" };`). Readers only: what a value is worth is judged elsewhere.
 *
 * Everything is bounded (a literal's length, the number of parts and items), so hostile input
 * is read in linear time.
 */

import { lineEndBefore } from '../line-index.js';

/** One value: where its first literal's body starts and its last one's ends, and the bodies joined. */
export interface LiteralRun {
  start: number;
  end: number;
  value: string;
  /** How many literals were joined (1: a single literal). */
  parts: number;
}

const MAX_LITERAL = 300;
const MAX_PARTS = 8;
const MAX_ITEMS = 32;

const isHorizontalSpace = (c: number): boolean => c === 32 || c === 9;
const isQuote = (c: number): boolean => c === 34 /* " */ || c === 39; /* ' */

/**
 * The body of the literal whose opening quote is at `open` (escapes kept as written; `end` is its
 * closing quote), or undefined when it does not close on its line within `maxLength` characters.
 */
export function literalAt(text: string, open: number, maxLength = MAX_LITERAL): { start: number; end: number } | undefined {
  const quote = text.charCodeAt(open);
  if (!isQuote(quote)) return undefined;
  const limit = Math.min(text.length, open + 1 + maxLength + 1);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return undefined;
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === quote) return { start: open + 1, end: i };
  }
  return undefined;
}

/** Past spaces, tabs and at most `lineBreaks` line breaks (each with the next line's indent) from `at`, over `maxSteps` characters at most. */
export function skipSpace(text: string, at: number, lineBreaks: number, maxSteps = 200): number {
  let i = at;
  let breaks = 0;
  for (let n = 0; n < maxSteps && i < text.length; n++) {
    const c = text.charCodeAt(i);
    if (isHorizontalSpace(c)) i++;
    else if ((c === 10 || c === 13) && breaks < lineBreaks) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      i++;
      breaks++;
    } else break;
  }
  return i;
}

/**
 * The literal whose opening quote is at `open`, joined with the literals that follow it by `+`,
 * PHP's `.`, or nothing but space (adjacent literals), on the same line or the next one.
 */
export function literalRunAt(text: string, open: number, adjacentAcrossLines = false): LiteralRun | undefined {
  const first = literalAt(text, open);
  if (first === undefined) return undefined;
  let value = text.slice(first.start, first.end);
  let end = first.end;
  let parts = 1;
  while (parts < MAX_PARTS) {
    let i = skipSpace(text, end + 1, 1);
    const c = text.charCodeAt(i);
    if (c === 43 /* + */ || c === 46 /* . */) i = skipSpace(text, i + 1, 1);
    // A literal on the next line with no operator between is joined only inside brackets (Python's
    // `("…"\n "…")`); after a plain assignment it starts a statement of its own.
    else if (!adjacentAcrossLines && text.slice(end + 1, i).includes('\n')) break;
    if (!isQuote(text.charCodeAt(i))) break;
    const next = literalAt(text, i);
    if (next === undefined) break;
    value += text.slice(next.start, next.end);
    end = next.end;
    parts++;
  }
  return { start: first.start, end, value, parts };
}

const CLOSER: Record<string, number> = { '[': 93, '{': 125, '(': 41 };

/** Past space, line breaks and line comments (`// …`, `# …`) from `at`. */
function skipSpaceAndComments(text: string, at: number): number {
  let i = at;
  for (let n = 0; n < 64 && i < text.length; n++) {
    i = skipSpace(text, i, 4);
    const c = text.charCodeAt(i);
    const isComment = (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) || c === 35; /* # */
    if (!isComment) break;
    // A comment's end is looked for within the 300 characters it may run: not to the end of a long line from each list.
    const limit = Math.min(text.length, i + 301);
    const eol = lineEndBefore(text, i, limit);
    if (eol >= limit) return i;
    i = eol + 1;
  }
  return i;
}

/**
 * The items of a list of string literals that opens at `open` (`[`, `{` or `(`) and holds
 * nothing else, or undefined: each item is a literal run (`literalRunAt`), items are parted by
 * commas, a trailing comma and line comments are allowed. Anything else in it (a name, a call,
 * a number, `key: value`) and it is no list of values.
 */
export function literalListAt(text: string, open: number): LiteralRun[] | undefined {
  const closer = CLOSER[text.charAt(open)];
  if (closer === undefined) return undefined;
  const items: LiteralRun[] = [];
  let i = skipSpaceAndComments(text, open + 1);
  while (items.length < MAX_ITEMS) {
    if (text.charCodeAt(i) === closer && items.length > 0) return items;
    const item = literalRunAt(text, i, true);
    if (item === undefined) return undefined;
    items.push(item);
    i = skipSpaceAndComments(text, item.end + 1);
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) i = skipSpaceAndComments(text, i + 1);
    else if (c !== closer) return undefined;
  }
  return undefined;
}
