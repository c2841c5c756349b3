import { classifyKey } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Credentials written into Markdown documentation: a table whose column header names a
 * secret (`| Partner | Credential |`), and the `pass \`…\`` shorthand of notes. Only Markdown
 * files are read: elsewhere a `|` row or a word in backticks means something else.
 */

const MARKDOWN_FILE = /\.(?:md|markdown|mdx)$/i;
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
    const secretColumns = header.map((cell) => (cell.text.length <= 40 ? classifyKey(cell.text.replace(/[*_`]/g, '')) : undefined));
    if (!secretColumns.some((k) => k !== undefined)) continue;
    for (let r = i + 1; r < lines.length && lines[r]!.text.includes('|'); r++) {
      const cells = cellsOf(text, lines[r]!.start, lines[r]!.text);
      cells.forEach((cell, c) => {
        const key = secretColumns[c];
        if (key === undefined) return;
        const m = SINGLE_VALUE_CELL.exec(cell.text);
        if (m === null) return;
        const value = m.groups!['code'] ?? m.groups!['bare']!;
        const start = cell.start + (m.groups!['code'] !== undefined ? 1 : 0);
        if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
        spans.push({ start, end: start + value.length, category: key.category });
      });
      i = r;
    }
  }
  return spans;
}

/** `user \`acme\`, pass \`…\``: a code span right after the word `pass`/`pw`. */
const PASS_CODE_SPAN = /(?<![\w-])(?:pass|pw|pwd)[ \t]{1,4}`(?<v>[^`\s]{6,128})`/gi;

/** Letters, a digit and a symbol beyond the punctuation of names (`_ . - /`): a password, not an identifier or a flag. */
function isPasswordLike(value: string): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value) && /[^A-Za-z0-9_./-]/.test(value) && !value.startsWith('-');
}

function findPassCodeSpans(text: string, options: DetectOptions): Span[] {
  if (options.file === undefined || !MARKDOWN_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(PASS_CODE_SPAN)) {
    const value = m.groups!['v']!;
    if (!isPasswordLike(value) || !isPlausibleSecret(value, { category: 'PASS', quoted: true, file: options.file })) continue;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

/**
 * A password written into prose in another language: the word for password or for access
 * data (`contraseña`, `Passwort`, `Kennwort`, `mot de passe`, `senha`, `wachtwoord`,
 * `Zugangsdaten`, `identifiants`), then a code span (`contraseña \`…\``) or, further on the
 * same line, a colon and one password-shaped word (`Zugang für den Testserver: …`).
 * Read at each of those words; any file, since notes and comments hold prose everywhere.
 */
const FOREIGN_PROSE_PASSWORD = new RegExp(
  '(?:contrase(?:ña|na)|passwort|kennwort|mot[ \\t]de[ \\t]passe|senha|palavra-passe|wachtwoord|zugang(?:sdaten)?|identifiants|credenciales|salasana|parola)' +
    '(?:[ \\t]{0,4}:?[ \\t]{0,4}`(?<code>[^`\\s]{6,128})`|[^:\\r\\n`]{0,100}:[ \\t]{0,4}(?:`(?<code2>[^`\\s]{6,128})`|(?<word>[^\\s`\'"]{6,128})))',
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
    // A bare word may close the sentence: its final full stop, comma or bracket is prose.
    const value = code ?? m.groups!['word']!.replace(/[.,;:)\]]+$/, '');
    if (!isPasswordLike(value) || !isPlausibleSecret(value, { category: 'PASS', quoted: true, ...(options.file === undefined ? {} : { file: options.file }) })) continue;
    const start = code !== undefined ? m.index + m[0].length - 1 - value.length : m.index + m[0].length - m.groups!['word']!.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
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
const PASSWORD_SPAN_AFTER = /`[ \t]{0,2}\/[ \t]{0,2}`(?<v>[^`\s]{6,128})`/y;

function findUserPasswordSpans(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    PASSWORD_SPAN_AFTER.lastIndex = offset;
    const m = PASSWORD_SPAN_AFTER.exec(text);
    if (m === null || !USER_SPAN_BEFORE.test(text.slice(Math.max(0, offset - 70), offset))) continue;
    const value = m.groups!['v']!;
    if (!isPasswordLike(value) || !isPlausibleSecret(value, { category: 'PASS', quoted: true, ...(options.file === undefined ? {} : { file: options.file }) })) continue;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

export const markdownRules: Rule[] = [
  {
    id: 'user-password-code-spans',
    category: 'PASS',
    description: 'A login written as two code spans joined by a slash: `` `admin` / `…` `` (a user name, then a password by its shape)',
    keywords: ['` / `', '`/`'],
    pattern: PASSWORD_SPAN_AFTER,
    find: findUserPasswordSpans,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['the sandbox admin is at http://10.2.0.9:8080 with `admin` / `Sandb0x-Adm!n-Teal`.', 'Grafana: `ops@acme.io`/`Gr4fana-0ncall!`'],
      noMatch: ['use `GET` / `POST` for reads', 'either `src/main.ts` / `src/app-v2!.ts`', 'with `admin` / `${ADMIN_PASSWORD}`', 'log in as `admin` / `admin`'],
    },
  },
  {
    id: 'foreign-prose-password',
    category: 'PASS',
    description:
      'A password in prose in another language: `contraseña`, `Passwort`, `Kennwort`, `mot de passe`, `senha`, `wachtwoord`, `Zugangsdaten`… followed by a code span, or by a colon and one password-shaped word',
    keywords: ['contrase', 'passwort', 'kennwort', 'mot de passe', 'senha', 'palavra-passe', 'wachtwoord', 'zugang', 'identifiants', 'credenciales', 'salasana', 'parola'],
    pattern: FOREIGN_PROSE_PASSWORD,
    find: findForeignProsePasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '2. El panel está en http://192.168.1.40:3000 — usuario `admin`, contraseña `Mirlo-Azul!2024` (cámbiala el primer día).',
        '# Zugang für den Testserver (bitte nicht weitergeben): Sonnenbl8me!Bergwerk',
        'Le mot de passe du compte de service : Hibou-Gris!77.',
      ],
      noMatch: [
        'login.password.forgot=Passwort vergessen?',
        'Passwort: mindestens 12 Zeichen',
        'contraseña `${DB_PASSWORD}`',
        'Zugangsdaten: siehe Vault unter secret/app',
        'senha: `sua-senha-aqui`',
      ],
    },
  },
  {
    id: 'markdown-table-credential',
    category: 'CRED',
    description: 'A value in a Markdown table column whose header names a secret (`| Partner | Credential |` / `` | Acme | `…` | ``)',
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
