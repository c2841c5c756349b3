import { lastIndexOfAbove, lineAround, lineEndBefore } from '../line-index.js';
import { classifyKey, type KeyClass } from '../key-name.js';
import { characterSwitches, isNameShaped, isPlausiblePassword, isPlausibleSecret, isWifiSecurityMode } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import {
  captionNamesKeypadCodes, isProsePin, keyedCodeDigits, loginPinColumns, namesAccessCodeColumn, namesBareCodeColumn, namesKeypadColumn, rowNamesKeypad,
  titleNamesLockOpeners, titlesListOtherCodes, labelNamesOtherCode,
} from './access-codes.js';
import { isVendorClientKeyValue } from './client-config.js';
import { MARKDOWN_FILE, withoutEmphasis } from './emphasis.js';
import { WIFI_KEY, wifiKeyColumns, wifiPairColumns } from './wifi-columns.js';
import { NON_ASCII_TEXT, type DetectOptions, type Rule, type Span } from '../types.js';

/**
 * Credentials written into Markdown documentation: a table whose column header names a
 * secret (`| Partner | Credential |`), and the `pass \`…\`` shorthand of notes. Only Markdown
 * files are read: elsewhere a `|` row or a word in backticks means something else.
 */

/** A table's delimiter row: `|---|:---:|`. */
function isDelimiterRow(line: string): boolean {
  return line.length <= 2000 && /^[ \t|:-]{3,2000}$/.test(line) && line.includes('-') && line.includes('|');
}
/** A cell that holds one value: a code span or a bare word without spaces. */
const SINGLE_VALUE_CELL = /^(?:`(?<code>[^`\s]{1,300})`|(?<bare>[^`\s|]{1,300}))$/;

interface Cell {
  text: string;
  start: number;
}

/** The cells of a table row, each trimmed, with their offsets in `text`. */
function cellsOf(text: string, lineStart: number, line: string): Cell[] {
  const cells: Cell[] = [];
  let at = 0;
  const body = line.replace(/^[ \t]{0,3}\|/, (lead) => {
    at = lead.length;
    return '';
  });
  let offset = at;
  for (const raw of body.split('|')) {
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: lineStart + offset + lead });
    offset += raw.length + 1;
  }
  // A row closed by `|` leaves an empty last cell.
  if (cells.length > 0 && cells[cells.length - 1]!.text === '' && /\|[ \t]*$/.test(line)) cells.pop();
  return cells;
}

/** What a table cell names, when it names a secret (`Credential`, `**Secret access key**`, `シークレットアクセスキー`). */
function namedKey(cell: string): KeyClass | undefined {
  return cell.length <= 40 ? classifyKey(cell.replace(/[*_`]/g, '')) : undefined;
}

/** A table note that says the row's value is no secret: `not a key`, `not secret`, `non-secret`, `safe to share`. */
const NOT_A_SECRET_NOTE =
  /\b(?:not[ \t]{1,3}(?:an?[ \t]{1,3})?(?:secret|key|token|credential|password)s?|non-?secret|not[ \t]{1,3}sensitive|safe[ \t]{1,3}to[ \t]{1,3}(?:share|publish|commit|paste))\b/i;

/**
 * A column of logins (`| device | address | login |`): its cells say what each login is, so one that names a PIN or a
 * code before digits (`PIN 556021`) gives that PIN.
 */
const LOGIN_COLUMN = /^(?:log[ -]?in|log[ -]?on|sign[ -]?in|access|credentials?|creds|auth(?:entication)?)$/i;
/**
 * A keypad's code as a cell under a column named for it gives it: digits, maybe in code marks or bold, maybe the `#` or
 * `*` keyed after them (kept with them; a cell holds nothing else, so a lone `*` there is no emphasis), maybe the `C`
 * (clear) a push-button lock takes first.
 */
const CODE_CELL = /^(?:`|\*\*)?(?<v>C?\d{4,8}[#*]?)(?:`|\*\*)?$/;
/** A cell that names a PIN or a code and gives its digits (`PIN 556021`, `code: 4471#`), the keypad's `#` or `*` kept. */
const NAMED_CODE_CELL = /^(?:pin|code|passcode)[ \t]{0,2}:?[ \t]{1,2}(?:`|\*\*)?(?<v>\d{4,8}[#*]?)(?:`|\*\*)?$/i;

/**
 * The PIN or keypad code a cell gives: its digits under a column named for a keypad's code, a PIN or the keypad itself
 * (`| door keypad |` over `| 7193# |`, a bare `| pin |` beside a login's column), or, there or under a column of logins,
 * after the word PIN or code (`| login |` over `| PIN 556021 |`); not a stand-in.
 */
function accessCodeInCell(cell: Cell, codeColumn: boolean, loginColumn: boolean): Span | undefined {
  const m = (codeColumn ? CODE_CELL.exec(cell.text) : null) ?? (codeColumn || loginColumn ? NAMED_CODE_CELL.exec(cell.text) : null);
  if (m === null || !isProsePin(keyedCodeDigits(m.groups!['v']!))) return undefined;
  const start = cell.start + m[0].lastIndexOf(m.groups!['v']!);
  return { start, end: start + m.groups!['v']!.length, category: 'PASS' };
}

/** How many lines above a table's header its caption is looked for: a heading, maybe a sentence or two under it. */
const CAPTION_REACH = 4;
/**
 * The caption of the table whose header is line `header`: the nearest heading above it within a few lines, or the first
 * line above it that introduces it with a colon (`Gate codes:`); empty when another table or none comes first.
 */
function captionAbove(lines: readonly { text: string }[], header: number): string {
  let nearest = true;
  for (let l = header - 1; l >= 0 && l >= header - CAPTION_REACH; l--) {
    const line = lines[l]!.text.trim();
    if (line === '') continue;
    if (line.includes('|')) return '';
    if (line.startsWith('#') || (nearest && line.endsWith(':'))) return line.replace(/^#{1,6}[ \t]*/, '');
    nearest = false;
  }
  return '';
}

function findTableCredentials(text: string, options: DetectOptions): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  // A table needs a delimiter row, and that a pipe: most documents have none, and are not split into lines.
  if (!text.includes('|')) return [];
  const spans: Span[] = [];
  const lines: { start: number; text: string }[] = [];
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, text: text.slice(start, end).replace(/\r$/, '') });
    if (nl === -1) break;
    start = nl + 1;
  }
  for (let i = 1; i < lines.length; i++) {
    if (!isDelimiterRow(lines[i]!.text) || !lines[i - 1]!.text.includes('|')) continue;
    const header = cellsOf(text, lines[i - 1]!.start, lines[i - 1]!.text);
    const titles = header.map((cell) => cell.text.replace(/[*_`]/g, ''));
    // A list of networks (`| Site | SSID | Key |`) gives each one's passphrase under its bare `Key`: a password a person chose.
    const wifiKeys = wifiKeyColumns(titles);
    const wifiPairs = wifiPairColumns(titles);
    const secretColumns = header.map((cell, c) => (wifiKeys.has(c) ? WIFI_KEY : namedKey(cell.text)));
    const loginPins = loginPinColumns(titles);
    const titlesOtherCodes = titlesListOtherCodes(titles);
    const caption = captionAbove(lines, i - 1);
    const keypadCaption = titles.some(namesBareCodeColumn) && !titlesOtherCodes && captionNamesKeypadCodes(caption);
    const codeColumns = titles.map(
      (title, c) => (title.length <= 40 && (namesAccessCodeColumn(title) || namesKeypadColumn(title))) || loginPins.includes(c) || (keypadCaption && namesBareCodeColumn(title)),
    );
    const loginColumns = titles.map((title) => LOGIN_COLUMN.test(title));
    // A row may name the lock its code is for (`| Fuel bowser padlock | 0412 |` under `| What | Code / key |`), or the
    // code itself (`| Studio alarm code | - | 9027 |` under a column of passwords): its digits are that code, unless the
    // table's titles or its caption make them another kind (`## Gate product codes`).
    const otherCodes = titlesOtherCodes || labelNamesOtherCode(caption.slice(0, 60));
    const codeNounColumns = otherCodes ? [] : titles.map(titleNamesLockOpeners);
    // Whether a row's first cell can make a cell a code at all: some later column opens locks or holds passwords.
    const rowCodeColumns = !otherCodes && titles.some((_, c) => c > 0 && (codeNounColumns[c] === true || secretColumns[c]?.category === 'PASS'));
    // No header names a secret: each row may name its own in its first cell (`| Item | Value |` over
    // `| Secret access key | \`…\` |`), its value the cell after it.
    const rowLabels = !secretColumns.some((k) => k !== undefined);
    for (let r = i + 1; r < lines.length && lines[r]!.text.includes('|'); r++) {
      const cells = cellsOf(text, lines[r]!.start, lines[r]!.text);
      const rowKey = rowLabels && cells.length >= 2 ? namedKey(cells[0]!.text) : undefined;
      const rowKeypad = cells.length >= 2 && rowCodeColumns ? rowNamesKeypad(cells[0]!.text.replace(/[*_`]/g, '')) : undefined;
      cells.forEach((cell, c) => {
        const rowCode = c > 0 && rowKeypad !== undefined && (codeNounColumns[c] === true || (rowKeypad === 'code' && secretColumns[c]?.category === 'PASS'));
        const codeCell = codeColumns[c] === true || loginColumns[c] === true || rowCode;
        const key = rowLabels ? (c === 1 ? rowKey : undefined) : secretColumns[c];
        // A network's column may give its key after its name (`| Wi-Fi (staff) |` over `| Shop-Staff / \`…\` |`).
        const paired = wifiPairs.has(c) ? wifiKeyOfPair(cell, options.file) : undefined;
        if (paired !== undefined) {
          spans.push(paired);
          return;
        }
        // A cell under no secret's, code's or login's column gives nothing: the row's notes are read only for one that may.
        if (!codeCell && key === undefined) return;
        // The row's own note says its value is none (`| Web app | \`…\` | the client's id, not a key |`).
        if (cells.some((other, o) => o !== c && NOT_A_SECRET_NOTE.test(other.text))) return;
        const code = codeCell ? accessCodeInCell(cell, codeColumns[c] === true || rowCode, loginColumns[c] === true) : undefined;
        if (code !== undefined) {
          spans.push(code);
          return;
        }
        if (key === undefined) return;
        const label = rowLabels ? cells[0]!.text.replace(/[*_`]/g, '') : titles[c]!;
        const m = SINGLE_VALUE_CELL.exec(cell.text);
        if (m === null) return;
        // A bare cell may be emphasised (`| bob | **…** |`): the markers are markup.
        const emphasized = m.groups!['bare'] !== undefined ? withoutEmphasis(m.groups!['bare'], options.file) : undefined;
        const value = m.groups!['code'] ?? emphasized?.value ?? m.groups!['bare']!;
        const start = cell.start + (m.groups!['code'] !== undefined ? 1 : (emphasized?.offset ?? 0));
        if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
        // A network's key column gives its security as often as its passphrase (`| Guest | WPA2-PSK |`).
        if (wifiKeys.has(c) && isWifiSecurityMode(value)) return;
        // A vendor's public client key under the label that names it (`| Integration key | \`<uuid>\` |`, DocuSign's
        // OAuth client id; a CAPTCHA's site key), as in an assignment.
        if (isVendorClientKeyValue(label, value)) return;
        spans.push({ start, end: start + value.length, category: key.category });
      });
      i = r;
    }
  }
  return spans;
}

/** A network and its key in one cell: the name, maybe in code marks, a spaced slash, and the key (`Shop-Staff / \`…\``). */
const WIFI_PAIR_CELL = /^`?(?<net>[^\s`\/|]{1,32})`?[ \t]{1,2}\/[ \t]{1,2}(?:`(?<c>[^`\s]{8,63})`|(?<v>[^\s`\/|]{8,63}))$/;

/** The first and the last part of a network's name or a key, split where names join their words (`InkStaff`, `SHD`). */
function endParts(value: string): string[] {
  const parts = value.toLowerCase().split(/[-_.]/).filter((part) => part.length >= 2);
  return parts.length === 0 ? [] : [parts[0]!, parts[parts.length - 1]!];
}

/**
 * The key in a cell that pairs a network with it (`Shop-Staff / \`…\``): WPA's 8 to 63 characters made as a key is, in
 * code marks or bare; not a second network's name, which shares a part of the first's (`Shop-Staff / Shop-Guest`), nor a
 * model, a band or a security mode (`Staff / WPA2-Personal`).
 */
function wifiKeyOfPair(cell: Cell, file: string | undefined): Span | undefined {
  const m = WIFI_PAIR_CELL.exec(cell.text);
  if (m === null) return undefined;
  const coded = m.groups!['c'];
  const value = coded ?? m.groups!['v']!;
  if (MODEL_SHAPE.test(value) || RADIO_WORDS.test(value) || isWifiSecurityMode(value)) return undefined;
  const networkParts = endParts(m.groups!['net']!);
  if (endParts(value).some((part) => networkParts.includes(part))) return undefined;
  if (coded === undefined && !isListedBareWifiKey(value) && !isJoinedPassphrase(value)) return undefined;
  if (!isPlausibleSecret(value, { category: 'PASS', quoted: true, weakKey: false, file })) return undefined;
  const start = cell.start + m[0].length - value.length - (coded === undefined ? 0 : 1);
  return { start, end: start + value.length, category: 'PASS' };
}

/** `user \`acme\`, pass \`…\``: a code span right after the word `pass`/`pw`. */
const PASS_CODE_SPAN = /(?<![\w-])(?:pass|pw|pwd)[ \t]{1,4}`(?<v>[^`\s]{6,128})`/gi;

/** Letters, a digit and a symbol beyond the punctuation of names (`_ . - /`): a password, not an identifier or a flag. */
function isPasswordLike(value: string): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9_./-]/.test(value) && !value.startsWith('-');
}

/**
 * Words and a number joined by dashes, underscores or dots (`Nas-Gongyu-77`, `haneul-bada-1004`,
 * `Soporte-VPN-Tapas-42`): the passphrase people choose, taken where the text says it is a password
 * (a code span right after the word, or the word right before it). Two words of three letters or
 * more, so that a host (`db-01`), a version (`v2-rc1`) or an algorithm (`SHA-256`) is not one.
 */
function isJoinedPassphrase(value: string): boolean {
  if (value.length < 8 || value.length > 64 || !/^[A-Za-z0-9]+(?:[-_.][A-Za-z0-9]+){1,5}$/.test(value)) return false;
  const parts = value.split(/[-_.]/);
  return parts.filter((p) => /^[A-Za-z]{3,}$/.test(p)).length >= 2 && parts.some((p) => /\d/.test(p));
}

/** Common four-letter words: two of them make four groups of letters a phrase (`must have four char`), not an app password. */
const FOUR_LETTER_WORDS = new Set([
  'that', 'this', 'with', 'from', 'have', 'must', 'your', 'will', 'been', 'were', 'they', 'them', 'then', 'than', 'when', 'what',
  'also', 'only', 'some', 'more', 'most', 'such', 'each', 'into', 'over', 'here', 'once', 'just', 'like', 'make', 'used', 'uses',
  'need', 'same', 'both', 'very', 'four', 'five', 'nine', 'long', 'char', 'word', 'text', 'mail', 'user', 'pass', 'name', 'code',
]);

/** Google's app passwords: four groups of four random lower-case letters (`qwzt lmnc pyrd vbke`), not four words. */
function isAppPassword(value: string): boolean {
  return value.split(' ').filter((w) => FOUR_LETTER_WORDS.has(w)).length < 2;
}

/** Upper- and lower-case letters and digits mixed, ten or more: a generated password (`RdsWH24GTZzKBtHp5S`), not a word of prose. */
function isGeneratedWord(value: string): boolean {
  return value.length >= 10 && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && /^[\x21-\x7e]+$/.test(value) && characterSwitches(value) >= 5;
}

/** A call or a scoped name (`v8::Isolate::GetCurrent()`, `obj->ptr`): "pass" there is the verb, and the span code. */
const CODE_EXPRESSION = /[\w>]\([^()]{0,60}\)$|\w::\w|\w->\w/;

function findPassCodeSpans(text: string, options: DetectOptions): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(PASS_CODE_SPAN)) {
    const value = m.groups!['v']!;
    if (!isPasswordLike(value) || CODE_EXPRESSION.test(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/** Verbs that say "is" (or "reads", "is called") after the word for password, in the languages read below. */
const COPULA = '(?:ist|lautet|hei(?:ß|ss)t|est|es|é|è|is|är|er|on|jest|to|wynosi)';
/** "Now", "still": `das Passwort ist jetzt …`. */
const NOW = '(?:jetzt|nun|noch|immer[ \\t]noch|maintenant|ahora|agora|nu|nog|steeds)';

/**
 * A password written into prose in another language: the word for password or for access
 * data (`contraseña`, `Passwort`, `Kennwort`, `mot de passe`, `senha`, `wachtwoord`,
 * `Zugangsdaten`, `identifiants`), then a code span (`contraseña \`…\``), further on the
 * same line a colon and one password-shaped word (`Zugang für den Testserver: …`), or a verb
 * that says "is" and one word (`das Passwort lautet …`, `la contraseña es …`).
 * Read at each of those words; any file, since notes and comments hold prose everywhere.
 */
const FOREIGN_PROSE_PASSWORD = new RegExp(
  '(?:contrase(?:ña|na)|passwort|kennwort|mot[ \\t]de[ \\t]passe|senha|palavra-passe|wachtwoord|zugang(?:sdaten)?|identifiants|credenciales|salasana|parola|adgangskode|passord)' +
    // A colon further on must not be a URL's (`… é Ldap.Bind!21 em ldap://…`): the sentence's own verb comes first then.
    '(?:[ \\t]{0,4}:?[ \\t]{0,4}`(?<code>[^`\\s]{6,128})`|[^:\\r\\n`]{0,100}:(?!\\/\\/)[ \\t]{0,4}(?:`(?<code2>[^`\\s]{6,128})`|(?<word>[^\\s`\'"]{6,128}))' +
    // "das Passwort lautet …", "le mot de passe est …", "la contraseña es …", "adgangskoden er …": the word, a verb that says
    // "is", maybe "now", then the one word that is the password.
    // The verb may come a few words on (`a senha atual do bind (cn=svc-bind) é …`): then only a password's shape is taken.
    `|[a-z]{0,2}(?<between>[ \\t][^\\r\\n:.;!?]{1,40}?)?[ \\t]{1,3}${COPULA}[ \\t]{1,3}(?:${NOW}[ \\t]{1,3})?[„"'»“‚]?(?<cop>[^\\s\`'"“”„»«‚‘’]{6,128})` +
    // The password right after the word (`usuario vpn-soporte, contraseña Soporte-VPN-Tapas-42`): only a strong shape is taken.
    `|[ \\t]{1,2}(?<next>[^\\s\`'"]{6,128}))`,
  'iy',
);

function findForeignProsePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // The word must begin there, not end another one (`Passwortfeld` is fine, `xpasswort` is not prose).
    if (offset > 0 && /[A-Za-z]/.test(text.charAt(offset - 1))) continue;
    FOREIGN_PROSE_PASSWORD.lastIndex = offset;
    const m = FOREIGN_PROSE_PASSWORD.exec(text);
    if (m === null) continue;
    const code = m.groups!['code'] ?? m.groups!['code2'];
    const bare = m.groups!['word'] ?? m.groups!['cop'] ?? m.groups!['next'];
    // A bare word may close the sentence: its final full stop, comma or bracket is prose.
    const value = code ?? bare!.replace(/[.,;:!?)\]]+$/, '');
    // After "is" a sentence goes on in words: only a password's shape, or a generated one's, is taken; a few words
    // before the verb, or none at all before the value, only a password's shape (or words and a number in both cases).
    const loose = m.groups!['next'] === undefined && m.groups!['between'] === undefined;
    const shaped =
      isPasswordLike(value) ||
      (code !== undefined && isJoinedPassphrase(value)) ||
      (m.groups!['next'] !== undefined && isJoinedPassphrase(value) && /[A-Z]/.test(value) && /[a-z]/.test(value)) ||
      (loose && m.groups!['cop'] !== undefined && isGeneratedWord(value));
    if (!shaped || !isPlausiblePassword(value, options.file)) continue;
    const start = code !== undefined ? m.index + m[0].length - 1 - value.length : m.index + m[0].length - bare!.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/**
 * The word for password in scripts and spellings beyond ASCII (`パスワード`, `密码`, `비밀번호`,
 * `пароль`, `hasło`, `şifre`, `lösenord`): the keyword prefilter is ASCII, so each is looked up
 * directly in a text that holds a character beyond ASCII.
 */
const SCRIPT_PASSWORD_WORDS = ['パスワード', '密码', '密碼', '口令', '비밀번호', 'пароль', 'Пароль', 'ПАРОЛЬ', 'hasło', 'Hasło', 'şifre', 'Şifre', 'lösenord', 'Lösenord'];
/**
 * After the word: a particle or an ending (`は`, `是`, `는`, `-et`, `-si`), then "is" or a colon
 * (`hasło to …`, `lösenordet är …`, `пароль — …`), or further on the same line a colon
 * (`パスワード（AUTH）：…`); then one word of ASCII, maybe quoted, that is the password.
 */
const SCRIPT_PROSE_PASSWORD = new RegExp(
  '(?:\\p{L}{0,4}[ \\t\\u3000]{0,3}(?:(?:[:：=＝—–-]|to|jest|wynosi|är|er|это|ist|is)[ \\t\\u3000]{0,3})?|[^:：\\r\\n`]{0,60}[:：][ \\t\\u3000]{0,3})' +
    // Google's app passwords are four groups of four lower-case letters (`qwzt lmnc pyrd vbke`).
    '(?<open>[「『"\'“„`(（]?)(?:(?<app>[a-z]{4}(?: [a-z]{4}){3})(?![A-Za-z])|(?<v>[\\x21\\x23-\\x26\\x28-\\x5f\\x61-\\x7e]{6,128}))',
  'uy',
);

function findScriptProsePasswords(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  for (const word of SCRIPT_PASSWORD_WORDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      // `<パスワード>`, `{пароль}`: a placeholder in a template, not prose.
      if (at > 0 && '<{[$'.includes(text.charAt(at - 1))) continue;
      SCRIPT_PROSE_PASSWORD.lastIndex = at + word.length;
      const m = SCRIPT_PROSE_PASSWORD.exec(text);
      if (m === null) continue;
      const raw = m.groups!['app'] ?? m.groups!['v']!;
      // Punctuation that closes the sentence or a bracket belongs to the prose.
      const value = raw.replace(/[.,;:!?)\]}>]+$/, '');
      if (/^[>)\]}@/:|-]/.test(value)) continue;
      const quoted = m.groups!['open'] !== '';
      if (m.groups!['app'] !== undefined && !isAppPassword(value)) continue;
      if (!(m.groups!['app'] !== undefined || isPasswordLike(value) || isGeneratedWord(value) || (quoted && isJoinedPassphrase(value)))) continue;
      if (!isPlausibleSecret(value, { category: 'PASS', quoted: true, passphrase: m.groups!['app'] !== undefined, file: options.file })) continue;
      const start = m.index + m[0].length - raw.length;
      spans.push({ start, end: start + value.length, category: 'PASS' });
    }
  }
  return spans;
}

/**
 * A user and a password written as two code spans joined by a slash (`` `admin` / `…` ``),
 * the way notes and runbooks give a login. Read at each `` ` / ` ``: the span before it
 * must be a user name (letters, digits, `. _ @ + -`), the span after it a password by its
 * shape (letters, a digit and a symbol), so `` `GET` / `POST` `` or paths stay prose.
 */
const USER_SPAN_BEFORE = /(?<![\w`])`(?<user>[A-Za-z0-9._@+-]{1,64})$/;
/**
 * Words that say the pair is an account's login, right before the user's code span (`the shared account is \`…\` / \`…\``,
 * `Login: \`…\` / \`…\``): there a generated password of letters and digits alone is one too.
 */
const LOGIN_WORD_BEFORE_USER = /(?<![\w-])(?:account|login|log-in|credentials|creds|user(?:name)?)(?:[ \t]{1,2}(?:is|was))?[ \t]{0,2}:?[ \t]{1,2}$/i;
const PASSWORD_SPAN_AFTER = /`[ \t]{0,2}\/[ \t]{0,2}`(?<v>[^`\s]{6,128})`/y;
/**
 * The same pair as reStructuredText's inline literals, in double backticks (a docstring's ``` ``deploy`` / ``…`` ```):
 * the keyword then starts at the user's second closing backtick, so the user's literal ends one character before it.
 */
const USER_LITERAL_BEFORE = /(?<![\w`])``(?<user>[A-Za-z0-9._@+-]{1,64})`$/;
const PASSWORD_LITERAL_AFTER = /`[ \t]{0,2}\/[ \t]{0,2}``(?<v>[^`\s]{6,128})``/y;

const DIRECTIVE = /^[a-z][a-z-]{1,30}=[\w.-]{1,30}$/;

function findUserPasswordSpans(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // After a backtick, the keyword is the middle of a pair of double-backtick literals.
    const literal = offset > 0 && text.charCodeAt(offset - 1) === 0x60; /* ` */
    const after = literal ? PASSWORD_LITERAL_AFTER : PASSWORD_SPAN_AFTER;
    after.lastIndex = offset;
    const m = after.exec(text);
    const before = text.slice(Math.max(0, offset - 70), offset);
    const user = m === null ? null : (literal ? USER_LITERAL_BEFORE : USER_SPAN_BEFORE).exec(before);
    if (m === null || user === null) continue;
    const value = m.groups!['v']!;
    const generatedLogin = isGeneratedWord(value) && LOGIN_WORD_BEFORE_USER.test(before.slice(Math.max(0, user.index - 30), user.index));
    if (!(isPasswordLike(value) || generatedLogin) || !isPlausiblePassword(value, options.file)) continue;
    // A directive (`Cache-Control`/`max-age=0` in a spec's prose): a setting and its value, not a login.
    if (DIRECTIVE.test(value)) continue;
    const start = m.index + m[0].length - (literal ? 2 : 1) - value.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/**
 * A login given in bold after its label, user and password joined by a slash (`The shared login is **ops / …**`,
 * `Credentials: **admin** / **…**`), as notes and chat messages set it off. Read at the label; the user is a
 * name (letters, digits, `. _ @ + -`), the password must close the bold at a word's end and be shaped like one
 * (letters, a digit and a symbol), so `**read / write**` or `**GET / POST**` stay prose.
 */
const LOGIN_EMPHASIS_PAIR =
  /(?<![\w-])(?:log[ -]?in|sign[ -]?in|credentials)(?:[ \t]{1,2}(?:is|are|was)|[ \t]{0,2}:)[ \t]{1,3}\*\*(?<user>[A-Za-z0-9._@+-]{1,64})(?:\*\*)?[ \t]{0,2}\/[ \t]{0,2}(?:\*\*)?(?<v>[^\s]{6,130})/iy;
/** The bold's closing markers after the password, and what may close the sentence after them. */
const CLOSING_BOLD = /\*\*[.,;:!?)]{0,3}$/;

function findLoginEmphasisPairs(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    LOGIN_EMPHASIS_PAIR.lastIndex = offset;
    const m = LOGIN_EMPHASIS_PAIR.exec(text);
    if (m === null) continue;
    const raw = m.groups!['v']!;
    const close = CLOSING_BOLD.exec(raw);
    if (close === null) continue;
    const value = raw.slice(0, close.index);
    if (value.includes('**') || !isPasswordLike(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].length - raw.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/**
 * A user and a password in ONE code span after the word that says it is a login: `with creds \`admin / …\``,
 * `credentials: \`deploy / …\``, `login \`ops / …\``. Read at each of those words; the span must hold a user name,
 * a slash between spaces, and a password by its shape, so a path (`` `src/app` ``) or a choice (`` `GET / POST` ``) is none.
 */
const ONE_SPAN_LOGIN =
  /(?:creds|credentials|login)(?:[ \t]{0,2}:|[ \t]{1,2}(?:is|are|was|were))?[ \t]{1,4}`(?<user>[A-Za-z0-9._@+-]{1,64})[ \t]{1,2}\/[ \t]{1,2}(?<v>[^`\s]{6,128})`/iy;

function findOneSpanLogins(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (offset > 0 && /[A-Za-z]/.test(text.charAt(offset - 1))) continue;
    ONE_SPAN_LOGIN.lastIndex = offset;
    const m = ONE_SPAN_LOGIN.exec(text);
    if (m === null) continue;
    const value = m.groups!['v']!;
    if (!isPasswordLike(value) || !isPlausiblePassword(value, options.file) || DIRECTIVE.test(value)) continue;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/**
 * A line of notes labelled as a password (`Password: …`, `- **Passphrase**: …`, `Root password: …`):
 * every code span further on that line that is shaped like a password (letters, a digit and a
 * symbol) is one, even when the label's own value is a pointer to a vault entry and the line
 * goes on to give the password in use in a code span. Read at each `password`/`passphrase`; only a label that opens the line
 * (after a list marker, a heading's hashes, bold) counts, so prose that merely mentions
 * passwords keeps its code spans.
 */
const PASSWORD_LABEL = /pass(?:word|phrase)(?:[*_]{1,2})?[ \t]{0,2}:/iy;
/** What may open a line before the label: indentation, a list marker or number, a heading's hashes, bold, up to two words (`Root`, `DB admin`). */
const LABEL_LINE_START = /^[ \t]{0,12}(?:[-*+][ \t]{1,4}|\d{1,3}[.)][ \t]{1,4}|#{1,6}[ \t]{1,4}|>[ \t]{0,4})?(?:[*_]{1,2})?(?:[A-Za-z][\w-]{0,20}[ \t]{1,2}){0,2}$/;
const CODE_SPAN = /`([^`\s]{6,128})`/g;

function findLabelledLinePasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  let doneUntil = -1;
  for (const offset of offsets) {
    if (offset < doneUntil) continue;
    PASSWORD_LABEL.lastIndex = offset;
    if (!PASSWORD_LABEL.test(text)) continue;
    // At most 61 back: a label further in opens no line, and a search to the line's start per keyword was quadratic on one long line.
    const lineStart = lineAround(text, offset, 61).start;
    if (offset - lineStart > 60 || !LABEL_LINE_START.test(text.slice(lineStart, offset))) continue;
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd === -1) lineEnd = text.length;
    doneUntil = lineEnd;
    const restStart = PASSWORD_LABEL.lastIndex;
    const rest = text.slice(restStart, Math.min(lineEnd, restStart + 2000));
    for (const m of rest.matchAll(CODE_SPAN)) {
      const value = m[1]!;
      if (!isPasswordLike(value) || !/[A-Z]/.test(value) || !/[a-z]/.test(value)) continue;
      if (!isPlausiblePassword(value, options.file)) continue;
      const start = restStart + m.index + 1;
      spans.push({ start, end: start + value.length, category: 'PASS' });
    }
  }
  return spans;
}

/**
 * An account named in a code span and its old password after it, the way a rotation item lists what to change:
 * `Rotate the VPN account (\`svc-vpn\`, previously \`…\`)`, `the \`backup\` login, formerly \`…\``. The word
 * account or login (user, service account) stands right before the name; the value must look like a password.
 */
const ACCOUNT_BEFORE_PREVIOUS = /\b(?:account|login|user)[ \t]{1,4}\(?`[\w.@\\-]{1,64}`[ \t]{0,4},?[ \t]{0,4}$|`[\w.@\\-]{1,64}`[ \t]{1,4}(?:account|login|user)[ \t]{0,4},[ \t]{0,4}$/i;
const PREVIOUS_CODE_SPAN = /(?:previously|formerly)[ \t]{1,4}`([^`\s]{8,64})`/iy;

function findAccountPreviousPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const offset of offsets) {
    PREVIOUS_CODE_SPAN.lastIndex = offset;
    const m = PREVIOUS_CODE_SPAN.exec(text);
    if (m === null) continue;
    let from = offset;
    while (from > 0 && offset - from < 160 && text.charCodeAt(from - 1) !== 0x0a) from--;
    if (!ACCOUNT_BEFORE_PREVIOUS.test(text.slice(from, offset))) continue;
    const value = m[1]!;
    if (!isGeneratedWord(value) || (isNameShaped(value) && !PASSWORD_SYMBOL.test(value)) || NOT_A_NOTED_PASSWORD.test(value)) continue;
    if (!isPlausiblePassword(value, options.file)) continue;
    const start = offset + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/**
 * A paragraph or list item of notes that speaks of a password or passphrase and gives one further on, after a colon
 * or a verb that says "is" (`the old one was \`…\``, `it is now \`…\``, `is currently \`…\``), or what it was before
 * (`previously \`…\``, `formerly \`…\``), in a code span, maybe on the item's wrapped
 * next line (`- If match asks for a passphrase, it's in 1Password.` / `  (Until the vault migration lands: \`…\`)`).
 * A change told in the sentence gives its values after `from` and `to` (`was rotated on 2024-03-01 from \`…\` (leaked
 * in chat) to a vault reference`): the old value of a leaked password is one to keep out as much as the new one. A
 * value it was set back or returned to follows `back to`, `reverted to` or `restored to` (`Rolled broker password back to
 * \`…\``), the verb before the word.
 * Only a generated-looking value is taken (upper- and lower-case letters and digits, mixed), so commands, paths and
 * names after a colon stay prose.
 */
const COLON_CODE_SPAN =
  /(?::|\b(?:is|was|were)(?:[ \t]{1,4}(?:now|still|currently))?|\b(?:previously|formerly)|\b(?:rotated|changed|reset|updated|moved|switched)\b[^`.\r\n]{0,60}?[ \t](?:from|to)|\b(?:back|reverted|restored)[ \t]{1,4}to)[ \t]{1,4}`([^`\s]{10,64})`/g;
/** A line that starts a block of its own (a list item, a heading, a fence, a table row, a quote): the paragraph above has ended. */
const BLOCK_LINE_START = /^[ \t]{0,12}(?:[-*+][ \t]|\d{1,3}[.)][ \t]|#|```|~~~|\||>)/;
/**
 * Characters of a path, a URL or a template, and an address's `@` (a mention's or a decorator's first, a mail
 * domain's after): not of a password given in notes. An `@` inside a password (`Rk4@vQ…`) stays one.
 */
const NOT_A_NOTED_PASSWORD = /[/:${}<>]|^@|@[A-Za-z0-9-]{1,63}\.[A-Za-z]/;
/** A symbol that no name's words are joined by: with it, words and digits are a password made to be remembered. */
const PASSWORD_SYMBOL = /[!#%^&*+=?~]/;
/** How far the paragraph is read after the word: its line and two more. */
const PARAGRAPH_REACH = 600;

/** Where the paragraph or list item read from `offset` ends: its line and at most two more of the same block, within reach. */
function paragraphEnd(text: string, offset: number): number {
  const limit = Math.min(text.length, offset + PARAGRAPH_REACH);
  // Each line's end is looked for within the reach only: a search per word to the end of a long line was quadratic.
  let end = lineEndBefore(text, offset, limit);
  for (let lines = 0; lines < 2 && end < limit; lines++) {
    const lineEnd = lineEndBefore(text, end + 1, limit);
    const line = text.slice(end + 1, lineEnd);
    if (line.trim() === '' || BLOCK_LINE_START.test(line)) break;
    end = lineEnd;
  }
  return end;
}

function findParagraphPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  let doneUntil = -1;
  for (const offset of offsets) {
    if (offset < doneUntil) continue;
    // The word must begin there (`1Password` is a product, not the word).
    if (offset > 0 && /[A-Za-z0-9]/.test(text.charAt(offset - 1))) continue;
    const end = paragraphEnd(text, offset);
    doneUntil = end;
    const region = text.slice(offset, end);
    for (const m of region.matchAll(COLON_CODE_SPAN)) {
      const value = m[1]!;
      // A name's words are joined by `_`, `-` or `.`; a symbol such as `!`, `*` or `#` among them is a password's (`Orchid…!…`).
      if (!isGeneratedWord(value) || (isNameShaped(value) && !PASSWORD_SYMBOL.test(value)) || NOT_A_NOTED_PASSWORD.test(value)) continue;
      if (!isPlausiblePassword(value, options.file)) continue;
      const start = offset + m.index + m[0].length - 1 - value.length;
      spans.push({ start, end: start + value.length, category: 'PASS' });
    }
  }
  return spans;
}

/**
 * A secret named in prose and given right after, in a code span in parentheses: `Rotate the leaked session signing key
 * (\`…\`)`, `revoke the CI token (\`…\`) today`. The phrase ends in key, token, password, passphrase or secret just
 * before the parenthesis; a public, host or SSH key's is no secret. Only a generated-looking value is taken (upper- and
 * lower-case letters and digits, mixed), never a variable's name, a path or a fingerprint.
 */
const NAMED_SECRET_SPAN = /(?:key|token|password|passphrase|secret)[ \t]{1,2}\(`([^`\s]{12,128})`\)/iy;
/** The words before `key` that make it a public one: its value is published, not kept. */
const PUBLIC_KEY_BEFORE = /\b(?:public|host|ssh|gpg|pgp|publishable|deploy[ \t]public)[ \t]{1,2}$/i;

/** Ten letters or more of which hardly any (one in seven or fewer) is a vowel: drawn at random, not words or their abbreviations joined. */
function isVowelPoorDraw(value: string): boolean {
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (letters.length < 10) return false;
  const vowels = letters.replace(/[^aeiouAEIOU]/g, '').length;
  return vowels * 7 <= letters.length;
}

function findNamedSecretSpans(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const offset of offsets) {
    // The word must begin there (`monkey (…)` is no key, `apikey (…)` is read at its own `key`).
    if (offset > 0 && /[A-Za-z0-9]/.test(text.charAt(offset - 1)) && !/(?:api|access|secret|auth)$/i.test(text.slice(Math.max(0, offset - 6), offset))) continue;
    NAMED_SECRET_SPAN.lastIndex = offset;
    const m = NAMED_SECRET_SPAN.exec(text);
    if (m === null) continue;
    if (PUBLIC_KEY_BEFORE.test(text.slice(Math.max(0, offset - 24), offset))) continue;
    const value = m[1]!;
    // A password is often letters drawn at random with a digit among them (`password (\`…\`)`), which splits like a name
    // into "words"; those have hardly a vowel between them, and a name's words do.
    const drawnPassword = /^pass/i.test(m[0]) && isVowelPoorDraw(value);
    if (!isGeneratedWord(value) || (isNameShaped(value) && !PASSWORD_SYMBOL.test(value) && !drawnPassword) || NOT_A_NOTED_PASSWORD.test(value)) continue;
    if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const start = offset + m[0].length - 2 - value.length;
    spans.push({ start, end: start + value.length, category: 'KEY' });
  }
  return spans;
}

/**
 * The other way round: a value in a code span, then what it is in parentheses (`uses \`…\` (Vercel token)`, `\`…\`
 * (staging API key)`): up to three words before token, key, secret or password closing the parenthesis. Read back from
 * the closing word; a public, host, SSH or deploy key's value is left, and the value is judged as above.
 */
const SPAN_BEFORE_NAME = /`([^`\s]{12,128})`[ \t]{1,2}\((?:[A-Za-z][\w.'-]{0,30}[ \t]{1,2}){0,3}$/;
const SPAN_NAME_WORD = /(?:token|key|secret|password)\)/iy;
const PUBLIC_NAME_IN_PARENS = /\((?:[\w.'-]{1,31}[ \t]{1,2}){0,2}(?:public|publishable|host|ssh|gpg|pgp|deploy)[ \t]/i;

function findSpansNamedAfter(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (offset === 0 || (text[offset - 1] !== ' ' && text[offset - 1] !== '\t' && text[offset - 1] !== '(')) continue;
    SPAN_NAME_WORD.lastIndex = offset;
    if (!SPAN_NAME_WORD.test(text)) continue;
    const from = Math.max(0, offset - 240);
    const before = text.slice(from, offset);
    const m = SPAN_BEFORE_NAME.exec(before);
    if (m === null || PUBLIC_NAME_IN_PARENS.test(m[0])) continue;
    const value = m[1]!;
    // A drawn value splits into "words" as a name does, but switches between cases and digits at every other character.
    const drawn = characterSwitches(value) * 2 >= value.length;
    if (!isGeneratedWord(value) || (isNameShaped(value) && !drawn) || NOT_A_NOTED_PASSWORD.test(value)) continue;
    if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const start = from + m.index + 1;
    spans.push({ start, end: start + value.length, category: /^token/i.test(text.slice(offset, offset + 5)) ? 'TOKEN' : 'KEY' });
  }
  return spans;
}

/**
 * A paragraph of notes that speaks of an API token and gives one further on in a code span after a colon (`The vendor's
 * project token was pasted in #chat on 2024-02-02: \`…\``) or as its old one (`the old one (\`…\`) was revoked`): 32 to 64 hex digits, or a generated mix (20 or more) of letters and
 * digits. A paragraph about a commit, a hash or a checksum gives those as hex too, so one that names them is left.
 * A line that names a key or a secret and ends in a colon hands over what opens the next line in a code span (an
 * incident log's `new signing key pasted in #ops by mistake:` / `` `…` — rotated again``): there only a generated mix
 * is taken (hex after a key is as often its id or fingerprint).
 */
const TOKEN_WORD = /^tokens?(?![\w-])/i;
const KEY_WORD = /^(?:keys?|secrets?)(?![\w-])/i;
/**
 * The value after a colon (on the same line, or opening the next one as a wrapped sentence puts it), or the old one a
 * sentence names in passing: `the old one (\`…\`) was revoked`, `the previous token was \`…\``. A revoked or leaked
 * token is one to keep out as much as the live one.
 */
const COLON_TOKEN_SPAN = /(?::(?:[ \t]{1,4}|[ \t]{0,4}\r?\n[ \t]{0,12})|\b(?:old|previous|former)[ \t]{1,4}(?:one|token|key)[ \t]{0,4}(?:\([ \t]{0,4}|(?:was|is)[ \t]{1,4}))`([A-Za-z0-9_-]{20,100})`/g;
/**
 * A colon that ends its line, then the next line opening with a code span (from the colon on). The value may hold dots
 * between its characters, as generated secrets with a version or key-id prefix do (`cs1.…`, `v2.…`); a dotted name is
 * still told apart by the checks on the value.
 */
const LINE_END_COLON_SPAN = /:[ \t]{0,4}\r?\n[ \t]{0,12}`([A-Za-z0-9_-][A-Za-z0-9_.-]{18,98}[A-Za-z0-9_-])`/y;
/** How far along its line a key's word looks for the colon that ends it. */
const KEY_LINE_REACH = 240;
const HEX_TOKEN = /^(?:[0-9a-f]{32,64}|[0-9A-F]{32,64})$/;
/**
 * Words that name an id a value's own label may end in (`Trace id of the first failure:`, `Request ID:`, `correlation:`):
 * an incident note gives the failure's ids after speaking of the token, and the value after that colon is the id. A label
 * that names a token, a key or a secret too (`the token for that request:`) still gives the secret.
 */
const ID_LABEL_WORDS = /\b(?:ids?|identifiers?|trace|correlation|request|span|uuid|guid)\b/i;
const SECRET_LABEL_WORDS = /\b(?:tokens?|keys?|secrets?|passwords?|credentials?)\b/i;
/** How far back from a colon the label it ends is read: one sentence or list item's worth. */
const LABEL_REACH = 120;

/** Whether the sentence that ends in the colon at `colon` (back to its stop or its line's start) labels an id, not a secret. */
function labelsAnId(text: string, colon: number): boolean {
  const from = Math.max(lastIndexOfAbove(text, '\n', colon - 1, colon - LABEL_REACH) + 1, colon - LABEL_REACH);
  const before = text.slice(from, colon);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('! '), before.lastIndexOf('? '), before.lastIndexOf('; '));
  const label = stop === -1 ? before : before.slice(stop + 2);
  return ID_LABEL_WORDS.test(label) && !SECRET_LABEL_WORDS.test(label);
}

/** Words of a paragraph whose hex is a digest or a revision, not a token. */
const DIGEST_WORDS = /\b(?:commit|sha(?:-?\d{1,3})?|hash(?:es)?|checksum|digest|fingerprint|revision|rev|md5|public)\b/i;

/** The end of the line read from `offset` (its `\n`), when within reach of a key's word, and the colon that ends it (or -1). */
function lineEndColon(text: string, offset: number, state: { noNewlineBefore: number }): { end: number; colon: number } | undefined {
  const limit = Math.min(text.length, offset + KEY_LINE_REACH);
  // What an earlier word's look found free of line ends is not read again.
  let end = Math.max(offset, state.noNewlineBefore);
  while (end < limit && text.charCodeAt(end) !== 0x0a) end++;
  if (end >= limit) {
    state.noNewlineBefore = limit;
    return undefined;
  }
  let i = end - 1;
  while (i > offset && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i--;
  return { end, colon: text[i] === ':' ? i : -1 };
}

function findParagraphTokens(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  let doneUntil = -1;
  let keyLineDone = -1;
  const lineState = { noNewlineBefore: 0 };
  for (const offset of offsets) {
    if (offset > 0 && /[\w-]/.test(text.charAt(offset - 1))) continue;
    const word = text.slice(offset, offset + 8);
    if (offset >= keyLineDone && KEY_WORD.test(word)) {
      const line = lineEndColon(text, offset, lineState);
      // The other words of the line find the same end.
      keyLineDone = line === undefined ? offset + 1 : line.end;
      if (line === undefined || line.colon === -1) continue;
      const colon = line.colon;
      LINE_END_COLON_SPAN.lastIndex = colon;
      const m = LINE_END_COLON_SPAN.exec(text);
      if (m === null) continue;
      const value = m[1]!;
      if (DIGEST_WORDS.test(text.slice(Math.max(0, text.lastIndexOf('\n', offset) + 1, offset - KEY_LINE_REACH), colon)) || HEX_TOKEN.test(value) || !isGeneratedWord(value) || isNameShaped(value)) continue;
      if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
      const start = m.index + m[0].length - 1 - value.length;
      spans.push({ start, end: start + value.length, category: 'KEY' });
      continue;
    }
    if (offset < doneUntil || !TOKEN_WORD.test(word)) continue;
    const end = paragraphEnd(text, offset);
    doneUntil = end;
    const region = text.slice(offset, end);
    if (DIGEST_WORDS.test(region)) continue;
    for (const m of region.matchAll(COLON_TOKEN_SPAN)) {
      const value = m[1]!;
      const hex = HEX_TOKEN.test(value);
      if (!hex && (!isGeneratedWord(value) || isNameShaped(value))) continue;
      if (!isPlausibleSecret(value, { category: 'TOKEN', quoted: true, file: options.file })) continue;
      if (m[0].charCodeAt(0) === 0x3a /* : */ && labelsAnId(text, offset + m.index)) continue;
      const start = offset + m.index + m[0].length - 1 - value.length;
      spans.push({ start, end: start + value.length, category: 'TOKEN' });
    }
  }
  return spans;
}

/**
 * A Wi-Fi network named in quotes or brackets, then a colon and its key, as welcome mails and office notes
 * write it (`Office Wi-Fi "Acme-Guest": …`, `WLAN (lab-5G) = …`): the name is given, so what follows is the
 * passphrase. WPA takes 8 to 63 characters. Without a quoted name a value after `Wi-Fi:` is the network's own name.
 * The word for the key may follow the name, and a short clause it (`Staff Wi-Fi (Harbor-Staff) key for the front-desk
 * tablet: \`…\``): then the value must be in code marks or quotes, as a sentence's bare last word is as likely prose.
 * A list of networks gives the name in code marks after the colon or `is` and the key after it (`Guest Wi-Fi for visitors:
 * \`Acme-Guest\`, key \`…\``, `the shed Wi-Fi SSID is \`Shed-OT\`, WPA2 key …`, any network so listed: `Chromecast network:
 * \`AV\`, key …`): bare there, a key as people make one (a digit with a symbol or both cases, or words of both cases joined
 * by a symbol) that ends its clause. A network's name may be followed by an aside on its key that gives the value after a
 * colon (``Staff network `CV-Staff` (key rotates quarterly, current: `…`)``): in code marks or quotes.
 */
const WIFI_NETWORK_KEY =
  /(?:wi-?fi|wlan|wireless|(?:guest|staff|visitors?)[ \t]network|(?<net>network))(?:[ \t]{1,4}(?:network|ssid))?(?:[ \t]{1,4}(?:"(?<n1>[^"\r\n]{1,32})"|'(?<n2>[^'\r\n]{1,32})'|\((?<n3>[^()\r\n]{1,32})\))(?:[ \t]{1,4}(?:key|password|passphrase|psk)(?<clause>[ \t][^:=\r\n`"'<>]{0,40}[^\s:=`"'<>])?)?[ \t]{0,4}(?:[:=]|->)|(?:[ \t]{1,2}for[ \t]{1,2}[^:\r\n`"'<>]{1,40}?)?(?:[ \t]{0,2}:|[ \t]{1,2}is)[ \t]{1,4}`(?<n4>[^`\r\n]{1,32})`[ \t]{0,2}[,;][ \t]{1,3}(?:(?:wpa[23]?|wi-?fi)[ \t]{1,2})?(?:key|password|passphrase|psk)[ \t]{0,2}:?|[ \t]{1,4}`(?<n7>[^`\r\n]{1,32})`[ \t]{0,2}\([ \t]{0,2}(?:key|password|passphrase|psk)\b[^()\r\n`:]{0,60}:|(?:[ \t]{1,2}(?:for|at|in|on|of)[ \t]{1,2}[^:\r\n`"'<>\/]{1,40}?)?(?:[ \t]{0,2}:|[ \t]{1,2}(?:is|was))[ \t]{1,4}(?:`(?<n5>[^`\r\n]{1,32})`|"(?<n8>[^"\r\n]{1,32})"|(?<n6>[^\s`"'<>\/:]{1,32}))[ \t]{1,2}\/)[ \t]{0,4}(?:`(?<c>[^`\s]{8,63})`|"(?<q>[^"\r\n]{8,63})"|(?<v>[^\s"'`<>]{6,64}))/iy;

/** A model's shape: capitals and digits alone (`ESP8266EX`, `AP-535-RW`), as hardware is named. */
const MODEL_SHAPE = /^[A-Z0-9]+(?:[-_.][A-Z0-9]+)*$/;
/** A band, a rate or a standard (`5GHz-only`, `802.11ax`). */
const RADIO_WORDS = /ghz|mhz|mbps|802\.11/i;

/**
 * Whether the second of a network's pair (`Wi-Fi at the depot: Depot-2 / …`) is its key: not a path's or a list's
 * middle (another slash after it), nor a model, a band or a standard, which a pair after `Wi-Fi:` names as often.
 */
function isPairedWifiKey(text: string, end: number, value: string): boolean {
  if (/^[ \t]{0,2}\//.test(text.slice(end, end + 3))) return false;
  return !MODEL_SHAPE.test(value) && !RADIO_WORDS.test(value);
}

/**
 * A bare key without the sentence's end: a final stop, comma, colon or bracket is the sentence's, and a `!` too unless the
 * rest of the key has a digit or a symbol already (`Canopy2024!`, `Warp&Weft&Woad!.`): a made key ends so as often as not.
 */
function withoutSentenceEnd(raw: string): string {
  const value = raw.replace(/[.,;:?)]$/, '');
  return value.endsWith('!') && !/[^A-Za-z]/.test(value.slice(0, -1)) ? value.slice(0, -1) : value;
}

/** Words of both cases joined by a symbol no word's joint is (`Warp&Weft&Woad!`), as a key made without a digit is. */
const SYMBOL_JOINED_MIXED_CASE = /^(?=[^a-z]{0,63}[a-z])(?=[^A-Z]{0,63}[A-Z])[A-Za-z]{2,30}(?:[#!@$&*+=?~^][A-Za-z]{2,30}){1,4}[#!@$&*+=?~^]?$/;

/** A bare key after a listed network's name: a digit with a symbol or both cases, or words of both cases joined by a symbol. */
function isListedBareWifiKey(value: string): boolean {
  const made = /[A-Za-z]/.test(value) && /\d/.test(value) && (/[^A-Za-z0-9]/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)));
  return made || SYMBOL_JOINED_MIXED_CASE.test(value);
}

/** Upper- and lower-case letters, a digit and a symbol. */
function hasEveryCharClass(value: string): boolean {
  return /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9]/.test(value);
}

/**
 * A network's key after its security mode in brackets and a colon, as a list of networks gives it under a Wi-Fi heading
 * (`* **Office** (WPA2): \`…\``, `- Shed-AP (WPA2-PSK): …`): the mode says the name before it is a Wi-Fi network, so the value
 * after it is its key. Sticky at the bracket; `c` is a code span's value, `v` a bare one.
 */
const SECURITY_MODE_KEY =
  /\((?:wpa[23]?(?:[ \/-](?:wpa3|psk|personal|aes|sae|ccmp)(?:[ \/-](?:psk|personal|aes|sae|ccmp))?)?|wep)\)[ \t]{0,2}[:=][ \t]{0,3}(?:`(?<c>[^`\s]{8,63})`|\*\*(?<b>[^*\s]{8,63})\*\*|(?<v>[^\s"'`<>*()]{8,64}))/iy;

function findSecurityModeKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(SECURITY_MODE_KEY, text, offsets, (m) => {
    const g = m.groups!;
    const raw = g['c'] ?? g['b'] ?? g['v']!;
    const bare = g['v'] !== undefined;
    const value = bare ? withoutSentenceEnd(raw) : raw;
    // A bare value is a key as people make one and ends its clause; in code marks or bold, letters and a digit will do.
    if (bare && (!isListedBareWifiKey(value) || /[^\s<]/.test(text.charAt(m.index + m[0].length)))) return;
    if (!/[A-Za-z]/.test(value) || !/\d/.test(value) || isWifiSecurityMode(value) || RADIO_WORDS.test(value) || !isPlausiblePassword(value, options.file)) return;
    const start = m.index + m[0].length - raw.length - (bare ? 0 : g['b'] !== undefined ? 2 : 1);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A Wi-Fi network's key told in a chat or a note as what it is now (`did someone change the staff wifi? it should still be …`,
 * `the depot Wi-Fi changed, it is now …`): the Wi-Fi named, then a new clause whose `it` is the network, `is`, `was` or `should
 * be`, maybe `now` or `still`, and the key ending the line, the clause or a JSON export's string. The Wi-Fi may be said to be
 * the key itself, after where it is (`the wifi in the depot is … now`, `wifi at the yard is …`): `direct`. Sticky at the Wi-Fi word.
 */
const WIFI_IT_IS_KEY =
  /(?:wi-?fi|wlan)(?:[ \t]{1,2}(?:password|passphrase|key|pw))?\b(?:[^\r\n.!"]{0,40}?(?:[,;?][ \t]{1,2}|[ \t](?:and|so|but)[ \t])(?:it(?:'s|[ \t]is|[ \t]was|[ \t]should(?:[ \t]still)?[ \t]be)|its)|(?<direct>(?:[ \t]{1,2}(?:in|at|for|on)[ \t]{1,2}[^\r\n.!"?,;:=]{1,40}?)?[ \t]{1,2}(?:is|was)))(?:[ \t]{1,2}(?:now|still))?[ \t]{1,2}(?<v>[^\s"'`<>]{8,64})(?=["'`]?(?:\s|$)|"[ \t]{0,2}[,}\]])/iy;
/**
 * A symbol a network's name seldom has but a key often does: a Wi-Fi said to be a value (`the wifi is …`) names its network as
 * often as its key (`the wifi in the lab is Lab-Net5`), so the key must carry one.
 */
const KEY_NOT_NAME_SYMBOL = /[!@#$%&*+=?~^]/;

/**
 * Whether a value told as a network's key is made as one: a digit with a symbol or both cases (`StillHouse!2023Juniper`), not
 * a version, a security mode, a band or a standard, which "it is now" gives a network as often.
 */
function isToldWifiKey(value: string): boolean {
  if (!isListedBareWifiKey(value) || !/\d/.test(value) || /^v?\d/i.test(value) || isWifiSecurityMode(value) || RADIO_WORDS.test(value)) return false;
  return !/[\/\\<>{}()$%]/.test(value);
}

function findToldWifiKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(WIFI_IT_IS_KEY, text, offsets, (m) => {
    if (m.index > 0 && /[A-Za-z0-9-]/.test(text.charAt(m.index - 1))) return;
    const raw = m.groups!['v']!;
    const value = withoutSentenceEnd(raw);
    if (!isToldWifiKey(value) || !isPlausiblePassword(value, options.file)) return;
    if (m.groups!['direct'] !== undefined && !KEY_NOT_NAME_SYMBOL.test(value)) return;
    const start = m.index + m[0].length - raw.length;
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

function findWifiNetworkKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(WIFI_NETWORK_KEY, text, offsets, (m) => {
    const g = m.groups!;
    const bare = g['v'] !== undefined;
    // A bare value ends at a blank, a tag (`…<br>`) or a chat export's JSON string (`"text": "… / …"`); a full stop or
    // comma after it ends the sentence.
    const value = bare ? withoutSentenceEnd(g['v']!) : (g['c'] ?? g['q'])!;
    // A network named by the bare word is read only as a list names one, its name in code marks before the key's word.
    if (g['net'] !== undefined && g['n4'] === undefined && g['n7'] === undefined) return;
    if (bare && (value.length > 63 || /[^\s<"]/.test(text.charAt(m.index + m[0].length)) || g['clause'] !== undefined || g['n7'] !== undefined)) return;
    if (bare && g['n4'] !== undefined && !isListedBareWifiKey(value)) return;
    if (isWifiSecurityMode(value)) return;
    const network = g['n1'] ?? g['n2'] ?? g['n3'] ?? g['n4'] ?? g['n5'] ?? g['n6'] ?? g['n7'] ?? g['n8']!;
    const pair = g['n5'] !== undefined || g['n6'] !== undefined || g['n8'] !== undefined;
    if (pair && !isPairedWifiKey(text, m.index + m[0].length, value)) return;
    // WPA asks for eight characters; a shorter key is one only with every class, as no name or word has (a device's own
    // network may take it: `Layout room Wi-Fi (for the throttle): …`).
    if ((value.length < 8 && !hasEveryCharClass(value)) || value === network || !/[A-Za-z]/.test(value) || !/[0-9]/.test(value) && value === value.toLowerCase()) return;
    if (!isPlausiblePassword(value, options.file)) return;
    const start = m.index + m[0].length - (bare ? g['v']!.length : value.length + 1);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

/**
 * A lead-in that names a secret and ends in a colon (`New passwords (sent through a 1Password share):`,
 * `We created a cPanel API token called \`backups\` (no expiry):`) introduces what follows it: a fenced block
 * that holds one word, or a list whose items each end in a code span after a colon
 * (`- DB user \`app\`: \`…\``).
 */
const INTRODUCED_FENCE = /(?:[ \t]{0,8}\r?\n){1,3}[ \t]{0,3}```[\w-]{0,20}[ \t]{0,4}\r?\n[ \t]{0,8}(?<v>[^\s`]{8,300})[ \t]{0,8}\r?\n[ \t]{0,3}```/y;
/** One item of an introduced list: a label (maybe with the account in a code span), a colon, then the value's code span. */
const INTRODUCED_ITEM =
  /[ \t]{0,4}[-*+][ \t]{1,4}[^\r\n`:]{0,80}(?:`[^`\r\n]{1,80}`[^\r\n`:]{0,40})?:[ \t]{1,4}`(?<v>[^`\s]{4,200})`[ \t]{0,8}(?:\r?\n|$)/y;
/** Blank lines between the lead-in and its list. */
const BLANK_LINES = /(?:[ \t]{0,8}\r?\n){1,3}/y;
/** How far a lead-in's line is read around its secret word. */
const LEAD_IN_REACH = 300;

/**
 * Where the word before a lead-in's bare `key` starts (`master key`, `signing key`, `Rails secret key`): alone,
 * `key` is any key's name, so the kind is the two words'. -1 when no word stands right before it.
 */
function qualifierBefore(text: string, offset: number): number {
  if (offset < 2 || !/[ _-]/.test(text.charAt(offset - 1))) return -1;
  let start = offset - 1;
  while (start > 0 && offset - start <= 21 && /[A-Za-z]/.test(text.charAt(start - 1))) start--;
  if (start === offset - 1 || (start > 0 && /[\w-]/.test(text.charAt(start - 1)))) return -1;
  return start;
}

/** The secret's kind that a lead-in line at `offset` names, when the line ends in a colon; its end too. */
function leadInAt(text: string, offset: number, qualified = false): { key: KeyClass; end: number } | undefined {
  // A bounded look for the line's end: an unbounded one from every keyword is quadratic on one long line.
  const rest = text.slice(offset, offset + LEAD_IN_REACH + 1);
  const newline = rest.indexOf('\n');
  if (newline === -1 && offset + rest.length < text.length) return undefined;
  const end = newline === -1 ? text.length : offset + newline;
  const line = text.slice(offset, end).replace(/\r$/, '').trimEnd();
  if (!line.endsWith(':')) return undefined;
  const word = (qualified ? /^[A-Za-z]{1,20}[ _-]key(?![A-Za-z])/i : /^(?:api[ _-]?)?[A-Za-z]{1,20}/i).exec(line);
  const key = word === null ? undefined : classifyKey(word[0]);
  return key === undefined || key.weak ? undefined : { key, end };
}

function findIntroducedSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let done = -1;
  for (const offset of offsets) {
    if (offset < done) continue;
    // The secret word must start a word (`passwords`, `API token`), not end one (`1Password` is a product).
    if (offset > 0 && /[A-Za-z]/.test(text.charAt(offset - 1))) continue;
    // A bare `key` names a secret with the word before it (`master key`, not `public key`).
    const bareKey = /^key(?![A-Za-z])/i.test(text.slice(offset, offset + 4));
    const qualifier = bareKey ? qualifierBefore(text, offset) : -1;
    if (bareKey && qualifier < 0) continue;
    const lead = bareKey ? leadInAt(text, qualifier, true) : leadInAt(text, offset);
    if (lead === undefined) continue;
    done = lead.end;
    const judged = (value: string): boolean =>
      !/^[a-z]+(?:[-_.][a-z]+)*$/.test(value) && isPlausibleSecret(value, { category: lead.key.category, quoted: true, file: options.file });
    INTRODUCED_FENCE.lastIndex = lead.end;
    const fence = INTRODUCED_FENCE.exec(text);
    if (fence !== null) {
      const value = fence.groups!['v']!;
      const start = text.indexOf(value, lead.end);
      if (judged(value)) spans.push({ start, end: start + value.length, category: lead.key.category });
      done = INTRODUCED_FENCE.lastIndex;
      continue;
    }
    BLANK_LINES.lastIndex = lead.end;
    let at = BLANK_LINES.test(text) ? BLANK_LINES.lastIndex : lead.end;
    for (let items = 0; items < 50; items++) {
      INTRODUCED_ITEM.lastIndex = at;
      const item = INTRODUCED_ITEM.exec(text);
      if (item === null) break;
      const value = item.groups!['v']!;
      const start = item.index + item[0].lastIndexOf(`\`${value}\``) + 1;
      if (judged(value)) spans.push({ start, end: start + value.length, category: lead.key.category });
      at = INTRODUCED_ITEM.lastIndex;
    }
    done = Math.max(done, at);
  }
  return spans;
}

export const markdownRules: Rule[] = [
  {
    id: 'user-password-code-spans',
    category: 'PASS',
    description: 'A login written as two code spans joined by a slash: `` `admin` / `…` ``, or as reStructuredText\'s double-backtick literals (a user name, then a password by its shape; after words that say it is an account\'s login, a generated mix of letters and digits too)',
    keywords: ['` / `', '`/`'],
    pattern: PASSWORD_SPAN_AFTER,
    find: findUserPasswordSpans,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['the sandbox admin is at http://10.2.0.9:8080 with `admin` / `Sandb0x-Adm!n-Teal`.', 'Grafana: `ops@acme.io`/`Gr4fana-0ncall!`', 'the old shared login ``sync-bot`` / ``Wq3#tLz8!vRn`` is retired'],
      noMatch: ['use `GET` / `POST` for reads', 'use ``GET`` / ``POST`` for reads', 'with ``admin`` / ``${ADMIN_PASSWORD}``', 'either `src/main.ts` / `src/app-v2!.ts`', 'with `admin` / `${ADMIN_PASSWORD}`', 'log in as `admin` / `admin`', 'does not contain `Cache-Control`, then append `Cache-Control`/`max-age=0` to it'],
    },
  },
  {
    id: 'login-emphasis-pair',
    category: 'PASS',
    description: 'A login in bold after its label, user and password joined by a slash: `The shared login is **ops / …**`',
    keywords: ['login', 'log in', 'log-in', 'signin', 'sign in', 'sign-in', 'credentials'],
    pattern: LOGIN_EMPHASIS_PAIR,
    find: findLoginEmphasisPairs,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['The kiosk login is **kiosk / Tq7#vRm2*wLp**, rotated each term.', 'Credentials: **svc.backup** / **Hx4!mZ9q-Tr**'],
      noMatch: ['The login is **read / write** for most users.', 'login is **admin / ${ADMIN_PASSWORD}**', 'sign-in is **user / password**', 'The login is **ops / Tq7#vRm2 and more**'],
    },
  },
  {
    id: 'user-password-one-span',
    category: 'PASS',
    description: 'A login written as one code span after `creds` / `credentials` / `login`: `` with creds `admin / …` `` (a user name, a slash, then a password by its shape)',
    keywords: ['creds', 'credentials', 'login'],
    pattern: ONE_SPAN_LOGIN,
    find: findOneSpanLogins,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['Found the old wiki with creds `admin / Tq7#mVz2!kLw9` in its config.', 'Staging credentials: `deploy@ci / R8v$Lp2q-Wn5x`', 'login `ops / Fen!Otter-2291`'],
      noMatch: ['with creds `admin / ${ADMIN_PASSWORD}`', 'credentials `GET / POST` both work', 'login `src/app-v2!.ts`', 'with creds `admin / admin`', 'relogin `ops / Fen!Otter-2291`'],
    },
  },
  {
    id: 'foreign-prose-password',
    category: 'PASS',
    description:
      'A password in prose in another language: `contraseña`, `Passwort`, `Kennwort`, `mot de passe`, `senha`, `wachtwoord`, `Zugangsdaten`… followed by a code span, by a colon and one password-shaped word, or by a verb that says "is" (`lautet`, `ist`, `es`, `est`, `er`) and one password-shaped or generated-looking word',
    keywords: ['contrase', 'passwort', 'kennwort', 'mot de passe', 'senha', 'palavra-passe', 'wachtwoord', 'zugang', 'identifiants', 'credenciales', 'salasana', 'parola', 'adgangskode', 'passord'],
    pattern: FOREIGN_PROSE_PASSWORD,
    find: findForeignProsePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '2. El panel está en http://192.168.1.40:3000 — usuario `admin`, contraseña `Mirlo-Azul!2024` (cámbiala el primer día).',
        '# Zugang für den Testserver (bitte nicht weitergeben): Sonnenbl8me!Bergwerk',
        'Le mot de passe du compte de service : Hibou-Gris!77.',
        'Jenkins: Admin-Login ist "admin", das Passwort lautet Qb7!Rw3Kp9Lzt – bitte nicht weitergeben.',
        'El servidor de pruebas está listo; la contraseña es Tortuga-Roja!58.',
        'Adgangskoden er nu Hvalros#2024x, skift den efter ferien.',
        'Das neue Kennwort ist jetzt "Wz8kPq3nRt7LmX".',
      ],
      noMatch: [
        'login.password.forgot=Passwort vergessen?',
        'Passwort: mindestens 12 Zeichen',
        'contraseña `${DB_PASSWORD}`',
        'Zugangsdaten: siehe Vault unter secret/app',
        'senha: `sua-senha-aqui`',
        'Das Passwort ist abgelaufen, bitte ein neues setzen.',
        'Das Passwort lautet wie immer, siehe KeePass.',
        'Ihr Passwort ist 12 Zeichen lang und enthält Sonderzeichen.',
        'la contraseña es obligatoria',
        'Das Passwort ist ${JENKINS_ADMIN_PASSWORD}.',
      ],
    },
  },
  {
    id: 'script-prose-password',
    category: 'PASS',
    description:
      'A password in prose written in another script or with diacritics: `パスワードは …`, `密码是 …`, `비밀번호는 …`, `пароль — …`, `hasło to …`, `lösenordet är …`, then one ASCII word shaped like a password',
    // Every word holds a character beyond ASCII: text without one cannot match.
    keywords: [NON_ASCII_TEXT],
    pattern: SCRIPT_PROSE_PASSWORD,
    find: findScriptProsePasswords,
    confidence: 'medium',
    examples: {
      match: [
        '3. パスワードは RdsWH24GTZzKBtHp5S で合っているはず',
        '测试环境的密码是 Qm7#vLp2Zx9，请勿外传。',
        '관리자 비밀번호는 `Hx8!pQ2mWz` 입니다',
        '아이디(admin) 비밀번호(Tq4#mZ8vLp)',
        'Hasło to Kr0lik!Zielony — zmień je po pierwszym logowaniu.',
        'lösenordet är Fjall7!Blabar och gäller till fredag',
        'пароль от панели: Vx9!kLm2Qp',
      ],
      noMatch: [
        'パスワードは8文字以上にしてください。',
        'REDIS_URL=redis://:<パスワード>@localhost:6379/0',
        '密码是 password123',
        'パスワードは環境変数 REDIS_PASSWORD から読み込みます',
        'пароль: ${DB_PASSWORD}',
        'Hasło to hasło',
      ],
    },
  },
  {
    id: 'wifi-key-told-prose',
    category: 'PASS',
    description:
      'A Wi-Fi network\'s key told in a chat or a note as what it is now (`did someone change the staff wifi? it should still be …`, `the depot Wi-Fi changed, it is now …`), or the Wi-Fi said to be the key after where it is (`the wifi in the depot is … now`, the key with a symbol no network\'s name has): a digit with a symbol or both cases, ending the line or the clause; not a version, a security mode, a band or a standard',
    keywords: ['wi-fi', 'wifi', 'wlan'],
    pattern: WIFI_IT_IS_KEY,
    find: findToldWifiKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '{"text": "did someone reset the office wifi? it should still be Copper!Still2031"}',
        '[07:10] Sue: and the yard Wi-Fi changed, it is now Tractor!Bale77',
        'Shop wifi password changed, it\'s now Quayside-Chips-42.',
        '[08:15] Ana: reminder: the wifi in the bakery is &Sourdough42 now',
      ],
      noMatch: [
        'did someone change the staff wifi? it should still be on the router',
        'the depot Wi-Fi changed, it is now WPA3-Personal',
        'the depot Wi-Fi changed, it is now 5GHz-only',
        'the depot Wi-Fi firmware changed, it is now v7.4.2-b1',
        'the depot Wi-Fi changed, it is now broadcasting as Depot-Staff',
        'the guest wifi, it is now in the 1Password vault',
        '[08:15] Ana: reminder: the wifi in the bakery is Bakery-Staff2 now',
      ],
    },
  },
  {
    id: 'wifi-security-mode-key',
    category: 'PASS',
    description: 'A Wi-Fi key after a network\'s security mode in brackets and a colon, as a list of networks gives it (`* **Office** (WPA2): \`…\``, `- Shed-AP (WPA2-PSK): …`): in code marks or bold letters and a digit, bare a key as people make one ending its line',
    keywords: ['(wpa', '(wep'],
    pattern: SECURITY_MODE_KEY,
    find: findSecurityModeKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['## Wi-Fi\n* **Granary-Office** (WPA2): `Barley_Mow2291`', '- Shed-AP (WPA2-PSK): Tractor!Shed42', '* Staff (WPA2/WPA3): **kiln-door-5512**'],
      noMatch: ['* **Granary-Office** (WPA2): see the label on the router', '- Shed-AP (WPA2): (WPA2-PSK): none', '- Shed-AP (WPA2): `WPA2-Personal`', '- Shed-AP (WPA2): Enterprise', '* Staff (WPA3): `5GHz-only-2`', '- Shed-AP (WPA2): ${SHED_PSK}'],
    },
  },
  {
    id: 'wifi-network-key',
    category: 'PASS',
    description: 'A Wi-Fi passphrase after the network\'s quoted or bracketed name (`Office Wi-Fi "Acme-Guest": …`, `WLAN (lab-5G) = …`), or in code marks after the name in code marks and a comma (`Guest Wi-Fi for visitors: \`Acme-Guest\`, key \`…\``), as welcome mails and office notes give it, bare too where it is made as a key is and ends its clause (`the shed Wi-Fi SSID is \`Shed-OT\`, WPA2 key …`, `Chromecast network: \`AV\`, key …`), or in code marks after a colon in an aside on the key (``Staff network `X` (key rotates quarterly, current: `…`)``); or after the name (bare, in code marks or quoted) and a spaced slash, where a colon or `is` gives the pair (`wifi at the depot is Depot-2 / …`, `Guest network: Acme-Guest / …`, `guest wifi for the fete is "Fete-Guest" / …`), as notes and chats give it',
    keywords: ['wi-fi', 'wifi', 'wlan', 'wireless', 'guest network', 'staff network', 'visitor network', 'visitors network', 'network'],
    pattern: WIFI_NETWORK_KEY,
    find: findWifiNetworkKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['- Office Wi-Fi "Harbor-Staff": Qv7mBx-2291-Lpzt', 'WLAN (lab-5G) = `Kestrel!Orchard42`', 'Guest WiFi "Visitors": "pine-Lantern-8841".', '- Staff Wi-Fi (Harbor-Staff) key for the front-desk tablet: `lantern.quay.pebble42`', 'Guest WLAN "Visitors" password: Qv7mBx-2291-Lpzt', '- Bidders\' Wi-Fi for the sale: `Hall-Guest`, key `Gilt&Lacquer44`', 'wifi in the new depot: Depot-2 / Hedgerow4471', 'Guest network: Hall-Guest / gilt-lacquer-44', 'Guest Wi-Fi: `Hall-Guest`, key Gilt&Lacquer44', 'Lounge TV / Chromecast network: `Lodge-AV`, key Fireside2031!', 'The kiln Wi-Fi SSID is `Kiln-OT`, WPA2 key Slip&Glaze&Bisque!.', 'Staff network `Vault-Staff` (key rotates monthly, current: `Strongroom_M4_2025`).'],
      noMatch: ['Wi-Fi: Harbor-Staff', 'Wi-Fi "Harbor-Staff": ask at reception', 'Wi-Fi "Harbor-Staff": Harbor-Staff', 'WiFi (guest): see the wiki page', 'wifi "lab": ${WIFI_PSK}', 'Staff Wi-Fi (Harbor-Staff) key for the front-desk tablet: ask the duty manager', 'Wi-Fi (Harbor-Staff) password, rotated each term: Autumn2024term', 'Wi-Fi (Harbor-Staff) key rotation: `quarterly`', 'Staff Wi-Fi: `Hall-Staff`, key `WPA2-Enterprise`', 'Guest Wi-Fi: `Hall-Guest`, key rotates monthly', 'Lounge network: `Lodge-AV`, key fingerprint', 'the network `vlan-20`, password Fireside2031!', 'Lounge network: `Lodge-AV`, key WPA2-Personal', 'Staff network `Vault-Staff` (key rotates monthly, current: in the safe)', 'network: eth0 / Bond0-Primary2', 'Wi-Fi: ESP32 / ESP8266EX', 'Wi-Fi: Settings / Network / Advanced'],
    },
  },
  {
    id: 'markdown-introduced-secret',
    category: 'PASS',
    description:
      'In Markdown notes, what a lead-in naming a secret introduces (`New passwords (…):`, `We created an API token called \\`x\\`:`): a fenced block of one word, or list items that end in a code span after a colon',
    keywords: ['password', 'passphrase', 'token', 'secret', 'credential', 'api key', 'api keys', 'key'],
    paths: MARKDOWN_FILE,
    pattern: INTRODUCED_ITEM,
    find: findIntroducedSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-table-credential',
    category: 'CRED',
    description: 'A value in a Markdown table column whose header names a secret (`| Partner | Credential |` / `` | Acme | `…` | ``), or a network\'s passphrase under a bare `Key` beside its SSID or Wi-Fi column (`| Site | SSID | Key |`)',
    keywords: [], // bound to Markdown files by path instead
    paths: MARKDOWN_FILE,
    pattern: /\|[ \t]{0,8}:?-{1,200}/,
    find: findTableCredentials,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-password-line',
    category: 'PASS',
    description:
      'In Markdown notes, a line labelled as a password (`Password: …`, `- **Passphrase**: …`): each code span on it shaped like a password (upper- and lower-case letters, a digit and a symbol), even past a pointer the label gives first',
    keywords: ['password', 'passphrase'],
    paths: MARKDOWN_FILE,
    pattern: PASSWORD_LABEL,
    find: findLabelledLinePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-paragraph-password',
    category: 'PASS',
    description:
      'In Markdown notes, a paragraph or list item that speaks of a password or passphrase and gives a generated-looking one in a code span after a colon or after "is"/"was" (`the old one was \\`…\\``), maybe on its wrapped next line',
    keywords: ['password', 'passphrase'],
    paths: MARKDOWN_FILE,
    pattern: COLON_CODE_SPAN,
    find: findParagraphPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-account-previous-password',
    category: 'PASS',
    description:
      'In Markdown notes, an account named in a code span and then its old password after "previously"/"formerly" (`Rotate the VPN account (\\`svc-vpn\\`, previously \\`…\\`)`)',
    keywords: ['previously', 'formerly'],
    paths: MARKDOWN_FILE,
    pattern: PREVIOUS_CODE_SPAN,
    find: findAccountPreviousPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-named-secret-span',
    category: 'KEY',
    description:
      'In Markdown notes, a secret named in prose and given right after it in a code span in parentheses (`Rotate the leaked session signing key (\\`…\\`)`): a generated-looking value after key, token, password, passphrase or secret; not a public or host key',
    keywords: ['key (`', 'token (`', 'password (`', 'passphrase (`', 'secret (`'],
    paths: MARKDOWN_FILE,
    pattern: NAMED_SECRET_SPAN,
    find: findNamedSecretSpans,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-span-named-after',
    category: 'KEY',
    description:
      'In Markdown notes, a generated value in a code span followed by what it is in parentheses (`uses \\`…\\` (Vercel token)`, `(staging API key)`): token, key, secret or password closing the parenthesis; not a public, host, SSH or deploy key',
    keywords: ['token)', 'key)', 'secret)', 'password)'],
    paths: MARKDOWN_FILE,
    pattern: SPAN_NAME_WORD,
    find: findSpansNamedAfter,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-paragraph-token',
    category: 'TOKEN',
    description:
      'In Markdown notes, a paragraph or list item that speaks of a token and gives one further on in a code span after a colon (`the project token was pasted in #chat on 2024-02-02: \\`…\\``): hex of 32 to 64 digits or a generated value; not where the paragraph speaks of a commit, a hash or a checksum. A line naming a key or secret that ends in a colon, and a generated value in a code span opening the next line',
    keywords: ['token', 'key', 'secret'],
    paths: MARKDOWN_FILE,
    pattern: COLON_TOKEN_SPAN,
    find: findParagraphTokens,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'markdown-pass-code-span',
    category: 'PASS',
    description: 'A password in notes written as `pass` followed by a code span (`user `acme`, pass `…``)',
    keywords: ['pass', 'pw'],
    pattern: PASS_CODE_SPAN,
    find: findPassCodeSpans,
    confidence: 'medium',
    examples: {
      match: [],
      noMatch: [],
    },
  },
];
