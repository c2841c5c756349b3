import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WASM_WINDOW } from './keyword-scanner-wasm.js';
import { KeywordScanner, type KeywordScannerOptions } from './keyword-scanner.js';

interface Scan {
  found: number[];
  positions: (number[] | undefined)[];
  nonAscii: boolean;
}

function scanWith(keywords: readonly string[], text: string, options: KeywordScannerOptions, scanner = new KeywordScanner(keywords, options)): Scan {
  const found = new Uint8Array(keywords.length);
  const positions: (number[] | undefined)[] = new Array<number[] | undefined>(keywords.length).fill(undefined);
  const nonAscii = scanner.scan(text, found, new Uint8Array(keywords.length).fill(1), positions);
  return { found: [...found], positions, nonAscii };
}
const jsScan = (keywords: readonly string[], text: string): Scan => scanWith(keywords, text, { wasmThreshold: Infinity });

/** The scanner's WebAssembly loop, if it made one (a test of the WebAssembly path must know it ran). */
const wasmOf = (scanner: KeywordScanner): { failed: boolean; bytes: Uint8Array; textAt: number } | null | undefined =>
  (scanner as unknown as { wasm: { failed: boolean; bytes: Uint8Array; textAt: number } | null | undefined }).wasm;

function occurrences(text: string, keyword: string): number[] {
  const lower = text.toLowerCase();
  const at: number[] = [];
  for (let i = lower.indexOf(keyword); i >= 0; i = lower.indexOf(keyword, i + 1)) at.push(i);
  return at;
}

const keywordArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_', '-'), minLength: 1, maxLength: 7 });
/** Texts of keyword fragments (whole, cut, upper case), ASCII noise and non-ASCII characters (lone surrogates too). */
const textArb = (keywords: string[], maxPieces: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...keywords),
        fc.constantFrom(...keywords).chain((k) => fc.integer({ min: 0, max: k.length }).map((cut) => k.slice(0, cut))),
        fc.constantFrom(...keywords).map((k) => k.toUpperCase()),
        fc.string({ unit: fc.constantFrom('a', 'b', 'x', ' ', '\n', '_'), maxLength: 6 }),
        fc.constantFrom('é', '\u00ff', '\u0100', '中', '\ud800', '\udc00', '😀', '\u0080'),
      ),
      { maxLength: maxPieces },
    )
    .map((pieces) => pieces.join(''));

describe('KeywordScanner, WebAssembly loop', () => {
  it('runs in this runtime (else the tests below would compare the JS loop with itself)', () => {
    const scanner = new KeywordScanner(['ab'], { wasmThreshold: 0 });
    scanner.scan('xxab', new Uint8Array(1));
    expect(wasmOf(scanner)).toBeTruthy();
    expect(wasmOf(scanner)!.failed).toBe(false);
  });

  it('finds the same keywords, positions and non-ASCII answer as the JS loop, for any text, threshold and window', () => {
    fc.assert(
      fc.property(
        fc.array(keywordArb, { minLength: 1, maxLength: 8 }).chain((keywords) => fc.tuple(fc.constant(keywords), textArb(keywords, 80))),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 48 }),
        ([keywords, text], threshold, window) => {
          const wasm = new KeywordScanner(keywords, { wasmThreshold: threshold, wasmWindow: window });
          // Every length from 0 up: the threshold, each window's end and every segment boundary are crossed.
          // The step grows past 32 characters, so the whole text is scanned last in any case: the check
          // below needs a scan of text.length characters (a text exactly at the threshold once built none).
          for (let n = 0; ; n = Math.min(text.length, n + 1 + (n >> 5))) {
            const slice = text.slice(0, n);
            expect(scanWith(keywords, slice, {}, wasm)).toEqual(jsScan(keywords, slice));
            if (n === text.length) break;
          }
          if (text.length >= threshold) expect(wasmOf(wasm)?.failed).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds keywords straddling every segment boundary of a window, at the default threshold and window', () => {
    const keywords = ['password', 'key', 'x'];
    for (const length of [4095, 4096, 4097, 4099, 10_000, 65_537]) {
      const quarter = Math.ceil(length / 4);
      // Ending just before each boundary, crossing it (at three places), starting on it.
      for (const offset of [-8, -7, -4, -1, 0]) {
        const chars = Array.from({ length }, (_, i) => '.,; '[i % 4]!);
        for (const boundary of [quarter, 2 * quarter, 3 * quarter]) for (let i = 0; i < 8; i++) chars[boundary + offset + i] = 'password'[i]!;
        // And one at each end of the text.
        for (let i = 0; i < 3; i++) chars[i] = 'key'[i]!;
        chars[length - 1] = 'x';
        const text = chars.join('');
        const scanner = new KeywordScanner(keywords);
        const result = scanWith(keywords, text, {}, scanner);
        expect(wasmOf(scanner) !== undefined).toBe(length >= 4096);
        expect(result.positions[0]).toEqual([quarter + offset, 2 * quarter + offset, 3 * quarter + offset]);
        expect(result.positions[1]).toEqual([0]);
        expect(result.positions[2]).toEqual(occurrences(text, 'x'));
        expect(result.positions[2]!.at(-1)).toBe(length - 1);
        expect(result).toEqual(jsScan(keywords, text));
      }
    }
  });

  it('finds keywords straddling window boundaries, with the default window', () => {
    const keywords = ['secret_key', 'less', 'k'];
    const length = 2 * WASM_WINDOW + 16;
    // Ending just before the boundary, on it, crossing it, starting on it.
    for (const offset of [-10, -9, -5, -1, 0]) {
      const chars = new Array<string>(length).fill('-');
      for (const boundary of [WASM_WINDOW, 2 * WASM_WINDOW]) for (let i = 0; i < 10; i++) chars[boundary + offset + i] = 'secret_key'[i]!;
      const text = chars.join('').slice(0, length);
      const result = scanWith(keywords, text, {});
      expect(result.positions[0]).toEqual([WASM_WINDOW + offset, 2 * WASM_WINDOW + offset]);
      expect(result).toEqual(jsScan(keywords, text));
    }
  });

  it('finds a keyword across every window boundary of a small window, and across every segment', () => {
    const keywords = ['abcdef', 'f'];
    for (const window of [6, 7, 8, 13, 24]) {
      for (let offset = 0; offset < 6; offset++) {
        const text = (' '.repeat(offset) + 'abcdef').repeat(40);
        const result = scanWith(keywords, text, { wasmThreshold: 0, wasmWindow: window });
        expect(result.positions[0]).toEqual(occurrences(text, 'abcdef'));
        expect(result).toEqual(jsScan(keywords, text));
      }
    }
  });

  it('zeroes the copied text after each scan, and still scans the next text right', () => {
    const keywords = ['token'];
    const scanner = new KeywordScanner(keywords, { wasmThreshold: 0, wasmWindow: 64 });
    const secret = 'token = Xk2mP9qR7vL4nZ8wQ3tYAb1C\n'.repeat(10);
    scanWith(keywords, secret, {}, scanner);
    const wasm = wasmOf(scanner)!;
    expect(wasm.bytes.subarray(wasm.textAt).every((b) => b === 0)).toBe(true);
    expect(scanWith(keywords, secret, {}, scanner)).toEqual(jsScan(keywords, secret));
  });

  it('falls back to the JS loop when the WebAssembly memory cannot be had', () => {
    const keywords = ['pass', 'word'];
    const text = 'password é '.repeat(50);
    // A window of 2^32 characters asks for more than WebAssembly's 4 GB: the memory is refused.
    const scanner = new KeywordScanner(keywords, { wasmThreshold: 0, wasmWindow: 2 ** 32 });
    expect(scanWith(keywords, text, {}, scanner)).toEqual(jsScan(keywords, text));
    expect(wasmOf(scanner)).toBeNull();
  });

  it('loses no hit when a call into WebAssembly fails part way: the JS loop scans the rest', () => {
    const keywords = ['abcdef', 'c'];
    const text = 'xxabcdefyy é abcdef'.repeat(30);
    const scanner = new KeywordScanner(keywords, { wasmThreshold: 0, wasmWindow: 16 });
    scanWith(keywords, 'warm up', {}, scanner);
    const wasm = wasmOf(scanner) as unknown as { scanFn: (...args: number[]) => void };
    const real = wasm.scanFn;
    let calls = 0;
    wasm.scanFn = (...args) => {
      if (++calls === 5) throw new Error('simulated trap');
      return real(...args);
    };
    expect(scanWith(keywords, text, {}, scanner)).toEqual(jsScan(keywords, text));
    expect(calls).toBe(5);
    // The scanner stays on the JS loop from then on.
    expect(wasmOf(scanner)).toBeNull();
    expect(scanWith(keywords, text, {}, scanner)).toEqual(jsScan(keywords, text));
  });

  it('loses no hit when a call of the ASCII loop fails part way: the JS loop scans the rest', () => {
    const keywords = ['abcdef', 'c'];
    const text = 'xxabcdefyy - abcdef'.repeat(30);
    const scanner = new KeywordScanner(keywords, { wasmThreshold: 0, wasmWindow: 16 });
    scanWith(keywords, 'warm up', {}, scanner);
    const wasm = wasmOf(scanner) as unknown as { scan8Fn: (steps: number) => void };
    const real = wasm.scan8Fn;
    let calls = 0;
    wasm.scan8Fn = (steps) => {
      if (++calls === 5) throw new Error('simulated trap');
      real(steps);
    };
    expect(scanWith(keywords, text, {}, scanner)).toEqual(jsScan(keywords, text));
    expect(calls).toBe(5);
    expect(wasmOf(scanner)).toBeNull();
  });

  it('survives a megabyte of one keyword repeated, every position a hit', () => {
    const keywords = ['a', 'aa', 'password'];
    for (const text of ['a'.repeat(1 << 20), 'password'.repeat((1 << 20) / 8)]) {
      const result = scanWith(keywords, text, {});
      expect(result).toEqual(jsScan(keywords, text));
    }
    expect(scanWith(keywords, 'a'.repeat(1 << 20), {}).positions[0]!.length).toBe(1 << 20);
  });
});
