import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { runCli } from '../test-support/run-cli.js';
import { sarifValidator } from '../test-support/sarif-schema.js';

// Fake credentials, assembled at run time so this file itself holds no scannable token.
const GH = 'ghp_' + 'R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3';
const GH2 = 'ghp_' + 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8';
const AWS = 'AKIA' + 'Z7VRSQ5TKQ4XMPLW';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'takumo-scan-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(rel: string, content: string | Buffer): string {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  });
  return Object.assign(w, { text: () => chunks.join('') });
}

async function takumo(args: string[], options: { cwd?: string; stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const stdout = sink();
  const stderr = sink();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const code = await main(['scan', ...args], { stdout, stderr, stdin, cwd: options.cwd ?? dir, env: options.env ?? {} });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

async function scanJson(args: string[], options: { cwd?: string; stdin?: string } = {}) {
  const run = await takumo([...args, '--format', 'json'], options);
  return { ...run, report: JSON.parse(run.stdout) as { findings: Record<string, unknown>[]; stats: Record<string, any>; errors: unknown[] } };
}

describe('takumo scan: reports', () => {
  it('prints file:line:column, rule, category and a redacted preview, and exits 1', async () => {
    write('src/app.ts', `// config\nexport const token = "${GH}";\n`);
    const run = await takumo(['.']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^src\/app\.ts:2:23 {2}github-pat {2}KEY {2}ghp_…9Ge3\n$/);
    expect(run.stdout).not.toContain(GH);
    expect(run.stderr).toMatch(/1 finding in 1 file/);
  });

  it('exits 0 with no findings on a clean tree', async () => {
    write('README.md', '# nothing to see\n');
    const run = await takumo(['.']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^0 findings in 1 file/);
  });

  it('writes JSON with paths as reached from the argument, sorted by file, line and column', async () => {
    write('proj/b.txt', `x = "${AWS}"\n`);
    write('proj/a/z.txt', `\n\nkey: ${GH}  other: ${GH2}\n`);
    const { code, report } = await scanJson(['proj']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.file, f.line, f.column])).toEqual([
      ['proj/a/z.txt', 3, 6],
      ['proj/a/z.txt', 3, 55],
      ['proj/b.txt', 1, 6],
    ]);
    const first = report.findings[0]!;
    expect(Object.keys(first).sort()).toEqual(['category', 'column', 'confidence', 'endColumn', 'endLine', 'file', 'fingerprint', 'line', 'rule']);
    expect(first).toMatchObject({ endLine: 3, endColumn: 6 + GH.length - 1, category: 'KEY' });
    expect(report.stats).toMatchObject({ files: 2, findings: 3 });
    expect(typeof report.stats.durationMs).toBe('number');
    expect(JSON.stringify(report)).not.toContain(GH.slice(4, 20));
  });

  it('gives the same output for the same tree, whatever the read order', async () => {
    for (let i = 0; i < 30; i++) write(`f${i}.txt`, `${'pad\n'.repeat(i)}t = "${GH}"\n`);
    const one = await takumo(['.', '--format', 'json']);
    const two = await takumo(['.', '--format', 'json']);
    const strip = (s: string) => s.replace(/"durationMs": \d+/, '');
    expect(strip(one.stdout)).toBe(strip(two.stdout));
  });

  it('writes the report to --output and keeps stdout empty', async () => {
    write('a.txt', `t=${GH}\n`);
    const run = await takumo(['.', '--format', 'json', '--output', 'out.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).findings).toHaveLength(1);
  });

  it('reads standard input for -', async () => {
    const { code, report } = await scanJson(['-'], { stdin: `export GITHUB_TOKEN=${GH}\n` });
    expect(code).toBe(1);
    expect(report.findings[0]).toMatchObject({ file: '<stdin>', line: 1, rule: 'github-pat' });
  });
});

describe('takumo scan: SARIF', () => {
  it('is valid SARIF 2.1.0 with what GitHub code scanning requires, and never the value', async () => {
    write('src/app.ts', `const a = "${GH}";\n`);
    write('config/aws.env.txt', `\n  AWS_ACCESS_KEY_ID=${AWS}\n`);
    const run = await takumo(['.', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);

    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif/);
    const [runEntry] = log.runs;
    expect(runEntry.tool.driver.name).toBe('takumo');
    for (const rule of runEntry.tool.driver.rules) {
      expect(rule.id).toBeTruthy();
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.text).toBeTruthy();
      expect(rule.properties.tags).toContain('security');
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    expect(runEntry.results).toHaveLength(2);
    const gh = runEntry.results.find((r: any) => r.ruleId === 'github-pat');
    expect(gh.message.text).toBeTruthy();
    expect(gh.locations[0].physicalLocation.artifactLocation.uri).toBe('src/app.ts');
    expect(gh.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 12, endLine: 1, endColumn: 12 + GH.length });
    expect(gh.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{18}$/);
    expect(runEntry.tool.driver.rules[gh.ruleIndex].id).toBe('github-pat');
    expect(run.stdout).not.toContain(GH.slice(4));
    expect(run.stdout).not.toContain(AWS.slice(4));
    expect(run.stdout).not.toContain('snippet');
  });

  it('is valid SARIF with no results on a clean tree', async () => {
    write('a.txt', 'hello\n');
    const run = await takumo(['.', '--format', 'sarif']);
    expect(run.code).toBe(0);
    const log = JSON.parse(run.stdout);
    expect(sarifValidator()(log)).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });
});

describe('takumo scan: errors and exit codes', () => {
  it('exits 2 with one clear line for a path that does not exist', async () => {
    const run = await takumo(['no/such/place']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('takumo: no such file or directory: no/such/place\n');
  });

  it('exits 2 for an unknown format', async () => {
    const run = await takumo(['.', '--format', 'xml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/xml/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a bad --max-file-size and a bad config file, naming the problem', async () => {
    expect((await takumo(['.', '--max-file-size', 'huge'])).stderr).toMatch(/--max-file-size/);
    write('.takumo.toml', '[scan]\nmax_files = 3\n');
    const run = await takumo(['.']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown key "scan.max_files"/);
  });

  it('exits 2 for a baseline that is not JSON', async () => {
    write('base.json', 'nope');
    const run = await takumo(['.', '--baseline', 'base.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/baseline .*not valid JSON/);
  });

  it('refuses paths together with --staged', async () => {
    const run = await takumo(['--staged', 'src']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--staged/);
  });
});

describe('takumo scan: what gets scanned', () => {
  it('honours .gitignore files (nested ones too) and never enters .git', async () => {
    mkdirSync(join(dir, '.git'));
    write('.gitignore', 'build/\n*.log\n');
    write('build/out.js', `t="${GH}"\n`);
    write('debug.log', `t="${GH}"\n`);
    write('pkg/.gitignore', 'secret.txt\n!keep.log\n');
    write('pkg/secret.txt', `t="${GH}"\n`);
    write('pkg/ok.txt', `t="${GH}"\n`);
    write('.git/config', `t="${GH}"\n`);
    const { report } = await scanJson(['.']);
    expect(report.findings.map((f) => f.file)).toEqual(['pkg/ok.txt']);
    expect(report.stats.skipped.ignored).toBe(3);
  });

  it('applies .gitignore files above the scanned folder up to the git root', async () => {
    mkdirSync(join(dir, '.git'));
    write('.gitignore', 'generated/\n');
    write('app/generated/x.txt', `t="${GH}"\n`);
    write('app/src/y.txt', `t="${GH}"\n`);
    const { report } = await scanJson(['app']);
    expect(report.findings.map((f) => f.file)).toEqual(['app/src/y.txt']);
  });

  it('scans a gitignored file when it is named explicitly', async () => {
    write('.gitignore', 'local.txt\n');
    write('local.txt', `t="${GH}"\n`);
    expect((await scanJson(['local.txt'])).report.findings).toHaveLength(1);
  });

  it('follows no symbolic link: not out of the tree, not round a loop', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'takumo-outside-'));
    try {
      writeFileSync(join(outside, 'leak.txt'), `t="${GH}"\n`);
      write('tree/inside.txt', 'clean\n');
      symlinkSync(outside, join(dir, 'tree/out-dir'));
      symlinkSync(join(outside, 'leak.txt'), join(dir, 'tree/out-file.txt'));
      symlinkSync(join(dir, 'tree'), join(dir, 'tree/loop'));
      symlinkSync(join(dir, 'tree/missing'), join(dir, 'tree/broken'));
      const { code, report } = await scanJson(['tree']);
      expect(code).toBe(0);
      expect(report.stats.skipped.symlinks).toBe(4);
      expect(report.stats.files).toBe(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('skips binary files, counts them, and still scans text with invalid UTF-8, empty files and huge lines', async () => {
    write('image.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), Buffer.from(`t="${GH}"`)]));
    write('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 = 1\n', 'latin1'), Buffer.from(`token = "${GH}"\n`)]));
    write('empty.txt', '');
    write('minified.js', 'x'.repeat(2_000_000) + ` "${GH2}"`);
    const { code, report } = await scanJson(['.']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.file, f.line])).toEqual([
      ['latin1.txt', 2],
      ['minified.js', 1],
    ]);
    expect(report.stats.skipped.binary).toBe(1);
    expect(report.stats.invalidUtf8).toBe(1);
    expect(report.stats.files).toBe(3);
  });

  it('skips files over --max-file-size or [scan] max_file_size and says so', async () => {
    write('big.txt', `t="${GH}"\n` + 'a'.repeat(4096));
    const flagged = await scanJson(['.', '--max-file-size', '1KB']);
    expect(flagged.code).toBe(0);
    expect(flagged.report.stats.skipped.tooLarge).toBe(1);
    write('.takumo.toml', '[scan]\nmax_file_size = "2KB"\n');
    expect((await scanJson(['.'])).report.stats.skipped.tooLarge).toBe(1);
    expect((await takumo(['.'])).stderr).toMatch(/1 over the size limit/);
  });

  it('never opens a FIFO (it would block forever)', async () => {
    write('a.txt', 'clean\n');
    execFileSync('mkfifo', [join(dir, 'pipe')]);
    const { code, report } = await scanJson(['.']);
    expect(code).toBe(0);
    expect(report.stats.skipped.special).toBe(1);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file, scans the rest, and exits 2', async () => {
    write('ok.txt', `t="${GH}"\n`);
    const locked = write('locked.txt', 'x\n');
    execFileSync('chmod', ['000', locked]);
    const { code, report, stderr } = await scanJson(['.']);
    expect(code).toBe(2);
    expect(report.findings).toHaveLength(1);
    expect(report.errors).toEqual([{ file: 'locked.txt', code: 'EACCES' }]);
    expect(stderr).toMatch(/could not scan locked.txt \(EACCES\)/);
  });
});

describe('takumo scan: configuration', () => {
  it('honours allowlist values, paths and disabled rules, and runs extra rules', async () => {
    write('a.txt', `t="${GH}"\nacme = "acme_0123456789abcdef"\n`);
    write('fixtures/b.txt', `t="${GH2}"\n`);
    write('c.txt', `k="${AWS}"\n`);
    write(
      '.takumo.toml',
      [
        '[allowlist]',
        `values = ["${GH}"]`,
        'paths = ["fixtures/"]',
        'rules = ["aws-access-key-id"]',
        '[[rules]]',
        'id = "acme-key"',
        'category = "KEY"',
        'pattern = "acme_[0-9a-f]{16}"',
        'keywords = ["acme_"]',
        '',
      ].join('\n'),
    );
    const { report } = await scanJson(['.']);
    expect(report.findings.map((f) => [f.file, f.rule])).toEqual([['a.txt', 'acme-key']]);
    expect(report.stats.skipped.excluded).toBe(1);
  });

  it('reads the file named by --config', async () => {
    write('a.txt', `t="${GH}"\n`);
    write('conf/strict.toml', `[allowlist]\nvalues = ["${GH}"]\n`);
    expect((await takumo(['.', '--config', 'conf/strict.toml'])).code).toBe(0);
    expect((await takumo(['.', '--config', 'conf/missing.toml'])).stderr).toMatch(/config file not found/);
  });
});

describe('takumo scan: baseline', () => {
  it('survives inserted lines, and reports only what is new or changed', async () => {
    const file = (secret: string, extra = '') => `// header\n${extra}const token = "${secret}";\nconst other = "${AWS}";\n`;
    write('app.ts', file(GH));
    const created = await takumo(['.', '--write-baseline', 'baseline.json']);
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/wrote 2 fingerprints/);
    const baseline = readFileSync(join(dir, 'baseline.json'), 'utf8');
    expect(baseline).not.toContain(GH.slice(4));
    expect(baseline).not.toContain(AWS.slice(4));

    write('app.ts', file(GH, '// a\n// few\n// new lines\n\n'));
    const moved = await scanJson(['.', '--baseline', 'baseline.json']);
    expect(moved.code).toBe(0);
    expect(moved.report.stats.baselined).toBe(2);

    write('app.ts', file(GH, '// moved\n') + `const more = "${GH2}";\n`);
    const added = await scanJson(['.', '--baseline', 'baseline.json']);
    expect(added.code).toBe(1);
    expect(added.report.findings.map((f) => f.line)).toEqual([5]);

    write('app.ts', file(GH2));
    const rotated = await scanJson(['.', '--baseline', 'baseline.json']);
    expect(rotated.report.findings.map((f) => f.line)).toEqual([2]);
  });

  it('accepts an earlier JSON report as the baseline', async () => {
    write('a.txt', `t="${GH}"\n`);
    await takumo(['.', '--format', 'json', '--output', 'report.json']);
    expect((await takumo(['.', '--baseline', 'report.json'])).code).toBe(0);
  });
});

describe('takumo scan --staged', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

  it('scans the staged content, not the working tree, and only staged files', async () => {
    git('init', '-q');
    git('config', 'user.name', 'Takumo Test');
    git('config', 'user.email', 'test@example.com');
    write('committed.txt', `t="${GH2}"\n`);
    git('add', 'committed.txt');
    git('commit', '-q', '-m', 'first');
    write('staged.txt', `t="${GH}"\n`);
    write('dir with space/naïve file.txt', `k="${AWS}"\n`);
    git('add', 'staged.txt', 'dir with space');
    write('staged.txt', 'cleaned after staging\n'); // the commit would still carry the token
    write('unstaged.txt', `t="${AWS}"\n`);
    mkdirSync(join(dir, 'sub'));
    const { code, report } = await scanJson(['--staged'], { cwd: join(dir, 'sub') });
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.file, f.rule])).toEqual([
      ['../dir with space/naïve file.txt', 'aws-access-key-id'],
      ['../staged.txt', 'github-pat'],
    ]);
  });

  it('exits 0 when nothing staged holds a secret, and 2 outside a repository', async () => {
    git('init', '-q');
    write('clean.txt', 'hello\n');
    git('add', 'clean.txt');
    expect((await takumo(['--staged'])).code).toBe(0);
    const outside = mkdtempSync(join(tmpdir(), 'takumo-norepo-'));
    try {
      const run = await takumo(['--staged'], { cwd: outside });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('takumo: --staged needs a git repository\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('the demo app of the quick start', () => {
  it('has findings, among them the value from its .env used in code and in a log, and none on its placeholders', async () => {
    const { code, report } = await scanJson(['examples/demo-app'], { cwd: repoRoot });
    expect(code).toBe(1);
    const byFile = (f: string) => report.findings.filter((x) => x.file === `examples/demo-app/${f}`);
    expect(byFile('src/client.ts').map((f) => f.category)).toEqual(expect.arrayContaining(['KEY']));
    // In code, the key handed to createHmac is a finding of its own; in the log only the .env's value tells it apart.
    expect(byFile('src/session.ts').map((f) => f.line)).toEqual([6]);
    expect(byFile('logs/dev-server.log').map((f) => f.category)).toEqual(['ENV']);
    const settings = byFile('config/settings.py').map((f) => f.line);
    expect(settings).toContain(5);
    expect(settings).not.toContain(7);
    expect(settings).not.toContain(8);
  });
});

describe('takumo scan: folders named explicitly', () => {
  it('scans a folder that a .gitignore above it ignores, when the folder is named', async () => {
    mkdirSync(join(dir, '.git'));
    write('.gitignore', 'generated/\n*.tmp\n');
    write('generated/x.txt', `t="${GH}"\n`);
    write('generated/y.tmp', `t="${GH}"\n`);
    const { report } = await scanJson(['generated']);
    expect(report.findings.map((f) => f.file)).toEqual(['generated/x.txt']);
  });
});

describe('the built takumo binary', () => {
  it('gives the same report with detection on worker threads as on the main thread', async () => {
    for (let i = 0; i < 40; i++) write(`src/m${i % 7}/f${i}.ts`, `${'const x = 1;\n'.repeat(i)}const t = "${i % 3 ? GH : AWS}";\n`);
    write('.env', 'SESSION_SECRET=n0t-a-real-S3cret-but-looks-like-one-42\n');
    write('src/use.ts', 'sign("n0t-a-real-S3cret-but-looks-like-one-42")\n');
    // The worker script exists only in the build, so the built scanner is used here.
    const built = (await import(resolve(repoRoot, 'packages/takumo/dist/scan/scanner.js'))) as typeof import('../scan/scanner.js');
    const { defaultConfig } = await import('../config.js');
    const run = (workers: number) => built.scan({ cwd: dir, targets: ['.'], config: defaultConfig(), maxFileSize: 1 << 20, workers, workerHeadStart: true });
    const [main, threaded] = [await run(0), await run(2)];
    expect(threaded.workerFiles).toBeGreaterThan(0);
    expect(threaded.findings).toEqual(main.findings);
    expect(threaded.stats).toEqual({ ...main.stats, durationMs: threaded.stats.durationMs });
    expect(main.findings).toHaveLength(42);
  });

  it('scans on worker threads from the bundle as it does on the main thread', async () => {
    // The binary runs the bundle (scripts/bundle.mjs), whose worker script must sit beside
    // its chunks: without it `--jobs` fails with exit 2 instead of scanning.
    for (let i = 0; i < 30; i++) write(`src/m${i % 5}/f${i}.ts`, `${'const x = 1;\n'.repeat(i)}const t = "${i % 2 ? GH : AWS}";\n`);
    const [alone, threaded] = [await runCli(['scan', '.', '--format', 'json', '-j', '0'], { cwd: dir }), await runCli(['scan', '.', '--format', 'json', '-j', '3'], { cwd: dir })];
    expect(threaded.stderr).toBe('');
    expect([alone.code, threaded.code]).toEqual([1, 1]);
    const findings = (run: { stdout: string }) => (JSON.parse(run.stdout) as { findings: unknown[] }).findings;
    expect(findings(alone)).toHaveLength(30);
    expect(findings(threaded)).toEqual(findings(alone));
  });

  it('exits 2 with one line and no stack for a missing path', async () => {
    const missing = await runCli(['scan', 'does-not-exist'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('takumo: no such file or directory: does-not-exist\n');
  });

  it('exits 1 for a secret piped on standard input', async () => {
    const piped = await runCli(['scan', '-'], { cwd: dir, input: `token: ${GH}\n` });
    expect(piped.code).toBe(1);
    expect(piped.stdout).toBe('<stdin>:1:8  github-pat  KEY  ghp_…9Ge3\n');
  });
});

describe('git pre-commit integration', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

  it('ships hooks whose entry is takumo scan --staged', () => {
    const hooks = readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8');
    expect(hooks).toMatch(/^- id: takumo\n(?: {2}.*\n)*? {2}entry: takumo scan --staged\n(?: {2}.*\n)*? {2}language: node\n/m);
    expect(hooks).toMatch(/pass_filenames: false/);
    expect(hooks).toMatch(/stages: \[pre-commit\]/);
  });

  it('a git pre-commit hook running the built CLI refuses a commit with a staged secret', () => {
    git('init', '-q');
    git('config', 'user.name', 'Takumo Test');
    git('config', 'user.email', 'test@example.com');
    write('clean.txt', 'hello\n');
    git('add', 'clean.txt');
    git('commit', '-q', '-m', 'clean'); // before the hook is installed: one CLI start is enough
    const cli = resolve(repoRoot, 'packages/takumo/bin/takumo.js');
    write('.git/hooks/pre-commit', `#!/bin/sh\nexec "${process.execPath}" "${cli}" scan --staged --no-progress\n`);
    execFileSync('chmod', ['+x', join(dir, '.git/hooks/pre-commit')]);
    write('leak.ts', `export const t = "${GH}";\n`);
    git('add', 'leak.ts');
    let refused: { status?: number; stderr?: Buffer } | undefined;
    try {
      git('commit', '-q', '-m', 'leak');
    } catch (error) {
      refused = error as { status?: number; stderr?: Buffer };
    }
    expect(refused?.status).toBe(1);
    // git sends a hook's output to its own stderr.
    expect(String(refused?.stderr)).toContain('leak.ts:1:19  github-pat  KEY  ghp_…9Ge3');
    expect(git('log', '--format=%s')).toBe('clean\n');
  });
});

describe('takumo scan: values from dotenv files', () => {
  it('finds a value of the project root .env in a subfolder it is asked to scan', async () => {
    mkdirSync(join(dir, '.git'));
    write('.gitignore', '.env\n');
    write('.env', 'PORT=8080\nPAYMENTS_WEBHOOK=whk-Zq81-Lm02-Rt77-Yp45\n');
    write('src/handler.py', 'verify(request, "whk-Zq81-Lm02-Rt77-Yp45")\nport = 8080\n');
    const { code, report } = await scanJson(['src']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.file, f.line, f.rule, f.category])).toEqual([['src/handler.py', 1, 'known-secret', 'ENV']]);
  });

  it('learns dotenv (and R .Renviron) values in folders the walk lists and in folders .gitignore keeps it out of', async () => {
    // The dotenv search reuses the walk's folder listings; ignored folders it lists itself.
    mkdirSync(join(dir, '.git'));
    write('.gitignore', 'private/\n');
    write('private/deploy/.env.production', 'SIGNING_SALT=salt-Qv83-Np19-Xc52\n');
    write('svc/api/.env.local', 'QUEUE_PASS=queue-Hb27-Ws64-Lk90\n');
    write('analytics/.Renviron', 'WAREHOUSE_PW=ware-Jt45-Rm81-Zx36\n');
    write('svc/api/app.py', 'sign(request, "salt-Qv83-Np19-Xc52")\nconnect("queue-Hb27-Ws64-Lk90")\nlogin("ware-Jt45-Rm81-Zx36")\n');
    const { code, report } = await scanJson(['.']);
    expect(code).toBe(1);
    const known = report.findings.filter((f) => f.file.endsWith('.py')).map((f) => [f.file, f.line, f.rule]);
    expect(known).toEqual([
      ['svc/api/app.py', 1, 'known-secret'],
      ['svc/api/app.py', 2, 'known-secret'],
      ['svc/api/app.py', 3, 'known-secret'],
    ]);
  });
});

describe('takumo scan: baselines across starting folders', () => {
  it('matches a baseline whatever folder inside the repository the scan starts from', async () => {
    mkdirSync(join(dir, '.git'));
    write('app/src/a.ts', `const t = "${GH}";\n`);
    expect((await takumo(['app', '--write-baseline', 'base.json'])).code).toBe(0);
    const fromInside = await scanJson(['src', '--baseline', '../base.json'], { cwd: join(dir, 'app') });
    expect(fromInside.code).toBe(0);
    expect(fromInside.report.stats.baselined).toBe(1);
    const sarif = JSON.parse((await takumo(['src', '--format', 'sarif'], { cwd: join(dir, 'app') })).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('app/src/a.ts');
  });
});
