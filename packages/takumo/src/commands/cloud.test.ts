import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openCheckpoint, verifyInclusion } from '@takumo/cloud';
import { CLI_BIN, runCli } from '../test-support/run-cli.js';

/**
 * The real `takumo cloud` binary: init, serve, SIGKILL in the middle of ingestion, restart.
 * Every event the server acknowledged must still be in the log with a valid inclusion proof.
 * Runs on the embedded database, and on PostgreSQL when TAKUMO_TEST_DATABASE_URL is set.
 */
const adminUrl = process.env.TAKUMO_TEST_DATABASE_URL;
const backends: Array<'pglite' | 'postgres'> = adminUrl ? ['pglite', 'postgres'] : ['pglite'];

async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `takumo_cli_${randomBytes(5).toString('hex')}`;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const d = new pg.Client({ connectionString: adminUrl });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_BIN, 'cloud', 'serve', '--port', '0', '--log-level', 'warn', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TAKUMO_TELEMETRY: '0' },
    });
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${err}`));
    }, 90_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]! });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}): ${err}`));
    });
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe.each(backends)('takumo cloud on %s', (backend) => {
  it('loses no acknowledged event when the server is killed during ingestion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takumo-cloud-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const storage = ['--data-dir', dir];
    if (backend === 'postgres') {
      const db = await scratchDatabase();
      cleanups.push(() => db.drop());
      storage.push('--database-url', db.url);
    }
    // --data-dir with --database-url is refused; with PostgreSQL the data dir only holds keys.
    const store = backend === 'postgres' ? ['--database-url', storage[3]!, '--keys-dir', join(dir, 'keys')] : storage;
    writeFileSync(join(dir, 'pw'), 'kill test password 42\n', { mode: 0o600 });
    const init = await runCli(['cloud', 'init', ...store, '--org', 'Kill Test', '--email', 'ops@example.test', '--password-file', join(dir, 'pw'), '--json'], { timeoutMs: 180_000 });
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    const created = JSON.parse(init.stdout);
    expect(statSync(join(dir, 'keys', 'kek')).mode & 0o077).toBe(0);

    let server = await serve(store);
    cleanups.push(() => killed(server.child));
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@example.test', password: 'kill test password 42' }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const tokenRes = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'kill test agent', scopes: ['events:write', 'audit:read'] }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const acked: Array<{ seq: number; leafHash: string }> = [];
    let batch = 0;
    const sendLoop = async (url: string) => {
      for (;;) {
        batch += 1;
        const events = Array.from({ length: 25 }, (_, i) => ({
          type: 'detection',
          agentReportedAt: new Date().toISOString(),
          category: 'KEY',
          rule: 'generic-api-key',
          file: `src/batch-${batch}/file-${i}.ts`,
          line: i + 1,
        }));
        let res: Response;
        try {
          res = await fetch(`${url}/api/v1/events`, { method: 'POST', headers: auth, body: JSON.stringify({ agentId: 'kill-test', events }) });
        } catch {
          return; // the server died mid-request: not acknowledged
        }
        if (res.status !== 200) return;
        try {
          acked.push(...((await res.json()) as { receipts: typeof acked }).receipts);
        } catch {
          return;
        }
      }
    };
    const loops = [sendLoop(server.url), sendLoop(server.url)];
    while (acked.length < 100) await new Promise((r) => setTimeout(r, 20));
    await killed(server.child);
    await Promise.all(loops);
    expect(acked.length).toBeGreaterThanOrEqual(100);

    server = await serve(store);
    cleanups.push(() => killed(server.child));
    const key = (await (await fetch(`${server.url}/api/v1/audit/key`, { headers: auth })).json()) as { verifierKey: string; origin: string };
    expect(key.origin).toContain(created.organisation.id);
    const cp = openCheckpoint(await (await fetch(`${server.url}/api/v1/audit/checkpoint`, { headers: auth })).text(), key.verifierKey);
    expect(cp.size).toBeGreaterThanOrEqual(acked.length);
    const stored = new Map<number, string>();
    for (let start = 0; start < cp.size; start += 1000) {
      const page = (await (await fetch(`${server.url}/api/v1/audit/entries?start=${start}&end=${start + 1000}`, { headers: auth })).json()) as {
        entries: Array<{ seq: number; leafHash: string }>;
      };
      for (const e of page.entries) stored.set(e.seq, e.leafHash);
    }
    for (const r of acked) expect(stored.get(r.seq)).toBe(r.leafHash);
    for (const r of acked.filter((_, i) => i % 10 === 0)) {
      const proof = (await (await fetch(`${server.url}/api/v1/audit/proof/inclusion?seq=${r.seq}&size=${cp.size}`, { headers: auth })).json()) as { proof: string[] };
      const ok = verifyInclusion(Buffer.from(r.leafHash, 'base64'), r.seq, cp.size, proof.proof.map((p) => Buffer.from(p, 'base64')), cp.rootHash);
      expect(ok).toBe(true);
    }
    await killed(server.child);
  }, 240_000);
});

describe('takumo cloud usage errors', () => {
  it('refuses plain HTTP on a public address without --insecure-http, with exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'takumo-cloud-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'pw'), 'usage test password\n');
    const init = await runCli(['cloud', 'init', '--data-dir', dir, '--org', 'U', '--email', 'u@example.test', '--password-file', join(dir, 'pw')], { timeoutMs: 180_000 });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('takumo cloud serve');
    const res = await runCli(['cloud', 'serve', '--data-dir', dir, '--host', '0.0.0.0', '--port', '0'], { timeoutMs: 180_000 });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/refusing to serve plain HTTP on 0\.0\.0\.0/);
    const rotated = await runCli(['cloud', 'keys', 'rotate', '--data-dir', dir, '--json'], { timeoutMs: 180_000 });
    expect(rotated.stderr).toBe('');
    const summary = JSON.parse(rotated.stdout);
    expect(summary).toMatchObject({ rotated: 'kek', organisations: 1 });
    expect(summary.from).not.toBe(summary.to);
    expect(statSync(join(dir, 'keys', `kek.retired-${summary.from}`)).isFile()).toBe(true);
    const short = await runCli(['cloud', 'init', '--data-dir', dir, '--org', 'U', '--email', 'u@example.test'], { input: 'short\n', timeoutMs: 180_000 });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
  }, 120_000);
});
