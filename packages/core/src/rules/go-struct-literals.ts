import { isBlankCode, isQuoteCode, isWordCode } from '../char-codes.js';
import { classifyKey, type KeyClass } from '../key-name.js';
import { isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Go's positional composite literals: `Partner{"acme", "https://…", "svc", "…"}` gives every field of the struct in
 * the order it declares them, with no name beside the values. When the struct is declared in the same file
 * (`type Partner struct { Name string; URL string; User string; Password string }`), the element at a field named
 * for a secret is that field's value, as a keyed `Password: "…"` would be. Read at each `struct {`: the fields are
 * listed, and if one is named for a secret, the file's literals of the type (`Partner{…}`, `&Partner{…}`, and the
 * elided `{…}` elements of a `[]Partner{…}` or `map[string]Partner{…}`) are read element by element.
 */

const GO_FILE = /\.go$/i;
/** The declaration's head on its line: `type Partner struct {`, or `Partner struct {` inside a `type ( … )` group. */
const STRUCT_HEAD = /^[ \t]{0,40}(?:type[ \t]{1,4})?([A-Za-z_]\w{0,60})[ \t]{1,4}struct[ \t]{0,4}\{/;
/** How far before `struct` its line may start, how long a field list and one literal may be. */
const HEAD_REACH = 120;
const FIELDS_REACH = 4000;
const LITERAL_REACH = 2000;
const CONTAINER_REACH = 60000;
/** How many structs with a secret field one text has its literals looked up for, and how many literals each. */
const STRUCTS_LOOKED_UP = 16;
const LITERALS_PER_STRUCT = 200;
const MAX_FIELDS = 64;

/** The field names of the struct whose body opens at `open` (its `{`), in order; an embedded field counts as one. */
function structFields(text: string, open: number): string[] | undefined {
  // Looked for within reach: a search to the text's end is quadratic on a file of heads whose bodies never close.
  const reach = text.slice(open + 1, open + 1 + FIELDS_REACH);
  const close = reach.indexOf('}');
  if (close === -1) return undefined;
  const body = reach.slice(0, close);
  // A nested struct or interface type opens its own brace: its fields cannot be told from the outer ones here.
  if (body.includes('{')) return undefined;
  const fields: string[] = [];
  for (const raw of body.split(/[\n;]/)) {
    const comment = raw.indexOf('//');
    const line = (comment === -1 ? raw : raw.slice(0, comment)).trim();
    if (line === '') continue;
    const names = fieldNames(line);
    if (names === undefined) return undefined;
    fields.push(...names);
    if (fields.length > MAX_FIELDS) return undefined;
  }
  return fields;
}

/** The names one field line declares (`User, Password string` → User, Password); an embedded type (`*pkg.Base`) is one unnamed field. */
function fieldNames(line: string): string[] | undefined {
  const names: string[] = [];
  let i = 0;
  if (line.charCodeAt(0) === 0x2a /* * */) return [''];
  for (;;) {
    const start = i;
    while (i < line.length && isWordCode(line.charCodeAt(i))) i++;
    if (i === start) return undefined;
    names.push(line.slice(start, i));
    while (i < line.length && isBlankCode(line.charCodeAt(i))) i++;
    if (line.charCodeAt(i) !== 0x2c /* , */) break;
    i++;
    while (i < line.length && isBlankCode(line.charCodeAt(i))) i++;
  }
  // One word and nothing after it but a tag, or a qualified type (`pkg.Base`): an embedded field.
  const rest = line.charCodeAt(i);
  if (names.length === 1 && (i >= line.length || rest === 0x60 /* ` */ || rest === 0x22 /* " */ || rest === 0x2e /* . */)) return [''];
  if (i >= line.length) return undefined;
  return names;
}

/** The end (exclusive) of the string or rune literal whose quote is at `at`, or -1 when it does not close on its line. */
function literalEnd(text: string, at: number, limit: number): number {
  const quote = text.charCodeAt(at);
  for (let i = at + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i + 1;
    if (quote !== 0x60 && c === 0x5c /* \ */) i++;
    else if (quote !== 0x60 && c === 0x0a) return -1;
  }
  return -1;
}

/**
 * The elements of the literal whose `{` is at `open`: for each, its span and, when it is one string literal, the span
 * of the string's content. Undefined when an element is keyed (`Password: …`), or the literal does not close in reach.
 */
function positionalElements(text: string, open: number): { valueStart: number; valueEnd: number }[] | undefined {
  const limit = Math.min(text.length, open + LITERAL_REACH);
  const elements: { valueStart: number; valueEnd: number }[] = [];
  let depth = 0;
  // The one string literal an element holds so far (start of content, end of content), and whether anything else is in it.
  let value: { valueStart: number; valueEnd: number } | undefined;
  let other = false;
  let empty = true;
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isQuoteCode(c)) {
      const end = literalEnd(text, i, limit);
      if (end === -1) return undefined;
      if (depth === 0) {
        if (value !== undefined || !empty) other = true;
        else value = { valueStart: i + 1, valueEnd: end - 1 };
        empty = false;
      }
      i = end - 1;
      continue;
    }
    if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const eol = text.indexOf('\n', i);
      if (eol === -1 || eol >= limit) return undefined;
      i = eol;
      continue;
    }
    if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c !== 0x7d /* } */) return undefined;
      if (!empty) elements.push(other || value === undefined ? { valueStart: -1, valueEnd: -1 } : value);
      return elements;
    }
    if (depth > 0) continue;
    if (c === 0x3a /* : */) return undefined;
    if (c === 0x2c /* , */) {
      elements.push(other || value === undefined ? { valueStart: -1, valueEnd: -1 } : value);
      value = undefined;
      other = false;
      empty = true;
      continue;
    }
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) {
      if (value !== undefined) other = true;
      empty = false;
    }
  }
  return undefined;
}

/** Where a struct's positional literals open: `Name{` itself, or the elided `{` elements inside a container of `Name`. */
function literalOpenings(text: string, name: string): number[] {
  const openings: number[] = [];
  // Containers are read once each: an opening inside one already read is one of its elements.
  let readTo = -1;
  const head = `${name}{`;
  for (let at = text.indexOf(head), n = 0; at !== -1 && n < LITERALS_PER_STRUCT; at = text.indexOf(head, at + head.length), n++) {
    if (at > 0 && (isWordCode(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 0x2e /* . */)) continue;
    const open = at + name.length;
    const before = text.charCodeAt(at - 1) === 0x2a /* * */ ? at - 2 : at - 1;
    // `[]Name{`, `[4]Name{`, `map[string]Name{`, `[]*Name{`: the elements are the literals, their type elided.
    if (text.charCodeAt(before) !== 0x5d /* ] */) openings.push(open);
    else if (open > readTo) readTo = elementOpenings(text, open, openings);
  }
  return openings;
}

/**
 * Adds the `{` of each element of the container literal opening at `open` (`{…}`, or `"key": {…}` in a map) to
 * `openings`; returns where the reading stopped.
 */
function elementOpenings(text: string, open: number, openings: number[]): number {
  const limit = Math.min(text.length, open + CONTAINER_REACH);
  let depth = 0;
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isQuoteCode(c)) {
      const end = literalEnd(text, i, limit);
      if (end === -1) return i;
      i = end - 1;
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const eol = text.indexOf('\n', i);
      if (eol === -1 || eol >= limit) return limit;
      i = eol;
    } else if (c === 0x7b /* { */ || c === 0x28 || c === 0x5b) {
      if (depth === 0 && c === 0x7b && !isWordCode(text.charCodeAt(i - 1))) openings.push(i);
      depth++;
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return limit;
}

/** The `{` of an unnamed struct type's fields at the `struct` keyword at `at` (`struct{ User, Pass string }`), or -1. */
const ANONYMOUS_STRUCT = /struct[ \t]{0,4}\{/y;
function anonymousStructBody(text: string, at: number): number {
  ANONYMOUS_STRUCT.lastIndex = at;
  return ANONYMOUS_STRUCT.test(text) ? ANONYMOUS_STRUCT.lastIndex - 1 : -1;
}

/**
 * The literals of an unnamed struct type, which follow its fields right away: `struct{ User, Pass string }{"admin", "…"}`
 * gives the one value, `[]struct{ Host, Token string }{ {…}, {…} }` a list of them, elided.
 */
function anonymousLiteralOpenings(text: string, at: number, body: number): number[] {
  const close = text.indexOf('}', body + 1);
  if (close === -1 || close - body > FIELDS_REACH) return [];
  let open = close + 1;
  while (open < text.length && open - close <= 4 && isBlankCode(text.charCodeAt(open))) open++;
  if (text.charCodeAt(open) !== 0x7b /* { */) return [];
  if (text.charCodeAt(at - 1) !== 0x5d /* ] */) return [open];
  const openings: number[] = [];
  elementOpenings(text, open, openings);
  return openings;
}

function findGoStructLiteralSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  // The head (`Name struct {`) is Go's alone; a file of another language is not read.
  if (options.file !== undefined && !GO_FILE.test(options.file)) return [];
  const spans: Span[] = [];
  const seen = new Set<number>();
  let looked = 0;
  for (const offset of offsets) {
    if (looked >= STRUCTS_LOOKED_UP) break;
    if (offset > 0 && isWordCode(text.charCodeAt(offset - 1))) continue;
    let lineStart = offset;
    while (lineStart > 0 && offset - lineStart < HEAD_REACH && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
    const m = STRUCT_HEAD.exec(text.slice(lineStart, offset + 40));
    const named = m !== null && lineStart + m[0].lastIndexOf('struct') === offset;
    const body = named ? lineStart + m[0].length - 1 : anonymousStructBody(text, offset);
    if (body === -1) continue;
    const fields = structFields(text, body);
    if (fields === undefined) continue;
    const secretFields: { index: number; key: KeyClass }[] = [];
    fields.forEach((field, index) => {
      const key = field === '' ? undefined : classifyKey(field);
      if (key !== undefined) secretFields.push({ index, key });
    });
    if (secretFields.length === 0) continue;
    looked++;
    for (const open of named ? literalOpenings(text, m[1]!) : anonymousLiteralOpenings(text, offset, body)) {
      const elements = positionalElements(text, open);
      if (elements === undefined || elements.length !== fields.length) continue;
      for (const { index, key } of secretFields) {
        const { valueStart, valueEnd } = elements[index]!;
        if (valueStart === -1 || seen.has(valueStart)) continue;
        const value = text.slice(valueStart, valueEnd);
        if (!isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) continue;
        seen.add(valueStart);
        spans.push({ start: valueStart, end: valueEnd, category: key.category });
      }
    }
  }
  return spans;
}

export const goStructLiteralRules: Rule[] = [
  {
    id: 'go-positional-struct-field',
    category: 'PASS',
    description:
      "A value in a Go positional composite literal (`Partner{\"acme\", \"svc\", \"…\"}`, the elided `{…}` elements of a `[]Partner{…}`) at the field its struct, declared in the same file or right before the literal as an unnamed type (`struct{ User, Pass string }{\"admin\", \"…\"}`), names for a secret (`Password string`)",
    keywords: ['struct'],
    pattern: /struct[ \t]{0,4}\{/,
    find: findGoStructLiteralSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'type Mailbox struct {\n\tHost     string\n\tUser     string\n\tPassword string\n}\n\nvar Boxes = []Mailbox{\n\t{"mx1.example.org", "relay", "Wq7#tLm2Vz9k"},\n}\n',
        'type feed struct{ url, apiToken string }\n\nvar primary = &feed{"https://feeds.example.org", "Tn4vQ8xW2mK7pR3sL9bY"}\n',
        'var gateAdmin = struct{ User, Pass string }{"admin", "Kiln-Gate-2291"}\n',
      ],
      noMatch: [
        'type Mailbox struct {\n\tHost     string\n\tUser     string\n\tPassword string\n}\n\nvar Boxes = []Mailbox{\n\t{"mx1.example.org", "relay", "password123"},\n}\n',
        'type Mailbox struct {\n\tHost     string\n\tUser     string\n\tPassword string\n}\n\nvar Boxes = []Mailbox{\n\t{"mx1.example.org", "relay", os.Getenv("MX_PASSWORD")},\n}\n',
        'type Mailbox struct {\n\tHost  string\n\tUser  string\n\tQueue string\n}\n\nvar Boxes = []Mailbox{\n\t{"mx1.example.org", "relay", "Wq7#tLm2Vz9k"},\n}\n',
      ],
    },
  },
];
