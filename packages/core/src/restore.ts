import {
  coreRegex,
  couldBecomeDecoration,
  identityOf,
  leadLength,
  MAX_CORE_LENGTH,
  readPartialCore,
  trailLength,
  type PartialCore,
} from './token.js';
import type { Vault } from './vault.js';
import type { Category } from './types.js';

/**
 * Restoring tokens in a text: the one scan shared by batch `rehydrate`, the streaming
 * rehydrator and tokenize's own check of its output.
 *
 * A core that names exactly one secret of the vault is replaced, together with the lead
 * and trail decorations right around it (`__`, `**`, `\_\_`). Every other core — unknown,
 * ambiguous, or reserved by input text — is left exactly as it is and claims nothing, so
 * it cannot change how its neighbours are read.
 */

/** A token-shaped text that could not be restored. Metadata only: the token is not a secret. */
export interface UnrestoredToken {
  reason: 'unknown' | 'ambiguous';
  /** The token's text as it appeared (core only, without `__`/`**`). */
  token: string;
  category?: Category;
  /** UTF-16 offset of the token in the text (in the whole stream, for the rehydrator). */
  offset: number;
}

export interface RestoreReport {
  /** Number of tokens replaced by their secret. */
  restored: number;
  unrestored: UnrestoredToken[];
}

export interface RestoreOptions {
  /** Escape restored values for the inside of a JSON string. */
  json?: boolean;
}

export interface RestoreStep {
  /** Text that is final and can be emitted. */
  out: string;
  /** Offset where the text still waiting for more input begins (`text.length` when nothing waits). */
  cut: number;
}

const CORES = coreRegex();

/** Escapes a value for the inside of a JSON string literal (quotes, backslashes, control characters). */
export function escapeJsonString(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * Restores `text`. With `final` false, stops before the first place where more input could
 * change the result (`cut`), so that restoring `text.slice(0, cut)` now and the rest later
 * gives exactly what restoring the whole at once gives.
 */
export function restoreStep(
  text: string,
  vault: Vault,
  options: RestoreOptions,
  final: boolean,
  report: RestoreReport,
): RestoreStep {
  // Pieces joined once at the end: `+=` would build a deep rope that costs more to flatten
  // than the whole scan on large answers.
  const out: string[] = [];
  let consumed = 0;
  let cut = -1;
  CORES.lastIndex = 0;
  for (let m = CORES.exec(text); m !== null; m = CORES.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const resolution = vault.resolve(identityOf(m[1], m[2] as string));
    const atEdge = !final && end === text.length;
    if (resolution.kind !== 'restore') {
      // Streams report these from their own scan of the raw text (see rehydrator.ts).
      if (resolution.kind !== 'reserved' && final) report.unrestored.push(unrestoredToken(resolution.kind, m, 0));
      continue;
    }
    const lead = leadLength(text, start, consumed);
    const trail = trailLength(text, end);
    if (atEdge || (!final && trail === 0 && text.length - end < 4 && couldBecomeDecoration(text.slice(end)))) {
      cut = start - lead; // the token is complete but its end (or its trail) is not decided yet
      break;
    }
    const value = resolution.value;
    out.push(text.slice(consumed, start - lead), options.json ? escapeJsonString(value) : value);
    consumed = end + trail;
    CORES.lastIndex = consumed;
    report.restored++;
  }
  if (cut < 0) cut = final ? text.length : pendingStart(text, consumed, vault);
  out.push(text.slice(consumed, cut));
  return { out: out.length === 1 ? (out[0] as string) : out.join(''), cut };
}

export function unrestoredToken(reason: 'unknown' | 'ambiguous', m: RegExpExecArray, baseOffset: number): UnrestoredToken {
  const item: UnrestoredToken = { reason, token: m[0], offset: baseOffset + m.index };
  if (m[1] !== undefined) item.category = m[1].toUpperCase() as Category;
  return item;
}

/**
 * Start of the shortest tail of `text` (at or after `floor`) that more input could still
 * turn into a token of this vault — a partial token with its lead, or a lone lead — or
 * `text.length` when nothing needs holding. Looks at the last few dozen characters only.
 */
export function pendingStart(text: string, floor: number, vault: Vault): number {
  if (vault.size === 0) return text.length;
  const from = Math.max(floor, text.length - MAX_CORE_LENGTH - 1);
  for (let s = from; s < text.length; s++) {
    if (startsLikeTokenWord(text, s)) {
      if (readPartialCore(text.slice(s)).some((r) => couldBeRestorable(r, vault))) {
        return s - leadLength(text, s, floor);
      }
    }
  }
  // A lead (or the start of one) at the very end: the token may follow. Every decoration
  // and every prefix of one ends with `_`, `*` or `\`.
  const last = text.charCodeAt(text.length - 1);
  if (last !== 0x5f && last !== 0x2a && last !== 0x5c) return text.length;
  for (let s = Math.max(floor, text.length - 4); s < text.length; s++) {
    const tail = text.slice(s);
    if (couldBecomeDecoration(tail) || tail === '__' || tail === '**' || tail === '\\_\\_') return s;
  }
  return text.length;
}

const WORD = 'TAKUMO';

/** Cheap first test: the text from `at` to its end agrees with `TAKUMO` in any case. */
function startsLikeTokenWord(text: string, at: number): boolean {
  const end = Math.min(text.length, at + WORD.length);
  for (let i = at; i < end; i++) {
    if ((text.charCodeAt(i) & 0xdf) !== WORD.charCodeAt(i - at)) return false;
  }
  return true;
}

function couldBeRestorable(r: PartialCore, vault: Vault): boolean {
  if (r.open) return true;
  if (r.category === undefined) return vault.hasHexPrefix(undefined, r.hex);
  if (!r.categoryComplete) return vault.hasCategoryPrefix(r.category);
  return vault.hasHexPrefix(r.category, r.hex);
}

/** Batch restore of a whole text. */
export function restoreAll(text: string, vault: Vault, options: RestoreOptions, report: RestoreReport): string {
  return restoreStep(text, vault, options, true, report).out;
}
