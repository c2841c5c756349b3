import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EnvelopeError,
  MAX_ENCRYPTIONS_PER_DEK,
  decryptField,
  encryptField,
  fieldAad,
  fieldDekId,
  generateDek,
  kekFromBytes,
  loadKek,
  unwrapDek,
  wrapDek,
} from './envelope.js';
import { thrownCode } from '../test-support/thrown-code.js';

const dir = mkdtempSync(join(tmpdir(), 'takumo-envelope-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kekBytes = randomBytes(32);
const kek = kekFromBytes(kekBytes);
const TENANT = '0b9f3c1e-1111-4222-8333-444455556666';
const place = { tenantId: TENANT, table: 'audit_entries', rowId: '42', column: 'file' };

const codeOf = (fn: () => unknown): string | undefined => thrownCode(EnvelopeError, fn);

/** One copy of `bytes` per position, with that one byte XORed with `mask`. */
function* eachByteFlipped(bytes: Buffer, mask: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i++) {
    const altered = Buffer.from(bytes);
    altered[i]! ^= mask;
    yield altered;
  }
}

describe('loading the key-encryption key', () => {
  it('reads base64, url-safe base64, hex and raw bytes from a file, with the same id', () => {
    const expectedId = createHash('sha256').update(kekBytes).digest('hex').slice(0, 8);
    const forms: Array<string | Buffer> = [
      kekBytes.toString('base64') + '\n',
      kekBytes.toString('base64url'),
      kekBytes.toString('hex').toUpperCase(),
      kekBytes,
    ];
    forms.forEach((content, i) => {
      const file = join(dir, `kek-${i}`);
      writeFileSync(file, content, { mode: 0o600 });
      const loaded = loadKek({ file });
      expect(loaded.id).toBe(expectedId);
      expect(loaded.key).toEqual(kekBytes);
    });
  });

  it('reads the variable named by `env`', () => {
    const loaded = loadKek({ env: 'TAKUMO_KEK' }, { TAKUMO_KEK: kekBytes.toString('base64') });
    expect(loaded.key).toEqual(kekBytes);
    expect(loaded.id).toBe(kek.id);
  });

  it('gives clear errors that never echo the key', () => {
    const short = randomBytes(16).toString('base64');
    const cases: Array<[() => unknown, RegExp]> = [
      [() => loadKek({}), /exactly one/],
      [() => loadKek({ file: join(dir, 'a'), env: 'X' }), /exactly one/],
      [() => loadKek({ file: join(dir, 'missing') }), /cannot read .*ENOENT/],
      [() => loadKek({ env: 'TAKUMO_KEK' }, {}), /TAKUMO_KEK is not set/],
      [() => loadKek({ env: 'TAKUMO_KEK' }, { TAKUMO_KEK: short }), /must hold 32 bytes/],
      [() => loadKek({ env: kekBytes.toString('base64') }, {}), /name of an environment variable/],
      [() => loadKek({ env: kekBytes.toString('hex') }, {}), /name of an environment variable/],
    ];
    for (const [fn, message] of cases) {
      try {
        fn();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(EnvelopeError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain(kekBytes.toString('base64'));
        expect((error as Error).message).not.toContain(kekBytes.toString('hex'));
        expect((error as Error).message).not.toContain(short);
      }
    }
    const file = join(dir, 'bad');
    writeFileSync(file, 'not a key at all');
    expect(codeOf(() => loadKek({ file }))).toBe('TAKUMO_E_KEK_INVALID');
  });
});

describe('wrapping data keys', () => {
  it('round-trips, and the wrapped form never contains the key', () => {
    const dek = generateDek();
    const wrapped = wrapDek(kek, dek, TENANT);
    expect(wrapped.length).toBe(61);
    expect(wrapped.includes(dek)).toBe(false);
    expect(unwrapDek(kek, wrapped, TENANT)).toEqual(dek);
    expect(wrapDek(kek, dek, TENANT)).not.toEqual(wrapped); // fresh nonce each time
  });

  it('fails with another tenant, another KEK, or any altered byte', () => {
    const dek = generateDek();
    const wrapped = wrapDek(kek, dek, TENANT);
    expect(codeOf(() => unwrapDek(kek, wrapped, 'another-tenant'))).toBe('TAKUMO_E_DEK_UNWRAP_FAILED');
    expect(codeOf(() => unwrapDek(kekFromBytes(randomBytes(32)), wrapped, TENANT))).toBe('TAKUMO_E_DEK_UNWRAP_FAILED');
    // Same key bytes but presented under another id: the AAD names the KEK id.
    expect(codeOf(() => unwrapDek({ id: 'deadbeef', key: kek.key }, wrapped, TENANT))).toBe('TAKUMO_E_DEK_UNWRAP_FAILED');
    for (const altered of eachByteFlipped(wrapped, 0x01)) {
      expect(codeOf(() => unwrapDek(kek, altered, TENANT))).toBe('TAKUMO_E_DEK_UNWRAP_FAILED');
    }
    expect(codeOf(() => unwrapDek(kek, wrapped.subarray(0, 60), TENANT))).toBe('TAKUMO_E_DEK_UNWRAP_FAILED');
  });
});

describe('field encryption', () => {
  const dek = generateDek();

  it('round-trips strings and bytes in the ver|dekId|nonce|ct|tag layout', () => {
    const aad = fieldAad(place);
    const blob = encryptField(dek, 7, 'src/config.ts', aad);
    expect(blob[0]).toBe(1);
    expect(fieldDekId(blob)).toBe(7);
    expect(blob.length).toBe(1 + 4 + 12 + 'src/config.ts'.length + 16);
    expect(decryptField(dek, blob, aad).toString('utf8')).toBe('src/config.ts');
    expect(blob.includes(Buffer.from('src/config.ts'))).toBe(false);
    const bytes = randomBytes(100);
    expect(decryptField(dek, encryptField(dek, 0xffffffff, bytes, aad), aad)).toEqual(bytes);
    expect(decryptField(dek, encryptField(dek, 1, '', aad), aad).length).toBe(0);
  });

  it('fails in another place: tenant, table, row, column or schema version', () => {
    const blob = encryptField(dek, 1, 'repo-name', fieldAad(place));
    const elsewhere = [
      { ...place, tenantId: 'other-tenant' },
      { ...place, table: 'members' },
      { ...place, rowId: '43' },
      { ...place, column: 'repository' },
      { ...place, schemaVersion: 2 },
    ];
    for (const p of elsewhere) expect(codeOf(() => decryptField(dek, blob, fieldAad(p)))).toBe('TAKUMO_E_FIELD_DECRYPT_FAILED');
  });

  it('fails with the wrong data key, an altered byte anywhere, a relabelled DEK id or a truncated blob', () => {
    const aad = fieldAad(place);
    const blob = encryptField(dek, 3, 'payload', aad);
    expect(codeOf(() => decryptField(generateDek(), blob, aad))).toBe('TAKUMO_E_FIELD_DECRYPT_FAILED');
    for (const altered of eachByteFlipped(blob, 0x80)) {
      expect(codeOf(() => decryptField(dek, altered, aad))).toBe('TAKUMO_E_FIELD_DECRYPT_FAILED');
    }
    expect(codeOf(() => decryptField(dek, blob.subarray(0, 20), aad))).toBe('TAKUMO_E_FIELD_DECRYPT_FAILED');
  });

  it('keeps places distinct even when ids contain the separator', () => {
    const a = fieldAad({ tenantId: 't', table: 'x|row=1', rowId: '2', column: 'c' });
    const b = fieldAad({ tenantId: 't', table: 'x', rowId: '1|row=2', column: 'c' });
    expect(a).not.toBe(b);
    expect(fieldAad(place)).toBe(`takumo:field:v1|tenant=${TENANT}|table=audit_entries|row=42|column=file|schema=1`);
  });

  it('rejects bad input with clear codes', () => {
    expect(codeOf(() => encryptField(dek.subarray(1), 1, 'x', 'aad'))).toBe('TAKUMO_E_ENVELOPE_INPUT');
    expect(codeOf(() => encryptField(dek, -1, 'x', 'aad'))).toBe('TAKUMO_E_ENVELOPE_INPUT');
    expect(codeOf(() => encryptField(dek, 2 ** 32, 'x', 'aad'))).toBe('TAKUMO_E_ENVELOPE_INPUT');
    expect(codeOf(() => encryptField(dek, 1, 'x', ''))).toBe('TAKUMO_E_ENVELOPE_INPUT');
    expect(codeOf(() => fieldAad({ ...place, table: '' }))).toBe('TAKUMO_E_ENVELOPE_INPUT');
    expect(codeOf(() => wrapDek(kek, dek, ''))).toBe('TAKUMO_E_ENVELOPE_INPUT');
  });

  it('rotates data keys far below the 2^32 random-nonce limit', () => {
    expect(MAX_ENCRYPTIONS_PER_DEK).toBeLessThanOrEqual(2 ** 30);
    expect(MAX_ENCRYPTIONS_PER_DEK).toBeGreaterThan(0);
  });

  it('round-trips any plaintext and rejects it under any other AAD (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (text, aadA, aadB) => {
        const blob = encryptField(dek, 9, text, aadA);
        expect(decryptField(dek, blob, aadA).toString('utf8')).toBe(Buffer.from(text, 'utf8').toString('utf8'));
        if (Buffer.from(aadA).equals(Buffer.from(aadB)) === false) {
          expect(() => decryptField(dek, blob, aadB)).toThrow(EnvelopeError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
