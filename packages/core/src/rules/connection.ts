import { indexOfBelow, lastIndexOfAbove, lineAround } from '../line-index.js';
import { characterSwitches, isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import type { Category, DetectOptions, Rule, RuleContext, Span } from '../types.js';
import { isDigitCode, isLetterCode } from '../char-codes.js';
import { forEachMatchAt } from '../sticky.js';

/**
 * Connection strings and URLs that carry credentials. A connection string is tokenized
 * as one unit (one CONN finding), not as a password inside it: the engine's widest-span
 * rule then drops the generic password finding that overlaps it. A URL to a service that the
 * same text also reaches without credentials is tokenized up to its `@`: its address is written
 * out in the clear anyway.
 */

const DATABASE_SCHEMES =
  /^(?:postgres(?:ql)?|postgis|mysql|mysqlx|mariadb|mongodb(?:\+srv)?|redis|rediss|valkey|amqps?|mssql|sqlserver|oracle|db2|cockroach(?:db)?|clickhouse|couchdb|couchbase|neo4j(?:\+s|\+ssc)?|bolt|nats|kafka|cassandra|memcached?|elasticsearch|influxdb|snowflake|jdbc:[a-z0-9:]{2,30}|sqlalchemy|mysql\+[a-z0-9]{2,20}|postgresql\+[a-z0-9]{2,20}|rabbitmq|ldaps?|smtps?|imaps?|pop3s?)$/i;

/** A run of characters that can continue a URL; used to find where a URL ends. */
const URL_RUN = /[^\s"'`<>\\{}|^]{0,2048}/y;

/** Where the URL that contains `from` ends, minus the trailing punctuation of the sentence. */
export function urlEnd(text: string, from: number): number {
  URL_RUN.lastIndex = from;
  let i = from + (URL_RUN.exec(text)?.[0].length ?? 0);
  // A closing parenthesis stays when a `(` opened after `from` (`…/Foo_(bar)`): the first such `(` is looked for once, in the
  // URL's run, not back to the text's start at each `)`.
  let open = -2;
  while (i > from && /[.,;:!?)\]]/.test(text[i - 1]!)) {
    const ch = text[i - 1]!;
    if (ch === ')') {
      if (open === -2) open = indexOfBelow(text, '(', from + 1, i - 1);
      if (open !== -1 && open <= i - 2) break;
    }
    i--;
  }
  return i;
}

/** [A-Za-z0-9+.:-] by character code (this runs backwards from every `://` of every file). */
function isSchemeCode(c: number): boolean {
  return isLetterCode(c) || isDigitCode(c) || c === 0x2b || c === 0x2e || c === 0x3a || c === 0x2d;
}

/** Reads a URL scheme backwards from the `://` at `colon`; returns its start or -1. */
export function schemeStart(text: string, colon: number): number {
  let i = colon;
  while (i > 0 && colon - i < 40 && isSchemeCode(text.charCodeAt(i - 1))) i--;
  while (i < colon && !isLetterCode(text.charCodeAt(i))) i++;
  return i < colon ? i : -1;
}

/**
 * The password may hold a backslash-escaped character when the URL sits in a string literal (`\"`),
 * and an unencoded `@` that no host follows (`amqp://u:Tundra59@@mq/`): URL parsers split the
 * userinfo at the last `@`, so the password is `Tundra59@`. A token may stand in for the password, and
 * some run long: an AWS CodeArtifact token in a pip or npm index URL (`https://aws:eyJ2ZXIi…@…codeartifact…`)
 * is about a thousand characters.
 * String interpolation may put a literal there: `${"…"}` in Scala, Kotlin, Groovy and JS templates, `{"…"}` in C#'s `$"…"` and
 * Python's f-strings, maybe through a call that percent-encodes it (`${encodeURIComponent("…")}` in a JS template).
 * The host may be a template (`@${DB_HOST}`, `@$HOST`, `@{{ host }}`): the password before it is still written out.
 * It may be empty, where the scheme alone says where to connect: Airflow's connection URIs for a cloud's API
 * (`aws://<key id>:<secret key>@/?region_name=…`, `google-cloud-platform://:…@/?…`) put the query right after the `@`.
 * A generated key in base64 may hold a raw `/` (`rediss://default:…/…=@….redis.cache.windows.net:6380`, as Azure Cache for
 * Redis' access keys are pasted): such a password is read when it is base64 and a host follows it (`BASE64_PASSWORD`).
 */
const USERINFO = /:(?:\/\/|\\\/\\\/)(?<user>[^\s:/"'`<>]{0,128}):(?:\$?\{(?:(?:[A-Za-z_$][\w$]{0,40}\.)?(?:encodeURIComponent|encodeURI|escape|quote_plus|quote|urlencode|rawurlencode|url_encode|QueryEscape|PathEscape|EscapeDataString)\([ \t]{0,2})?["'](?<ipw>[^\s"'\\$]{1,256})["'](?:[ \t]{0,2}\))?\}|(?<pw>(?:[^\s/@"'`<>\\]|\\[^\s]|@(?![A-Za-z0-9[_.-])){1,2048})|(?<bpw>[A-Za-z0-9+]{1,256}\/[A-Za-z0-9+/]{0,256}={0,2}))@(?=[A-Za-z0-9[_.-]|\$\{?[A-Za-z_]|\{\{|\/\?)/g;

/**
 * Whether a URL's host starts at `from`: a name or IPv4 address (or a bracketed IPv6 one), an
 * optional port, then the end of the authority (a path, query, fragment or the URL's end).
 */
function isHostAt(text: string, from: number): boolean {
  let i = from;
  if (text.charCodeAt(i) === 0x5b /* [ */) {
    // Read no further than an address in brackets runs: a `@[` never closed must not cost a search to the text's end.
    const close = indexOfBelow(text, ']', i, i + 61);
    if (close < 0) return false;
    i = close + 1;
  } else {
    while (i < text.length && i - from < 253 && isHostCode(text.charCodeAt(i))) i++;
    if (i === from) return false;
  }
  if (text.charCodeAt(i) === 0x3a /* : */) {
    const port = i + 1;
    i = port;
    while (i < text.length && i - port < 5 && isDigitCode(text.charCodeAt(i))) i++;
    if (i === port) return false;
  }
  return i >= text.length || AUTHORITY_END.includes(text[i]!);
}

/** A generated key in base64 (at least 20 characters, capitals, small letters and digits) that does not open with a port. */
const BASE64_PASSWORD = /^(?!\d{1,5}\/)(?=[^a-z]{0,300}[a-z])(?=[^A-Z]{0,300}[A-Z])(?=\D{0,300}\d)[A-Za-z0-9+/]{20,300}={0,2}$/;

/** [A-Za-z0-9._-] by character code. */
function isHostCode(c: number): boolean {
  return isLetterCode(c) || isDigitCode(c) || c === 0x2e || c === 0x5f || c === 0x2d;
}

/** What may follow a URL's host and port: a path, query or fragment, or whatever ends the URL (a quote, a space, a separator). */
const AUTHORITY_END = '/?#\\ \t\r\n"\'`<>,;)]}|';

/**
 * A password written with a raw `@` in it (`amqp://airflow:Mn3@Op8!Qr5#St1w@mq.example.com:5672/`):
 * when no host follows the first `@`, URL parsers and people alike read the userinfo up to the
 * last `@` that a host follows. Returns that `@`'s offset, or -1 (the first `@` stays the end): the password runs on through
 * characters a password holds (no space, quote or `/`), at most 128 of them.
 */
function lastUserinfoAt(text: string, at: number): number {
  let found = -1;
  for (let i = at + 1; i < text.length && i - at <= 128; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x2f /* / */ || c === 0x22 || c === 0x27 || c === 0x60 || c === 0x3c || c === 0x3e || c === 0x5c) break;
    if (c === 0x40 /* @ */ && isHostAt(text, i + 1)) found = i;
  }
  return found;
}

/**
 * A password that repeats its user name (`postgres:postgres`, `ops_portal:ops_portal`) is a
 * development default that compose files and `.env.example` files write, whatever its length
 * when it is a name made of words. A long value that looks generated is judged even so.
 */
const NAME_OF_WORDS = /^[A-Za-z]{1,30}(?:[_.-][A-Za-z]{1,30}){0,4}\d{0,4}$/;

/**
 * The scheme and host (`ntrip://rtk2go.com`, lower-cased) of every URL in the text that is written without credentials,
 * read once per text at each `://`: the scheme back to 40 characters, the host on to 253 and its port.
 */
function servicesInTheClear(text: string): Set<string> {
  const services = new Set<string>();
  for (let colon = text.indexOf('://'); colon !== -1; colon = text.indexOf('://', colon + 3)) {
    const start = schemeStart(text, colon);
    const from = colon + 3;
    if (start < 0 || !isHostAt(text, from)) continue;
    let end = from;
    while (end < text.length && end - from < 253 && isHostCode(text.charCodeAt(end))) end++;
    if (end === from) continue;
    services.add(`${text.slice(start, colon)}://${text.slice(from, end)}`.toLowerCase());
  }
  return services;
}

/**
 * The host a credential URL's `@` (at `at`) is followed by, when the same text also reaches that host by the same scheme
 * without credentials (`url = ntrip://base:…@caster.example.org:2101/MNT` and `fallback = ntrip://caster.example.org:2101/OPEN`):
 * the service takes anonymous callers, its address is written out in the clear, and only the user and password are the
 * secret. Returns where the host starts, or -1.
 */
function hostInTheClear(text: string, scheme: string, at: number, services: () => Set<string>): number {
  const from = at + 1;
  let end = from;
  while (end < text.length && end - from < 253 && isHostCode(text.charCodeAt(end))) end++;
  if (end === from) return -1;
  return services().has(`${scheme}://${text.slice(from, end)}`.toLowerCase()) ? from : -1;
}

const CVS_METHOD = /^(?:pserver|gserver|kserver|ext|extssh|server|sspi|fork):[\w.-]+$/;

/**
 * A URL of several hosts (`https://foo.com:123,foo:bar@bar.com/path`, as pydantic's MultiHostUrl and MongoDB's seed
 * lists write them) read from its first `host:port`: what looks like a user and a password is a host and its port, then
 * the other hosts; the user and the password, if any, are the last host's `user:password@`. Undefined when the user
 * read is not a host followed by its port and a comma.
 */
const HOST_NAME_USER = /^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}$/;
const PORT_THEN_HOSTS = /^\d{1,5},/;
function hostListUserinfo(user: string, password: string): { user: string; password: string | undefined } | undefined {
  if (!HOST_NAME_USER.test(user) || !PORT_THEN_HOSTS.test(password)) return undefined;
  const last = password.slice(password.lastIndexOf(',') + 1);
  const colon = last.indexOf(':');
  return colon === -1 ? { user: last, password: undefined } : { user: last.slice(0, colon), password: last.slice(colon + 1) };
}

function findUrlCredentials(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  let skipUntil = -1;
  let clear: Set<string> | undefined;
  const services = (): Set<string> => (clear ??= servicesInTheClear(text));
  for (const m of text.matchAll(USERINFO)) {
    if (m.index < skipUntil) continue;
    const start = schemeStart(text, m.index);
    if (start < 0) continue;
    const scheme = text.slice(start, m.index);
    let at = m.index + m[0].length - 1;
    // A literal interpolated as the password (Scala's and Kotlin's `s"https://u:${"…"}@host"`) is the password as written.
    const interpolated = m.groups!['ipw'];
    const slashed = m.groups!['bpw'];
    // A password with a raw `/`: base64 of a generated key only, and a host after it; `host:8080/path@…` is a port and a path.
    if (slashed !== undefined && !(BASE64_PASSWORD.test(slashed) && isHostAt(text, at + 1))) continue;
    let rawPassword = interpolated ?? slashed ?? m.groups!['pw']!;
    const last = interpolated !== undefined || isHostAt(text, at + 1) ? -1 : lastUserinfoAt(text, at);
    if (last >= 0) {
      rawPassword = text.slice(at - rawPassword.length, last);
      at = last;
    }
    let pw = decodeURIComponentSafe(rawPassword);
    let user = m.groups!['user']!;
    const listed = hostListUserinfo(user, pw);
    if (listed !== undefined) {
      if (listed.password === undefined) continue;
      ({ user, password: pw } = listed);
    }
    if (/^\$|^%|^\{|^<|\}$/.test(user)) continue;
    // A CVSROOT behind a scheme (`cvs://:pserver:anoncvs@sources.redhat.com:/cvs/src`): the access method and a user, no password.
    if (user.length === 0 && CVS_METHOD.test(pw)) continue;
    if (!isPlausiblePassword(pw, options.file)) continue;
    if (user.length > 0 && pw.toLowerCase() === user.toLowerCase() && (pw.length < 10 || NAME_OF_WORDS.test(pw))) continue;
    const category: Category = DATABASE_SCHEMES.test(scheme) ? 'CONN' : 'CRED';
    // The URL goes on from its host (the password may hold characters a URL run stops at);
    // in a JSON string with escaped slashes (`https:\/\/u:p@h\/path`) it goes on past each `\/`.
    let end = urlEnd(text, at + 1);
    while (text.startsWith('\\/', end) && end - m.index < 2048) end = urlEnd(text, end + 2);
    end = beforeChecksumFragment(text, at + 1, end);
    end = beforeVcsRevision(text, start, at + 1, end);
    skipUntil = end;
    // A service the text also reaches without credentials: the user and the password are the secret, not its address.
    if (hostInTheClear(text, scheme, at, services) !== -1) end = at;
    spans.push({ start, end, category });
  }
  return spans;
}

/**
 * A fragment that is a checksum of the file the URL fetches (conda's explicit lists `…/pkg.conda#<md5>`,
 * pip's `…/pkg.tar.gz#sha256=<hex>`): no client sends a fragment to the server, and anyone holding
 * the file computes the digest, so the credentials' URL ends before it.
 */
const CHECKSUM_FRAGMENT = /#(?:(?:md5|sha1|sha224|sha256|sha384|sha512)=)?[0-9a-fA-F]{32,128}$/;
export function beforeChecksumFragment(text: string, hostStart: number, end: number): number {
  // Only a `#` after the host and within a digest's reach of the end is read: each URL reads back 140 characters at most.
  const hash = lastIndexOfAbove(text, '#', end - 1, Math.max(hostStart + 1, end - 140));
  if (hash === -1) return end;
  return CHECKSUM_FRAGMENT.test(text.slice(hash, end)) ? hash : end;
}

/**
 * A VCS URL as pip, Poetry and pipenv write it, pinned to a commit (`git+https://…/repo.git@<commit hash>`): after the
 * path, `@` opens the revision to check out. A commit's hash names the commit, as lock files and `git log` print it,
 * and opens nothing; the credentials' URL ends before it. (A tag or a branch, `@v1.2.0`, is left as part of the URL.)
 */
const VCS_SCHEME = /(?:git|hg|svn|bzr)\+/iy;
const VCS_REVISION = /^@[0-9a-f]{7,40}(?:#[^\s]{0,200})?$/;
/** The end of a URL starting at `start` (its scheme) before the revision of a VCS URL, if it is one and has one. */
export function beforeVcsRevision(text: string, start: number, hostStart: number, end: number): number {
  VCS_SCHEME.lastIndex = start;
  if (!VCS_SCHEME.test(text)) return end;
  let at = -1;
  let path = false;
  for (let i = hostStart; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2f /* / */) path = true;
    else if (c === 0x40 /* @ */ && path) {
      at = i;
      break;
    }
  }
  return at !== -1 && VCS_REVISION.test(text.slice(at, end)) ? at : end;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Key=value connection strings: ADO.NET / SQL Server, ODBC, JDBC properties, Azure
 * Storage / Service Bus. The secret key is found first; a connection-string key before
 * it on the same line makes it a connection string, spanned from its first key.
 */
const KV_SECRET = /(?<![\w-])(?<k>password|pwd|accountkey|sharedaccesskey)\s{0,3}=\s{0,3}(?<v>"[^"\r\n]{1,300}"|(?:[^;"'\s&<>\\]|\\[^\s]){1,300})/gi;
/** Reused across calls (detection is synchronous): one compiled regex, warmed up once. */
const KV_SECRET_STICKY = new RegExp(KV_SECRET.source, 'iy');
/** A key that only a connection string has, before the secret in the same chain. */
const KV_CONTEXT =
  /(?<![A-Za-z0-9_])(?:jdbc:[a-z0-9]{2,20}:|(?:server|data source|datasource|host|hostname|address|driver|dsn|provider|accountname|defaultendpointsprotocol|endpoint|user id|userid|uid|user|username|initial catalog|database|sharedaccesskeyname)\s{0,3}=)/i;

/**
 * What a "quoted value" holds when its quote closed the code's literal instead: the operator joining the real value
 * in (`"…;Pwd=" + os.environ.get("SQL_PASSWORD", "") + ";…"`, VB's `"Pwd=" & pw & ";"`, PHP's `"Pwd=" . $pw . ";"`).
 */
const JOINED_AFTER_QUOTE = /^[ \t]{0,4}(?:\+|&|\.{1,2}|\|\|)/;

function findKeyValueConnections(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const re = KV_SECRET_STICKY;
  let skipUntil = -1;
  for (const offset of offsets) {
    if (offset < skipUntil) continue;
    re.lastIndex = offset;
    const m = re.exec(text);
    if (m === null) continue;
    skipUntil = m.index + m[0].length;
    const raw = m.groups!['v']!;
    const value = raw.startsWith('"') ? raw.slice(1, -1) : raw;
    if (raw.startsWith('"') && JOINED_AFTER_QUOTE.test(value)) continue;
    const category: Category = m.groups!['k']!.toLowerCase().includes('key') ? 'KEY' : 'PASS';
    if (!isPlausibleSecret(value, { category, quoted: true, file: options.file })) continue;
    const lineStart = lineAround(text, m.index, 400).start;
    const before = text.slice(lineStart, m.index);
    // The secret must be one pair of a `key=value;` chain that names a server or account.
    if (!/[;&]\s{0,3}$/.test(before)) {
      const piece = pairInSplitLiteral(text, lineStart, before, raw, m.index + m[0].length, category, options.file);
      if (piece !== undefined) spans.push(piece);
      continue;
    }
    const context = KV_CONTEXT.exec(before);
    if (!context) continue;
    const start = m.index - before.length + context.index;
    let end = m.index + m[0].length;
    // Extend over the rest of the connection string (`;Encrypt=True;…`).
    while (end < text.length && end - m.index < 1000 && !/[\s"'`<>]/.test(text[end]!)) end++;
    while (end > m.index + m[0].length && text[end - 1] === ';') end--;
    spans.push({ start, end, category: 'CONN' });
  }
  return spans;
}

/**
 * A string literal that continues the one on the line above: at the start of its line,
 * maybe after a concatenation operator (`+`, `&`, `.`, `||`), with an optional string
 * prefix. `f`/`$` (Python f-strings, C# interpolation) mark braces as placeholders.
 */
const CONTINUED_LITERAL = /^[ \t]{0,40}(?:(?:\+|&|\.|\|\|)[ \t]{0,4})?(?<prefix>[@$fFbBuUrRlL]{0,2})["'`]$/;
/** A line whose literal ends one `key=value;` pair of a chain, then goes on below (`"Uid=etl;"`, `"Uid=etl;" +`, `"Uid=etl;" & _`). */
const CHAIN_PIECE_END = /;["'`][ \t]{0,4}(?:\+|&|\.|\|\||\\|&[ \t]{1,4}_)?[ \t]{0,4}$/;

/**
 * A connection string split over string literals, one pair per line, as code writes long
 * ones (Python's implicit concatenation, `+` in C# and Java, `& _` in VB):
 * `"Uid=etl_export;"` / `"Pwd={…};"`. The pair holding the secret opens its own literal,
 * and the literals above it, each ending a pair, name the server. Only the secret is
 * reported: the rest of the chain lies in other literals. ODBC's braces (`{…}`) quote it.
 */
function pairInSplitLiteral(text: string, lineStart: number, before: string, raw: string, end: number, category: Category, file: string | undefined): Span | undefined {
  const literal = CONTINUED_LITERAL.exec(before);
  if (literal === null || raw.startsWith('"')) return undefined;
  const pieces: string[] = [];
  let lineEnd = lineStart - 1;
  while (pieces.length < 12 && lineEnd > 0 && lineStart - lineEnd < 1200) {
    const bounds = lineAround(text, lineEnd - 1, 400);
    const line = text.slice(bounds.start, bounds.end);
    if (!CHAIN_PIECE_END.test(line)) break;
    pieces.push(line);
    lineEnd = bounds.start - 1;
  }
  if (pieces.length === 0 || !KV_CONTEXT.test(pieces.join('\n'))) return undefined;
  let value = raw;
  let start = end - raw.length;
  if (value.startsWith('{')) {
    // ODBC's braces may hold a `;` (`Pwd={a;b}`): the value runs to the closing brace on its line.
    const close = text.slice(start, lineAround(text, start, 300).end).indexOf('}');
    if (close < 2) return undefined;
    value = text.slice(start, start + close + 1);
    // In an interpolated literal braces hold an expression; around a bare name, a format field (`{pw}`).
    if (/[$fF]/.test(literal.groups!['prefix']!) || /^\{[A-Za-z_][\w.]{0,60}\}$/.test(value)) return undefined;
    value = value.slice(1, -1);
    start++;
    if (!isPlausibleSecret(value, { category, quoted: true, file })) return undefined;
  }
  return { start, end: start + value.length, category };
}

/**
 * Driver strings that carry a password without a URL's `://`: Go's MySQL driver
 * (`user:pass@protocol(address)/db`) and Oracle's thin/OCI JDBC form (`user/pass@host`).
 * The whole string is the secret, like a URL with credentials. Go's driver splits the
 * credentials from the address at the last `@` before the protocol, so a password may hold
 * `@` (and `#`): the greedy, bounded read runs to that last `@`.
 */
const DRIVER_DSN =
  /(?<![\w.:-])[\w.-]{1,64}:(?<gopw>[^\s"'`/:]{1,128})@(?:tcp6?|unix|udp)\([^)\s"'`]{0,260}\)(?:\/[\w.-]{0,64}(?:\?[^\s"'`]{0,300})?)?|jdbc:oracle:(?:thin|oci):[\w.$#-]{1,64}\/(?<orapw>[^\s@"'`/]{1,128})@[^\s"'`<>;]{1,300}/;

/**
 * A webhook's capability URL: whoever holds it may call the hook, so the random path segment in
 * it is the secret (`https://hooks.acme.com/deploy/5dhv08w7…`, `https://ci.acme.com/webhooks/<token>`).
 * The URL's host opens with `hook`/`webhook`, or its path holds a `webhook(s)` segment; a later
 * segment of 24 to 128 URL-safe characters that looks generated (mixed letters and digits, many
 * switches, high entropy) is reported. A UUID or an object id with a type prefix (Stripe's
 * `we_…` in a dashboard link) names a hook, it does not open one.
 */
const WEBHOOK_TOKEN_SEGMENT = /^[A-Za-z0-9_-]{24,128}$/;
const HOOK_ID_SEGMENT = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z]{2,5}_[A-Za-z0-9]{10,60})$/i;

function findWebhookTokens(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let skipUntil = -1;
  for (const offset of offsets) {
    if (offset < skipUntil) continue;
    // The URL that holds the keyword: its `://` is the keyword itself or stands before it in the same run.
    const sep = text.startsWith('://', offset) ? offset : urlSeparatorBefore(text, offset);
    if (sep < 0 || schemeStart(text, sep) < 0) continue;
    const end = urlEnd(text, sep + 3);
    skipUntil = end;
    const pathStart = text.indexOf('/', sep + 3);
    if (pathStart < 0 || pathStart >= end) continue;
    let segStart = pathStart + 1;
    while (segStart < end) {
      let segEnd = segStart;
      while (segEnd < end && !'/?#&'.includes(text[segEnd]!)) segEnd++;
      const segment = text.slice(segStart, segEnd);
      if (segStart > offset && WEBHOOK_TOKEN_SEGMENT.test(segment) && /[A-Za-z]/.test(segment) && /\d/.test(segment) && !HOOK_ID_SEGMENT.test(segment) &&
        isPlausibleSecret(segment, { category: 'TOKEN', quoted: true, weakKey: true, file: options.file })) {
        spans.push({ start: segStart, end: segEnd, category: 'TOKEN' });
      }
      if (segEnd >= end || text[segEnd] !== '/') break;
      segStart = segEnd + 1;
    }
  }
  return spans;
}

/**
 * A token as a path segment of a request, right after a `/token/` or `/tokens/` segment: REST APIs
 * that look a token up by its value (JupyterHub's `GET /hub/api/authorizations/token/<token>`, Vault's
 * `auth/token/lookup/<token>` is named in a body instead), and access logs that print the path. The
 * segment must be generated (letters and digits, both cases or mixed with digits, 20 or more) and no
 * record's id (a UUID, `tok_…`): `/token/refresh`, `/tokens/42` and `/tokens/<uuid>` are routes.
 */
const TOKEN_PATH_SEGMENT = /[A-Za-z0-9_-]{20,128}(?![A-Za-z0-9_.~%+=-])/y;

function findTokenPathSegments(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const start = text.indexOf('/', offset + 1) + 1;
    if (start === 0 || start - offset > 8) continue;
    TOKEN_PATH_SEGMENT.lastIndex = start;
    const m = TOKEN_PATH_SEGMENT.exec(text);
    if (m === null) continue;
    const segment = m[0];
    if (HOOK_ID_SEGMENT.test(segment) || !/\d/.test(segment) || !/[A-Za-z]/.test(segment)) continue;
    if (!isPlausibleSecret(segment, { category: 'TOKEN', quoted: true, weakKey: true, file: options.file })) continue;
    spans.push({ start, end: start + segment.length });
  }
  return spans;
}

/** The `://` of the URL run that `from` lies in (at most 300 characters back, no space or quote between), or -1. */
function urlSeparatorBefore(text: string, from: number): number {
  for (let i = from - 1; i >= 2 && from - i <= 300; i--) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x22 || c === 0x27 || c === 0x60 || c === 0x3c || c === 0x3e) return -1;
    if (c === 0x2f && text.charCodeAt(i - 1) === 0x2f && text.charCodeAt(i - 2) === 0x3a) return i - 2;
  }
  return -1;
}

/**
 * A URL whose password code writes as a literal of its own, joined between the user and the host:
 * `"postgresql://admin:" + "…" + "@db:5432/app"` (also VB's `&`, Lua's `..`, PHP's `.`, OCaml's `^`, and
 * C's and Python's adjacent literals). No scanner sees the URL whole, yet the pieces spell it.
 * Read from the `://` on: the user (none for Redis's password-only `redis://:…@`), the colon that ends a literal,
 * the password literal, `@` opening the next.
 * A long one is broken across lines at the joins, and the password may pass through an escaping call on
 * its way in (`'mongodb://seed:' +` / `encodeURIComponent('…') +` / `'@10.0.0.5/shop'`, Python's `quote_plus("…")`).
 */
const JOIN = '[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:&|\\+|\\.{1,2}|\\^)?[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?';
/** A call that percent-encodes its argument for a URL (a lookup such as `os.Getenv("…")` names the password, it holds none). */
const ESCAPING_CALL =
  '(?:(?:[A-Za-z_$][\\w$.:]{0,60}[.:])?(?:encodeURIComponent|encodeURI|escape|quote_plus|quote|QueryEscape|PathEscape|encode|EscapeDataString|UrlEncode|urlencode|rawurlencode|url_encode)\\([ \\t]{0,4})?';
/** The end of that call, after the literal: a charset argument maybe (`URLEncoder.encode("…", "UTF-8")`). */
const ESCAPING_CALL_END = '(?:[ \\t]{0,4},[ \\t]{0,4}(?:"[\\w-]{1,20}"|[\\w.]{1,40}))?[ \\t]{0,4}\\)';
const JOINED_URL_PASSWORD = new RegExp(
  ':\\/\\/[^\\s:@/"\'`]{0,64}:["\'`]' + JOIN + ESCAPING_CALL + '["\'`](?<pw>[^"\'`\\s\\\\]{1,128})["\'`](?:' + ESCAPING_CALL_END + ')?' + JOIN + '["\'`]@',
  'dy',
);

function findJoinedUrlPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // A scheme's last character before the `://` (`postgresql+psycopg2://` ends in a digit).
    if (offset === 0 || !(isLetterCode(text.charCodeAt(offset - 1)) || isDigitCode(text.charCodeAt(offset - 1)))) continue;
    JOINED_URL_PASSWORD.lastIndex = offset;
    const m = JOINED_URL_PASSWORD.exec(text);
    if (m === null) continue;
    const pw = m.groups!['pw']!;
    // A variable's interpolation or a placeholder is no password.
    if (!isPlausiblePassword(pw, options.file)) continue;
    const start = m.indices!.groups!['pw']![0];
    spans.push({ start, end: start + pw.length });
  }
  return spans;
}

/**
 * Oracle's `user/password@connect_identifier` credential, the one string sqlplus, SQL*Loader,
 * expdp/impdp, python-oracledb/cx_Oracle and a DSN variable handed to them all take. The password
 * is the part between the user's `/` and the `@` and is reported alone. Three places make the
 * shape Oracle's rather than a path with an `@` in it (an npm `@scope/pkg@1.2.3`, `actions/checkout@v4`):
 * an Easy Connect address that opens with `//` (`u/p@//db01:1521/SVC`), the utilities' `userid=u/p@db`
 * parameter, the single string given to the Python drivers' `connect("u/p@db")`, or an Easy Connect address
 * written without its `//` whose host is followed by an Oracle listener's port and a service (`u/p@db01:1521/SVC`).
 */
const ORACLE_USER = '(?<user>[A-Za-z_][\\w$#.]{0,29})';
const ORACLE_PASSWORD = `(?<pw>"[^\\s"]{1,128}"|[^\\s/@"'\`;,()<>{}\\[\\]]{1,128})`;
const ORACLE_PASSWORD_CHAR = /[^\s/@"'`;,()<>{}[\]]/;
const ORACLE_USER_CHAR = /[\w$#.]/;
/** What may stand before the user: not a word, a path's or a URL's tail, or a scope's `@`. */
const ORACLE_BEFORE_USER = /[\w$#.@/\\:%-]/;

/**
 * The password of the `user/password` that ends right before `at` (the `@` of `@//`), read backwards
 * with bounded steps: the password (bare, or in double quotes), its `/`, then a user that opens a word.
 */
function easyConnectPassword(text: string, at: number): string | undefined {
  let slash: number;
  if (text[at - 1] === '"') {
    let open = at - 2;
    while (open >= 0 && at - 2 - open <= 128 && text[open] !== '"' && !/\s/.test(text[open]!)) open--;
    if (open < 0 || open === at - 2 || text[open] !== '"') return undefined;
    slash = open - 1;
  } else {
    slash = at - 1;
    while (slash >= 0 && at - slash <= 129 && ORACLE_PASSWORD_CHAR.test(text[slash]!)) slash--;
  }
  if (text[slash] !== '/' || slash === at - 1) return undefined;
  let userStart = slash;
  while (userStart > 0 && slash - userStart < 30 && ORACLE_USER_CHAR.test(text[userStart - 1]!)) userStart--;
  if (userStart === slash || !/[A-Za-z_]/.test(text[userStart]!)) return undefined;
  if (userStart > 0 && ORACLE_BEFORE_USER.test(text[userStart - 1]!)) return undefined;
  return text.slice(slash + 1, at);
}
const ORACLE_USERID_PARAMETER = new RegExp(`(?<![\\w.-])userid[ \\t]{0,4}=[ \\t]{0,4}["']?${ORACLE_USER}\\/${ORACLE_PASSWORD}@[\\w.$#/:\\[-]`, 'iy');
const ORACLE_DRIVER_CONNECT = new RegExp(
  `(?<![\\w.])(?:cx_oracle|oracledb)\\.connect[ \\t]{0,4}\\([ \\t]{0,4}(?:(?:dsn|user)[ \\t]{0,2}=[ \\t]{0,2})?[rf]?["']${ORACLE_USER}\\/${ORACLE_PASSWORD}@[\\w.$#/:\\[-]`,
  'iy',
);
const SQLPLUS_SUBSTITUTION_VALUE = /^&{1,2}[A-Za-z_]/;

function oraclePasswordSpan(pw: string, end: number, file: string | undefined): Span | undefined {
  const quoted = pw.length > 2 && pw.startsWith('"') && pw.endsWith('"');
  const password = quoted ? pw.slice(1, -1) : pw;
  if (SQLPLUS_SUBSTITUTION_VALUE.test(password) || !isPlausiblePassword(password, file)) return undefined;
  const stop = quoted ? end - 1 : end;
  return { start: stop - password.length, end: stop, category: 'PASS' };
}

/** A host name before a listener's port, read backwards from the `:`. */
const HOST_CHAR = /[\w.-]/;

/** Where the `@` before the host that ends at `colon` stands, if a host of 1 to 253 characters leads there. */
function hostAt(text: string, colon: number): number | undefined {
  let at = colon - 1;
  while (at >= 0 && colon - at <= 253 && HOST_CHAR.test(text[at]!)) at--;
  if (at < 0 || at === colon - 1 || text[at] !== '@' || !/[A-Za-z0-9]/.test(text[at + 1]!)) return undefined;
  return at;
}

function findOracleConnectPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const c = text.charCodeAt(offset);
    if (c === 64 /* @ */) {
      // `@//host`: the Easy Connect address; the credential ends right before the `@`.
      if (!/[\w$[]/.test(text[offset + 3] ?? '')) continue;
      const pw = easyConnectPassword(text, offset);
      if (pw === undefined) continue;
      const span = oraclePasswordSpan(pw, offset, options.file);
      if (span !== undefined) spans.push(span);
      continue;
    }
    if (c === 58 /* : */) {
      // `@host:1521/SVC`: an Easy Connect address without its `//`, told by the listener's port and the service after it.
      if (!/[\w$]/.test(text[offset + 6] ?? '')) continue;
      const at = hostAt(text, offset);
      if (at === undefined) continue;
      const pw = easyConnectPassword(text, at);
      if (pw === undefined) continue;
      const span = oraclePasswordSpan(pw, at, options.file);
      if (span !== undefined) spans.push(span);
      continue;
    }
    const re = c === 117 || c === 85 /* u, U */ ? ORACLE_USERID_PARAMETER : ORACLE_DRIVER_CONNECT;
    re.lastIndex = offset;
    const m = re.exec(text);
    if (m === null) continue;
    const at = m.index + m[0].length - 2; // the `@`
    const span = oraclePasswordSpan(m.groups!['pw']!, at, options.file);
    if (span !== undefined) spans.push(span);
  }
  return spans;
}

/**
 * A URL whose secret query parameter code fills from a literal joined right after it: `"https://…/api?sig=" + "…"`,
 * `'…&token=' . '…'`, `"…?api_key=" & "…"`. The parameter's name says what the literal is; the literal is written in
 * the code, so it is the same for every request. Sticky at the parameter's name, which a `?` or `&` opens.
 */
const QUERY_SECRET_JOINED_AT =
  /(?<=[?&])(?:sig|signature|token|access_token|api_key|apikey|key|secret)=["'`][ \t]{0,4}(?:\+|\.{1,2}|&)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'`](?<v>[A-Za-z0-9%+/=_\-.~]{16,200})["'`]/iy;

/** A literal joined as a query secret: hex digits, or a generated value, and a plausible key. */
function isJoinedQuerySecret(value: string, ctx: RuleContext): boolean {
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (!/^[A-Fa-f0-9]{16,}$/.test(value) && characterSwitches(value) < 8) return false;
  return isPlausibleSecret(value, { category: 'KEY', quoted: true, file: ctx.file });
}

/**
 * A kdb+ connection handle that carries its login (`` `:tp.corp:5010:svc_rdb:rdbSvc-9oct ``): q's `hopen` opens a symbol or
 * a string of `:host:port:user:password`, often written inline (`` hopen `$":tp:5010:u:pw" ``, `hopen ":tp:5010:u:pw"`) or
 * kept in a symbol the script opens later. The password is the field after the user; q splits at the colons, so it has none.
 */
const KDB_HANDLE =
  /(?:`\$?"?|hopen[ \t]{0,4}\(?[ \t]{0,4}(?:`\$)?")(?<addr>:[\w.-]{0,253}:\d{1,5}:[\w.@-]{1,64}:)(?<pw>[^\s"`;:()[\]]{1,128})(?=[\s"`;)\]]|$)/iy;

function findKdbHandlePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(KDB_HANDLE, text, offsets, (m) => {
    const pw = m.groups!['pw']!;
    if (!isPlausiblePassword(pw, options.file)) return;
    const start = m.index + m[0].length - pw.length;
    spans.push({ start, end: start + pw.length });
  });
  return spans;
}

export const connectionRules: Rule[] = [
  {
    id: 'url-password-joined',
    category: 'PASS',
    description: 'The password of a URL that code joins from literals (`"postgresql://admin:" + "…" + "@db:5432/app"`, also `&`, `..`, `.` and adjacent literals)',
    keywords: ['://'],
    pattern: JOINED_URL_PASSWORD,
    find: findJoinedUrlPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'return "postgresql://dash_admin:" + "nDO6y5zXEQa4%8NG!BlEA-" + "@pg-fleet.db.internal:5432/fleet";',
        "$dsn = 'mysql://app:' . 'Kelp!Harrow-83' . '@db1/app';",
        'engine = create_engine("postgresql+psycopg2://etl:" + "Qv7rTm+Lop29xWz" + "@" + DB_HOST + "/features")',
        "  prod:\n    'mongodb://loader:' +\n    encodeURIComponent('Fz-8k^MarlinQ-tw') +\n    '@10.4.2.9:27017/shop',",
        'String url = "amqp://billing:" + URLEncoder.encode("Wq3!Tamarind#88", "UTF-8") + "@mq.internal:5672/";',
        'const cache = new Redis("redis://:" + "Pk7_wQz2LmV9xTn4RbYc" + "@cache-main.svc.cluster.local:6379/0");',
      ],
      noMatch: [
        'return "postgresql://dash_admin:" + password + "@pg-fleet.db.internal:5432/fleet";',
        'url = "https://" + "example.com" + "/path"',
        'return "redis://cache:" + "${REDIS_PASSWORD}" + "@cache:6379";',
        'const cache = new Redis("redis://:" + redisPassword + "@cache-main:6379/0");',
        "'mongodb://loader:' + encodeURIComponent(process.env.MONGO_PASSWORD) + '@10.4.2.9:27017/shop'",
        'sql.Open("postgres", "postgres://reports:"+os.Getenv("REPORTS_PASSWORD")+"@localhost/reports")',
      ],
    },
  },
  {
    id: 'url-credentials',
    category: 'CONN',
    description:
      'A URL or connection string with `user:password@` (PostgreSQL, MySQL, MariaDB, MongoDB incl. +srv, Redis, AMQP, JDBC, and any other scheme): CONN for databases and brokers, CRED otherwise; up to the `@` when the text also names the same scheme and host without credentials',
    keywords: ['://', ':\\/\\/'],
    pattern: USERINFO,
    find: findUrlCredentials,
    confidence: 'high',
    examples: {
      match: [
        'DATABASE_URL=postgres://app:Xk2mP9qR7v@db.example.com:5432/app',
        'mongodb+srv://admin:w7Hn3Kq2Lp@cluster0.mongodb.net/test?retryWrites=true',
        'redis://:Zq8mP2xL9r@cache:6379/0',
        'amqps://user:Tr0ub4dor3@mq.example.com/vhost',
        'jdbc:mysql://app:Qw3rTy9Lm2@db:3306/app',
        'https://deploy:Vb7Nq2Xz9k@git.example.com/repo.git',
        'amqp://worker:Tundra*orbit59@@rabbitmq:5672//',
        'broker_url = amqp://airflow:Kd4@Wq7!Zx2#Rt9m@mq.example.com:5672/airflow',
        'AIRFLOW_CONN_AWS_S3=aws://AKIAQ3EGUJ7MW2XRTN5B:p4Vd%2Bq8Lz7%2FhT2mWcX9nKe3RbYj6sUaF0gQiE1oy@/?region_name=us-east-2',
        'https://db1.acme.io:8443,svc:Xk2mP9qR7v@db2.acme.io/path',
      ],
      noMatch: [
        "mhu = MultiHostUrl('https://foo.com:123,foo:bar@bar.com/path')",
        'mongodb://db1.acme.io:27017,db2.acme.io:27017/app?replicaSet=rs0',
        'postgres://user:password@localhost:5432/db',
        'postgres://${DB_USER}:${DB_PASS}@db:5432/app',
        'mysql://root:<password>@db/app',
        'https://example.com/path',
        'postgres://postgres:postgres@localhost/db',
        'The sources are at cvs://:pserver:anoncvs@sources.redhat.com:/cvs/src',
      ],
    },
  },
  {
    id: 'keyvalue-connection-string',
    category: 'CONN',
    description:
      'A key=value connection string with a secret: SQL Server / ADO.NET `Password=`, ODBC `Pwd=`, JDBC properties, Azure Storage `AccountKey=`, Service Bus `SharedAccessKey=`',
    keywords: ['password', 'pwd', 'accountkey', 'sharedaccesskey'],
    pattern: KV_SECRET,
    find: findKeyValueConnections,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'Server=tcp:sql.example.net,1433;Database=app;User ID=app;Password=Xk2mP9qR7v;Encrypt=True;',
        'Driver={ODBC Driver 18 for SQL Server};Server=db;Uid=sa;Pwd=W9zq2LmP4x;',
        'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=q8ZkPz0mN3vX7rT2yL5wB9cD4fG6hJ1kM0nP2qR4sT6uV8wX0yZ2aB4cD6eF8gH0iJ2kL4mN6oP8qR0sT2uV==;EndpointSuffix=core.windows.net',
        'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=Yq3vL8mN2pZ7xK4rT9wB1cF6hJ0sD5gQ2aE8uV4iO7=',
        'jdbc:mysql://db.example.com:3306/shop?user=app&password=Xk2mP9qR7v&useSSL=true',
        'jdbc:sqlserver://db.example.com:1433;databaseName=shop;user=app;password=Xk2mP9qR7v;',
        'CONN = (\n    "Driver={ODBC Driver 18 for SQL Server};"\n    "Server=tcp:db,1433;"\n    "Uid=etl;"\n    "Pwd={R3d-Kite!Sunday};"\n)',
      ],
      noMatch: [
        'Server=db;Database=app;User ID=app;Password=${DB_PASSWORD};',
        // A release pipeline's token, replaced at deployment (Azure DevOps' Replace Tokens, Octopus).
        'Server=db;Database=app;User ID=app;Password=__LedgerDbPassword__;',
        'Server=db;Integrated Security=true;',
        'Password=Xk2mP9qR7v',
        'conn = (\n    f"Server={host};"\n    f"Pwd={db_password};"\n)',
        'opts = [\n    "retries=3;",\n    "Pwd=Xk2mP9qR7v;",\n]',
        // The quote after `Pwd=` closes the code's literal: the password is looked up and joined in.
        '    "Uid=svc_analytics;Pwd=" + os.environ.get("ANALYTICS_SQL_PASSWORD", "") + ";Encrypt=yes"',
        'conn.ConnectionString = "Server=db;Uid=app;Pwd=" & GetSecret("SqlPassword") & ";"',
      ],
    },
  },
  {
    id: 'driver-dsn-credentials',
    category: 'CONN',
    description:
      'A driver connection string with credentials that is not a URL: Go MySQL `user:pass@tcp(host:3306)/db`, Oracle `jdbc:oracle:thin:user/pass@host:1521:SID`',
    keywords: ['@tcp(', '@tcp6(', '@unix(', '@udp(', 'jdbc:oracle:'],
    pattern: DRIVER_DSN,
    validate: (_match, ctx) => {
      const pw = ctx.groups?.['gopw'] ?? ctx.groups?.['orapw'];
      return pw !== undefined && isPlausiblePassword(pw, ctx.file);
    },
    confidence: 'high',
    examples: {
      match: [
        'dsn := "app:Xk2mP9qR7v!@tcp(10.0.0.5:3306)/shop?parseTime=true"',
        'db, err := sql.Open("mysql", "report:Hq4@vN#z8Lw!@tcp(10.0.0.9:3306)/sales")',
        'dsn := "app:Rt5@@Km9wZq@unix(/var/run/mysqld/mysqld.sock)/shop"',
        'url = jdbc:oracle:thin:scott/T1ger-Ora9@db.example.com:1521:ORCL',
      ],
      noMatch: ['dsn := "app:${DB_PASS}@tcp(db:3306)/shop"', 'dsn := "ops@example.com:${DB_PASS}@tcp(db:3306)/shop"', 'jdbc:oracle:thin:@db.example.com:1521:ORCL', 'user:password@tcp(localhost:3306)/db'],
    },
  },
  {
    id: 'oracle-connect-password',
    category: 'PASS',
    description:
      "The password of Oracle's `user/password@db` credential: before an Easy Connect address (`u/p@//db01:1521/SVC`, or `u/p@db01:1521/SVC` on a listener's port), in the utilities' `userid=u/p@db` (sqlldr, expdp, impdp) or the one string given to python-oracledb's or cx_Oracle's `connect(\"u/p@db\")`",
    keywords: ['@//', 'userid', 'cx_oracle.connect', 'oracledb.connect', ':1521/', ':1522/', ':2484/'],
    pattern: /@\/\/|\buserid[ \t]{0,4}=|(?:cx_oracle|oracledb)\.connect|:(?:1521|1522|2484)\//i,
    find: findOracleConnectPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'ERP_DSN="erp_ro/Vq7-Lindr%Tam9@//erp-db02.corp.example:1521/ERPPRD"',
        'sqlldr userid=loader/Kx4#Brine-Tulle@STAGE control=parts.ctl',
        'conn = oracledb.connect("hr_app/Wm3!Orchid-Fay@dbhost.example.com/FREEPDB1")',
        "pool_dsn = 'rpt/\"Pz8@Heron-Quay\"@//10.4.2.9/RPT'",
        'WAREHOUSE_DSN = "BATCH/qR7.vLx2-Tmz8@dwh01.plant.example:1521/DWH"',
      ],
      noMatch: [
        'ERP_DSN="erp_ro/${ERP_PASSWORD}@//erp-db02.corp.example:1521/ERPPRD"',
        'sqlplus -S "erp_ro/$ERP_PW@//erp-db02:1521/ERPPRD"',
        'ERP_DSN="erp_ro/<password>@//erp-db02:1521/ERPPRD"',
        'sqlplus app/&&app_pw@//db01:1521/APP',
        'npm i @acme/widgets@1.2.3',
        'uses: actions/checkout@v4',
        'see https://git.example.com/team/repo@//mirror',
        'conn = oracledb.connect(user="hr_app", password=pw, dsn="dbhost/FREEPDB1")',
        'expdp userid=system/$SYS_PW@ORCL schemas=APP',
        'WAREHOUSE_DSN = "BATCH/${DWH_PW}@dwh01.plant.example:1521/DWH"',
        'see docs/setup@dwh01.plant.example:1521/DWH',
      ],
    },
  },
  {
    id: 'kdb-handle-password',
    category: 'PASS',
    description: "The password of a kdb+ connection handle, `:host:port:user:password`, as q's `hopen` opens it (`` hopen `:tp.corp:5010:svc:pw ``, `` hopen `$\":tp:5010:svc:pw\" ``) or a symbol keeps it",
    keywords: ['`:', '`$":', 'hopen'],
    pattern: KDB_HANDLE,
    find: findKdbHandlePasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['h:hopen `$":tp.hcx.corp:5010:svc_rdb:rdbSvc-9oct";', 'h:hopen `:kdb-hdb01:5012:risk_ro:hdbReader!7', '.conf.tp:`::5010:quant_rw:Contango2024;', 'h:hopen (":tp.corp:5010:svc:Roll-Yield_33";5000)'],
      noMatch: ['h:hopen `:tp.hcx.corp:5010', 'h:hopen `:tp.hcx.corp:5010:svc_rdb', 'h:hopen `$":tp:5010:svc:",getenv`KDB_PW', 'h:hopen `:tp:5010:svc:password', 'see `:5010:a:b:c`'],
    },
  },
  {
    id: 'token-path-segment',
    category: 'TOKEN',
    description: 'A generated token as the path segment after `/token/` or `/tokens/` in a URL or a logged request (`GET /hub/api/authorizations/token/<token>`)',
    keywords: ['/token/', '/tokens/'],
    pattern: /\/tokens?\/[A-Za-z0-9_-]{20,128}/,
    find: findTokenPathSegments,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['200 GET /hub/api/authorizations/token/Hq7vLm2Xk9Tz4Rw8Np3Bc6Dy (ops@10.1.2.3) 3.18ms', 'curl https://api.example.com/v1/tokens/k3Vq8Wm7RxKd1Pz28DfI97b4 -X DELETE'],
      noMatch: [
        'POST /api/token/refresh',
        'DELETE /api/v1/tokens/4ea38b7b-f563-4709-8bae-87aeaf14f0c1',
        'GET /v1/tokens/tok_1NqLk2Hx8Yz3Ab4Cd5Ef6Gh7',
        'GET /api/tokens/123456789012345678901234',
        'see docs/token/authentication_overview_page',
      ],
    },
  },
  {
    id: 'webhook-url-token',
    category: 'TOKEN',
    description:
      "The generated path segment of a webhook's URL (a host that opens with `hook`/`webhook`, or a `/webhook(s)/` path): the URL is the hook's only credential",
    keywords: ['://hooks.', '://hook.', '://webhook', '/webhooks/', '/webhook/'],
    pattern: /:\/\/(?:hooks?\.|webhook)|\/webhooks?\//,
    find: findWebhookTokens,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'curl -X POST "https://hooks.example-corp.com/deploy/k3vq08w7rwkd1p28dfi97b4rf1v372zxnc9dzlc" -d "sha=$SHA"',
        'DEPLOY_HOOK=https://ci.example.com/webhooks/build/Tq7Wm2Xk9Lp4Zr8Vn3Bc6Hd1Fg5Jy0Qa',
      ],
      noMatch: [
        'https://hooks.example.com/notify',
        'https://api.example.com/webhooks/stripe-payment-intent-succeeded',
        'https://hooks.example.com/notify/4ea38b7b-f563-4709-8bae-87aeaf14f0c1',
        'https://dashboard.stripe.com/webhooks/we_1NqLk2Hx8Yz3Ab4Cd5Ef6Gh7',
        'https://github.com/acme/app/settings/hooks/412345678',
        "import { useAuth } from '../hooks/useAuthSession2024'",
      ],
    },
  },
  {
    id: 'query-secret-joined',
    category: 'KEY',
    description: 'A secret query parameter of a URL filled by a literal joined right after it (`"https://…/api?sig=" + "…"`, `\'…&token=\' . \'…\'`)',
    keywords: ['sig=', 'signature=', 'token=', 'access_token=', 'api_key=', 'apikey=', 'key=', 'secret='],
    pattern: QUERY_SECRET_JOINED_AT,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: isJoinedQuerySecret,
    confidence: 'medium',
    examples: {
      match: [
        'url = "https://intake.example.org/api/cases?sig=" + "3be91c0f7a4d26e85b1f9c3a7d0e4b6f28a1c5d9"',
        "$feed = 'https://feeds.example.net/v2/export?format=csv&token=' . 'Zq4Wm8Lx2Rk7Vp3Nb9Hc6Jd1';",
      ],
      noMatch: [
        'url = "https://intake.example.org/api/cases?sig=" + signature',
        'url = "https://intake.example.org/api/cases?sig=" + "your-signature-here"',
        'url = "https://intake.example.org/api/cases?key=" + "customer_reference_list"',
      ],
    },
  },
  {
    id: 'azure-sas-signature',
    category: 'KEY',
    description:
      'The signature of an Azure shared access signature (`sig=` in a SAS URL or token), also where code splits the string right after `sig=` (`"…&sig=" +` / `"…"`)',
    keywords: ['sig='],
    // A long SAS is often broken into literals joined by `+` (Java, Kotlin, C#, JS), `.` (PHP) or `&` (VB), or put side by
    // side (Python, C): the signature then opens the next literal.
    pattern: /[?&;]sig=(?:["'`][ \t]{0,4}(?:[+.&][ \t]{0,4})?(?:\r?\n[ \t]{0,40})?(?:[+.&][ \t]{0,4})?["'`])?(?<v>[A-Za-z0-9%+/=]{30,200})/,
    secretGroup: 'v',
    validate: (value, ctx) => /\b(?:sv|se|sp|sr|ss|srt|st|spr)=/.test(ctx.text.slice(Math.max(0, ctx.matchStart - 400), ctx.matchEnd + 200)) && /%2[bBfF]|%3[dD]|[A-Za-z0-9]{20}/.test(value),
    confidence: 'high',
    examples: {
      match: [
        'https://acct.blob.core.windows.net/c/f?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&sig=Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF3gH4jK5lZ6x%3D',
        'val sas = "sv=2023-01-03&ss=b&srt=co&sp=rl&se=2026-06-30T00:00:00Z&sig=" +\n    "Pq4Lm8Zr2Xt6Vw0Ny3Hb7Kc1Jd5Fg9Sa2Ue6Wi8Oq%2B%3D"',
      ],
      noMatch: [
        'https://example.com/?sig=short',
        'https://example.com/?x=1&sig=abcdefabcdefabcdefabcdefabcdefabcdef',
        'val sas = "sv=2023-01-03&ss=b&srt=co&sp=rl&se=2026-06-30T00:00:00Z&sig=" +\n    signature',
      ],
    },
  },
];
