import { characterSwitches, isPlausiblePassword, isPlausibleSecret, UUID } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import { lineAround } from '../line-index.js';
import { isIdentifierCode, isLetterCode } from '../char-codes.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Accounts kept in code or config as a list of (user, password) pairs under a name for users:
 * Erlang's `{admin_users, [{<<"ops">>, <<"…">>}]}` (a cowboy basic-auth list), Python's
 * `BASIC_AUTH_USERS = [("ops", "…")]`, Elixir's `users: [{"ops", "…"}]`. The second of each pair
 * is a password. Lists of other pairs under such names (a user and a role, a user and a team) are
 * common, so only a value shaped like a password is taken: letters with digits and a symbol.
 */

/**
 * A name ending in `users`, `accounts` or `logins`, then its separator and the list's opening bracket; maybe inside a
 * string, where the list is JSON text handed over as one value (Orthanc's image reads `ORTHANC__REGISTERED_USERS:
 * '{"admin": "…"}'` from its environment as its configuration's `RegisteredUsers`).
 */
const USER_LIST_AT = /(?:users|accounts|logins)["'`]?[ \t]{0,4}(?:,|=|:|=>|:=)?[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["']?[[{(]/iy;

/** One pair: a tuple of two literals (Erlang binaries allowed), the user first. */
const PAIR = /[{(][ \t]{0,4}(?:<<)?["'](?<user>[\w.@-]{1,64})["'](?:>>)?[ \t]{0,4},[ \t]{0,4}(?:<<)?["'](?<v>[^"'\s\\]{6,128})["'](?:>>)?[ \t]{0,4}[})]/g;

/** How far the list is read. */
const LIST_REACH = 800;

/** Where the list opened at `open` closes (brackets counted, quoted text skipped), at most `LIST_REACH` on. */
function listEnd(text: string, open: number): number {
  const limit = Math.min(text.length, open + LIST_REACH);
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = text.indexOf(text[i]!, i + 1);
      if (close === -1 || close >= limit) return limit;
      i = close;
    } else if (c === 0x5b || c === 0x7b || c === 0x28) depth++;
    else if ((c === 0x5d || c === 0x7d || c === 0x29) && --depth === 0) return i + 1;
  }
  return limit;
}

function isPasswordShaped(value: string): boolean {
  return value.length >= 8 && /[A-Za-z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9]/.test(value);
}

/**
 * A YAML mapping of users to passwords under a name for users: Ansible's `kafka_jaas_users:` (the
 * `user_<name>="…"` entries of a broker's JAAS file), `basic_auth_users:`, each line `name: password`.
 * The name ends its line; the entries follow at one indent.
 */
const USER_MAP_AT = /(?:users|accounts)["']?[ \t]{0,4}:[ \t]{0,4}(?:#[^\r\n]{0,200})?\r?\n/iy;
/** One entry of the mapping: its indent, its key, then a quoted or bare scalar and maybe a comment. */
const MAP_ENTRY =
  /(?<indent>[ \t]{1,40})(?:"[^"\r\n]{1,64}"|'[^'\r\n]{1,64}'|[\w.@-]{1,64})[ \t]{0,4}:[ \t]{1,8}(?:"(?<dq>[^"\\\r\n]{1,128})"|'(?<sq>[^'\r\n]{1,128})'|(?<bare>[^\s"'#&*!|>{[][^\s#]{0,127}))[ \t]{0,8}(?:#[^\r\n]{0,200})?(?:\r?\n|$)/y;
/** A comment line between entries. */
const MAP_COMMENT = /[ \t]{1,40}#[^\r\n]{0,300}(?:\r?\n|$)/y;
const MAX_MAP_ENTRIES = 100;

/**
 * A mapping's value that is a password: shaped like one, or generated (upper and lower case and
 * digits, random enough for a key). A user's role, team or group (`admin`, `team-7`) is neither, nor a UUID (the user's id),
 * nor is a hash kept instead of the password (`$6$…`, `{SSHA}…`), which the plausibility check drops.
 */
function isMappedPassword(value: string, file: string | undefined): boolean {
  if (UUID.test(value)) return false;
  if (isPasswordShaped(value)) return isPlausiblePassword(value, file);
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && isPlausibleSecret(value, { category: 'KEY', weakKey: true, quoted: true, file });
}

function findUserMapPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // Entries read under one mapping are not read again for a name in their comments (`k: v # users:`).
  let readUntil = 0;
  forEachMatchAt(USER_MAP_AT, text, offsets, (m) => {
    if (m.index < readUntil) return;
    let at = m.index + m[0].length;
    let indent: string | undefined;
    for (let n = 0; n < MAX_MAP_ENTRIES && at < text.length; n++) {
      MAP_COMMENT.lastIndex = at;
      if (MAP_COMMENT.test(text)) {
        at = MAP_COMMENT.lastIndex;
        continue;
      }
      MAP_ENTRY.lastIndex = at;
      const e = MAP_ENTRY.exec(text);
      if (e === null || (indent !== undefined && e.groups!['indent'] !== indent)) break;
      indent = e.groups!['indent']!;
      const value = e.groups!['dq'] ?? e.groups!['sq'] ?? e.groups!['bare']!;
      if (isMappedPassword(value, options.file)) {
        const start = at + e[0].lastIndexOf(value);
        spans.push({ start, end: start + value.length });
      }
      at = MAP_ENTRY.lastIndex;
    }
    readUntil = at;
  });
  return spans;
}

/**
 * One entry of a flat object under a name for users: a user name, then a literal (JSON's `"ops": "…"`, a JS object's
 * `ops: "…"`, Ruby's and PHP's `"ops" => "…"`), the entry ending at a comma, the brace or the line's end.
 */
const OBJECT_ENTRY = /(?<![\w$])["']?(?<user>[\w.@-]{1,64})["']?[ \t]{0,4}(?::|=>)[ \t]{0,4}["'](?<v>[^"'\s\\]{6,128})["'][ \t]{0,4}(?=[,}\r\n])/g;
/** Keys that describe one user (its name, address, role) rather than name users: such an object is no map of users to passwords. */
const USER_FIELD = /^(?:name|(?:user|first|last|display|full)_?name|login|e-?mail|mail|roles?|id|uid|type|groups?|enabled|status|home|shell|url|host)$/i;
const LINK_OR_ADDRESS = /^(?:[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/|\/)|^[^@\s]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}$/;

/**
 * Whether an object (`window` opens with its brace) holds another object or a list: a bracket outside its quoted text.
 * Braces inside a literal are its text, a template's (`"{{ vault_admin_password }}"`, rendered by Ansible) among them.
 */
function holdsNestedContainer(window: string): boolean {
  for (let i = 1; i < window.length; i++) {
    const c = window.charCodeAt(i);
    if (c === 0x22 || c === 0x27) {
      const close = window.indexOf(window[i]!, i + 1);
      if (close === -1) return false;
      i = close;
    } else if (c === 0x7b || c === 0x5b) return true;
  }
  return false;
}

/**
 * The values of a flat object that maps user names to literals (Orthanc's `"RegisteredUsers": { "ops": "…" }`,
 * Flask-HTTPAuth's `users = {"ops": "…"}`): each a password when it is shaped like one or generated. An object
 * holding nested objects or lists maps users to records, and one with a user's fields (`name`, `email`, `role`)
 * describes a single user; neither is read.
 */
function objectPasswords(window: string, from: number, file: string | undefined, spans: Span[]): void {
  if (holdsNestedContainer(window)) return;
  const found: Span[] = [];
  for (const entry of window.matchAll(OBJECT_ENTRY)) {
    if (USER_FIELD.test(entry.groups!['user']!)) return;
    const value = entry.groups!['v']!;
    if (LINK_OR_ADDRESS.test(value) || !isMappedPassword(value, file)) continue;
    const start = from + entry.index + entry[0].lastIndexOf(value);
    found.push({ start, end: start + value.length });
  }
  spans.push(...found);
}

function findUserListPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(USER_LIST_AT, text, offsets, (m) => {
    // (The pattern asks the keyword to end the name: `admin_users`, `basicAuthUsers`, not `usersTable`.)
    const from = m.index + m[0].length - 1;
    const window = text.slice(from, listEnd(text, from));
    if (window.startsWith('{')) objectPasswords(window, from, options.file, spans);
    for (const pair of window.matchAll(PAIR)) {
      const value = pair.groups!['v']!;
      if (!isPasswordShaped(value) || !isPlausiblePassword(value, options.file)) continue;
      const start = from + pair.index + pair[0].lastIndexOf(value);
      spans.push({ start, end: start + value.length });
    }
  });
  return spans;
}

/**
 * A tuple that pairs an e-mail address with a password, as seed scripts and test fixtures list the
 * accounts they create (`["qa@acme.dev", "…"]`, Python's `("alice@acme.dev", "…")`, Elixir's
 * `{"ops@acme.dev", "…"}`), maybe with more fields after it (a role). Read at each quote that a
 * comma follows: the address is read back from it, and the bracket that opens the tuple (not a
 * call's); the literal after the comma is the password. Other pairs with an address (a sender
 * and a recipient, an address and a display name, a list of addresses) hold no password's shape.
 */
const EMAIL_PAIR_AT = /["'][ \t]{0,4},[ \t]{0,4}(?:"(?<dv>[^"\s\\]{8,128})"|'(?<sv>[^'\s\\]{8,128})')[ \t]{0,4}[\])},]/y;
/** The tuple's bracket (not a call's: no name before it), then spaces up to the address's opening quote. */
const TUPLE_OPENING = /(?:^|[^\w$.>])[[({][ \t]{0,4}$/;
/** A domain that ends in a top-level domain of letters (`acme.dev`, `mail.acme.co.uk`). */
const EMAIL_DOMAIN = /^[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}$/;
const EMAIL_ADDRESS = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,6}\.[A-Za-z]{2,24}$/;

/** Where the quoted e-mail address that the quote at `close` ends opens (its opening quote), or -1. */
function addressOpening(text: string, close: number): number {
  if (!isLetterCode(text.charCodeAt(close - 1))) return -1;
  // Back over the domain to the `@` (most quotes end a word with no `@` before it, and stop here).
  let at = close - 1;
  while (at > 0 && close - at <= 253 && isIdentifierCode(text.charCodeAt(at - 1))) at--;
  if (text.charCodeAt(at - 1) !== 0x40 /* @ */ || !EMAIL_DOMAIN.test(text.slice(at, close))) return -1;
  let open = at - 1;
  while (open > 0 && at - open <= 65 && (isIdentifierCode(text.charCodeAt(open - 1)) || text.charCodeAt(open - 1) === 0x25 || text.charCodeAt(open - 1) === 0x2b)) open--;
  return open < at - 1 && text.charCodeAt(open - 1) === text.charCodeAt(close) ? open - 1 : -1;
}

/** Letters, a digit and a symbol; or upper- and lower-case letters and digits mixed as a generator mixes them. */
function isPasswordOrGenerated(value: string): boolean {
  // (Not another address, nor a URL: a sender and its recipient, a user and a profile's link.)
  if (isPasswordShaped(value)) return !EMAIL_ADDRESS.test(value) && !/^[a-z][\w+.-]{0,30}:\/\//i.test(value);
  return value.length >= 10 && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && characterSwitches(value) >= 5;
}

function findEmailPasswordPairs(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const open = addressOpening(text, offset);
    if (open === -1 || !TUPLE_OPENING.test(text.slice(Math.max(0, open - 8), open))) continue;
    EMAIL_PAIR_AT.lastIndex = offset;
    const m = EMAIL_PAIR_AT.exec(text);
    if (m === null) continue;
    const value = m.groups!['dv'] ?? m.groups!['sv']!;
    if (!isPasswordOrGenerated(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * `chpasswd` reads `user:password` lines and sets each account's password: cloud-init's `chpasswd:` module takes
 * them as the lines of its `list:` (a block scalar or a sequence), a shell pipes one in (`echo 'deploy:…' | chpasswd`,
 * `chpasswd <<< "deploy:…"`). The password is the secret. `RANDOM` asks cloud-init for a generated one, and a crypt
 * hash (`$6$…`, given with `chpasswd -e`) is no password to log in with.
 */
const CHPASSWD_AT = /chpasswd/iy;
/** cloud-init's module: `chpasswd:`, then the `list:` key within its block. */
const CHPASSWD_MODULE = /^chpasswd:[ \t]{0,4}\r?\n/i;
const CHPASSWD_LIST_KEY = /^(?<indent>[ \t]{1,16})list:[ \t]{0,4}(?:\|[-+]?[ \t]{0,4})?$/;
/** One line of the list: `user:password`, maybe a sequence's item. */
const CHPASSWD_LINE = /^(?<indent>[ \t]{1,40})(?:-[ \t]{1,4})?["']?(?<user>[\w.-]{1,32}):(?<v>[^\s"']{1,128})["']?[ \t]{0,4}$/;
/** How many lines of the module's block are read. */
const CHPASSWD_REACH = 40;
/** A shell feeding `user:password` to chpasswd: `echo 'user:…' | sudo chpasswd` (the text before the keyword), `chpasswd <<< "user:…"` (after). */
const CHPASSWD_PIPED = /(?:^|[;&|(][ \t]{0,4}|[ \t])(?:echo|printf)[ \t]{1,4}(?:-[en][ \t]{1,4})?(?<q>["']?)(?<user>[\w.-]{1,32}):(?<v>[^\s"'|;]{1,128})\k<q>[ \t]{0,4}\|[ \t]{0,4}(?:sudo[ \t]{1,4}(?:-\w[ \t]{1,4})?)?$/;
const CHPASSWD_HERE_STRING = /^[ \t]{0,4}<<<[ \t]{0,4}(?<q>["']?)(?<user>[\w.-]{1,32}):(?<v>[^\s"'|;]{1,128})\k<q>/;

function isChpasswdPassword(value: string, file: string | undefined): boolean {
  return value !== 'RANDOM' && !value.startsWith('$') && isPlausiblePassword(value, file);
}

/** How far along its line the text around the command is read. */
const CHPASSWD_LINE_REACH = 200;

function findChpasswdPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(CHPASSWD_AT, text, offsets, (m) => {
    // A shell line: the pair piped in before the command, or a here-string after it (each read on the line, not past it).
    const beforeFrom = Math.max(0, m.index - CHPASSWD_LINE_REACH);
    const reach = text.slice(beforeFrom, m.index);
    const before = reach.slice(reach.lastIndexOf('\n') + 1);
    const piped = CHPASSWD_PIPED.exec(before) ?? undefined;
    const afterFrom = m.index + m[0].length;
    const afterText = piped === undefined ? text.slice(afterFrom, afterFrom + CHPASSWD_LINE_REACH) : '';
    const after = piped === undefined ? CHPASSWD_HERE_STRING.exec(afterText.split('\n', 1)[0]!) ?? undefined : undefined;
    const pair = piped ?? after;
    if (pair !== undefined) {
      const value = pair.groups!['v']!;
      if (!isChpasswdPassword(value, options.file)) return;
      const base = piped !== undefined ? m.index - before.length : afterFrom;
      const start = base + pair.index + pair[0].indexOf(':' + value) + 1;
      spans.push({ start, end: start + value.length });
      return;
    }
    // cloud-init's module, first on its line: read the lines of its `list:`. The cloud-config may be indented inside
    // another file (a Terraform heredoc's `user_data = <<-EOT`, a YAML block scalar): the module's block is then the
    // lines indented further than `chpasswd:` itself.
    // At most 41 back: an indent over 40 is no module's, and a search to the line's start per keyword was quadratic on one long line.
    const moduleLineStart = lineAround(text, m.index, 41).start;
    const moduleIndent = m.index - moduleLineStart;
    if (moduleIndent > 40 || !/^[ \t]*$/.test(text.slice(moduleLineStart, m.index)) || !CHPASSWD_MODULE.test(text.slice(m.index, m.index + 16))) return;
    let at = text.indexOf('\n', m.index) + 1;
    let listIndent = -1;
    for (let n = 0; n < CHPASSWD_REACH && at > 0 && at < text.length; n++) {
      const window = text.slice(at, at + CHPASSWD_LINE_REACH);
      const newline = window.indexOf('\n');
      // A line longer than any list's is no part of one.
      if (newline === -1 && at + window.length < text.length) return;
      const line = (newline === -1 ? window : window.slice(0, newline)).replace(/\r$/, '');
      const lineAt = at;
      at = newline === -1 ? text.length : at + newline + 1;
      if (line.trim() === '') continue;
      const indent = line.search(/\S/);
      // The module's block ends at a line as far left as `chpasswd:` itself.
      if (indent <= moduleIndent) return;
      if (listIndent === -1) {
        const key = CHPASSWD_LIST_KEY.exec(line);
        if (key !== null) listIndent = key.groups!['indent']!.length;
        continue;
      }
      // The list ends at a line no further in than its key (the module's next key); a sequence's items may stand level with it.
      if (indent < listIndent || (indent === listIndent && line.charAt(indent) !== '-')) return;
      const entry = CHPASSWD_LINE.exec(line);
      if (entry === null) continue;
      const value = entry.groups!['v']!;
      if (!isChpasswdPassword(value, options.file)) continue;
      const start = lineAt + line.lastIndexOf(':' + value) + 1;
      spans.push({ start, end: start + value.length });
    }
  });
  return spans;
}

/**
 * A Go map from servers' addresses to their passwords: `var rconPasswords = map[string]string{"10.0.0.5:27015": "…"}`,
 * as a game league's RCON pool, a fleet's admin console or a proxy's upstream logins keep one. A map from `host:port`
 * to strings is as often one to names, regions or paths, so the map's name or the comment right above it must speak
 * of passwords (`password`, `passwd`, `rcon`, `credentials`, `secret`), and each value must be shaped like a password:
 * a digit or a symbol beside its letters, not a word or words joined by dashes.
 */
const ADDRESS_MAP_AT = /map\[string\]string[ \t]{0,4}\{/iy;
/** The declaration before the map on its line: its name, then `=`, `:=` or a struct field's `:`. */
const ADDRESS_MAP_NAME = /(?<name>[A-Za-z_]\w{0,60})[ \t]{0,4}(?::=|=|:)[ \t]{0,4}$/;
/** One entry: a `host:port` key and a literal. */
const ADDRESS_MAP_ENTRY = /^[ \t]{0,40}"(?<host>[A-Za-z0-9][\w.-]{0,99}):\d{1,5}"[ \t]{0,4}:[ \t]{0,4}(?:"(?<dq>[^"\\\r\n]{1,128})"|`(?<bq>[^`\r\n]{1,128})`)[ \t]{0,4},?[ \t]{0,4}(?:\/\/[^\r\n]{0,200})?$/;
const PASSWORD_WORDS = /pass|pwd|rcon|cred|secret/i;
/** How many of the map's lines are read, and how many comment lines above it. */
const ADDRESS_MAP_REACH = 64;
const ADDRESS_MAP_COMMENT_LINES = 3;

/** A password in such a map: a digit or a symbol other than a separator beside letters. */
function isAddressMapPassword(value: string, file: string | undefined): boolean {
  return /[A-Za-z]/.test(value) && /[^A-Za-z_.\-]/.test(value) && characterSwitches(value) >= 2 && isPlausiblePassword(value, file);
}

/** True when the map's name, or the comment lines right above its declaration, speak of passwords. */
function namesPasswords(text: string, lineStart: number, declaration: string): boolean {
  const name = ADDRESS_MAP_NAME.exec(declaration)?.groups!['name'];
  if (name !== undefined && PASSWORD_WORDS.test(name)) return true;
  let end = lineStart - 1;
  for (let n = 0; n < ADDRESS_MAP_COMMENT_LINES && end > 0; n++) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (end - start > 400) return false;
    const line = text.slice(start, end).trim();
    if (!line.startsWith('//')) return false;
    if (/password|passwd|rcon|credential|secret/i.test(line)) return true;
    end = start - 1;
  }
  return false;
}

function findAddressPasswordMaps(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // A map's lines are read once: a map declared among the lines another has read is not read again.
  let readTo = 0;
  forEachMatchAt(ADDRESS_MAP_AT, text, offsets, (m) => {
    if (m.index < readTo) return;
    const lineStart = lineAround(text, m.index, 201).start; // bounded: a search per map to its line's start was quadratic
    if (m.index - lineStart > 200) return;
    const declaration = text.slice(lineStart, m.index).replace(/^[ \t]{0,40}var[ \t]{1,4}/, '');
    if (!namesPasswords(text, lineStart, declaration)) return;
    let at = m.index + m[0].length;
    // The opening brace ends its line; the entries follow, one a line, until the closing brace.
    const newline = text.indexOf('\n', at);
    if (newline === -1 || text.slice(at, newline).trim() !== '') return;
    at = newline + 1;
    for (let n = 0; n < ADDRESS_MAP_REACH && at < text.length; n++) {
      let end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
      if (end - at > 400) return;
      const line = text.slice(at, end).replace(/\r$/, '');
      const lineAt = at;
      at = end + 1;
      readTo = at;
      if (line.trim().startsWith('}')) return;
      const entry = ADDRESS_MAP_ENTRY.exec(line);
      if (entry === null) continue;
      const value = entry.groups!['dq'] ?? entry.groups!['bq']!;
      if (!isAddressMapPassword(value, options.file)) continue;
      const start = lineAt + line.lastIndexOf(value);
      spans.push({ start, end: start + value.length });
    }
  });
  return spans;
}

/**
 * A map of accounts to passwords built by a factory call under a name for credentials or passwords: Java's
 * `Map<String, String> IMS_CREDENTIALS = Map.of("room1", "…", "room2", "…")` (Guava's `ImmutableMap.of`), Kotlin's
 * `val passwords = mapOf("room1" to "…")`. The name says what the values are; the keys name accounts, rooms or hosts.
 * Formatters break such a call after its `(` or a comma, so its arguments may continue on the following lines.
 * An entry whose key names a field of a login (`"user"`, `"host"`, `"region"`) holds that field, not a password; a
 * value read is one shaped like a password or generated, not a word, a UUID or a hash.
 */
const CREDENTIAL_MAP_AT =
  /(?:credentials|passwords|passwds|creds)[ \t]{0,4}(?::=|=|:)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:(?:java\.util\.)?Map\.of|(?:Immutable|com\.google\.common\.collect\.Immutable)Map\.of|(?:mutable|hash)?[mM]apOf)[ \t]{0,4}\(/iy;
/** One entry: a quoted key, `,` (Java) or `to` (Kotlin), then a literal or an expression with at most one bracketed group, then `,` or `)`. */
const CREDENTIAL_MAP_ENTRY =
  /[ \t]{0,40}(?:\r?\n[ \t]{0,40})?"(?<k>[^"\\\r\n]{1,64})"[ \t]{0,4}(?:,|[ \t]to[ \t])[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"(?<v>[^"\\\r\n]{1,128})"|[^,()"\r\n]{1,120}(?:\([^()\r\n]{0,120}\)[^,()"\r\n]{0,40})?)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?<end>[,)])/y;
/** Keys that name a field of a login rather than an account. */
const LOGIN_FIELD_KEY = /^(?:user(?:_?name)?|login|host(?:_?name)?|port|ur[il]|endpoint|e-?mail|region|database|db|schema|driver|realm|domain|tenant|name|id|\w{1,40}_id|\w{1,40}Id)$/i;
const CREDENTIAL_MAP_ENTRIES = 50;

function findCredentialMapPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(CREDENTIAL_MAP_AT, text, offsets, (m) => {
    // (The keyword must end the name: `IMS_CREDENTIALS = Map.of(`, not `credentialsCache = Map.of(`.)
    let at = m.index + m[0].length;
    for (let n = 0; n < CREDENTIAL_MAP_ENTRIES; n++) {
      CREDENTIAL_MAP_ENTRY.lastIndex = at;
      const e = CREDENTIAL_MAP_ENTRY.exec(text);
      if (e === null) return;
      at = CREDENTIAL_MAP_ENTRY.lastIndex;
      const value = e.groups!['v'];
      if (value !== undefined && !LOGIN_FIELD_KEY.test(e.groups!['k']!) && isMappedPassword(value, options.file)) {
        const start = e.index + e[0].lastIndexOf('"' + value + '"') + 1;
        spans.push({ start, end: start + value.length });
      }
      if (e.groups!['end'] === ')') return;
    }
  });
  return spans;
}

/**
 * A C# method whose return type is a tuple that names its items, the last a password (`(string user, string password)
 * SmbCreds() => ("laser", "…");`, or a body that returns the pair): the tuple's second literal is what the type calls a
 * password. Sticky at the password's item name; the item before it and the tuple's opening are read back on the line.
 * A parameter list (`Login(string user, string password) => Call("…", "…")`) has no method name after its `)`.
 */
const NAMED_TUPLE_RETURN_AT =
  /(?:password|passwd|pwd)\)[ \t]{1,4}[A-Za-z_]\w{0,60}[ \t]{0,4}\([^()\r\n]{0,200}\)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:=>|\{[ \t]{0,4}(?:\r?\n[ \t]{0,40})?return)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?\([ \t]{0,4}"[^"\\\r\n]{1,100}"[ \t]{0,4},[ \t]{0,4}"(?<v>[^"\\\r\n]{1,200})"[ \t]{0,4}\)/iy;
/** The tuple type's opening and its first item, right before the password's item name: `(string user, string `. */
const NAMED_TUPLE_TYPE_BEFORE = /\([ \t]{0,4}string\??[ \t]{1,4}[A-Za-z_]\w{0,40}[ \t]{0,4},[ \t]{0,4}string\??[ \t]{1,4}$/i;

function findNamedTupleReturnPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(NAMED_TUPLE_RETURN_AT, text, offsets, (m) => {
    if (!NAMED_TUPLE_TYPE_BEFORE.test(text.slice(Math.max(0, m.index - 80), m.index))) return;
    const value = m.groups!['v']!;
    if (!isPlausiblePassword(value, options.file)) return;
    const start = m.index + m[0].lastIndexOf(`"${value}"`) + 1;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

export const userListRules: Rule[] = [
  {
    id: 'address-password-map',
    category: 'PASS',
    description:
      "A Go map from servers' `host:port` to their passwords, under a name or a comment that speaks of passwords, RCON or credentials (`var rconPasswords = map[string]string{\"10.0.0.5:27015\": \"…\"}`): each value shaped like a password",
    keywords: ['map[string]string'],
    pattern: ADDRESS_MAP_AT,
    find: findAddressPasswordMaps,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'var rconPasswords = map[string]string{\n\t"10.20.0.11:27015": "Lq7#vRm2-Wz9",\n}\n',
        '// Admin passwords of the relay nodes.\nvar relays = map[string]string{\n\t"relay-a.lan:8443": "Tn4!pXq8Zc",\n}\n',
      ],
      noMatch: [
        'var regions = map[string]string{\n\t"10.20.0.11:27015": "eu-west-frankfurt",\n}\n',
        'var rconPasswords = map[string]string{\n\t"10.20.0.11:27015": os.Getenv("RCON_A"),\n\t"127.0.0.1:27015": "local-dev",\n}\n',
        '// Upstreams of the proxy.\nvar upstreams = map[string]string{\n\t"10.20.0.11:8080": "Lq7#vRm2-Wz9",\n}\n',
      ],
    },
  },
  {
    id: 'credential-map-password',
    category: 'PASS',
    description:
      'Passwords as the values of a map built by a factory call under a name for credentials or passwords (Java `IMS_CREDENTIALS = Map.of("room1", "…")`, Guava `ImmutableMap.of`, Kotlin `passwords = mapOf("room1" to "…")`), maybe continued on the next lines',
    keywords: ['credentials', 'passwords', 'passwds', 'creds'],
    pattern: CREDENTIAL_MAP_AT,
    find: findCredentialMapPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'private static final Map<String, String> KIOSK_CREDENTIALS = Map.of(\n        "lobby", "Vr7!kTq2Wm9zLp");',
        'static final Map<String, String> RELAY_PASSWORDS = ImmutableMap.of("relay-a", System.getenv("RELAY_A"), "relay-b", "Hs4#nWq8Zt2v");',
        'val deviceCreds = mapOf("cam-3" to "pN6xQ2wR9tLm", "cam-4" to "Zk3!rTm8Qv")',
      ],
      noMatch: [
        'static final Map<String, String> KIOSK_CREDENTIALS = Map.of("lobby", System.getenv("KIOSK_LOBBY_PW"));',
        'Map<String, String> credentials = Map.of("user", "svc-build01", "region", "eu-west-1");',
        'Map<String, String> credentialsCache = Map.of("lobby", "Vr7!kTq2Wm9zLp");',
        'static final Map<String, String> ROOM_LABELS = Map.of("lobby", "Vr7!kTq2Wm9zLp");',
        'val passwords = mapOf("lobby" to "admin", "bar" to "guest")',
      ],
    },
  },
  {
    id: 'named-tuple-return-password',
    category: 'PASS',
    description:
      'The password a C# method returns as a tuple whose type names it: `(string user, string password) SmbCreds() => ("laser", "…");` (or `{ return ("laser", "…"); }`)',
    keywords: ['password)', 'passwd)', 'pwd)'],
    pattern: NAMED_TUPLE_RETURN_AT,
    find: findNamedTupleReturnPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'public static (string user, string password) ShareCreds() =>\n    ("backup", "Wq4!zTm8Rv2k");',
        'internal (string User, string Pwd) Login()\n{\n    return ("svc-sync", "Hn7#pLx3Qa9w");\n}',
      ],
      noMatch: [
        'public bool Login(string user, string password) => Check("backup", "Wq4!zTm8Rv2k");',
        'public static (string user, string password) ShareCreds() => ("backup", Environment.GetEnvironmentVariable("SHARE_PW"));',
        'public static (string user, string password) ShareCreds() => ("backup", "changeme");',
        'public static (string user, string role) ShareUser() => ("backup", "Wq4!zTm8Rv2k");',
      ],
    },
  },
  {
    id: 'chpasswd-password',
    category: 'PASS',
    description:
      "Passwords given to chpasswd as `user:password` lines: cloud-init's `chpasswd:` module's `list:`, a shell's `echo 'user:…' | chpasswd` or `chpasswd <<< \"user:…\"`",
    keywords: ['chpasswd'],
    pattern: CHPASSWD_AT,
    find: findChpasswdPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'chpasswd:\n  expire: false\n  list: |\n    ops:Heron-Slate4417!\n',
        'chpasswd:\n  list:\n    - ops:Heron-Slate4417!\n',
        '  user_data = <<-EOT\n    #cloud-config\n    chpasswd:\n      list: |\n        ops:Heron-Slate4417!\n      expire: false\n  EOT\n',
        "echo 'ops:Heron-Slate4417!' | sudo chpasswd",
        'chpasswd <<< "ops:Heron-Slate4417!"',
      ],
      noMatch: [
        'chpasswd:\n  expire: false\n  list: |\n    ops:RANDOM\n',
        'chpasswd:\n  list: |\n    ops:$6$rounds=4096$saltsalt$Lq0wHs3Yk\n',
        'echo "$USER_NAME:$USER_PASSWORD" | chpasswd',
        'chpasswd:\n  expire: true\nruncmd:\n  - echo ops:ready\n',
        '    chpasswd:\n      expire: false\n    runcmd:\n      list: |\n        ops:Heron-Slate4417!\n',
      ],
    },
  },
  {
    id: 'user-list-password',
    category: 'PASS',
    description:
      'Passwords in a list of (user, password) pairs under a name for users: Erlang `{admin_users, [{<<"ops">>, <<"…">>}]}`, Python `BASIC_AUTH_USERS = [("ops", "…")]`, Elixir `users: [{"ops", "…"}]`; or in a map of users to passwords (Orthanc\'s `"RegisteredUsers": { "ops": "…" }`), also one given as JSON text in a single value (`ORTHANC__REGISTERED_USERS: \'{"ops": "…"}\'`)',
    keywords: ['users', 'accounts', 'logins'],
    pattern: USER_LIST_AT,
    find: findUserListPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '{admin_users, [{<<"ops">>, <<"lark-Tundra-5120-reed">>}]},',
        'BASIC_AUTH_USERS = [("ops", "Moss!Anvil-6631")]',
        '"RegisteredUsers": {\n  "pacs": "Tq8%Lw2-Rn7Vz",\n  "viewer": "mK4zPq9TwL7x"\n}',
        'users = {"ops": "Kv3#Wn8-Lq2Tz"}',
        '"RegisteredUsers": {\n  "admin": "{{ vault_pacs_admin }}",\n  "gateway": "Wm3_tRq8-Lz5Nv"\n}',
        `      ORTHANC__REGISTERED_USERS: '{"pacs": "Vn4!qTz8-Lw2R"}'`,
      ],
      noMatch: [
        'BASIC_AUTH_USERS = [("ops", "editor"), ("dana", "viewer")]',
        'admin_users = [("ops", os.environ["OPS_PASSWORD"])]',
        'TEAM_USERS = [("dana", "team-7")]',
        '"RegisteredUsers": { "pacs": "admin", "viewer": "readonly", "audit": "changeme" }',
        '"users": { "dana": "dana2@example.org", "lee": "https://example.org/u/lee7" }',
        '"users": { "dana": { "password": "Tq8%Lw2-Rn7Vz" } }',
        '"RegisteredUsers": {\n  "admin": "{{ vault_pacs_admin }}",\n  "gateway": "{{ vault_pacs_gateway }}"\n}',
        '"accounts": { "prod": "210987654321", "staging": "123456789012" }',
        `      ORTHANC__REGISTERED_USERS: '{"pacs": "\${PACS_PASSWORD}"}'`,
      ],
    },
  },
  {
    id: 'email-password-pair',
    category: 'PASS',
    description:
      'A password paired with an e-mail address in a tuple, as seed scripts and fixtures list their accounts: `["qa@acme.dev", "…"]`, `("alice@acme.dev", "…", "admin")`, Elixir `{"ops@acme.dev", "…"}` (a value with letters, a digit and a symbol, or generated-looking)',
    keywords: ['",', "',"],
    pattern: EMAIL_PAIR_AT,
    find: findEmailPasswordPairs,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['  ["ops+admin@northwind.dev", "Rv8$kLq2Wz"],', 'SEED_USERS = [("dana@lab.example.org", "Kt6%pWz9Qs", "admin")]', '{"ops@acme.dev", "Hm3nQx7TbZpLw"}'],
      noMatch: [
        'recipients = ["alerts@acme.dev", "oncall2@acme.dev"]',
        'sender = ("billing@acme.dev", "Acme Billing")',
        'server.login("ops@acme.dev", password)',
        '["ops@acme.dev", "member"]',
        '("ops@acme.dev", "https://acme.dev/u/42")',
      ],
    },
  },
  {
    id: 'user-map-password',
    category: 'PASS',
    description:
      'Passwords as the values of a YAML mapping of users under a name for users (Ansible `kafka_jaas_users:` / `  alice: …`, `basic_auth_users:`), when shaped like a password or generated',
    keywords: ['users', 'accounts'],
    pattern: USER_MAP_AT,
    find: findUserMapPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['kafka_jaas_users:\n  orders-api: "{{ vault_orders_api }}"\n  cdr-loader: qW7tRzk2LmVx9PbN4sYd\n', 'basic_auth_users:\n  ops: Moss!Anvil-6631\n'],
      noMatch: ['admin_users:\n  dana: admin\n  lee: team-7\n', 'kafka_jaas_users:\n  orders-api: "{{ vault_orders_api }}"\n', 'htpasswd_users:\n  ops: $apr1$Xq1zT7r2$Wc0dNf3sQe8LpYk1Vz9Ab/\n'],
    },
  },
];
