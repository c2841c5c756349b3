import { beforeAll, describe, expect, it } from 'vitest';
import { initSentinel, scanAnswer, scanAnswerAsync } from '../index.js';

const cats = (text: string, language: string) => scanAnswer(text, { language }).map((f) => f.category);

describe('Python on a tree-sitter parse', () => {
  beforeAll(async () => {
    await initSentinel();
  });

  it('a parameter typed int carries no injection', () => {
    expect(cats('def get(cur, user_id: int):\n    cur.execute(f"SELECT * FROM t WHERE id = {user_id}")', 'python')).not.toContain('sqli');
    expect(cats('def get(cur, user_id: str):\n    cur.execute(f"SELECT * FROM t WHERE id = {user_id}")', 'python')).toContain('sqli');
  });

  it('resolves names in their own function, not in a sibling one', () => {
    const code = [
      'def safe(cur):',
      '    name = "admin"',
      '    cur.execute("SELECT * FROM t WHERE n = \'" + name + "\'")',
      '',
      'def unsafe(cur, name):',
      '    cur.execute("SELECT * FROM t WHERE n = \'" + name + "\'")',
    ].join('\n');
    expect(scanAnswer(code, { language: 'python' }).filter((f) => f.rule === 'sqli/python-execute').map((f) => f.line)).toEqual([6]);
  });

  it('a constant in one branch does not hide input from the other', () => {
    const code = 'def f(cls):\n    try:\n        s = render(cls)\n    except Exception:\n        s = "ok"\n    return mark_safe(s)';
    expect(cats(code, 'python')).toContain('xss');
  });

  it('scanAnswerAsync gives the same findings as scanAnswer after init', async () => {
    const code = 'import os\ndef run(d):\n    os.system("ls " + d)\n';
    expect(await scanAnswerAsync(code, { language: 'python' })).toEqual(scanAnswer(code, { language: 'python' }));
  });
});

describe('JavaScript/TypeScript on a Babel parse', () => {
  it('TypeScript parameters typed number carry no injection', () => {
    expect(cats('export async function get(id: number) {\n  return db.query(`SELECT * FROM t WHERE id = ${id}`);\n}', 'typescript')).not.toContain('sqli');
    expect(cats('export async function get(id: string) {\n  return db.query(`SELECT * FROM t WHERE id = ${id}`);\n}', 'typescript')).toContain('sqli');
  });

  it('JSX attributes are analysed', () => {
    expect(cats('const A = ({ html }) => <p dangerouslySetInnerHTML={{ __html: html }} />;', 'javascript')).toContain('xss');
    expect(cats('const A = () => <p dangerouslySetInnerHTML={{ __html: "<b>hi</b>" }} />;', 'javascript')).not.toContain('xss');
  });

  it('code Babel cannot parse still gets the text analysis', () => {
    expect(cats('function (( {\n  document.write(location.hash)\n', 'javascript')).toContain('xss');
  });
});
