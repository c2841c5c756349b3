import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningCloudService } from '@takumo/cloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRealCloud } from '../test-support/real-cloud.js';
import { runMain, type MainRun } from '../test-support/run-main.js';

/**
 * The canary test: real secrets-shaped values ("canaries") go through `takumo scan` and
 * through `takumo run` (a proxied request to a fake Anthropic upstream) with the cloud
 * configured; afterwards no canary — nor any 8-character piece of its random part, nor its
 * base64 or hex form — may appear in the cloud's database files, the server log, the
 * telemetry the cloud stored, the audit export, the agent's own files in TAKUMO_HOME, or
 * what reached the AI provider.
 */
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (n: number, alphabet = ALNUM) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');

const canaries = {
  github: `ghp_${random(36)}`,
  aws: `AKIA${random(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  password: `Cn4ry-${random(20)}`,
  database: `postgres://app:${random(24)}@db.corp.internal:5432/orders`,
};
/** The random part of each canary: what must never appear, even in pieces. */
const secretParts = [canaries.github.slice(4), canaries.aws.slice(4), canaries.password.slice(6), canaries.database.slice(15, 39)];

let service: RunningCloudService;
let open = false;
let dataDir: string;
let home: string;
let project: string;
let upstream: Server;
let upstreamUrl: string;
const upstreamBodies: string[] = [];
let serverLog: string[] = [];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'takumo-canary-home-'));
  project = mkdtempSync(join(tmpdir(), 'takumo-canary-project-'));
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src', 'config.ts'), `export const github = '${canaries.github}';\nexport const aws = "${canaries.aws}";\n`);
  writeFileSync(join(project, 'src', 'db.py'), `password = "${canaries.password}"\nDATABASE = "${canaries.database}"\n`);
  writeFileSync(join(project, '.env'), `DB_PASSWORD=${canaries.password}\n`);

  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      upstreamBodies.push(body);
      const asked = (JSON.parse(body) as { messages: Array<{ content: string }> }).messages[0]!.content;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'msg_canary',
          type: 'message',
          role: 'assistant',
          model: 'claude-test',
          content: [{ type: 'text', text: `You sent: ${asked}` }],
          stop_reason: 'end_turn',
          usage: { input_tokens: 1, output_tokens: 1 },
        }),
      );
    });
  });
  await new Promise<void>((ok) => upstream.listen(0, '127.0.0.1', ok));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;

  const cloud = await startRealCloud({ label: 'canary', orgName: 'Canary Org', ownerName: 'Olive', logLevel: 'debug' });
  ({ service, dataDir, serverLog } = cloud);
  open = true;
  const login = await run(['login', '--cloud', service.url], { stdin: cloud.agentToken });
  expect(login.code, login.stderr).toBe(0);
}, 120_000);

afterAll(async () => {
  if (open) await service.close();
  await new Promise<void>((ok) => (upstream ? upstream.close(() => ok()) : ok()));
  for (const dir of [dataDir, home, project]) if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], options: { stdin?: string } = {}): Promise<MainRun> {
  // Telemetry stays on (the default): it is one of the channels under test.
  const env = { TAKUMO_HOME: home, PATH: process.env.PATH };
  return runMain(args, { cwd: project, env, stdin: options.stdin });
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every form of a canary that must not appear: whole, base64, hex, and 8-char windows. */
function needles(): Array<{ what: string; bytes: Buffer }> {
  const list: Array<{ what: string; bytes: Buffer }> = [];
  for (const [name, value] of Object.entries(canaries)) {
    list.push({ what: `${name} canary`, bytes: Buffer.from(value) });
    list.push({ what: `${name} canary (base64)`, bytes: Buffer.from(Buffer.from(value).toString('base64').slice(0, 16)) });
    list.push({ what: `${name} canary (hex)`, bytes: Buffer.from(Buffer.from(value).toString('hex').slice(0, 24)) });
  }
  for (const part of secretParts) {
    for (let i = 0; i + 8 <= part.length; i += 4) list.push({ what: `a piece of a canary (${part.slice(i, i + 2)}…)`, bytes: Buffer.from(part.slice(i, i + 8)) });
  }
  return list;
}

function leaks(haystack: Buffer): string[] {
  return needles()
    .filter((n) => haystack.includes(n.bytes))
    .map((n) => n.what);
}

describe('canary: no secret byte reaches the cloud, its logs, telemetry or exports', () => {
  it('a scan and a proxied request with the cloud configured leave no canary anywhere', async () => {
    const scan = await run(['scan', '.', '--format', 'json', '--no-progress']);
    expect(scan.code, scan.stderr).toBe(1); // findings
    const report = JSON.parse(scan.stdout) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThanOrEqual(4);

    const script = [
      `const body = JSON.stringify({ model: 'claude-test', max_tokens: 10, messages: [{ role: 'user', content: ${JSON.stringify(`db is ${canaries.database} and key ${canaries.github}`)} }] });`,
      `const r = await fetch(process.env.ANTHROPIC_BASE_URL + '/v1/messages', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': 'test', 'anthropic-version': '2023-06-01' }, body });`,
      `const answer = await r.json(); process.stdout.write(answer.content[0].text);`,
    ].join('\n');
    const proxied = await run(['run', '--anthropic-upstream', upstreamUrl, '--', process.execPath, '--input-type=module', '-e', script]);
    expect(proxied.code, proxied.stderr).toBe(0);
    // The tool got the real values back; the provider only ever saw tokens.
    expect(proxied.stdout).toContain(canaries.database);
    expect(upstreamBodies.length).toBe(1);
    expect(leaks(Buffer.from(upstreamBodies.join('\n')))).toEqual([]);
    expect(upstreamBodies[0]).toMatch(/__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/);

    // Both commands reported to the cloud (metadata only).
    const entries = await service.database.ownerQuery<{ n: unknown }>('select count(*) as n from audit_leaves');
    expect(Number(entries[0]!.n)).toBeGreaterThanOrEqual(5);

    const exported = await run(['audit', 'export', '--output', 'export.jsonl']);
    expect(exported.code, exported.stderr).toBe(0);
    const verify = await run(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    const telemetry = await service.database.ownerQuery<{ command: string }>('select command from telemetry_counts');
    expect(telemetry.length).toBeGreaterThan(0); // the login run was counted and sent (later runs wait for the hourly send)

    // Close the server so the embedded database has written everything to its files.
    await service.close();
    open = false;

    const found: string[] = [];
    for (const file of filesUnder(dataDir)) for (const what of leaks(readFileSync(file))) found.push(`database file ${file}: ${what}`);
    for (const what of leaks(Buffer.from(serverLog.join('')))) found.push(`server log: ${what}`);
    for (const what of leaks(readFileSync(join(project, 'export.jsonl')))) found.push(`audit export: ${what}`);
    for (const file of filesUnder(home)) for (const what of leaks(readFileSync(file))) found.push(`agent file ${file}: ${what}`);
    for (const what of leaks(Buffer.from(JSON.stringify(telemetry)))) found.push(`telemetry: ${what}`);
    expect(found).toEqual([]);
    expect(serverLog.join('').length).toBeGreaterThan(0);
    expect(statSync(join(project, 'export.jsonl')).size).toBeGreaterThan(0);
  });
});
