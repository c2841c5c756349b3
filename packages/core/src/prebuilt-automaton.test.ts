import { afterEach, describe, expect, it } from 'vitest';
import { builtinAutomatonImage } from './bundle-entry.js';
import { scannerKeywordIds } from './detector.js';
import { buildAutomaton, KeywordScanner, lowerKeywords, type KeywordAutomaton } from './keyword-scanner.js';
import { encodeAutomaton, prebuiltAutomaton, usePrebuiltAutomaton } from './prebuilt-automaton.js';
import { builtinRulesFor } from './rules/index.js';

const builtinKeywords = (internalDomains: string[] = []): string[] => [...scannerKeywordIds(builtinRulesFor(internalDomains)).keys()];

/** Every keyword's found flag and offsets, as a scanner reports them for `text`. */
function scanned(scanner: KeywordScanner, text: string): { found: number[]; positions: (number[] | undefined)[] } {
  const found = new Uint8Array(scanner.keywordCount);
  const positions: (number[] | undefined)[] = [];
  scanner.scan(text, found, new Uint8Array(scanner.keywordCount).fill(1), positions);
  return { found: [...found], positions };
}

/** Compares the table as bytes: a deep comparison of its 700,000 entries took seconds. */
function expectSameAutomaton(read: KeywordAutomaton | undefined, built: KeywordAutomaton): void {
  expect(read).toBeDefined();
  const { table, ...rest } = read!;
  const { table: builtTable, ...builtRest } = built;
  expect(Buffer.from(table.buffer, table.byteOffset, table.byteLength).equals(Buffer.from(builtTable.buffer, builtTable.byteOffset, builtTable.byteLength))).toBe(true);
  expect(rest).toEqual(builtRest);
}

afterEach(() => usePrebuiltAutomaton(undefined));

describe('the keyword automaton made at build time', () => {
  it('reads back exactly the automaton built from the built-in rules', () => {
    const lowered = lowerKeywords(builtinKeywords());
    usePrebuiltAutomaton(builtinAutomatonImage());
    expectSameAutomaton(prebuiltAutomaton(lowered), buildAutomaton(lowered));
  });

  it('gives a scanner that finds what a built one finds, in the JS loop and in WebAssembly', () => {
    const keywords = builtinKeywords();
    const built = new KeywordScanner(keywords);
    usePrebuiltAutomaton(builtinAutomatonImage());
    const prebuilt = new KeywordScanner(keywords);
    const text = 'DB_PASSWORD=hunter2\naws_secret_access_key = "x"\n# takumo:allow\nghp_ and xoxb- tokens, é, Authorization: Bearer …\n';
    expect(scanned(prebuilt, text)).toEqual(scanned(built, text));
    const long = text.repeat(200);
    expect(long.length).toBeGreaterThan(4096);
    expect(scanned(prebuilt, long)).toEqual(scanned(built, long));
  });

  it('is left aside for any other keyword list, which is built as before', () => {
    usePrebuiltAutomaton(builtinAutomatonImage());
    expect(prebuiltAutomaton(lowerKeywords(builtinKeywords(['acme.example'])))).toBeUndefined();
    expect(prebuiltAutomaton(lowerKeywords(builtinKeywords().slice(1)))).toBeUndefined();
    const renamed = builtinKeywords();
    renamed[5] = renamed[5]!.replace(/.$/, (c) => (c === 'x' ? 'y' : 'x'));
    expect(prebuiltAutomaton(lowerKeywords(renamed))).toBeUndefined();
    const scanner = new KeywordScanner(['pass', 'word']);
    expect(scanned(scanner, 'password').found).toEqual([1, 1]);
  });

  it('is ignored when it does not read back whole', () => {
    const lowered = lowerKeywords(['pass', 'sword', 'word', 'x~y']);
    const image = encodeAutomaton(lowered, buildAutomaton(lowered));
    usePrebuiltAutomaton(image);
    expectSameAutomaton(prebuiltAutomaton(lowered), buildAutomaton(lowered));
    usePrebuiltAutomaton(image.subarray(0, image.length - 1));
    expect(prebuiltAutomaton(lowered)).toBeUndefined();
    const otherLayout = image.slice();
    otherLayout[0] = otherLayout[0]! ^ 1;
    usePrebuiltAutomaton(otherLayout);
    expect(prebuiltAutomaton(lowered)).toBeUndefined();
    // An image not aligned in its buffer is read from a copy.
    const shifted = new Uint8Array(image.length + 1);
    shifted.set(image, 1);
    usePrebuiltAutomaton(shifted.subarray(1));
    expectSameAutomaton(prebuiltAutomaton(lowered), buildAutomaton(lowered));
  });
});
