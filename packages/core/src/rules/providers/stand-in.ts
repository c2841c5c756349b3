import { decodeBase64 } from '../../base64.js';

/**
 * Test data and documentation turn a real-looking token into a stand-in by hand: a run
 * of the alphabet or the digits typed over part of it (`…Vg276543210`), words
 * (`…KeyTestOnly…`, a swarm token spelling "sampling only", base64 of an English
 * sentence). A generated token holds a run of six in order by chance too rarely to
 * matter (well under one in a million per position), so these are not secrets.
 */

/** A run of consecutive digits or letters in order, up or down (`345678`, `fedcba`): where it starts and its length. */
interface Run {
  start: number;
  length: number;
}

/** Every run of at least `min` characters in order (digits with digits, letters with letters, any case). */
export function sequentialRuns(value: string, min: number): Run[] {
  const runs: Run[] = [];
  let start = 0;
  let step = 0;
  const close = (end: number): void => {
    if (end - start >= min) runs.push({ start, length: end - start });
  };
  for (let i = 1; i < value.length; i++) {
    const a = value.charCodeAt(i - 1);
    const b = value.charCodeAt(i);
    const sameKind = (isDigit(a) && isDigit(b)) || (isLetter(a) && isLetter(b));
    const d = (b | 0x20) - (a | 0x20);
    if (sameKind && (d === 1 || d === -1) && (step === 0 || d === step)) {
      step = d;
      continue;
    }
    close(i);
    // The pair (i-1, i) may itself start a run in the other direction.
    start = sameKind && (d === 1 || d === -1) ? i - 1 : i;
    step = start === i - 1 ? d : 0;
  }
  close(value.length);
  return runs;
}

function isLetter(code: number): boolean {
  const c = code | 0x20;
  return c >= 97 && c <= 122;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Words that only a person puts inside a token. */
const STAND_IN_WORDS = /sampl(?:e|ing)|testonly|test_only|notreal|not_real/i;

/** Base64 of readable words: `cmVmdGtuOlRoZXJl…` is "reftkn:There are not the tokens…". */
function encodesProse(value: string): boolean {
  const body = /[A-Za-z0-9+/]{24,}={0,2}$/.exec(value)?.[0];
  if (body === undefined) return false;
  const decoded = decodeBase64(body.length % 4 === 0 ? body : body.slice(0, body.length - (body.length % 4)));
  return decoded !== undefined && /[A-Za-z]{2,12} [A-Za-z']{2,12} [A-Za-z']{2,12} [A-Za-z']{2,12}/.test(decoded);
}

/**
 * A generated token with one typed stretch spliced in (`…Vg276543210`, `lin_api_abcdefgiRu…`,
 * `sqp_abcdef12345678…`): six or more characters in order, at most 40% of the value, and
 * no other run of three anywhere. A value made wholly of typed runs (`aBcDeF…1234567890`) is not judged here:
 * peers' test data counts those as secrets that must be caught by format.
 */
function hasSplicedRun(value: string): boolean {
  const stretches = typedStretches(value);
  if (stretches.length !== 1 || stretches[0]!.length < 6) return false;
  return stretches[0]!.length * 10 <= value.length * 4;
}

/**
 * Whether `run` continues `last` as one typed stretch: they overlap, or meet where the
 * kind changes (`abcdef|123`) or a character repeats (`12345|5678`). Digits wrapping from
 * 9 to 0 (`123456789012`) read as a number, not as two runs.
 */
function touches(value: string, last: Run, run: Run): boolean {
  const end = last.start + last.length;
  if (run.start < end) return true;
  if (run.start > end) return false;
  const a = value.charCodeAt(end - 1);
  const b = value.charCodeAt(run.start);
  return a === b || isDigit(a) !== isDigit(b);
}

/** Runs of three or more, with runs that touch merged into one typed stretch (`abcdef12345678`). */
function typedStretches(value: string): Run[] {
  const merged: Run[] = [];
  for (const run of sequentialRuns(value, 3)) {
    const last = merged[merged.length - 1];
    if (last !== undefined && touches(value, last, run)) {
      last.length = Math.max(last.length, run.start + run.length - last.start);
    } else merged.push({ ...run });
  }
  return merged;
}

/**
 * Keys a provider publishes in its own documentation for everyone to copy: real in shape,
 * secret to no one (Stripe's test-mode key from its API reference).
 */
const PUBLISHED_DOCUMENTATION_KEYS = new Set(['sk_test_4eC39HqLyjWDarjtT1zdp7dc']);

/** True when a value in a provider's token format was written by hand rather than issued, or published for all. */
export function isStandInToken(value: string): boolean {
  return PUBLISHED_DOCUMENTATION_KEYS.has(value) || hasSplicedRun(value) || STAND_IN_WORDS.test(value) || encodesProse(value);
}
