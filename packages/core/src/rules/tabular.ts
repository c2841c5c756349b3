import { isBlankCode, isIdentifierCode } from '../char-codes.js';
import { classifyKey, splitWords, type KeyClass } from '../key-name.js';
import { lineAround, linesFrom } from '../line-index.js';
import { isCodeFile, isPlausibleSecret, isStoredPasswordHash, UUID } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import { namesSnmpCommunityColumn } from './snmp.js';
import { WIFI_KEY, wifiKeyColumns } from './wifi-columns.js';
import { isProsePin, loginPinColumns, namesAccessCodeColumn } from './access-codes.js';
import { NON_ASCII_TEXT, type DetectOptions, type Rule, type Span } from '../types.js';

/**
 * Credentials in tables, where a header or a key column names each value: spreadsheet exports,
 * SQL dumps and inserts, database shells' result tables, and the key/value tables CLIs print.
 * A CSV/TSV file whose header row names a secret column (`name,owner,api_key,created`) holds
 * the secrets under that column, whatever their shape; a column named for a hash
 * (`password_hash`) names no secret, so hashes stay alone. Only CSV/TSV files are read as
 * CSV: elsewhere a comma-separated line means something else.
 */

const TABULAR_FILE = /\.(?:csv|tsv)$/i;
/** The longest line read as a row; a longer one is data no header describes. */
const MAX_ROW = 4000;

interface Cell {
  text: string;
  start: number;
}

/**
 * The fields of a row, each without its surrounding quotes, with their offsets in `text`. A quoted field runs to its
 * closing quote (`""` inside is a quote), separators and all: CSV writers quote a field that holds one (a password
 * hash's `m=65536,t=3,p=4`, a note's "until Friday, then remove"), and split there the row's later cells would shift
 * under the wrong titles. A quote that never closes is read as text up to the next separator.
 */
function fieldsOf(line: string, lineStart: number, separator: string): Cell[] {
  const cells: Cell[] = [];
  for (let offset = 0; offset <= line.length; ) {
    const end = fieldEnd(line, offset, separator);
    const raw = line.slice(offset, end);
    const lead = raw.length - raw.trimStart().length;
    let field = raw.trim();
    let start = lineStart + offset + lead;
    if (field.length >= 2 && field.startsWith('"') && field.endsWith('"') && !field.slice(1, -1).includes('"')) {
      field = field.slice(1, -1);
      start += 1;
    }
    cells.push({ text: field, start });
    offset = end + separator.length;
  }
  return cells;
}

/** Where the field that starts at `from` ends: the separator after it, after its closing quote when it is quoted. */
function fieldEnd(line: string, from: number, separator: string): number {
  let at = from;
  while (line.charCodeAt(at) === 0x20) at++;
  let searchFrom = from;
  if (line.charCodeAt(at) === 0x22 /* " */) {
    let close = line.indexOf('"', at + 1);
    while (close !== -1 && line.charCodeAt(close + 1) === 0x22) close = line.indexOf('"', close + 2);
    if (close !== -1) searchFrom = close + 1;
  }
  const next = line.indexOf(separator, searchFrom);
  return next === -1 ? line.length : next;
}

/**
 * A key/value export: a header with a column of names and a column of values (ESP-IDF's NVS
 * partition CSV `key,type,encoding,value`, a parameter store's `Name,Type,Value`, a settings table
 * dumped as `COPY integration_setting (key, value) FROM stdin;`). Each row's name then says what its
 * value is (`psk,data,string,…`, `hmac_key,data,hex2bin,…`, `orcid.client_secret\t…`), as a
 * `name = value` line would; a `file` type says the value is the path of a file that holds it.
 * The two columns may share a prefix that names what they describe (WordPress's `option_name`,
 * `option_value`; `meta_key`, `meta_value`; `setting_key`, `setting_value`): only the same one on both.
 */
const EXPORT_NAME_HEADER = /^(?:([A-Za-z][A-Za-z0-9]{0,20})[_-])?(?:key|name|field|property|setting|parameter|param|variable)$/i;
const EXPORT_VALUE_HEADER = /^(?:([A-Za-z][A-Za-z0-9]{0,20})[_-])?(?:value|val|data)$/i;
const TYPE_HEADER = /^type$/i;

interface NamedValueColumns {
  name: number;
  value: number;
  type: number;
}

/** The columns of names and values among a header's titles, when it has both under one prefix (or none). */
function namedValueColumns(titles: readonly string[]): NamedValueColumns | undefined {
  // The first value column of each prefix, then the first name column that has one: a header is read twice, not once per pair.
  const valueByPrefix = new Map<string, number>();
  titles.forEach((title, i) => {
    const prefix = EXPORT_VALUE_HEADER.exec(title)?.[1] ?? (EXPORT_VALUE_HEADER.test(title) ? '' : undefined);
    if (prefix !== undefined && !valueByPrefix.has(prefix.toLowerCase())) valueByPrefix.set(prefix.toLowerCase(), i);
  });
  for (let name = 0; name < titles.length && valueByPrefix.size > 0; name++) {
    const named = EXPORT_NAME_HEADER.exec(titles[name]!);
    const value = named === null ? undefined : valueByPrefix.get((named[1] ?? '').toLowerCase());
    if (value !== undefined && value !== name) return { name, value, type: titles.findIndex((title) => TYPE_HEADER.test(title)) };
  }
  return undefined;
}

/** The value of a key/value row whose name names a secret, when it holds a plausible one. */
function namedRowCredential(cells: readonly Cell[], layout: NamedValueColumns, options: DetectOptions): Span | undefined {
  const name = cells[layout.name]?.text ?? '';
  const value = cells[layout.value];
  if (name.length === 0 || name.length > 60 || value === undefined || value.text.length === 0 || /\s/.test(value.text)) return undefined;
  if (layout.type !== -1 && cells[layout.type]?.text.toLowerCase() === 'file') return undefined;
  const key = classifyKey(name);
  if (key === undefined) return undefined;
  // A UUID under a name that only calls it a key (`gbif.dataset_key`, `installation_key`) is the id of a thing; a service
  // that issues its secret as a UUID names it so (`orcid.client_secret`, `postmark.server_token`, `heroku.api_key`).
  if (key.weak && UUID.test(value.text)) return undefined;
  if (!isPlausibleSecret(value.text, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return undefined;
  return { start: value.start, end: value.start + value.text.length, category: key.category };
}

/**
 * What a table's column titles say its rows hold, wherever the titles are given (a CSV's header row, a `COPY`'s or an
 * `INSERT`'s column list, a `CREATE TABLE`): the key of each column whose title names a secret, and the name and value
 * columns of a key/value table, whose `key` column holds names, not keys. Undefined when no row can hold a secret.
 */
interface TableLayout {
  columns: (ColumnKey | undefined)[];
  namedValues: NamedValueColumns | undefined;
  /** A column that names each row's thing (`name`, `key`, `setting`) beside the secret columns, or -1. */
  rowName: number;
}

/**
 * Tables of well-known frameworks whose secret-named columns hold digests, by their schema: Laravel Sanctum's
 * `personal_access_tokens.token` is the SHA-256 of the token it hands out (64 hex, as a token might be written).
 */
const DIGEST_COLUMNS = new Map<string, ReadonlySet<string>>([['personal_access_tokens', new Set(['token'])]]);

function tableLayout(titles: readonly string[], table?: string): TableLayout | undefined {
  const digests = table === undefined ? undefined : DIGEST_COLUMNS.get(tableKey(table));
  const wifiKeys = wifiKeyColumns(titles);
  const columns = titles.map((title, i) =>
    wifiKeys.has(i) ? WIFI_KEY : title.length <= 40 && digests?.has(title.toLowerCase()) !== true ? columnKey(title) : undefined,
  );
  for (const pin of loginPinColumns(titles)) columns[pin] = LOGIN_PIN_KEY;
  const namedValues = namedValueColumns(titles);
  if (namedValues !== undefined) columns[namedValues.name] = undefined;
  if (namedValues === undefined && !columns.some((k) => k !== undefined)) return undefined;
  const rowName = titles.findIndex((title, i) => columns[i] === undefined && EXPORT_NAME_HEADER.test(title));
  return { columns, namedValues, rowName };
}

/** An id's last word, as a row's name ends in it (`ups_webhook_id`, `tenant-guid`). */
const ID_NAME_WORDS = new Set(['id', 'uuid', 'guid']);

/**
 * Whether a row's name says the row holds an id (`ups_webhook_id`, `azure_tenant_id`) and names no secret (Vault's
 * `secret_id` does): an integrations table keeps such ids in its `secret` column beside the secrets, and the row's name,
 * not the column's, says what each value is.
 */
function namesAnId(rowName: string): boolean {
  if (rowName.length === 0 || rowName.length > 60) return false;
  const words = splitWords(rowName);
  return ID_NAME_WORDS.has(words[words.length - 1] ?? '') && classifyKey(rowName) === undefined;
}

/**
 * The secrets of one row of a table laid out as `layout` says: under a secret-named column, unless the row's name says
 * it holds an id, or in a named row's value.
 */
function rowSpans(cells: readonly Cell[], layout: TableLayout, options: DetectOptions): Span[] {
  const rowName = layout.rowName === -1 ? '' : cells[layout.rowName]?.text ?? '';
  const spans = namesAnId(rowName) ? [] : cellCredentials(cells, layout.columns, options);
  const named = layout.namedValues === undefined ? undefined : namedRowCredential(cells, layout.namedValues, options);
  if (named !== undefined) spans.push(named);
  return spans;
}

function findTabularCredentials(text: string, options: DetectOptions): Span[] {
  if (options.file === undefined || !TABULAR_FILE.test(options.file)) return [];
  const separator = /\.tsv$/i.test(options.file) ? '\t' : ',';
  const spans: Span[] = [];
  let layout: TableLayout | undefined;
  for (let start = 0; start < text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line.length > 0 && line.length <= MAX_ROW) {
      const cells = fieldsOf(line, start, separator);
      if (layout === undefined) {
        // The first non-empty line is the header.
        layout = tableLayout(cells.map((cell) => cell.text));
        if (layout === undefined) return [];
      } else {
        spans.push(...rowSpans(cells, layout, options));
      }
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return spans;
}

/** What a column's title says of its cells: a secret's class, and whether it names a PIN or a keypad's code, which is digits. */
type ColumnKey = KeyClass & { accessCode?: boolean };
/** A bare `pin` column beside the accounts' logins: their PINs. */
const LOGIN_PIN_KEY: ColumnKey = { category: 'PASS', weak: false, accessCode: true };

/**
 * What a CSV/TSV column's title says its cells hold: a secret's name, an SNMP community's (`snmp_community` in a
 * network inventory), which names a secret only for SNMP and so is no key name elsewhere, or a PIN's or a keypad's code
 * (a service log's `machine_room_code`, a site list's `alarm_code`, a device list's `supervisor_pin`).
 */
function columnKey(title: string): ColumnKey | undefined {
  const accessCode = namesAccessCodeColumn(title);
  const key = classifyKey(title) ?? (namesSnmpCommunityColumn(title) || accessCode ? { category: 'PASS' as const, weak: false } : undefined);
  return key === undefined || !accessCode ? key : { ...key, accessCode };
}

/**
 * Eight or nine letters and digits with digits between the letters (`WDB9A0DD`): shorter than a key must be where only
 * its shape speaks, but under a column that names a key or a secret it is one, as some services issue keys that short
 * (what3words' API keys). A word with a number after it (`pending1`) has no digit inside, and stand-ins stay out.
 */
const SHORT_DRAWN_KEY = /^(?=[A-Za-z0-9]{8,9}$)[A-Za-z0-9]{0,7}[A-Za-z]\d{1,6}[A-Za-z]/;
function isShortDrawnKey(value: string, file: string | undefined): boolean {
  return SHORT_DRAWN_KEY.test(value) && isPlausibleSecret(value, { category: 'PASS', quoted: true, file });
}

/**
 * The cells of one row that sit under a secret-named column and hold a plausible secret; under a PIN's or a keypad code's
 * column, four to eight digits that are no stand-in are one too; under a key's or a secret's, a short drawn key too. A password's hash in a slow format, crypt(3)'s included,
 * is the users table's login store (`auth_user.password`), not the password.
 */
function cellCredentials(cells: readonly Cell[], columns: readonly (ColumnKey | undefined)[], options: DetectOptions): Span[] {
  const spans: Span[] = [];
  cells.forEach((cell, c) => {
    const key = columns[c];
    if (key === undefined || cell.text.length === 0 || /\s/.test(cell.text) || isStoredPasswordHash(cell.text)) return;
    // A UUID under a column that only calls it a key or a link's token (`dataset_key`, `unsubscribe_token`) is a row's id,
    // as in a key/value table's rows (`namedRowCredential`).
    if (key.weak && UUID.test(cell.text)) return;
    const pin = key.accessCode === true && isProsePin(cell.text);
    const shortKey = key.category === 'KEY' && !key.weak && isShortDrawnKey(cell.text, options.file);
    if (!pin && !shortKey && !isPlausibleSecret(cell.text, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
    spans.push({ start: cell.start, end: cell.start + cell.text.length, category: key.category });
  });
  return spans;
}

/**
 * A free-text cell of a CSV/TSV (an inventory's `notes`, a tracker export's comment) that opens
 * with a secret's name, one space and its value: `"pwd … (temp, until key auth)"`,
 * `client_secret …`. The cell's own start is the name's; the value is one word, and must look
 * like one: for a password letters and digits (`pwd expired` is a remark), for a key or token
 * what a generated value looks like.
 */
const NOTE_CELL = /(?<name>[A-Za-z][\w.-]{0,59}) (?<v>[^\s,"]{6,128})(?=[ \t,"]|\r?\n|$)/y;
/** How far back from a keyword its name may start. */
const MAX_NAME_BACK = 60;

/** Whether `at` opens a cell: the line's start, a separator, or a quote that opens a field after one. */
function opensCell(text: string, at: number, separator: number): boolean {
  if (at === 0) return true;
  let c = text.charCodeAt(at - 1);
  if (c === 0x22 /* " */) c = at === 1 ? 0x0a : text.charCodeAt(at - 2);
  return c === separator || c === 0x0a || c === 0x0d;
}

function findNoteCellCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  if (options.file === undefined || !TABULAR_FILE.test(options.file)) return [];
  const separator = /\.tsv$/i.test(options.file) ? 0x09 : 0x2c;
  const spans: Span[] = [];
  let lastName = -1;
  for (const offset of offsets) {
    let at = offset;
    while (at > 0 && offset - at < MAX_NAME_BACK && isIdentifierCode(text.charCodeAt(at - 1))) at--;
    // A name holding two keywords (`secret_key`) is read once.
    if (at === lastName || !opensCell(text, at, separator)) continue;
    lastName = at;
    NOTE_CELL.lastIndex = at;
    const m = NOTE_CELL.exec(text);
    if (m === null || m.index + m.groups!['name']!.length <= offset) continue;
    const key = classifyKey(m.groups!['name']!);
    const value = m.groups!['v']!;
    if (key === undefined) continue;
    if (key.category === 'PASS' ? !(/[A-Za-z]/.test(value) && /\d/.test(value)) : !/\d/.test(value)) continue;
    if (!isPlausibleSecret(value, { category: key.category, quoted: false, weakKey: key.weak, file: options.file })) continue;
    const start = m.index + m[0].length - value.length;
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/**
 * The data blocks of a PostgreSQL dump: `COPY public.api_clients (id, name, client_secret) FROM stdin;`,
 * then one row per line, fields split by tabs (by commas `WITH CSV`), up to a line `\.`. Like a
 * CSV row under its header, a field under a secret-named column is the secret.
 */
const SQL_COPY_HEADER =
  /\bCOPY[ \t]{1,4}(?<table>[\w."]{1,128})[ \t]{0,4}\((?<cols>[^()'";\r\n]{1,1000})\)[ \t]{1,4}FROM[ \t]{1,4}stdin(?<options>[^;\r\n]{0,200});?[ \t]{0,8}\r?\n/gi;

function findSqlCopyCredentials(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  const re = SQL_COPY_HEADER;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // A settings table (`(key, value)`) is read too: each row's name says what its value is.
    const layout = tableLayout(m.groups!['cols']!.split(',').map(unquotedColumn), m.groups!['table']);
    const separator = /\bcsv\b/i.test(m.groups!['options']!) ? ',' : '\t';
    let start = m.index + m[0].length;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl === -1 ? text.length : nl;
      const lineStart = start;
      const line = text.slice(lineStart, end).replace(/\r$/, '');
      start = end + 1;
      if (line === '\\.') break; // the end of the block
      if (layout === undefined || line.length === 0 || line.length > MAX_ROW) continue;
      // `\N` is NULL; a field with escapes (`\t`, `\\`) is not read raw.
      const cells = fieldsOf(line, lineStart, separator).map((cell) => (cell.text.includes('\\') ? { ...cell, text: '' } : cell));
      spans.push(...rowSpans(cells, layout, options));
    }
    // Rows are data: a `COPY` inside one starts no block.
    re.lastIndex = Math.max(re.lastIndex, start);
  }
  return spans;
}

/**
 * An SQL insert (one row or several): `INSERT INTO api_clients (name, client_secret) VALUES ('billing', '…')`.
 * The value in the position of a secret-named column is the secret. A row may hold calls without
 * arguments (`now()`, `gen_random_uuid()`) and brackets inside its strings (`'Partner (EU)'`); rows holding other calls are not read.
 * An insert without a column list (mysqldump's and `pg_dump --inserts`' `INSERT INTO t VALUES (…)`, SQLite's `.dump`) fills
 * the columns in the order its table was created with: a `CREATE TABLE t (…)` in the same text names them.
 */
const SQL_INSERT_ROW =
  /\binsert[ \t]{1,4}into[ \t]{1,4}(?<table>[\w."`[\]]{1,128})(?:[ \t]{0,4}\((?<cols>[^()'";]{1,1000})\)[ \t\r\n]{0,8}|[ \t\r\n]{1,8})values[ \t\r\n]{0,8}\(/gi;
/** The head of a table's definition, up to the bracket that opens its columns. */
const SQL_CREATE_TABLE =
  /\bcreate[ \t]{1,4}(?:(?:temporary|temp|unlogged)[ \t]{1,4})?table[ \t]{1,4}(?:if[ \t]{1,4}not[ \t]{1,4}exists[ \t]{1,4})?(?<table>[\w."`[\]]{1,128})[ \t\r\n]{0,8}\(/gi;
/** How long a table's definition may be. */
const MAX_TABLE_DEFINITION = 20000;
/** The clauses of a table's definition that are no column: its keys and constraints, which dumps write after the columns. */
const TABLE_CONSTRAINT = /^(?:primary|unique|constraint|foreign|check|fulltext|spatial|exclude|index)\b/i;

/** A table's name as inserts and definitions both write it: without quotes or brackets, small, without its schema. */
function tableKey(name: string): string {
  const unquoted = name.replace(/[`"[\]]/g, '').toLowerCase();
  return unquoted.slice(unquoted.lastIndexOf('.') + 1);
}

/** A column's name without the quotes or brackets an SQL dialect puts around it. */
function unquotedColumn(name: string): string {
  return name.trim().replace(/^[`"[]|[`"\]]$/g, '');
}

/**
 * The definitions between the brackets that open at `open` (a `CREATE TABLE`'s), split at the commas outside brackets and
 * strings (`numeric(10,2)`, `DEFAULT 'a,b'`), and where they end; no definitions when they do not close within
 * `MAX_TABLE_DEFINITION`.
 */
function tableDefinitions(text: string, open: number): { definitions: string[] | undefined; end: number } {
  const definitions: string[] = [];
  let depth = 0;
  let quoted = false;
  let from = open + 1;
  const limit = Math.min(text.length, open + 1 + MAX_TABLE_DEFINITION);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 /* ' */) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x28 /* ( */) depth++;
    else if (c === 0x29 /* ) */ && depth > 0) depth--;
    else if (c === 0x29 /* ) */ || (c === 0x2c /* , */ && depth === 0)) {
      definitions.push(text.slice(from, i).trim());
      if (c === 0x29) return { definitions, end: i + 1 };
      from = i + 1;
    }
  }
  return { definitions: undefined, end: limit };
}

/** A column definition's name: its first word, quoted or bracketed as a dialect writes it. */
const DEFINED_COLUMN = /^(?:`[^`]{1,128}`|"[^"]{1,128}"|\[[^\]]{1,128}\]|\S{1,128})/;

/** The columns of each table the text creates, by `tableKey`, in their order: each definition's first word up to the first constraint. */
function createdTableColumns(text: string): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  const re = SQL_CREATE_TABLE;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const { definitions, end } = tableDefinitions(text, m.index + m[0].length - 1);
    // The text read for this table holds no other one's definition: each character is read once.
    re.lastIndex = end;
    if (definitions === undefined) continue;
    const columns: string[] = [];
    for (const definition of definitions) {
      if (TABLE_CONSTRAINT.test(definition)) break;
      columns.push(unquotedColumn(DEFINED_COLUMN.exec(definition)?.[0] ?? ''));
    }
    tables.set(tableKey(m.groups!['table']!), columns);
  }
  return tables;
}
/** What parts the rows of a multi-row VALUES list: `,\n  (`. */
const SQL_NEXT_ROW = /[ \t\r\n]{0,20},[ \t\r\n]{0,20}\(/y;
/** How long one VALUES row may be. */
const MAX_SQL_ROW = 4000;
/** One value of a VALUES list: a single-quoted string (`''` escapes a quote) or a bare literal. */
const SQL_VALUE = /[ \t\r\n]{0,8}(?:'(?<q>(?:[^']|''){0,1000})'|(?<bare>[^,'\s]{0,200}))[ \t\r\n]{0,8}(?:,|$)/y;

/**
 * The end of the VALUES row whose `(` is at `open`: the `)` that closes it outside its strings. Undefined for a row
 * that holds a call with arguments (its commas are no column's), or that does not close within `MAX_SQL_ROW`.
 */
function sqlRowEnd(text: string, open: number): number | undefined {
  let quoted = false;
  const limit = Math.min(text.length, open + 1 + MAX_SQL_ROW);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x27 /* ' */) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 0x29 /* ) */) return i > open + 1 ? i : undefined;
    else if (c === 0x28 /* ( */) {
      if (text.charCodeAt(i + 1) !== 0x29) return undefined;
      i++;
    }
  }
  return undefined;
}

/**
 * The last words of a table's name that say it keeps credentials for other services (`integrations`, `credentials`,
 * `secrets`, `api_keys`, `third_party_tokens`): a dump's rows there pair a service's name with its key.
 */
const CREDENTIAL_TABLE_WORDS = new Set(['integration', 'integrations', 'credential', 'credentials', 'secret', 'secrets', 'apikeys']);
const API_CREDENTIAL_WORDS = new Set(['key', 'keys', 'token', 'tokens', 'secret', 'secrets']);

function namesCredentialTable(table: string): boolean {
  const words = splitWords(tableKey(table));
  const last = words[words.length - 1] ?? '';
  return CREDENTIAL_TABLE_WORDS.has(last) || (words[words.length - 2] === 'api' && API_CREDENTIAL_WORDS.has(last));
}

/** How many values of a row of a credentials table are read: an id, a name, the secret and a few dates or flags. */
const MAX_PAIR_ROW_CELLS = 8;
/** A service's or an integration's name as a row gives it (`mailchimp`, `zoom_webhook`, `xero.refresh`). */
const SERVICE_NAME = /^[A-Za-z][A-Za-z0-9_.-]{1,40}$/;
/** The secret of a credentials table's row, whose column is not known: read as a key's under a column named `secret`. */
const PAIR_SECRET_COLUMN: ColumnKey = { category: 'KEY', weak: false };

/**
 * The secret of one row of a credentials table whose columns are not known (mysqldump's `INSERT INTO \`integrations\`
 * VALUES (1,'mailchimp','…','2024-02-01')` with no `CREATE TABLE` in the text): the value right after the first string
 * that names a service, unless the name says the row holds an id (`ups_webhook_id`).
 */
function namedPairCredentials(cells: readonly Cell[], options: DetectOptions): Span[] {
  const name = cells.findIndex((cell) => SERVICE_NAME.test(cell.text));
  if (name === -1 || name + 1 >= cells.length || namesAnId(cells[name]!.text)) return [];
  const columns: (ColumnKey | undefined)[] = [];
  columns[name + 1] = PAIR_SECRET_COLUMN;
  return cellCredentials(cells, columns, options);
}

function findSqlInsertCredentials(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  let createdTables: Map<string, string[]> | undefined;
  for (const m of text.matchAll(SQL_INSERT_ROW)) {
    const listed = m.groups!['cols'];
    const titles = listed !== undefined ? listed.split(',').map(unquotedColumn) : (createdTables ??= createdTableColumns(text)).get(tableKey(m.groups!['table']!));
    const layout = titles === undefined ? undefined : tableLayout(titles, m.groups!['table']);
    // Columns unknown, a table named for credentials is read as its rows pair a service's name with its secret.
    const pairs = layout === undefined && titles === undefined && namesCredentialTable(m.groups!['table']!);
    if (layout === undefined && !pairs) continue;
    // The first row, then the rows after it, up to a bounded number so hostile input stays linear.
    let open = m.index + m[0].length - 1;
    for (let row = 0; row <= 1000; row++) {
      const end = sqlRowEnd(text, open);
      if (end === undefined) break;
      const vals = text.slice(open + 1, end);
      if (layout !== undefined) spans.push(...rowSpans(valuesRowCells(vals, open + 1, layout.columns.length), layout, options));
      else spans.push(...namedPairCredentials(valuesRowCells(vals, open + 1, MAX_PAIR_ROW_CELLS), options));
      SQL_NEXT_ROW.lastIndex = end + 1;
      const next = SQL_NEXT_ROW.exec(text);
      if (next === null) break;
      open = next.index + next[0].length - 1;
    }
  }
  return spans;
}

/**
 * The cells of one VALUES row (`vals` starts at `valsStart` in the text), at most `count`: each string's text without its
 * quotes; a bare literal (a number, `NULL`) and a string holding an escaped quote are read as empty.
 */
function valuesRowCells(vals: string, valsStart: number, count: number): Cell[] {
  const cells: Cell[] = [];
  SQL_VALUE.lastIndex = 0;
  while (cells.length < count && SQL_VALUE.lastIndex < vals.length) {
    const at = SQL_VALUE.lastIndex;
    const v = SQL_VALUE.exec(vals);
    if (v === null || v[0].length === 0) break;
    const quoted = v.groups!['q'];
    const start = valsStart + at + Math.max(0, v[0].indexOf("'") + 1);
    cells.push({ text: quoted === undefined || quoted.includes("''") ? '' : quoted, start });
  }
  return cells;
}

/**
 * Two-column key/value tables that command-line tools print, where the key column names each
 * value: Vault's (`Key   Value` over `---   -----`, then `token   hvs.…`, `db_password   …`) and
 * `|`-separated ones, the AWS CLI's `--output table` (`||  SecretAccessKey |  … ||`) and psql's
 * expanded display (`api_token | …`). A row whose key names a secret holds it in its value cell.
 * A row of words parted by spaces is a table row only under such a header; a `|` row stands alone
 * outside program source, where `A | B` is an operator.
 */
const PIPE_ROW = /^[ \t]{0,8}(?:[|\u2502]{1,2}[ \t]{0,8})?(?<name>[A-Za-z][\w.-]{0,79})[ \t]{0,40}[|\u2502][ \t]{0,40}(?<value>[^\s|\u2502]{1,300})[ \t]{0,40}(?:[|\u2502]{1,2}[ \t]{0,8})?$/;
const SPACED_ROW = /^[ \t]{0,8}(?<name>[A-Za-z][\w.-]{0,79})[ \t]{2,60}(?<value>[^\s]{1,300})[ \t]{0,8}$/;
/** Any row of a spaced key/value table: a name, then maybe a value of several words (`["default" "ops"]`). */
const ANY_SPACED_ROW = /^[ \t]{0,8}[A-Za-z][\w.-]{0,79}(?:[ \t]{2,60}[^\r\n]{0,400})?$/;
const KEY_VALUE_HEADER = /^[ \t]{0,8}(?:key|name|field|property|setting)[ \t]{2,60}value[ \t]{0,8}$/i;
const DASH_RULE = /^[ \t]{0,8}-{3,80}[ \t]{1,60}-{3,80}[ \t]{0,8}$/;
/**
 * redis-cli's reply to `HGETALL` or `CONFIG GET`: numbered items in pairs, each field's name at
 * an odd number and its value at the next (`1) "api_token"` / `2) "…"`).
 */
const REPLY_NAME = /^[ \t]{0,8}(?<n>\d{1,4})\)[ \t]{1,4}"(?<name>[A-Za-z][\w.-]{0,79})"$/;
const REPLY_VALUE = /^[ \t]{0,8}(?<n>\d{1,4})\)[ \t]{1,4}"(?<value>[^"\\\r\n]{1,300})"\r?$/;

/**
 * Whether the text holds a reply item's mark, `)` then one to four spaces or tabs then `"`
 * (`1) "api_token"`). Found with indexOf rather than a regex: `)` abounds in prose and
 * logs, and a regex search for it cost a whole second pass over each such text.
 */
export function hasReplyMark(text: string): boolean {
  for (let at = text.indexOf(')'); at !== -1; at = text.indexOf(')', at + 1)) {
    let i = at + 1;
    while (i <= at + 4 && isBlankCode(text.charCodeAt(i))) i++;
    if (i > at + 1 && text.charCodeAt(i) === 0x22) return true;
  }
  return false;
}

/** The value of the reply item after a field named at an odd number, with its offset, or undefined. */
function replyValue(text: string, lineEnd: number, line: string): { value: string; start: number } | undefined {
  const name = REPLY_NAME.exec(line);
  if (name === null || Number(name.groups!['n']) % 2 !== 1) return undefined;
  const next = text.indexOf('\n', lineEnd);
  if (next === -1) return undefined;
  const bounds = lineAround(text, next + 1, 400);
  const m = REPLY_VALUE.exec(text.slice(bounds.start, bounds.end));
  if (m === null || Number(m.groups!['n']) !== Number(name.groups!['n']) + 1) return undefined;
  const value = m.groups!['value']!;
  return { value, start: bounds.start + m[0].lastIndexOf(value) };
}

/** Vault's `token_accessor` names a handle to look a token up or revoke it, which cannot log in. */
const ACCESSOR = /accessor$/i;
const MAX_TABLE_ROWS = 200;

/**
 * The line that ends just before `lineStart` (its `\n`), without its `\r`, or undefined at the
 * text's start. Read at most 1,000 characters back: a longer line is no table row anyway.
 */
function lineBefore(text: string, lineStart: number): { start: number; text: string } | undefined {
  if (lineStart === 0) return undefined;
  let start = lineStart - 1;
  while (start > 0 && lineStart - start < 1000 && text.charCodeAt(start - 1) !== 10) start--;
  return { start, text: text.slice(start, lineStart - 1).replace(/\r$/, '') };
}

function findKeyValueTableRows(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  const code = isCodeFile(options.file);
  // Each form needs a mark somewhere in the text: a dash rule under a spaced table's header,
  // a pipe in a piped row, a numbered reply (`1) "…"`); the last two are not read in source.
  // Most texts hold none, and their keyword lines are not looked at.
  if (!text.includes('---') && (code || (!text.includes('|') && !text.includes('\u2502') && !hasReplyMark(text)))) return [];
  // Runs of lines already walked up: inside a table under a header, or outside any.
  const known = { inTable: { from: -1, to: -1 }, outside: { from: -1, to: -1 } };
  const underHeader = (lineStart: number): boolean => {
    let line = lineBefore(text, lineStart);
    for (let n = 0; line !== undefined && n < MAX_TABLE_ROWS; n++, line = lineBefore(text, line.start)) {
      if (line.start >= known.inTable.from && line.start <= known.inTable.to) {
        known.inTable.to = lineStart;
        return true;
      }
      if (line.start >= known.outside.from && line.start <= known.outside.to) break;
      if (DASH_RULE.test(line.text)) {
        const header = lineBefore(text, line.start);
        if (header === undefined || !KEY_VALUE_HEADER.test(header.text)) break;
        known.inTable = { from: line.start, to: lineStart };
        return true;
      }
      if (!ANY_SPACED_ROW.test(line.text)) break;
    }
    known.outside = { from: line?.start ?? 0, to: lineStart };
    return false;
  };
  let lastLine = -1;
  for (const offset of offsets) {
    const bounds = lineAround(text, offset, 500);
    if (bounds.start === lastLine) continue;
    lastLine = bounds.start;
    // A line longer than the reach is clipped, and no table row.
    if ((bounds.start > 0 && text.charCodeAt(bounds.start - 1) !== 10) || (bounds.end < text.length && text.charCodeAt(bounds.end) !== 10 && text.charCodeAt(bounds.end) !== 13)) continue;
    const line = text.slice(bounds.start, bounds.end).replace(/\r$/, '');
    const reply = code ? undefined : replyValue(text, bounds.end, line);
    if (reply !== undefined) {
      const name = REPLY_NAME.exec(line)!.groups!['name']!;
      const key = classifyKey(name);
      if (key !== undefined && isPlausibleSecret(reply.value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) {
        spans.push({ start: reply.start, end: reply.start + reply.value.length, category: key.category });
      }
      continue;
    }
    const piped = code ? null : PIPE_ROW.exec(line);
    const row = piped ?? SPACED_ROW.exec(line);
    if (row === null) continue;
    const name = row.groups!['name']!;
    const nameStart = bounds.start + row[0].indexOf(name);
    if (offset < nameStart || offset >= nameStart + name.length) continue;
    const key = classifyKey(name);
    if (key === undefined || ACCESSOR.test(name)) continue;
    const value = row.groups!['value']!;
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
    if (piped === null && !underHeader(bounds.start)) continue;
    const start = bounds.start + row[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length, category: key.category });
  }
  return spans;
}

/**
 * The result tables of database shells: psql's (a header row, a `----+----` rule, rows) and the
 * MySQL/MariaDB client's (`+----+----+` rules above and below the header). Like a CSV column, a
 * column whose header names a secret holds one in each row (`select name, api_token from …`).
 */
function isResultRule(line: string): boolean {
  const rule = line.trim();
  if (rule.length < 3 || rule.length > MAX_ROW || !rule.includes('-+-')) return false;
  for (let i = 0; i < rule.length; i++) {
    const c = rule.charCodeAt(i);
    if (c !== 0x2d /* - */ && c !== 0x2b /* + */) return false;
  }
  return true;
}
const MAX_RESULT_ROWS = 1000;

/** The cells of a row split at `bar`, trimmed, with their offsets; a row's border bars open and close no cell. */
function resultCells(text: string, lineStart: number, line: string, bar: string): Cell[] {
  const cells: Cell[] = [];
  const bordered = line.trimStart().startsWith(bar);
  let offset = 0;
  const parts = line.split(bar);
  parts.forEach((raw, i) => {
    const lead = raw.length - raw.trimStart().length;
    if (!(bordered && (i === 0 || i === parts.length - 1))) cells.push({ text: raw.trim(), start: lineStart + offset + lead });
    offset += raw.length + bar.length;
  });
  return cells;
}

/** Header cells of a name/value listing (`NAME │ VALUE`, Infisical's `SECRET NAME │ SECRET VALUE`, `key | value`). */
const NAME_HEADER = /^(?:secret[ _-]?)?(?:name|key)$/i;
const VALUE_HEADER = /^(?:secret[ _-]?)?value$/i;

/**
 * The rows under the header rule at [ruleStart, ruleEnd): a value under a secret-named column,
 * and in a name/value listing the value of a row whose name is a secret's. Rows run to the first
 * line without `bar` (`(3 rows)`, a blank line, MySQL's closing rule); `isRule` lines between
 * them (box tables draw one under each row) are skipped. Returns where the rows end.
 */
function readResultTable(text: string, ruleStart: number, ruleEnd: number, bar: string, isRule: (line: string) => boolean, options: DetectOptions, spans: Span[]): number {
  const header = lineBefore(text, ruleStart);
  if (header === undefined || !header.text.includes(bar)) return ruleEnd;
  const titles = resultCells(text, header.start, header.text, bar).map((cell) => cell.text);
  const columns = titles.map((title) => (title.length <= 40 ? classifyKey(title) : undefined));
  const nameColumn = titles.findIndex((title) => NAME_HEADER.test(title));
  const valueColumn = titles.findIndex((title) => VALUE_HEADER.test(title));
  const listing = nameColumn !== -1 && valueColumn !== -1;
  if (!listing && !columns.some((k) => k !== undefined)) return ruleEnd;
  let readUntil = ruleEnd;
  const judge = (cell: Cell | undefined, key: ReturnType<typeof classifyKey>): void => {
    if (cell === undefined || key === undefined || cell.text.length === 0 || /\s/.test(cell.text) || isStoredPasswordHash(cell.text)) return;
    if (!isPlausibleSecret(cell.text, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
    spans.push({ start: cell.start, end: cell.start + cell.text.length, category: key.category });
  };
  for (const row of linesFrom(text, ruleEnd + 1, MAX_RESULT_ROWS)) {
    if (isRule(row.text)) continue;
    if (!row.text.includes(bar)) break;
    readUntil = row.start + row.text.length;
    const cells = resultCells(text, row.start, row.text, bar);
    cells.forEach((cell, c) => judge(cell, columns[c]));
    if (listing) {
      const name = cells[nameColumn]?.text ?? '';
      const key = name.length <= 80 && !ACCESSOR.test(name) ? classifyKey(name) : undefined;
      if (columns[valueColumn] === undefined) judge(cells[valueColumn], key);
    }
  }
  return readUntil;
}

function findQueryResultCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUntil = -1;
  for (const offset of offsets) {
    if (offset < readUntil) continue;
    const bounds = lineAround(text, offset, 500);
    if (!isResultRule(text.slice(bounds.start, bounds.end))) continue;
    readUntil = readResultTable(text, bounds.start, bounds.end, '|', isResultRule, options, spans);
  }
  return spans;
}

/**
 * Box-drawn tables, as Node CLIs (cli-table3: Doppler, Infisical) and psql's unicode line style
 * draw them: `│` between cells, `├───┼───┤` (or `───┼───`) under the header.
 */
const BOX_RULE_CHARS = '─━═┼╋╪├┤┝┥╞╡┠┨╟╢';
function isBoxRule(line: string): boolean {
  const rule = line.trim();
  if (rule.length < 3 || rule.length > MAX_ROW) return false;
  let crossings = 0;
  for (const ch of rule) {
    if (!BOX_RULE_CHARS.includes(ch)) return false;
    if (ch === '┼' || ch === '╋' || ch === '╪') crossings++;
  }
  return crossings > 0 || /[├┝╞┠╟]/.test(rule);
}

function findBoxTableCredentials(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  // The prefilter's keywords are ASCII: this rule runs on any text beyond it and finds its rules itself.
  for (let at = text.indexOf('─'); at !== -1; ) {
    const bounds = lineAround(text, at, 500);
    let next = bounds.end;
    if (isBoxRule(text.slice(bounds.start, bounds.end))) next = readResultTable(text, bounds.start, bounds.end, '│', isBoxRule, options, spans);
    at = text.indexOf('─', Math.max(next, at + 1));
  }
  return spans;
}

/**
 * A row of an HTML key/value table: a cell that names a setting, then the cell that holds its value
 * (`<tr><td>DB_PASSWORD</td><td>…</td></tr>`, `<th>api_key</th><td><code>…</code></td>`), as error pages
 * print the environment (Laravel's Ignition, Symfony's profiler, Whoops, phpinfo()) and admin pages list settings.
 * Tried sticky at each cell that opens; the name may sit in one inline element, the value in up to two.
 */
const HTML_KEY_VALUE_ROW =
  /<t[dh](?:[ \t][^<>\r\n]{0,200})?>[ \t]{0,8}(?:<(?:code|b|strong|span|kbd)(?:[ \t][^<>\r\n]{0,100})?>)?(?<name>[A-Za-z_][\w.-]{0,80})(?:<\/(?:code|b|strong|span|kbd)>)?[ \t]{0,8}<\/t[dh]>[ \t\r\n]{0,40}<td(?:[ \t][^<>\r\n]{0,200})?>[ \t]{0,8}(?:<(?:code|pre|span|samp|kbd)(?:[ \t][^<>\r\n]{0,100})?>)?(?:<(?:code|pre|span|samp|kbd)(?:[ \t][^<>\r\n]{0,100})?>)?(?<value>[^<\r\n]{1,300})</iy;

function findHtmlTableCredentials(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(HTML_KEY_VALUE_ROW, text, offsets, (m) => {
    const name = m.groups!['name']!;
    const key = classifyKey(name);
    if (key === undefined || ACCESSOR.test(name)) return;
    const raw = m.groups!['value']!;
    const value = raw.trim();
    if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
    const start = m.index + m[0].length - 1 - raw.length + raw.indexOf(value);
    spans.push({ start, end: start + value.length, category: key.category });
  });
  return spans;
}

export const tabularRules: Rule[] = [
  {
    id: 'csv-column-credential',
    category: 'CRED',
    description: 'A value in a CSV/TSV export under a header that names a secret (`name,api_key` / `billing-bot,…`; a network\'s key beside its SSID, `guest_ssid,guest_key`), or in the value column of a key/value export whose row names one (ESP-IDF NVS `key,type,encoding,value` / `psk,data,string,…`)',
    // Bound to CSV/TSV files by path: a comma or tab as keyword would stop the prefilter at
    // nearly every line of every file for nothing.
    keywords: [],
    paths: TABULAR_FILE,
    pattern: /[,\t]/,
    find: findTabularCredentials,
    confidence: 'medium',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'csv-note-credential',
    category: 'CRED',
    description: 'A CSV/TSV cell that opens with a secret\'s name, a space and its value (a notes column\'s `"pwd … (temp, until key auth)"`, `client_secret …`)',
    keywords: ['pass', 'pwd', 'pw ', 'secret', 'token', 'key', 'cred'],
    paths: TABULAR_FILE,
    pattern: NOTE_CELL,
    find: findNoteCellCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      // Examples run without a file name, so the file-bound rule is shown by its tests.
      match: [],
      noMatch: [],
    },
  },
  {
    id: 'key-value-table-credential',
    category: 'CRED',
    description: 'A value in a two-column key/value table printed by a CLI, in the row of a secret-named key: Vault (`Key  Value` / `---  -----`), the AWS CLI `--output table`, psql expanded display, redis-cli `HGETALL` / `CONFIG GET` pairs',
    keywords: ['pass', 'pwd', 'secret', 'token', 'key', 'cred', 'auth'],
    pattern: PIPE_ROW,
    find: findKeyValueTableRows,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'Key                    Value\n---                    -----\ntoken                  hvs.UNzq55H1tuuj1g6n7WsKgP2J\ntoken_duration         768h\n',
        'Key                 Value\n---                 -----\ndb_password         Harbor.Lights.1821\ndb_user             payments\n',
        '||  AccessKeyId     |  AKIA5WXQ46DWVKE8YC6E     ||\n||  SecretAccessKey |  R+uLBRFTNNksdq2aHNmCDnVRJxT0hz5Yl3xAS7Et  ||\n',
        '-[ RECORD 1 ]----------------------------\nid        | 3301\napi_token | Zk3mP9qR2vX8wL5nQ4tY\n',
        '127.0.0.1:6379> HGETALL integration:42\n1) "provider"\n2) "hubspot"\n3) "api_token"\n4) "Zk3mP9qR2vX8wL5nQ4tY"\n',
      ],
      noMatch: [
        'db_password         Harbor.Lights.1821\n',
        'Key                    Value\n---                    -----\ntoken_accessor         Xk2mP9qR7vL4nZ8wQ3tYAb1C\ntoken_policies         ["default"]\n',
        '      Name                    Value             Type    Location\nsecret_key     ****************h2Rk shared-credentials-file\n',
        '| password | ******** |\n',
        '127.0.0.1:6379> LRANGE fields 0 -1\n1) "name"\n2) "api_token"\n3) "Zk3mP9qR2vX8wL5nQ4tY"\n',
      ],
    },
  },
  {
    id: 'html-table-credential',
    category: 'CRED',
    description: "A value in an HTML key/value table, in the row of a secret-named key (`<tr><td>DB_PASSWORD</td><td>…</td></tr>`): the environment an error page prints (Laravel's Ignition, Symfony, Whoops, phpinfo()), a settings page",
    keywords: ['<td', '<th'],
    pattern: HTML_KEY_VALUE_ROW,
    find: findHtmlTableCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '<tr><td>APP_KEY</td><td>base64:Qm9vdHN0cmFwS2V5Rm9yVGVzdHNPbmx5MTIzNDU2Nzg5MA==</td></tr>',
        '<tr>\n  <th scope="row">DB_PASSWORD</th>\n  <td class="value"><code>Marsh!Heron-4471</code></td>\n</tr>',
      ],
      noMatch: [
        '<tr><td>DB_PASSWORD</td><td>********</td></tr>',
        '<tr><td>DB_USERNAME</td><td>shop</td></tr>',
        '<tr><td>MAIL_PASSWORD</td><td>${MAIL_PASSWORD}</td></tr>',
        '<tr><td>PASSWORD_MIN_LENGTH</td><td>12</td></tr>',
      ],
    },
  },
  {
    id: 'query-result-column-credential',
    category: 'CRED',
    description: 'A value under a secret-named column of a psql or MySQL client result table (header row, then a `----+----` or `+----+` rule)',
    keywords: ['-+-'],
    pattern: /-\+-/,
    find: findQueryResultCredentials,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '  id  |   name    |      api_token       \n------+-----------+----------------------\n 3301 | Shop sync | Zk3mP9qR2vX8wL5nQ4tY\n(1 row)\n',
        '+------+----------------------+\n| id   | client_secret        |\n+------+----------------------+\n| 3301 | Zk3mP9qR2vX8wL5nQ4tY |\n+------+----------------------+\n1 row in set (0.00 sec)\n',
      ],
      noMatch: [
        '  id  | password_hash\n------+---------------------------------------------------------------\n    1 | $2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW\n',
        '  id  | api_token\n------+----------\n 3307 | ********\n',
      ],
    },
  },
  {
    id: 'box-table-column-credential',
    category: 'CRED',
    description: 'A value in a box-drawn table (`│` cells, `├──┼──┤` under the header: Doppler, Infisical, psql unicode) under a secret-named column, or in the row of a secret-named name of a NAME/VALUE listing',
    keywords: [NON_ASCII_TEXT],
    pattern: /[─━═][┼╋╪]/,
    find: findBoxTableCredentials,
    confidence: 'medium',
    examples: {
      match: [
        '┌─────────────┬──────────────────────┐\n│ NAME        │ VALUE                │\n├─────────────┼──────────────────────┤\n│ DB_PASSWORD │ Wq8zL2mPx7RtK4vN9bC3 │\n├─────────────┼──────────────────────┤\n│ DB_USER     │ payments             │\n└─────────────┴──────────────────────┘\n',
        ' id │    api_token\n────┼──────────────────────\n  1 │ Zk3mP9qR2vX8wL5nQ4tY\n',
      ],
      noMatch: [
        '┌─────────────┬──────────────────────┐\n│ NAME        │ VALUE                │\n├─────────────┼──────────────────────┤\n│ API_URL     │ Wq8zL2mPx7RtK4vN9bC3 │\n└─────────────┴──────────────────────┘\n',
        ' id │ password_hash\n────┼──────────────────────\n  1 │ Zk3mP9qR2vX8wL5nQ4tY\n',
      ],
    },
  },
  {
    id: 'sql-copy-column-credential',
    category: 'CRED',
    description: "A field under a secret-named column of a PostgreSQL dump's `COPY t (name, client_secret) FROM stdin;` block (tab-separated rows up to `\\.`), or the value of a settings table's row whose name names a secret (`COPY t (key, value)` / `orcid.client_secret\\t…`)",
    keywords: ['copy'],
    pattern: SQL_COPY_HEADER,
    find: findSqlCopyCredentials,
    confidence: 'medium',
    examples: {
      match: [
        'COPY public.api_clients (id, name, client_secret) FROM stdin;\n1\tbilling\tq9X2mL7vR4kP8nZ3wT5yB1cD6\n\\.\n',
        'COPY public.site_setting (key, value) FROM stdin;\nsmtp.host\tmail.example.org\nsmtp.password\tGull!Marsh-2291\n\\.\n',
      ],
      noMatch: ['COPY public.users (id, email, password_hash) FROM stdin;\n1\tann@example.org\t$2b$12$abcdefghijklmnopqrstuv\n\\.\n', 'COPY public.api_clients (id, client_secret) FROM stdin;\n1\t\\N\n\\.\n'],
    },
  },
  {
    id: 'sql-insert-column-credential',
    category: 'CRED',
    description: 'A value inserted under a secret-named column of an SQL insert (`INSERT INTO t (name, client_secret) VALUES (\'x\', \'…\')`), or of an insert without a column list into a table the text creates (mysqldump\'s `CREATE TABLE t (…)` then `INSERT INTO t VALUES (…)`); with no columns known, the value after a service\'s name in a table named for credentials (`INSERT INTO integrations VALUES (1, \'vimeo\', \'…\')`)',
    keywords: ['insert'],
    pattern: SQL_INSERT_ROW,
    find: findSqlInsertCredentials,
    confidence: 'medium',
    examples: {
      match: [
        "INSERT INTO api_clients (name, client_secret) VALUES ('billing', 'q9X2mL7vR4kP8nZ3wT5yB1cD6');",
        "INSERT INTO integrations (id, provider, api_secret, created_at) VALUES\n  (1, 'mailer', NULL, now()),\n  (2, 'payments', 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga', now());",
        "INSERT INTO `api_keys` VALUES (1,'geocoder','Pq7Zt2Wm9Xk4Lr8Vn3Hc','2024-01-09'),(2,'sms','Kd4Rw8Tn2Yb6Mq9Zx3Lv','2024-02-11');",
        "CREATE TABLE integrations (name text, secret text);\nINSERT INTO integrations VALUES ('maps', 'QHT7K2RM');",
      ],
      noMatch: ["INSERT INTO users (id, email, password_hash) VALUES (1, 'ann@example.org', '$2b$12$abcdefghijklmnopqrstuv');", "INSERT INTO api_clients (name, client_secret) VALUES ('billing', 'changeme');", "INSERT INTO `integrations` VALUES (1,'stripe','enabled','2024-01-09'),(2,'ups_account_id','A1B2C3D4E5F6G7H8','2024-01-10');", "INSERT INTO `plugins` VALUES (1,'geocoder','Pq7Zt2Wm9Xk4Lr8Vn3Hc');"],
    },
  },
];
