import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';
import { literalListAt, literalRunAt } from './literal-run.js';

/** The reported spans, as text. */
function spans(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

/** Whether one finding covers every occurrence of `value`. */
function covered(text: string, value: string, file: string): boolean {
  const findings = detect(text, { file });
  const start = text.indexOf(value);
  if (start === -1) throw new Error('the value is not in the text');
  for (let at = start; at !== -1; at = text.indexOf(value, at + 1)) {
    if (!findings.some((f) => f.start <= at && f.end >= at + value.length)) return false;
  }
  return true;
}

describe('literalRunAt', () => {
  it('joins literals glued by +, PHP . or adjacency, and stops at anything else', () => {
    const php = `$p = 'Amber-' . "Falcon-71";`;
    expect(literalRunAt(php, php.indexOf("'"))).toEqual({ start: 6, end: php.length - 2, value: 'Amber-Falcon-71', parts: 2 });
    const js = 'k = "one" + "two" + name;';
    expect(literalRunAt(js, js.indexOf('"'))?.value).toBe('onetwo');
    const c = 'char *k = "ab" "cd";';
    expect(literalRunAt(c, c.indexOf('"'))?.value).toBe('abcd');
    const single = 'x = "alone".length';
    expect(literalRunAt(single, single.indexOf('"'))).toMatchObject({ value: 'alone', parts: 1 });
  });

  it('joins a literal on the next line only inside brackets or after an operator', () => {
    const statement = 'k = "first"\n"second"\n';
    expect(literalRunAt(statement, statement.indexOf('"'))?.parts).toBe(1);
    expect(literalRunAt(statement, statement.indexOf('"'), true)?.value).toBe('firstsecond');
    const plus = 'k = "first" +\n    "second";';
    expect(literalRunAt(plus, plus.indexOf('"'))?.value).toBe('firstsecond');
  });

  it('returns nothing for a literal that does not close on its line', () => {
    expect(literalRunAt('"open\nclose"', 0)).toBeUndefined();
  });
});

describe('literalListAt', () => {
  it('reads the items of a list of literals, with comments and a trailing comma', () => {
    const py = 'keys = [\n    "aa",  # newest\n    "bb" "cc",\n]\n';
    expect(literalListAt(py, py.indexOf('['))?.map((i) => i.value)).toEqual(['aa', 'bbcc']);
    const cs = '{\n  "one", // current\n  "two"\n};';
    expect(literalListAt(cs, 0)?.map((i) => i.value)).toEqual(['one', 'two']);
  });

  it('is no list of values when anything but literals is in it', () => {
    expect(literalListAt('[os.environ["A"], "b"]', 0)).toBeUndefined();
    expect(literalListAt('{ primary: "a" }', 0)).toBeUndefined();
    expect(literalListAt('("a", 3)', 0)).toBeUndefined();
    expect(literalListAt('[]', 0)).toBeUndefined();
  });

  it('reads any input in bounded time without throwing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const text = `[${s}`;
        const items = literalListAt(text, 0);
        if (items !== undefined) for (const item of items) expect(item.end).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});

describe('secrets kept as lists or split into literals', () => {
  it('reports each generated key of a list under a secret name (keys kept through a rotation)', () => {
    const py = 'class Settings(BaseSettings):\n    signing_keys: list[str] = [\n        "Qm7zR2vT9xLk4Wp8Nc3Hs6Jd1Fg5Yb0Ae",\n        "Vx2Lp9Kt4Zr7Qm1Ws8Hn3Jc6Db5Fy0Ug",\n    ]\n';
    expect(spans(py, 'settings.py')).toEqual(['Qm7zR2vT9xLk4Wp8Nc3Hs6Jd1Fg5Yb0Ae', 'Vx2Lp9Kt4Zr7Qm1Ws8Hn3Jc6Db5Fy0Ug']);
    const cs = 'private static readonly string[] WebhookSecrets =\n{\n    "Hs6Jd1Fg5Yb0AeQm7zR2vT9xLk4Wp8Nc3", // current\n    "Ws8Hn3Jc6Db5Fy0UgVx2Lp9Kt4Zr7Qm1", // previous\n};\n';
    expect(spans(cs, 'Signer.cs')).toEqual(['Hs6Jd1Fg5Yb0AeQm7zR2vT9xLk4Wp8Nc3', 'Ws8Hn3Jc6Db5Fy0UgVx2Lp9Kt4Zr7Qm1']);
  });

  it('leaves lists of names, words and references under secret names alone', () => {
    expect(spans('REDACTED_PASSWORD_FIELDS = ["password", "new_password", "password_confirmation"]\n', 'filters.py')).toEqual([]);
    expect(spans('api_keys = [os.environ["KEY_A"], os.environ["KEY_B"]]\n', 'app.py')).toEqual([]);
    expect(spans('ssh_keys = ["1f:0c:93:aa:4b:7e:21:d5:98:6e:0a:c3:57:b2:e8:14"]\n', 'droplet.tf')).toEqual([]);
  });

  it('reports a key split over adjacent literals in parentheses as one value', () => {
    const py = 'ANTHROPIC_KEY = (\n    "sk-ant-api03-Lq8ZxR2vKt7Wm4Np9"\n    "Hs3Jd6Fg1Yb5Ae0Qc"\n)\n';
    expect(covered(py, 'sk-ant-api03-Lq8ZxR2vKt7Wm4Np9', 'jobs.py')).toBe(true);
    expect(covered(py, 'Hs3Jd6Fg1Yb5Ae0Qc', 'jobs.py')).toBe(true);
  });

  it('reports both halves of a password joined with PHP . or +', () => {
    const php = "    'password' => 'Harbor-Wil' . 'low#2291',\n";
    expect(covered(php, 'low#2291', 'services.php')).toBe(true);
    const java = 'String dbPassword = "Quill-" + "Marsh-4471";\n';
    expect(covered(java, 'Marsh-4471', 'Db.java')).toBe(true);
    expect(spans('String dbPassword = "Quill-" + suffix;\n', 'Db.java').join('\n')).not.toContain('suffix');
  });
});
