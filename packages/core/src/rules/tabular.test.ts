import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasReplyMark } from './tabular.js';

describe('hasReplyMark', () => {
  it('agrees with the regex it replaces on any mix of parentheses, blanks and quotes', () => {
    const piece = fc.constantFrom(')', ' ', '\t', '"', '1', 'a', '\n', ')  ', '    ', ') "');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(hasReplyMark(text)).toBe(/\)[ \t]{1,4}"/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds redis-cli reply items and leaves prose alone', () => {
    expect(hasReplyMark('1) "api_token"\n2) "s3cr3t"')).toBe(true);
    expect(hasReplyMark('call f(x) "quoted" later')).toBe(true);
    expect(hasReplyMark('f(x)     "five blanks"')).toBe(false);
    expect(hasReplyMark('(see above) and then ")"')).toBe(false);
  });
});
