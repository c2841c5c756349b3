/**
 * Envelope encryption at rest with AES-256-GCM (node:crypto).
 *
 * - The key-encryption key (KEK) belongs to the operator: it is read from a file or an
 *   environment variable and never stored in the database; only its short id is.
 * - Each tenant has data keys (DEKs): 32 random bytes, stored wrapped by the KEK with the
 *   tenant and KEK id bound as additional authenticated data, so a wrapped key copied to
 *   another tenant's row does not unwrap.
 * - Every field is encrypted under a DEK with a fresh random 96-bit nonce and AAD naming its
 *   exact place (tenant, table, row, column, schema version): a ciphertext moved to another
 *   row or column fails authentication instead of decrypting as the wrong data.
 *
 * Random nonces are safe up to 2^32 encryptions per key (NIST SP 800-38D §8.3); callers
 * count encryptions per DEK and rotate at MAX_ENCRYPTIONS_PER_DEK, far below that.
 * Error messages never contain key material or plaintext.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Rotate a data key after this many encryptions (2^30: a 4x margin under the 2^32 limit). */
export const MAX_ENCRYPTIONS_PER_DEK = 2 ** 30;

export const KEY_SIZE = 32;
const NONCE_SIZE = 12;
const TAG_SIZE = 16;
const WRAP_VERSION = 0x01;
const FIELD_VERSION = 0x01;
const FIELD_HEADER_SIZE = 1 + 4; // version, dek id
const WRAPPED_DEK_SIZE = 1 + NONCE_SIZE + KEY_SIZE + TAG_SIZE;

export type EnvelopeErrorCode =
  | 'TAKUMO_E_KEK_INVALID'
  | 'TAKUMO_E_DEK_UNWRAP_FAILED'
  | 'TAKUMO_E_FIELD_DECRYPT_FAILED'
  | 'TAKUMO_E_ENVELOPE_INPUT';

export class EnvelopeError extends Error {
  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

/** A key-encryption key: `id` is the first 8 hex digits of SHA-256(key), safe to store. */
export interface Kek {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * Loads the KEK from exactly one source:
 * - `file`: path of a file holding the key as base64, hex (64 digits) or 32 raw bytes;
 * - `env`: the NAME of an environment variable (e.g. `TAKUMO_KEK`) holding base64 or hex,
 *   looked up in `environment` (default `process.env`).
 * The key must be exactly 32 bytes. Errors say what is wrong without echoing the key.
 */
export function loadKek(source: { file?: string; env?: string }, environment: NodeJS.ProcessEnv = process.env): Kek {
  const { file, env } = source ?? {};
  if ((file === undefined) === (env === undefined)) {
    throw kekError('give the key-encryption key as exactly one of a file or an environment variable');
  }
  let key: Buffer | undefined;
  if (file !== undefined) {
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw kekError(`cannot read the key-encryption key file ${file} (${code})`);
    }
    key = content.length === KEY_SIZE ? content : decodeKeyText(content.toString('utf8'));
    if (!key) throw kekError(`the key-encryption key file ${file} must hold 32 bytes as base64, 64 hex digits or raw bytes`);
  } else {
    const name = env!;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name) || /^[0-9a-fA-F]{64}$/.test(name)) {
      // Never echo it: a caller may have passed the key itself instead of the variable's name.
      throw kekError('`env` must be the name of an environment variable (for example TAKUMO_KEK), not the key');
    }
    const value = environment[name];
    if (value === undefined || value.trim() === '') throw kekError(`the environment variable ${name} is not set`);
    key = decodeKeyText(value);
    if (!key) throw kekError(`the environment variable ${name} must hold 32 bytes as base64 or 64 hex digits`);
  }
  return { id: kekIdOf(key), key };
}

/** Builds a KEK from raw bytes (tests, key management integrations). */
export function kekFromBytes(key: Uint8Array): Kek {
  if (!(key instanceof Uint8Array) || key.length !== KEY_SIZE) throw kekError('a key-encryption key must be 32 bytes');
  const copy = Buffer.from(key);
  return { id: kekIdOf(copy), key: copy };
}

function kekIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

function decodeKeyText(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(trimmed) || /^[A-Za-z0-9_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === KEY_SIZE) return bytes;
  }
  return undefined;
}

/** A fresh random data key. */
export function generateDek(): Buffer {
  return randomBytes(KEY_SIZE);
}

function dekAad(kek: Kek, tenantId: string): Buffer {
  return Buffer.from(`takumo:dek:v1|tenant=${tenantId}|kek=${kek.id}`, 'utf8');
}

/** Wraps a DEK for one tenant: ver(1) | nonce(12) | encrypted key(32) | tag(16). */
export function wrapDek(kek: Kek, dek: Buffer, tenantId: string): Buffer {
  assertKey(kek?.key, 'key-encryption key');
  assertKey(dek, 'data key');
  assertTenant(tenantId);
  const nonce = randomBytes(NONCE_SIZE);
  const cipher = createCipheriv('aes-256-gcm', kek.key, nonce);
  cipher.setAAD(dekAad(kek, tenantId));
  const ciphertext = Buffer.concat([cipher.update(dek), cipher.final()]);
  return Buffer.concat([Buffer.from([WRAP_VERSION]), nonce, ciphertext, cipher.getAuthTag()]);
}

/** Unwraps a DEK; fails when the KEK, the tenant or any byte of `wrapped` is not the original. */
export function unwrapDek(kek: Kek, wrapped: Buffer, tenantId: string): Buffer {
  assertKey(kek?.key, 'key-encryption key');
  assertTenant(tenantId);
  if (!Buffer.isBuffer(wrapped) || wrapped.length !== WRAPPED_DEK_SIZE || wrapped[0] !== WRAP_VERSION) {
    throw new EnvelopeError('TAKUMO_E_DEK_UNWRAP_FAILED', 'the wrapped data key is malformed or of an unknown version');
  }
  const nonce = wrapped.subarray(1, 1 + NONCE_SIZE);
  const ciphertext = wrapped.subarray(1 + NONCE_SIZE, 1 + NONCE_SIZE + KEY_SIZE);
  const tag = wrapped.subarray(1 + NONCE_SIZE + KEY_SIZE);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek.key, nonce);
    decipher.setAAD(dekAad(kek, tenantId));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new EnvelopeError(
      'TAKUMO_E_DEK_UNWRAP_FAILED',
      `the data key does not unwrap with key-encryption key ${kek.id} for this tenant (wrong key, wrong tenant, or altered)`,
    );
  }
}

/**
 * The AAD that binds a field to its place. Each part is percent-encoded so no two places
 * can produce the same string (a '|' inside an id cannot shift the boundaries).
 */
export function fieldAad(place: { tenantId: string; table: string; rowId: string | number; column: string; schemaVersion?: number }): string {
  const part = (value: string | number) => encodeURIComponent(String(value));
  const version = place.schemaVersion ?? 1;
  if (!Number.isSafeInteger(version) || version < 0) throw inputError('schemaVersion must be a non-negative integer');
  for (const [name, value] of Object.entries({ tenantId: place.tenantId, table: place.table, column: place.column })) {
    if (typeof value !== 'string' || value.length === 0) throw inputError(`${name} must be a non-empty string`);
  }
  return `takumo:field:v1|tenant=${part(place.tenantId)}|table=${part(place.table)}|row=${part(place.rowId)}|column=${part(place.column)}|schema=${version}`;
}

/**
 * Encrypts one field: ver(1) | dekId(4, big-endian) | nonce(12) | ciphertext | tag(16).
 * The header (version and DEK id) is authenticated along with `aad`, so relabelling a
 * ciphertext with another DEK id is detected.
 */
export function encryptField(dek: Buffer, dekId: number, plaintext: string | Buffer, aad: string): Buffer {
  assertKey(dek, 'data key');
  if (!Number.isInteger(dekId) || dekId < 0 || dekId > 0xffffffff) throw inputError('dekId must be a 32-bit unsigned integer');
  if (typeof aad !== 'string' || aad.length === 0) throw inputError('the AAD must be a non-empty string (see fieldAad)');
  const header = Buffer.alloc(FIELD_HEADER_SIZE);
  header[0] = FIELD_VERSION;
  header.writeUInt32BE(dekId, 1);
  const nonce = randomBytes(NONCE_SIZE);
  const cipher = createCipheriv('aes-256-gcm', dek, nonce);
  cipher.setAAD(Buffer.concat([header, Buffer.from(aad, 'utf8')]));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return Buffer.concat([header, nonce, ciphertext, cipher.getAuthTag()]);
}

/** The DEK id a field was encrypted under (so the caller can pick the key to decrypt with). */
export function fieldDekId(blob: Buffer): number {
  if (!Buffer.isBuffer(blob) || blob.length < FIELD_HEADER_SIZE + NONCE_SIZE + TAG_SIZE || blob[0] !== FIELD_VERSION) {
    throw new EnvelopeError('TAKUMO_E_FIELD_DECRYPT_FAILED', 'the encrypted field is malformed or of an unknown version');
  }
  return blob.readUInt32BE(1);
}

/** Decrypts a field; fails when the key, the AAD (its place) or any byte is not the original. */
export function decryptField(dek: Buffer, blob: Buffer, aad: string): Buffer {
  assertKey(dek, 'data key');
  fieldDekId(blob); // validates layout and version
  const header = blob.subarray(0, FIELD_HEADER_SIZE);
  const nonce = blob.subarray(FIELD_HEADER_SIZE, FIELD_HEADER_SIZE + NONCE_SIZE);
  const ciphertext = blob.subarray(FIELD_HEADER_SIZE + NONCE_SIZE, blob.length - TAG_SIZE);
  const tag = blob.subarray(blob.length - TAG_SIZE);
  try {
    const decipher = createDecipheriv('aes-256-gcm', dek, nonce);
    decipher.setAAD(Buffer.concat([header, Buffer.from(String(aad), 'utf8')]));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new EnvelopeError(
      'TAKUMO_E_FIELD_DECRYPT_FAILED',
      'the encrypted field failed authentication (wrong key, wrong place, or altered)',
    );
  }
}

function assertKey(key: unknown, what: string): asserts key is Buffer {
  if (!Buffer.isBuffer(key) || key.length !== KEY_SIZE) throw inputError(`the ${what} must be ${KEY_SIZE} bytes`);
}

function assertTenant(tenantId: string): void {
  if (typeof tenantId !== 'string' || tenantId.length === 0 || tenantId.includes('|')) {
    throw inputError('the tenant id must be a non-empty string without "|"');
  }
}

function kekError(message: string): EnvelopeError {
  return new EnvelopeError('TAKUMO_E_KEK_INVALID', message);
}

function inputError(message: string): EnvelopeError {
  return new EnvelopeError('TAKUMO_E_ENVELOPE_INPUT', message);
}
