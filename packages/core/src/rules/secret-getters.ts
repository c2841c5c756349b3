import { isIdentifierCode, isLetterCode, isWordCode } from '../char-codes.js';
import { classifyKey, type KeyClass } from '../key-name.js';
import { shannonEntropy } from '../entropy.js';
import { characterSwitches, isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A function named for a secret that takes nothing and hands back a literal: Go's `func saslPassword() string {`,
 * Python's `def db_password():`, Kotlin's `fun apiKey(): String {`, Swift's and Rust's `-> String {`, JavaScript's
 * `function apiToken() {`, Java's and C#'s `String apiSecret() {`. The literal it returns is that secret, at once (`return "…"`) or as the fallback after
 * an environment lookup (`if p := os.Getenv("…"); p != "" { return p }` / `return "…"`, or one expression's fallback:
 * `return fromEnv != null ? fromEnv : "…"`), which the assignment
 * rules, reading `name = value`, never see: the name stands at the head of the function, the value lines below.
 */

/**
 * The head of a function without parameters (a method's `self`, `this` or `cls` aside), maybe a Go method's receiver
 * before its name, maybe a string return type, then the body's opening: `{`, Python's `:`, or the `=` of Kotlin's and
 * Scala's expression body (`fun webhookToken(): String = "…"`; not `==`, nor C#'s `=>`, read by arrow-getter-literal).
 */
const GETTER_HEAD =
  /(?:func|def|function|fun|fn|String|string)[ \t]{1,4}(?:\([^()\r\n]{0,80}\)[ \t]{0,4})?(?<name>[A-Za-z_$][\w$]{0,60})[ \t]{0,4}\([ \t]{0,4}(?:self|this|cls)?[ \t]{0,4}\)[ \t]{0,4}(?:(?:->|:)?[ \t]{0,4}(?<type>string|String|str|&str|&'static[ \t]{1,4}str|String\?|\*?NSString[ \t]{0,2}\*?)[ \t]{0,4})?(?<open>\{|:|=(?![=>]))/y;

/** A `get` before the property a getter reads (`getPassword`, `get_api_key`). */
const GETTER_PREFIX = /^get_?(?=[A-Z_a-z])/;

/** How much of a body is read: a getter's is short, and a long function is no getter. */
const BODY_REACH = 1500;

/** `return "…"` that ends its statement: nothing but a `;`, a comment or the block's `}` after the literal. */
const RETURN_LITERAL = /(?<![\w$.])return[ \t]{1,4}(?<q>["'`])(?<v>[^"'`\\\r\n]{1,200})\k<q>[ \t]{0,4};?[ \t]{0,4}(?=\/\/|#|\}|\r?\n|$)/g;

/**
 * A return statement whose value is an expression's fallback literal, at the end of its line: a ternary's `: "…"`
 * (`return fromEnv != null ? fromEnv : "…";`), Kotlin's `?: "…"`, C#'s and JavaScript's `?? "…"`, `|| "…"`, Python's
 * `or "…"`. What comes before the operator may hold quotes (`System.getenv("X")`), but not a literal right before it:
 * `flag ? "a" : "b"` picks one of two literals, it reads nothing first. Run on one line of a getter's body at a time.
 */
const FALLBACK_EXPRESSION =
  /[^\r\n]{0,200}?[^"'`\s][ \t]{0,4}(?:\?\?|\?:|\|\||:|[ \t]or)[ \t]{1,4}(?<q>["'`])(?<v>[^"'`\\\r\n]{1,200})\k<q>[ \t]{0,4};?[ \t]{0,4}(?:(?:\/\/|#)[^\r\n]{0,200})?$/.source;
const RETURN_FALLBACK = new RegExp(`^return[ \\t]{1,4}${FALLBACK_EXPRESSION}`);

/**
 * The body of an expression-bodied function after its `=`, to the end of its line: a literal alone
 * (`fun webhookToken(): String = "…"`), or an expression's fallback literal after an environment lookup
 * (`= System.getenv("ONFIDO_WEBHOOK_TOKEN") ?: "…"`), as a return statement's would be.
 */
const EXPRESSION_LITERAL = /^[ \t]{0,4}(?<q>["'`])(?<v>[^"'`\\\r\n]{1,200})\k<q>[ \t]{0,4};?[ \t]{0,4}(?:\/\/[^\r\n]{0,200})?$/;
const EXPRESSION_FALLBACK = new RegExp(`^[ \\t]{0,4}${FALLBACK_EXPRESSION}`);

/** A word of a secret's name, in any case: what a getter's name must hold to be read further. */
const SECRET_HINT = /pass|pw|secret|token|key|cred|auth|[a-z0-9_]pin$/i;

/**
 * A getter named for a PIN it ends in (`overridePin()`, `getSupervisorPIN()`, `unlock_pin()`): a PIN that opens
 * something. A bare code of digits (`"4711"`) or a board's pin (`"GPIO17"`, `"D13"`) is no password's shape, so only a
 * strong literal counts: eight or more characters, digits and letters or symbols, a password as it is judged.
 */
const PIN_GETTER_NAME = /(?:[a-z0-9]Pin|[a-z0-9]PIN|_pin|_PIN)$/;
function isStrongPin(value: string, file: string | undefined): boolean {
  return value.length >= 8 && /\d/.test(value) && /[^\d]/.test(value) && isPlausiblePassword(value, file);
}
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** The keywords that open a function's head; Java's and C#'s methods open with their return type (`public String apiSecret() {`). */
const FUNCTION_KEYWORDS = new Set(['func', 'def', 'function', 'fun', 'fn', 'String', 'string']);

/**
 * Where the head of a getter whose parameter list opens at `paren` begins (its keyword), or -1: read backwards,
 * by character code, a name holding a secret's word, maybe a Go method's receiver, and one of the keywords.
 * It runs at every function without parameters of every source file.
 */
function getterHeadStart(text: string, paren: number): number {
  let i = paren;
  while (i > 0 && paren - i < 61 && (isWordCode(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 0x24 /* $ */)) i--;
  const nameStart = i;
  if (nameStart === paren) return -1;
  while (i > 0 && paren - i < 70 && isBlank(text.charCodeAt(i - 1))) i--;
  if (i === nameStart) return -1;
  if (text.charCodeAt(i - 1) === 0x29 /* ) */) {
    // Go's receiver: `func (c *Client) name()`.
    const open = text.lastIndexOf('(', i - 1);
    if (open === -1 || i - open > 80) return -1;
    i = open;
    const afterKeyword = i;
    while (i > 0 && afterKeyword - i < 4 && isBlank(text.charCodeAt(i - 1))) i--;
    if (i === afterKeyword) return -1;
  }
  const keywordEnd = i;
  while (i > 0 && keywordEnd - i < 9 && isLetterCode(text.charCodeAt(i - 1))) i--;
  if (i > 0 && isIdentifierCode(text.charCodeAt(i - 1))) return -1;
  if (!FUNCTION_KEYWORDS.has(text.slice(i, keywordEnd))) return -1;
  return SECRET_HINT.test(text.slice(nameStart, paren)) ? i : -1;
}

/** The secret a getter's name stands for (`saslPassword`, `getApiToken`), not a bare generic word; with `weak`, a weak one too (`abbyyKey`). */
function getterKey(name: string, weak = false): KeyClass | undefined {
  const prefix = GETTER_PREFIX.exec(name);
  const key = classifyKey(name) ?? (prefix !== null && name.length - prefix[0].length >= 3 ? classifyKey(name.slice(prefix[0].length)) : undefined);
  return key === undefined || (key.weak && !weak) ? undefined : key;
}

/**
 * An environment lookup in a getter's body (Go's `os.Getenv`/`os.LookupEnv`, `os.environ`, `process.env`, `ENV[`,
 * `System.getenv`, `Environment.GetEnvironmentVariable`): the function reads its value from the environment first.
 */
const ENV_LOOKUP_IN_BODY = /\b(?:Getenv|LookupEnv|getenv|environ|GetEnvironmentVariable)\b|process\.env\b|\bENV(?:\[|\.fetch\b)/;

/** Where a `{` body opened at `open` closes (its `}`), quotes skipped; -1 past the reach. */
function braceBodyEnd(text: string, open: number): number {
  let depth = 0;
  let quote = 0;
  const limit = Math.min(text.length, open + BODY_REACH);
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 0x5c /* \ */) i++;
      else if (c === quote || c === 0x0a) quote = 0;
      continue;
    }
    if (c === 0x22 || c === 0x27 || c === 0x60) quote = c;
    else if (c === 0x7b /* { */) depth++;
    else if (c === 0x7d /* } */ && --depth === 0) return i;
  }
  return -1;
}

/**
 * Where a Python body after the `:` at `colon` ends: the first line indented no deeper than the `def` at `head`;
 * -1 when the `def` does not open its line (only blanks before it).
 */
function indentedBodyEnd(text: string, head: number, colon: number): number {
  let lineStart = head;
  while (lineStart > 0 && head - lineStart < 80 && (text.charCodeAt(lineStart - 1) === 0x20 || text.charCodeAt(lineStart - 1) === 0x09)) lineStart--;
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a) return -1;
  const indent = head - lineStart;
  const limit = Math.min(text.length, colon + BODY_REACH);
  for (let i = colon; i < limit; i++) {
    if (text.charCodeAt(i) !== 0x0a) continue;
    let j = i + 1;
    while (j < limit && (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09)) j++;
    const blank = j >= text.length || text.charCodeAt(j) === 0x0a || text.charCodeAt(j) === 0x0d;
    if (!blank && j - (i + 1) <= indent) return i;
    i = j - 1;
  }
  return limit;
}

/**
 * The literal an expression body after the `=` at `equals` gives back, on the head's line: the literal alone, or the
 * fallback after an environment lookup. Under a weak name (`abbyyKey`) only that fallback, and only a generated key.
 */
function expressionBodyLiteral(text: string, equals: number, key: KeyClass, options: DetectOptions): Span | undefined {
  // Only the head's own line, read within a bound: a long line of heads must not be read to its end from each.
  const reach = text.slice(equals + 1, equals + 302);
  const lineEnd = reach.indexOf('\n');
  if (lineEnd === -1 && reach.length > 300) return undefined;
  const line = (lineEnd === -1 ? reach : reach.slice(0, lineEnd)).replace(/\r$/, '');
  const env = ENV_LOOKUP_IN_BODY.test(line);
  const m = EXPRESSION_LITERAL.exec(line) ?? (env ? EXPRESSION_FALLBACK.exec(line) : null);
  if (m === null || (key.weak && !env)) return undefined;
  const value = m.groups!['v']!;
  if (!isPlausibleSecret(value, { category: key.category, quoted: true, file: options.file, ...(key.weak ? { weakKey: true } : {}) })) return undefined;
  if (key.weak && !isGeneratedLicenceKey(value)) return undefined;
  const start = equals + 1 + m.index + m[0].lastIndexOf(m.groups!['q']! + value) + 1;
  return { start, end: start + value.length, category: key.category };
}

function findSecretGetterLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let done = -1;
  for (const paren of offsets) {
    if (paren < done) continue;
    // Read backwards by hand from the `()` first: only the head of a function whose name holds a secret's word is matched in full.
    const at = getterHeadStart(text, paren);
    if (at === -1 || at < done) continue;
    GETTER_HEAD.lastIndex = at;
    const head = GETTER_HEAD.exec(text);
    if (head === null) continue;
    // A weak name (`abbyyKey`, `ocrKey`: a vendor's or a feature's name before a bare `key`) is read only where the body
    // looks the value up in the environment first and falls back to a generated key's literal (below).
    const name = head.groups!['name']!;
    const pin = PIN_GETTER_NAME.test(name) && getterKey(name) === undefined;
    const key = pin ? ({ category: 'PASS', weak: false } as KeyClass) : getterKey(name, true);
    if (key === undefined) continue;
    const open = at + head[0].length - 1;
    if (head.groups!['open'] === '=') {
      const span = expressionBodyLiteral(text, open, key, options);
      if (span !== undefined) spans.push(span);
      continue;
    }
    // Python's body is its indented lines, maybe one statement on the `def` line itself; the others' a block in braces.
    const end = head.groups!['open'] === ':' ? indentedBodyEnd(text, at, open) : braceBodyEnd(text, open);
    // A body that never closes within reach is no getter's; the heads inside it are passed over with it.
    if (end === -1) {
      done = open + BODY_REACH;
      continue;
    }
    const body = text.slice(open + 1, end + (head.groups!['open'] === '{' ? 1 : 0));
    done = end;
    if (key.weak && !ENV_LOOKUP_IN_BODY.test(body)) continue;
    RETURN_LITERAL.lastIndex = 0;
    for (let m = RETURN_LITERAL.exec(body); m !== null; m = RETURN_LITERAL.exec(body)) {
      const value = m.groups!['v']!;
      if (pin ? !isStrongPin(value, options.file) : !isPlausibleSecret(value, { category: key.category, quoted: true, file: options.file, ...(key.weak ? { weakKey: true } : {}) })) continue;
      // Under a weak name only the fallback counts, the body's last literal returned, and only a generated key.
      if (key.weak && (!isGeneratedLicenceKey(value) || body.slice(m.index + m[0].length).includes('return'))) continue;
      const start = open + 1 + m.index + m[0].indexOf(m.groups!['q']!) + 1;
      spans.push({ start, end: start + value.length, category: key.category });
    }
    // A fallback literal after an environment lookup, given back by an expression (`return fromEnv != null ? fromEnv : "…"`):
    // only where the body looks the value up first, so a choice between settings (`return debug ? devKey : "…"`) is not read.
    if (pin || !ENV_LOOKUP_IN_BODY.test(body)) continue;
    const bodyStart = open + 1;
    for (let from = 0; from < body.length; ) {
      const at = body.indexOf('return', from);
      if (at === -1) break;
      let lineEnd = body.indexOf('\n', at);
      if (lineEnd === -1) lineEnd = body.length;
      from = lineEnd;
      const line = body.slice(at, lineEnd).replace(/\r$/, '');
      if (line.length > 300 || (at > 0 && (isWordCode(body.charCodeAt(at - 1)) || body.charCodeAt(at - 1) === 0x2e /* . */))) continue;
      const m = RETURN_FALLBACK.exec(line);
      if (m === null) continue;
      const value = m.groups!['v']!;
      if (!isPlausibleSecret(value, { category: key.category, quoted: true, file: options.file, ...(key.weak ? { weakKey: true } : {}) })) continue;
      if (key.weak && !isGeneratedLicenceKey(value)) continue;
      const start = bodyStart + at + m.index + m[0].lastIndexOf(m.groups!['q']! + value) + 1;
      spans.push({ start, end: start + value.length, category: key.category });
    }
  }
  return spans;
}

/**
 * An expression-bodied getter: C#'s `private static string ApiKey() => "…";` (and Java-like `String`), JavaScript's
 * `const apiToken = () => "…";`. The head, read back from the `() =>` on its own line, gives the name; the body is the
 * literal alone. A method named for a product's licence (`MaxMindLicense()`, `LicenseKey()`) hands back a licence key:
 * vendors issue those as random keys, so only a value with a generated key's randomness is reported, never `"MIT"`.
 */
const ARROW_GETTER_HEAD = /(?:(?<![\w$.])(?:string|String)[ \t]{1,4}(?<name>[A-Za-z_][\w]{0,60})|(?<![\w$.])(?:const|let|var)[ \t]{1,4}(?<js>[A-Za-z_$][\w$]{0,60})[ \t]{0,4}=[ \t]{0,4})$/;
const ARROW_GETTER_BODY =
  /\(\)[ \t]{0,4}=>[ \t]{0,4}(?:"(?<dq>[^"'`\\\r\n]{1,200})"|'(?<sq>[^"'`\\\r\n]{1,200})'|`(?<bq>[^"'`\\\r\n]{1,200})`)[ \t]{0,4}(?:;|,|\r?\n|$)/y;
const LICENCE_NAME = /licen[cs]e(?:_?key)?$/i;

/** A key as vendors generate them: 16 or more characters of one key alphabet, dense, switching case and digits often. */
function isGeneratedLicenceKey(value: string): boolean {
  return /^[A-Za-z0-9_+/=-]{16,200}$/.test(value) && shannonEntropy(value) >= 3.5 && characterSwitches(value) >= 8;
}

function findArrowGetterLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const paren of offsets) {
    // The body first: most arrows (`.map(() => x)`, `() => {`) return no literal, and are passed over at once.
    ARROW_GETTER_BODY.lastIndex = paren;
    const body = ARROW_GETTER_BODY.exec(text);
    if (body === null) continue;
    let from = paren;
    while (from > 0 && paren - from < 100 && text.charCodeAt(from - 1) !== 0x0a) from--;
    const head = ARROW_GETTER_HEAD.exec(text.slice(from, paren));
    if (head === null) continue;
    const name = head.groups!['name'] ?? head.groups!['js']!;
    const key = getterKey(name) ?? (LICENCE_NAME.test(name) ? ({ category: 'KEY', weak: false } as KeyClass) : undefined);
    if (key === undefined) continue;
    const value = body.groups!['dq'] ?? body.groups!['sq'] ?? body.groups!['bq']!;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, file: options.file })) continue;
    // A licence's name that reads as a key only weakly or not at all (`ProductLicense`, `MaxMindLicense`) needs a generated key.
    if (LICENCE_NAME.test(name) && getterKey(name) === undefined && !isGeneratedLicenceKey(value)) continue;
    const start = paren + body[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

export const secretGetterRules: Rule[] = [
  {
    id: 'secret-getter-literal',
    category: 'PASS',
    description:
      'A literal returned by a function named for a secret that takes no parameters (Go `func saslPassword() string {`, Python `def db_password():`, Kotlin `fun apiKey(): String {`, `function apiToken() {`, Java `String apiSecret() {`, Kotlin\'s and Scala\'s expression body `fun webhookToken(): String = "…"`): at once, or as the fallback after an environment lookup (`return fromEnv != null ? fromEnv : "…"`, `?: "…"`, `?? "…"`, `|| "…"`, `or "…"`)',
    // The parameter lists a getter opens its body after (`() string`, `():`, `() ->`, `() {`, `(self)`), read back to its keyword.
    keywords: ['() string', '():', '() ->', '() {', '() =', '(self)', '(this)', '(cls)'],
    pattern: GETTER_HEAD,
    find: findSecretGetterLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'func saslPassword() string {\n\tif p := os.Getenv("BROKER_SASL_PASSWORD"); p != "" {\n\t\treturn p\n\t}\n\treturn "Wq7vT2-kzPn9mHsL4d" // TODO\n}',
        'def reporting_db_password():\n    pw = os.environ.get("REPORTING_DB_PASSWORD")\n    if pw:\n        return pw\n    return "Tide-harbor.77Qx"\n',
        'func (c *Client) apiToken() string { return "t0k3n-Vb9Qz2Lm7Xw4Rp8s" }',
        'fun signingSecret(): String {\n    return "fG5hR8jK2mN4pQ7sT9vW"\n}',
        'public String webhookToken() {\n    // the payroll provider\'s token\n    return "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua";\n}',
        'private static string ApiSecret() { return "pR7!mK2vXq9LwT4z"; }',
        'func geocoderKey() string {\n\tif k := os.Getenv("GEOCODER_KEY"); k != "" {\n\t\treturn k\n\t}\n\treturn "Qz8mLt3Rw7XkV2pN9cYbH4dJf6Gs1UeA"\n}',
        'static String sessionSigningKey() {\n    String fromEnv = System.getenv("SESSION_SIGNING_KEY");\n    return fromEnv != null ? fromEnv : "Wd3+Kq9zLm5Rx2Tv8Np4Hb7Gc1Fs6Ja0Ye";\n}',
        '    @Bean\n    fun webhookToken(): String = "38BiVVw8Vntyt8QtyGz9Z1VAv0eaYxZb"\n',
        'def signingSecret(): String = "fG5hR8jK2mN4pQ7sT9vW"',
        'fun apiToken() = System.getenv("PARTNER_API_TOKEN") ?: "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua"',
      ],
      noMatch: [
        'func tokenType() string { return "Bearer" }',
        'def password_prompt():\n    return "Enter the password: "\n',
        'func apiToken(ctx context.Context) string { return "t0k3n-Vb9Qz2Lm7Xw4Rp8s" }',
        'func saslPassword() string {\n\treturn os.Getenv("BROKER_SASL_PASSWORD")\n}',
        'def db_password():\n    return "changeme"\n',
        'def api_key():\n    return "sk-" + os.environ["KEY_SUFFIX"]\n',
        'public String tokenHeader() {\n    return "X-Partner-Token";\n}',
        'public String apiToken(String tenant) {\n    return "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua";\n}',
        'String apiToken() {\n    return tokens.get("default");\n}',
        'func geocoderKey() string {\n\treturn "Qz8mLt3Rw7XkV2pN9cYbH4dJf6Gs1UeA"\n}',
        'func cacheKey() string {\n\tif k := os.Getenv("CACHE_KEY"); k != "" {\n\t\treturn k\n\t}\n\treturn "reports-cache-v2"\n}',
        'func sortKey() string {\n\tif os.Getenv("SORT_DESC") != "" {\n\t\treturn "Qz8mLt3Rw7XkV2pN9cYbH4dJf6Gs1UeA"\n\t}\n\treturn "created_at"\n}',
        'static String sessionSigningKey() {\n    return cached != null ? cached : "Wd3+Kq9zLm5Rx2Tv8Np4Hb7Gc1Fs6Ja0Ye";\n}',
        'fun tokenHeader(): String = "X-Partner-Token"',
        'fun apiToken(): String = tokens.getValue("default")',
        'fun apiToken(): String = if (prod) "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua" else "dev"',
        'fun geocoderKey(): String = "Qz8mLt3Rw7XkV2pN9cYbH4dJf6Gs1UeA"',
        'val same = apiToken() == "Hq2_VxP7mLr9TzKw4NcB8dFs1GjYe6Ua"',
      ],
    },
  },
  {
    id: 'arrow-getter-literal',
    category: 'PASS',
    description:
      'A literal that is the whole body of an expression-bodied getter named for a secret or a licence key (C# `private static string ApiKey() => "…";`, `const apiToken = () => "…";`)',
    keywords: ['() =>', '()=>'],
    pattern: ARROW_GETTER_BODY,
    find: findArrowGetterLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'private static string GeoIpLicenseKey() => "Vb9Qz2Lm7Xw4Rp8sHq7LmN2pX9vR4tK8sW3z";',
        'internal static string ProductLicense() => "Zt4Kp9Wq2Lm7Rx3Nv8Bc1Hs6Jd5Fg0Ya2Ue7Oi4";',
        'const apiToken = () => "t0k3n-Vb9Qz2Lm7Xw4Rp8s";',
      ],
      noMatch: [
        'public static string LicenseName() => "MIT";',
        'private static string ProductLicense() => "Apache-2.0";',
        'private static string TokenType() => "Bearer";',
        'private static string ApiKey() => Environment.GetEnvironmentVariable("API_KEY");',
        'const apiToken = () => process.env.API_TOKEN;',
        'private static string DbPassword() => "<password>";',
      ],
    },
  },
];
