/**
 * Deterministic stand-in values for rule examples: the same call always yields the same
 * string, so examples are stable data, yet each one looks like a freshly issued token
 * (no runs of one character, no dictionary words).
 */
const ALPHABETS: Record<string, string> = {
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  digits: '0123456789',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alpha: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  alnum: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lowernum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  uppernum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  b64: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/',
  b64url: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_',
};

export type AlphabetName = keyof typeof ALPHABETS;

/** `length` characters drawn from a named alphabet, seeded so the output never changes. */
export function fake(alphabet: string, length: number, seed = 1): string {
  const chars = ALPHABETS[alphabet] ?? alphabet;
  let state = (seed * 2654435761 + length * 40503) >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    // xorshift32: cheap, deterministic, good enough to avoid visible patterns.
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    out += chars.charAt(state % chars.length);
  }
  return out;
}
