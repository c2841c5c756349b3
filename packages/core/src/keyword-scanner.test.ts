import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordScanner } from './keyword-scanner.js';

function naive(keywords: string[], text: string): boolean[] {
  const lower = text.toLowerCase();
  return keywords.map((k) => lower.includes(k.toLowerCase()));
}

describe('KeywordScanner', () => {
  it('reports exactly the keywords a case-insensitive search finds', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', 'B', '_', '-', 'c', 'é', '\n');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', 'c', '_', '-'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.string({ unit: alphabet, maxLength: 60 }),
        (keywords, text) => {
          const scanner = new KeywordScanner(keywords);
          const found = new Uint8Array(keywords.length);
          scanner.scan(text, found);
          expect([...found].map((v) => v === 1)).toEqual(naive(keywords, text));
        },
      ),
    );
  });

  it('stays exact when keywords use more characters than the table has columns (the rarest share one)', () => {
    // Printable ASCII: 94 characters, more than the 63 a row holds, so some must share a class.
    const printable = fc.integer({ min: 33, max: 126 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: printable, minLength: 1, maxLength: 3 }), { minLength: 40, maxLength: 120 }),
        fc.string({ unit: fc.oneof(printable, fc.constantFrom(' ', 'é')), maxLength: 200 }),
        (keywords, text) => {
          const scanner = new KeywordScanner(keywords);
          const found = new Uint8Array(keywords.length);
          const positions: (number[] | undefined)[] = [];
          scanner.scan(text, found, new Uint8Array(keywords.length).fill(1), positions);
          expect([...found].map((v) => v === 1)).toEqual(naive(keywords, text));
          keywords.forEach((k, id) => {
            const expected: number[] = [];
            for (let i = text.toLowerCase().indexOf(k.toLowerCase()); i >= 0; i = text.toLowerCase().indexOf(k.toLowerCase(), i + 1)) expected.push(i);
            expect(positions[id] ?? []).toEqual(expected);
          });
        },
      ),
    );
  });

  it('tells apart keywords that differ only in characters of the shared class', () => {
    // 64 characters used by two keywords each, and `?` and `~` by one each: past the 63 a row holds,
    // so the least used, `?` and `~` among them, share one class.
    const common = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).filter((c) => !/[A-Z?~xy]/.test(c));
    const keywords = [...common, ...common.map((c) => c + c), 'x?y', 'x~y'];
    const scanner = new KeywordScanner(keywords);
    const found = new Uint8Array(keywords.length);
    const positions: (number[] | undefined)[] = [];
    scanner.scan('.. X~Y ..', found, new Uint8Array(keywords.length).fill(1), positions);
    expect(found[keywords.indexOf('x~y')]).toBe(1);
    expect(positions[keywords.indexOf('x~y')]).toEqual([3]);
    expect(found[keywords.indexOf('x?y')]).toBe(0);
    expect(positions[keywords.indexOf('x?y')]).toBeUndefined();
  });

  it('records the start offset of every occurrence of tracked keywords', () => {
    const scanner = new KeywordScanner(['pass', 'sword', 'word']);
    const found = new Uint8Array(3);
    const positions: (number[] | undefined)[] = [];
    scanner.scan('password PASSWORD', found, Uint8Array.of(1, 0, 1), positions);
    expect(positions[0]).toEqual([0, 9]);
    expect(positions[1]).toBeUndefined();
    expect(positions[2]).toEqual([4, 13]);
    expect([...found]).toEqual([1, 1, 1]);
  });

  it('refuses empty and non-ASCII keywords', () => {
    expect(() => new KeywordScanner([''])).toThrow(RangeError);
    expect(() => new KeywordScanner(['clé'])).toThrow(RangeError);
  });
});
