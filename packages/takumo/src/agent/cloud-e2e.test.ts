import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSignerKey, startCloudService, type RunningCloudService } from '@takumo/cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealCloud, type RealCloud } from '../test-support/real-cloud.js';
import { runMain, type MainRun } from '../test-support/run-main.js';
import { createCloudReporter } from './reporter.js';

/**
 * The agent against the real Takumo Cloud (embedded PGlite database, real HTTP on
 * 127.0.0.1): login, events with receipts, audit verification, tampering found by
 * `takumo audit verify`, a checkpoint signed by another key, telemetry opt-outs, and a
 * cloud that is down.
 */
let cloud: RealCloud;
let service: RunningCloudService;
let serviceOpen = false;
let home: string;
let work: string;
let token: string;
let orgId: string;

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'takumo-e2e-home-'));
  work = mkdtempSync(join(tmpdir(), 'takumo-e2e-work-'));
  cloud = await startRealCloud({ label: 'e2e', orgName: 'E2E Org', ownerName: 'Olive Owner', logLevel: 'info' });
  ({ service, orgId, agentToken: token } = cloud);
  serviceOpen = true;
}, 120_000);

afterAll(async () => {
  if (serviceOpen) await service.close();
  for (const dir of [cloud?.dataDir, home, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MainRun> {
  return runMain(args, { cwd: work, env: options.env ?? env(), stdin: options.stdin });
}

const env = () => ({ TAKUMO_HOME: home, PATH: process.env.PATH });

describe('agent ↔ real cloud', () => {
  it('logs in, sends events with receipts, and verifies the audit log', async () => {
    const login = await run(['login', '--cloud', service.url], { stdin: `${token}\n` });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stdout).toContain('"E2E Org"');

    // A real scan with findings reports them (metadata only) and keeps the receipts.
    mkdirSync(join(work, 'src'), { recursive: true });
    const pick = (n: number, alphabet: string) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
    const github = `ghp_${pick(36, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
    const aws = `AKIA${pick(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
    writeFileSync(join(work, 'src', 'settings.py'), `GITHUB = "${github}"\nAWS_KEY = "${aws}"\n`);
    const scan = await run(['scan', 'src', '--format', 'json', '--no-progress']);
    expect(scan.code, scan.stderr).toBe(1);
    const findings = (JSON.parse(scan.stdout) as { findings: Array<{ rule: string; line: number }> }).findings;
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const receipts = JSON.parse(readFileSync(join(home, 'receipts.json'), 'utf8')) as { logs: Record<string, unknown[]> };
    expect(Object.values(receipts.logs)[0]).toHaveLength(findings.length);
    const leaves = await service.database.ownerQuery<{ n: unknown }>('select count(*) as n from audit_leaves where org_id = $1', [orgId]);
    expect(Number(leaves[0]!.n)).toBeGreaterThanOrEqual(findings.length);

    const reporter = createCloudReporter(env());
    for (let i = 0; i < 25; i++) {
      reporter.report({ type: 'detection', rule: 'github-pat', category: 'KEY', file: `src/file${i}.ts`, line: i + 1, tool: 'scan' });
    }
    const summary = await reporter.close({ deadlineMs: 15_000 });
    expect(summary).toMatchObject({ sent: 25, remaining: 0, receipts: 25 });

    const verify = await run(['audit', 'verify', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    const report = JSON.parse(verify.stdout);
    expect(report).toMatchObject({ ok: true, pinned: 'first-use', consistency: 'first-checkpoint' });
    expect(report.treeSize).toBeGreaterThanOrEqual(25 + findings.length); // plus the server's own admin events
    expect(report.receipts.checked).toBe(Math.min(32, 25 + findings.length));

    const status = JSON.parse((await run(['status', '--json'])).stdout);
    expect(status).toMatchObject({ reachable: true, org: { id: orgId, name: 'E2E Org' }, queue: { length: 0 } });
  });

  it('exports the log as JSONL with proofs that verify', async () => {
    const result = await run(['audit', 'export', '--output', 'export.jsonl']);
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(join(work, 'export.jsonl'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0]!).type).toBe('checkpoint');
    expect(result.stderr).toMatch(/inclusion proofs verified/);
  });

  it('verifies again after more events (consistency with the pinned checkpoint)', async () => {
    const reporter = createCloudReporter(env());
    reporter.report({ type: 'detection', rule: 'aws-access-key', category: 'KEY', file: 'infra/main.tf', line: 3, tool: 'scan' });
    await reporter.close({ deadlineMs: 15_000 });
    const verify = await run(['audit', 'verify', '--json']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout).consistency).toBe('verified');
  });

  it('names the first bad entry after a stored entry is edited directly in the database', async () => {
    const rows = await service.database.ownerQuery<{ seq: unknown; leaf_hash: Buffer }>(
      'select seq, leaf_hash from audit_leaves where org_id = $1 order by seq',
      [orgId],
    );
    const victim = Number(rows[rows.length - 10]!.seq);
    const later = Number(rows[rows.length - 3]!.seq);
    const owner = (sql: string, params: unknown[]) => service.database.ownerQuery(sql, params);
    await owner('alter table audit_leaves disable trigger user', []);
    try {
      for (const seq of [later, victim]) {
        // Overwrite the stored leaf hash (what an attacker with database access would edit).
        await owner('update audit_leaves set leaf_hash = $1 where org_id = $2 and seq = $3', [randomBytes(32), orgId, seq]);
      }
    } finally {
      await owner('alter table audit_leaves enable trigger user', []);
    }
    const verify = await run(['audit', 'verify', '--json']);
    expect(verify.code).toBe(1);
    const report = JSON.parse(verify.stdout);
    expect(report.firstBadEntry.seq).toBe(victim);
    const text = await run(['audit', 'verify']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain(`FAIL: first bad entry: #${victim}`);
  });
});

describe('telemetry against the real cloud', () => {
  it.each([
    ['TAKUMO_TELEMETRY=0', { TAKUMO_TELEMETRY: '0' }],
    ['DO_NOT_TRACK=1', { DO_NOT_TRACK: '1' }],
  ])('sends nothing with %s', async (_name, extra) => {
    const before = await telemetryRows();
    await run(['status', '--offline'], { env: { ...env(), ...extra } });
    expect(await telemetryRows()).toEqual(before);
  });

  it('sends nothing after `telemetry off`, and sends counts only after `telemetry on`', async () => {
    await run(['telemetry', 'off']);
    const before = await telemetryRows();
    await run(['status', '--offline']);
    expect(await telemetryRows()).toEqual(before);
    await run(['telemetry', 'on']);
    const after = await telemetryRows();
    expect(after.length).toBeGreaterThan(0);
    expect(after.map((r) => r.command)).toContain('telemetry');
  });

  async function telemetryRows(): Promise<Array<{ command: string; count: number }>> {
    const rows = await service.database.ownerQuery<{ command: string; count: unknown }>('select command, count from telemetry_counts order by command');
    return rows.map((r) => ({ command: r.command, count: Number(r.count) }));
  }
});

describe('a checkpoint signed by another key', () => {
  it('is rejected by an agent that pinned the genuine key (the server restarted with a different signing key)', async () => {
    const port = Number(new URL(service.url).port);
    await service.close();
    serviceOpen = false;
    service = await startCloudService({
      host: '127.0.0.1',
      port,
      dataDir: cloud.dataDir,
      kek: cloud.kek,
      signerKey: generateSignerKey('takumo-e2e.example').signerKey,
      log: false,
    });
    serviceOpen = true;
    const verify = await run(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain('note: the cloud now presents a different verifier key than the pinned one');
    expect(verify.stderr).toContain('FAIL: checkpoint rejected: the checkpoint is not signed by the pinned key');
  });
});

describe('a cloud that is down', () => {
  it('a scan still succeeds, and its events wait in the queue for later', async () => {
    await service.close();
    serviceOpen = false;
    const scan = await run(['scan', 'src', '--format', 'json', '--no-progress']);
    expect(scan.code).toBe(1); // findings, exactly as without a cloud
    expect(JSON.parse(scan.stdout).findings.length).toBeGreaterThanOrEqual(2);
    expect(scan.stderr).toContain('audit events not delivered');
    expect(JSON.parse((await run(['status', '--json'])).stdout).queue.length).toBeGreaterThanOrEqual(2);
  });

  it('costs the agent at most its deadline and keeps the events for later', async () => {
    const reporter = createCloudReporter(env());
    reporter.report({ type: 'detection', rule: 'r', category: 'KEY', file: 'a.ts', line: 1 });
    const started = Date.now();
    await reporter.close({ deadlineMs: 2_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const status = JSON.parse((await run(['status', '--json'])).stdout);
    expect(status.reachable).toBe(false);
    expect(status.queue.length).toBeGreaterThanOrEqual(3);
  });
});
