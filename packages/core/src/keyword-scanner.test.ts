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
