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
