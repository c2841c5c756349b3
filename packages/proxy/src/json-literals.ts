/**
 * Rewrites the string literals of a JSON source text in place, keeping every other byte.
 *
 * Tool-call arguments travel as JSON *source* (`function.arguments`, a string holding
 * JSON). Parsing and re-serialising them would reformat the text the model wrote and
 * change the conversation prefix (prompt-cache misses); rewriting only the literals that
 * actually change keeps the rest byte for byte. It also works on truncated or invalid
 * JSON (fine-grained tool streaming can end mid-value): each complete literal is still
 * found, and an unterminated one is handed over as raw text.
 */
export function rewriteJsonStringLiterals(
  source: string,
  rewrite: (value: string) => string,
  /**
   * Rewrites the text between literals too. Valid JSON has only numbers, literals and
   * punctuation there; text that is not JSON (`token=ghp_…`, `{"k": ghp_…}`) can hold
   * anything, so callers pass this for sources that do not parse.
   */
  rewriteOutside?: (text: string) => string,
): string {
  let out = '';
  let copied = 0;
  let i = source.indexOf('"');
  // Text between `gapStart` and the next literal has not been looked at yet.
  let gapStart = 0;
  const gap = (to: number): void => {
    if (rewriteOutside === undefined || to <= gapStart) return;
    const text = source.slice(gapStart, to);
    const rewritten = rewriteOutside(text);
    if (rewritten !== text) {
      out += source.slice(copied, gapStart) + rewritten;
      copied = to;
    }
  };
  while (i !== -1) {
    gap(i);
    const end = literalEnd(source, i);
    if (end === -1) {
      // Unterminated literal: treat the rest as text so nothing escapes the rewrite.
      const tail = source.slice(i + 1);
      let decoded: string | undefined;
      try {
        decoded = JSON.parse(`"${tail}"`) as string;
      } catch {
        decoded = undefined;
      }
      if (decoded !== undefined) {
        const rewritten = rewrite(decoded);
        if (rewritten !== decoded) {
          out += source.slice(copied, i + 1) + escapeJsonContent(rewritten);
          copied = source.length;
        }
      } else {
        // Ends inside an escape sequence: rewrite the escaped text itself. Replacements
        // are tokens (`[A-Za-z0-9_]`), which need no escaping.
        const rewritten = rewrite(tail);
        if (rewritten !== tail) {
          out += source.slice(copied, i + 1) + rewritten;
          copied = source.length;
        }
      }
      break;
    }
    const literal = source.slice(i, end + 1);
    let value: string | undefined;
    try {
      value = JSON.parse(literal) as string;
    } catch {
      value = undefined;
    }
    const rewritten = rewrite(value ?? literal.slice(1, -1));
    if (rewritten !== (value ?? literal.slice(1, -1))) {
      out += source.slice(copied, i) + JSON.stringify(rewritten);
      copied = end + 1;
    }
    gapStart = end + 1;
    i = source.indexOf('"', end + 1);
  }
  if (i === -1) gap(source.length);
  return copied === 0 ? source : out + source.slice(copied);
}

/** Index of the closing quote of the literal opening at `open`, or -1. */
function literalEnd(source: string, open: number): number {
  for (let j = open + 1; j < source.length; j++) {
    const c = source.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 34 /* " */) return j;
  }
  return -1;
}

/** The inside of a JSON string literal for `value` (no surrounding quotes). */
export function escapeJsonContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}
