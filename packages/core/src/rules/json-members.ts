/**
 * Just enough of JSON to read one object found inside a larger text (a Kubernetes manifest in
 * an annotation, one resource of a Terraform state): where the object around an offset starts
 * and ends, and its string members with the keys that lead to them. Character loops, bounded
 * reads: the text around the object may be anything, and need not be JSON at all.
 */

/** How far a read goes from the offset it starts at, either way. */
const REACH = 20000;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether the quote at `at` is escaped (an odd run of backslashes before it). */
function isEscaped(text: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && text.charCodeAt(at - n - 1) === BACKSLASH) n++;
  return n % 2 === 1;
}

/**
 * The `{` of the innermost object that holds `at` (an offset outside any string), or -1.
 * Read backwards: a `"` there closes a string, skipped whole to its opening quote. `floor` is
 * an earlier offset whose read found no object: none that it lies outside of starts before it,
 * so the read stops there (on text of many such offsets, each part is read once).
 */
export function enclosingObjectStart(text: string, at: number, floor = 0): number {
  let depth = 0;
  const stop = Math.max(0, at - REACH, floor);
  for (let i = at - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i - 1;
      while (j >= stop && (text.charCodeAt(j) !== QUOTE || isEscaped(text, j))) j--;
      i = j;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth++;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === 0) return c === 0x7b ? i : -1;
      depth--;
    }
  }
  return -1;
}

export interface StringMember {
  /** The keys from the object down to the member (an object inside an array adds none). */
  path: string[];
  /** The string's content, without its quotes, as offsets into the text. */
  start: number;
  end: number;
}

/**
 * The string-valued members of the object whose `{` is at `open`, at any depth, the paths of
 * the members that are `true` (flags such as Terraform's `sensitive_values`), the offset just
 * past its `}` (-1 when it does not close within reach), and how far the read went.
 */
export function stringMembers(text: string, open: number): { members: StringMember[]; flags: string[][]; end: number; readTo: number } {
  const members: StringMember[] = [];
  const flags: string[][] = [];
  /** The key of each open container (undefined for arrays and the object itself). */
  const keys: (string | undefined)[] = [];
  let pendingKey: string | undefined;
  const limit = Math.min(text.length, open + REACH);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let j = i + 1;
      while (j < limit && text.charCodeAt(j) !== QUOTE) j += text.charCodeAt(j) === BACKSLASH ? 2 : 1;
      if (j >= limit) break;
      let k = j + 1;
      while (k < limit && isBlank(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) === 0x3a /* : */) pendingKey = text.slice(i + 1, j);
      else if (pendingKey !== undefined) {
        members.push({ path: [...keys.filter((key): key is string => key !== undefined), pendingKey], start: i + 1, end: j });
        pendingKey = undefined;
      }
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      keys.push(i === open ? undefined : pendingKey);
      pendingKey = undefined;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keys.pop();
      pendingKey = undefined;
      if (keys.length === 0) return { members, flags, end: i + 1, readTo: i + 1 };
    } else if (c === 0x2c /* , */) {
      pendingKey = undefined;
    } else if (c === 0x74 /* t */ && pendingKey !== undefined && text.startsWith('true', i)) {
      flags.push([...keys.filter((key): key is string => key !== undefined), pendingKey]);
      pendingKey = undefined;
      i += 3;
    }
  }
  return { members, flags, end: -1, readTo: limit };
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** What earlier reads of `enclosingString` learnt: no unescaped quote lies in [floor, clearTo). */
export interface QuoteMemo {
  floor: number;
  clearTo: number;
}

/** Records that [from, to) holds no unescaped quote, joined to what the memo knew when they touch. */
function markClear(memo: QuoteMemo, from: number, to: number): void {
  if (memo.clearTo >= from && memo.floor <= to && memo.clearTo > memo.floor) {
    memo.floor = Math.min(memo.floor, from);
    memo.clearTo = Math.max(memo.clearTo, to);
  } else {
    memo.floor = from;
    memo.clearTo = to;
  }
}

/**
 * The body of the JSON string that holds `at` (an offset inside it), without its quotes, or
 * undefined: for JSON kept as a string inside other JSON (`"{\"kind\":\"Secret\",…}"`).
 * Calls share `memo`, so that a stretch without a quote is not read again and again.
 */
export function enclosingString(text: string, at: number, memo: QuoteMemo): { start: number; end: number } | undefined {
  const stop = Math.max(0, at - REACH);
  let open = at - 1;
  while (open >= stop && (text.charCodeAt(open) !== QUOTE || isEscaped(text, open))) {
    if (open >= memo.floor && open < memo.clearTo) open = memo.floor;
    open--;
  }
  if (open < stop) {
    markClear(memo, stop, at);
    return undefined;
  }
  const limit = Math.min(text.length, at + REACH);
  let close = at >= memo.floor && at < memo.clearTo ? memo.clearTo : at;
  while (close < limit && (text.charCodeAt(close) !== QUOTE || isEscaped(text, close))) close++;
  if (close >= limit) {
    markClear(memo, open + 1, limit);
    return undefined;
  }
  return { start: open + 1, end: close };
}
