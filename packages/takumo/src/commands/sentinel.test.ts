import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runMain, type MainRun } from '../test-support/run-main.js';
import { SARIF_SCHEMA_PATH, sarifValidator } from '../test-support/sarif-schema.js';

// A fake credential assembled at run time so this file holds no scannable token.
const GH = 'ghp_' + 'R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3';

const ANSWER = [
  'Here is the handler:',
  '',
  '```python',
  'def get_user(cur, user_id):',
  '    cur.execute(f"SELECT * FROM users WHERE id = {user_id}")',
  '```',
  '',
  '```js',
  `const token = "${GH}";`,
  '```',
].join('\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'takumo-sentinel-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, content: string): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

function sentinel(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MainRun> {
  return runMain(['sentinel', ...args], { cwd: dir, env: { TAKUMO_HOME: join(dir, '.takumo-home'), ...options.env }, stdin: options.stdin });
}

describe('takumo sentinel', () => {
  it('scans an answer on standard input and exits 1 with findings', async () => {
    const run = await sentinel(['-'], { stdin: ANSWER });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^-:5:\d+ +high +sqli +sqli\/python-execute/m);
    expect(run.stdout).toMatch(/^-:9:\d+ +\w+ +secret /m);
    expect(run.stdout).not.toContain(GH);
    expect(run.stderr).toMatch(/sentinel: \d+ findings/);
  });

  it('exits 0 on a clean answer', async () => {
    const run = await sentinel([], { stdin: 'Use a parameterised query:\n```python\ncur.execute("SELECT 1")\n```\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('JSON names each finding with the file as reached from the argument', async () => {
    write('answers/one.md', ANSWER);
    write('answers/deep/two.py', 'import os\ndef run(d):\n    os.system("ls " + d)\n');
    const run = await sentinel(['answers', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> };
    const files = new Set(report.findings.map((f) => f.file));
    expect(files).toEqual(new Set([join('answers', 'one.md'), join('answers', 'deep', 'two.py')]));
    for (const f of report.findings) {
      for (const key of ['file', 'line', 'endLine', 'category', 'rule', 'severity', 'message', 'cwe']) expect(f).toHaveProperty(key);
    }
    expect(report.findings.find((f) => f.category === 'cmdi')).toMatchObject({ file: join('answers', 'deep', 'two.py'), line: 3, cwe: 'CWE-78' });
    expect(run.stdout).not.toContain(GH);
  });

  it('--min-severity drops findings below the level', async () => {
    const code = 'import hashlib\nh = hashlib.md5(data).hexdigest()\n';
    const all = await sentinel(['--format', 'json'], { stdin: '```python\n' + code + '```' });
    expect(JSON.parse(all.stdout).findings).toHaveLength(1);
    const high = await sentinel(['--format', 'json', '--min-severity', 'high'], { stdin: '```python\n' + code + '```' });
    expect(high.code).toBe(0);
    expect(JSON.parse(high.stdout).findings).toEqual([]);
  });

  it('SARIF output is valid 2.1.0 and holds no secret value', async () => {
    const run = await sentinel(['--format', 'sarif'], { stdin: ANSWER });
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('takumo-sentinel');
    expect(log.runs[0].results.length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).not.toContain(GH);
    if (existsSync(SARIF_SCHEMA_PATH)) {
      const validate = sarifValidator();
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('copyleft findings follow --project-license, else package.json, else proprietary', async () => {
    const gpl = '```c\n// SPDX-License-Identifier: GPL-3.0-only\nint f(void) { return 1; }\n```\n';
    expect((await sentinel([], { stdin: gpl })).code).toBe(1);
    expect((await sentinel(['--project-license', 'GPL-3.0-or-later'], { stdin: gpl })).code).toBe(0);
    write('package.json', JSON.stringify({ name: 'x', license: 'GPL-3.0-only' }));
    expect((await sentinel([], { stdin: gpl })).code).toBe(0);
    expect((await sentinel(['--project-license', 'proprietary'], { stdin: gpl })).code).toBe(1);
  });

  it('index add stores fingerprints under TAKUMO_HOME and later scans name the source file', async () => {
    const lib = Array.from({ length: 10 }, (_, i) => `export function mix${i}(a, b) {\n  const t = a.map((x, j) => x ^ b[(j + ${i}) % b.length]);\n  return t.reduce((s, v) => (s * 31 + v) >>> ${i % 5}, ${i + 7});\n}`).join('\n\n');
    write('vendor/gpl/mix.js', lib);
    const add = await sentinel(['index', 'add', 'vendor/gpl', '--license', 'GPL-2.0-only']);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/indexed 1 file/);
    expect(existsSync(join(dir, '.takumo-home', 'sentinel-index.json'))).toBe(true);
    const answer = 'Here:\n```js\n' + lib.split('\n').slice(5, 30).join('\n') + '\n```\n';
    const run = await sentinel(['--format', 'json'], { stdin: answer });
    expect(run.code).toBe(1);
    const match = JSON.parse(run.stdout).findings.find((f: { rule: string }) => f.rule === 'license/snippet-match');
    expect(match.message).toContain(join('vendor', 'gpl', 'mix.js'));
  });

  it('usage errors exit 2 with one line', async () => {
    const bad = await sentinel(['index', 'add', 'nowhere', '--license', 'not a licence']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^takumo: --license/);
    write('broken-index.json', '{ nope');
    const broken = await sentinel(['--index', 'broken-index.json'], { stdin: 'x' });
    expect(broken.code).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a file that cannot be read makes the run exit 2', async () => {
    const run = await sentinel(['missing.md']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read missing.md (ENOENT)');
  });

  it('--help documents the exit codes', async () => {
    const run = await sentinel(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit status: 0 no findings, 1 findings, 2');
  });
});
