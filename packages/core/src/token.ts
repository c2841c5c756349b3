import { CATEGORIES, type Category } from './types.js';

/**
 * The token format, `__TAKUMO_v1_<CATEGORY>_<8 lowercase hex>__`, and the grammar of the
 * altered spellings a model or a markdown renderer produces from it.
 *
 * A token is read as three parts:
 * - the **core**, `TAKUMO_v1_<CAT>_<hex>`: the part that identifies the vault entry.
 *   Tolerated in the core: any letter case, each `_` separator dropped or escaped as `\_`
 *   (markdown), and the category dropped altogether (`TAKUMO_v1_<hex>`). The core must
 *   not be followed by a letter or digit, so `…<hex>ff` is not a token.
 * - a **lead** and a **trail** right before and after the core: `__` (the canonical
 *   form), `**` (a markdown renderer's bold), or `\_\_` (escaped markdown). Either may be
 *   missing (a renderer ate it). They belong to the token only when it is restored.
 *
 * Every core contains `TAKUMO` exactly once, at its start, and no category or hex run can
 * contain it, so two cores never overlap: the cores of a text are found by one linear scan,
 * independently of what surrounds them.
 */

export const TOKEN_PREFIX = '__TAKUMO_v1_';
export const TOKEN_SUFFIX = '__';
export const TOKEN_HEX_LENGTH = 8;

/** Lead/trail spellings around a core, longest first within each starting character. */
export const DECORATIONS = ['__', '**', '\\_\\_'] as const;
const MAX_DECORATION = 4;

function caseless(word: string): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    out += lower === upper ? ch : `[${upper}${lower}]`;
  }
  return out;
}

const SEPARATOR = '(?:\\\\?_)?';
// Explicit character classes instead of the `i` flag: V8 keeps its fast literal search for
// them, which makes the scan several times faster on large answers.
const CORE_SOURCE =
  `${caseless('TAKUMO')}${SEPARATOR}${caseless('V1')}${SEPARATOR}` +
  `(?:(${CATEGORIES.map(caseless).join('|')})${SEPARATOR})?` +
  `([0-9A-Fa-f]{${TOKEN_HEX_LENGTH}})(?![0-9A-Za-z])`;

/** A fresh global regex finding cores; group 1 = category (optional), group 2 = hex. */
export function coreRegex(): RegExp {
  return new RegExp(CORE_SOURCE, 'g');
}

/** Longest possible core (every separator escaped, longest category). */
export const MAX_CORE_LENGTH =
  'TAKUMO'.length + 2 + 'V1'.length + 2 + Math.max(...CATEGORIES.map((c) => c.length)) + 2 + TOKEN_HEX_LENGTH;

/** Longest text a restored token can span: lead + core + trail. */
export const MAX_VARIANT_LENGTH = MAX_DECORATION + MAX_CORE_LENGTH + MAX_DECORATION;

/** What a core names: the category (absent when the model dropped it) and the hex, normalised. */
export interface TokenIdentity {
  category?: Category;
  hex: string;
}

export function identityOf(categoryText: string | undefined, hexText: string): TokenIdentity {
  const hex = hexText.toLowerCase();
  return categoryText === undefined ? { hex } : { category: categoryText.toUpperCase() as Category, hex };
}

export function formatToken(category: Category, hex: string): string {
  return `${TOKEN_PREFIX}${category}_${hex}${TOKEN_SUFFIX}`;
}

/** Length of the lead decoration ending at `end` (0 when there is none at or after `floor`). */
export function leadLength(text: string, end: number, floor: number): number {
  for (const d of DECORATIONS) {
    const start = end - d.length;
    if (start >= floor && text.startsWith(d, start)) return d.length;
  }
  return 0;
}

/** Length of the trail decoration starting at `start` (0 when there is none). */
export function trailLength(text: string, start: number): number {
  for (const d of DECORATIONS) if (text.startsWith(d, start)) return d.length;
  return 0;
}

/**
 * True when `tail` (text running to the end of what has arrived so far) is a proper prefix
 * of some decoration, i.e. more input could still turn it into a lead or trail.
 */
export function couldBecomeDecoration(tail: string): boolean {
  if (tail.length === 0) return true;
  return DECORATIONS.some((d) => d.length > tail.length && d.startsWith(tail));
}

/**
 * What a partial core (text from a `T`/`t` to the end of what has arrived) could still
 * become, in one reading of its optional parts. `category` is what was read of the
 * category so far (upper case, maybe incomplete); `hex` the hex digits read so far.
 */
export interface PartialCore {
  /** The text ended inside `TAKUMO`, `V1` or a separator before the category: anything may follow. */
  open: boolean;
  /** Category letters read (upper case); `undefined` in the reading without a category. */
  category?: string;
  categoryComplete: boolean;
  hex: string;
}

type Element = 'takumo' | 'v1' | 'sep' | 'category' | 'hex';
const ELEMENTS: readonly Element[] = ['takumo', 'sep', 'v1', 'sep', 'category', 'hex'];

/**
 * Every reading in which `tail` is a proper prefix of a core, or a complete core whose end
 * is still undecided (the next character could be a letter or digit). Empty when no more
 * input can make `tail` (read from its first character) into a core. `tail` is short (at
 * most MAX_CORE_LENGTH characters are looked at), so the handful of branches is cheap.
 */
export function readPartialCore(tail: string): PartialCore[] {
  const out: PartialCore[] = [];
  walk(tail.slice(0, MAX_CORE_LENGTH + 1), 0, 0, { open: true, categoryComplete: false, hex: '' }, out);
  return out;
}

function walk(tail: string, element: number, at: number, reading: PartialCore, out: PartialCore[]): void {
  const kind = ELEMENTS[element];
  if (kind === undefined) return;
  if (at >= tail.length) {
    out.push(reading);
    return;
  }
  switch (kind) {
    case 'takumo':
    case 'v1': {
      const word = kind === 'takumo' ? 'TAKUMO' : 'V1';
      const part = tail.slice(at, at + word.length).toUpperCase();
      if (!word.startsWith(part)) return;
      if (part.length < word.length) out.push(reading);
      else walk(tail, element + 1, at + word.length, reading, out);
      return;
    }
    case 'sep': {
      walk(tail, element + 1, at, reading, out);
      if (tail[at] === '_') walk(tail, element + 1, at + 1, reading, out);
      else if (tail[at] === '\\') {
        if (at + 1 >= tail.length) out.push(reading);
        else if (tail[at + 1] === '_') walk(tail, element + 1, at + 2, reading, out);
      }
      return;
    }
    case 'category': {
      // Reading without a category: the hex starts here.
      walk(tail, element + 1, at, { open: false, categoryComplete: true, hex: '' }, out);
      for (const category of CATEGORIES) {
        const part = tail.slice(at, at + category.length).toUpperCase();
        if (!category.startsWith(part)) continue;
        if (part.length < category.length) {
          out.push({ open: false, category: part, categoryComplete: false, hex: '' });
          continue;
        }
        const after = at + category.length;
        const complete: PartialCore = { open: false, category, categoryComplete: true, hex: '' };
        if (after >= tail.length) {
          out.push(complete);
          continue;
        }
        if (tail[after] === '_') walk(tail, element + 1, after + 1, complete, out);
        else if (tail[after] === '\\') {
          if (after + 1 >= tail.length) out.push(complete);
          else if (tail[after + 1] === '_') walk(tail, element + 1, after + 2, complete, out);
        }
        walk(tail, element + 1, after, complete, out);
      }
      return;
    }
    case 'hex': {
      let hex = '';
      let i = at;
      while (i < tail.length && hex.length < TOKEN_HEX_LENGTH && isHex(tail.charCodeAt(i))) {
        hex += (tail[i] as string).toLowerCase();
        i++;
      }
      // Ran out of text with fewer than 8 digits, or exactly 8 digits at the very end
      // (whether a letter or digit follows is still unknown).
      if (i >= tail.length) out.push({ ...reading, hex });
      return;
    }
  }
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
}
