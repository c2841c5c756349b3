import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexOfBelow, lastIndexOfAbove, lineBreakCursor } from './line-index.js';

/** The definitions the bounded searches must agree with, by brute force. */
function naiveLast(text: string, search: string, from: number, floor: number): number {
  for (let i = Math.min(from, text.length); i >= Math.max(0, floor); i--) if (text.startsWith(search, i)) return i;
  return -1;
}
function naiveFirst(text: string, search: string, from: number, limit: number): number {
  for (let i = Math.max(0, from); i < Math.min(limit, text.length + 1); i++) if (text.startsWith(search, i)) return i;
  return -1;
}

describe('lastIndexOfAbove', () => {
  it('finds the last occurrence at or before the offset, as lastIndexOf does', () => {
    expect(lastIndexOfAbove('a#b#c', '#', 4, 0)).toBe(3);
    expect(lastIndexOfAbove('a#b#c', '#', 2, 0)).toBe(1);
    expect(lastIndexOfAbove('class A: class B', 'class', 20, 0)).toBe(9);
  });

  it('stops at the floor: an occurrence below it is not found', () => {
    expect(lastIndexOfAbove('#abcdef', '#', 6, 1)).toBe(-1);
    expect(lastIndexOfAbove('#abcdef', '#', 6, 0)).toBe(0);
    expect(lastIndexOfAbove('xx<appender', '<appender', 10, 2)).toBe(2);
    expect(lastIndexOfAbove('xx<appender', '<appender', 10, 3)).toBe(-1);
  });

  it('finds an occurrence that starts at the offset and runs past it', () => {
    expect(lastIndexOfAbove('ab</appender>', '</appender>', 2, 0)).toBe(2);
    expect(lastIndexOfAbove('ab</appender>', '</appender>', 1, 0)).toBe(-1);
  });

  it('agrees with a search one offset at a time', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab#]{0,30}$/), fc.constantFrom('#', 'a', 'ab', 'b#a'), fc.integer({ min: -3, max: 35 }), fc.integer({ min: -3, max: 35 }), (text, search, from, floor) => {
        expect(lastIndexOfAbove(text, search, from, floor)).toBe(naiveLast(text, search, from, floor));
      }),
    );
  });
});

describe('indexOfBelow', () => {
  it('finds the first occurrence at or after the offset and before the limit', () => {
    expect(indexOfBelow('[::1]:5432', ']', 0, 61)).toBe(4);
    expect(indexOfBelow('[::1]:5432', ']', 0, 4)).toBe(-1);
    expect(indexOfBelow('[::1]:5432', ']', 0, 5)).toBe(4);
    expect(indexOfBelow('a]b]', ']', 2, 10)).toBe(3);
  });

  it('agrees with a search one offset at a time', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab\]]{0,30}$/), fc.constantFrom(']', 'a', 'ab', 'b]a'), fc.integer({ min: -3, max: 35 }), fc.integer({ min: -3, max: 35 }), (text, search, from, limit) => {
        expect(indexOfBelow(text, search, from, limit)).toBe(naiveFirst(text, search, from, limit));
      }),
    );
  });
});

describe('lineBreakCursor', () => {
  it("answers as indexOf('\\n') does, at offsets in order and out of it", () => {
    const text = 'ab\ncd\n\nef';
    const nextBreak = lineBreakCursor(text);
    expect([0, 1, 2, 3, 5, 6, 7, 8, 9].map(nextBreak)).toEqual([2, 2, 2, 5, 5, 6, -1, -1, -1]);
    expect(nextBreak(0)).toBe(2);
    expect(nextBreak(4)).toBe(5);
  });

  it('agrees with indexOf for any sequence of offsets', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a\n]{0,30}$/), fc.array(fc.integer({ min: -2, max: 33 }), { maxLength: 20 }), (text, offsets) => {
        const nextBreak = lineBreakCursor(text);
        for (const from of offsets) expect(nextBreak(from)).toBe(text.indexOf('\n', from));
      }),
    );
  });
});
