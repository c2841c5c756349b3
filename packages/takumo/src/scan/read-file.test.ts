import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ReusableFileReader } from './read-file.js';

const dir = mkdtempSync(join(tmpdir(), 'takumo-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ReusableFileReader', () => {
  it('returns exactly each file’s bytes, whether smaller or larger than its buffer', () => {
    const reader = new ReusableFileReader(16);
    let n = 0;
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const file = join(dir, `f${n++}`);
        writeFileSync(file, bytes);
        expect(Buffer.from(reader.read(file))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('reads a file up to the size limit and leaves a larger one unread', () => {
    const reader = new ReusableFileReader(16);
    const file = join(dir, 'sized');
    writeFileSync(file, 'x'.repeat(100));
    expect(reader.read(file, 100)?.length).toBe(100);
    expect(reader.read(file, 99)).toBeUndefined();
    expect(reader.read(file)?.length).toBe(100);
  });

  it('throws the fs error code for a missing file and for a folder', () => {
    const reader = new ReusableFileReader();
    expect(() => reader.read(join(dir, 'missing'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    mkdirSync(join(dir, 'sub'));
    expect(() => reader.read(join(dir, 'sub'))).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
