import { isPlausiblePassword } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { literalAt } from './literal-run.js';

/**
 * A password filled into a format string from a literal argument: the template names the
 * field (`"…;Password=%s;"`, `"…;Password={2};"`) and the value comes after it, by position:
 * F#'s and OCaml's `sprintf "…" "a" "b" "…"`, C's and Go's `Sprintf("…", a, b, "…")`,
 * Python's `"…" % ("a", "…")`, .NET's `String.Format("…{1}…", a, "…")`. A URL's user info is such a field too
 * (Rust's `format!("postgres://app:{}@{}/app", "…", host)`).
 */

/**
 * The password field of a template and its placeholder: printf's `%s` or a .NET/Python/Rust `{n}`/`{}` (the field
 * spelt out or cut to `pass`, as rclone's and other INI-style configs name it: `pass = %s`); the
 * password of a URL's user info (`postgres://fx:{}@{}:5432/fx`, `amqp://%s:%s@host`, Redis's user-less `redis://:%s@host`),
 * read at its colon, or of a bare `user:%s@host` DSN that opens the template (Go's MySQL `"app:%s@tcp(%s)/db"`, Snowflake's
 * `"loader:%s@%s/DB/SCHEMA"`); or a command line's `-p%s` (`"mysql -u%s -p%s"`).
 */
const PASSWORD_PLACEHOLDER_AT =
  /(?:password|passwd|pwd|(?:(?<![A-Za-z])|(?<=\\[nrt]))pass)[ \t]{0,2}[=:][ \t]{0,2}(?:%[-+ #0]?\d{0,3}[sdvq]|\{(?<n>\d{0,2})\})|(?<=\/\/[^\s/:@"'`]{0,64}|["'`][^\s/:@"'`]{1,64}):(?:%s|\{(?<u>\d{0,2})\})(?=@)|(?<=[ \t])-p(?:%s|\{(?<p>\d{0,2})\})(?=[ \t"'`])/iy;
/** Every printf placeholder (`%%` is a literal percent sign). */
const PRINTF_PLACEHOLDER = /%%|%[-+ #0]?\d{0,3}(?:\.\d{1,3})?[sdivqfxX]/g;

const MAX_ARGUMENTS = 12;

/** The quote that opens the literal holding `at` on its line, or -1. */
function openingQuote(text: string, at: number): number {
  for (let i = at - 1; i >= 0 && at - i <= 400; i--) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return -1;
    if (c === 34 /* " */ || c === 39 /* ' */) return i;
  }
  return -1;
}

/** A template's or argument's literal: up to 599 characters between its quotes, on one line. */
const MAX_LITERAL = 599;

/** Where the literal opened at `open` closes, or -1 on its line. */
function closingQuote(text: string, open: number): number {
  return literalAt(text, open, MAX_LITERAL)?.end ?? -1;
}

/**
 * The arguments after a template that closes at `close`: up to `MAX_ARGUMENTS`, each a literal
 * (its body and offset) or undefined for any other expression; parted by commas or, in
 * F#/OCaml, by spaces. Python's `%` and a tuple's `(` open the list. Stops at the statement's end.
 */
function argumentsAfter(text: string, open: number, close: number): ({ value: string; start: number } | undefined)[] {
  const args: ({ value: string; start: number } | undefined)[] = [];
  // Within a call's or a tuple's parentheses the arguments may run on over line breaks (gofmt wraps a long
  // `Sprintf("…",\n\t"host", "user", "…")` so); elsewhere (F#'s `sprintf "…" a b`) a line break ends the statement.
  let before = open - 1;
  while (before >= 0 && open - before <= 8 && (text[before] === ' ' || text[before] === '\t')) before--;
  // A template after a comma is an argument of a call too (C's `snprintf(buf, n, "…", …)`).
  let inParens = text[before] === '(' || text[before] === ',';
  let i = close + 1;
  const limit = Math.min(text.length, close + 600);
  const skipSpace = (): void => {
    while (i < limit && (text[i] === ' ' || text[i] === '\t' || (inParens && (text[i] === '\n' || text[i] === '\r')))) i++;
  };
  skipSpace();
  if (text[i] === '%') i++;
  skipSpace();
  // Python's `"…".format(a, "…")` passes its arguments to the template's own method.
  if (text.startsWith('.format(', i)) i += 7;
  if (text[i] === '(') {
    inParens = true;
    i++;
  }
  while (args.length < MAX_ARGUMENTS && i < limit) {
    skipSpace();
    if (text[i] === ',') {
      i++;
      skipSpace();
    }
    const c = text[i];
    if (c === undefined || c === ')' || c === ';' || c === '\n' || c === '\r' || c === '|') break;
    if (c === '"' || c === "'") {
      const end = closingQuote(text, i);
      if (end === -1) break;
      args.push({ value: text.slice(i + 1, end), start: i + 1 });
      i = end + 1;
      continue;
    }
    // Any other expression: a name, a number, a member chain or a call, up to the next comma or space at its depth.
    let depth = 0;
    const from = i;
    while (i < limit) {
      const d = text[i]!;
      if (d === '(' || d === '[') depth++;
      else if (d === ')' || d === ']') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (d === ',' || d === ' ' || d === '\t' || d === ';' || d === '\n' || d === '\r')) break;
      i++;
    }
    if (i === from) break;
    args.push(undefined);
  }
  return args;
}

function findFormatPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(PASSWORD_PLACEHOLDER_AT, text, offsets, (m) => {
    const open = openingQuote(text, m.index);
    if (open === -1) return;
    const close = closingQuote(text, open);
    if (close === -1 || close < m.index + m[0].length) return;
    const indexed = m.groups!['n'] ?? m.groups!['u'] ?? m.groups!['p'];
    let place: number;
    if (indexed !== undefined && indexed !== '') place = Number(indexed);
    else if (indexed === '') place = (text.slice(open + 1, m.index).match(/\{\}/g) ?? []).length;
    else place = (text.slice(open + 1, m.index).match(PRINTF_PLACEHOLDER) ?? []).filter((p) => p !== '%%').length;
    const literal = argumentsAfter(text, open, close)[place];
    if (literal === undefined || !isPlausiblePassword(literal.value, options.file)) return;
    spans.push({ start: literal.start, end: literal.start + literal.value.length });
  });
  return spans;
}

export const formatArgumentRules: Rule[] = [
  {
    id: 'format-argument-password',
    category: 'PASS',
    description:
      'A password filled into a template\'s `Password=%s` or `Password={n}` (rclone\'s `pass = %s`) from a literal argument: `sprintf "…;Password=%s" "db1" "…"` (F#, OCaml), `Sprintf("…password=%s", host, "…")`, `"…password=%s" % (host, "…")`, `String.Format("…Password={1}", host, "…")`',
    keywords: ['password=%', 'password={', 'password = %', 'password = {', 'passwd=%', 'passwd = %', 'pwd=%', 'pwd={', 'pwd = %', 'password: %', 'pass=%', 'pass = %', ':{}@', ':%s@', ':{0}@', ':{1}@', ':{2}@', '-p%s', '-p{'],
    pattern: PASSWORD_PLACEHOLDER_AT,
    find: findFormatPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'let cs = sprintf "Server=%s;User Id=%s;Password=%s;" "10.1.2.3" "reporter" "Birch*Kite*Lantern"',
        'dsn := fmt.Sprintf("host=%s user=%s password=%s", host, "etl", "Tarn-Ridge-4471")',
        'var cs = String.Format("Server={0};Password={1};", server, "Quay!Moss!7720");',
        'let url = format!("postgres://ledger:{}@{}:5432/ledger", "Fjord-basalt4410!", host);',
        'uri := fmt.Sprintf("amqp://%s:%s@%s/", "orders", "Kestrel-Moss-2291", host)',
        'dsn := fmt.Sprintf("ledger_ro:%s@tcp(%s:3306)/ledger", "Osprey+Flint-5528", host)',
        'cmd = "mysqldump -u%s -p%s -h%s ledger" % ("backup", "Heron#Slate-6610", host)',
        "rclone lsd dav: --config <(printf '[dav]\\ntype = webdav\\nuser = %s\\npass = %s\\n' 'sync' 'Wren~4kQz-Lp8')",
      ],
      noMatch: [
        'let cs = sprintf "Server=%s;User Id=%s;Password=%s;" host user password',
        'dsn := fmt.Sprintf("host=%s password=%s", host, os.Getenv("DB_PASSWORD"))',
        'log.Printf("password=%s", "<redacted>")',
        'let url = format!("postgres://ledger:{}@{}:5432/ledger", password, host);',
        'let url = format!("postgres://{}:{}@db:5432/ledger", "ledger", pw);',
        'dsn := fmt.Sprintf("ledger_ro:%s@tcp(%s:3306)/ledger", os.Getenv("LEDGER_PW"), host)',
        'msg := fmt.Sprintf("retry %d:%s@%s", n, "queued", host)',
        'cache := fmt.Sprintf("redis://:%s@%s:6379/0", os.Getenv("REDIS_PASSWORD"), host)',
        'cache := fmt.Sprintf("redis://:%s@%s:6379/0", "changeme", host)',
        "printf 'bypass = %s\\n' 'Wren~4kQz-Lp8'",
        "printf '[dav]\\nuser = %s\\npass = %s\\n' 'sync' \"$DAV_PASS\"",
      ],
    },
  },
];
