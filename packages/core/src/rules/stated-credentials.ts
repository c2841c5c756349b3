import { shannonEntropy } from '../entropy.js';
import type { DetectOptions, Rule, RuleContext, Span } from '../types.js';
import { isNameShaped, isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import { mixesClasses, notPlaceholder, notPlaceholderNorCounted } from './providers/shape.js';
import { namedMapLiteralSpans } from './generic.js';
import { lineAround } from '../line-index.js';
import { ACCESS_CODE_ROLES, captionNamesKeypadCodes, CODE_GIVEN_AS, titleHoldsCodes, CODE_MARK, codeDigits, isProsePin, isStandInDigits, KEYPAD_CODE_NOUNS, KEYPAD_DIGITS, KEYPAD_GUARD, labelNamesOtherCode, linesCodeStandIn, LOCKED_ROOM_QUALIFIER, NOT_ACCESS_PIN_LEAD, PIN_OWNERS, PIN_PART_OWNERS } from './access-codes.js';
import { forEachMatchAt } from '../sticky.js';

/**
 * A `user:password` or `user / password` pair right after words that say it is a login: a log line that prints the
 * credentials it failed with (`auth failed for solr_admin:…`, `login failed for deploy:…`) and a note that states them
 * (`credentials (staging): rpcuser / …`, `the APN credentials are \`apn.user\` / …`). The words make the pair a login; the password must still look generated —
 * letters of both cases and a digit, password-shaped — so `host:port`, `user:42`, a time and prose stay out.
 */
const STATED_PAIR =
  /(?:auth(?:entication)? failed for|login(?: failed)? for|credentials(?:[ \t]{1,2}\([\w .,-]{1,30}\))?(?::|[ \t]{1,2}are)?)[ \t]{1,3}(?:user[ \t]{1,3})?(?:`[A-Za-z][\w.@-]{0,40}`[ \t]\/[ \t]|["'`]?[A-Za-z][\w.@-]{0,40}(?::|[ \t]\/[ \t]))(?<v>[^\s:'"`/]{9,63}[^\s:'"`/.])(?=["'`]?(?:[\s,;)]|\.?$|\.\s))/i;

/**
 * A pre-shared secret that prose states by name: a docstring or a note saying which token a peer expects
 * (`The rotator expects the pre-shared token K7…Q as the first frame`, `pre-shared key: …`), or by its abbreviation
 * (a runbook's WireGuard `endpoint …:51820, PSK …`, a Wi-Fi's `PSK: …`); not strongSwan's `selector : PSK 0s…`, whose
 * encoding prefix ipsec-secrets-encoded-key reads off. "Pre-shared" says
 * the value is a secret both ends hold; the value must look generated — letters and digits, 16 or more,
 * no word — so `pre-shared key authentication` and `the pre-shared key PSK_FROM_VAULT` stay out.
 */
const STATED_PRE_SHARED =
  /(?:pre[- ]?shared[ \t]{1,2}(?:token|key|secret|passphrase)|(?<![A-Za-z0-9])(?<!:[ \t]{1,4})psk)(?:[ \t]{1,3}(?:is|=|:)|:)?[ \t]{1,3}["'`]?(?<v>[A-Za-z0-9+/=_-]{16,128})(?=["'`]?(?:[\s,;)]|\.|$))/iy;

/**
 * A value written right after the noun phrase that names it as a credential, with no colon or verb between: an audit
 * table's "API token 9f…c2 in job config", a log's "loaded signing key 4e…0b for kid=…", a note's "secret key Kq…7Z".
 * The phrase must name a secret (an API token or key, an access, auth, bearer, admin, refresh or session token, a
 * secret, signing, private, master or encryption key, a client, API or app secret), not one public by name (`public
 * signing key`, `site key`); the value must look generated — letters and digits mixed, 16 or more, no word — and be
 * neither a UUID (an id) nor 40 hex digits (a commit, a SHA-1, a PGP fingerprint). A digest's words (`sha256`,
 * `checksum`, `fingerprint`) after the phrase are the value tried and are no value. The phrase may be written as one
 * word, as an API's error message names its parameter (`"Invalid AccessToken 9C18…-EF32…"` in an export of sync
 * errors, `ApiKey …`); the message's closing quote may end the value. A bare `secret` names one too (a chat's "access … secret
 * …", a comment's `# secret …`), but a word so common wants the value drawn: letters of both cases and digits, or hex of a
 * key's length. The phrase opens a word: the end of a longer
 * name (`getAccessToken`) or a setting's key after its section (git's `user.signingkey <GPG key id>`) is not it.
 */
const STATED_NOUN_VALUE =
  /(?<![\w.])(?<!(?:public|publishable|site|verification|verifying|pgp|gpg)[ \t_-]?)(?<noun>api[ \t]?(?:token|key|secret)|(?:access|auth|bearer|admin|refresh|session)[ \t]?token|(?:secret|signing|private|master|encryption|session)[ \t]?key|(?:client|app)[ \t]?secret|secret|(?<!(?:ssh|host|cache|sort|partition|primary|foreign|index|idempotency|lookup|object|product|registry|deploy)[ \t_-]?)key)[ \t]{1,2}(?<v>[A-Za-z0-9][A-Za-z0-9+\/=_.-]{14,198}[A-Za-z0-9+\/=_-])(?=[\s,;)\]|"'`]|\.(?:\s|$)|$)/iy;

/**
 * An API or access key's id stated in prose and its secret right after it (`API key SK… / secret …`, `access key AKIA…,
 * secret …`), as a docstring or a note hands over a key pair: the id is named, so the value after "secret" is the
 * pair's other half. The secret may open the next line, after the same comment's marker (Terraform's `# access key id
 * AKIA…` over `# secret …`). The id is one generated-looking word; the secret must mix letters of both cases and digits.
 */
const STATED_KEY_SECRET =
  /(?:(?:api|access)[ \t]key(?:[ \t]id)?[ \t]{1,2}["'`]?[A-Za-z0-9][\w-]{7,63}["'`]?[ \t]{0,2}(?:\/|,|&|\+|and|\r?\n[ \t]{0,8}(?:#|\/\/|--|;|\*)?)|(?<![A-Za-z0-9])(?:SK(?:[0-9a-f]{32}|[0-9A-F]{32})|(?:AKIA|ASIA)[A-Z2-7]{16})["'`]?[ \t]{0,2}(?:\/|,|;|&|\+|and|\r?\n[ \t]{0,8}(?:#|\/\/|--|;|\*)?)?)[ \t]{0,2}(?:its[ \t])?secret(?:[ \t]key)?[ \t]{1,2}["'`]?(?<v>[A-Za-z0-9][A-Za-z0-9+\/=_-]{14,126}[A-Za-z0-9+\/=_-])(?=["'`]?(?:[\s,;)\]|]|\.(?:\s|$|["'`])|$))/iy;
/**
 * A key id that says by its own prefix what it is, so no "API key" words are needed before it: a Twilio API key's SID
 * (`SK` + 32 hex), an AWS access key id. A chat's "new key is SK… secret …" hands over the pair just the same.
 */
const KEY_ID_OWN_PREFIX_KEYWORDS = ['sk', 'akia', 'asia'];
/** A secret written as hex of a generated key's length, in one case: random bytes, though it mixes only two classes. */
const ONE_CASE_KEY_HEX = /^(?:[0-9a-f]{32}|[0-9A-F]{32}|[0-9a-f]{40}|[0-9A-F]{40}|[0-9a-f]{64}|[0-9A-F]{64})$/;

/**
 * A pair's secret: letters of both cases and digits, spread enough (entropy 3.5), or one-case hex of a key's length,
 * whose sixteen symbols cap its entropy lower (3.0 is still far above a word's or a counted run's).
 */
function isPairSecretShape(v: string): boolean {
  if (ONE_CASE_KEY_HEX.test(v)) return true;
  return mixesClasses(v, 3) && shannonEntropy(v) >= 3.5;
}

/**
 * A shared secret told as what something is signed with: a partner's wiki "Their webhook callbacks are signed with
 * `whk_…`", a note "we sign every request using …", "payloads are HMAC-SHA256 signed with …". The verb opens it (sticky
 * at `signed`, `signs`, `sign`, `hmac`), a few words may name what is signed, then `with`/`using`, maybe "the key"; `v` is
 * the value, bare or in quotes or code marks. Signed *by* names a signer (a CA, a person), not a key.
 */
const SIGNED_WITH_VALUE =
  /(?<![\w-])(?:sign(?:ed|s)?|hmac(?:[ -]?sha-?(?:1|256|384|512))?(?:[ -]signed)?)(?:[ \t][^\r\n`'".!?;:,()=]{0,40}?)?[ \t](?:with|using)[ \t]{1,2}(?:(?:the|their|our|its|this|a)[ \t]{1,2})?(?:(?:shared[ \t])?(?:secret|key|token)[ \t]{1,2})?(?<q>[`'"]?)(?<v>[A-Za-z0-9][A-Za-z0-9_+\/=.-]{14,198}[A-Za-z0-9_+\/=-])(?=[`'"]?(?:[\s,;)\]]|\.(?:\s|$)|$))/iy;

/**
 * What a signing secret looks like: drawn, with letters of both cases and digits spread (entropy 3.5), no identifier's
 * shape (`WEBHOOK_SIGNING_SECRET`, an environment variable's name) and no file's or algorithm's name; hex alone is a key
 * id's or a fingerprint's (`signed with GPG key 4AEE18F83AFDEB23`, a certificate's thumbprint), so it is left.
 */
function isSigningSecretShape(v: string, file: string | undefined, quote: string): boolean {
  return mixesClasses(v, 3) && shannonEntropy(v) >= 3.5 && !SCREAMING_NAME.test(v) && notPlaceholderNorCounted(v) &&
    isPlausibleSecret(v, { category: 'KEY', quoted: quote !== '', file });
}

/** A UUID: an id, whatever it names. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Nouns of a key a service issues for calling it (`API key`, `API token`, `access token`, `auth token`): 40 hex digits
 * after one are such a key (many services issue 20 random bytes in hex), where after a signing, private or master key
 * they are the key's fingerprint or a commit.
 */
const ISSUED_KEY_NOUN = /^(?:api[ \t]?(?:token|key|secret)|(?:access|auth)[ \t]?token)$/i;

/**
 * After the bare noun `key` (a mail's "calendar feed key …", "the licence key …"), which also names a cache's, a map's
 * or a row's key, only a value drawn at random counts: 20 characters or more, letters of both cases and digits, spread
 * (entropy 4), and not the base64 of an SSH public key (`AAAA…`), which the word `key` often stands before.
 */
function isDrawnKeyShape(v: string): boolean {
  return v.length >= 20 && mixesClasses(v, 3) && shannonEntropy(v) >= 4 && !v.startsWith('AAAA') && !ASSIGNMENT_INSIDE.test(v);
}
/** A `name=value` after the noun (`fallback key hub_key=…`): an assignment, whose value the assignment rules read alone. */
const ASSIGNMENT_INSIDE = /=[^=]/;

/** Whether a value stated after a credential's noun looks generated: letters and digits, no UUID, no 40-hex digest, no name. */
function isStatedNounValue(v: string, file: string | undefined, noun = ''): boolean {
  if (/^secret$/i.test(noun) && !isPairSecretShape(v)) return false;
  if (/^key$/i.test(noun) && !isDrawnKeyShape(v)) return false;
  const digest = /^[0-9a-f]{40}$/i.test(v) && !ISSUED_KEY_NOUN.test(noun);
  return /\d/.test(v) && /[A-Za-z]/.test(v) && (v.match(/\d+/g) ?? []).length >= 3 && !UUID.test(v) && !digest &&
    !SCREAMING_NAME.test(v) && notPlaceholder(v) && isPlausibleSecret(v, { category: 'KEY', quoted: false, file });
}

/** An identifier, not a value: `PSK_FROM_VAULT`, `ROTATOR_TOKEN_V2`. */
const SCREAMING_NAME = /^[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}$/;

/**
 * A literal whose name says nothing (`var fallback = "…";`) but whose trailing comment on the same line names it a
 * credential: `// ConvertAPI secret, prod`, `# staging password`, `-- API key (old)`. The comment is short and plain:
 * up to three words (a product, an environment) and then the credential's noun, ending there or at a comma,
 * parenthesis, colon or dash. `// not a secret`, `// secret santa`, `// key for the cache`, `// see the password
 * policy` stay silent. The literal, assigned or a member's value, must look generated (no spaces, 8 or more).
 */
const CREDENTIAL_NOTE =
  /^(?:[A-Za-z][\w.-]{0,30}[ \t]{1,2}){0,3}(?<noun>secret|password|passwd|token|api[ _-]?key|access[ _-]?key|secret[ _-]?key)(?:[ \t]{0,2}[,(:;-][^\r\n]{0,100})?$/i;
/** Words that say a commented value is not the real credential. */
const NOT_A_CREDENTIAL_NOTE = /\b(?:not|no|non|never|fake|dummy|example|sample|placeholder|test|mock|old|expired|revoked|public)\b/i;
/** The literal right before the comment: after `=`, `:` or `=>`, a statement's `;` or a member's `,` maybe. */
const LITERAL_BEFORE_COMMENT = /(?:=|:|=>)[ \t]{0,4}(?:"(?<dq>[^"'\\\s]{8,200})"|'(?<sq>[^"'\\\s]{8,200})')[ \t]{0,4}[;,]?[ \t]{0,4}$/;

/** How far back from the credential's word the comment's opener may be, and how far the comment may run after it. */
const NOTE_REACH = 120;

function findCommentedLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUntil = -1;
  for (const offset of offsets) {
    if (offset < readUntil) continue;
    // The comment's opener is the nearest `//` or `#` before the word, on its line and at most NOTE_REACH back.
    let opener = -1;
    let width = 0;
    for (let i = offset - 1; i >= 0 && offset - i <= NOTE_REACH; i--) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) break;
      if (c === 35 /* # */) {
        opener = i;
        width = 1;
        break;
      }
      if (c === 47 /* / */ && i > 0 && text.charCodeAt(i - 1) === 47) {
        opener = i - 1;
        width = 2;
        break;
      }
    }
    if (opener < 0) continue;
    let lineEnd = offset;
    while (lineEnd < text.length && lineEnd - offset <= NOTE_REACH && text.charCodeAt(lineEnd) !== 10) lineEnd++;
    readUntil = lineEnd;
    const note = text.slice(opener + width, lineEnd).trim();
    const named = CREDENTIAL_NOTE.exec(note);
    if (named === null || NOT_A_CREDENTIAL_NOTE.test(note)) continue;
    let lineStart = opener;
    while (lineStart > 0 && opener - lineStart < 240 && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
    const before = text.slice(lineStart, opener);
    const m = LITERAL_BEFORE_COMMENT.exec(before);
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    const category = /pass/i.test(named.groups!['noun']!) ? 'PASS' : 'KEY';
    if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file }) || !mixesClasses(value, 2)) continue;
    const start = lineStart + m.index + m[0].indexOf(value);
    spans.push({ start, end: start + value.length, category });
  }
  return spans;
}

/**
 * A map literal whose name says nothing (`var partners = map[string]string{`, `gslt = {`) under a comment line that names
 * its entries credentials: `// FlourMill partner credentials (prod)`, `# Game server login tokens (GSLT), one per slot`.
 * The comment is short and plain, as a trailing one must be (up to four words, then the plural noun, ending there or at a
 * comma, parenthesis, colon or dash), on its own line right above the map's line, or above one more comment line. Each
 * entry then is one credential when it looks generated (`"test-partner": "changeme"` stays silent); under a bare `keys`
 * every entry must, or the map holds something else's keys.
 */
const MAP_NOTE =
  /^(?:[A-Za-z][\w.-]{0,30}[ \t]{1,2}){0,4}(?<noun>credentials|passwords|secrets|tokens|(?:api[ _-]?)?keys)(?:[ \t]{0,2}[,(:;-][^\r\n]{0,100})?$/i;
/** A line that assigns a map literal: a name, maybe typed (`: Record<string, string>`), `=` or `:=`, then `{` or Go's `map[K]V{`. */
const MAP_OPENER_LINE = /^[ \t]{0,40}[A-Za-z_$][^=\r\n"'{}]{0,120}=[ \t]{0,4}(?:map\[[\w.*]{1,30}\](?:interface\{\}|[\w.*]{1,30}))?\{/;

function lineEndAt(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end;
}

/** Whether the line starting at `start` is a comment alone (`//` or `#` after blanks); the offset after its opener, or -1. */
function commentLineBody(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (text.charCodeAt(i) === 35 /* # */) return i + 1;
  if (text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 47 /* // */) return i + 2;
  return -1;
}

function findCommentNamedMaps(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUntil = -1;
  for (const offset of offsets) {
    if (offset < readUntil) continue;
    // Read back no further than a note's reach: on a megabyte-long line, a full scan back per keyword would be quadratic.
    const lineStart = lineAround(text, offset, NOTE_REACH).start;
    if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) continue;
    const lineEnd = lineEndAt(text, offset);
    readUntil = lineEnd;
    const body = commentLineBody(text, lineStart, lineEnd);
    if (body < 0 || body > offset) continue;
    const note = text.slice(body, lineEnd).trim();
    const named = MAP_NOTE.exec(note);
    if (named === null || NOT_A_CREDENTIAL_NOTE.test(note)) continue;
    // The map's line is the next one, or the one after a second comment line.
    let next = lineEnd + 1;
    for (let hop = 0; hop < 2 && next < text.length; hop++) {
      const nextEnd = lineEndAt(text, next);
      if (commentLineBody(text, next, nextEnd) < 0) break;
      next = nextEnd + 1;
    }
    if (next >= text.length) continue;
    const opener = MAP_OPENER_LINE.exec(text.slice(next, Math.min(lineEndAt(text, next), next + 240)));
    if (opener === null) continue;
    const noun = named.groups!['noun']!.toLowerCase();
    const category = noun === 'passwords' ? 'PASS' : noun === 'credentials' ? 'CRED' : 'KEY';
    spans.push(...namedMapLiteralSpans(text, next + opener[0].length - 1, category, noun === 'keys', options.file));
  }
  return spans;
}

/**
 * A password given in a parenthesised aside, after its abbreviation or its name: `psql -h db -U reporting (pw …)`,
 * `ssh ops@bastion (password …)`. The aside names nothing else, so the word that follows is the password; it must be
 * password-shaped (letters of both cases and a digit), so `(password required)` or `(pw reset)` stays out. A remark on
 * it may close the aside after a dash, a comma or a semicolon (an incident's "logged into the router (password … - since
 * changed)", `(pw …; rotate monthly)`).
 */
const PARENTHESISED_PASSWORD =
  /\((?:pw|pwd|pass|passwd|password)[ \t]{1,2}(?<v>[^\s()'"`<>{}$]{6,64})(?:(?:[ \t]{1,2}[-–—]|[,;])[ \t]{1,2}[^()\r\n]{1,60})?\)/iy;
const BOTH_CASES_AND_DIGIT = /^(?=[^a-z]{0,64}[a-z])(?=[^A-Z]{0,64}[A-Z])(?=\D{0,64}\d)/;
/**
 * A password named as a sentence's subject and given in brackets right after it, the sentence going on with `is` or `was`
 * (`The old shared password from before 2022 (Crown&Bridge99) is dead everywhere`, `the VPN password (…) was rotated`):
 * an aside that states the value. What it was for or from may stand between, after a preposition, in a few words.
 */
const BRACKETED_PASSWORD_SUBJECT =
  /password(?:[ \t]{1,2}(?:from|for|on|of|used[ \t]{1,2}(?:on|for|by))[ \t]{1,2}[^\r\n()`'"=:]{1,40}?)?[ \t]{1,2}\((?<v>[^\s()'"`<>{}$]{6,64})\)[ \t]{1,2}(?:is|was|has[ \t]been)[ \t]/iy;

/**
 * A password in code marks in brackets right after the word, maybe after a word that dates it (an incident's "still using
 * the old password (\`…\`); restarted it", a follow-up's "Rotate the NOC password (was \`…\` since 2022)"): the code marks
 * set the value apart and the bracket hangs it on the noun. A remark may close the aside (`since 2022`).
 */
const PASSWORD_CODE_SPAN_ASIDE =
  /password[ \t]{1,2}\((?:(?:was|is|previously|formerly|old|now|currently|new)[ \t:]{1,3})?`(?<v>[^`\s]{6,64})`(?:[,;]?[ \t]{1,2}[^()`\r\n]{1,60})?\)/iy;
/** A name in capitals, a flag or a variable: what code marks after `password (` give as often as a value (`PASSWORD_FILE`, `--password`). */
const NAMED_NOT_VALUE = /^(?:[A-Z0-9_]{2,64}|[-$%{<].*)$/;

/** Letters and a digit, with both cases or a symbol (`Slate-Roof-2291`, `kiln-door-5512`): a password's mix, and no name. */
function isCodeSpanAsidePassword(value: string): boolean {
  const mixed = /[A-Za-z]/.test(value) && /\d/.test(value) && (mixesClasses(value, 3) || /[^A-Za-z0-9]/.test(value));
  return mixed && !NAMED_NOT_VALUE.test(value) && !/[\/\\]/.test(value) && !isRunTogetherName(value);
}

/**
 * Words and digits run together with no mark between them (`ReportingDb2024Main`) are how code names a thing, a database
 * or a secret's entry in a vault, as often as a password: such a name in code marks after `password (` stays prose. Words
 * joined by a hyphen or given a symbol (`Slate-Roof-2291`, `Turnstile4Ever!`) are a password made to be remembered.
 */
function isRunTogetherName(value: string): boolean {
  return /^[A-Za-z0-9]+$/.test(value) && isNameShaped(value);
}

/**
 * A remote-support session's password given beside the session's ID, as tickets and mails hand a vendor the way in
 * (`TeamViewer ID 1 284 551 903, password …`, `via AnyDesk (ID 482 993 017), session password …`): the tool and its ID make
 * the pair a login, so the password may be short and of one case (TeamViewer makes six to eight letters and digits). The
 * ID's grouped digits come first and are never the value. Sticky at the tool's name.
 */
const REMOTE_SESSION_PASSWORD =
  /(?:teamviewer|anydesk|rustdesk)\b[^\r\n\d.;]{0,40}?\d{1,4}[ \t]?\d{3}[ \t]?\d{3}(?:[ \t]?\d{3})?\)?(?:[ \t]{0,2}[,;]|[ \t]{1,2}and)?[ \t]{1,3}[^\r\n\d.;:]{0,30}?\b(?:password|passwd|pw|pwd|passcode)(?:[ \t]{1,2}(?:is|was)|[ \t]{0,2}[:=])?[ \t]{1,3}["'`]?(?<v>[^\s"'`]{3,39}[^\s"'`.,;:!?)])(?=["'`]?(?:[.,;:!?)]{0,2}(?:\s|$)))/iy;
/** A second factor named where a password would stand (`password 2FA-protected`): a remark, not the value. */
const SECOND_FACTOR_REMARK = /^(?:2fa|mfa|otp|2-?step)/i;

/** Letters and a digit, or both cases and a symbol: what a session's password has and the words of a remark on it do not. */
function isRemoteSessionPassword(value: string, file: string | undefined): boolean {
  const made = (/[A-Za-z]/.test(value) && /\d/.test(value)) || (/[a-z]/.test(value) && /[A-Z]/.test(value) && /[^A-Za-z0-9]/.test(value));
  return made && !SECOND_FACTOR_REMARK.test(value) && isPlausiblePassword(value, file);
}

/**
 * A bank's memorable word or information, or an account's secret answer, stated in a message or a note (`the memorable word
 * is …`, `Memorable information: …`, `security answer: "…"`): a second password, often one plain word, so a word is taken
 * where it ends its clause and is not one that describes the answer (`is required`, `is case-sensitive`, `is the same`).
 */
const MEMORABLE_ANSWER =
  /(?:memorable[ \t](?:word|information|info|phrase|name|place)|secret[ \t](?:answer|word)|security[ \t]answer)(?:[ \t]{1,2}(?:is|was)(?:[ \t]{1,2}(?:still|now))?|[ \t]{0,2}[:=])[ \t]{1,3}["'`]?(?<v>[^\s"'`]{3,39}[^\s"'`.,;:!?)])(?=["'`]?(?:[.,;:!?)]{0,2}(?:\s|$)))/iy;
/** Words that say what an answer is like or where it is rather than give it (`is required`, `is the same`, `is in the vault`). */
const ANSWER_REMARK_WORD =
  /^(?:the|a|an|in|on|at|with|not|no|none|also|only|never|always|same|different|separate|unknown|blank|empty|wrong|correct|incorrect|optional|mandatory|unique|secret|private|personal|sensitive|case-sensitive|below|above|here|there|elsewhere|see|ask|tbd|n\/a)$/i;
/** Endings of words that describe rather than name (`required`, `missing`, `usually`, `readable`): an answer is a noun. */
const DESCRIBING_ENDING = /(?:ed|ing|ly|able|ible)$/i;

/** A memorable word or answer: made like a password, or one word of letters that is not a remark on it. */
function isMemorableAnswer(value: string, file: string | undefined): boolean {
  const oneWord = /^[A-Za-z][a-z]{3,38}$/.test(value);
  if (oneWord && (ANSWER_REMARK_WORD.test(value) || DESCRIBING_ENDING.test(value))) return false;
  if (!oneWord && !(/[A-Za-z]/.test(value) && /\d/.test(value))) return false;
  return isPlausiblePassword(value, file);
}

const KEYPAD_CODE_NOUN = `(?:${KEYPAD_CODE_NOUNS.join('|')})`;
/** What a keypad guards, as the rules that start at it look for it (`KEYPAD_GUARD` written as literals). */
const KEYPAD_GUARD_KEYWORDS = ['alarm', 'door', 'gate', 'barrier', 'keypad', 'key safe', 'keysafe', 'key-safe', 'safe', 'lockbox', 'lock box', 'lock-box', 'padlock', 'locker', 'disarm', 'entry', 'room'];
/**
 * Words that may stand between what a keypad guards and its code's noun, one or two of them (`alarm panel code`, `cell
 * door keypad master code`, `door entry PIN`): the keypad, its panel, whose code of several it is, what it does (British
 * alarms are set and unset: `alarm setting code`).
 */
const KEYPAD_QUALIFIER = '(?:entry|access|disarm|arming|setting|unsetting|set|unset|panel|keypad|door|master|override|admin|user|unlock|release|exit|service|engineer|system|dialler|dialer)';
/** A role whose code opens or overrides a keypad, named alone before the word code (`duress code …`, `Bypass code for …`). */
const ACCESS_ROLE = `(?:${ACCESS_CODE_ROLES.join('|')})`;
/**
 * A role's code named by the mode or the menu it opens on a device (`Card terminal engineer mode code: …`, `installer
 * menu code`), or by its access (`engineer access code`).
 */
const ACCESS_ROLE_CODE = `${ACCESS_ROLE}(?:[ \\t](?:mode|menu|access|level))?[ \\t]${KEYPAD_CODE_NOUN}`;
/** A code restated after the colon of a clause that named it (`Alarm code for the feed room changed in March: the new code is …`). */
const CODE_RESTATED = `(?:[ \\t]{1,2}(?:the|its)(?:[ \\t]{1,2}(?:new|current|updated))?[ \\t]{1,2}${KEYPAD_CODE_NOUN}(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS}))?`;
/**
 * A lock that is its own code's holder: a padlock, a key safe, a lock box, a combination or a keypad lock, a door's keypad.
 * Prose says its digits are the lock (`the padlock on the sea chest is 2718`, `Key safe: 40917`, `Staff entrance keypad
 * (all branches): 4471`), with no word for the code.
 */
const CODE_HOLDER = '(?:padlock|key[ -]?safe|lock[ -]?box|keypad|(?:combination|combi|code|keypad)[ \\t]lock)';
/** Where a keypad's code ends: no word, path, time or range goes on, nor a decimal or a second group of digits. */
const CODE_END = '(?![\\w\\/:#-]|[.,][ \\t]?\\d|[ \\t]\\d)';
/** What an alarm's code is keyed into, as the object of setting or unsetting it (`disarm it with …`, `unset the panel with …`). */
const ALARM_OBJECT = '(?:it|the[ \\t]{1,2}(?:alarm|panel|system|keypad))';
/**
 * An alarm told unset or set with its code (`disarm with …`, `unset the panel by entering …`, `set the alarm using …`):
 * the verbs are an alarm panel's own, so the digits they are done with are its code. `set` and `arm` name the alarm, as
 * they set many other things.
 */
const ALARM_KEYED_WITH =
  `(?<keyed>(?:disarm|unset)(?:[ \\t]{1,2}${ALARM_OBJECT})?|(?:arm|set)[ \\t]{1,2}the[ \\t]{1,2}alarm)` +
  '[ \\t]{1,2}(?:with|using|by[ \\t]{1,2}(?:entering|keying(?:[ \\t]in)?|typing))(?:[ \\t]{1,2}(?:the[ \\t]{1,2})?code)?';
/**
 * The keypad's key pressed after a code to enter it (`alarm is … then OFF`, `gate: … then #`, `… and press ENTER`): its
 * name in capitals, as a keypad's key is printed, or as a symbol, or named as the key it is (`then the tick key`).
 */
const KEY_PRESSED_AFTER =
  /^[ \t]{0,2},?[ \t]{0,2}(?:then|and|\+)[ \t]{1,2}(?:(?:press|hit|push)[ \t]{1,2})?(?:(?:OFF|UNSET|SET|ON|ENTER|OK|YES)(?![\w])|[#*✓]|(?:the[ \t]{1,2})?(?:[Oo]ff|[Uu]nset|[Ss]et|[Ee]nter|[Tt]ick|[Hh]ash|[Ss]tar)[ \t]{1,2}(?:key|button)\b)/;
/**
 * A keypad's code stated in notes: an intruder alarm's, a door's, a gate's, a key safe's, a locked room's (`Intruder alarm
 * code for the boiler room: …`, `the gate code is …`, `machine room code is …`, `the alarm panel code is …`), the code
 * named first and what it opens after it (a chat's `code for the key safe is …`, `the combination to the padlock: …`), a
 * lock that holds its code named alone (`the padlock on the sea chest is …`), or what the keypad guards given first and
 * its code after a comma or a colon (`the staff room key safe, code …`, `The gate at the plant: code …#`) or in brackets
 * (`in the key safe (code …)`), an alarm told set or unset with it (`disarm with …`), or what a keypad guards and its
 * digits where the key that enters them follows (`alarm is … then OFF`).
 * The words say the digits open something, as a PIN's name does; a short clause may come between them and the colon or
 * `is` (`for the boiler room`). Four to eight digits, maybe in code marks or bold, maybe the keypad's `#` after them,
 * ending there (not a time, a phone number, a version); a run of one digit or a counting one is the installer's factory
 * code or a stand-in.
 */
const STATED_KEYPAD_CODE = new RegExp(
  `(?:(?:(?<![\\w-])${KEYPAD_GUARD}(?:[ \\t-]${KEYPAD_QUALIFIER}){0,2}[ \\t]${KEYPAD_CODE_NOUN}s?(?:\\*\\*|__)?` +
    `|(?<![\\w-])${ACCESS_ROLE_CODE}` +
    `|(?<named>${KEYPAD_CODE_NOUN})[ \\t]{1,2}(?:for|to|on|of|into)[ \\t]{1,2}(?:[^:=\\r\\n\`'"?]{0,30}?[ \\t])?${KEYPAD_GUARD}` +
    `|(?<![\\w-])(?<bracketed>${KEYPAD_CODE_NOUN})[ \\t]{0,2}\\((?:[^()\\r\\n]{0,30}?[ \\t])?${KEYPAD_GUARD}[^()\\r\\n]{0,30}\\)` +
    `|(?<![\\w-])(?<holder>${CODE_HOLDER})(?![\\w]))` +
    `(?<held>[ \\t][^:=\\r\\n\`'"]{0,40}?[^\\s:=\`'"])??(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS})${CODE_RESTATED}` +
    `|(?<bare>(?<![\\w-])(?:${KEYPAD_GUARD}(?:[ \\t-]${KEYPAD_QUALIFIER}){0,2}[ \\t]${KEYPAD_CODE_NOUN}|${ACCESS_ROLE_CODE}))` +
    `|(?<![\\w-])${KEYPAD_GUARD}(?<aside>[^:=,.;\\r\\n\`'"]{0,40}?)[ \\t]{0,2}(?:[,:;][ \\t]{1,2}|(?<opened>\\()[ \\t]{0,2})(?:(?:the|its)[ \\t]{1,2})?(?:${KEYPAD_QUALIFIER}[ \\t]{1,2})?${KEYPAD_CODE_NOUN}(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS})?` +
    `|(?<![\\w-])${ALARM_KEYED_WITH}` +
    `|(?<![\\w-])(?<pressed>${KEYPAD_GUARD})(?:[ \\t]{0,2}:|[ \\t]{1,2}is))` +
    `(?:[ \\t]{1,3}|(?<wrapped>[ \\t]{0,2}\\r?\\n[ \\t]{0,12}))${KEYPAD_DIGITS}${CODE_END}`,
  'iy',
);
/**
 * Words in the clause between what a keypad guards and a code after a comma or colon that make it another code: a
 * sensor's or a panel's fault, error or event code (`Alarm panel, fault code …` stays out by its words; `Door sensor:
 * code 4012` by these), a zone's, a model's or a part's number, a postal code.
 */
const NOT_ACCESS_ASIDE = /\b(?:sensors?|detectors?|fault|error|status|events?|zones?|trouble|alerts?|warnings?|logs?|model|part|serial|zip|postal|area)\b/i;
/**
 * Where a code given in brackets after what it guards ends (`in the key safe (code 2580)`): the bracket closes, or a
 * remark after a comma goes on inside it; digits the bracket's clause goes on after are some other number.
 */
const BRACKET_CLOSES_AFTER = /^[ \t]{0,2}[),;]/;
/**
 * Whether a stated keypad code's digits are one: a PIN's shape, no stand-in's line nor a measure after them; a code named
 * first after a determiner or an access word; after what it guards, no fault's or sensor's clause between; a lock's
 * digits with no word for its code no year (`the padlock is 2023 stock`).
 */
function isStatedKeypadCode(value: string, ctx: RuleContext): boolean {
  const groups = ctx.groups ?? {};
  return (
    isProsePin(codeDigits(value)) &&
    !linesCodeStandIn(ctx.text, ctx.matchStart, ctx.matchEnd) &&
    !COUNTED_AFTER.test(ctx.text.slice(ctx.matchEnd, ctx.matchEnd + 16)) &&
    (groups['named'] === undefined || opensWithDeterminer(ctx.text, ctx.matchStart)) &&
    (groups['bracketed'] === undefined || !namesOtherCode(lineBefore(ctx.text, ctx.matchEnd))) &&
    (groups['bare'] === undefined || isBareKeypadCode(value, ctx)) &&
    !NOT_ACCESS_ASIDE.test(groups['aside'] ?? '') &&
    (groups['opened'] === undefined || BRACKET_CLOSES_AFTER.test(ctx.text.slice(ctx.matchEnd, ctx.matchEnd + 4))) &&
    (groups['pressed'] === undefined || KEY_PRESSED_AFTER.test(ctx.text.slice(ctx.matchEnd, ctx.matchEnd + 32))) &&
    (groups['holder'] === undefined || isHeldCode(value, groups['held'])) &&
    (groups['wrapped'] === undefined || isWrappedCode(ctx))
  );
}

/**
 * Whether digits that open the line after their name (`The **alarm code** for the door is` / `` `2580` — never …``) are
 * set off as a code: after a colon or `is`, in code marks or bold, or ending their clause. A bare name's digits never wrap.
 */
function isWrappedCode(ctx: RuleContext): boolean {
  if (ctx.groups?.['bare'] !== undefined) return false;
  const matched = ctx.text.slice(ctx.matchStart, ctx.matchEnd);
  return /[`*_]$/.test(matched) || CLAUSE_ENDS_AFTER.test(ctx.text.slice(ctx.matchEnd, ctx.matchEnd + 4));
}

/**
 * Whether the digits a lock holds (`Key safe: …`, `the keypad by the staff door: …`) are its code: no year (`the padlock is
 * 2023 stock`), and no clause that makes them another of its numbers (`Keypad model: …`, `keypad timeout: …`).
 */
function isHeldCode(value: string, clause: string | undefined): boolean {
  return !YEAR_DIGITS.test(value) && (clause === undefined || (!namesOtherCode(clause) && !NOT_PIN_VALUE_CLAUSE.test(clause)));
}

/** How far back on its line the words around a code are read. */
const CODE_LINE_REACH = 120;
/** The text of the line that holds `end`, from its start (at most `CODE_LINE_REACH` back) to `end`. */
function lineBefore(text: string, end: number): string {
  return text.slice(lineAround(text, end, CODE_LINE_REACH).start, end);
}

/**
 * Words that name a code of another kind than a keypad's, before its noun or in its brackets (`Exit code (gate
 * controller): …`, `Error code (door sensor): …`, a promotion's, a product's, a country's dialling code).
 */
const OTHER_CODE_WORDS = /\b(?:exit|return|status|http|promo|promotion|discount|voucher|coupon|product|country|dialling|dialing|tax|vat|colou?r|source|qr|bar|sort|tracking|order|invoice)\b/i;
/** Whether the words on a code's line make it some other code than a keypad's: a fault's, a sensor's, a product's. */
function namesOtherCode(line: string): boolean {
  return NOT_ACCESS_ASIDE.test(line) || OTHER_CODE_WORDS.test(line);
}

/** Where a keypad's code written right after its name ends its clause: the line, a sentence, a list's comma, an aside. */
const CLAUSE_ENDS_AFTER = /^(?:[ \t]{0,2}(?:[.;,!)]|\r?\n|$)|[ \t]{1,2}(?:\(|[-–—][ \t]))/;
/** Verbs that report a code a panel shows or logs (`the panel showed alarm code 1301`): an event's code, not the one keyed. */
const SHOWN_CODE_VERBS = /\b(?:show(?:s|n|ed|ing)?|display(?:s|ed|ing)?|logged|reports?|reported|rais(?:es|ed)|threw|throws|returned|flash(?:es|ed|ing)|beep(?:s|ed)|triggered|means)\b/i;

/**
 * Whether a code written right after its name, with no colon or `is` (`alarm code 5580`, `key safe code **469025**`,
 * `duress code 7049`), is the keypad's: the digits end the clause, they are no year, and nothing on the line before makes
 * them an event's or another kind's code (`the panel showed alarm code 1301`, `door sensor alarm code 4012`).
 */
function isBareKeypadCode(value: string, ctx: RuleContext): boolean {
  if (!CLAUSE_ENDS_AFTER.test(ctx.text.slice(ctx.matchEnd, ctx.matchEnd + 4)) || YEAR_DIGITS.test(codeDigits(value))) return false;
  const line = lineBefore(ctx.text, ctx.matchStart);
  return !namesOtherCode(line) && !SHOWN_CODE_VERBS.test(line);
}

/** A lock whose dial numbers prose gives as the lock itself (`Safe in the bonded store: 31-07-59`, `the padlock is 07-22-19`). */
const DIAL_LOCK_NOUN = '(?:safe|padlock|strongbox)(?![\\w-])';
/**
 * A safe's or a combination lock's dial numbers as prose gives them after the word combination: numbers of one or two
 * digits joined by dashes (`take it from the safe in the office (combination 31-07-58)`, `Safe combination: 12-40-36`,
 * `the padlock combo is 07-22-19`), or after the lock itself and a colon or `is` (`Safe in the bonded store office:
 * 31-07-59`). The digits alone are a date's shape, so the line must name the lock before them. After the word combination,
 * the numbers may be run together (`The safe … has the spare keys; combination is 143301`), the lock named before them still.
 */
const DIAL_COMBINATION = new RegExp(
  `(?<![\\w-])(?:(?:combination|combo)s?(?:(?<clause>[ \\t][^\\r\\n:=()\`'"\\d]{1,40}?)?(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS}))?` +
    `|(?<lock>${DIAL_LOCK_NOUN})(?<lockClause>[ \\t][^\\r\\n:=()\`'"\\d]{1,40}?)?(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS}))` +
    `[ \\t]{1,3}${CODE_MARK}(?<v>\\d{1,2}-\\d{1,2}-\\d{1,2}(?:-\\d{1,2})?|\\d{4,8})${CODE_MARK}(?![\\w\\/:-]|[.,][ \\t]?\\d|[ \\t]\\d)`,
  'iy',
);
/** What a dial combination opens, named on its line before the digits: a safe, a padlock, a lock, a locker, a vault. */
const DIAL_LOCK = /\b(?:safe|padlock|lock|locker|lockbox|vault|strongbox)s?\b/i;
/**
 * Words after a lock named alone that make the dashed digits after it a date (`Safe serviced: 12-03-24`, `padlock fitted
 * on: …`), or the word safe no lock (`safe to deploy: …`, `safe from: …`).
 */
const DATED_LOCK_CLAUSE =
  /^[ \t](?:to|from|until|till|since|as)\b|\b(?:dated?|since|until|due|inspected|serviced|checked|installed|fitted|opened|closed|last|next|expires?|expiry|renewed|delivered|moved|tested|audited|ordered|bought)\b/i;
/** How far back on its line the lock a combination opens is looked for. */
const DIAL_LOCK_REACH = 120;

/**
 * Whether dial numbers stated after the word combination open a lock its line names: no stand-in, no other code's clause,
 * nor a combination of things (`each combination of settings: …`).
 */
function isDialCombination(value: string, ctx: RuleContext): boolean {
  const digits = value.replace(/-/g, '');
  if (digits.length < 4 || isStandInDigits(digits)) return false;
  // Numbers run together only after the word combination (`Safe: 2024` is a year's), and no year themselves.
  if (digits === value && (ctx.groups?.['lock'] !== undefined || YEAR_DIGITS.test(value))) return false;
  const lockClause = ctx.groups?.['lockClause'] ?? '';
  if (ctx.groups?.['lock'] !== undefined && DATED_LOCK_CLAUSE.test(lockClause)) return false;
  const clause = ctx.groups?.['clause'] ?? lockClause;
  const line = lineAround(ctx.text, ctx.matchStart, DIAL_LOCK_REACH);
  return (
    DIAL_LOCK.test(ctx.text.slice(line.start, ctx.matchEnd)) &&
    !NOT_ACCESS_ASIDE.test(clause) &&
    !/^[ \t]of\b/i.test(clause) &&
    !linesCodeStandIn(ctx.text, ctx.matchStart, ctx.matchEnd)
  );
}

/**
 * A keypad's code given in brackets at the end of a clause that names it (`The alarm panel code hasn't changed (…).`,
 * a checklist's `Alarm: installer sets code, we change to the standard one (…)`): what the keypad guards, then within a
 * few words the code's noun, then the digits alone in brackets. Sticky at what the keypad guards; the clause holds no
 * bracket and no sentence's end.
 */
const KEYPAD_CODE_ASIDE = new RegExp(
  `(?<![\\w-])${KEYPAD_GUARD}(?<clause>[^\\r\\n()\`.!?;]{1,80})\\([ \\t]{0,2}${KEYPAD_DIGITS}[ \\t]{0,2}\\)`,
  'iy',
);
/** The code's noun in an aside's clause, not the first half of another compound (`code review`, `code freeze`). */
const ASIDE_CODE_NOUN =
  new RegExp(`\\b${KEYPAD_CODE_NOUN}s?\\b(?![ \\t-](?:review|base|path|freeze|coverage|quality|style|owners?|commits?|repo|samples?|snippets?|blocks?|names?|changes?|reviews?)\\b)`, 'i');
/** How far into an aside's clause the code's noun may stand: a few words after what the keypad guards. */
const ASIDE_NOUN_REACH = 30;
/**
 * Words in an aside's clause that make its bracketed digits someone's number, a reference or a room (`ask Sam (4412)`,
 * `see the ticket (4412)`, `on the wall of room (2041)`).
 */
const NUMBER_ASIDE = /\b(?:ask|call|ring|phone|text|contact|dial|e-?mail|ext|extension|see|ticket|issue|pr|page|room|line|ref|order|invoice|version|model|part|serial|zone|fault|error|sensor)\b/i;

/** Whether an aside's clause names the keypad's code within a few words and makes its digits no other number. */
function asideNamesCode(clause: string): boolean {
  const noun = ASIDE_CODE_NOUN.exec(clause);
  return noun !== null && noun.index <= ASIDE_NOUN_REACH && !NUMBER_ASIDE.test(clause);
}

/** Code words that start the named-first form, each with a preposition before what it opens. */
const NAMED_CODE_KEYWORDS = KEYPAD_CODE_NOUNS.flatMap((noun) => ['for', 'to', 'on', 'of', 'into'].map((preposition) => `${noun} ${preposition}`));
/** A role's code named alone (`duress code`, `bypass pin`), or by the mode it opens (`engineer mode code`). */
const ROLE_CODE_KEYWORDS = ACCESS_CODE_ROLES.flatMap((role) => [...KEYPAD_CODE_NOUNS, 'mode', 'menu', 'access', 'level'].map((word) => `${role} ${word}`));
/** A code's noun with what it opens in brackets after it (`combination (front gate)`). */
const BRACKETED_CODE_KEYWORDS = KEYPAD_CODE_NOUNS.flatMap((noun) => [`${noun} (`, `${noun}(`]);
/**
 * Words that may stand right before a code named first (`the code for the key safe`, a chat's `code for …` after the
 * speaker's colon): a determiner, a word that makes it a code that lets in (`the override code on the keypad`, `master
 * code for the alarm`), or nothing. Any other word makes it another code (`error code for the door sensor`, `zip code for
 * the gate deliveries`).
 */
const DETERMINERS = new Set([
  'the', 'a', 'an', 'our', 'your', 'my', 'his', 'her', 'their', 'its', 'this', 'that', 'new', 'current', 'latest', 'updated', 'same',
  'override', 'master', 'access', 'entry', 'unlock', 'release', 'exit', 'admin', 'engineer', 'service',
]);

/** Whether the word before `at` on its line (over blanks) is a determiner or an access word, or there is none: a colon, a bracket or the line's start. */
function opensWithDeterminer(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  let start = end;
  while (start > 0 && end - start < 12 && /[A-Za-z]/.test(text.charAt(start - 1))) start--;
  if (start === end) return !/[\w'-]/.test(text.charAt(end - 1));
  return DETERMINERS.has(text.slice(start, end).toLowerCase());
}

/** The words `stated-keypad-code` starts at: what a keypad guards, a lock that holds a code, a code named first or by its role. */
/** A box keys are left in, named by its code's noun right after it (`box code`, `box PIN`): see `KEY_BOX`. */
const KEY_BOX_KEYWORDS = KEYPAD_CODE_NOUNS.map((noun) => `box ${noun}`);
const STATED_KEYPAD_CODE_KEYWORDS = [
  ...KEYPAD_GUARD_KEYWORDS, 'unset', 'arm the alarm', 'set the alarm', 'combination lock', 'combi lock', 'code lock', ...NAMED_CODE_KEYWORDS, ...ROLE_CODE_KEYWORDS, ...BRACKETED_CODE_KEYWORDS, ...KEY_BOX_KEYWORDS,
];

/**
 * A chat's answer that gives a code as "it's …" (or "it is", "which is still", "that's now") right after a message that
 * named the PIN, the keypad code or the device's password asked about (Discord's "the referee laptop pin is still …? it
 * doesn't take it" / "it's … since saturday", Teams' "reset from HMI with the supervisor pin" / "which is still …?", a
 * JSON export's "card machine 2 wants a supervisor password" / "it's … on the terminal"). Sticky at the phrase; `v` is
 * the digits, with the `#` a keypad takes to enter them (`it's 2580# from today`), as every chat answer here gives them.
 */
const CODE_ANSWER = new RegExp(
  `(?:it'?s|it[ \\t]is|which[ \\t]is|that'?s|now[ \\t]it'?s)(?:[ \\t]{1,2}(?:still|now))?[ \\t]{1,3}${KEYPAD_DIGITS}(?![\\w\\/:-]|[.,][ \\t]?\\d|[ \\t]\\d)`,
  'iy',
);
const CODE_ANSWER_KEYWORDS = ["it's", 'its ', 'it is', 'which is', "that's", 'thats ', "now it's"];
/**
 * A PIN, a keypad code or a password named for whose or what it is (`laptop pin`, `supervisor password`, `door code`,
 * `comms room code`), as a chat's question or remark names what the next message answers; or the PIN or the password named
 * first and what it is for after it, a few words on (`the password for the Henny Penny fryer service menu`, `the PIN for the
 * ward tablet`). A code named first is as often an error's (`error code for the service`), so only a PIN or a password.
 */
const NAMED_ACCESS_CODE = new RegExp(
  `(?<![\\w-])(?:${PIN_OWNERS.join('|')}|key[ -]?safe|lock[ -]?box|padlock|locker|${LOCKED_ROOM_QUALIFIER}[ \\t]room)(?:[ \\t-][a-z]{1,12})?[ \\t-](?:pin|code|passcode|combination|combo|password)s?(?![\\w])` +
    `|(?<![\\w-])(?:pin|passcode|password)[ \\t]{1,2}(?:for|to|on|of)[ \\t]{1,2}(?:the[ \\t]{1,2})?(?:[A-Za-z][\\w-]{0,20}[ \\t]{1,2}){0,4}(?:${PIN_OWNERS.join('|')})(?![\\w-])`,
  'gi',
);
/** A device's part that owns a PIN written in capitals (`the drone controller PIN`), as a chat's question names it: see `PIN_PART_OWNERS`. */
const NAMED_PART_PIN = new RegExp(`(?<![\\w-])(?:${PIN_PART_OWNERS.join('|')})[ \\t-]PIN(?![\\w])`, 'gi');
/** How far before the answer's message the code it answers may have been named: a message or two of a chat. */
const ANSWERED_REACH = 300;
/** Digits a chat gives for a year, and the words after digits that make them a count or a measure. */
const YEAR_DIGITS = /^(?:19|20)\d\d$/;
const COUNTED_AFTER = /^[ \t]{1,2}(?:ms|secs?|seconds?|mins?|minutes?|hours?|hrs?|days?|weeks?|months?|years?|rows?|records?|items?|users?|lines?|bytes?|[kmgt]b|px|rpm|errors?|times?|people|devices?|units?|files?|mm|cm|m|km|kg|g|lbs?|ft|feet|metres?|meters?)\b|^%/i;

/** The ends of every named access code in `text`, in order. */
function namedAccessCodeEnds(text: string): readonly number[] {
  // Both chat-answer rules read this list of the same text: one whole-text search serves them both.
  if (lastNamedEnds?.text === text) return lastNamedEnds.ends;
  const ends: number[] = [];
  NAMED_ACCESS_CODE.lastIndex = 0;
  for (let m = NAMED_ACCESS_CODE.exec(text); m !== null; m = NAMED_ACCESS_CODE.exec(text)) ends.push(m.index + m[0].length);
  // The part's name in either case, the acronym in capitals only: the flag reads both cases, the match's end says which.
  NAMED_PART_PIN.lastIndex = 0;
  for (let m = NAMED_PART_PIN.exec(text); m !== null; m = NAMED_PART_PIN.exec(text)) if (m[0].endsWith('PIN')) ends.push(m.index + m[0].length);
  ends.sort((a, b) => a - b);
  lastNamedEnds = { text, ends };
  return ends;
}
let lastNamedEnds: { text: string; ends: readonly number[] } | undefined;

/** Whether some end in the sorted `ends` lies in [from, to]. */
function anyEndWithin(ends: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < ends.length && ends[lo]! <= to;
}

/**
 * Whether `at` opens a chat's message: only blanks before it on its line, or the speaker's colon, a closing bracket of a
 * time stamp, or the opening quote of an export's message body.
 */
function opensMessage(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
  if (i === 0) return true;
  const c = text.charAt(i - 1);
  return c === '\n' || c === ':' || c === ']' || c === '"' || c === '>';
}

/** A word a chat's answer may open with before it gives the code (`yes it's …`, `yep, it's …`, `ok so it's …`). */
const ANSWER_INTERJECTION = /(?:yes|yeah|yep|yup|aye|ok|okay|sure|nope|no|nah|right|correct)[,.!]?(?:[ \t]{1,2}so)?[ \t]{1,2}$/i;

/** Where the message that `at` answers in opens: before a word of assent or denial that leads it, if one does. */
function pastInterjection(text: string, at: number): number {
  const before = text.slice(Math.max(0, at - 16), at);
  const m = ANSWER_INTERJECTION.exec(before);
  return m === null ? at : at - before.length + m.index;
}

function findCodeAnswers(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let namedEnds: readonly number[] | undefined;
  forEachMatchAt(CODE_ANSWER, text, offsets, (m) => {
    if (m.index > 0 && /[\w']/.test(text.charAt(m.index - 1))) return;
    const value = m.groups!['v']!;
    const end = m.index + m[0].length;
    const digits = codeDigits(value);
    if (!isProsePin(digits) || YEAR_DIGITS.test(digits) || COUNTED_AFTER.test(text.slice(end, end + 16)) || !opensMessage(text, pastInterjection(text, m.index))) return;
    // The code was named in the messages before this one: before its line, within reach.
    const lineStart = lineAround(text, m.index, ANSWERED_REACH).start;
    namedEnds ??= namedAccessCodeEnds(text);
    if (!anyEndWithin(namedEnds, Math.max(0, lineStart - ANSWERED_REACH), lineStart)) return;
    // An answer's message may call its code a stand-in after it (`it's … on all of them, the factory default`).
    if (linesCodeStandIn(text, m.index, lineAround(text, end, ANSWERED_REACH).end)) return;
    const start = m.index + m[0].indexOf(value, m[0].length - value.length - 2);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A PIN or a keypad's code told later in the sentence that names it, after a clause's break: as `it is …` (`use the
 * courtroom PIN printed on the hearing sheet; for CR4 this term it is …`, `The alarm code changes monthly, for March it's
 * …`), or as whose one it is (`Gate codes for the farms are in the logbook; Fosse Farm's is …`). Sticky at `it` or at the
 * possessive's `'s`; `v` is the digits.
 */
const CODE_TOLD_LATER = new RegExp(
  `(?:it[ \\t]is|it['’]s|(?<owner>['’]s[ \\t]{1,2}is))(?:[ \\t]{1,2}(?:still|now))?[ \\t]{1,3}${KEYPAD_DIGITS}${CODE_END}`,
  'iy',
);
const CODE_TOLD_LATER_KEYWORDS = ['it is', "it's", "'s is"];
/** How far back the sentence that names a code told later may open. */
const TOLD_LATER_REACH = 200;
/**
 * Where the sentence of a code told later opens, after the last of these before it: a sentence's end, a blank line, a
 * quoted string's end (a chat export's message) or a chat's time stamp in brackets (`[07:45] …`). A chat's answer in the
 * next message is `code-chat-answer`'s.
 */
const SENTENCE_END = /[.!?](?:[ \t]|\r?\n)|\n[ \t]*\r?\n|["\]]/g;
/** The word PIN in capitals, the acronym: a lower-case pin is as often a board's or a map's. */
const PIN_ACRONYM = /(?<![\w-])PIN(?![\w-])/g;
/** A clause's break: a semicolon, a comma, a colon or a spaced dash. */
const CLAUSE_BREAK = /[;,:]|[ \t][-–—][ \t]/g;

/** Where the sentence that holds `at` opens: after the last sentence's end or blank line before it, within reach. */
function sentenceStartBefore(text: string, at: number): number {
  const from = Math.max(0, at - TOLD_LATER_REACH);
  let start = from;
  for (const m of text.slice(from, at).matchAll(SENTENCE_END)) start = from + m.index + m[0].length;
  return start;
}

/**
 * Whether the sentence from `start` names a PIN or a keypad's code before a clause's break that comes before `at`: a named
 * access code (`the gate codes`, `the alarm PIN`) or the acronym PIN of no board's or address's words.
 */
function namesCodeBeforeBreak(text: string, start: number, at: number): boolean {
  let breakAt = -1;
  for (const m of text.slice(start, at).matchAll(CLAUSE_BREAK)) breakAt = start + m.index;
  if (breakAt < 0) return false;
  if (anyEndWithin(namedAccessCodeEnds(text), start, breakAt)) return true;
  for (const m of text.slice(start, breakAt).matchAll(PIN_ACRONYM)) {
    if (!wordsBefore(text, start + m.index).some((w) => NOT_ACCESS_PIN_LEAD.has(w))) return true;
  }
  return false;
}

/** Whether an owner's name stands right before the possessive's `'s` at `at` (`Fosse Farm's`), not a verb's contraction (`that's`). */
function ownsBefore(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && at - start < 30 && /[A-Za-z]/.test(text.charAt(start - 1))) start--;
  return at - start >= 2 && !CONTRACTED_VERB.test(`${text.slice(start, at)}'s`);
}

function findCodesToldLater(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(CODE_TOLD_LATER, text, offsets, (m) => {
    const owner = m.groups!['owner'] !== undefined;
    if (owner ? !ownsBefore(text, m.index) : m.index > 0 && /[\w'’]/.test(text.charAt(m.index - 1))) return;
    const value = m.groups!['v']!;
    const digits = codeDigits(value);
    const end = m.index + m[0].length;
    // Whose one it is names it as a code, so year-shaped digits are the code still (`Fosse Farm's is 1947`).
    if (!isProsePin(digits) || (!owner && YEAR_DIGITS.test(digits)) || COUNTED_AFTER.test(text.slice(end, end + 16))) return;
    if (!namesCodeBeforeBreak(text, sentenceStartBefore(text, m.index), m.index) || linesCodeStandIn(text, m.index, end)) return;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A chat's question that asks for a named code: the PIN's, the code's or the passcode's noun right before its question
 * mark (`anyone got the ticket machine engineer PIN?`, `who has the route-setting ipad code?`); the words that find it.
 */
const ASKED_CODE_KEYWORDS = ['pin', 'code', 'passcode', 'combination', 'combo'].flatMap((noun) => [`${noun}?`, `${noun} ?`]);
/** A code announced as the new one (`new one from Monday is …`, `the new code: …`), as a chat's answer gives it. */
const NEW_CODE_KEYWORDS = ['new one', 'new code', 'new pin'];
/**
 * Digits a chat's message gives alone as its answer: the whole message, or the digits and then a remark after a dash or a
 * sentence's mark (`7319`, `190482 - please stop changing it`). Not part of a longer number, a time, a path or a version.
 */
const BARE_CODE_ANSWER = new RegExp(
  `(?<![\\w.:\\/-])${KEYPAD_DIGITS}(?=[ \\t]{0,2}(?:$|["\\r\\n]|[-–—][ \\t]|[.!,;](?:[ \\t]|$|")))`,
  'gm',
);
/** The new code given in a message (`Yes, new one from Monday is 9147.`): sticky at `new`; `v` is the digits. */
const NEW_CODE_ANSWER = new RegExp(
  `new[ \\t](?:one|code|pin)(?:[ \\t][^\\d\\r\\n"?:=]{1,30}?)??(?:[ \\t]{0,2}:|[ \\t]{1,2}(?:is|will[ \\t]be))[ \\t]{1,2}${KEYPAD_DIGITS}${CODE_END}`,
  'iy',
);
/** Words of a question that ask for some other number than the code it names (`the ticket number for the door code?`, `how many digits in the gate code?`). */
const OTHER_NUMBER_ASKED = /\b(?:ref|reference|number|how[ \t]many|how[ \t]much|how[ \t]long|port|ext|extension|phone|version|model|serial|length|digits|when|time)\b/i;

/** Whether the digits of a chat's answer, from `start` to `end`, are a code: a PIN's shape, no year, count or stand-in. */
function isAnsweredCode(text: string, value: string, start: number, end: number): boolean {
  return (
    isProsePin(codeDigits(value)) && !YEAR_DIGITS.test(codeDigits(value)) && !COUNTED_AFTER.test(text.slice(end, end + 16)) && !linesCodeStandIn(text, start, lineAround(text, end, ANSWERED_REACH).end)
  );
}

/** The first message after `from`, within reach, that gives digits alone (`7319`, `190482 - …`), as a span of them. */
function bareAnswerAfter(text: string, from: number): Span | undefined {
  const window = text.slice(from, from + ANSWERED_REACH);
  BARE_CODE_ANSWER.lastIndex = 0;
  for (let m = BARE_CODE_ANSWER.exec(window); m !== null; m = BARE_CODE_ANSWER.exec(window)) {
    const start = from + m.index + m[0].indexOf(m.groups!['v']!);
    if (!opensMessage(text, pastInterjection(text, from + m.index))) continue;
    const value = m.groups!['v']!;
    return isAnsweredCode(text, value, start, start + value.length) ? { start, end: start + value.length } : undefined;
  }
  return undefined;
}

/**
 * Codes a chat gives as bare answers: after a message that asks for a named code (`the ticket machine engineer PIN?`),
 * the next message that is the digits alone; and a message that gives the new one (`Yes, new one from Monday is …`) after
 * a message, or the same one, that named the code.
 */
function findBareCodeAnswers(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let namedEnds: readonly number[] | undefined;
  for (const at of offsets) {
    // The question's mark ends its keyword (`combination ?` the longest): looked for only that near.
    const near = text.slice(at, at + 'combination ?'.length + 1).indexOf('?');
    const asked = near < 0 ? -1 : at + near;
    if (asked >= 0 && /^[a-z]+ ?\?/i.test(text.slice(at, asked + 1))) {
      const nounEnd = asked - (text.charAt(asked - 1) === ' ' ? 1 : 0);
      const question = text.slice(lineAround(text, at, CODE_LINE_REACH).start, asked);
      namedEnds ??= namedAccessCodeEnds(text);
      if (!anyEndWithin(namedEnds, nounEnd, nounEnd) || OTHER_NUMBER_ASKED.test(question)) continue;
      const answer = bareAnswerAfter(text, asked + 1);
      if (answer !== undefined) spans.push(answer);
      continue;
    }
    NEW_CODE_ANSWER.lastIndex = at;
    const m = NEW_CODE_ANSWER.exec(text);
    if (m === null) continue;
    const opening = pastInterjection(text, /the[ \t]$/i.test(text.slice(at - 4, at)) ? at - 4 : at);
    const lineStart = lineAround(text, at, ANSWERED_REACH).start;
    if (!opensMessage(text, opening) || !anyEndWithin((namedEnds ??= namedAccessCodeEnds(text)), Math.max(0, lineStart - ANSWERED_REACH), at)) continue;
    const value = m.groups!['v']!;
    const start = m.index + m[0].lastIndexOf(value);
    if (isAnsweredCode(text, value, start, start + value.length)) spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * A PIN stated in a sentence that does not say whose it is but still says it is one: a determiner or an owner's possessive
 * before the word (`The PIN they ask for on the phone is …`, `asks for a PIN on the second screen: …`, `the heli
 * operator's radio channel PIN is …`, `has its own PIN: …`, `The 4-digit PIN for the … tablet is still …`), or a role's
 * word (`the manager PIN, used …`, a chat's report of what was keyed), or the PIN asked for and then given (`If the panel
 * asks for a PIN, it's …`, `, use …`). A short clause without digits may stand between
 * the word and its colon or `is`. A passcode is one whoever's it is (`customer passcode …`): the word names nothing else.
 * Sticky at the word PIN or passcode; the words before a PIN are judged by `pinLead`.
 */
const STATED_PIN = new RegExp(
  `(?<![\\w-])(?:pin|(?<passcode>passcode))(?![\\w-])(?:(?<clause>[ \\t][^\\r\\n:=.,;()\`"\\d]{1,48}?)?` +
    `(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS}|,[ \\t]{1,2}(?:used|entered|typed|tried|keyed[ \\t]in|it'?s|it[ \\t]is|use|enter|type|try))|(?<bare>))` +
    `[ \\t]{1,3}${CODE_MARK}(?<v>\\d{4,8})${CODE_MARK}(?![\\w\\/:-]|[.,][ \\t]?\\d|[ \\t]\\d)`,
  'iy',
);
/**
 * A SIM's PUK, the code that unblocks it once its PIN is entered wrong and sets a new PIN: eight digits by the standard
 * (`the PUK is …`, `PUK1: …`, `PUK code for the gateway SIM: …`), which is what makes the word enough to name them.
 * Sticky at the word; `v` is the digits.
 */
const SIM_PUK = new RegExp(
  `(?<![\\w-])puk[12]?(?:[ \\t-]code)?(?:[ \\t]{1,2}(?:for|of|on)[ \\t][^\\r\\n:=.,;()\`"\\d]{1,40}?)?(?:[ \\t]{0,2}[:=]|${CODE_GIVEN_AS})?` +
    `[ \\t]{1,3}${CODE_MARK}(?<v>\\d{8})${CODE_MARK}${CODE_END}`,
  'iy',
);
/** How far back on its line, and over how many words, the words that make the word PIN a PIN are looked for. */
const PIN_LEAD_REACH = 60;
const PIN_LEAD_WORDS = 4;
/** `it's`, `let's`: a verb's contraction, not an owner's possessive. */
const CONTRACTED_VERB = /^(?:it|let|that|what|who|where|here|there|he|she)['’]s$/;
/** Single words of `PIN_OWNERS`, as the word right before `pin`. */
const PIN_OWNER_WORDS = new Set(PIN_OWNERS);
/** Parts of a device, right before the word, that own a PIN written in capitals (`HMI panel PIN`), see `PIN_PART_OWNERS`. */
const PIN_PART_OWNER_WORDS = new Set(PIN_PART_OWNERS);
/**
 * Words of a PIN's clause that make the digits no PIN: a count or a rule about it (`the PIN length is 6`, `PIN attempts:
 * 3000`), a field's, a timeout's.
 */
const NOT_PIN_VALUE_CLAUSE =
  /\b(?:counts?|length|size|limits?|attempts?|tries|retries|digits?|timeout|delay|interval|lockout|policy|format|field|header|spacing|pitch|mode|diagram|expiry|version|location|address|postal|zip)\b/i;

/** The up to `PIN_LEAD_WORDS` words right before `at` on its line, lower case, nearest last; none past a sentence's mark. */
function wordsBefore(text: string, at: number): string[] {
  const lineStart = lineAround(text, at, PIN_LEAD_REACH).start;
  let start = at;
  while (start > lineStart && /[A-Za-z0-9'’ \t-]/.test(text.charAt(start - 1))) start--;
  const words = text.slice(start, at).trim().split(/[ \t]+/).filter((w) => w.length > 0);
  // A word cut at the reach is a part of one.
  if (start > 0 && /[A-Za-z0-9'’-]/.test(text.charAt(start - 1)) && words.length > 0) words.shift();
  return words.slice(-PIN_LEAD_WORDS).map((w) => w.toLowerCase());
}

/**
 * Whether the words before a PIN make it one: a role's word right before it (`manager PIN`), or a determiner (`the`, `a`,
 * `its own`), an owner's possessive (`operator's`) or the number of its digits (`4-digit`) among them; and no word of
 * another pin. `role` says a role's word named it, which lets `PIN code` be a PIN's (alone, it is India's postal code).
 */
function pinLead(words: readonly string[], acronym: boolean): 'role' | 'stated' | undefined {
  if (words.some((w) => NOT_ACCESS_PIN_LEAD.has(w))) return undefined;
  const last = words[words.length - 1];
  if (last !== undefined && (PIN_OWNER_WORDS.has(last) || (acronym && PIN_PART_OWNER_WORDS.has(last)))) return 'role';
  const stated = words.some(
    (w) => DETERMINERS.has(w) || w === 'own' || /^\d{1,2}-digits?$/.test(w) || (/^[a-z]{2,20}['’]s$/.test(w) && !CONTRACTED_VERB.test(w)),
  );
  return stated ? 'stated' : undefined;
}

/** How far back an aside in brackets before the word PIN may open (`Card terminal (SumUp) PIN`). */
const PIN_ASIDE_REACH = 40;

/**
 * Where the words before a PIN are read when an aside in brackets, a label's colon or an opening bracket stands right
 * before it (`Card terminal (SumUp) PIN …`, `Minibus tracker app: PIN …`, `the station mobile (PIN …)`): at the
 * bracket's opening or the colon, `label` saying that only a role's word there makes it a PIN.
 */
function pastAsideOrLabel(text: string, at: number): { at: number; label: boolean } | undefined {
  let i = at;
  while (i > 0 && (text.charCodeAt(i - 1) === 0x20 || text.charCodeAt(i - 1) === 0x09)) i--;
  if (text.charAt(i - 1) === ':' || text.charAt(i - 1) === '(') return { at: i - 1, label: true };
  if (text.charAt(i - 1) !== ')') return undefined;
  // Within the reach only, so that brackets closed and never opened cost no more than it.
  const from = Math.max(0, i - PIN_ASIDE_REACH);
  const aside = text.slice(from, i - 1);
  const open = aside.lastIndexOf('(');
  if (open < 0 || /[()\r\n]/.test(aside.slice(open + 1))) return undefined;
  return { at: from + open, label: false };
}

/**
 * The words before a PIN that make it one (`pinLead`): those right before it, or, past an aside in brackets, those
 * before the aside, or, past a label's colon or a bracket the PIN opens, a role's word that ends the label (`Minibus
 * tracker app: PIN …`, `the station mobile (PIN …)`), since a label of anything else is as often an address's
 * (`Bengaluru office: PIN …`, `Pune office (PIN …)`).
 */
function pinLeadAt(text: string, at: number): 'role' | 'stated' | undefined {
  const words = wordsBefore(text, at);
  const acronym = text.startsWith('PIN', at);
  if (words.length > 0) return pinLead(words, acronym);
  const past = pastAsideOrLabel(text, at);
  if (past === undefined) return undefined;
  const lead = pinLead(wordsBefore(text, past.at), acronym);
  return past.label && lead !== 'role' ? undefined : lead;
}

/** Whether the words before a passcode leave it one: none of another pin's (`test passcode`), whoever's it is. */
function passcodeLeadAt(text: string, at: number): 'role' | undefined {
  return wordsBefore(text, at).some((w) => NOT_ACCESS_PIN_LEAD.has(w)) ? undefined : 'role';
}

/**
 * Whether a PIN or a passcode stated at `start`, its digits `value` ending at `end`, is one: its words before, its clause,
 * no count after. Digits right after the word PIN (`bare`), with no colon or `is`, only after a role's word that says
 * whose PIN it is; right after the word passcode, no year.
 */
function isStatedPin(text: string, start: number, end: number, value: string, groups: Record<string, string | undefined> | undefined): boolean {
  const clause = groups?.['clause'];
  const bare = groups?.['bare'] !== undefined;
  const passcode = groups?.['passcode'] !== undefined;
  if (passcode && bare && YEAR_DIGITS.test(value)) return false;
  const lead = passcode ? passcodeLeadAt(text, start) : pinLeadAt(text, start);
  if (lead === undefined || (bare && lead !== 'role')) return false;
  if (clause !== undefined && (NOT_PIN_VALUE_CLAUSE.test(clause) || (lead !== 'role' && /^[ \t]code\b/i.test(clause)))) return false;
  return !COUNTED_AFTER.test(text.slice(end, end + 16)) && !linesCodeStandIn(text, start, end);
}

/**
 * A second code given right after a stated one (a keypad's, a PIN), for another site or as the one it replaced: each
 * with its place in brackets after a slash, a comma or `or` (`Manager override PIN is 8302 (Edinburgh) / 5519 (Glasgow)`),
 * a place named after a semicolon or a comma (`The Mayfair alarm code is 80417; Edinburgh is 36290`), or the old code
 * (`alarm code changed to 5820, old one was 1904`). Sticky where the stated code ends; `v` is the digits.
 */
const SIBLING_CODE_PLACED = new RegExp(
  `[ \\t]{0,2}\\([^()\\r\\n]{1,30}\\)[ \\t]{0,2}(?:\\/|,|or|and)[ \\t]{1,2}${KEYPAD_DIGITS}(?=[ \\t]{0,2}\\([^()\\r\\n]{1,30}\\)${CODE_END})`,
  'y',
);
/** A place as prose names it: one to three capitalised words (`Edinburgh`, `King's Lynn`, `Head Office`). */
const PLACE_NAME = "[A-Z][a-z'’-]{1,20}(?:[ \\t][A-Z][a-z'’-]{1,20})?(?:[ \\t][A-Z][a-z'’-]{1,20})?";
/** The code a stated one replaced (`old one was`, `the previous code is`). */
const OLD_CODE = '(?:[Tt]he[ \\t]{1,2})?(?:old|previous|former|last)(?:[ \\t]{1,2}(?:one|code|PIN|pin|combination))?[ \\t]{1,2}(?:was|is)';
const SIBLING_CODE_NAMED = new RegExp(
  `[ \\t]{0,2}[;,][ \\t]{1,2}(?:and[ \\t]{1,2})?(?:${OLD_CODE}|${PLACE_NAME}(?:[ \\t]{1,2}is|:))[ \\t]{1,2}${KEYPAD_DIGITS}${CODE_END}`,
  'y',
);
/** How many codes may follow a stated one: a few sites' or a few locks'. */
const MAX_SIBLING_CODES = 6;

/** The context a stated code's validator reads, for a match found outside the engine. */
function matchContext(text: string, match: RegExpExecArray): RuleContext {
  const matchStart = match.index;
  const matchEnd = matchStart + match[0].length;
  return {
    text, matchStart, matchEnd, groups: match.groups,
    get line() {
      const line = lineAround(text, matchStart, 1000);
      return text.slice(line.start, line.end);
    },
  };
}

/** Where a keypad's code or a PIN stated at `start` (as `stated-keypad-code` or `stated-pin` find it) ends, if one is. */
function statedCodeEndAt(text: string, start: number): number | undefined {
  STATED_KEYPAD_CODE.lastIndex = start;
  const keypad = STATED_KEYPAD_CODE.exec(text);
  if (keypad !== null && isStatedKeypadCode(keypad.groups!['v']!, matchContext(text, keypad))) return STATED_KEYPAD_CODE.lastIndex;
  STATED_PIN.lastIndex = start;
  const pin = STATED_PIN.exec(text);
  if (pin === null) return undefined;
  const end = STATED_PIN.lastIndex;
  return isProsePin(pin.groups!['v']!) && isStatedPin(text, start, end, pin.groups!['v']!, pin.groups) ? end : undefined;
}

/** The next code after a stated one that ends at `at`, if one follows: its digits' span, and where its match ends. */
function siblingCodeAt(text: string, at: number): { span: Span; end: number } | undefined {
  for (const pattern of [SIBLING_CODE_PLACED, SIBLING_CODE_NAMED]) {
    pattern.lastIndex = at;
    const m = pattern.exec(text);
    if (m === null) continue;
    // The keypad's `#` or `*` is kept with the digits (`7391# (unset) / 7391* (set)`), and left out of their judging.
    const value = m.groups!['v']!;
    const digits = codeDigits(value);
    const end = pattern.lastIndex;
    // Named by its place or as the old one, year-shaped digits are the code still (`old one was 1904`).
    const yearShaped = pattern === SIBLING_CODE_PLACED && YEAR_DIGITS.test(digits);
    if (!isProsePin(digits) || yearShaped || COUNTED_AFTER.test(text.slice(end, end + 16)) || linesCodeStandIn(text, at, end)) return undefined;
    const start = m.index + m[0].lastIndexOf(value);
    return { span: { start, end: start + value.length }, end };
  }
  return undefined;
}

/** What may follow a stated code on its line when a second one does: a bracket, a slash or a list's marks. */
const SIBLING_MARK = /[(\/;,]/;

function findSiblingCodes(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const start of offsets) {
    if (start < from) continue;
    const end = statedCodeEndAt(text, start);
    if (end === undefined) continue;
    from = end;
    if (!SIBLING_MARK.test(text.slice(end, end + 4))) continue;
    let at = end;
    for (let n = 0; n < MAX_SIBLING_CODES; n++) {
      const sibling = siblingCodeAt(text, at);
      if (sibling === undefined) break;
      spans.push(sibling.span);
      at = from = sibling.end;
    }
  }
  return spans;
}

/** The plural code nouns a caption over a list of codes holds (`Gate and door codes:`, `## Alarm PINs`): the words that find it. */
const CODE_LIST_KEYWORDS = ['codes', 'pins', 'passcodes', 'combinations'];
/**
 * An item of a list of codes: its label, a colon or a spaced dash, and the digits alone (`- North barrier: 482916`,
 * `* Service gate (bins, gas deliveries): 2580`, `2. Bike store – 5531#`). Sticky at the item's start; `v` is the digits.
 */
const CODE_LIST_ITEM = new RegExp(
  `[ \\t]{0,4}(?:[-*+•]|\\d{1,2}[.)])[ \\t]{1,3}(?<label>[^:=\\r\\n\`]{1,60}?)(?:[ \\t]{0,2}:|[ \\t]{1,2}[-–—])[ \\t]{1,3}${KEYPAD_DIGITS}${CODE_END}`,
  'y',
);
/** A list's item marker at a line's start. */
const LIST_MARKER = /^[ \t]{0,4}(?:[-*+•]|\d{1,2}[.)])[ \t]/;
/** How many lines of prose may stand between a caption and its list, and how many items a list of codes is read for. */
const CAPTION_PROSE_LINES = 1;
const MAX_CODE_LIST_ITEMS = 40;

/** The caption a code list's keyword opens at `at`, if its line is one: a heading, or a line that ends in a colon. */
function captionLineAt(text: string, at: number): { text: string; end: number } | undefined {
  const line = lineAround(text, at, CODE_LINE_REACH);
  const caption = text.slice(line.start, line.end).trim();
  if (!caption.startsWith('#') && !caption.endsWith(':')) return undefined;
  return { text: caption.replace(/^#{1,6}[ \t]*/, '').replace(/:$/, ''), end: line.end };
}

/**
 * The codes of a list under a caption that names them as keypads' (`Keypad fallback codes (change every season):` over
 * `- North barrier: 482916`, `## Gate and door codes` over `- Yard: 5531#`): each item's digits after its label, unless
 * its label names another kind of code; the list ends at the first line that is no item.
 */
function findCodeLists(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const at of offsets) {
    if (at < from) continue;
    const caption = captionLineAt(text, at);
    if (caption === undefined || !captionNamesKeypadCodes(caption.text)) continue;
    let prose = 0;
    let items = 0;
    for (let start = caption.end + 1; start < text.length && items < MAX_CODE_LIST_ITEMS; ) {
      const end = lineAround(text, start, 1000).end;
      const line = text.slice(start, end);
      if (!LIST_MARKER.test(line)) {
        if (items > 0 || (line.trim() !== '' && ++prose > CAPTION_PROSE_LINES)) break;
      } else {
        items++;
        CODE_LIST_ITEM.lastIndex = start;
        const m = CODE_LIST_ITEM.exec(text);
        const value = m === null ? '' : codeDigits(m.groups!['v']!);
        if (m !== null && isProsePin(value) && !YEAR_DIGITS.test(value) && !labelNamesOtherCode(m.groups!['label']!) && !linesCodeStandIn(text, start, CODE_LIST_ITEM.lastIndex)) {
          const valueStart = m.index + m[0].lastIndexOf(m.groups!['v']!);
          spans.push({ start: valueStart, end: valueStart + m.groups!['v']!.length });
        }
      }
      from = end;
      start = end + 1;
    }
  }
  return spans;
}

/** A comment line's opening marker: a shell's, an INI's or TOML's `#` or `;`, C's `//`, SQL's `--`, a block's `*`. */
const COMMENT_LINE = /^[ \t]{0,8}(?:#|\/\/|;|--|\/?\*)[ \t]{0,4}/;
/** A config's section header line (`[[fallback_codes]]`, `[gate]`), which may stand between a comment and the settings under it. */
const SECTION_HEADER_LINE = /^[ \t]{0,8}\[{1,2}[\w. "-]{1,60}\]{1,2}[ \t]*$/;
/**
 * A setting under a name for a code (`code = "482916"`, `pin: 4471`, `fallback_code = …`) whose value is 4 to 8 digits,
 * maybe quoted, ending the line or before a comment. Sticky at the line's start; `v` is the digits.
 */
const CODE_SETTING = /[ \t]{0,8}["']?(?<name>[A-Za-z_][\w.-]{0,40})["']?[ \t]{0,4}[:=][ \t]{0,4}["']?(?<v>\d{4,8})["']?[ \t]{0,4}(?:[,;]|#|\/\/|\r?$)/my;

/** The line that starts `lines` on from the line after `at`'s, skipping one section header line; its start. */
function settingLineAfter(text: string, at: number): number | undefined {
  let start = lineAround(text, at, CODE_LINE_REACH).end + 1;
  if (start >= text.length) return undefined;
  const end = lineAround(text, start, 1000).end;
  if (SECTION_HEADER_LINE.test(text.slice(start, end))) start = end + 1;
  return start < text.length ? start : undefined;
}

/**
 * A keypad's code set in a config under a comment that names it (`# keypad code for the wardens when the ANPR is down`
 * over `code = "482916"`, `// gate PIN` over `pin: 4471`): the setting's name holds a code's noun, the comment names what
 * the keypad guards and a code's noun and no other kind of code (an error's, a zone's).
 */
function findCommentedCodes(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let from = 0;
  for (const at of offsets) {
    if (at < from) continue;
    const line = lineAround(text, at, CODE_LINE_REACH);
    from = line.end;
    const comment = COMMENT_LINE.exec(text.slice(line.start, at));
    if (comment === null || !captionNamesKeypadCodes(text.slice(line.start + comment[0].length, line.end))) continue;
    const setting = settingLineAfter(text, at);
    if (setting === undefined) continue;
    CODE_SETTING.lastIndex = setting;
    const m = CODE_SETTING.exec(text);
    if (m === null || !titleHoldsCodes(m.groups!['name']!)) continue;
    const value = m.groups!['v']!;
    if (!isProsePin(value) || YEAR_DIGITS.test(value) || linesCodeStandIn(text, line.start, CODE_SETTING.lastIndex)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * A pairing or device code a card reader, a TV app or a vendor's remote session is set up with, or a one-time support
 * passcode, given in chat, a ticket or a runbook after its noun ("device code QXJM-VTPR (from the dashboard)", "Re-paired
 * using the device code XKQ-KKNE-XPVP", "the one-time support passcode from the password manager (last used: HX7-22Q-91K)"):
 * groups of three to five capitals and digits joined by hyphens, a short clause at most between. Whoever holds it pairs a
 * device with the account or opens the session.
 */
const PAIRING_CODE =
  /(?:(?:device|pairing|activation|enrol{1,2}ment|setup|link|linking|sign-in|one-time)[ \t-]code|passcode)s?(?<gap>[^\r\n.!?]{0,60}?)(?<![A-Za-z0-9-])(?<v>[A-Z0-9]{3,5}-[A-Z0-9-]{3,17})(?![A-Za-z0-9-])/iy;
/** A clause between the noun and the code that makes the code another thing's: a ticket's, an order's, a model's number. */
const OTHER_NUMBER_BETWEEN = /\b(?:ticket|order|ref|reference|case|invoice|serial|model|part|sku|version|build|id|number|no|job|booking)\b/i;
/** A name and a number (`SUP-230`, `ISO-27001`, `TKT-2024-021193`): letters first, then digits only, as ids are written. */
const LETTERS_THEN_DIGITS = /^[A-Z]{1,5}(?:-\d{1,5}){1,3}$/i;

/** Two to four groups of three to five characters: the pattern reads one run of them, its groups are counted here. */
function hasCodeGroups(value: string): boolean {
  const groups = value.split('-');
  return groups.length >= 2 && groups.length <= 4 && groups.every((g) => g.length >= 3 && g.length <= 5);
}

function isPairingCode(value: string, context: RuleContext): boolean {
  if (!hasCodeGroups(value) || value !== value.toUpperCase() || !/[A-Z]/.test(value) || LETTERS_THEN_DIGITS.test(value)) return false;
  if (OTHER_NUMBER_BETWEEN.test(context.groups?.['gap'] ?? '') || !notPlaceholderNorCounted(value.replace(/-/g, ''))) return false;
  return /\d/.test(value) || isDrawnLetterCode(value);
}

/**
 * A code of capitals only (`QXJM-VTPR`) is drawn when few of its letters are vowels: words joined by hyphens
 * (`READ-ONLY-MODE`) have one in every two or three letters, a code drawn from 26 letters about one in five.
 */
function isDrawnLetterCode(value: string): boolean {
  const letters = value.replace(/-/g, '');
  const vowels = (letters.match(/[AEIOU]/g) ?? []).length;
  return vowels * 4 < letters.length;
}

export const statedCredentialRules: Rule[] = [
  {
    id: 'parenthesised-password-aside',
    category: 'PASS',
    description: 'A password given in a parenthesised aside after its abbreviation or name (`psql -U reporting (pw …)`, `(password …)`): letters of both cases and a digit',
    keywords: ['(pw ', '(pwd ', '(pass ', '(passwd ', '(password ', '(pw\t', '(pass\t', '(password\t'],
    pattern: PARENTHESISED_PASSWORD,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => BOTH_CASES_AND_DIGIT.test(secret) && isPlausiblePassword(secret, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['-- nightly: mysql -h 10.1.4.7 -u etl (pw Rq7mWz4Tx9Lk)', '# bastion: ssh ops@jump.example.net (password Hn3-Vq8tLw2z)', '- The duty engineer logged into the router (password Skerry#Lantern7 - changed since) and fixed it.', 'the kiosk (pw Tern4-Quay-Mv; rotate monthly)'],
      noMatch: ['-- connect as reporting (password required)', '# login (pw reset monthly)', '-- mysql -u etl (pw ${ETL_PW})', '(pw changeme)', 'the router (password reset required - see IT)', 'the router (password Skerry#Lantern7 dropped (old))'],
    },
  },
  {
    id: 'bracketed-password-subject',
    category: 'PASS',
    description: 'A password in brackets right after the word password as a sentence\'s subject (`the old shared password from before 2022 (…) is dead`): letters of both cases and a digit',
    keywords: ['password'],
    pattern: BRACKETED_PASSWORD_SUBJECT,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => BOTH_CASES_AND_DIGIT.test(secret) && isPlausiblePassword(secret, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['The old shared "lab" password from before 2022 (Crown&Bridge99) is dead everywhere.', 'The previous VPN password (Harbor!Gate42) was rotated on Monday.'],
      noMatch: ['The password (see the vault) is rotated monthly.', 'password hashing (PBKDF2) is slow by design', 'the password from before 2022 (changeme1) is dead', 'The password field (passwordInput) is required.', 'the password (Harbor!Gate42)'],
    },
  },
  {
    id: 'password-code-span-aside',
    category: 'PASS',
    description: 'A password in code marks in brackets right after the word password, maybe after a word that dates it (`still using the old password (\`…\`)`, `Rotate the NOC password (was \`…\` since 2022)`): a password\'s mix; not a name in capitals, a flag or a variable',
    keywords: ['password (', 'password  ('],
    pattern: PASSWORD_CODE_SPAN_ASIDE,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => isCodeSpanAsidePassword(secret) && isPlausiblePassword(secret, ctx.file),
    confidence: 'medium',
    examples: {
      match: ['- 09:30 The backup job was still using the old password (`Slate-Roof-2291`); restarted it.', '3. Rotate the kiosk password (was `Turnstile4Ever!` since 2021).'],
      noMatch: ['Set the password (`DB_PASSWORD`) in the env file.', 'Set the password (`ReportingDb2024Main`) in the vault.', 'Pass the password (`--password-stdin`) on the command line.', 'Rotate the kiosk password (was `changeme` since 2021).', 'the password (`${KIOSK_PW}`) comes from Vault', 'Rotate the password (see `runbook-2024.md`).'],
    },
  },
  {
    id: 'comment-named-literal',
    category: 'KEY',
    description: 'A literal under a name that says nothing whose trailing comment names it a credential (`var fallback = "…"; // ConvertAPI secret, prod`)',
    keywords: ['secret', 'password', 'passwd', 'token', 'api key', 'apikey', 'api_key', 'api-key', 'access key', 'access_key'],
    pattern: LITERAL_BEFORE_COMMENT,
    find: findCommentedLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'var fallback = "Tq7mRw2zKxLpVb9N"; // PdfForge secret, prod',
        "ROUTER_PW = 'Kelp9-Harrow-Vw2' # staging password",
        '  upstream: "Vq7mLx2Rk9TzW4nPc8Hb", // billing API key (rotated 2024)',
      ],
      noMatch: [
        'var x = "Tq7mRw2zKxLpVb9N"; // not a secret',
        'var gift = "Tq7mRw2zKxLpVb9N"; // secret santa',
        'cacheName = "Tq7mRw2zKxLpVb9N"; // key for the cache',
        'var hash = "d2cf93ce8f38fe71b04984fa44eb90f12a6efe6b3305f0b5b156d615f2bafaf4"; // expected manifest hash',
        'var fallback = "changeme"; // ConvertAPI secret',
        'label = "Password"; // password field label',
        'var demo = "Tq7mRw2zKxLpVb9N"; // example token',
      ],
    },
  },
  {
    id: 'comment-named-map',
    category: 'KEY',
    description:
      'The generated values of a map literal whose name says nothing under a comment line naming its entries credentials (`// partner credentials (prod)` over `var partners = map[string]string{ "acme": "…" }`)',
    keywords: ['credentials', 'passwords', 'secrets', 'tokens', 'keys'],
    pattern: MAP_OPENER_LINE,
    find: findCommentNamedMaps,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '// Carrier partner credentials (prod)\nvar carriers = map[string]string{\n\t"north": "7c1f0e9ab24d6538e1c07f9d2ab3e461",\n\t"demo": "changeme",\n}',
        '# Relay login tokens, one per site\nRELAYS = {\n    "site-a": "Qm7vLp2Zx9Tn4Wk8Rb3Hc6Yd",\n}',
        '  // Webhook signing secrets\n  // (rotated quarterly)\n  const hooks: Record<string, string> = {\n    orders: "Wz8kTq3LmX7pR2vN9cBh4Jd6",\n  };',
      ],
      noMatch: [
        '// Carrier partner credentials (prod)\nvar carriers = map[string]string{\n\t"north": "changeme",\n}',
        '// not real credentials\nvar carriers = map[string]string{\n\t"north": "7c1f0e9ab24d6538e1c07f9d2ab3e461",\n}',
        '// Keyboard keys\nconst KEYMAP = {\n  up: "ArrowUp",\n  hash: "Wz8kTq3LmX7pR2vN9cBh4Jd6",\n};',
        '// Look up credentials by partner and cache them\nvar carriers = map[string]string{\n\t"north": "7c1f0e9ab24d6538e1c07f9d2ab3e461",\n}',
        '// Partner credentials\nfunc load() {\n\tx := "7c1f0e9ab24d6538e1c07f9d2ab3e461"\n}',
      ],
    },
  },
  {
    id: 'stated-credential-pair',
    category: 'PASS',
    description:
      'The password of a `user:password` or `user / password` pair right after "auth failed for", "login failed for" or "credentials:" (a log line printing the login it tried, a note stating it)',
    keywords: ['auth failed for', 'authentication failed for', 'login failed for', 'login for', 'credentials'],
    startsAtKeyword: true,
    pattern: STATED_PAIR,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (v, ctx) => mixesClasses(v, 3) && isPlausiblePassword(v, ctx.file),
    confidence: 'medium',
    examples: {
      match: [
        '2024-05-02T10:11:12Z ERROR ldap auth failed for svc_sync:Qw7rTz2LmX9p',
        'WARN login failed for deploy:Hn4vR8kWq2Zs (attempt 3)',
        'Broker credentials (prod): mqadmin / Lp9xK3wRt7Vz on 10.0.0.12.',
      ],
      noMatch: [
        'ERROR auth failed for db01.internal:5432',
        'WARN login failed for deploy:1715011223',
        'login for alice:2024-05-02T10:11:12Z',
        'credentials: see the team vault / ask the on-call',
        'auth failed for svc_sync:${SYNC_PASSWORD}',
        'credentials: user / password',
      ],
    },
  },
  {
    id: 'stated-pre-shared-secret',
    category: 'KEY',
    description:
      'A generated value that prose names as a pre-shared token, key, secret or passphrase or by its abbreviation PSK (`expects the pre-shared token K7…Q`, `pre-shared key: …`, a WireGuard peer\'s `PSK …`)',
    keywords: ['pre-shared', 'preshared', 'pre shared', 'psk'],
    startsAtKeyword: true,
    pattern: STATED_PRE_SHARED,
    secretGroup: 'v',
    minEntropy: 3.5,
    validate: (v, ctx) =>
      /\d/.test(v) && /[A-Za-z]/.test(v) && !SCREAMING_NAME.test(v) && notPlaceholder(v) && isPlausibleSecret(v, { category: 'KEY', quoted: true, file: ctx.file }),
    confidence: 'medium',
    examples: {
      match: [
        '    The bridge sends the pre-shared token Q8WZT3KD5NPRV7HB2MFX before any command.',
        '# pre-shared key: `fR9kLp2QwZx7Tn4VbHs6`',
        'The controller expects the preshared secret is 7GkP2mXq9RtW4zLc, rotated yearly.',
        '3. The tunnel peer is gw.example.net:51820, PSK Vb4Lq8Tz2Wm6Rn9Hc3Xk7Pd1Jf5Gs0YaUe+Qi/No2A=.',
      ],
      noMatch: [
        'Clients authenticate with a pre-shared key authentication handshake.',
        'The bridge sends the pre-shared token PSK_FROM_VAULT_V2 before any command.',
        'The pre-shared key 0000000000000000 is a stand-in.',
        'Use a pre-shared secret of at least 16 characters.',
        'The tunnel uses PSK authentication with IKEv2.',
        'Set wpa_psk to WIFI_PSK_FROM_VAULT before flashing.',
      ],
    },
  },
  {
    id: 'stated-key-secret-pair',
    category: 'KEY',
    description:
      'The secret stated right after an API or access key\'s id in prose (`API key SK… / secret …`, `access key AKIA…, secret …`, or an id known by its own prefix, a chat\'s `new key is SK… secret …`): a docstring or a note handing over a key pair; the secret mixes letters of both cases and digits, or is hex of 32, 40 or 64 digits',
    keywords: ['api key', 'access key', ...KEY_ID_OWN_PREFIX_KEYWORDS],
    startsAtKeyword: true,
    pattern: STATED_KEY_SECRET,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (v, ctx) =>
      isPairSecretShape(v) && !UUID.test(v) && !SCREAMING_NAME.test(v) && notPlaceholder(v) && isPlausibleSecret(v, { category: 'KEY', quoted: true, file: ctx.file }),
    confidence: 'medium',
    examples: {
      match: [
        '"""Send SMS. Creds: API key SK0f3a9c7e21b84d65a0c9e3f172b6d48a / secret Tq7LmZ4xRp9Wb3NvHs8cYd2K."""',
        'Use the access key AKIAZ3QW7XRT5LMN2PVB, secret Hq8vT2mLx9Rk4WzN7bPc3Yd6Gf0Js5Ae1Uo8Qi2S for the archive bucket.',
        '"text": "rotation ran but the config did not update. new key is SK5e0b9d2c7a1f48e3b6c0d9a2e7f14b8c secret 3c9e71a4f0b82d65e1a7c4f90b3d2e86 — setting it by hand",',
      ],
      noMatch: [
        'API key SK0f3a9c7e21b84d65a0c9e3f172b6d48a / secret stored in the vault.',
        'API key SK0f3a9c7e21b84d65a0c9e3f172b6d48a / secret TWILIO_API_SECRET_FROM_ENV.',
        'API key SK0f3a9c7e21b84d65a0c9e3f172b6d48a / secret 6b1e2f0a-4c3d-4e7a-9b8c-1d2e3f4a5b6c.',
        'The access key id and secret key are issued per environment.',
        'new key is SK5e0b9d2c7a1f48e3b6c0d9a2e7f14b8c secret is in the vault',
        'TASK5e0b9d2c7a1f48e3b6c0d9a2e7f14b8c secret 3c9e71a4f0b82d65e1a7c4f90b3d2e86',
      ],
    },
  },
  {
    id: 'device-pairing-code',
    category: 'TOKEN',
    description:
      'A device\'s pairing, activation or sign-in code, or a one-time support passcode, given after its noun in chat, a ticket or a runbook (`device code QXJM-VTPR`, `re-paired using the device code XKQ-KKNE-XPVP`, `support passcode … (last used: HX7-22Q-91K)`): groups of 3 to 5 capitals and digits joined by hyphens; not a ticket\'s, an order\'s or a model\'s number, nor a name and a number (`SUP-230`)',
    keywords: ['device code', 'device-code', 'pairing code', 'pairing-code', 'activation code', 'enrolment code', 'enrollment code', 'setup code', 'link code', 'linking code', 'sign-in code', 'one-time code', 'passcode'],
    startsAtKeyword: true,
    pattern: PAIRING_CODE,
    secretGroup: 'v',
    validate: isPairingCode,
    confidence: 'medium',
    examples: {
      match: [
        '[10:02] Ana: pairing code for the till reader is KWPZ-7HQD, it expires at noon',
        'Re-linked the kiosk with the activation code TRB-QZWX-8KPN this morning.',
        'Give the vendor the one-time support passcode from the vault (last used: 7QK-X2M-4RP).',
      ],
      noMatch: [
        'device code for the ticket SUP-2301 is on the sticker',
        'passcode policy follows ISO-27001 since 2023',
        'the pairing code is shown on the reader, e.g. ABCD-EFGH-IJKL',
        'activation code order number WEB-48213-77',
        'setup code READ-ONLY-MODE is the default',
      ],
    },
  },
  {
    id: 'signed-with-value',
    category: 'KEY',
    description:
      'A secret told as what something is signed with (`callbacks are signed with \`whk_…\``, `we sign requests using …`, `HMAC-SHA256 signed with …`): a drawn value of letters of both cases and digits; hex alone (a key id, a fingerprint) and names are left',
    keywords: ['signed', 'signs', 'sign ', 'hmac'],
    startsAtKeyword: true,
    pattern: SIGNED_WITH_VALUE,
    secretGroup: 'v',
    validate: (v, ctx) => isSigningSecretShape(v, ctx.file, ctx.groups?.['q'] ?? ''),
    confidence: 'medium',
    examples: {
      match: [
        'Their webhook callbacks are signed with `whk_Rq7mZt2WbX9kLp4VnH8cJd5F`; verify before trusting them.',
        'We sign every outbound request using Hq7Lm2Wx9Tz4Kv8Rb3Nc6Pd1 in the X-Signature header.',
        'Payloads are HMAC-SHA256 signed with the secret "tL8vQ2mZx7RkW4nB9pYc3HdF".',
      ],
      noMatch: [
        'Their webhook callbacks are signed with HMAC-SHA256; the key is in Vault.',
        'Commits are signed with GPG key 4AEE18F83AFDEB23A1B2C3D4E5F60718293A4B5C.',
        'Tokens are signed with `WEBHOOK_SIGNING_SECRET` from the environment.',
        'The release is signed with `release-signing-key.pem` from the HSM.',
        'The certificate is signed by Acme Root CA R3 2024 Intermediate.',
        'Requests are signed with `$PARTNER_SIGNING_SECRET`.',
      ],
    },
  },
  {
    id: 'stated-credential-value',
    category: 'KEY',
    description:
      'A generated value written right after the words that name it a credential, with no colon between (`API token 9f…c2 in job config`, `loaded signing key 4e…0b`, `secret key Kq…7Z`; after the bare noun `key`, as in `calendar feed key …`, only a drawn value of letters of both cases and digits), the words maybe joined as a parameter\'s name (`"Invalid AccessToken 9C…"`); 40 hex digits only after an API key\'s, API token\'s, access or auth token\'s noun (elsewhere a fingerprint or a commit)',
    keywords: [
      'api token', 'api key', 'api secret', 'access token', 'auth token', 'bearer token', 'admin token', 'refresh token', 'session token',
      'signing key', 'private key', 'master key', 'encryption key', 'session key', 'client secret', 'app secret', 'secret',
      // A key named by what it opens (`calendar feed key …`, `the licence key …`): the bare noun, read strictly.
      'key ',
      // The same phrases written as one word, as a parameter's name (`AccessToken`, `ApiKey`, `clientsecret`).
      'apitoken', 'apikey', 'apisecret', 'accesstoken', 'authtoken', 'bearertoken', 'admintoken', 'refreshtoken', 'sessiontoken',
      'signingkey', 'privatekey', 'masterkey', 'encryptionkey', 'sessionkey', 'clientsecret', 'appsecret',
    ],
    startsAtKeyword: true,
    pattern: STATED_NOUN_VALUE,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (v, ctx) => isStatedNounValue(v, ctx.file, ctx.groups?.['noun']),
    confidence: 'medium',
    examples: {
      match: [
        '| Billing | svc | API token 3fa94c0d17be52e8a6d09c4b71f2e835 left in a wiki page |',
        '2024-03-01T10:00:00Z INFO [jwt] loaded signing key 7d2e90b4c15a3f86e0d71b29c4a58f3e6b0d19a7c2e54f81b3a06d9e7c41f25b for kid=a1',
        'The old secret key Qm7vLp2Zx9Tn4Wk8Rb3Hc still works on staging.',
        '2024-06-03T02:14:11Z,YRK,007ba6f6-9997-4ccc-885b-c7fa5268de49,AddPayment,401,"Invalid AccessToken 9C18B680927F99CA1FB2D658D931F71B-EF32552D3A087C561C749B4DA6F7DC9"',
        'The REST endpoint also accepts the API key 3e8a1f0c5b7d92e46a0c1b8f3d5e7a9c2b4d6f81 in the X-Api-Key header.',
        '[16:02] jo: portal creds reissued - access Wq3kTz8LmV2nRb5c secret Hq7Lm2Wx9Tz4Kv8Rb3Nc6Pd1Jf5Gs0Ya+Ue/Qi=',
        'The rota calendar takes the feed key Qm7vLp2Zx9Tn4Wk8Rb3HcYd6Gf0Js5Ae — keep it to yourself.',
      ],
      noMatch: [
        'Verify the public signing key 7d2e90b4c15a3f86e0d71b29c4a58f3e6b0d19a7c2e54f81b3a06d9e7c41f25b first.',
        'Rotate the API token every 90 days.',
        'signing key fingerprint 3f6249dd97cd7fc95657128f99b889818aa7c5dc4b8c188647c768f5eabe090d',
        'API key 0c6f1b8e-2d4a-4f7b-9e13-5a8c2d7e9b41 belongs to the partner account.',
        'The signing key 6A010C5166006599AA17F08146C2130DFD2497F5 is the release fingerprint.',
        'Bumped the private key 3e8a1f0c5b7d92e46a0c1b8f3d5e7a9c2b4d6f81 handling in the release.',
        'Set the API token API_TOKEN_FROM_VAULT before the run.',
        'Verify with the PublicSigningKey 7d2e90b4c15a3f86e0d71b29c4a58f3e6b0d19a7c2e54f81b3a06d9e7c41f25b first.',
        '401,"Invalid AccessToken 0c6f1b8e-2d4a-4f7b-9e13-5a8c2d7e9b41"',
        'AccessToken accessToken = client.fetchToken();',
        'git config --global user.signingkey 31D70E86626CE8F7',
        'the access token expires_in_seconds is 3600',
        'kubectl get secret app-db-creds-2024-v2 -o yaml',
        'The secret santa draw is on the 12th 2024 at 5pm.',
        'The cache key user_42_profile_v3_eu2 is rebuilt hourly.',
        'Add the SSH key AAAAC3NzaC1lZDI1NTE5AAAAIGq7Lm2Wx9Tz4Kv8Rb3Nc6Pd to the box.',
        'The product key QH7KP-2MX4R-T8VN3-LJ6HB is on the sticker.',
      ],
    },
  },
  {
    id: 'remote-session-password',
    category: 'PASS',
    description:
      'A remote-support session\'s password given beside its ID (`TeamViewer ID 1 284 551 903, password …`, `via AnyDesk (ID 482 993 017), session password …`): letters and a digit, or both cases and a symbol, short and of one case too; the ID is no password',
    keywords: ['teamviewer', 'anydesk', 'rustdesk'],
    startsAtKeyword: true,
    pattern: REMOTE_SESSION_PASSWORD,
    secretGroup: 'v',
    validate: (v, ctx) => isRemoteSessionPassword(v, ctx.file),
    confidence: 'medium',
    examples: {
      match: [
        '> TeamViewer ID 1 302 447 815, password Xq4tn8Pe',
        'Support dialled in via AnyDesk (ID 731 220 946), session password rk3w9d.',
        'TeamViewer 1 449 307 221 and the password is "Lune-Tide-Ok4"',
      ],
      noMatch: [
        'TeamViewer ID 1 302 447 815, password in the ticket.',
        'TeamViewer ID 1 302 447 815, password changes every session',
        'AnyDesk ID 731 220 946 (password: see LastPass)',
        'TeamViewer ID 1 302 447 815, password 2FA-protected',
        'TeamViewer password Xq4tn8Pe',
      ],
    },
  },
  {
    id: 'memorable-answer',
    category: 'PASS',
    description:
      'A bank\'s memorable word or information, or a secret or security answer, stated after `is` or a colon (`the memorable word is …`, `Memorable information: …`): one plain word ending its clause, or letters and a digit; not a word describing it (`is required`, `is the same`, `is in the vault`)',
    keywords: ['memorable word', 'memorable information', 'memorable info', 'memorable phrase', 'memorable name', 'memorable place', 'secret answer', 'secret word', 'security answer'],
    startsAtKeyword: true,
    pattern: MEMORABLE_ANSWER,
    secretGroup: 'v',
    validate: (v, ctx) => isMemorableAnswer(v, ctx.file),
    confidence: 'medium',
    examples: {
      match: [
        'Banking: customer no. 5521 0093, password is Tollgate#31 and the memorable word is ferrybridge',
        'Memorable information: harvestmoon77',
        'the security answer is "Marrowbone".',
      ],
      noMatch: [
        'The memorable word is required at every login.',
        'the memorable word is case-sensitive',
        'Memorable information: the same as the old account',
        'the memorable word is in the vault',
        'the secret answer is stored hashed',
        'your memorable word is never asked in full',
      ],
    },
  },
  {
    id: 'stated-keypad-code',
    category: 'PASS',
    description:
      'A keypad code stated in notes by what it opens: an intruder alarm\'s (its setting or unsetting code too), a door\'s, a gate\'s, a key safe\'s (or a box the clause keeps keys in: `keys in the box — box code is …`), a padlock\'s or a locked room\'s code, PIN or combination, or a duress, bypass or override code (also by the mode it opens: `engineer mode code`), the name maybe in bold, then a colon or `is` (or `stays`, `remains`, a clause\'s colon and `the new code is`) and, maybe on the next line where set off or ending the clause, 4 to 8 digits (`Intruder alarm code for the boiler room: …`, `the gate code is …`, `machine room code is …`), the code named first (`code for the key safe is …`, `combination (front gate): …`), a lock that holds it named alone (`the padlock on the chest is …`, `Staff entrance keypad (all branches): …`), what it guards first and the code after a comma or colon (`the key safe, code …`, `Gate: code …#`, `Alarm panel (make): user code …`, the keypad\'s `#` or `*` kept) or in brackets (`the key safe (code …)`), the first code where the clause runs on to another, or the digits right after the name where they end the clause (`alarm code …`, `duress code …`; no year, no event a panel shows); not one digit repeated nor a counted run, nor on a line that calls it a default or an example',
    keywords: STATED_KEYPAD_CODE_KEYWORDS,
    startsAtKeyword: true,
    pattern: STATED_KEYPAD_CODE,
    secretGroup: 'v',
    validate: isStatedKeypadCode,
    confidence: 'medium',
    examples: {
      match: [
        'The **alarm code** for the side door is\n  `5813` \u2014 keep it off the whiteboard.',
        'van 2, keys in the box, box code is 7162',
        '- Intruder alarm code for the boiler room: 502917', 'The side gate code is `4183`, change it after the event.', 'Key safe code = 73914',
        'the server room code is 380617 since the refit', '2. The alarm panel code is **9024** on every site.', '[09:12] Dana: combination for the blue padlock is 4096',
        '- Warehouse: Wi-Fi `WH-Staff`; alarm code 61083', 'Shop alarm: code 7062, duress code 7069', 'Locker combination (staff room): 3814',
        'Door code for the yard changed on Monday: the new code is 560917.', 'Spare van keys are in the key safe (code **61840**).',
        'Shed alarm: disarm with 480317 at the panel inside the door.', '[07:45] Jo: whoever closes up, alarm is 62094 then OFF', 'Unset the alarm by entering 70518#.',
      ],
      noMatch: [
        '- Do not use the factory installer code `5555` or master code `1234` in production.',
        'Default alarm code: 8421 (change it at install).',
        'Alarm code: 1234',
        'Door code sent by e-mail.',
        'door code: 0161 555 0192',
        'gate codes changed at 14:30 today',
        'The alarm code length is 6',
        'HTTP status code: 4040',
        'The error code for the door sensor is 4012.',
        'Room code: 2041 (lecture theatre B)',
        'the code for the gateway is 8081',
        'The panel showed alarm code 1301.',
        'door code 4012 means the strike is open',
        'Error code (gate controller): 4012',
        'The alarm is 0630 tomorrow, not 0700.', 'Alarm: 3108', 'Set the timer with 3000 ms.', 'disarm with 1234 on the panel', 'the door is 2040 then the frame',
      ],
    },
  },
  {
    id: 'keypad-code-aside',
    category: 'PASS',
    description:
      'A keypad code given in brackets at the end of a clause that names it (`The alarm panel code hasn\'t changed (…).`, `Alarm: installer sets code, we change to the standard one (…)`): what the keypad guards, its code\'s noun within a few words, then 4 to 8 digits alone in brackets; not a year, someone\'s number or a reference, a stand-in',
    keywords: KEYPAD_GUARD_KEYWORDS,
    startsAtKeyword: true,
    pattern: KEYPAD_CODE_ASIDE,
    secretGroup: 'v',
    validate: (v, ctx) =>
      isProsePin(codeDigits(v)) && !YEAR_DIGITS.test(v) && asideNamesCode(ctx.groups?.['clause'] ?? '') && !linesCodeStandIn(ctx.text, ctx.matchStart, ctx.matchEnd),
    confidence: 'medium',
    examples: {
      match: ['The gate code changed again last night (40917).', '- [ ] Alarm: we set our own code at handover (`63028`)', 'Door code for the bike store is unchanged (5820#)'],
      noMatch: [
        'The door code has changed (2024).',
        'The gate code changes weekly, ask reception (4412).',
        'Door code review moved to Thursday (4412)',
        'The alarm panel beeps after a power cut (4412)',
        'The alarm code is on the wall of room (2041)',
        'The default alarm code stays until handover (8421)',
        'The alarm code hasn\'t changed (1234).',
        'Alarm code changed (ticket 4412)',
      ],
    },
  },
  {
    id: 'sibling-keypad-code',
    category: 'PASS',
    description:
      'A second keypad code or PIN given right after a stated one, for another site or as the one it replaced: each with its place in brackets after a slash, comma or `or` (`override PIN is … (Edinburgh) / … (Glasgow)`), a place named after a semicolon or comma (`The Mayfair alarm code is …; Edinburgh is …`), or the old one (`alarm code changed to …, old one was …`); 4 to 8 digits, the keypad\'s `#` or `*` kept (`…# (unset) / …* (set)`), not a year, a count, a stand-in',
    keywords: [...STATED_KEYPAD_CODE_KEYWORDS, 'pin'],
    pattern: SIBLING_CODE_NAMED,
    find: findSiblingCodes,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'The refund override PIN is 4817 (Leeds) / 6203 (York), change after training.',
        'The warehouse alarm code is 59132; Head Office is 70418.',
        'Gate code changed to 38154, old one was 1906.',
        'Supervisor PIN: 7710 (Bath), 3306 (Wells) or 9142 (Frome)', 'Alarm code: 52806# (unset) / 52806* (set)',
      ],
      noMatch: [
        'The refund override PIN is 4817 (Leeds) / 2024 (York)',
        'The warehouse alarm code is 59132; Support is on 01632 960118.',
        'Gate code changed to 38154, old one was 1234.',
        'The warehouse alarm code is 59132 (Leeds) / 6203 units (York)',
        'The alarm panel reported 59132; Leeds is 70418.',
        'Supervisor PIN: 7710 (Bath), 3306 items',
      ],
    },
  },
  {
    id: 'keypad-code-list',
    category: 'PASS',
    description:
      'Codes listed under a caption that names them as keypads\' (`Keypad fallback codes (change every season):`, `## Gate and door codes`): each list item\'s label, a colon or a spaced dash, and 4 to 8 digits alone (`- North barrier: …`, `- Service gate (bins): …`, the keypad\'s `#` kept); not an item whose label names another kind of code (a fault, a zone), a year or a stand-in',
    keywords: CODE_LIST_KEYWORDS,
    pattern: CODE_LIST_ITEM,
    find: findCodeLists,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['Gate keypad codes (summer season):\n- Top car park: 305918\n- Boat yard (slipway side): 7714#', '## Door codes\n\nChange them every term.\n\n1. Music block – 62019\n2. Sports hall – 40871'],
      noMatch: [
        'Alarm panel fault codes:\n- Low battery: 1301\n- Zone tamper: 1302',
        'Gate keypad codes:\n- Installed: 2019\n- Top car park: 1234',
        'Error codes:\n- Door: 4012',
        'Gate keypad codes are changed every season:\n- ask the office',
        'Door codes:\n- see the vault\n\nRelease dates:\n- North: 20240',
      ],
    },
  },
  {
    id: 'commented-keypad-code',
    category: 'PASS',
    description:
      'A keypad code set in a config under a comment that names it (`# keypad code for the wardens …` over `code = "…"`, `// gate PIN` over `pin: …`, a section header between them allowed): a setting named for a code, 4 to 8 digits; not under a comment of another kind of code (an error\'s, a zone\'s), a year or a stand-in',
    keywords: KEYPAD_GUARD_KEYWORDS,
    pattern: CODE_SETTING,
    find: findCommentedCodes,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['# gate keypad code used when the plate reader is offline\ncode = "603718"', '[[doors]]\n// side door PIN for the cleaners\npin: 5190', '# alarm code for the night shift\n[[site.codes]]\ncode = 71046'],
      noMatch: [
        '# door sensor fault code\ncode = 4012',
        '# gate keypad code\nport = 8883',
        '# gate keypad code (factory default)\ncode = "603718"',
        'door code below\ncode = "603718"',
        '# gate keypad code\ncode = "2024"',
      ],
    },
  },
  {
    id: 'stated-dial-combination',
    category: 'PASS',
    description:
      'A safe\'s or a combination lock\'s dial numbers after the word combination or combo, or after the safe or padlock itself and a colon or `is`, numbers of one or two digits joined by dashes (`the safe in the office (combination …)`, `Safe combination: …`, `the padlock combo is …`, `Safe in the store office: …`), or after the word combination 4 to 8 digits run together (`The safe in the office has the spare keys; combination is …`), on a line that names the lock before them; not a stand-in, a year nor a date (`Safe serviced: …`)',
    keywords: ['combination', 'combo', 'safe', 'padlock', 'strongbox'],
    startsAtKeyword: true,
    pattern: DIAL_COMBINATION,
    secretGroup: 'v',
    validate: isDialCombination,
    confidence: 'medium',
    examples: {
      match: [
        '3. Petty cash: the grey safe under the counter (combination 14-62-09).', 'Safe combination: 27-08-41', 'the locker room padlock combo is `03-19-27`',
        '- Safe in the cellar office: 22-48-06', 'The padlock on the boat shed is 17-35-02.',
      ],
      noMatch: [
        'combination 14-62-09 of the test matrix', 'The safe combination was changed 12-03-24.', 'Safe combination: 00-00-00', 'safe combination e.g. 14-62-09',
        'The lock rig ran each combination of settings: 12-40-36', 'safe combination: 2024-03-12', 'Safe serviced: 12-03-24', 'Safe to deploy from: 12-03-24',
        'The safe was last opened: 14-02-25',
      ],
    },
  },
  {
    id: 'code-chat-answer',
    category: 'PASS',
    description:
      'A PIN or keypad code given as a chat\'s answer (`it\'s …`, `which is still …?`, maybe after `yes`) at the start of a message, after messages that named the PIN, code or device password it answers (`the referee laptop pin is still …?`, `the password for the fryer service menu?`, `reset from HMI with the supervisor pin`, `card machine 2 wants a supervisor password`); 4 to 8 digits, not a year, a count, a stand-in',
    keywords: CODE_ANSWER_KEYWORDS,
    pattern: CODE_ANSWER,
    find: findCodeAnswers,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[14:02] lena: the scoring laptop pin is still 0426? it doesn\'t take it\n[14:05] jonas: it\'s 731904 since saturday',
        '[19:02] Sam: reset the fly PLC from the HMI with the supervisor pin\n[19:03] Tom: which is still 906214?',
        '[07:06] Kim: the gate code for bay 2 changed?\n[07:07] Lou: yes it\'s 380516 now',
        '[07:06] Kim: what\'s the password for the combi oven service menu? the manual one fails\n[07:07] Lou: it\'s 6620 on ours',
      ],
      noMatch: [
        '[14:02] lena: what firmware is on the door keypad?\n[14:05] jonas: it\'s 2024 firmware, the March one',
        '[14:02] lena: how many rows in the door code table?\n[14:05] jonas: it\'s 4096 rows',
        '[14:02] lena: which port does the exporter use?\n[14:05] jonas: it\'s 9100',
        '[14:02] lena: what\'s the error code for the billing service?\n[14:05] jonas: it\'s 5003',
        '[14:02] lena: the laptop pin is the usual one\n[14:05] jonas: it\'s 1234 on all of them',
        '[14:02] lena: which port does the exporter use?\n[14:05] jonas: yes it\'s 9100',
      ],
    },
  },
  {
    id: 'code-chat-bare-answer',
    category: 'PASS',
    description:
      'A PIN or keypad code a chat gives as a bare answer: the message right after one that asks for a named code (`anyone got the ticket machine engineer PIN?`) that is the digits alone or the digits and a remark after a dash (`… - please stop changing it`), or a message that gives the new one (`Yes, new one from Monday is …`) after the code was named; 4 to 8 digits, not a year, a count, a stand-in, nor the answer to a question about some other number',
    keywords: [...ASKED_CODE_KEYWORDS, ...NEW_CODE_KEYWORDS],
    pattern: BARE_CODE_ANSWER,
    find: findBareCodeAnswers,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '[08:01] Ana: does anyone have the boiler room code?\n[08:02] Ben: 40817',
        '{"text": "who knows the staff laptop pin? mine is locked"},\n{"text": "602913 - do not share it"}',
        '[08:01] Ana: gave the courier the yard gate code 5120 - should we change it?\n[08:02] Ben: Yes, new one from Friday is 7384. I will tell the drivers',
      ],
      noMatch: [
        '[08:01] Ana: what is the ticket number for the door code?\n[08:02] Ben: 40817',
        '[08:01] Ana: does anyone have the boiler room code?\n[08:02] Ben: 2024',
        '[08:01] Ana: does anyone have the boiler room code?\n[08:02] Ben: 4096 rows in it?',
        '[08:01] Ana: does anyone have the boiler room code?\n[08:02] Ben: 0161 555 0192',
        '[08:01] Ana: is the release ready?\n[08:02] Ben: new one from Friday is 7384.',
        '[08:01] Ana: does anyone have the boiler room code?\n[08:02] Ben: 1234 - the factory default',
      ],
    },
  },
  {
    id: 'sim-puk',
    category: 'PASS',
    description:
      'A SIM card\'s PUK (the code that unblocks it and sets a new PIN), named by the word, maybe `PUK1`, `PUK2` or `PUK code`, maybe for what SIM, then a colon, `is` or nothing and its eight digits (`The SIM PIN is … and the PUK is …`, `PUK code for the gateway SIM: …`); not a run of one digit or a counting one, nor on a line that calls it an example',
    keywords: ['puk'],
    startsAtKeyword: true,
    pattern: SIM_PUK,
    secretGroup: 'v',
    validate: (v, ctx) => !isStandInDigits(v) && !linesCodeStandIn(ctx.text, ctx.matchStart, ctx.matchEnd),
    confidence: 'medium',
    examples: {
      match: ['Router SIM: PIN 5521, PUK 60318274.', 'PUK code for the gateway SIM: `29174630`', 'the puk1 was changed to 48201937'],
      noMatch: ['PUK: 12345678', 'PUK 00000000', 'Example: the PUK is 60318274', 'PUK is 8 digits long', 'The PUK is on the SIM card holder.', 'PUK 6031827401 (ICCID)', 'puk 60318274-2'],
    },
  },
  {
    id: 'stated-pin',
    category: 'PASS',
    description:
      'A PIN stated in a sentence by its words rather than whose it is: a determiner, an owner\'s possessive or its number of digits before the word PIN, or a role\'s word right before it or before an aside in brackets (`The PIN they ask for on the phone is …`, `asks for a PIN on the second screen: …`, `has its own PIN: …`, `the manager PIN, used …`, `Card terminal (SumUp) PIN for refunds: …`), maybe a short clause before its colon or `is`; after a role\'s word, also the digits right after the word PIN, and a label that ends in one (`Minibus tracker app: PIN …`); a device\'s panel, lock or controller before the acronym in capitals (`HMI panel PIN for the engineer screen: …`); a PIN the sentence says was changed and gives in the next clause (`the PIN was changed; it is now …`); a passcode whoever\'s it is, its digits maybe right after the word (`customer passcode …`, no year); 4 to 8 digits, not a stand-in, a count or a measure, and no postal code\'s, board\'s or certificate\'s pin',
    keywords: ['pin', 'passcode'],
    startsAtKeyword: true,
    pattern: STATED_PIN,
    secretGroup: 'v',
    validate: (v, ctx) => isProsePin(v) && isStatedPin(ctx.text, ctx.matchStart, ctx.matchEnd, v, ctx.groups),
    confidence: 'medium',
    examples: {
      match: [
        'The PIN the pharmacy asks for on the phone is 6172.',
        'The booking site also asks for a PIN on the last page: 480317',
        "The ferry skipper's radio channel PIN is 3816.",
        'The vault reader by the loading bay has its own PIN: **9051** since May.',
        '[09:14] Omar: the till asked for the supervisor PIN, used 7290',
        'The 6-digit PIN for the night-shift dispensing tablet is still 508813.',
        "If the card reader asks for a PIN, it's 52817.",
        'Card terminal (SumUp) PIN for refunds: **7302**',
        '3. Shuttle tracker app: PIN 602714.',
      ],
      noMatch: [
        'Bengaluru office, PIN: 560034',
        'the PIN code is 560034',
        'The PIN length is 6 digits; the PIN attempts limit is 5000.',
        'the reset pin is 4096 ohms',
        'the PIN is 1234 on every demo unit',
        'The PIN timeout is 3000 ms.',
        "Let's pin the release: 2024",
        'The GPIO pin: 1023',
        'For example, the PIN is 4821.',
        'PIN: 4821',
        'Pune office: PIN 411014',
        'Dev board (rev B) PIN: 2048',
      ],
    },
  },
  {
    id: 'keypad-code-told-later',
    category: 'PASS',
    description:
      'A PIN or keypad code told later in the sentence that names it, after a clause\'s break: as `it is …` (`use the courtroom PIN printed on the hearing sheet; for CR4 this term it is …`), or as whose one it is (`Gate codes for the farms are in the logbook; Fosse Farm\'s is …`); 4 to 8 digits, the keypad\'s `#` or `*` kept; not a count, a stand-in, nor after `it is` a year, and the code named before the break (a named PIN, code or combination, or PIN in capitals)',
    keywords: CODE_TOLD_LATER_KEYWORDS,
    pattern: CODE_TOLD_LATER,
    find: findCodesToldLater,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'For the lobby tablet use the meeting-room PIN on the booking email; for Room 3\n  this week it is **518204**.',
        'Door codes for the allotment sheds are on the noticeboard; the orchard shed\'s is 3817#.',
        'The alarm code changes every month, for June it\'s 60293.',
      ],
      noMatch: [
        'The alarm code changes every month. For June it is 60293.',
        'Use the GPIO PIN on the header; on this board it is 2048.',
        'The door code is on the sheet, it is 2024 now.',
        'Door codes for the sheds are on the noticeboard; Plot 9\'s is 1200 mm wide.',
        'The alarm code changes every month, the default it is 1234.',
        'The build number changed; it is 40917 now.',
      ],
    },
  },
];
