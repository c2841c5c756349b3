import { decodeBase64 } from '../base64.js';
import { classifyKey, splitWords } from '../key-name.js';
import { isInternalHost } from './network.js';
import { namesVendorClientKey, isVendorClientKeyValue } from './client-config.js';
import { characterSwitches, encodesStandInWords, isListOfWords, isPlaceholder, isPlausiblePassword, isPlausibleSecret, isPublicValue, UUID } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { enclosingObjectStart, enclosingString, stringMembers, type QuoteMemo } from './json-members.js';
import { isIdentifierCode } from '../char-codes.js';
import { lineAround, lineBreakCursor } from '../line-index.js';

/**
 * Secrets recognised by the document that holds them rather than by a key name:
 * the `data` / `stringData` of a Kubernetes Secret, and the private members of a JSON
 * Web Key. Both are read line by line inside the one block concerned, never the file.
 */

const KIND_SECRET = /^[ \t]{0,8}kind:[ \t]{0,4}["']?secret["']?[ \t]{0,4}\r?$/im;
const DATA_BLOCK = /^([ \t]{0,16})(?:data|stringData):[ \t]{0,4}\r?$/gm;
const ENTRY = /^([ \t]{1,32})["']?([\w.\-]{1,253})["']?:[ \t]{0,4}(.{0,20000})$/;

function indentOf(line: string): number {
  return /^[ \t]{0,64}/.exec(line)![0].length;
}

function isSecretValue(raw: string, name: string): boolean {
  const value = raw.trim().replace(/^["']|["']$/g, '');
  if (value.length < 12) return false; // `YmFyCg==` ("bar"): too short to be a credential
  if (isPlaceholder(value) || /^ENC\[|^\{\{|^\$\{/.test(value)) return false;
  // A certificate by name and by content; a `.pem` may hold anything, so both must say so.
  if (CERTIFICATE_NAME.test(name) && isPublicPem(value)) return false;
  // A Secret often carries the plain settings beside its secrets (`DB_USER`, `JIRA_BASE_URL`): read as a
  // `.env` line would be, by its name and its (decoded) text, a user name or a public URL is no secret.
  if (isPlainSetting(name, value)) return false;
  // Base64 of a stand-in (`ZXhhbXBsZQ==` is "example", `Y2hhbmdlbWUxMjM=` "changeme123") is that stand-in, encoded as `data:` wants it.
  const decoded = decodeBase64(value);
  if (decoded !== undefined && ENCODED_STAND_IN.test(decoded)) return false;
  // Base64 of a developer's stand-in key in words (`local-dev-secret`) under any name but a password's (see `encodesStandInWords`).
  if (classifyKey(name)?.category !== 'PASS' && encodesStandInWords(value)) return false;
  return true;
}
/**
 * The words that say a value is no real one (`example`, `sample`, `changeme`, `test1234`), as a Secret's base64 may hide
 * them. Base64 of `password` or `admin:password` is not among them: a weak password is still one a cluster may run with.
 */
const ENCODED_STAND_IN = /^(?:example|sample|test|testing|dummy|placeholder|changeme|changeit|replaceme|foo|foobar|todo|tbd|x{3,12})[-_.]?\d{0,4}$/i;

/**
 * A data entry that is plainly a setting, read from its text (decoded when the value is base64
 * of printable text): a user name under a user's name (`DB_USER`, `username`), or a public
 * http(s) URL without credentials (`JIRA_BASE_URL`), or a key made for browsers (`isPublicByDesign`). Anything else in a
 * Secret is kept.
 */
function isPlainSetting(name: string, value: string): boolean {
  const decoded = decodeBase64(value);
  const text = decoded !== undefined && /^[\x20-\x7e]{1,200}$/.test(decoded) ? decoded : value;
  const words = splitWords(name);
  if (USER_NAME_WORD.test(words[words.length - 1] ?? '') && classifyKey(name) === undefined && LOGIN_NAME.test(text)) return true;
  // `app-name`, `SERVICE_NAME`, `cluster_name`: a name kept beside the secrets for the app to read; lower-case words
  // joined by `-`, `_` or `.` (`payments-hub`) name a thing, where a generated value would mix cases or digits in.
  if (words[words.length - 1] === 'name' && classifyKey(name) === undefined && SLUG.test(text)) return true;
  // `FEATURE_FLAGS`, `ENABLED_MODULES`, `ALLOWED_REGIONS`: under a name that names no secret, a list of such slugs
  // (`wholesale,gift-cards,queen-preorders`) is a setting the app reads beside its secrets; no credential is a list of words.
  if (classifyKey(name) === undefined && isSlugList(text)) return true;
  // `CONFIG_CHECKSUM`, `BUNDLE_SHA256`, `CONFIG_SHA`: a digest of something, which anyone holding it can compute (often a rollout trigger).
  if (DIGEST_WORD.test(words[words.length - 1] ?? '') && /^[0-9a-f]{32,128}$/i.test(text)) return true;
  // `TWILIO_ACCOUNT_SID: AC…`, `GOOGLE_CLIENT_ID: ….apps.googleusercontent.com`: a provider's public id under a name that
  // says it is an id (`…_SID`, `…_ACCOUNT_ID`, `…_CLIENT_ID`, `…_APP_ID`) is kept beside the secret it goes with, and
  // travels in every request's path or login URL; the auth token or client secret beside it is the secret.
  if (namesPublicIdEntry(words) && PROVIDER_PUBLIC_ID.test(text)) return true;
  // `AZURE_CLIENT_ID`, `AZURE_TENANT_ID`, `ARM_SUBSCRIPTION_ID`: a UUID under a name that ends in `id` and names no secret
  // is the id of an app registration, a tenant or a subscription, which portals show and logs print; the client secret
  // beside it is the secret. (A name that does name one, Vault's `SECRET_ID`, keeps its UUID reported.)
  if (ID_WORD.test(words[words.length - 1] ?? '') && UUID.test(text) && classifyKey(name) === undefined) return true;
  if (isPublicByDesign(name, text)) return true;
  // Argo CD's repository Secrets name the repository beside its key: `url: git@github.com:acme` (an SSH remote, no password in it).
  const remote = GIT_SSH_REMOTE.exec(text) ?? PUBLIC_HTTP_URL.exec(text);
  return remote !== null && !isInternalHost(remote[1]!.replace(/:\d{1,5}$/, ''));
}
const USER_NAME_WORD = /^(?:user|username|login|email)$/;
const ID_WORD = /^(?:id|guid|uuid)$/;

/**
 * A key its vendor makes for browsers and apps, told as anywhere else: by its format (Stripe's `pk_live_…`, an Adyen
 * client key `live_…` under a client key's name) or by a name that says it ships to clients (`ALGOLIA_SEARCH_KEY`,
 * `NEXT_PUBLIC_ALGOLIA_SEARCH_KEY`, `MIXPANEL_TOKEN`). A Secret often carries a front end's settings beside the server's
 * secrets, and holding a public key there does not make it secret; the secret key beside it has its own name and shape.
 */
function isPublicByDesign(name: string, text: string): boolean {
  // A URL (a Sentry DSN among `isPublicValue`'s) is judged as a URL: by the host and credentials read above.
  if (text.includes('://')) return false;
  return isPublicValue(text) || isVendorClientKeyValue(name, text) || namesVendorClientKey(name);
}
/**
 * Ids their providers make public, by shape: a Twilio resource's SID (an account's `AC…`, a TwiML app's `AP…`, a messaging
 * service's `MG…`, a number's `PN…`, a Verify service's `VA…`; not an API key's `SK…`, which names a key) and a Google
 * OAuth client's id. Their secrets (an auth token, a client secret) have no such shape.
 */
const PROVIDER_PUBLIC_ID = /^(?:(?:AC|AP|MG|PN|VA)[0-9a-f]{32}|\d{6,20}-[a-z0-9]{32}\.apps\.googleusercontent\.com)$/;
/** An entry's name that says it holds an id: `…_SID`, `…_ACCOUNT_ID`, `…_CLIENT_ID`, `…_APP_ID` (split into words). */
function namesPublicIdEntry(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === 'sid') return true;
  return last === 'id' && /^(?:account|client|app|application)$/.test(words[words.length - 2] ?? '');
}
/** Lower-case words joined by `-`, `_` or `.`: the name of an app, a service or a cluster. */
const SLUG = /^[a-z]{2,20}(?:[-_.][a-z]{2,20}){0,5}$/;
/** Two or more slugs parted by commas (a space after each allowed): the items of a list setting. */
const SLUG_ITEM = '[a-z]{2,20}(?:[-_.][a-z]{2,20}){0,5}';
const SLUG_LIST = new RegExp(`^${SLUG_ITEM}(?:, ?${SLUG_ITEM})+$`);
function isSlugList(text: string): boolean {
  return text.length <= 400 && SLUG_LIST.test(text);
}
const DIGEST_WORD = /^(?:checksum|digest|hash|sha|sha1|sha256|sha384|sha512|md5|fingerprint)$/;
/** A login: a word of letters, digits, `_`, `.`, `-` (or an e-mail address), starting with a letter. */
const LOGIN_NAME = /^[A-Za-z][\w.@+-]{0,63}$/;
/** An http(s) URL whose authority holds no credentials; group 1 is the host (and port). */
const PUBLIC_HTTP_URL = /^https?:\/\/([^\s/?#@]{1,253})(?:[/?#][^\s@]{0,300})?$/i;
/**
 * A git remote over SSH, as `git@host:owner/repo.git` or `ssh://git@host[:port]/owner`: the user is git's own,
 * the login being the key beside it; group 1 is the host (and port).
 */
const GIT_SSH_REMOTE = /^(?:ssh:\/\/)?git@([\w.-]{1,253}(?::\d{1,5}(?=\/))?)[:/][\w.~-]{1,100}(?:\/[\w.~-]{1,100}){0,6}\/?$/;

/** Entry names of certificates: `tls.crt` (a `kubernetes.io/tls` Secret), `ca.crt`, `client-cert.pem`. */
const CERTIFICATE_NAME = /(?:^|[._-])(?:crt|cer|cert|certs|certificate|certificates)(?:$|[._-])/i;

/** `-----BEGIN` in base64, as a PEM file's first line starts when the whole file is encoded. */
const BASE64_PEM_START = 'LS0tLS1CRUdJTi';
/** PEM objects that are public by design; a bundle holding a private key is not one of them. */
const PUBLIC_PEM = /^-----BEGIN(?:CERTIFICATE|TRUSTEDCERTIFICATE|X509CRL|CERTIFICATEREQUEST|NEWCERTIFICATEREQUEST|PUBLICKEY|RSAPUBLICKEY)-----/;

/**
 * A certificate or public key, as PEM or as base64 of PEM (a `kubernetes.io/tls` Secret's
 * `tls.crt`, a `ca.crt`): published by design, decoded to be sure. The `tls.key` beside it is the secret.
 */
function isPublicPem(value: string): boolean {
  const pem = value.startsWith(BASE64_PEM_START) ? decodeBase64(value) : value.startsWith('-----BEGIN') ? value : undefined;
  if (pem === undefined) return false;
  const compact = pem.replace(/\s+/g, '');
  return PUBLIC_PEM.test(compact) && !compact.includes('PRIVATEKEY');
}

function findKubernetesSecretData(text: string): Span[] {
  if (!KIND_SECRET.test(text)) return [];
  const spans: Span[] = [];
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  // A file may hold several YAML documents: only those of kind Secret count.
  const documentStarts = [0, ...[...text.matchAll(/^---/gm)].map((m) => m.index)];
  const isSecretDocument = documentStarts.map((start, i) => KIND_SECRET.test(text.slice(start, documentStarts[i + 1] ?? text.length)));
  let doc = 0;
  let nextLine = 0;
  for (const block of text.matchAll(DATA_BLOCK)) {
    while (doc + 1 < documentStarts.length && documentStarts[doc + 1]! <= block.index) doc++;
    if (!isSecretDocument[doc]) continue;
    const baseIndent = block[1]!.length;
    let lineNo = lineIndexOf(lineStarts, block.index) + 1; // the line after `data:`
    if (lineNo < nextLine) continue; // inside a block already read
    while (lineNo < lines.length) {
      const line = lines[lineNo]!.replace(/\r$/, '');
      if (line.trim() === '' || line.trim().startsWith('#')) {
        lineNo++;
        continue;
      }
      if (indentOf(line) <= baseIndent) break;
      const entry = ENTRY.exec(line);
      if (!entry) {
        lineNo++;
        continue;
      }
      const value = entry[3]!.trim();
      const start = lineStarts[lineNo]! + line.length - entry[3]!.length + entry[3]!.indexOf(value);
      if (/^[|>][-+]?$/.test(value)) {
        // A block scalar: the following, deeper-indented lines are the value.
        const keyIndent = indentOf(line);
        let last = lineNo;
        while (last + 1 < lines.length && (lines[last + 1]!.trim() === '' || indentOf(lines[last + 1]!) > keyIndent)) last++;
        while (last > lineNo && lines[last]!.trim() === '') last--;
        if (last > lineNo) {
          const body = lines.slice(lineNo + 1, last + 1).join('\n');
          if (isSecretValue(body.replace(/\s+/g, ''), entry[2]!)) {
            const bodyStart = lineStarts[lineNo + 1]! + indentOf(lines[lineNo + 1]!);
            spans.push({ start: bodyStart, end: lineStarts[last]! + lines[last]!.replace(/\r$/, '').length });
          }
        }
        lineNo = last + 1;
        continue;
      }
      if (value !== '' && isSecretValue(value, entry[2]!)) {
        // A quoted value is reported without its quotes: the YAML around its token stays well formed.
        const quoted = value.length > 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0]!);
        spans.push(quoted ? { start: start + 1, end: start + value.length - 1 } : { start, end: start + value.length });
      }
      lineNo++;
    }
    nextLine = lineNo;
  }
  return spans;
}

/**
 * A Secret written as JSON: `kubectl get secret -o json`, and the copy kubectl keeps in the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (one line of JSON inside the
 * YAML). The string members of the `data` / `stringData` object beside `"kind": "Secret"` are
 * the secrets, as under `data:` in YAML.
 */
function findKubernetesSecretJson(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const quotes: QuoteMemo = { floor: 0, clearTo: 0 };
  const lookFrom = (offset: number): ObjectLook =>
    text.charCodeAt(offset) === 0x5c /* \ */ ? { readTo: escapedSecretData(text, offset, spans, quotes) } : offset;
  forEachEnclosingObject(text, offsets, lookFrom, ({ members }) => {
    for (const member of members) {
      if (member.path.length !== 2 || (member.path[0] !== 'data' && member.path[0] !== 'stringData')) continue;
      const value = text.slice(member.start, member.end);
      if (!value.includes('\\') && isSecretValue(value, member.path[1]!)) spans.push({ start: member.start, end: member.end });
    }
  });
  return spans;
}

/** Where to look back from for an object around a keyword offset; `readTo` when the offset was dealt with otherwise; undefined to pass it over. */
type ObjectLook = number | { readTo: number } | undefined;

/**
 * Reads the JSON object around each keyword offset once and hands its members to `visit`.
 * Offsets inside an object already read are passed over, and so are those before an offset
 * found outside any object (that search already looked there).
 */
function forEachEnclosingObject(
  text: string,
  offsets: readonly number[],
  lookFrom: (offset: number) => ObjectLook,
  visit: (object: ReturnType<typeof stringMembers>) => void,
): void {
  let readUntil = -1;
  let noObjectAt = 0;
  for (const offset of offsets) {
    if (offset < readUntil) continue;
    const look = lookFrom(offset);
    if (look === undefined) continue;
    if (typeof look !== 'number') {
      readUntil = look.readTo;
      continue;
    }
    const open = enclosingObjectStart(text, look, noObjectAt);
    if (open === -1) {
      noObjectAt = offset;
      continue;
    }
    const object = stringMembers(text, open);
    readUntil = object.readTo;
    visit(object);
  }
}

/** `\"data\":{…}` and the `\"name\":\"value\"` pairs in it, in JSON escaped into a string. */
const ESCAPED_DATA_OBJECT = /\\"(?:data|stringData)\\"[ \t]{0,4}:[ \t]{0,4}\{(?<members>[^{}]{0,20000})\}/g;
const ESCAPED_MEMBER = /\\"(?<k>[^"\\]{1,253})\\"[ \t]{0,4}:[ \t]{0,4}\\"(?<v>[^"\\]{1,20000})\\"/g;

/**
 * The copy of a Secret that `kubectl get secret -o json` shows in its last-applied-configuration
 * annotation is JSON escaped into a string (`"{\"apiVersion\":\"v1\",\"data\":{…},\"kind\":\"Secret\"…}"`):
 * the string holds that one Secret, so its `data` members are the secrets. Returns where the string ends.
 */
function escapedSecretData(text: string, offset: number, spans: Span[], memo: QuoteMemo): number {
  const string = enclosingString(text, offset, memo);
  if (string === undefined) return offset + 1;
  const body = text.slice(string.start, string.end);
  for (const data of body.matchAll(ESCAPED_DATA_OBJECT)) {
    const members = data.groups!['members']!;
    const membersStart = string.start + data.index + data[0].length - 1 - members.length;
    for (const m of members.matchAll(ESCAPED_MEMBER)) {
      const value = m.groups!['v']!;
      if (!isSecretValue(value, m.groups!['k']!)) continue;
      const start = membersStart + m.index + m[0].length - 2 - value.length;
      spans.push({ start, end: start + value.length });
    }
  }
  return string.end;
}

/**
 * Terraform's state and `terraform show -json` hold every attribute in clear, sensitive or not:
 * the `result` of a `random_password` resource is the password it generated (the `bcrypt_hash`
 * beside it is a hash, and stays alone).
 */
const RANDOM_PASSWORD_TYPE = /(?<="type"[ \t]{0,4}:[ \t]{0,4}")random_password"/y;

function findRandomPasswordResults(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const lookFrom = (offset: number): ObjectLook => {
    RANDOM_PASSWORD_TYPE.lastIndex = offset;
    return RANDOM_PASSWORD_TYPE.test(text) ? text.lastIndexOf('"type"', offset) : undefined;
  };
  forEachEnclosingObject(text, offsets, lookFrom, ({ members }) => {
    for (const member of members) {
      if (member.path[member.path.length - 1] !== 'result') continue;
      const value = text.slice(member.start, member.end);
      if (value.includes('\\') || !isPlausiblePassword(value, options.file)) continue;
      spans.push({ start: member.start, end: member.end });
    }
  });
  return spans;
}

/**
 * Terraform marks the attributes a provider declares sensitive, and still stores their values in
 * clear: `terraform show -json` mirrors `values` in `sensitive_values` with `true` at each
 * sensitive leaf, and a state file lists them under each instance's `sensitive_attributes`
 * (`[{"type": "get_attr", "value": "password"}]`). The values there are the secrets, whatever
 * their names (a `kubernetes_secret`'s `data`, a `random_password`'s `result`); hashes stay alone.
 */
function findTerraformSensitiveValues(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachEnclosingObject(text, offsets, (offset) => offset, ({ members, flags }) => {
    // show -json: the `values` path of each `true` leaf of `sensitive_values`.
    const sensitive = flags.filter((path) => path[0] === 'sensitive_values' && path.length > 1).map((path) => path.slice(1).join('.'));
    // A state file: the attributes named by `get_attr` steps of `sensitive_attributes`.
    const attributes = new Set(members.filter((m) => m.path.length === 2 && m.path[0] === 'sensitive_attributes' && m.path[1] === 'value').map((m) => text.slice(m.start, m.end)));
    for (const member of members) {
      const [root, ...rest] = member.path;
      const name = rest.join('.');
      const marked =
        (root === 'values' && sensitive.some((path) => name === path || name.startsWith(`${path}.`))) ||
        (root === 'attributes' && attributes.has(rest[0]!));
      if (!marked || /hash|digest|fingerprint/i.test(name)) continue;
      const value = text.slice(member.start, member.end);
      if (value.includes('\\') || !isPlausibleSecret(value, { category: 'CRED', quoted: true, file: options.file })) continue;
      spans.push({ start: member.start, end: member.end });
    }
  });
  return spans;
}

/** 0-based line holding `offset`, by binary search over line starts. */
function lineIndexOf(lineStarts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Private members of a JWK: `d` (RSA/EC/OKP), `p`, `q`, `dp`, `dq`, `qi` (RSA), `k` (symmetric). */
const JWK_PRIVATE = /"(?:d|p|q|dp|dq|qi|k)"[ \t]{0,4}:[ \t]{0,4}"(?<v>[A-Za-z0-9_-]{16,4096})"/g;

function findJwkPrivateMembers(text: string): Span[] {
  if (!/"kty"[ \t]{0,4}:/.test(text)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(JWK_PRIVATE)) {
    const value = m.groups!['v']!;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * Redis's `AUTH` command and its last argument, the password (`AUTH <password>`, or with Redis 6's ACLs
 * `AUTH <user> <password>`): the command ends its line or the quotes it is written in (`echo "AUTH …" | redis-cli`).
 * Other protocols have an `AUTH` too (SMTP's `AUTH LOGIN`, `AUTH PLAIN <base64>`), so Redis must be named: on the line
 * (`# redis AUTH …`, a redis-cli prompt `host:6379> auth …`, a pipe into redis-cli), by a redis-cli in the text, or by
 * a `.redis` file. Lower case (`auth …`) is read only after redis-cli's prompt or on a redis-cli line; a lone word of
 * small letters there is prose (`the redis AUTH command rejected`), not a password.
 */
const REDIS_AUTH_COMMAND =
  /auth[ \t]{1,4}(?:(?<user>[^\s"'`]{1,64})[ \t]{1,4})?(?<v>[^\s"'`]{1,128})(?=[ \t]{0,40}(?:["'`]|\\r|\\n|\r?\n|$))/iy;
const REDIS_NAMED = /redis|keydb|valkey/i;
const REDIS_CLIENT_PROMPT = /(?:redis|keydb|valkey)-cli|:\d{2,5}>[ \t]{0,4}$/i;
const REDIS_SCRIPT_FILE = /\.redis$/i;
/** SASL mechanisms that follow other protocols' `AUTH` (SMTP, POP3, IMAP's `AUTHENTICATE`). */
const SASL_MECHANISM = /^(?:LOGIN|PLAIN|CRAM-MD5|DIGEST-MD5|XOAUTH2?|OAUTHBEARER|NTLM|GSSAPI|EXTERNAL|ANONYMOUS|SCRAM-SHA-\d{1,3})$/i;

function findRedisAuthCommands(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let inText: boolean | undefined;
  for (const offset of offsets) {
    const before = offset > 0 ? text.charCodeAt(offset - 1) : 0x20;
    if (isIdentifierCode(before) || before === 0x2d /* - */) continue;
    REDIS_AUTH_COMMAND.lastIndex = offset;
    const m = REDIS_AUTH_COMMAND.exec(text);
    if (m === null) continue;
    const user = m.groups!['user'];
    const value = m.groups!['v']!;
    if ((user !== undefined && SASL_MECHANISM.test(user)) || SASL_MECHANISM.test(value)) continue;
    // The line around it, read no further than the window used (a full scan per match would make a long line quadratic).
    const around = lineAround(text, offset, 300);
    const line = text.slice(Math.max(around.start, offset - 200), around.end);
    const lineBefore = text.slice(Math.max(around.start, offset - 200), offset);
    const prompted = REDIS_CLIENT_PROMPT.test(lineBefore);
    if (!prompted && !text.startsWith('AUTH', offset)) continue;
    if (!prompted && !REDIS_NAMED.test(line) && !REDIS_SCRIPT_FILE.test(options.file ?? '')) {
      inText ??= /\b(?:redis|keydb|valkey)-cli\b/i.test(text);
      if (!inText) continue;
    }
    if (value.startsWith('$') || value.startsWith('%') || /^[a-z]{1,30}$/.test(value)) continue;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].length - value.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * Server configuration directives whose value is a password, written `directive value`
 * with no `=`: Redis/Valkey `requirepass` and `masterauth` / `primaryauth` (also through
 * `CONFIG SET`), Redis Sentinel `sentinel auth-pass <master> …`, keepalived `auth_pass`,
 * bitcoind `rpcpassword`, HAProxy `user NAME insecure-password …`, nslcd/pam_ldap `bindpw`,
 * slapd `rootpw`. The directive is the
 * whole name, at the start of a line. redis-cli prints the reply to `CONFIG GET requirepass` as
 * numbered pairs, each name at an odd number and its value next: `1) "requirepass"` / `2) "…"`.
 * A config is also embedded, indented deeper, in another file: cloud-init's `write_files` content in a YAML block
 * scalar, a Terraform heredoc's `user_data`, a Helm value. Past a config file's own indentation (8) the directive is
 * read only when a single random token follows it to the line's end.
 */
const CONFIG_DIRECTIVE =
  /(?:^(?<indent>[ \t]{0,40})|\bconfig[ \t]{1,4}set[ \t]{1,4}|^[ \t]{0,8}\d{0,3}[13579]\)[ \t]{1,4}"(?=(?:requirepass|masterauth|primaryauth)"))(?:requirepass|masterauth|primaryauth|auth_pass|rpcpassword|bindpw|bind_pw|rootpw|psk(?=[ \t]{0,4}=)|wpa_passphrase|sae_password|sentinel[ \t]{1,4}auth-pass[ \t]{1,4}[\w.-]{1,64}|user[ \t]{1,4}[\w.@-]{1,64}[ \t]{1,4}insecure-password)(?:[ \t]{1,8}|[ \t]{0,4}=[ \t]{0,4}|"[ \t]{0,4}\r?\n[ \t]{0,8}\d{1,4}\)[ \t]{1,4}(?="))(?:"(?<dq>[^"\r\n]{1,200})"|'(?<sq>[^'\r\n]{1,200})'|(?<v>[^\s"'#;][^\s]{0,199}))/gim;

/** How deep a config file itself indents a directive (keepalived's blocks, a wpa_supplicant `network={`). */
const CONFIG_INDENT = 8;
const REST_OF_LINE_BLANK = /[ \t]{0,40}(?:\r?\n|$)/y;

/** A config embedded deeper in another file: its directive's value is one random token, the line's last word. */
function isEmbeddedDirectiveValue(text: string, end: number, value: string): boolean {
  const close = text.charCodeAt(end) === 0x22 || text.charCodeAt(end) === 0x27 ? end + 1 : end;
  REST_OF_LINE_BLANK.lastIndex = close;
  if (!REST_OF_LINE_BLANK.test(text)) return false;
  return value.length >= 12 && characterSwitches(value) >= 4;
}

function findConfigDirectives(text: string, options: { file?: string }): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CONFIG_DIRECTIVE)) {
    const g = m.groups!;
    const value = g['dq'] ?? g['sq'] ?? g['v']!;
    if (value.startsWith('$') || /^foobared$/i.test(value)) continue; // `foobared`: redis.conf's documented example
    const end = m.index + m[0].length - (g['v'] === undefined ? 1 : 0);
    if ((g['indent']?.length ?? 0) > CONFIG_INDENT && !isEmbeddedDirectiveValue(text, end, value)) continue;
    if (!isPlausiblePassword(value, options.file)) continue;
    spans.push({ start: end - value.length, end });
  }
  return spans;
}

/**
 * Redis ACL rules (`user alice on >password ~* +@all` in redis.conf or users.acl, `ACL SETUSER`):
 * a `>` word adds a password. HAProxy's `stats auth user:password` gives one to the stats page.
 */
const REDIS_ACL_PASSWORD =
  /(?:^[ \t]{0,8}user|\bacl[ \t]{1,4}setuser)[ \t]{1,4}[^\s>]{1,64}[^\r\n>#]{0,400}[ \t]>(?<v>[^\s]{1,200})|^[ \t]{0,8}stats[ \t]{1,4}auth[ \t]{1,4}[^\s:]{1,64}:(?<stats>[^\s]{1,200})/gim;

function findAclPasswords(text: string, options: { file?: string }): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(REDIS_ACL_PASSWORD)) {
    const value = m.groups!['v'] ?? m.groups!['stats']!;
    if (value.startsWith('$') || !isPlausiblePassword(value, options.file)) continue;
    const end = m.index + m[0].length;
    spans.push({ start: end - value.length, end });
  }
  return spans;
}

/**
 * Cookies in a HAR capture: `"cookies": [{"name": "sessionid", "value": "…"}]`. A cookie
 * named like a session or an auth token carries the session itself.
 */
const HAR_NAME_VALUE =
  /"name"[ \t]{0,4}:[ \t]{0,4}"(?<n>[^"\\\r\n]{1,100})"[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?"value"[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\\\r\n]{16,4000})"/g;
const SESSION_COOKIE = /(?:sess|sid$|^sid|auth|token|jwt|remember|login|^_?[a-z]{0,20}_session$)/i;

function findHarCookies(text: string, options: { file?: string }): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(HAR_NAME_VALUE)) {
    const name = m.groups!['n']!;
    const value = m.groups!['v']!;
    if (!SESSION_COOKIE.test(name) || /csrf|xsrf/i.test(name)) continue;
    if (!isPlausibleSecret(value, { category: 'TOKEN', quoted: true, file: options.file })) continue;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * PgBouncer's auth file (`userlist.txt`): `"user" "password"` per line. The second field is
 * a plain password, an md5 verifier or a SCRAM secret. The plain password and the md5 verifier
 * log in: md5 authentication asks for that very hash, so PgBouncer (or anyone holding it) passes
 * it on to the server. A SCRAM secret is a salted, iterated hash that only checks a client's
 * proof, like the password hashes applications store, and is left alone (`isPlausiblePassword`).
 */
const PGBOUNCER_USERLIST_FILE = /(?:^|[\\/])userlist\.txt$/i;
const PGBOUNCER_USERLIST_LINE = /^[ \t]{0,8}"[^"\r\n]{1,64}"[ \t]{1,8}"(?<v>[^"\r\n]{1,400})"/gm;

function findPgbouncerUserlist(text: string, options: { file?: string }): Span[] {
  if (options.file === undefined || !PGBOUNCER_USERLIST_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(PGBOUNCER_USERLIST_LINE)) {
    const value = m.groups!['v']!;
    if (!isPlausiblePassword(value, options.file)) continue;
    const end = m.index + m[0].length - 1;
    spans.push({ start: end - value.length, end });
  }
  return spans;
}

/**
 * A `userlist.txt` line quoted outside the file: a runbook's or a script's
 * "update `/etc/pgbouncer/userlist.txt`:" and then `"user" "password"` in a code block or a
 * heredoc. Read from the file's name on, up to `USERLIST_QUOTE_WINDOW` characters: lines that
 * are nothing but two quoted fields, as the file holds them.
 */
const USERLIST_QUOTE_WINDOW = 600;
const QUOTED_USERLIST_LINE = /^[ \t]{0,8}"[^"\r\n]{1,64}"[ \t]{1,8}"(?<v>[^"\r\n]{1,400})"[ \t]{0,8}\r?$/gm;

function findQuotedUserlist(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file !== undefined && PGBOUNCER_USERLIST_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  let readTo = 0;
  // The mentions on one long line share one search for its end.
  const nextBreak = lineBreakCursor(text);
  for (const offset of offsets) {
    const from = Math.max(nextBreak(offset) + 1, readTo);
    if (from === 0) continue;
    const end = Math.min(text.length, offset + USERLIST_QUOTE_WINDOW);
    if (end <= from) continue;
    readTo = end;
    const window = text.slice(from, end);
    QUOTED_USERLIST_LINE.lastIndex = 0;
    for (let m = QUOTED_USERLIST_LINE.exec(window); m !== null; m = QUOTED_USERLIST_LINE.exec(window)) {
      const value = m.groups!['v']!;
      if (!isPlausiblePassword(value, options.file)) continue;
      const start = from + m.index + m[0].lastIndexOf(`"${value}"`) + 1;
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

/** Postfix's SMTP relay credentials map (`sasl_passwd`): `[smtp.example.com]:587 user:password` per line. */
const SASL_PASSWD_FILE = /(?:^|[\\/])sasl_passwd$/;
const SASL_PASSWD_LINE = /^[ \t]{0,8}[^\s#][^\s]{0,200}[ \t]{1,8}[^\s:]{1,200}:(?<v>[^\s]{1,200})[ \t]{0,8}$/gm;

function findSaslPasswd(text: string, options: { file?: string }): Span[] {
  if (options.file === undefined || !SASL_PASSWD_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(SASL_PASSWD_LINE)) {
    const value = m.groups!['v']!;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].lastIndexOf(':' + value) + 1;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * What an editor, a hand or a tool appends to a file's name when it keeps a copy: `.bak`, `.backup`, `.old`, `.orig`
 * (patch, merge tools), `.save` (nano), `.copy`, `.prev`, a number (`.1`, `.bak2`) and Emacs' `~`. A copy of a key
 * file holds the same key as the file.
 */
const BACKUP_COPY_SUFFIX = '(?:\\.(?:bak|backup|old|orig|save|sav|copy|prev)\\d{0,2}|\\.\\d{1,2}|~)?';

/**
 * Rails' key files: `config/master.key` and the per-environment `config/credentials/<env>.key`
 * hold nothing but the 32-hex key that decrypts `credentials.yml.enc`. The file's name is the
 * only label the key has; a backup copy of one (`master.key.bak`, `master.key~`) holds the same key.
 */
const RAILS_KEY_FILE = new RegExp(`(?:^|[\\\\/])(?:master\\.key|credentials[\\\\/][\\w.-]{1,60}\\.key)${BACKUP_COPY_SUFFIX}$`);
const RAILS_KEY_BODY = /^[ \t]{0,8}(?<v>[0-9a-f]{32})[ \t]{0,8}\r?\n?$/;

function findRailsKey(text: string, options: { file?: string }): Span[] {
  if (options.file === undefined || !RAILS_KEY_FILE.test(options.file) || text.length > 200) return [];
  const m = RAILS_KEY_BODY.exec(text);
  if (m === null || /^(.)\1+$/.test(m.groups!['v']!)) return [];
  const start = text.indexOf(m.groups!['v']!);
  return [{ start, end: start + 32 }];
}

/**
 * A key file: a file named for a key (`*.key`, `*.secret`, `*.keyfile`, maybe encoded: `munge.key.b64`, `cluster.key.hex`)
 * that holds one random token, maybe after comment lines: MUNGE's and a MongoDB replica set's shared keys, an app's
 * secret kept beside its config, or a backup copy of one (`cluster.key.bak`). The file's name is the only label the key
 * has. A PEM block, a certificate or a file of several lines of settings or prose is no such file.
 */
const KEY_FILE = new RegExp(`(?:^|[\\\\/])[\\w.-]{0,80}(?:\\.key|\\.secret|[._-]?keyfile)(?:\\.(?:b64|base64|hex|txt))?${BACKUP_COPY_SUFFIX}$`, 'i');
const KEY_FILE_TOKEN = /^[A-Za-z0-9+/_-]{16,8192}={0,2}$/;
/** A comment line of a key file: `#`, `//` or `;` first. */
const KEY_FILE_COMMENT = /^[ \t]{0,8}(?:#|\/\/|;)/;

function findKeyFileToken(text: string, options: DetectOptions): Span[] {
  if (options.file === undefined || text.length > 16_384 || !KEY_FILE.test(options.file)) return [];
  let token: { start: number; value: string } | undefined;
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    const line = text.slice(at, end).replace(/\r$/, '');
    const value = line.trim();
    if (value !== '' && !KEY_FILE_COMMENT.test(line)) {
      // A second line of content: settings, prose or a wrapped block, not one key.
      if (token !== undefined || !KEY_FILE_TOKEN.test(value)) return [];
      token = { start: at + line.indexOf(value), value };
    }
    at = end + 1;
  }
  if (token === undefined || characterSwitches(token.value) < 6) return [];
  if (!isPlausibleSecret(token.value, { category: 'KEY', quoted: true, file: options.file })) return [];
  return [{ start: token.start, end: token.start + token.value.length }];
}

/**
 * ASP.NET `<machineKey validationKey="…" decryptionKey="…"/>`: the keys that sign and encrypt view state and auth cookies.
 * IIS writes them in hex; hand-made and migrated configs hold other encodings of random bytes too (base64, letters and digits).
 */
const MACHINE_KEY = /\b(?:validationKey|decryptionKey)[ \t]{0,4}=[ \t]{0,4}["'](?<v>[A-Za-z0-9+/]{32,256}={0,2})["']/gi;

/**
 * A JSON document held as a string inside another (a HAR's `postData.text`, a logged
 * request body, a message queue payload): its quotes are escaped, `\"password\": \"…\"`.
 * Code held in JSON (a notebook's cells) escapes them the same way: `os.environ[\"API_KEY\"] = \"…\"`.
 */
const ESCAPED_JSON_PAIR =
  /\\"(?<k>[\w.\-]{1,60})\\"\]?[ \t]{0,4}(?::|=>?)[ \t]{0,4}\\"(?<v>(?:[^"\\\r\n]|\\[^"\r\n]){1,300})\\"/g;

/**
 * A member that names a value's place in a rotation (`previous`, `old`, `current`, `next`), not its kind: in an object
 * that also holds a member named for a secret (`{\"key\": \"$NEW_KEY\", \"previous\": \"…\"}`, a rotation's request
 * body), it is the same secret's other generation and is judged under that member's name.
 */
const ROTATION_MEMBER = /^(?:previous|prev|old|prior|current|next|new|retired|outgoing)$/i;
/** A member's name in escaped JSON, up to its colon. */
const ESCAPED_JSON_NAME = /\\"([\w.\-]{1,60})\\"[ \t]{0,4}:/g;
/** How far either way a sibling member is looked for, within the object's braces. */
const SIBLING_REACH = 400;

/** The name of a secret's member beside the member whose name spans [from, to), in the same escaped JSON object. */
function secretSibling(text: string, from: number, to: number): ReturnType<typeof classifyKey> {
  // The braces are looked for within the reach only: a text of members and no braces is read in linear time.
  const before = text.slice(Math.max(0, from - SIBLING_REACH), from);
  const open = before.lastIndexOf('{');
  if (open < 0) return undefined;
  const after = text.slice(to, to + SIBLING_REACH);
  const close = after.indexOf('}');
  const object = before.slice(open) + (close < 0 ? after : after.slice(0, close));
  const objectStart = from - (before.length - open);
  for (const m of object.matchAll(ESCAPED_JSON_NAME)) {
    if (objectStart + m.index === from) continue;
    const name = m[1]!;
    if (ROTATION_MEMBER.test(name)) continue;
    const key = classifyKey(name);
    if (key !== undefined) return key;
  }
  return undefined;
}

function findEscapedJsonPairs(text: string, options: { file?: string }): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(ESCAPED_JSON_PAIR)) {
    const name = m.groups!['k']!;
    const key = classifyKey(name) ?? (ROTATION_MEMBER.test(name) ? secretSibling(text, m.index, m.index + name.length + 4) : undefined);
    const value = m.groups!['v']!;
    if (!key || value.includes('\\')) continue;
    const judged = { category: key.category, quoted: true, weakKey: key.weak, file: options.file };
    if (!isPlausibleSecret(value, judged)) continue;
    const start = m.index + m[0].length - 2 - value.length;
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/** The last word of a name for a list of names (`…_BLOCKLIST`, `secretColumns`, `sensitive_fields`, `redact_keys`): what it lists are names, not values. */
const NAME_LIST_WORD = /(?:block|allow|deny|black|white|skip|ignore|redact|mask)_?list$|(?:^|[_.a-z0-9])(?:columns|fields|names|attributes|params|headers)$|(?:redact|mask|scrub|filter|sensitive)(?:ed)?_?keys$/i;
/**
 * An identifier made of words: snake_case of two to six lower-case words, camelCase or PascalCase (`password_hash`,
 * `resetToken`, a JSON schema's `"dependentRequired": {"MasterUserPassword": ["MasterUsername"]}` naming a property).
 */
const WORD_IDENTIFIER = /^(?:[a-z]{2,20}(?:_[a-z]{2,20}){1,5}|[a-zA-Z][a-z]{1,19}(?:[A-Z][a-z]{1,20}){1,5})$/;
/**
 * A list under a name that holds secrets (`keys = ["…", "…"]` in TOML, `api_tokens: ["…"]`
 * in YAML flow style or JSON): each element is a value of that name, judged as if assigned
 * to it alone. Read at the keyword offsets: the name around the keyword, its separator and
 * an opening bracket, then up to `MAX_LIST_ELEMENTS` quoted elements, one at a time.
 */
const SECRET_LIST_OPEN = /["']?[ \t]{0,4}(?:=|:)[ \t]{0,4}\[/y;
const SECRET_LIST_ELEMENT = /[ \t]{0,40}(?:\r?\n[ \t]{0,40})?(?:"(?<dq>[^"\\\r\n]{1,300})"|'(?<sq>[^'\\\r\n]{1,300})')[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?<next>,|\])/y;
const MAX_LIST_ELEMENTS = 64;
/** A key fingerprint in colon-separated hex pairs (`ssh_keys = ["e4:3a:…"]` names keys, it holds none). */
const HEX_PAIR_FINGERPRINT = /^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7,63}$/;

function findSecretLists(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUpTo = -1;
  for (const offset of offsets) {
    if (offset < readUpTo) continue;
    let nameStart = offset;
    while (nameStart > 0 && offset - nameStart < 80 && isIdentifierCode(text.charCodeAt(nameStart - 1))) nameStart--;
    let nameEnd = offset;
    while (nameEnd < text.length && nameEnd - offset < 80 && isIdentifierCode(text.charCodeAt(nameEnd))) nameEnd++;
    readUpTo = nameEnd;
    SECRET_LIST_OPEN.lastIndex = nameEnd;
    if (!SECRET_LIST_OPEN.test(text)) continue;
    const key = classifyKey(text.slice(nameStart, nameEnd));
    if (key === undefined) continue;
    const judged = { category: key.category, quoted: true, weakKey: key.weak, file: options.file };
    let at = SECRET_LIST_OPEN.lastIndex;
    const values: string[] = [];
    const found: Span[] = [];
    for (let n = 0; n < MAX_LIST_ELEMENTS; n++) {
      SECRET_LIST_ELEMENT.lastIndex = at;
      const m = SECRET_LIST_ELEMENT.exec(text);
      if (m === null) break;
      const value = m.groups!['dq'] ?? m.groups!['sq']!;
      values.push(value);
      if (!HEX_PAIR_FINGERPRINT.test(value) && isPlausibleSecret(value, judged)) {
        const start = m.index + m[0].lastIndexOf(value);
        found.push({ start, end: start + value.length, category: key.category });
      }
      at = SECRET_LIST_ELEMENT.lastIndex;
      if (m.groups!['next'] === ']') break;
    }
    // A list of words and blanks (a tokenizer's `tokens = ["foo", " ", "bar", "19June2000"]`) holds no secrets, nor does
    // a list of names: a name that ends in what lists names (`PASSWORD_COLUMN_BLOCKLIST`, `secret_fields`), or members
    // that are all identifiers made of words (`["password_hash", "reset_token"]`, `["apiKey", "clientSecret"]`).
    if (!isListOfWords(values) && !NAME_LIST_WORD.test(text.slice(nameStart, nameEnd)) && !values.every((v) => WORD_IDENTIFIER.test(v))) spans.push(...found);
    readUpTo = at;
  }
  return spans;
}

export const structuredRules: Rule[] = [
  {
    id: 'secret-name-list',
    category: 'KEY',
    description: 'Each element of a list assigned to a secret-holding name (`keys = ["…", "…"]` in TOML, `api_tokens: ["…"]` in YAML or JSON), judged as a value of that name',
    keywords: ['key', 'secret', 'token', 'pass', 'pwd', 'cred'],
    pattern: /(?:key|secret|token|pass|pwd|cred)[\w.-]{0,60}["']?[ \t]{0,4}[=:][ \t]{0,4}\[[ \t]{0,40}(?:"[^"\\\r\n]{1,300}"|'[^'\\\r\n]{1,300}')/,
    find: findSecretLists,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[providers.mistral]\nkeys = ["hVckcAfdpqQQLb1x8BnljNJaZkp9EH7G", "uDWGLZK3YrfgyeHgvmNHWlMLOLHWCk4a"]',
        'api_tokens: ["Zk3mP9qR2vX8wL5nQ4tY7uI0"]',
        '"fallback_passwords": [\n  "Heron!Lantern-42",\n  "Quartz.orbit47&"\n]',
      ],
      noMatch: [
        'keys = ["name", "email", "created_at"]',
        'secret_fields = ["password", "api_key"]',
        'api_keys = ["${MISTRAL_KEY_1}", "${MISTRAL_KEY_2}"]',
        'primary_keys = ["Zk3mP9qR2vX8wL5nQ4tY7uI0"]',
        'tokens = ["<your-token>", "changeme"]',
        'ssh_keys = ["e4:3a:41:5f:e8:a4:9b:f0:ec:b6:cd:7d:28:17:c9:51"]',
        '"dependentRequired": {\n  "MasterUserPassword": [\n   "MasterUsername"\n  ]\n }',
        "tests = {'pass': [\"runf()\",\n                  \"In [1]: runf()\"]}",
      ],
    },
  },
  {
    id: 'escaped-json-credential',
    category: 'PASS',
    description: 'A credential in JSON held as an escaped string inside other JSON (HAR `postData.text`, logged request bodies): `\\"password\\": \\"…\\"`',
    keywords: ['\\"'],
    pattern: ESCAPED_JSON_PAIR,
    find: findEscapedJsonPairs,
    confidence: 'medium',
    examples: {
      match: ['"text": "{\\"username\\": \\"dana\\", \\"password\\": \\"Kingfisher-Oolong-4\\"}"', '"body": "{\\"api_key\\":\\"Zk3mP9qR2vX8wL5nQ4tY\\"}"', '"source": ["os.environ[\\"OPENAI_API_KEY\\"] = \\"Kq8zW3mLp0vX7nR2tY5uB9cD4eF6gH1jK3lM8nP0\\"\\n"]',
        // A rotation's body: the new secret from a variable, the old one written out under `previous`.
        'curl -d "{\\"secret\\": \\"$NEXT\\", \\"previous\\": \\"4b9e1f7c2a8d6e3b0f5a9c1d7e4b2a8f6c3e9d1b7a5f2c8e4d0b6a3f9e1c7d5b\\"}"',
      ],
      noMatch: [
        '"text": "{\\"username\\": \\"dana\\", \\"password\\": \\"********\\"}"',
        '"text": "{\\"password_min_length\\": \\"12\\"}"',
        // A rotation's member beside no secret's name: a release's versions, not keys.
        '"body": "{\\"channel\\": \\"stable\\", \\"previous\\": \\"9f2c4e7a1b8d3f6e0a5c2b9d8e7f1a4c3b6d9e2f\\"}"',
      ],
    },
  },
  {
    id: 'config-directive-password',
    category: 'PASS',
    description:
      'A password set by a server configuration directive without `=`: Redis `requirepass` / `masterauth` (and `CONFIG SET`, and the reply redis-cli prints to `CONFIG GET`), Sentinel `auth-pass`, keepalived `auth_pass`, bitcoind `rpcpassword`, HAProxy `insecure-password`, LDAP clients\' and slapd\'s `bindpw` / `rootpw`, a Wi-Fi passphrase in wpa_supplicant (`psk=`) or hostapd (`wpa_passphrase=`, `sae_password=`)',
    keywords: ['requirepass', 'masterauth', 'primaryauth', 'auth_pass', 'auth-pass', 'rpcpassword', 'insecure-password', 'bindpw', 'bind_pw', 'rootpw', 'psk', 'wpa_passphrase', 'sae_password'],
    pattern: CONFIG_DIRECTIVE,
    find: findConfigDirectives,
    confidence: 'high',
    examples: {
      match: ['port 6379\nrequirepass Ti9er-Lily-Quasar\n', 'masterauth Argyle.Harbor.4040', 'redis-cli CONFIG SET requirepass "Kq8zW3mLp0!"', 'sentinel auth-pass mymaster Xk2mP9qR7v', '    auth_pass Vrrp-Kq8z\n', 'rpcpassword=Zk3mP9qR2vX8wL5n', 'binddn cn=nslcd,dc=acme,dc=com\nbindpw Nslcd-Bind!Pw7\n', 'network={\n  ssid="acme-corp"\n  psk="Quartz-velvet-2024!"\n}\n', 'interface=wlan0\nwpa_passphrase=Hostapd!Wifi-77\n', '127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "f7Gq2LmZx9Vt4KcW8bRe"\n', 'user_data = <<-EOT\n  #cloud-config\n  write_files:\n    - path: /etc/redis/redis.conf\n      content: |\n            requirepass Hq7zP2mWk9Lx4Vb8Nr3T\n  EOT\n'],
      noMatch: ['            requirepass Kingfisher-Oolong\n', '              requirepass Hq7zP2mWk9Lx4Vb8Nr3T # rotated monthly\n', '                masterauth kingfisheroolongtea\n', '# requirepass foobared', 'requirepass foobared', 'requirepass ${REDIS_PASSWORD}', 'masterauth <master-password>', 'the requirepass directive sets a password', 'auth_pass 1111', '  psk="<your-wifi-password>"', '127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) ""\n', '127.0.0.1:6379> KEYS *\n1) "session:1"\n2) "requirepass"\n3) "f7Gq2LmZx9Vt4KcW8bRe"\n', 'PSK ciphers are disabled by default, and using TLS-PSK requires a cipher suite.\n'],
    },
  },
  {
    id: 'acl-password',
    category: 'PASS',
    description: 'A password added by a Redis ACL rule (`user alice on >… ~* +@all`, `ACL SETUSER`) or given to HAProxy\'s stats page (`stats auth user:…`)',
    keywords: ['on >', 'setuser', 'stats auth'],
    pattern: REDIS_ACL_PASSWORD,
    find: findAclPasswords,
    confidence: 'high',
    examples: {
      match: ['user alice on >Al1ce-Acl-Pw ~cached:* +get\n', 'redis-cli ACL SETUSER worker on >W0rker-Acl!x +@list', 'listen stats\n  stats auth admin:St4ts-Pw!x\n'],
      noMatch: ['user default on nopass ~* +@all\n', 'user alice on >${ALICE_PASSWORD} ~*\n', 'stats auth admin:$STATS_PASSWORD'],
    },
  },
  {
    id: 'redis-auth-command',
    category: 'PASS',
    description:
      "The password given to Redis's `AUTH` command (`AUTH <password>`, `AUTH <user> <password>`) where Redis is named: typed at redis-cli's prompt, piped to redis-cli, noted on a line that says redis, or in a `.redis` script",
    keywords: ['auth '],
    pattern: REDIS_AUTH_COMMAND,
    find: findRedisAuthCommands,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '# redis AUTH Xk7q-Lm2Vz9tR4wB\n',
        'printf "AUTH Hq4nT8kLr2xZm6Pv\\r\\n" | redis-cli -h cache.internal\n',
        '10.0.3.7:6379> auth cart-svc Jb5Wq8zN2rLm7TcX\n',
        'echo "AUTH worker Tz8Kq3Lm9Rv2Wx4N" | valkey-cli\n',
      ],
      noMatch: [
        '250-AUTH LOGIN PLAIN CRAM-MD5\nAUTH PLAIN AGRldkBhY21lLmlvAFN1cDNyU2VjcmV0\n',
        '# redis AUTH $REDIS_PASSWORD\n',
        '# redis AUTH <password>\n',
        'the redis AUTH command rejected\n',
        '# AUTH Xk7q-Lm2Vz9tR4wB (smtp relay)\n',
        'X-Auth Xk7q-Lm2Vz9tR4wB\n',
      ],
    },
  },
  {
    id: 'har-session-cookie',
    category: 'TOKEN',
    description: 'A session or auth cookie in a HAR capture\'s `cookies` list (`{"name": "sessionid", "value": "…"}`)',
    keywords: ['"cookies"'],
    pattern: HAR_NAME_VALUE,
    find: (text, options) => findHarCookies(text, options),
    confidence: 'medium',
    examples: {
      match: ['"cookies": [\n {\n "name": "sessionid",\n "value": "k2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4"\n }\n]'],
      noMatch: ['"cookies": [{"name": "theme", "value": "dark-high-contrast-mode"}]', '"cookies": [{"name": "csrftoken", "value": "k2mP9qR7vL4nZ8wQ3tYAb1Cd2Ef3Gh4"}]'],
    },
  },
  {
    id: 'pgbouncer-userlist-password',
    category: 'PASS',
    description: 'A password or md5 verifier in PgBouncer\'s auth file (`userlist.txt`: `"user" "…"`); a SCRAM secret there is a salted hash and stays alone',
    keywords: [], // bound to PgBouncer's auth file by path instead
    paths: PGBOUNCER_USERLIST_FILE,
    pattern: PGBOUNCER_USERLIST_LINE,
    find: findPgbouncerUserlist,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['"app" "Pgb-Userlist!Pw"'],
    },
  },
  {
    id: 'pgbouncer-userlist-quoted',
    category: 'PASS',
    description:
      "A PgBouncer `userlist.txt` line (`\"user\" \"…\"`) quoted after the file's name outside the file: a runbook's code block, a heredoc that writes the file",
    keywords: ['userlist.txt'],
    pattern: QUOTED_USERLIST_LINE,
    secretGroup: 'v',
    find: findQuotedUserlist,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '3. Update PgBouncer (`/etc/pgbouncer/userlist.txt`):\n   ```\n   "billing_app" "B1ll-App#pooler"\n   ```\n',
        'cat > /etc/pgbouncer/userlist.txt <<EOF\n"reporting" "md5a91c04e7d2b85f36c0e1947d3ab8625f"\nEOF\n',
      ],
      noMatch: [
        'cat > /etc/pgbouncer/userlist.txt <<EOF\n"reporting" "SCRAM-SHA-256$4096:c2FsdHNhbHQ=$Zm9vYmFy:YmF6cXV4"\nEOF\n',
        'Update `userlist.txt`:\n```\n"billing_app" "<password>"\n```\n',
        'Update `userlist.txt` and reload.\n\nprint "hello" "world-and-more" twice\n',
        'see userlist.txt\n"orders" "0rd3rs-App#bouncer" and more text',
      ],
    },
  },
  {
    id: 'key-file-token',
    category: 'KEY',
    description:
      'A key file (`*.key`, `*.secret`, `*.keyfile`, maybe `.b64`/`.hex`: MUNGE\'s `munge.key`, a MongoDB replica set\'s keyfile) holding one random token, maybe after comment lines',
    keywords: [], // bound to key files by path instead
    paths: KEY_FILE,
    pattern: KEY_FILE_TOKEN,
    find: findKeyFileToken,
    confidence: 'medium',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['# the cluster key\nq7Rt2LmZ9xWv4KpN8sYd3FhJ6gBc1TnE\n'],
    },
  },
  {
    id: 'rails-master-key',
    category: 'KEY',
    description: "Rails' master key file (`config/master.key`, `config/credentials/<env>.key`): the 32-hex key that decrypts the app's credentials",
    keywords: [], // bound to Rails' key files by path instead
    paths: RAILS_KEY_FILE,
    pattern: RAILS_KEY_BODY,
    find: findRailsKey,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['5f0c2a9e71b34d86a0e4c3b19f7d2e58\n'],
    },
  },
  {
    id: 'postfix-sasl-password',
    category: 'PASS',
    description: 'A relay password in Postfix\'s `sasl_passwd` map (`[smtp.example.com]:587 user:…`)',
    keywords: [], // bound to Postfix's sasl_passwd by path instead
    paths: SASL_PASSWD_FILE,
    pattern: SASL_PASSWD_LINE,
    find: findSaslPasswd,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['[smtp.office365.com]:587 alerts@acme.io:Tundra#falcon66'],
    },
  },
  {
    id: 'ipsec-secrets-password',
    category: 'PASS',
    description: 'A pre-shared key or user password in strongSwan/Libreswan `ipsec.secrets` (`%any : PSK "…"`, `alice : EAP "…"`, `: XAUTH "…"`)',
    keywords: ['psk', 'eap', 'xauth', 'ntlm'],
    // The selector list before the colon may be empty; the secret type is upper case in these
    // files. The colon is looked behind, so that a match starts at its keyword and is tried
    // only there.
    pattern: /(?<=(?:^|[ \t]):[ \t]{1,8})(?:PSK|EAP|XAUTH|NTLM)[ \t]{1,8}"(?<v>[^"\r\n]{1,200})"/m,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (value, ctx) => isPlausiblePassword(value, ctx.file),
    confidence: 'high',
    examples: {
      match: ['%any %any : PSK "Nimbus-Harbor-0x7f"', 'alice : EAP "Cedar!orbit64"'],
      noMatch: [': PSK "<pre-shared-key>"', ': RSA moonKey.pem', 'type: PSK "changeme"'],
    },
  },
  {
    // ipsec.secrets writes a secret in quotes, or unquoted and encoded: `0s` opens base64, `0x` hex.
    id: 'ipsec-secrets-encoded-key',
    category: 'PASS',
    description: 'A pre-shared key or password in `ipsec.secrets` written encoded rather than quoted: `: PSK 0s<base64>` or `: PSK 0x<hex>`',
    keywords: ['psk', 'eap', 'xauth', 'ntlm'],
    pattern: /(?<=(?:^|[ \t]):[ \t]{1,8})(?:PSK|EAP|XAUTH|NTLM)[ \t]{1,8}0[sx](?<v>[A-Za-z0-9+\/]{8,400}={0,2})(?![\w+\/=])/m,
    startsAtKeyword: true,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (value) => !isPlaceholder(value),
    confidence: 'high',
    examples: {
      match: ['203.0.113.7 %any : PSK 0sQm9yZWFsLVRpZGUtNzEhR2F0ZQ==', ': PSK 0x7c41e9a05b3d82f6c1a9e4b7'],
      noMatch: [': PSK 0sXXXXXXXXXXXXXXXX', 'type: PSK 0sQm9yZWFsLVRpZGUtNzEhR2F0ZQ==', ': PSK "0x"'],
    },
  },
  {
    id: 'aspnet-machine-key',
    category: 'KEY',
    description: 'The validation and decryption keys of an ASP.NET `<machineKey>` (Web.config), which sign and encrypt view state and auth cookies',
    keywords: ['validationkey', 'decryptionkey'],
    pattern: MACHINE_KEY,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (value) => !isPlaceholder(value) && !/^(.)\1+$/.test(value) && (/^[A-Fa-f0-9]+$/.test(value) || characterSwitches(value) >= 12),
    confidence: 'high',
    examples: {
      match: [
        '<machineKey validationKey="16BAF4DC800988C8699123AEC842D4E46709DC5AE215F7DA45D54DC672305AC256C4313FEF906207807A5E06B1AAE98AD3291D885691C59F1B5AEA2DF1F0D64F" decryptionKey="118BAC3D8E5E433312AE392904CB21096E873E807CCA63610524FB58224DA2D0" validation="HMACSHA256" decryption="AES" />',
        '<machineKey validationKey="r7QmZ2xLw9KpT4vNc8HsB3yJd6FgA1eUo5WiX0tRq2MzLn7VbK4hPj9CsD3fGy8E" decryption="AES" />',
      ],
      noMatch: ['<machineKey validationKey="AutoGenerate,IsolateApps" decryptionKey="AutoGenerate,IsolateApps" />', '<machineKey validationKey="0000000000000000000000000000000000000000000000000000000000000000" />'],
    },
  },
  {
    id: 'kubernetes-secret-data',
    category: 'CRED',
    description: 'A value under `data` / `stringData` of a Kubernetes `kind: Secret` manifest (base64 or plain, block scalars included)',
    keywords: ['kind: secret', 'kind:secret', 'kind: "secret"', "kind: 'secret'"],
    pattern: DATA_BLOCK,
    find: findKubernetesSecretData,
    confidence: 'high',
    examples: {
      match: [
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: UzNjcjN0UGFzc3dvcmQhMjAyNA==\n',
        'kind: Secret\nstringData:\n  SMS_AUTH_TOKEN: "0f3e9b2c7d1a4e8f6b5c0d9e2a7f3b1c"\n  SMS_API_KEY_SID: "SK0f3e9b2c7d1a4e8f6b5c0d9e2a7f3b1c"\n',
        // The secrets beside a front end's public keys keep their names and shapes.
        'kind: Secret\nstringData:\n  DOCSEARCH_ADMIN_API_KEY: "5e1f7a9c3b2d4f6a8c0e1b3d5f7a9c2e"\n  PAYMENTS_API_KEY: "AQEyhmfxKo3NaRZGw0m/n3Q5qf3VaY9UCJ14XWZE03G/k2NFis5HC0ar0Ve_m3g8QTQRjXnd7l8P5nTcEMFdWw"\n',
        'apiVersion: v1\ndata:\n  .dockercfg: |\n    eyJhdXRocyI6eyJodHRwczovL2V4YW1wbGUvdjEvIjp7ImF1dGgiOiJvcGVuc2VzYW1lIn19fQo=\nkind: Secret\n',
      ],
      noMatch: [
        'kind: Secret\ndata:\n  htpasswd: {{ htpasswd }}\n',
        'kind: ConfigMap\ndata:\n  password: UzNjcjN0UGFzc3dvcmQhMjAyNA==\n',
        'kind: Secret\nmetadata:\n  name: a\n---\nkind: ConfigMap\ndata:\n  key: UzNjcjN0UGFzc3dvcmQhMjAyNA==\n',
        'kind: Secret\nstringData:\n  db-password: ENC[AES256_GCM,data:O+5l4g==,iv:c/dS4BCBMbnKsXYuzBuCuVQt8RV9bOv5HgdpL+iwmns=,type:str]\n',
        'kind: Secret\ndata:\n  DB_USER: cmVwb3J0aW5nX2FwcA==\n',
        'kind: Secret\ndata:\n  app-name: cGF5bWVudHMtaHVi\n',
        'kind: Secret\ndata:\n  ADMIN_PASSWORD: Y2hhbmdlbWUxMjM=\n  DEMO: dGVzdDEyMzQ=\n',
        'kind: Secret\nstringData:\n  JIRA_BASE_URL: https://acme-ops.atlassian.net\n',
        'kind: Secret\nstringData:\n  type: git\n  url: git@github.com:acme-platform\n',
        'kind: Secret\nstringData:\n  url: ssh://git@gitlab.com:2222/acme/infra.git\n',
        'kind: Secret\nstringData:\n  SMS_ACCOUNT_SID: "AC0f3e9b2c7d1a4e8f6b5c0d9e2a7f3b1c"\n',
        // Keys made for the storefront's browser code: public by their format or by the vendor's name for them.
        'kind: Secret\nstringData:\n  PAYMENTS_CLIENT_KEY: "test_Q7WD3KZP5RMB2YHXN8TCF4LJ6VGA9E1S"\n',
        'kind: Secret\nstringData:\n  CHECKOUT_PK: "pk_test_51HqZr2Lk9mPw4TxVb7NcYs3Ad6FgJ8uE1oQiW5zRtKy0Mn2Bv4Cx6Dz8Ea1Fb3Gc5Hd7Je9Kf"\n',
        'kind: Secret\nstringData:\n  DOCSEARCH_SEARCH_API_KEY: "5e1f7a9c3b2d4f6a8c0e1b3d5f7a9c2e"\n',
      ],
    },
  },
  {
    id: 'kubernetes-secret-json-data',
    category: 'CRED',
    description: 'A value under `data` / `stringData` of a Kubernetes Secret written as JSON (`kubectl get secret -o json`, the `last-applied-configuration` annotation, also escaped into a JSON string)',
    keywords: ['"kind":"secret"', '"kind": "secret"', '\\"kind\\":\\"secret\\"'],
    pattern: /\\?"kind\\?"[ \t]{0,4}:[ \t]{0,4}\\?"Secret/i,
    find: findKubernetesSecretJson,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '{"apiVersion":"v1","data":{"REDIS_URL":"cmVkaXM6Ly9kZWZhdWx0OnNmSjJoMGpsWEphM3JadjlmTWhRQmxzREByZWRpcw=="},"kind":"Secret","metadata":{"name":"env"}}',
        '{\n  "kind": "Secret",\n  "metadata": {"name": "db"},\n  "stringData": {"password": "Harbor-Lights-1821"}\n}',
        '"kubectl.kubernetes.io/last-applied-configuration": "{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"REDIS_URL\\":\\"cmVkaXM6Ly9kZWZhdWx0OnNmSjJoMGpsWEphM3JadjlmTWhRQmxzREByZWRpcw==\\"},\\"kind\\":\\"Secret\\"}\\n"',
      ],
      noMatch: [
        '{"apiVersion":"v1","data":{"REDIS_URL":"cmVkaXM6Ly9kZWZhdWx0OnNmSjJoMGpsWEphM3JadjlmTWhRQmxzREByZWRpcw=="},"kind":"ConfigMap"}',
        '{"kind":"Secret","metadata":{"name":"db","labels":{"app.kubernetes.io/name":"payments-api-database"}},"type":"Opaque"}',
      ],
    },
  },
  {
    id: 'terraform-random-password-result',
    category: 'PASS',
    description: 'The `result` of a Terraform `random_password` resource in a state file or `terraform show -json` output',
    keywords: ['random_password"'],
    pattern: RANDOM_PASSWORD_TYPE,
    find: findRandomPasswordResults,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '{"address":"random_password.grafana_admin","type":"random_password","name":"grafana_admin","values":{"id":"none","length":20,"result":"q}L7#Vd2_mR!x9Pz@4Kc","special":true}}',
        '{\n  "mode": "managed",\n  "type": "random_password",\n  "instances": [\n    {"attributes": {"bcrypt_hash": "$2a$10$abcdefghijklmnopqrstuv", "result": "Wq8#zL2!mPx7Rt"}}\n  ]\n}',
      ],
      noMatch: [
        '{"type":"random_string","values":{"result":"q}L7#Vd2_mR!x9Pz@4Kc"}}',
        '{"type":"random_password","values":{"length":20,"result":null}}',
      ],
    },
  },
  {
    id: 'terraform-sensitive-value',
    category: 'CRED',
    description: 'A value Terraform marks sensitive, stored in clear in a state file (`sensitive_attributes`) or `terraform show -json` output (`sensitive_values`)',
    keywords: ['"sensitive_values"', '"sensitive_attributes"'],
    pattern: /"sensitive_(?:values|attributes)"/,
    find: findTerraformSensitiveValues,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '{"address":"kubernetes_secret.env","type":"kubernetes_secret","values":{"data":{"LICENSE_BLOB":"Wq8zL2mPx7RtK4vN9bC3"},"type":"Opaque"},"sensitive_values":{"data":true}}',
        '{"schema_version":0,"attributes":{"id":"db","master_user_secret":"Kq8zW3mLp0vX7nR2","port":5432},"sensitive_attributes":[[{"type":"get_attr","value":"master_user_secret"}]]}',
      ],
      noMatch: [
        '{"values":{"data":{"LICENSE_BLOB":"Wq8zL2mPx7RtK4vN9bC3"}},"sensitive_values":{}}',
        '{"attributes":{"bcrypt_hash":"$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"},"sensitive_attributes":[[{"type":"get_attr","value":"bcrypt_hash"}]]}',
      ],
    },
  },
  {
    id: 'jwk-private-key',
    category: 'PKEY',
    description: 'The private members of a JSON Web Key (`d`, `p`, `q`, `dp`, `dq`, `qi`, or a symmetric `k`)',
    keywords: ['"kty"'],
    pattern: JWK_PRIVATE,
    find: findJwkPrivateMembers,
    confidence: 'high',
    examples: {
      match: ['{"kty": "EC", "crv": "P-256", "d": "slaQqyHQPudOpq2mbDskum8rOu9IMkLGjINAFWwfqr-", "x": "abc"}'],
      noMatch: ['{"kty": "EC", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}'],
    },
  },
];
