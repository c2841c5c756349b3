/**
 * The bodies of quoted string literals, for rules that read a value between quotes.
 *
 * Most languages that write secrets in double quotes (JS/TS, Python, Java, Go, C#, JSON,
 * YAML double-quoted, shell double-quoted, PHP, Ruby) escape a quote inside the string
 * with a backslash: `"Qx7\"mn-42"` is one value, and a rule that stopped at the first `"`
 * would leave the rest of the secret in the text. A body is a bounded run of characters
 * other than the quote, a backslash or a line break, or a backslash followed by any one
 * character. The two alternatives never match the same text, so the pattern stays
 * linear-time.
 */

/** The body of a double-quoted literal, up to `max` units (an escape pair counts as one). */
export function doubleQuotedBody(max: number, min = 1): string {
  return `(?:[^"\\\\\\r\\n]|\\\\.){${min},${max}}`;
}

/** The body of a single-quoted literal where `\'` is an escape (JS, Python, PHP, Ruby, …). */
export function singleQuotedBody(max: number, min = 1): string {
  return `(?:[^'\\\\\\r\\n]|\\\\.){${min},${max}}`;
}

/** The body of a backtick literal (JS template strings, Go raw strings never escape, but JS does). */
export function backtickBody(max: number, min = 1): string {
  return `(?:[^\`\\\\\\r\\n]|\\\\.){${min},${max}}`;
}

/**
 * File types whose single-quoted strings take a backslash literally: shell, YAML, SQL,
 * dotenv, INI, TOML literal strings, PowerShell, Dockerfiles. There `'C:\dir\'` ends at
 * the second quote.
 */
const LITERAL_SINGLE_QUOTE_FILE =
  /(?:\.(?:sh|bash|zsh|ksh|fish|ya?ml|sql|env|ini|cfg|conf|toml|ps1|psm1|tf|tfvars|hcl|properties|bat|cmd)|(?:^|[\\/])(?:Dockerfile[^\\/]*|\.env[^\\/]*|[^\\/]*\.env\.[^\\/]*|\.bashrc|\.zshrc|\.profile|\.envrc))$/i;

/**
 * A single-quoted body read with backslash escapes, cut back to the real literal when the
 * file's single quotes take a backslash literally (the regex read past `\'`).
 * Returns the body's length in the text.
 */
export function singleQuotedLength(body: string, file: string | undefined): number {
  if (file === undefined || !LITERAL_SINGLE_QUOTE_FILE.test(file)) return body.length;
  const cut = body.indexOf("\\'");
  return cut === -1 ? body.length : cut + 1;
}
