import { lineAround as lineBounds } from '../line-index.js';
import { isVendorPrefixedToken } from '../secret-value.js';

/**
 * What a value's comment says of it. A key or a token found by the name it is given (an assignment's, a provider's
 * name beside it) may carry its author's word that it is none: `// not a credential`, `# public, embedded in the
 * web app`, `// analytics, client-side by design`. Never read for a password: a comment does not make one public.
 */

/** A comment's marker at the start of its line: `//`, `#`, `/*`, `*`, `--`, `;`. */
export const COMMENT_LINE = /^[ \t]{0,40}(?:\/\/|#|\/?\*|--|;)/;

/**
 * A comment's words that say what it sits by is no secret: `not a credential`, `not secret`, `isn't sensitive`, `no secret`,
 * or that it is not the token or the key its name promises (`WISE_API_TOKEN = "…"  # profile id, not the token`, `not an
 * API key`): a token or a key only with its article, so `not key-rotated` or `not token-scoped` say nothing of the kind.
 */
const NOT_A_SECRET_WORDS =
  /\b(?:(?:is[ \t]{0,2}n[o']t|not|never)[ \t]{1,3}(?:(?:a|the)[ \t]{1,3})?(?:credential|secret|password|sensitive)|(?:is[ \t]{0,2}n[o']t|not)[ \t]{1,3}(?:an?|the)[ \t]{1,3}(?:(?:api|access|auth)[ \t_-]?)?(?:token|key)\b(?![ \t_-]{0,2}(?:id|name|file|path|holder)\b)|no[ \t]{1,3}(?:credential|secret)s?\b(?![ \t]{0,3}(?:here|in[ \t]|manager|store|vault)))/i;

/**
 * A comment's opening words that call what it sits by public: `// public, embedded in the web app`, `# publishable`,
 * `/* this is public *\/`, `// safe to expose`. `public` must stand alone (a comma, a stop, the comment's end or a word like
 * `by`/`in`/`anyway` after it): `// public key lives in keys/`, `// public repo leaked it` say something else.
 */
const PUBLIC_VALUE_COMMENT =
  /^(?:\/\/|#|--|\/\*)[ \t]{0,4}(?:(?:it'?s|this is|this key is|this token is|value is|is)[ \t]{1,3})?(?:public(?:ly (?:visible|readable|shared))?|publishable|safe to (?:expose|commit|share|publish|embed|ship))(?=[ \t]{0,3}(?:$|[,;:.(\u2014\u2013-]|\*\/|(?:and|by|in|on|anyway|because|since|so|per)\b))/i;

/**
 * Phrases that say a value is public wherever they stand in its comment, after what it is for: that it is public or
 * shipped to the browser by design (`// analytics, client-side by design`, `# Maps JS key, public by design`), made to
 * be (`// meant to be public`, `// designed to be embedded`), or safe to give away (`// search-only, safe to expose`,
 * `// fine to share`). Only in a comment without a negation (`// not safe to share`, `// never public by design`).
 */
const PUBLIC_PHRASE =
  /\b(?:(?:public|client[ -]?side|browser[ -]?side|front[ -]?end|exposed|embedded)[ \t]{1,3}by[ \t]{1,3}design|(?:meant|designed|intended|made)[ \t]{1,3}to[ \t]{1,3}be[ \t]{1,3}(?:public|shared|exposed|embedded)|(?:safe|fine)[ \t]{1,3}to[ \t]{1,3}(?:expose|share|commit|publish|embed|ship))\b/i;
/** A negation anywhere in a comment: its phrases may then say the opposite. */
const NEGATION = /\b(?:not|never|no|nor)\b|n't\b/i;

/** Whether one comment's text (from its marker on) says the value it sits by is no secret; `value` is never a vendor's token for "public". */
function saysNoSecret(comment: string, value: string): boolean {
  if (NOT_A_SECRET_WORDS.test(comment)) return true;
  if (isVendorPrefixedToken(value)) return false;
  return PUBLIC_VALUE_COMMENT.test(comment) || (PUBLIC_PHRASE.test(comment) && !NEGATION.test(comment));
}

/**
 * Whether the comment that ends the line of a declaration (after its value, which ends at `valueEnd`) or the comment line
 * right above it says the value is no secret: that it holds none, anywhere in the comment (`NOT_A_SECRET_WORDS`:
 * `const IncidentKey = "…"` under `// IncidentKey is a dedup key, not a credential.`), or that the value is public, in its
 * opening words (`PUBLIC_VALUE_COMMENT`: `// public, embedded in the web app`) or by a phrase anywhere (`PUBLIC_PHRASE`:
 * `// analytics, client-side by design`), which a vendor-shaped token never is (its own rule reports it, whatever the
 * comment says). Read only for a value about to be reported.
 */
export function commentSaysNoSecret(text: string, nameStart: number, valueEnd: number, value: string): boolean {
  const line = lineBounds(text, nameStart, 300);
  if (valueEnd < line.end) {
    const rest = text.slice(valueEnd, line.end);
    const marker = rest.search(/[ \t](?:\/\/|#|--|\/\*)/);
    if (marker !== -1 && saysNoSecret(rest.slice(marker + 1).trimEnd(), value)) return true;
  }
  if (line.start === 0) return false;
  const above = lineBounds(text, line.start - 1, 300);
  const comment = text.slice(above.start, above.end).trim();
  return COMMENT_LINE.test(comment) && saysNoSecret(comment, value);
}
