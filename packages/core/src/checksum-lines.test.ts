import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isChecksumLineDigest } from './checksum-lines.js';
import { createDetector } from './index.js';

const SHA256 = 'cad1edf319a2ab2d5235c649ede4cbe6299c76dcd1ef3fe5b5b17863e25887f3';
const MD5 = '09e2ffb1690331b9818d5638b0ad8bb3';
const KEY = '5c1e9a7f03b84d26e8a1c4f7092b6d3e81f5a0c7d4e92b6f1a83c05d7e9f2b4a';

/** Whether the first place of `digest` in `text` is a checksum line's digest. */
function digestAt(text: string, digest: string): boolean {
  const start = text.indexOf(digest);
  return isChecksumLineDigest(text, start, start + digest.length);
}

describe('a checksum list line', () => {
  it("knows a digest that sha256sum or md5sum reads back with -c: echoed, in a here-string, in a sums file, in a code span", () => {
    expect(digestAt(`echo "${SHA256}  /usr/local/bin/vault" | sha256sum -c -\n`, SHA256)).toBe(true);
    expect(digestAt(`sha256sum -c <<< '${SHA256}  manifest.json'\n`, SHA256)).toBe(true);
    expect(digestAt(`${SHA256}  ledgerctl_2.4.1_linux_amd64.tar.gz\n${SHA256.toUpperCase()} *setup.exe\n`, SHA256)).toBe(true);
    expect(digestAt(`x\n${SHA256.toUpperCase()} *setup.exe\n`, SHA256.toUpperCase())).toBe(true);
    expect(digestAt(`md5sum -c <<< "${MD5}  contigs/$CHUNK"\n`, MD5)).toBe(true);
    expect(digestAt(`Verify the export: \`${SHA256}  gait-2024.tar.zst\`.\n`, SHA256)).toBe(true);
    expect(digestAt(`steps:\n    # ${SHA256}  target/orders-service-2.14.3.jar\n`, SHA256)).toBe(true);
  });

  it('leaves hex that is no digest of a named file: one space, a word with no extension or folder, a label before it', () => {
    expect(digestAt(`vault operator unseal ${SHA256} /usr/local/bin/vault\n`, SHA256)).toBe(false);
    expect(digestAt(`${SHA256}  staging\n`, SHA256)).toBe(false);
    expect(digestAt(`STAGING_KEY  ${SHA256}  staging.acme.lan\n`, SHA256)).toBe(false);
    expect(digestAt(`api_key: ${SHA256}  # prod\n`, SHA256)).toBe(false);
    // Not a digest's length, or hex of mixed case (no checksum tool prints that).
    expect(digestAt(`echo "${SHA256}ab  vault.zip"\n`, `${SHA256}ab`)).toBe(false);
    expect(digestAt(`echo "${SHA256.slice(0, 32)}${SHA256.slice(32).toUpperCase()}  vault.zip"\n`, `${SHA256.slice(0, 32)}${SHA256.slice(32).toUpperCase()}`)).toBe(false);
  });

  it('reads a bounded stretch around the digest, however long its line', () => {
    const long = `${'x'.repeat(100_000)} ${SHA256}  ${'a'.repeat(100_000)}.tgz`;
    expect(digestAt(long, SHA256)).toBe(false);
  });

  it('is never true for a span that is not hex of a checksum tool\'s length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(200), fc.nat(200), (text, a, b) => {
        const start = Math.min(a, b, text.length);
        const end = Math.min(Math.max(a, b), text.length);
        const span = text.slice(start, end);
        if (isChecksumLineDigest(text, start, end)) expect(span).toMatch(/^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}|[0-9A-F]{32}|[0-9A-F]{40}|[0-9A-F]{56}|[0-9A-F]{64}|[0-9A-F]{96}|[0-9A-F]{128})$/);
      }),
    );
  });

  it('keeps any rule from reporting the digest, and leaves the secrets on the lines around it', () => {
    const detector = createDetector();
    const script = [
      '# the vault VM does not auto-unseal',
      `echo "${SHA256}  /usr/local/bin/vault" | sha256sum -c -`,
      `export API_KEY="${KEY}"`,
      '',
    ].join('\n');
    const found = detector.detect(script, { file: 'bootstrap.sh' }).map((f) => ({ line: f.line, value: script.slice(f.start, f.end) }));
    expect(found).toEqual([{ line: 3, value: KEY }]);
  });
});
