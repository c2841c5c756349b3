import fc from 'fast-check';
import { createDetector, type Detector } from '../detector.js';
import type { KnownSecret } from '../types.js';

/**
 * Secrets for property tests. They are matched as known secrets, so the tests do not
 * depend on which rules the detector has today. Each holds `!`, which no token contains,
 * so a secret can never show up inside a token by chance.
 */
export const SECRETS = [
  'Zq8!pW3vN7xK2mR9',
  'hunter2!Hunter2!',
  'sk!live!4f9a8b7c6d5e',
  'p@ss!w0rd-Über-🔑',
  'a!b',
  'line1!\nline2"quoted"\\back',
];

export const KNOWN: KnownSecret[] = SECRETS.map((value, i) => ({ value, source: `test:SECRET_${i}` }));

let shared: Detector | undefined;
export function knownSecretDetector(): Detector {
  shared ??= createDetector({ knownSecrets: KNOWN });
  return shared;
}

/** Ways a model or a markdown renderer alters a token. */
export const VARIANTS: Array<(token: string) => string> = [
  (t) => t,
  (t) => t.toLowerCase(),
  (t) => t.toUpperCase(),
  (t) => `**${t.slice(2, -2)}**`,
  (t) => t.slice(2, -2),
  (t) => t.replace(/_/g, '\\_'),
  (t) => t.slice(2, -2).replace(/_/g, ''),
  (t) => t.replace(/_(KEY|PASS|CONN|URL|HOST|JWT|TOKEN|PKEY|CRED|ENV)_/, '_'),
  (t) => t.slice(0, -2),
];

/**
 * How a secret is spelled inside other syntaxes: JSON text (once, and as JSON inside a
 * JSON string), a URL, the other Unicode normalisation form. Written out here rather than
 * taken from the session, so the tests check the session against an independent list.
 */
const jsonEscaped = (s: string): string => JSON.stringify(s).slice(1, -1);
export const SPELLINGS: Array<(secret: string) => string> = [
  (s) => jsonEscaped(s),
  (s) => jsonEscaped(jsonEscaped(s)),
  (s) => encodeURIComponent(s),
  (s) => s.normalize('NFD'),
  (s) => jsonEscaped(s.normalize('NFD')),
  (s) => encodeURIComponent(s.normalize('NFD')),
];

/** A piece of text for generated inputs: plain text, a secret, a spelling of one, or token-shaped trouble. */
export type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'secret'; index: number }
  | { kind: 'spelling'; index: number; spelling: number }
  | { kind: 'token'; index: number; variant: number };

const secretIndexArb = fc.nat(SECRETS.length - 1);
const spellingArb: fc.Arbitrary<Piece> = fc
  .record({ index: secretIndexArb, spelling: fc.nat(SPELLINGS.length - 1) })
  .map((r) => ({ kind: 'spelling' as const, ...r }));
const tokenArb: fc.Arbitrary<Piece> = fc
  .record({ index: secretIndexArb, variant: fc.nat(VARIANTS.length - 1) })
  .map((r) => ({ kind: 'token' as const, ...r }));

const TRICKY = [
  '__',
  '_',
  '**',
  '*',
  '\\',
  '\\_',
  'TAKUMO',
  'takumo',
  '__TAKUMO_v1_',
  'TAKUMO_v1_KEY_',
  '_v1_',
  'KEY_',
  'ENV_',
  '__TAKUMO_v1_KEY_deadbeef__',
  'TAKUMO_v1_0badc0de',
  '__TAKUMO_v1_ENV_0000000',
  'ff',
  '\n',
  '"',
  '\u2028',
  '\ud800',
];

export const pieceArb: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: 1, maxLength: 9 }).map((text) => ({ kind: 'text' as const, text })) },
  { weight: 2, arbitrary: secretIndexArb.map((index) => ({ kind: 'secret' as const, index })) },
  { weight: 1, arbitrary: spellingArb },
  { weight: 2, arbitrary: tokenArb },
);

/**
 * Pieces packed with what makes a text's tokenization depend on its context: secrets,
 * their spellings, token variants of the session's tokens, and the one-character
 * neighbours that decide whether a token-shaped text is a token (`…<hex>0` is not one) or
 * how two spellings overlap. Short arrays of these meet each case within a few hundred runs.
 */
export const densePieceArb: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 3, arbitrary: tokenArb },
  { weight: 2, arbitrary: secretIndexArb.map((index) => ({ kind: 'secret' as const, index })) },
  { weight: 2, arbitrary: spellingArb },
  { weight: 3, arbitrary: fc.constantFrom('0', 'f', 'x', '_', '__', '*', '\\', '"', '%', ' ', '!').map((text) => ({ kind: 'text' as const, text })) },
);

/** Builds the text; `tokens[i]` is the session's token for SECRETS[i]. */
export function render(pieces: Piece[], tokens: string[]): string {
  return pieces
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'secret') return SECRETS[p.index] as string;
      if (p.kind === 'spelling') return (SPELLINGS[p.spelling] as (s: string) => string)(SECRETS[p.index] as string);
      return (VARIANTS[p.variant] as (t: string) => string)(tokens[p.index] as string);
    })
    .join('');
}

/** Cuts `text` at the given (sorted, deduplicated) offsets. */
export function chunk(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const p of points) {
    out.push(text.slice(at, p));
    at = p;
  }
  out.push(text.slice(at));
  return out;
}
