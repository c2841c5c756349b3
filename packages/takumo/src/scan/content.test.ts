import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeContent } from './content.js';

describe('decodeContent', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    expect(decodeContent(Buffer.from('\uFEFFkey = "välue"\n'))).toEqual({ kind: 'text', text: 'key = "välue"\n', encoding: 'utf8' });
  });

  it('treats a NUL byte in the first 8000 bytes as binary', () => {
    expect(decodeContent(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]))).toEqual({ kind: 'binary' });
  });

  it('decodes UTF-16 with a byte-order mark instead of calling it binary', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('password=hunter22\n', 'utf16le')]);
    expect(decodeContent(le)).toMatchObject({ kind: 'text', text: 'password=hunter22\n', encoding: 'utf16le' });
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeContent(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({ text: 'password=hunter22\n', encoding: 'utf16be' });
  });

  it('scans mostly-text files with invalid UTF-8, keeping the ASCII intact', () => {
    const bytes = Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from(' token=abc\n')]);
    expect(decodeContent(bytes)).toEqual({ kind: 'text', text: 'caf\uFFFD token=abc\n', encoding: 'lossy-utf8' });
  });

  it('calls random high bytes binary', () => {
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    expect(decodeContent(noise)).toEqual({ kind: 'binary' });
  });

  it('treats an empty file as empty text', () => {
    expect(decodeContent(new Uint8Array(0))).toEqual({ kind: 'text', text: '', encoding: 'utf8' });
  });

  it('decodes every valid UTF-8 string without a NUL back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        const text = s.replace(/\0/g, '').replace(/^\uFEFF/, '');
        expect(decodeContent(Buffer.from(text, 'utf8'))).toEqual({ kind: 'text', text, encoding: 'utf8' });
      }),
    );
  });
});
