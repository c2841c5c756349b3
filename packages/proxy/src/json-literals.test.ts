import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteJsonStringLiterals } from './json-literals.js';

const upper = (s: string): string => s.replace(/secret/g, 'TOKEN_X');

describe('rewriteJsonStringLiterals', () => {
  it('rewrites values and keeps every other byte (spacing, order, numbers)', () => {
    const src = '{ "cmd" :  "echo secret",\n  "n": 1.50, "list": ["a", "secret\\n"] }';
    expect(rewriteJsonStringLiterals(src, upper)).toBe('{ "cmd" :  "echo TOKEN_X",\n  "n": 1.50, "list": ["a", "TOKEN_X\\n"] }');
  });

  it('returns the very same string when nothing changes', () => {
    const src = '{"a":"\\u00e9t\\u00e9"}';
    expect(rewriteJsonStringLiterals(src, (s) => s)).toBe(src);
  });

  it('sees the decoded value (escapes resolved) and re-escapes the result', () => {
    const seen: string[] = [];
    const out = rewriteJsonStringLiterals('{"k":"a\\"b\\\\c\\nd"}', (s) => {
      seen.push(s);
      return s === 'a"b\\c\nd' ? 'quote " and \n' : s;
    });
    expect(seen).toEqual(['k', 'a"b\\c\nd']);
    expect(JSON.parse(out)).toEqual({ k: 'quote " and \n' });
  });

  it('rewrites an unterminated last literal (truncated tool input)', () => {
    expect(rewriteJsonStringLiterals('{"cmd":"run secret', upper)).toBe('{"cmd":"run TOKEN_X');
  });

  it('property: the output of valid JSON stays valid JSON with the rewritten values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const src = JSON.stringify(value, null, 1);
        const out = rewriteJsonStringLiterals(src, (s) => `<${s}>`);
        const wrap = (v: unknown): unknown =>
          typeof v === 'string' ? `<${v}>` : Array.isArray(v) ? v.map(wrap) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [`<${k}>`, wrap(x)])) : v;
        expect(JSON.parse(out)).toEqual(wrap(JSON.parse(src)));
      }),
    );
  });
});
