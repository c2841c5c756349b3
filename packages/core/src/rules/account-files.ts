import { decodeBase64 } from '../base64.js';
import { classifyKey } from '../key-name.js';
import { lineAround, lineEndBefore, linesFrom, startsItsLine } from '../line-index.js';
import { isPlausiblePassword, isPlausibleSecret, isStoredPasswordHash } from '../secret-value.js';
import type { DetectOptions, Rule, RuleContext, Span } from '../types.js';

/**
 * Files that store accounts, one per line or entry: Apache's and nginx's password file
 * (`.htpasswd`), a copy of `/etc/shadow` and LDIF, the text form of LDAP entries. What they hold beside a user is a
 * password or its hash. A hash is kept from a provider like the password itself: it can be
 * cracked offline (an `$apr1$` MD5 or `{SHA}` hash in seconds for a weak password), and a
 * file that lists them is a list of targets. Both rules are bound to their files by path.
 *
 * An htpasswd file is a web application's store of its users, so a hash there in a slow, salted
 * format (bcrypt `$2y$`, crypt(3)'s `$5$`/`$6$` that `htpasswd -2`/`-5` write) is left alone as it
 * is in any users table (`isStoredPasswordHash`): slow to attack by design. The fast formats,
 * `$apr1$`, `$1$`, `{SHA}` and DES, stay reported.
 */

/**
 * `.htpasswd`, `htpasswd`, `.htpasswd-admin`, `users.htpasswd`; and the other files of `user:password` lines named for a
 * password file (`kdb.passwd`, the users file kdb+'s `q -u` reads; Mosquitto's `mosquitto.passwd`; a `.passwd`). The
 * system's `passwd` keeps no password (seven fields a line, which the line below does not take) and is not matched.
 */
const HTPASSWD_FILE = /(?:^|[\\/])(?:\.?htpasswd(?:[._-][\w.-]{1,40})?|[\w.-]{1,80}\.htpasswd|[\w.-]{0,80}\.passwd)$/i;
/** One `user:password-or-hash` line; a `#` line is a comment. */
const HTPASSWD_LINE = /^(?<user>[^:\s#][^:\r\n]{0,254}):(?<v>[^\s:]{1,300})[ \t]{0,8}\r?$/gm;
/**
 * The hash formats htpasswd writes: Apache's MD5 (`$apr1$`), bcrypt (`$2y$`), SHA-1
 * (`{SHA}` + 28 base64), crypt(3)'s SHA-256/512 (`$5$`, `$6$`) and DES (13 characters).
 */
const PASSWORD_HASH = /^(?:\$(?:apr1|1|5|6|2[abxy]?|y|gy|7)\$[./0-9A-Za-z$]{8,200}|\{SHA\}[A-Za-z0-9+/]{27}=|[./0-9A-Za-z]{13})$/;

function findHtpasswdEntries(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(HTPASSWD_LINE)) {
    const value = m.groups!['v']!;
    // A hash is judged by its format (a run of one character, `$apr1$xxxxxxxx…`, stands in for one);
    // anything else is a plain-text password (htpasswd -p).
    const hashed = PASSWORD_HASH.test(value);
    if (hashed ? /(.)\1{7}/.test(value) || isStoredPasswordHash(value) : !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m.groups!['user']!.length + 1;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** `/etc/shadow` and its backup `shadow-`, `gshadow`: copied into images, backups and bug reports. */
const SHADOW_FILE = /(?:^|[\\/])g?shadow-?$/;
/** `user:$6$salt$hash:19000:0:99999:7:::`, maybe locked with a leading `!`; `*`, `!` and `x` hold no hash. */
const SHADOW_LINE = /^(?<user>[A-Za-z_][\w.-]{0,31}\$?):(?<lock>!{0,2})(?<v>\$(?:1|2[abxy]?|5|6|y|gy|7|sha1|md5)\$[./0-9A-Za-z$]{8,200}):/gm;

function findShadowHashes(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SHADOW_LINE)) {
    const value = m.groups!['v']!;
    if (/(.)\1{7}/.test(value)) continue;
    const start = m.index + m.groups!['user']!.length + 1 + m.groups!['lock']!.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** `.ldif` files (ldapadd, slapadd, ldapsearch output). */
const LDIF_FILE = /\.ldif$/i;
/**
 * An attribute whose value is base64 (`userPassword:: e1NTSEF9…`): LDIF writes that form for
 * values with bytes outside safe ASCII, and ldapsearch prints every password that way. The
 * value may be folded onto lines that open with one space.
 */
const LDIF_BASE64_ATTRIBUTE = /^(?<name>[A-Za-z][\w-]{0,60})(?:;[\w;-]{1,160})?::[ \t]{0,8}(?<v>[A-Za-z0-9+/]{4,1000}={0,2})[ \t]{0,8}\r?$/gm;
/** A folded continuation: newline, one space, more base64. */
const LDIF_FOLD = /\r?\n (?<v>[A-Za-z0-9+/]{1,1000}={0,2})[ \t]{0,8}\r?$/my;

function findLdifPasswords(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(LDIF_BASE64_ATTRIBUTE)) {
    const key = classifyKey(m.groups!['name']!);
    if (key === undefined) continue;
    let encoded = m.groups!['v']!;
    // The value holds no white space: what trimEnd drops is the line's end.
    let end = m.index + m[0].trimEnd().length;
    const start = end - encoded.length;
    // Up to 20 folded lines (a 1,500-character value); each must follow the last directly.
    for (let folds = 0; folds < 20; folds++) {
      LDIF_FOLD.lastIndex = end;
      const fold = LDIF_FOLD.exec(text);
      if (fold === null) break;
      encoded += fold.groups!['v']!;
      end = fold.index + fold[0].trimEnd().length;
    }
    const decoded = decodeBase64(encoded);
    // Text (a password, or a `{SSHA}…` hash) is judged as a value; bytes are a raw hash or key.
    if (decoded === undefined || decoded.length < 4) continue;
    const printable = /^[\x20-\x7e]{1,1000}$/.test(decoded);
    if (printable && !isPlausibleSecret(decoded, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    spans.push({ start, end, category: key.category });
  }
  return spans;
}

/**
 * A `.netrc` written by a shell heredoc (`cat > ~/.netrc <<EOF` … `EOF`, `tee "$HOME/.netrc" <<-'EOF'`):
 * the body is netrc syntax, so a `password` token's next token is the password, as in the
 * file itself. Read at each `netrc` on the opening line; the body is read up to its
 * terminator, at most `MAX_HEREDOC_LINES` lines.
 */
const NETRC_HEREDOC_LINE = /^[^\r\n]{0,200}$/;
const HEREDOC_OPENER = /<<-?[ \t]{0,4}(?:'(?<sq>[A-Za-z_]\w{0,30})'|"(?<dq>[A-Za-z_]\w{0,30})"|(?<bare>[A-Za-z_]\w{0,30}))/;
const NETRC_TARGET = /(?:>|\btee(?:[ \t]{1,4}-a)?)[ \t]{0,4}["']?[^\s"'<>|;]{0,120}[\\/][._]netrc["']?(?=[\s;|]|$)/;
const NETRC_PASSWORD = /(?:^|[ \t])password[ \t]{1,8}(?<v>[^\s]{1,200})/g;
const MAX_HEREDOC_LINES = 60;

function findNetrcHeredocPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUpTo = -1;
  for (const offset of offsets) {
    if (offset < readUpTo) continue;
    // A line over 200 characters opens no heredoc (NETRC_HEREDOC_LINE), so its ends are looked for no further:
    // searching to them per keyword was quadratic on one long line.
    const lineStart = lineAround(text, offset, 201).start;
    const lineEnd = lineEndBefore(text, offset, Math.min(text.length, offset + 201));
    if (lineEnd - lineStart > 200) continue;
    const line = text.slice(lineStart, lineEnd);
    if (!NETRC_HEREDOC_LINE.test(line) || !NETRC_TARGET.test(line)) continue;
    const opener = HEREDOC_OPENER.exec(line);
    if (opener === null) continue;
    const terminator = opener.groups!['sq'] ?? opener.groups!['dq'] ?? opener.groups!['bare']!;
    let at = lineEnd + 1;
    for (let n = 0; n < MAX_HEREDOC_LINES && at < text.length; n++) {
      let end = text.indexOf('\n', at);
      if (end === -1) end = text.length;
      const bodyLine = text.slice(at, end).replace(/\r$/, '');
      if (bodyLine.trim() === terminator) break;
      for (const m of bodyLine.matchAll(NETRC_PASSWORD)) {
        const value = m.groups!['v']!;
        // An unquoted heredoc expands `$VAR`: a reference is no literal.
        if (value.startsWith('$') || !isPlausiblePassword(value, options.file)) continue;
        const start = at + m.index + m[0].length - value.length;
        spans.push({ start, end: start + value.length });
      }
      at = end + 1;
    }
    readUpTo = at;
  }
  return spans;
}

/**
 * netrc syntax wherever it is written, not only in a `.netrc` file: a heredoc into a netrc of
 * another name (`cat > /tmp/ci.netrc <<EOF`), a YAML block or a secret's literal value, a
 * Dockerfile's `printf 'machine … login … password …\n'`. The shape is precise: `machine <host>`,
 * then `login <user>`, then `password <value>`, each token next to the last on one line or on the
 * next lines (or after a printf `\n`). Tried only where `machine` occurs, as a whole token.
 */
const NETRC_TOKEN_GAP = String.raw`(?:[ \t]{1,8}|[ \t]{0,8}(?:\\n|\r?\n)[ \t]{0,40})`;
const NETRC_ENTRY = new RegExp(
  String.raw`(?<=^|[\s'"]|\\n)machine[ \t]{1,8}[^\s'"\\]{1,253}` +
    NETRC_TOKEN_GAP +
    String.raw`login[ \t]{1,8}[^\s'"\\]{1,128}` +
    NETRC_TOKEN_GAP +
    String.raw`password[ \t]{1,8}(?<v>[^\s'"\\]{1,200})(?=[\s'"\\]|$)`,
  'iy',
);

/** Perforce's ticket file: `~/.p4tickets`, `%USERPROFILE%\\p4tickets.txt` (or where `P4TICKETS` points, often so named). */
const P4TICKETS_FILE = /(?:^|[\\/])\.?p4tickets(?:\.txt)?$/i;
/**
 * One ticket a line: `server:port=user:TICKET` (`ssl:p4.acme.corp:1666=svc-build:36D8…`). A ticket
 * is 32 hex digits and logs its user in without a password until it expires (12 hours by
 * default, "unlimited" for the service accounts of build farms).
 */
const P4TICKET_LINE = /^[ \t]{0,8}[^=\s#][^=\r\n]{0,254}=[^:\r\n]{1,128}:(?<v>[0-9A-Fa-f]{32})[ \t]{0,8}\r?$/gm;

function findPerforceTickets(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(P4TICKET_LINE)) {
    const value = m.groups!['v']!;
    if (/(.)\1{7}/.test(value)) continue; // `0000…`: a stand-in
    const start = m.index + m[0].trimEnd().length - value.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * Nagios' resource file (`resource.cfg`; Icinga 1 and Naemon read the same): `$USERn$=<value>`, the
 * macros that check commands pass to plugins (`-a $USER3$`) so that passwords, communities and keys
 * stay out of the object definitions. What else the file holds is the plugins' directory
 * (`$USER1$=/usr/lib/nagios/plugins`) and the account names beside those secrets (`$USER4$=nagios_ro`).
 */
const NAGIOS_RESOURCE_MACRO = /\$USER\d{1,3}\$[ \t]{0,4}=[ \t]{0,4}(?<v>[^\s#][^\r\n]{0,199})$/m;
/** An account's name: lower-case letters, digits and `._-` (`nagios_ro`, `svc.monitor`). */
const ACCOUNT_NAME = /^[a-z][a-z0-9._-]{0,63}$/;

function isResourceMacroSecret(value: string, context: RuleContext): boolean {
  // Checked after a match, not by a `^` in the pattern: that made the engine try every line of every
  // PHP file (where `$user` is everywhere) rather than only the keyword's offsets.
  if (!startsItsLine(context.text, context.matchStart, 8)) return false;
  const v = value.trim();
  return !ACCOUNT_NAME.test(v) && isPlausiblePassword(v, context.file);
}

/**
 * Ansible's vault password file (`--vault-password-file`, `vault_password_file` in ansible.cfg): by convention
 * `.vault_pass`, `vault_pass.txt`, `.vault-password`, `~/.ansible/vault_password_file`. Ansible reads the whole file,
 * stripped, as the passphrase that decrypts every vault of the project, so the file holds that one line and nothing
 * else. A script (`vault_pass.py`, `.sh`) prints it instead and is not matched by name.
 */
const VAULT_PASSWORD_FILE = /(?:^|[\\/])\.?(?:ansible[-_.])?vault[-_.]?pass(?:word)?(?:[-_.]file)?(?:\.txt)?$/i;
/** The file's content, one line: what a passphrase is made of, with no spaces at its ends. */
const VAULT_PASSWORD_LINE = /^\s{0,64}(?<v>[^\s#][^\r\n]{0,254})\s{0,64}$/;
/** An encrypted vault (`$ANSIBLE_VAULT;1.1;AES256`) saved under the name, not its password. */
const ANSIBLE_VAULT_HEADER = /^\$ANSIBLE_VAULT;/;

function findVaultPassword(text: string, options: DetectOptions): Span[] {
  // A file longer than a passphrase and its padding is not one (a script, notes): it is left before any regex runs.
  if (text.length > 400) return [];
  const m = VAULT_PASSWORD_LINE.exec(text);
  if (m === null) return [];
  const value = m.groups!['v']!.trimEnd();
  if (ANSIBLE_VAULT_HEADER.test(value) || !isPlausiblePassword(value, options.file)) return [];
  const start = text.indexOf(value);
  return [{ start, end: start + value.length }];
}

/**
 * RubyGems' credentials file (`~/.gem/credentials`, copied as `gem-credentials`, `.gem_credentials.yml`): a YAML map of a
 * symbol per gem host to that host's API key (`:rubygems_api_key: rubygems_…`, `:acme_gemserver: …`, the names `gem push
 * --key` picks). Every entry is a key, whatever its name says.
 */
const GEM_CREDENTIALS_FILE = /(?:^|[\\/])(?:\.gem[\\/]credentials|\.?gem[-_]credentials(?:\.ya?ml)?)$/i;
/** One `:name: value` entry, the name maybe without its symbol's colon, the value maybe quoted. */
const GEM_CREDENTIALS_ENTRY = /^:?(?<name>[A-Za-z_][\w-]{0,60}):[ \t]{1,8}(?:"(?<d>[^\s"]{8,300})"|'(?<s>[^\s']{8,300})'|(?<v>[^\s"'#]{8,300}))[ \t]{0,8}\r?$/gm;

function findGemHostKeys(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(GEM_CREDENTIALS_ENTRY)) {
    const value = m.groups!['d'] ?? m.groups!['s'] ?? m.groups!['v']!;
    if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const start = m.index + m[0].indexOf(value, m.groups!['name']!.length + 1);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** Composer's credentials file: `auth.json` in a project or in `COMPOSER_HOME`. */
const COMPOSER_AUTH_FILE = /(?:^|[\\/])auth\.json$/i;
/**
 * An `http-basic` entry whose password is a URL: vendors that sell a license for a site take the license key as the
 * user name and the site's URL as the password (Advanced Custom Fields PRO's Composer repository), so the user name
 * is the secret.
 */
const LICENSE_KEY_USERNAME =
  /"username"[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\\\s]{20,200})"[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?"password"[ \t]{0,4}:[ \t]{0,4}"https?:\/\/[^"\s]{1,200}"/y;

/**
 * A file of accounts whose comment says what its lines hold: `# format: user:password:groups` (EZproxy's `user.txt`),
 * `# username:password`, `// Syntax: <login>:<password>`, `# hostname:port:database:username:password`. Each line after
 * it of that many colon-separated fields (fewer when the last are left out, as optional groups) has the password where the
 * comment puts it. A comment naming no password field declares no secret (`/etc/group`'s `group_name:password:GID:user_list`
 * names no user either; `host:port:db` names no password), and the entries end at the first line of another shape.
 */
const DECLARED_FORMAT_LINE =
  /^[ \t]{0,8}(?:#{1,4}|\/\/|;{1,2}|--)[ \t]{0,8}(?:(?:line|entry|record|file)[ \t]{1,4})?(?:(?:format|syntax|layout|fields)[ \t]{0,4}(?:[:=-]|is)[ \t]{0,4})?(?<fields><?[A-Za-z][\w:<>-]{2,330})(?:[ \t]{1,8}[(—–-][^\r\n]{0,200})?[ \t]{0,8}$/i;
/** One field of the declared format: a word, maybe in angle brackets (`user`, `<password>`, `user_list`). */
const DECLARED_FIELD = /^<?[A-Za-z][\w-]{0,30}>?$/;
/** A field that holds the password. */
const PASSWORD_FIELD = /^(?:pass(?:word|wd)?|pwd|pw)$/i;
/** A field that names the account the password is of. */
const ACCOUNT_FIELD = /^(?:user(?:_?name|_?id)?|login|account|name|e-?mail)$/i;
/** One entry: fields of no white space joined by colons (any after the first may be empty). */
const DECLARED_ENTRY_LINE = /^[ \t]{0,8}[^\s:#;/][^\s:]{0,200}(?::[^\s:]{0,300}){1,9}[ \t]{0,8}$/;
/** A comment between entries. */
const COMMENT_LINE = /^[ \t]{0,8}(?:#|\/\/|;|--)/;
/** How many lines after the comment are read. */
const MAX_DECLARED_LINES = 200;

function findDeclaredFormatPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUntil = 0;
  for (const offset of offsets) {
    if (offset < readUntil) continue;
    const { start: lineStart, end: lineEnd } = lineAround(text, offset, 300);
    // The whole line, or none: a line longer than the reach is no comment of a format.
    if (lineStart === offset || (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 0x0a)) continue;
    if (lineEnd < text.length && text.charCodeAt(lineEnd) !== 0x0a && text.charCodeAt(lineEnd) !== 0x0d) continue;
    const declared = DECLARED_FORMAT_LINE.exec(text.slice(lineStart, lineEnd));
    if (declared === null) continue;
    const declaredFields = declared.groups!['fields']!.split(':');
    if (declaredFields.length < 2 || declaredFields.length > 10 || !declaredFields.every((f) => DECLARED_FIELD.test(f))) continue;
    const fields = declaredFields.map((f) => f.replace(/^<|>$/g, ''));
    const at = fields.findIndex((f) => PASSWORD_FIELD.test(f));
    if (at === -1 || !fields.some((f) => ACCOUNT_FIELD.test(f))) continue;
    const next = text.indexOf('\n', lineEnd);
    if (next === -1) continue;
    readUntil = next;
    for (const line of linesFrom(text, next + 1, MAX_DECLARED_LINES)) {
      // Every line walked is passed over by the next keywords, but a comment that declares a format of its own, which starts the next walk.
      readUntil = line.start;
      if (line.text.trim() === '') continue;
      if (COMMENT_LINE.test(line.text)) {
        if (DECLARED_FORMAT_LINE.test(line.text)) break;
        continue;
      }
      if (!DECLARED_ENTRY_LINE.test(line.text)) break;
      readUntil = line.start + line.text.length;
      const entry = line.text.trim().split(':');
      if (entry.length <= at || entry.length > fields.length) continue;
      const value = entry[at]!;
      if (value === '' || !isPlausiblePassword(value, options.file)) continue;
      let start = line.start + line.text.indexOf(entry[0]!);
      for (let i = 0; i < at; i++) start += entry[i]!.length + 1;
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

export const accountFileRules: Rule[] = [
  {
    id: 'declared-format-password',
    category: 'PASS',
    description:
      'The password field of the lines below a comment that declares their format (`# format: user:password:groups` in EZproxy\'s `user.txt`, `# username:password`): each line of that many colon-separated fields',
    keywords: [':pass', ':<pass', ':pw'],
    pattern: DECLARED_FORMAT_LINE,
    find: findDeclaredFormatPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '# format: user:password:groups\nopac-staff:Rv7!kQ2-Lantern:Default+Staff\nkiosk:Wm3zP8qT4nLx6Rb2\n',
        '// username:password\nreports:Tq9-Harbor!Lw4\n',
      ],
      noMatch: [
        '# format: group_name:password:GID:user_list\nwheel:x:10:root,ops\n',
        '# format: host:port:db\ndb.internal:5432:orders\n',
        '# format: user:password:groups\n::Common\nkiosk:Wm3zP8qT4nLx6Rb2\n',
        '# format: user:password\nkiosk:<password>\nadmin:$ADMIN_PASSWORD\n',
        'opac-staff:Rv7!kQ2-Lantern:Default+Staff # format: user:password:groups\n',
      ],
    },
  },
  {
    id: 'netrc-heredoc-password',
    category: 'PASS',
    description: 'The `password` of a `.netrc` written by a shell heredoc (`cat > ~/.netrc <<EOF` … `machine host login user password …` … `EOF`)',
    keywords: ['netrc'],
    pattern: NETRC_TARGET,
    find: findNetrcHeredocPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'cat <<EOF > "$HOME/.netrc"\nmachine git.acme.corp\nlogin deploy\npassword Netrc!Willow-92\nEOF\n',
        "cat > ~/.netrc <<-'END'\n\tmachine api.heroku.com login ci@acme.io password Hk7-Lantern!Pw\nEND\n",
      ],
      noMatch: [
        'cat <<EOF > ~/.netrc\nmachine git.acme.corp login deploy password $NETRC_PASSWORD\nEOF\n',
        'cat <<EOF > ~/.netrc\nmachine git.acme.corp\nEOF\npassword Kq8zW3mLp0!x\n',
        'cat <<EOF > notes.txt\nmachine git.acme.corp login deploy password Netrc!Willow-92\nEOF\n',
      ],
    },
  },
  {
    id: 'netrc-entry-password',
    category: 'PASS',
    description:
      'The `password` of a netrc entry written outside a `.netrc` file (`machine <host> login <user> password <value>` in a heredoc, a YAML block, a printf)',
    keywords: ['machine'],
    startsAtKeyword: true,
    pattern: NETRC_ENTRY,
    secretGroup: 'v',
    // `$NETRC_PASSWORD`, `${{ secrets.X }}`: an unquoted heredoc or a template fills it in.
    validate: (value, ctx) => !/^[$%{<]/.test(value) && isPlausiblePassword(value, ctx.file),
    confidence: 'high',
    examples: {
      match: [
        'cat > /tmp/build.netrc <<EOF\nmachine artifacts.acme.corp\nlogin builder\npassword Qw7!rTn3vZpx\nEOF\n',
        "RUN printf 'machine git.acme.corp login ci password Hn4_pLw9Rx2k\\n' > /root/.netrc",
        '  netrc: |\n    machine pypi.acme.corp\n    login deploy\n    password Zr8-mKq2Lw5v\n',
      ],
      noMatch: [
        'cat > /tmp/build.netrc <<EOF\nmachine artifacts.acme.corp login builder password $NETRC_PASSWORD\nEOF\n',
        'machine artifacts.acme.corp login builder password ${{ secrets.NETRC }}',
        'The state machine login step: password Qw7!rTn3vZpx',
        'statemachine x login y password Qw7!rTn3vZpx',
      ],
    },
  },
  {
    id: 'composer-license-key-username',
    category: 'KEY',
    description:
      "A license key given as the user name of a Composer `http-basic` entry whose password is the site's URL (`\"username\": \"…\", \"password\": \"https://…\"`, as ACF PRO's repository takes it)",
    keywords: ['"username"'],
    paths: COMPOSER_AUTH_FILE,
    startsAtKeyword: true,
    pattern: LICENSE_KEY_USERNAME,
    secretGroup: 'v',
    validate: (value, ctx) => isPlausibleSecret(value, { category: 'KEY', quoted: true, file: ctx.file }),
    confidence: 'medium',
    examples: {
      // Bound to auth.json by path: shown by its tests.
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'htpasswd-entry',
    category: 'PASS',
    description:
      "The password or fast password hash of an Apache/nginx password file (`.htpasswd`: `user:$apr1$…`, `user:{SHA}…`, DES crypt; bcrypt is left alone as in any users table) or of another file of `user:password` lines named for one (kdb+'s `q -u kdb.passwd`, `mosquitto.passwd`): a hash can be cracked offline",
    keywords: [], // bound to htpasswd files by path instead
    paths: HTPASSWD_FILE,
    pattern: HTPASSWD_LINE,
    find: findHtpasswdEntries,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['admin:$apr1$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0.'],
    },
  },
  {
    id: 'perforce-ticket-file',
    category: 'TOKEN',
    description: 'A login ticket in a Perforce ticket file (`.p4tickets`, `p4tickets.txt`: `server:1666=user:` and 32 hex digits): it logs the user in without a password',
    keywords: [], // bound to ticket files by path instead
    paths: P4TICKETS_FILE,
    pattern: P4TICKET_LINE,
    find: findPerforceTickets,
    confidence: 'high',
    examples: {
      match: [],
      noMatch: ['perforce.acme.corp:1666=svc-build:36D84BBD64E8BF94753D8643F0405D33'],
    },
  },
  {
    id: 'shadow-password-hash',
    category: 'PASS',
    description: 'A password hash in a copy of `/etc/shadow` (`user:$6$…:19000:…`): crackable offline',
    keywords: [], // bound to shadow files by path instead
    paths: SHADOW_FILE,
    pattern: SHADOW_LINE,
    find: findShadowHashes,
    confidence: 'high',
    examples: {
      match: [],
      noMatch: ['deploy:$6$Qx7mT2aL$Wb9vN3kR6pZ1cY4hD8sF0:19000:0:99999:7:::'],
    },
  },
  {
    id: 'ldif-base64-password',
    category: 'PASS',
    description:
      'A password attribute in base64 in an LDIF file (`userPassword:: …`, `olcRootPW:: …`): the decoded text is a password or its `{SSHA}` hash',
    keywords: [], // bound to .ldif files by path instead
    paths: LDIF_FILE,
    pattern: LDIF_BASE64_ATTRIBUTE,
    find: findLdifPasswords,
    confidence: 'high',
    examples: {
      match: [],
      noMatch: ['userPassword:: S3E4elczbUxwMCE='],
    },
  },
  {
    id: 'nagios-resource-macro',
    category: 'PASS',
    description: "A value of Nagios' resource file (`$USER3$=<password>`, also Icinga 1's and Naemon's): the macros that keep plugins' passwords, communities and keys out of the object files; the plugins' path and account names are not reported",
    keywords: ['$user'],
    pattern: NAGIOS_RESOURCE_MACRO,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: isResourceMacroSecret,
    confidence: 'high',
    examples: {
      match: ['$USER3$=15vMVx=WRa8=OPqLEq', '$USER5$=Lanterncobalt90?', '# resources\n\t$USER6$=Q7v!fen3-Harbor'],
      noMatch: ['$USER1$=/usr/lib/nagios/plugins', '$USER4$=nagios_ro', 'command_line $USER1$/check_ldap -D x -P $USER3$', '$USER7$=$ENV_SECRET$', 'echo x $USER3$=15vMVx=WRa8=OPqLEq', '          $USER3$=15vMVx=WRa8=OPqLEq'],
    },
  },
  {
    id: 'gem-credentials-key',
    category: 'KEY',
    description:
      "An API key in RubyGems' credentials file (`~/.gem/credentials`: `:rubygems_api_key: …`, `:acme_gemserver: …`): each entry is a gem host's key, which `gem push --key` sends, whatever the entry's name",
    keywords: [], // bound to the credentials file by path instead
    paths: GEM_CREDENTIALS_FILE,
    pattern: GEM_CREDENTIALS_ENTRY,
    find: findGemHostKeys,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: [':acme_gemserver: 7k2q9xw4mz8t1vb6nc3rj5hd0pfy'],
    },
  },
  {
    id: 'ansible-vault-password-file',
    category: 'PASS',
    description:
      "The passphrase in Ansible's vault password file (`.vault_pass`, `vault_pass.txt`, `.vault-password`): the file is that one line, and it decrypts every vault of the project",
    keywords: [], // bound to vault password files by path instead
    paths: VAULT_PASSWORD_FILE,
    pattern: VAULT_PASSWORD_LINE,
    find: findVaultPassword,
    confidence: 'high',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: ['coal-drag-prairie-semaphore-1887'],
    },
  },
];
