import { describe, expect, it } from 'vitest';
import { checkRegexSafety } from './regex-safety.js';
import { builtinRules, createDetector, TakumoError } from './index.js';

describe('checkRegexSafety', () => {
  it('accepts bounded, non-nested patterns', () => {
    expect(checkRegexSafety(/ghp_[A-Za-z0-9]{36}/)).toEqual([]);
    expect(checkRegexSafety(/(?:a|b){1,3}c/)).toEqual([]);
    expect(checkRegexSafety(/(?:\s{1,4}-force)?x/)).toEqual([]);
    expect(checkRegexSafety(/[+*]{0,3}\*\+/)).toEqual([]);
  });

  it('flags unbounded quantifiers', () => {
    expect(checkRegexSafety(/a+b/).map((p) => p.kind)).toEqual(['unbounded-quantifier']);
    expect(checkRegexSafety(/a*/).map((p) => p.kind)).toEqual(['unbounded-quantifier']);
    expect(checkRegexSafety(/a{2,}/).map((p) => p.kind)).toEqual(['unbounded-quantifier']);
  });

  it('flags a repeated group that itself repeats', () => {
    expect(checkRegexSafety(/(?:\w{1,9}\.){1,9}/).map((p) => p.kind)).toContain('nested-quantifier');
    expect(checkRegexSafety('(a?){2,5}').map((p) => p.kind)).toContain('nested-quantifier');
  });

  it('flags back-references', () => {
    expect(checkRegexSafety(/(["'])x\1/).map((p) => p.kind)).toEqual(['backreference']);
    expect(checkRegexSafety(/(?<q>["'])x\k<q>/).map((p) => p.kind)).toEqual(['backreference']);
  });

  it('is not fooled by quantifier characters inside classes or escapes', () => {
    expect(checkRegexSafety(/[a+]{1,2}\+\*/)).toEqual([]);
    expect(checkRegexSafety(/\{2,\}/)).toEqual([]);
  });
});

describe('every rule pattern is linear-time', () => {
  for (const rule of builtinRules) {
    it(`${rule.id} has no unbounded or nested quantifier`, () => {
      expect(checkRegexSafety(rule.pattern), rule.pattern.source).toEqual([]);
    });
  }
});

describe('config rules and allowlist patterns', () => {
  const base = { id: 'x', category: 'KEY' as const, description: 'x', keywords: ['x'], confidence: 'high' as const, examples: { match: [], noMatch: [] } };

  it('refuses an extra rule whose pattern could stall the scanner', () => {
    expect(() => createDetector({ extraRules: [{ ...base, pattern: /(a+)+b/ }] })).toThrow(TakumoError);
  });

  it('refuses an allowlist pattern that could stall the scanner', () => {
    expect(() => createDetector({ allowlist: { patterns: ['(x+)+y'] } })).toThrow(/not linear-time/);
  });

  it('accepts a bounded extra rule and runs it', () => {
    const d = createDetector({ extraRules: [{ ...base, keywords: ['acme_'], pattern: /acme_[a-z0-9]{12}/ }] });
    expect(d.detect('token acme_abcdef123456 here').map((f) => f.rule)).toContain('x');
  });
});
