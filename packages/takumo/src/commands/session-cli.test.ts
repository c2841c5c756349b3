import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { runMain, TextCollector, type MainRun } from '../test-support/run-main.js';

// Fake credentials, assembled at run time so this file itself holds no scannable secret.
const PASSWORD = 'Xy9zQw3rTt8v' + 'Lp2Q';
const DB_URL = `postgres://admin:${PASSWORD}@db.internal:5432/app`;
const ENV_VALUE = 'env-only-' + 'Qw8Zr4Tn7Vb2';
const TOKEN = /__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/g;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'takumo-session-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function takumo(args: string[], stdinText = '', env: NodeJS.ProcessEnv = {}): Promise<MainRun> {
  return runMain(args, { cwd: dir, env, stdin: stdinText });
}

describe('takumo tokenize', () => {
  it('prints the tokenized text on stdout and a summary without values on stderr, exit 1', async () => {
    const input = `# config\nDATABASE_URL=${DB_URL}\npassword = "${PASSWORD}"\n`;
    writeFileSync(join(dir, 'app.env'), input);
    const run = await takumo(['tokenize', 'app.env']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# config\nDATABASE_URL=__TAKUMO_v1_CONN_[0-9a-f]{8}__\npassword = "__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__"\n$/);
    expect(run.stderr).toMatch(/^takumo: tokenized 2 secrets in app\.env: .*CONN 1 \(line 2\)/);
    expect(run.stderr).toMatch(/line 3/);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
  });

  it('reads standard input, learns .env values of the workspace, and exits 0 when there is nothing to hide', async () => {
    writeFileSync(join(dir, '.env'), `SERVICE_SECRET=${ENV_VALUE}\n`);
    const run = await takumo(['tokenize', '-'], `curl -H "X: ${ENV_VALUE}" https://example.com\n`);
    expect(run.stdout).not.toContain(ENV_VALUE);
    expect(run.stdout).toMatch(TOKEN);
    const clean = await takumo(['tokenize'], 'nothing to see here\n');
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('nothing to see here\n');
    expect(clean.stderr).toBe('takumo: no secrets found in standard input\n');
  });

  it('follows the workspace .takumo.toml (an allowlisted value stays) and reports a bad config with exit 2', async () => {
    writeFileSync(join(dir, '.takumo.toml'), `[allowlist]\nvalues = ["${PASSWORD}"]\n`);
    const allowed = await takumo(['tokenize'], `password = "${PASSWORD}"\n`);
    expect(allowed.stdout).toBe(`password = "${PASSWORD}"\n`);
    expect(allowed.code).toBe(0);
    writeFileSync(join(dir, '.takumo.toml'), 'nonsense = 1\n');
    const bad = await takumo(['session', '--jsonl'], '');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown key "nonsense"/);
  });

  it('writes JSON with findings as metadata only', async () => {
    const run = await takumo(['tokenize', '--json', '-q'], `DATABASE_URL=${DB_URL}\n`);
    const body = JSON.parse(run.stdout) as { text: string; findings: Array<Record<string, unknown>> };
    expect(body.findings[0]).toMatchObject({ category: 'CONN', line: 1 });
    expect(body.findings[0]).not.toHaveProperty('start');
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain(PASSWORD);
  });

  it('fails with exit 2 and a one-line error, never the content, on unreadable or non-UTF-8 input', async () => {
    const missing = await takumo(['tokenize', 'nope.txt']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('takumo: cannot read nope.txt (ENOENT)\n');
    writeFileSync(join(dir, 'bin.dat'), Buffer.concat([Buffer.from(`password = "${PASSWORD}"\n`), Buffer.from([0xff, 0xfe, 0x00])]));
    const binary = await takumo(['tokenize', 'bin.dat']);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe('takumo: bin.dat is not UTF-8 text; nothing was tokenized\n');
    expect(binary.stdout).toBe('');
  });
});

describe('takumo session --jsonl', () => {
  it('tokenizes, restores in batch and in a stream, and reports stats over one vault', async () => {
    const requests = [
      { id: 1, op: 'tokenize', text: `url = "${DB_URL}"`, file: 'db.ts' },
      { id: 2, op: 'stats' },
    ];
    const first = await takumo(['session', '--jsonl'], requests.map((r) => JSON.stringify(r)).join('\n'));
    const replies = first.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(replies[0]).toMatchObject({ id: 1, ok: true });
    expect(replies[0]?.text).not.toContain(PASSWORD);
    expect(replies[1]).toMatchObject({ id: 2, ok: true, stats: { secrets: 1, tokenized: 1 } });
    expect(first.code).toBe(0);
  });

  it('restores the answer with the tokens of the same run, also split into stream chunks and as JSON', async () => {
    // The protocol is synchronous per line, so a script can feed the next line after reading the reply.
    const stdout = new TextCollector();
    const stdin = new PassThrough();
    const done = main(['session'], { stdout, stderr: new TextCollector(), stdin, cwd: dir, env: {} });
    const replies: Array<Record<string, unknown>> = [];
    const ask = async (request: Record<string, unknown>): Promise<Record<string, unknown>> => {
      stdin.write(`${JSON.stringify(request)}\n`);
      for (let i = 0; i < 2000 && stdout.text().trim().split('\n').filter(Boolean).length <= replies.length; i++) await new Promise((r) => setTimeout(r, 5));
      const reply = JSON.parse(stdout.text().trim().split('\n')[replies.length] as string) as Record<string, unknown>;
      replies.push(reply);
      return reply;
    };
    const tokenized = (await ask({ op: 'tokenize', text: DB_URL })).text as string;
    expect(tokenized).toMatch(/^__TAKUMO_v1_CONN_[0-9a-f]{8}__$/);
    const answer = `Use ${tokenized} in prod.`;
    expect(await ask({ op: 'rehydrate', text: answer })).toMatchObject({ ok: true, text: `Use ${DB_URL} in prod.`, restored: 1 });
    expect((await ask({ op: 'push', stream: 'a', text: answer.slice(0, 14) })).text).toBe('Use ');
    expect((await ask({ op: 'push', stream: 'a', text: answer.slice(14) })).text).toBe(`${DB_URL} in prod.`);
    expect(await ask({ op: 'end', stream: 'a' })).toMatchObject({ ok: true, text: '', restored: 1, unrestored: [] });
    expect((await ask({ op: 'rehydrate', text: `{"u":"${tokenized}"}`, json: true })).text).toBe(`{"u":"${DB_URL}"}`);
    expect(await ask({ op: 'destroy' })).toEqual({ ok: true });
    stdin.end();
    expect(await done).toBe(0);
  });

  it('answers a bad line with an error that does not echo it, goes on, and exits 2', async () => {
    const lines = [`{"op":"tokenize","text":"${PASSWORD}`, JSON.stringify({ op: 'tokenize', text: 42 }), JSON.stringify({ op: 'fly' }), JSON.stringify({ op: 'end', stream: 'x' }), JSON.stringify({ id: 'ok', op: 'stats' })];
    const run = await takumo(['session', '--jsonl'], lines.join('\n'));
    const replies = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { ok: boolean; error?: { code: string; message: string } });
    expect(replies.map((r) => r.ok)).toEqual([false, false, false, false, true]);
    expect(replies[0]?.error).toEqual({ code: 'TAKUMO_E_INVALID_INPUT', message: 'line 1: not a JSON object' });
    expect(replies[1]?.error?.message).toBe('line 2: "text" must be a string');
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    expect(run.code).toBe(2);
  });
});

describe('takumo session (interactive)', () => {
  it('tokenizes a pasted block, restores a pasted answer, and wipes the vault at EOF', async () => {
    const stdout = new TextCollector();
    const stderr = new TextCollector();
    const stdin = new PassThrough();
    const done = main(['session', '--interactive'], { stdout, stderr, stdin, cwd: dir, env: {} });
    stdin.write(`const db = "${DB_URL}";\nconsole.log(db);\n.\n`);
    for (let i = 0; i < 2000 && !stdout.text().includes('console.log'); i++) await new Promise((r) => setTimeout(r, 5));
    const tokenized = stdout.text();
    const token = tokenized.match(TOKEN)?.[0] as string;
    expect(tokenized).toBe(`const db = "${token}";\nconsole.log(db);\n`);
    stdin.write(`Connect with **${token.slice(2, -2)}** and retry.\n.\n`);
    stdin.end();
    expect(await done).toBe(0);
    expect(stdout.text().slice(tokenized.length)).toBe(`Connect with ${DB_URL} and retry.\n`);
    expect(stderr.text()).toMatch(/1 secret tokenized: CONN 1 \(line 1\)/);
    expect(stderr.text()).toMatch(/restored 1 token/);
    expect(stderr.text()).toMatch(/session ended; the vault is destroyed\n$/);
    expect(stderr.text()).not.toContain(PASSWORD);
  });

  it('processes a paste left open at EOF instead of losing it, and :t forces tokenizing', async () => {
    const run = await takumo(['session', '--interactive'], `:t\npassword = "${PASSWORD}"`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^password = "__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__"\n$/);
  });

  it('with --clipboard, reads the clipboard and puts the tokenized text back on it', async () => {
    // A stand-in for xclip on PATH: it keeps the clipboard in a file of the test's folder.
    const board = join(dir, 'board.txt');
    writeFileSync(board, `secret: ${DB_URL}`);
    const xclip = join(dir, 'xclip');
    writeFileSync(xclip, `#!/bin/sh\nif [ "$3" = "-o" ]; then cat "${board}"; else cat > "${board}.new" && mv "${board}.new" "${board}"; fi\n`);
    chmodSync(xclip, 0o755);
    const run = await takumo(['session', '--clipboard'], '\n', { PATH: `${dir}:/usr/bin:/bin` });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/the tokenized text is on the clipboard/);
    for (let i = 0; i < 1000 && readFileSync(board, 'utf8').includes(PASSWORD); i++) await new Promise((r) => setTimeout(r, 10));
    expect(readFileSync(board, 'utf8')).toMatch(/^secret: __TAKUMO_v1_CONN_[0-9a-f]{8}__$/);
    expect(run.stdout).toBe('');
  });

  it('says clearly when no clipboard tool exists', async () => {
    const run = await takumo(['session', '--clipboard'], '', { PATH: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('takumo: --clipboard needs a clipboard tool and none was found: install xclip, xsel or wl-clipboard (macOS has pbpaste/pbcopy built in)\n');
  });

  it('documents the line protocol in --help', async () => {
    const run = await takumo(['session', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('{"op":"tokenize","text":"…","file":"app.ts"}');
    expect(run.stdout).toContain('{"op":"push","stream":"s1"');
  });
});

describe('the built binary', () => {
  it('tokenizes standard input with the built binary: text on stdout, summary on stderr, exit 1', async () => {
    const { runCli } = await import('../test-support/run-cli.js');
    const run = await runCli(['tokenize', '--no-known-secrets'], { input: `DATABASE_URL=${DB_URL}\n`, cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^DATABASE_URL=__TAKUMO_v1_CONN_[0-9a-f]{8}__\n$/);
    expect(run.stderr).toBe('takumo: tokenized 1 secret in standard input: CONN 1 (line 1)\n');
  });

  it('runs a JSON-lines session end to end and wipes the vault on SIGINT (exit 130)', async () => {
    const { spawn } = await import('node:child_process');
    const { CLI_BIN } = await import('../test-support/run-cli.js');
    const child = spawn(process.execPath, [CLI_BIN, 'session', '--no-known-secrets'], { cwd: dir, env: { PATH: process.env.PATH, TAKUMO_TELEMETRY: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    const exited = new Promise<number | null>((resolveExit) => child.on('close', (code) => resolveExit(code)));
    try {
      child.stdin.write(`${JSON.stringify({ op: 'tokenize', text: `db: ${DB_URL}` })}\n`);
      for (let i = 0; i < 1000 && !out.includes('\n'); i++) await new Promise((r) => setTimeout(r, 10));
      const { text } = JSON.parse(out) as { text: string };
      expect(text).toMatch(/^db: __TAKUMO_v1_CONN_[0-9a-f]{8}__$/);
      child.stdin.write(`${JSON.stringify({ op: 'rehydrate', text: `${text}!` })}\n`);
      for (let i = 0; i < 1000 && out.split('\n').length < 3; i++) await new Promise((r) => setTimeout(r, 10));
      expect(JSON.parse(out.split('\n')[1] as string)).toMatchObject({ ok: true, text: `db: ${DB_URL}!`, restored: 1 });
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(err).toBe('\ntakumo: interrupted; the vault is destroyed\n');
    } finally {
      child.kill('SIGKILL');
    }
  });
});
