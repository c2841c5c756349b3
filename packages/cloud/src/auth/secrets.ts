import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Algorithm, hash as argonHash, verify as argonVerify } from '@node-rs/argon2';

/**
 * Credentials the server hands out (session cookies, CSRF tokens, API tokens, invitations)
 * are 256-bit random values; only their SHA-256 is stored, so a database leak yields nothing
 * that authenticates. A fast hash is right here: the input is uniformly random, not a password.
 */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export const API_TOKEN_PREFIX = 'tkm_';

// Argon2id parameters from OWASP's minimum recommendation (m=19 MiB, t=2, p=1).
const ARGON = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}

let dummy: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same time (no account probing). */
export async function verifyPassword(stored: string | undefined, password: string): Promise<boolean> {
  if (stored === undefined) {
    dummy ??= hashPassword(newSecret());
    await argonVerify(await dummy, password).catch(() => false);
    return false;
  }
  return argonVerify(stored, password).catch(() => false);
}

export const MIN_PASSWORD_LENGTH = 12;
