import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';
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

describe('SQL inserts with a column list', () => {
  const found = (text: string) => detect(text, { file: 'seed.sql' }).filter((f) => f.rule === 'sql-insert-column-credential').map((f) => text.slice(f.start, f.end));

  it('reads rows that call a function without arguments, such as now()', () => {
    const sql = "INSERT INTO integrations (id, provider, api_key, api_secret, created_at) VALUES\n  ('c1', 'payments', 'Pq7-Vz2Lm9Xw4Kt8Rb3Nc6Hd1Fj5Gs0Ya', 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga', now()),\n  ('c2', 'example', 'EXAMPLE_API_KEY', NULL, now());\n";
    expect(found(sql)).toEqual(['Pq7-Vz2Lm9Xw4Kt8Rb3Nc6Hd1Fj5Gs0Ya', 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga']);
  });

  it('leaves bcrypt hashes in a password column alone and still reports a plain password there', () => {
    const sql = "INSERT INTO accounts (id, login, encrypted_password) VALUES\n  (1, 'ops', '$2a$11$Qw3eRt5yUi7oP9aSd1fGh.Jk2lZx4cV6bN8mQ0wE2rT4yU6iO8pKy'),\n  (2, 'kiosk', 'Lantern-Okra-5513');\n";
    expect(found(sql)).toEqual(['Lantern-Okra-5513']);
  });

  it('still skips a row holding a call with arguments, whose commas would shift the columns', () => {
    expect(found("INSERT INTO t (name, created_at, api_secret) VALUES ('x', date_trunc('day', now()), 'Wt4-Lq8Zx2Vn6Bp0Rk3Ym7Hc5Jd9Fs1Ga');\n")).toEqual([]);
  });
});
