import { classifyKey, type KeyClass } from '../key-name.js';
import { lineBreakCursor } from '../line-index.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { SESSION_COOKIE_NAME } from './generic.js';

/**
 * Credentials as the tools around HTTP requests write them down: a framework's error report
 * that lists the request's cookies, an API client's export that keeps the key of its auth
 * block, a web server's `map` that accepts a fixed set of API keys.
 */

// ---------------------------------------------------------------------------------------------
// Cookie sections of request dumps

/**
 * The heading of a request's cookie jar in an error report: Django's technical 500 page and
 * error e-mail (`COOKIES:`), and PHP's `print_r($GLOBALS)` (`[_COOKIE] => Array`).
 */
const COOKIE_SECTION_HEADING = /(?<=^|[\r\n])[ \t]{0,8}(?:cookies:|\[_cookie\][ \t]{1,4}=>[ \t]{1,4}array)[ \t]{0,8}\r?\n/iy;
/** One cookie of the section: Django's `name = 'value'`, a `name: value` dump, PHP's `[name] => value`. */
const COOKIE_SECTION_ENTRY =
  /[ \t]{0,16}(?:(?<name>[\w.-]{1,80})[ \t]{0,4}[=:][ \t]{0,4}(?:'(?<sq>[^'\r\n]{1,2000})'|"(?<dq>[^"\r\n]{1,2000})"|(?<bare>[^\s'"]{1,2000}))|\[(?<phpName>[\w.-]{1,80})\][ \t]{1,4}=>[ \t]{1,4}(?<php>[^\s]{1,2000}))[ \t]{0,8}(?:\r?\n|$)/y;
/** PHP's array opens with `(` on a line of its own. */
const PHP_ARRAY_OPEN = /[ \t]{0,16}\(\r?\n/y;

/** The cookie section's entries, read until the first line that is none (a blank line, the next heading). */
function findCookieSections(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // Where the last section read ended: a later offset inside it starts nothing new.
  let done = -1;
  for (const offset of offsets) {
    if (offset < done) continue;
    // The heading starts its line: back up over the indentation before the keyword.
    let lineStart = offset;
    while (lineStart > 0 && offset - lineStart < 8 && (text.charCodeAt(lineStart - 1) === 0x20 || text.charCodeAt(lineStart - 1) === 0x09)) lineStart--;
    COOKIE_SECTION_HEADING.lastIndex = lineStart;
    const heading = COOKIE_SECTION_HEADING.exec(text);
    if (heading === null) continue;
    let at = heading.index + heading[0].length;
    PHP_ARRAY_OPEN.lastIndex = at;
    const open = PHP_ARRAY_OPEN.exec(text);
    if (open !== null) at += open[0].length;
    for (let entries = 0; entries < 200; entries++) {
      COOKIE_SECTION_ENTRY.lastIndex = at;
      const m = COOKIE_SECTION_ENTRY.exec(text);
      if (m === null) break;
      at = m.index + m[0].length;
      const g = m.groups!;
      const name = g['name'] ?? g['phpName']!;
      const value = g['sq'] ?? g['dq'] ?? g['bare'] ?? g['php']!;
      if (!SESSION_COOKIE_NAME.test(name) || /csrf|xsrf/i.test(name) || value.length < 16) continue;
      if (!isPlausibleSecret(value, { category: 'TOKEN', quoted: true, file: options.file })) continue;
      const start = m.index + m[0].indexOf(value, m[0].indexOf(name) + name.length);
      spans.push({ start, end: start + value.length });
    }
    done = at;
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// Postman collections

/**
 * Postman keeps an auth block's settings as `{"key": …, "value": …}` pairs. For `apikey` auth the
 * pair whose key is `value` holds the API key itself (`key` holds the header's name); bearer,
 * basic and OAuth pairs are named `token`, `password`, `clientSecret`, which the name/value rule reads.
 */
const POSTMAN_APIKEY_BLOCK = /"apikey"[ \t]{0,4}:[ \t]{0,4}\[/y;
const POSTMAN_PAIR = /\{[^{}]{0,1000}\}/g;
const POSTMAN_KEY_IS_VALUE = /"key"[ \t]{0,4}:[ \t]{0,4}"value"/;
const POSTMAN_VALUE = /"value"[ \t]{0,4}:[ \t]{0,4}"(?<v>(?:[^"\\\r\n]|\\.){1,1000})"/;

function findPostmanApiKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    POSTMAN_APIKEY_BLOCK.lastIndex = offset;
    const block = POSTMAN_APIKEY_BLOCK.exec(text);
    if (block === null) continue;
    const from = block.index + block[0].length;
    // The list's end within reach only: a search to the text's end is quadratic on blocks that never close.
    const reach = text.slice(from, from + 4000);
    const close = reach.indexOf(']');
    const list = close === -1 ? reach : reach.slice(0, close);
    for (const pair of list.matchAll(POSTMAN_PAIR)) {
      if (!POSTMAN_KEY_IS_VALUE.test(pair[0])) continue;
      const value = POSTMAN_VALUE.exec(pair[0]);
      if (value === null) continue;
      const key = value.groups!['v']!;
      if (!isPlausibleSecret(key, { category: 'KEY', quoted: true, file: options.file })) continue;
      const start = from + pair.index + value.index + value[0].length - 1 - key.length;
      spans.push({ start, end: start + key.length });
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// nginx maps keyed by a secret request value

/**
 * `map $http_x_api_key $client { "…" acme; }`: a map from a request header, query argument or
 * cookie whose name says it holds a secret turns each of its keys into an accepted secret.
 */
const NGINX_SECRET_MAP = /(?<![\w$-])map[ \t]{1,8}\$(?:http|arg|cookie)_(?<name>\w{1,60})[ \t]{1,8}\$\w{1,60}[ \t]{0,8}\{/y;
/** One entry of a map block: a quoted or bare key, then its value up to `;`. */
const NGINX_MAP_ENTRY = /(?:"(?<dq>[^"\r\n]{1,300})"|'(?<sq>[^'\r\n]{1,300})'|(?<bare>[^\s;#{}"']{1,300}))[ \t]{1,40}[^;\r\n{}]{1,300};[ \t]{0,40}(?:#[^\r\n]{0,300})?/y;
/** Map keys that are directives or patterns, not values: `default`, `hostnames`, `include`, `~regex`. */
const NGINX_MAP_DIRECTIVE = /^(?:default|hostnames|volatile|include)$|^~/;
/** An Authorization header's value keeps its scheme before the credential. */
const AUTH_SCHEME = /^(?:Bearer|Basic|Token|ApiKey)[ \t]{1,4}/i;

function findNginxSecretMaps(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // The maps of one long line share one search for the end of a comment that runs to the line's end.
  const nextBreak = lineBreakCursor(text);
  for (const offset of offsets) {
    NGINX_SECRET_MAP.lastIndex = offset;
    const map = NGINX_SECRET_MAP.exec(text);
    if (map === null) continue;
    const found = classifyKey(map.groups!['name']!);
    if (found === undefined) continue;
    let at = map.index + map[0].length;
    for (let entries = 0; entries < 500; entries++) {
      at = afterBlanksAndComments(text, at, nextBreak);
      NGINX_MAP_ENTRY.lastIndex = at;
      const m = NGINX_MAP_ENTRY.exec(text);
      if (m === null) break;
      at = m.index + m[0].length;
      const g = m.groups!;
      const raw = g['dq'] ?? g['sq'] ?? g['bare']!;
      if (NGINX_MAP_DIRECTIVE.test(raw)) continue;
      const scheme = AUTH_SCHEME.exec(raw);
      const value = scheme === null ? raw : raw.slice(scheme[0].length);
      if (!acceptsAsSecret(value, found, options)) continue;
      const start = m.index + m[0].indexOf(raw) + (scheme === null ? 0 : scheme[0].length);
      spans.push({ start, end: start + value.length, category: found.category });
    }
  }
  return spans;
}

// ---------------------------------------------------------------------------------------------
// nginx's secure links

/**
 * The secret of nginx's secure_link module: the word written into the expression that `secure_link_md5` hashes
 * (`secure_link_md5 "$secure_link_expires$uri$remote_addr …";`), which anyone holding it can sign download links with,
 * or the word of the older `secure_link_secret …;`. The expression's variables (`$uri`, `${arg_e}`) are nginx's; the
 * literal among them is the secret. Read at the directive, to its `;` on the same line.
 */
const NGINX_SECURE_LINK = /secure_link_(?:md5|secret)[ \t]{1,8}(?:"(?<dq>[^"\r\n]{1,400})"|'(?<sq>[^'\r\n]{1,400})'|(?<bare>[^\s;"'{}]{1,400}))[ \t]{0,8};/y;
/** What parts an expression's literals: a variable (`$name`, `${name}`) or blanks. */
const NGINX_EXPRESSION_PART = /\$\{\w{1,64}\}|\$\w{1,64}|[ \t]{1,8}/g;

function findNginxSecureLinkSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // The directive opens its word (`my_secure_link_md5` is some other module's).
    if (offset > 0 && /[\w$]/.test(text.charAt(offset - 1))) continue;
    NGINX_SECURE_LINK.lastIndex = offset;
    const m = NGINX_SECURE_LINK.exec(text);
    if (m === null) continue;
    const g = m.groups!;
    const expression = g['dq'] ?? g['sq'] ?? g['bare']!;
    const from = m.index + m[0].indexOf(expression);
    let at = 0;
    NGINX_EXPRESSION_PART.lastIndex = 0;
    for (let part = NGINX_EXPRESSION_PART.exec(expression); ; part = NGINX_EXPRESSION_PART.exec(expression)) {
      const end = part === null ? expression.length : part.index;
      const literal = expression.slice(at, end);
      if (literal.length >= 8 && isPlausibleSecret(literal, { category: 'KEY', quoted: true, file: options.file })) {
        spans.push({ start: from + at, end: from + end, category: 'KEY' });
      }
      if (part === null) break;
      at = part.index + part[0].length;
    }
  }
  return spans;
}

/** The offset after the blanks and `#` comment lines that start at `from` (a map block's notes between entries). */
function afterBlanksAndComments(text: string, from: number, nextBreak: (from: number) => number): number {
  let at = from;
  for (let guard = 0; guard < 1000 && at < text.length; guard++) {
    const c = text.charCodeAt(at);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) at++;
    else if (c === 0x23 /* # */) {
      const nl = nextBreak(at);
      at = nl === -1 ? text.length : nl + 1;
    } else break;
  }
  return at;
}

/**
 * A request header's value compared with a literal, as a handler checks a shared token by hand (Go's
 * `r.Header.Get(adminTokenHeader) != "…"`, Python's `request.headers.get("X-Admin-Token") == "…"`, Express's
 * `req.headers["x-api-key"] !== "…"` and `req.header("X-Signature") !== "…"`, Java's `request.getHeader(TOKEN_HEADER).equals("…")`,
 * .NET's `Request.Headers["X-Api-Key"].Equals("…")`): the literal is the token. Read at the lookup. Group `h` or `h2`
 * is the header's name as written (a literal or a constant), `dq`/`sq`/`dq2`/`sq2` the literal compared with.
 */
const HEADER_COMPARED_LITERAL =
  /(?:header\.get|headers\.get|getheader|get_header|\.header)\([ \t]{0,4}(?<h>[^()\r\n]{1,80})\)(?:\.(?:strip|trim|Trim|TrimSpace)\(\))?(?:[ \t]{0,4}(?:===?|!==?)[ \t]{0,4}|\.equals\()(?:"(?<dq>[^"\s\\]{1,200})"|'(?<sq>[^'\s\\]{1,200})')|headers\[[ \t]{0,4}(?<h2>[^[\]\r\n]{1,80})\](?:\.ToString\(\))?(?:[ \t]{0,4}(?:===?|!==?)[ \t]{0,4}|\.equals\()(?:"(?<dq2>[^"\s\\]{1,200})"|'(?<sq2>[^'\s\\]{1,200})')/iy;

/**
 * A signature header (`Signature`, `X-Hub-Signature-256`, `X-Webhook-Sig`): its last word is the signature's, after it at
 * most a digest's name or size.
 */
function namesSignatureHeader(name: string): boolean {
  const words = name.toLowerCase().split(/[-_.]/);
  while (words.length > 1 && /^(?:\d{1,4}|sha\d{1,3}|hmac)$/.test(words[words.length - 1]!)) words.pop();
  const last = words[words.length - 1];
  return last === 'signature' || last === 'sig';
}

/**
 * What a header's name as written says its value is: a quoted name that names a token, key or secret (`"X-Api-Key"`), or a
 * signature (compared with one fixed literal, a signature header carries a shared secret, not a digest of each body).
 * A constant or an expression names nothing here.
 */
function comparedHeaderClass(written: string): KeyClass | undefined {
  const name = /^(["'])([\w.-]{1,60})\1$/.exec(written.trim())?.[2];
  if (name === undefined) return undefined;
  if (namesSignatureHeader(name)) return { category: 'TOKEN', weak: false };
  return classifyKey(name);
}

function findHeaderComparisons(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    HEADER_COMPARED_LITERAL.lastIndex = offset;
    const m = HEADER_COMPARED_LITERAL.exec(text);
    if (m === null) continue;
    const g = m.groups!;
    const value = g['dq'] ?? g['sq'] ?? g['dq2'] ?? g['sq2']!;
    // A header named for a secret says what the literal is, as an assignment to that name would: judged the same way.
    // Otherwise (a constant's name, `Content-Type`) only a generated value of sixteen characters or more is a token.
    const named = comparedHeaderClass(g['h'] ?? g['h2']!);
    const judgedAs = named ?? (value.length >= 16 ? { category: 'TOKEN' as const, weak: true } : undefined);
    if (judgedAs === undefined || !isPlausibleSecret(value, { category: judgedAs.category, quoted: true, weakKey: judgedAs.weak, file: options.file })) continue;
    const start = m.index + m[0].length - value.length - 1;
    spans.push({ start, end: start + value.length, category: named?.category });
  }
  return spans;
}

/**
 * A custom header named for a session given its value in code: .NET's `DefaultRequestHeaders.Add("X-Salesforce-Session", "…")`,
 * `setHeader("X-Portal-Session", "…")`, `headers["X-Session"] = "…"`, a map's `"X-Session": "…"`. The value may be joined from
 * literals (a Salesforce session id is the org's id, `!`, then the token: `"00D…!" + "…"`), and is judged and reported joined.
 * Read from the name's last word on; `dq` or `sq` is the first literal, the ones joined to it are read after it.
 */
const SESSION_HEADER_VALUE =
  /session["'][ \t]{0,4}(?:,|:|\][ \t]{0,4}=)[ \t]{0,4}(?:"(?<dq>[^"\r\n\\]{1,300})"|'(?<sq>[^'\r\n\\]{1,300})')/iy;

/** One more literal joined to the value (`+ "…"`); read after it, at most four times. */
const JOINED_LITERAL = /[ \t]{0,4}\+[ \t]{0,4}(?:"(?<dq>[^"\r\n\\]{1,300})"|'(?<sq>[^'\r\n\\]{1,300})')/y;

/** The quoted header name that ends at `end` (its closing quote), when it is a custom header's (`X-…`). */
function customHeaderNameBefore(text: string, end: number): string | undefined {
  const quote = text[end]!;
  const open = text.lastIndexOf(quote, end - 1);
  if (open === -1 || end - open > 64) return undefined;
  const name = text.slice(open + 1, end);
  return /^x-[\w-]{0,60}$/i.test(name) ? name : undefined;
}

function findSessionHeaderValues(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    SESSION_HEADER_VALUE.lastIndex = offset;
    const m = SESSION_HEADER_VALUE.exec(text);
    if (m === null) continue;
    const name = customHeaderNameBefore(text, offset + 'session'.length);
    const key = name === undefined ? undefined : classifyKey(name);
    if (key === undefined) continue;
    const first = m.groups!['dq'] ?? m.groups!['sq']!;
    let joined = first;
    let end = m.index + m[0].length;
    for (let more = 0; more < 4; more++) {
      JOINED_LITERAL.lastIndex = end;
      const next = JOINED_LITERAL.exec(text);
      if (next === null) break;
      joined += next.groups!['dq'] ?? next.groups!['sq']!;
      end = next.index + next[0].length;
    }
    if (!isPlausibleSecret(joined, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    // The literals as written, from the first one's opening quote to the last one's closing quote (both left out).
    const start = m.index + m[0].length - first.length - 1;
    spans.push({ start, end: end - 1, category: key.category });
  }
  return spans;
}

function acceptsAsSecret(value: string, key: KeyClass, options: DetectOptions): boolean {
  return isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file });
}

export const httpToolRules: Rule[] = [
  {
    id: 'request-dump-session-cookie',
    category: 'TOKEN',
    description:
      "A session cookie in the cookie section of a request dump: Django's error report (`COOKIES:` / `sessionid = '…'`), PHP's `[_COOKIE] => Array` (`[PHPSESSID] => …`)",
    keywords: ['cookies:', '[_cookie]'],
    pattern: COOKIE_SECTION_HEADING,
    find: findCookieSections,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "FILES: No FILES data\n\nCOOKIES:\nsessionid = 'q8w2e9r7t1y5u3i0o6p4a8s2d7f1g9h3'\ncsrftoken = 'Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yh0Ig9Of'\n\nMETA:\n",
        '    [_COOKIE] => Array\n        (\n            [PHPSESSID] => 9k3j5h7g2f4d6s8a1l0q2w4e6r\n        )\n',
      ],
      noMatch: [
        "COOKIES:\ncsrftoken = 'Zx8Cv7Bn6Mq5Wl4Ek3Rj2Tu1Yh0Ig9Of'\n_ga = 'GA1.1.6445347073.1718091177'\n",
        "COOKIES:\nsessionid = '<session id>'\n",
        'COOKIES: No cookie data\n',
        'const COOKIES: Record<string, string> = {};\nsessionid = getSession()\n',
      ],
    },
  },
  {
    id: 'postman-apikey-auth',
    category: 'KEY',
    description: "The API key of a Postman collection's `apikey` auth block: the `{\"key\": \"value\", \"value\": \"…\"}` pair (the `key` pair names the header)",
    keywords: ['"apikey": [', '"apikey":['],
    pattern: POSTMAN_APIKEY_BLOCK,
    find: findPostmanApiKeys,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '"auth": {\n\t"type": "apikey",\n\t"apikey": [\n\t\t{\n\t\t\t"key": "value",\n\t\t\t"value": "ak_live_Q7mZ2pX9vL4nR8tW3yK6",\n\t\t\t"type": "string"\n\t\t},\n\t\t{\n\t\t\t"key": "key",\n\t\t\t"value": "X-Api-Key",\n\t\t\t"type": "string"\n\t\t}\n\t]\n}',
        '"apikey":[{"key":"key","value":"X-API-Key","type":"string"},{"key":"value","value":"Zk3mP9qR2vX8wL5nQ4tY7uI0","type":"string"}]',
      ],
      noMatch: [
        '"apikey": [\n\t{"key": "value", "value": "{{partner_api_key}}", "type": "string"},\n\t{"key": "key", "value": "X-Api-Key", "type": "string"}\n]',
        '"apikey": [{"key": "in", "value": "header", "type": "string"}]',
      ],
    },
  },
  {
    id: 'nginx-map-secret-key',
    category: 'KEY',
    description:
      'A secret hard-coded as a key of an nginx `map` over a request header, argument or cookie that names a secret (`map $http_x_api_key $client { "…" acme; }`)',
    keywords: ['map $http_', 'map $arg_', 'map $cookie_'],
    pattern: NGINX_SECRET_MAP,
    find: findNginxSecretMaps,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'map $http_x_api_key $api_client {\n    default "";\n    "c4f1e9a27b3d8e6f0a5c2b9d7e1f3a8c" partner_a;   # partner A\n    9Zt4Lq7Wm2Xp8Kc5Rv3N  partner_b;\n}\n',
        'map $http_authorization $is_ops {\n    default 0;\n    "Bearer Qw8Er7Ty6Ui5Op4As3Df2Gh1" 1;\n}\n',
      ],
      noMatch: [
        'map $http_upgrade $connection_upgrade {\n    default upgrade;\n    "" close;\n}\n',
        'map $http_x_api_key $api_client {\n    default "";\n    include /etc/nginx/api-keys.map;\n}\n',
        'map $http_user_agent $is_bot {\n    default 0;\n    "~*Googlebot/2.1abcXYZ123" 1;\n}\n',
      ],
    },
  },
  {
    id: 'nginx-secure-link-secret',
    category: 'KEY',
    description:
      "The secret word of nginx's secure_link module: the literal among the variables of `secure_link_md5 \"$secure_link_expires$uri …\";`, or the word of `secure_link_secret …;`",
    keywords: ['secure_link_md5', 'secure_link_secret'],
    pattern: NGINX_SECURE_LINK,
    find: findNginxSecureLinkSecrets,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'secure_link_md5 "$secure_link_expires$uri$remote_addr Rq7vK2mX9pLw4Zt8Wq3nB6cJ";',
        "    secure_link_md5 'Hx4mZ9qTr2Lw8Vk3$uri$secure_link_expires';",
        'location /p/ {\n    secure_link_secret Tz3Lq8Wm2Rx7Vk4Nb9Hc;\n}',
      ],
      noMatch: [
        'secure_link_md5 "$secure_link_expires$uri$remote_addr secret";',
        'secure_link_md5 "$secure_link_expires$uri$remote_addr$secure_link_key";',
        'secure_link $arg_md5,$arg_expires;',
        'secure_link_md5 "$secure_link_expires$uri ${SECURE_LINK_SECRET}";',
      ],
    },
  },
  {
    id: 'session-header-value',
    category: 'TOKEN',
    description:
      'A session id that code sends in a custom header named for the session (`DefaultRequestHeaders.Add("X-Salesforce-Session", "…")`, `headers["X-Session"] = "…"`), maybe joined from literals (`"00D…!" + "…"`)',
    keywords: ['session"', "session'"],
    pattern: SESSION_HEADER_VALUE,
    find: findSessionHeaderValues,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Http.DefaultRequestHeaders.Add("X-Salesforce-Session", "00D7t000001Ab9Z!" + "AQ4Lm8Wz2Rx7Tk3Vb9Nc6Hd1Pq5Jy0Gs");',
        "req.setHeader('X-Portal-Session', 'Tq8Lm2Wz7Rx4Kp9Vb3Nc6Hd1');",
        'headers["X-Session"] = "c3Rv9Lx2Mq8Wz4Tn7Kb1Hd6P";',
      ],
      noMatch: [
        'client.DefaultRequestHeaders.Add("X-Session", "true");',
        'client.DefaultRequestHeaders.Add("X-Salesforce-Session", sessionId);',
        'cookies.set("session", "Tq8Lm2Wz7Rx4Kp9Vb3Nc6Hd1");',
        'headers["X-Session"] = "<session id>";',
      ],
    },
  },
  {
    id: 'request-header-compared-literal',
    category: 'TOKEN',
    description:
      'A generated token that a handler compares a request header with (`r.Header.Get(adminTokenHeader) != "…"`, `request.headers.get("X-Api-Key") == "…"`, `req.headers["x-admin-token"] !== "…"`, `req.header("X-Signature") !== "…"`, `request.getHeader(H).equals("…")`, `Request.Headers["X-Api-Key"].Equals("…")`); under a header named for a secret, judged as an assignment to that name is',
    keywords: ['header.get(', 'headers.get(', 'getheader(', 'get_header(', 'headers[', '.header('],
    pattern: HEADER_COMPARED_LITERAL,
    find: findHeaderComparisons,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'if r.Header.Get(adminTokenHeader) != "Wq7Lm2Zx9Rv4Tk8N-Hb3Pc6Yd1Fs5Ja0" {',
        'if request.headers.get("X-Deploy-Token") == "k4Rt8Wq2Lm7Zx9Pv3Nb6Hc1Yd5Fs0Ja":',
        "if (req.headers['x-admin-token'] !== 'Zq8vLm2Rx7Kp4Tn9Wb3Hc6Jd1Fs5Gy0') {",
        'if (!request.getHeader(TOKEN_HEADER).equals("Tn9Wb3Hc6Jd1Fs5Gy0Zq8vLm2Rx7Kp4")) {',
        'if (req.header("X-Relay-Signature") !== "Hq4Vn8Tz2Lw6Rk") return res.sendStatus(401);',
        'if (!Request.Headers["X-Api-Key"].Equals("Pw3Kd8Lm2Qz7Rv")) return Unauthorized();',
        "if (req.header('x-webhook-token') != 'Fenwick-Ledger-48') {",
      ],
      noMatch: [
        'if r.Header.Get("Content-Type") != "application/x-www-form-urlencoded" {',
        'if request.headers.get("X-Forwarded-Proto") == "https":',
        "if (req.headers['x-admin-token'] !== process.env.ADMIN_TOKEN) {",
        'if r.Header.Get("X-Request-Id") == "00000000000000000000000000000000" {',
        'if (req.header("X-Relay-Signature") !== "your-signature-here") return res.sendStatus(401);',
        "if (req.header('Accept') !== 'application/json') return next();",
        'if (Request.Headers["X-Api-Key"] == "changeme") return Unauthorized();',
        'if (req.header(SIG_HEADER) !== "Hq4Vn8Tz2Lw6Rk") return res.sendStatus(401);',
      ],
    },
  },
];
