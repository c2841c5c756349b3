import { createHash, createPrivateKey, sign } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CheckpointError,
  formatCheckpointBody,
  generateSignerKey,
  keyId,
  openCheckpoint,
  parseVerifierKey,
  signCheckpoint,
  verifierKeyFromSignerKey,
} from './checkpoint.js';
import { thrownCode } from '../test-support/thrown-code.js';

const ORIGIN = 'takumo.example/audit/11111111-2222-3333-4444-555555555555';
const root = createHash('sha256').update('root').digest();
const keys = generateSignerKey(ORIGIN);

/** Splits `<name>+<id>+<base64>` (the base64 part may itself contain '+'). */
function partsOf(key: string): [string, string, string] {
  const body = key.startsWith('PRIVATE+KEY+') ? key.slice('PRIVATE+KEY+'.length) : key;
  const [name, id] = body.split('+') as [string, string];
  return [name, id, body.slice(name.length + id.length + 2)];
}

const codeOf = (fn: () => unknown): string | undefined => thrownCode(CheckpointError, fn);

describe('note keys', () => {
  it('encodes signer and verifier keys in the signed-note formats with a matching key id', () => {
    expect(keys.signerKey).toMatch(/^PRIVATE\+KEY\+takumo\.example\/audit\/[0-9a-f-]+\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    const [name, id, encoded] = partsOf(keys.verifierKey);
    expect(name).toBe(ORIGIN);
    const raw = Buffer.from(encoded, 'base64');
    expect(raw.length).toBe(33);
    expect(raw[0]).toBe(1);
    const expected = createHash('sha256').update(`${ORIGIN}\n`).update(Buffer.from([1])).update(raw.subarray(1)).digest();
    expect(id).toBe(expected.subarray(0, 4).toString('hex'));
    expect(keyId(ORIGIN, raw.subarray(1))).toEqual(expected.subarray(0, 4));
    expect(verifierKeyFromSignerKey(keys.signerKey)).toBe(keys.verifierKey);
  });

  it('interoperates with the signed-note reference example (Go sumdb/note documentation)', () => {
    const signer = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
    const verifier = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
    expect(verifierKeyFromSignerKey(signer)).toBe(verifier);
    const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    const seed = Buffer.from(partsOf(signer)[2], 'base64').subarray(1);
    const key = createPrivateKey({
      key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
      format: 'der',
      type: 'pkcs8',
    });
    const signature = Buffer.concat([Buffer.from('c74f20a3', 'hex'), sign(null, Buffer.from(text), key)]).toString('base64');
    expect(signature).toBe('x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=');
  });

  it('rejects malformed keys with a clear code and without echoing key material', () => {
    const bad = [
      '',
      'not-a-key',
      keys.verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'),
      keys.verifierKey.slice(0, -4) + 'AAA=',
      `${ORIGIN}+${partsOf(keys.verifierKey)[1]}+${Buffer.concat([Buffer.from([2]), Buffer.alloc(32)]).toString('base64')}`,
      `bad name+00000000+${Buffer.alloc(33, 1).toString('base64')}`,
    ];
    for (const key of bad) {
      expect(codeOf(() => parseVerifierKey(key))).toBe('TAKUMO_E_NOTE_KEY');
    }
    expect(codeOf(() => signCheckpoint({ origin: ORIGIN, size: 1, rootHash: root }, keys.verifierKey))).toBe('TAKUMO_E_NOTE_KEY');
    try {
      signCheckpoint({ origin: ORIGIN, size: 1, rootHash: root }, keys.signerKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+'));
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(partsOf(keys.signerKey)[2]);
    }
    expect(() => generateSignerKey('has space')).toThrow(CheckpointError);
    expect(() => generateSignerKey('a+b')).toThrow(CheckpointError);
  });
});

describe('signing and opening checkpoints', () => {
  it('round-trips a checkpoint in the C2SP layout', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 1234, rootHash: root }, keys.signerKey);
    const [body, sig] = note.split('\n\n');
    expect(body).toBe(`${ORIGIN}\n1234\n${root.toString('base64')}`);
    expect(sig).toMatch(new RegExp(`^\u2014 ${ORIGIN.replace(/\./g, '\\.')} [A-Za-z0-9+/]{91}=\n$`));
    const opened = openCheckpoint(note, keys.verifierKey, { origin: ORIGIN });
    expect(opened).toEqual({ origin: ORIGIN, size: 1234, rootHash: root, extensions: [] });
  });

  it('round-trips the empty tree and the largest safe size', () => {
    for (const size of [0, 1, Number.MAX_SAFE_INTEGER]) {
      const note = signCheckpoint({ origin: ORIGIN, size, rootHash: root }, keys.signerKey);
      expect(openCheckpoint(note, keys.verifierKey).size).toBe(size);
    }
  });

  it('rejects a checkpoint signed by another key (even one claiming the same name)', () => {
    const other = generateSignerKey(ORIGIN);
    const note = signCheckpoint({ origin: ORIGIN, size: 5, rootHash: root }, other.signerKey);
    expect(codeOf(() => openCheckpoint(note, keys.verifierKey))).toBe('TAKUMO_E_CHECKPOINT_UNVERIFIED');
  });

  it('rejects a signature line that carries the pinned key id but a wrong signature', () => {
    const other = generateSignerKey(ORIGIN);
    const forged = signCheckpoint({ origin: ORIGIN, size: 5, rootHash: root }, other.signerKey);
    const ownId = partsOf(keys.verifierKey)[1];
    const [body, sigLine] = forged.split('\n\n') as [string, string];
    const raw = Buffer.from(sigLine.trim().split(' ')[2]!, 'base64');
    Buffer.from(ownId, 'hex').copy(raw, 0);
    const note = `${body}\n\n\u2014 ${ORIGIN} ${raw.toString('base64')}\n`;
    expect(codeOf(() => openCheckpoint(note, keys.verifierKey))).toBe('TAKUMO_E_CHECKPOINT_BAD_SIGNATURE');
  });

  it('ignores signatures by unknown keys (rotation, witnesses) when the pinned key also signed', () => {
    const witness = generateSignerKey('witness.example');
    const ours = signCheckpoint({ origin: ORIGIN, size: 9, rootHash: root }, keys.signerKey);
    const theirs = signCheckpoint({ origin: ORIGIN, size: 9, rootHash: root }, witness.signerKey);
    const cosigned = ours + theirs.split('\n\n')[1];
    const witnessFirst = `${ours.split('\n\n')[0]}\n\n${theirs.split('\n\n')[1]}${ours.split('\n\n')[1]}`;
    expect(openCheckpoint(cosigned, keys.verifierKey).size).toBe(9);
    expect(openCheckpoint(witnessFirst, keys.verifierKey).size).toBe(9);
    expect(openCheckpoint(cosigned, witness.verifierKey).size).toBe(9);
  });

  it('rejects every edit of the signed body', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 42, rootHash: root }, keys.signerKey);
    const variants = [
      note.replace('\n42\n', '\n43\n'),
      note.replace(ORIGIN, `${ORIGIN}x`),
      note.replace(root.toString('base64'), createHash('sha256').update('other').digest('base64')),
      note.replace('\n\n', '\nextension\n\n'),
    ];
    for (const v of variants) expect(codeOf(() => openCheckpoint(v, keys.verifierKey))).toBe('TAKUMO_E_CHECKPOINT_BAD_SIGNATURE');
  });

  it('rejects a checkpoint for another log when an origin is expected', () => {
    const note = signCheckpoint({ origin: 'takumo.example/audit/other', size: 1, rootHash: root }, keys.signerKey);
    expect(codeOf(() => openCheckpoint(note, keys.verifierKey, { origin: ORIGIN }))).toBe('TAKUMO_E_CHECKPOINT_ORIGIN');
  });

  it('parses strictly: malformed notes are refused before any trust is given', () => {
    const sigFor = (body: string) => {
      const seed = Buffer.from(partsOf(keys.signerKey)[2], 'base64').subarray(1);
      const key = createPrivateKey({
        key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]),
        format: 'der',
        type: 'pkcs8',
      });
      const id = Buffer.from(partsOf(keys.verifierKey)[1], 'hex');
      return `${body}\n\u2014 ${ORIGIN} ${Buffer.concat([id, sign(null, Buffer.from(body), key)]).toString('base64')}\n`;
    };
    const r = root.toString('base64');
    // Properly signed, but the body itself is not a valid checkpoint.
    const badBodies = [
      `${ORIGIN}\n042\n${r}\n`,
      `${ORIGIN}\n-1\n${r}\n`,
      `${ORIGIN}\n1e3\n${r}\n`,
      `${ORIGIN}\n99999999999999999\n${r}\n`,
      `${ORIGIN}\n1\n${root.subarray(0, 31).toString('base64')}\n`,
      `${ORIGIN}\n1\n${r.replace(/=$/, '')}\n`,
      `${ORIGIN}\n1\n`,
      `\n1\n${r}\n`,
    ];
    for (const body of badBodies) expect(codeOf(() => openCheckpoint(sigFor(body), keys.verifierKey)), body).toBe('TAKUMO_E_CHECKPOINT_MALFORMED');
    expect(openCheckpoint(sigFor(`${ORIGIN}\n7\n${r}\next-line\n`), keys.verifierKey).extensions).toEqual(['ext-line']);

    const good = signCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }, keys.signerKey);
    const malformedNotes = [
      good.replace('\n\n', '\n'), // no blank line before the signatures
      good.slice(0, -1), // no final newline
      good.replace(/\n/g, '\r\n'),
      good.replace('\u2014', '-'),
      good.replace('\u2014 ', '\u2014'),
      `${good}\u2014 ${ORIGIN} !!!!\n`,
      `${good}\u2014 ${ORIGIN} AAAA\n`,
      good.replace(ORIGIN, `${ORIGIN}\u0007`),
      `${good.split('\n\n')[0]}\n\n`,
      good + `\u2014 w ${Buffer.alloc(68).toString('base64')}\n`.repeat(100),
    ];
    for (const note of malformedNotes) expect(codeOf(() => openCheckpoint(note, keys.verifierKey))).toBe('TAKUMO_E_CHECKPOINT_MALFORMED');
  });

  it('refuses to sign an invalid checkpoint', () => {
    expect(() => formatCheckpointBody({ origin: '', size: 1, rootHash: root })).toThrow(CheckpointError);
    expect(() => formatCheckpointBody({ origin: 'a\nb', size: 1, rootHash: root })).toThrow(CheckpointError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, size: -1, rootHash: root })).toThrow(CheckpointError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, size: 1.5, rootHash: root })).toThrow(CheckpointError);
    expect(() => formatCheckpointBody({ origin: ORIGIN, size: 1, rootHash: root.subarray(1) })).toThrow(CheckpointError);
  });

  it('any single-character change anywhere in a signed note makes it fail (property)', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 77, rootHash: root }, keys.signerKey);
    fc.assert(
      fc.property(fc.nat({ max: note.length - 1 }), fc.constantFrom(...'aZ09+/=\n \u2014x'), (position, replacement) => {
        fc.pre(note[position] !== replacement);
        const changed = note.slice(0, position) + replacement + note.slice(position + 1);
        expect(() => openCheckpoint(changed, keys.verifierKey, { origin: ORIGIN })).toThrow(CheckpointError);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips arbitrary origins, sizes and roots (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9./:_-]{1,60}$/),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (origin, size, rootBytes) => {
          const rootHash = Buffer.from(rootBytes);
          const opened = openCheckpoint(signCheckpoint({ origin, size, rootHash }, keys.signerKey), keys.verifierKey);
          expect(opened).toEqual({ origin, size, rootHash, extensions: [] });
        },
      ),
      { numRuns: 200 },
    );
  });
});
