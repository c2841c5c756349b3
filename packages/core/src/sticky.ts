/**
 * Runs a sticky pattern at each start offset, in increasing order, and hands on each
 * match, skipping starts inside the last match. When every match of the pattern must begin
 * at one of `starts` (a keyword's offset, say), these are exactly the matches a
 * left-to-right search would find, at the cost of one attempt per start.
 */
export function forEachMatchAt(pattern: RegExp, text: string, starts: readonly number[], onMatch: (match: RegExpExecArray) => void): void {
  let from = 0;
  for (const start of starts) {
    if (start < from) continue;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match === null || match[0].length === 0) continue;
    from = start + match[0].length;
    onMatch(match);
  }
}

/**
 * Whole-text search for a pattern, confined to where its matches can be: near anchors (the offsets of words every
 * match holds). The patterns of one search, made once by `nearAnchors`.
 */
export interface AnchoredSearch {
  /** The pattern, sticky: the match at a known start. */
  readonly at: RegExp;
  /** Sticky too: how far from where it is set the first match starts, at most `reach` characters on (a lookahead). */
  readonly ahead: RegExp;
  readonly reach: number;
}

/** The search for `pattern` (which never matches empty), whose every match holds an anchor at most `reach` characters after its start. */
export function nearAnchors(pattern: RegExp, reach: number): AnchoredSearch {
  const flags = pattern.flags.replace(/[gy]/g, '') + 'y';
  return { at: new RegExp(pattern.source, flags), ahead: new RegExp(`[^]{0,${reach}}?(?=${pattern.source})`, flags), reach };
}

/**
 * Hands on each match a left-to-right search for the pattern over the whole text would find, in order, trying it only
 * where a match can start: at most `reach` characters before an anchor. Starts further from every anchor hold no match,
 * so on a text with few anchors the cost is a short search near each, not a pass over the text.
 */
export function forEachMatchNear(search: AnchoredSearch, text: string, anchors: readonly number[], onMatch: (match: RegExpExecArray) => void): void {
  const { at, ahead, reach } = search;
  // Matches start at `from` or later (after the last one); no start below `searched` holds one.
  let from = 0;
  let searched = 0;
  for (const anchor of anchors) {
    if (anchor < from) continue;
    const windowStart = Math.max(from, searched, anchor - reach);
    if (windowStart > anchor) continue;
    ahead.lastIndex = windowStart;
    const lead = ahead.exec(text);
    if (lead === null) {
      // Every start from windowStart to windowStart + reach (which reaches this anchor) was tried.
      searched = windowStart + reach + 1;
      continue;
    }
    at.lastIndex = windowStart + lead[0].length;
    const match = at.exec(text)!;
    from = searched = at.lastIndex;
    onMatch(match);
  }
}
