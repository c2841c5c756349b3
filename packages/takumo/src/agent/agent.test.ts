import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config.js';
import { AgentCloud } from '../test-support/agent-cloud.js';
import { runMain, type MainRun } from '../test-support/run-main.js';
import { CloudClient } from './cloud-client.js';
import { normaliseCloudUrl, saveCredentials } from './credentials.js';
import { EventQueue, queueStatus, sanitizeEvent, zdrEvents } from './event-queue.js';
import { mergePolicy, refreshPolicy, type CloudPolicy } from './policy.js';
import { createCloudReporter } from './reporter.js';
import { recordCommand, telemetryState } from './telemetry.js';

let home: string;
let cloud: AgentCloud;

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'takumo-agent-'));
  cloud = await new AgentCloud().start();
});
afterEach(async () => {
  await cloud.stop();
  rmSync(home, { recursive: true, force: true });
});

function envWith(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { TAKUMO_HOME: home, PATH: process.env.PATH, ...extra };
}

function run(args: string[], options: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MainRun> {
  return runMain(args, { cwd: home, env: options.env ?? envWith(), stdin: options.stdin });
}

function login(): void {
  saveCredentials(envWith(), {
    cloud: cloud.url,
    token: cloud.token,
    org: { id: 'org-1', name: 'Acme', plan: 'pro', zdr: cloud.zdr },
    role: 'member',
    savedAt: new Date().toISOString(),
  });
}

describe('login, logout and status', () => {
  it('logs in with a token from standard input, stores it owner-only, and status shows the connection', async () => {
    const result = await run(['login', '--cloud', `${cloud.url}/`], { stdin: `${cloud.token}\n` });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('as member of "Acme"');
    expect(result.stdout).not.toContain(cloud.token);
    const path = join(home, 'credentials.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ cloud: cloud.url, token: cloud.token, org: { id: 'org-1' } });
    expect(cloud.requestsTo('/api/v1/me')[0]!.headers.authorization).toBe(`Bearer ${cloud.token}`);
    expect(existsSync(join(home, 'policy.json'))).toBe(true);

    const status = await run(['status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      cloud: cloud.url,
      loggedIn: true,
      reachable: true,
      org: { name: 'Acme', zdr: false },
      role: 'member',
      queue: { length: 0, dropped: 0 },
      policy: { version: 1 },
      telemetry: { enabled: true },
    });
    const text = await run(['status']);
    expect(text.stdout).toMatch(/Cloud: +http:\/\/127\.0\.0\.1:\d+ \(reachable\)/);
    expect(text.stdout).not.toContain(cloud.token);

    const out = await run(['logout']);
    expect(out.code).toBe(0);
    expect(existsSync(path)).toBe(false);
    expect(JSON.parse((await run(['status', '--json'])).stdout)).toMatchObject({ loggedIn: false, cloud: null });
  });

  it('refuses a token the cloud rejects, saves nothing and never echoes the token', async () => {
    const result = await run(['login', '--cloud', cloud.url], { stdin: 'tk_wrong_token_value_123' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('refused the API token');
    expect(result.stderr).not.toContain('tk_wrong_token_value_123');
    expect(existsSync(join(home, 'credentials.json'))).toBe(false);
  });

  it('gives clear errors for an unreachable cloud, a bad URL and an empty token', async () => {
    await cloud.stop();
    const down = await run(['login', '--cloud', cloud.url], { stdin: cloud.token });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain('cannot reach the cloud');
    expect((await run(['login', '--cloud', 'ftp://x'], { stdin: cloud.token })).stderr).toContain('https://');
    expect((await run(['login', '--cloud', 'http://takumo.example.com'], { stdin: cloud.token })).stderr).toContain('only allowed for a cloud on this machine');
    expect((await run(['login', '--cloud', 'http://127.0.0.1:1'], { stdin: '' })).stderr).toContain('no API token');
    cloud = await new AgentCloud().start(); // for afterEach
  });

  it('normalises cloud URLs and refuses embedded credentials', () => {
    expect(normaliseCloudUrl('https://takumo.example.com/')).toBe('https://takumo.example.com');
    expect(normaliseCloudUrl('https://takumo.example.com/base//')).toBe('https://takumo.example.com/base');
    expect(() => normaliseCloudUrl('https://user:pw@takumo.example.com')).toThrow(/user name or password/);
    expect(() => normaliseCloudUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('takes the cloud and token from TAKUMO_CLOUD_URL and TAKUMO_CLOUD_TOKEN (CI)', async () => {
    const env = envWith({ TAKUMO_CLOUD_URL: cloud.url, TAKUMO_CLOUD_TOKEN: cloud.token, TAKUMO_TELEMETRY: '0' });
    const status = JSON.parse((await run(['status', '--json'], { env })).stdout);
    expect(status).toMatchObject({ loggedIn: true, credentialsFrom: 'environment', reachable: true, org: { name: 'Acme' } });
    expect(existsSync(join(home, 'credentials.json'))).toBe(false);
  });

  it('never sends a stored token to another cloud given with --cloud', async () => {
    login();
    const result = await run(['audit', 'verify', '--cloud', 'http://127.0.0.1:9']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not logged in to http://127.0.0.1:9');
  });

  it('shows the queue, dropped counter and last error in status', async () => {
    login();
    cloud.mode = 'error';
    const reporter = createCloudReporter(envWith());
    reporter.report({ type: 'detection', rule: 'github-pat', category: 'KEY', file: 'a.ts', line: 3 });
    await reporter.close({ deadlineMs: 500 });
    const status = JSON.parse((await run(['status', '--json'])).stdout);
    expect(status.queue.length).toBe(1);
    expect(status.reachable).toBe(false);
  });
});

describe('event queue', () => {
  it('keeps only metadata fields: a value, a snippet or a hash has nowhere to travel', () => {
    const metadata = {
      type: 'detection',
      agentReportedAt: '2026-11-26T03:00:00.000Z',
      rule: 'aws-access-key',
      category: 'KEY',
      file: 'src/config.ts',
      line: 12,
      tool: 'scan',
    };
    const event = sanitizeEvent({
      ...metadata,
      value: 'AKIAIOSFODNN7EXAMPLE',
      secret: 'hunter2',
      snippet: 'const key = "AKIA..."',
      hash: 'e3b0c442',
      counts: { KEY: 1, 'bad key!': 3 },
    });
    expect(event).toEqual({ ...metadata, counts: { KEY: 1 } });
    expect(sanitizeEvent({ type: 'Bad Type', agentReportedAt: new Date().toISOString() })).toBeUndefined();
    expect(sanitizeEvent({ type: 'detection', agentReportedAt: 'yesterday' })).toBeUndefined();
    expect(sanitizeEvent({ type: 'detection', agentReportedAt: new Date().toISOString(), file: '/home/alice/x.ts' })?.file).toBeUndefined();
  });

  it('sanitized events only ever hold allow-listed keys (property)', () => {
    const allowed = new Set(['type', 'agentReportedAt', 'category', 'rule', 'file', 'line', 'counts', 'repository', 'tool']);
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) => {
        const event = sanitizeEvent({ ...extra, type: 'detection', agentReportedAt: '2026-01-01T00:00:00Z' });
        expect(event).toBeDefined();
        for (const key of Object.keys(event!)) expect(allowed.has(key)).toBe(true);
      }),
    );
  });

  it('folds events into per-type counts for Zero Data Retention organisations', () => {
    const t = '2026-11-26T03:00:00.000Z';
    const folded = zdrEvents([
      { type: 'detection', agentReportedAt: t, category: 'KEY', rule: 'r', file: 'a', line: 1 },
      { type: 'detection', agentReportedAt: t, category: 'KEY' },
      { type: 'detection', agentReportedAt: t, category: 'PASS' },
      { type: 'tokenization', agentReportedAt: t, counts: { KEY: 4 } },
    ]);
    expect(folded).toEqual([
      { type: 'detection', agentReportedAt: t, counts: { KEY: 2, PASS: 1 } },
      { type: 'tokenization', agentReportedAt: t, counts: { KEY: 4 } },
    ]);
  });

  it('is bounded: the oldest events are dropped and counted', async () => {
    login();
    const queue = new EventQueue(envWith(), { maxEvents: 5 });
    for (let i = 1; i <= 8; i++) queue.add({ type: 'detection', agentReportedAt: new Date().toISOString(), line: i });
    expect(queue.pending).toBe(5);
    queue.persist();
    const more = new EventQueue(envWith(), { maxEvents: 5 });
    for (let i = 9; i <= 11; i++) more.add({ type: 'detection', agentReportedAt: new Date().toISOString(), line: i });
    more.persist();
    expect(queueStatus(envWith())).toMatchObject({ length: 5, dropped: 6 });
    const client = new CloudClient({ url: cloud.url, token: cloud.token });
    const result = await new EventQueue(envWith(), { maxEvents: 5 }).flush(client, { agentId: 'a', zdr: false, deadlineMs: 5_000, cloudKey: 'k' });
    expect(result.sent).toBe(5);
    const sentLines = cloud.leaves.map((l) => JSON.parse(l.leaf!).line);
    expect(sentLines).toEqual([7, 8, 9, 10, 11]);
    expect(queueStatus(envWith()).length).toBe(0);
  });

  it('sends in batches and retries with backoff until the cloud accepts', async () => {
    login();
    cloud.failEvents = 2;
    const queue = new EventQueue(envWith(), { batchSize: 10, baseDelayMs: 5, maxDelayMs: 20 });
    for (let i = 1; i <= 25; i++) queue.add({ type: 'detection', agentReportedAt: new Date().toISOString(), line: i });
    const result = await queue.flush(new CloudClient({ url: cloud.url, token: cloud.token }), {
      agentId: 'agent-1',
      zdr: false,
      deadlineMs: 10_000,
      cloudKey: 'k',
    });
    expect(result).toMatchObject({ sent: 25, remaining: 0 });
    expect(result.receipts.map((r) => r.seq)).toEqual([...Array(25).keys()]);
    const posts = cloud.requestsTo('/api/v1/events');
    expect(posts.length).toBe(5); // 2 failures + 3 batches
    expect(posts.slice(2).map((p) => JSON.parse(p.body).events.length)).toEqual([10, 10, 5]);
  });

  it('adopts the claim of a process that died mid-delivery, and leaves a live one alone', async () => {
    login();
    const event = (line: number) => `${JSON.stringify({ type: 'detection', agentReportedAt: new Date().toISOString(), line })}\n`;
    writeFileSync(join(home, 'queue.jsonl.2147483646.0badc0de.claim'), event(1), { mode: 0o600 }); // no such process
    writeFileSync(join(home, `queue.jsonl.${process.ppid}.0badc0de.claim`), event(2), { mode: 0o600 }); // alive
    const result = await new EventQueue(envWith()).flush(new CloudClient({ url: cloud.url, token: cloud.token }), {
      agentId: 'a',
      zdr: false,
      deadlineMs: 5_000,
      cloudKey: 'k',
    });
    expect(result.sent).toBe(1);
    expect(cloud.leaves.map((l) => JSON.parse(l.leaf!).line)).toEqual([1]);
    expect(existsSync(join(home, 'queue.jsonl.2147483646.0badc0de.claim'))).toBe(false);
    expect(existsSync(join(home, `queue.jsonl.${process.ppid}.0badc0de.claim`))).toBe(true);
  });

  it('stops at its deadline when the cloud hangs, and keeps the events for the next run', async () => {
    login();
    cloud.mode = 'hang';
    const queue = new EventQueue(envWith());
    queue.add({ type: 'detection', agentReportedAt: new Date().toISOString(), rule: 'x' });
    const started = Date.now();
    const result = await queue.flush(new CloudClient({ url: cloud.url, token: cloud.token }), {
      agentId: 'a',
      zdr: false,
      deadlineMs: 300,
      cloudKey: 'k',
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.remaining).toBe(1);
    expect(queueStatus(envWith()).length).toBe(1);
    expect(statSync(join(home, 'queue.jsonl')).mode & 0o777).toBe(0o600);
  });
});

describe('reporter', () => {
  it('does nothing at all without a configured cloud', async () => {
    const reporter = createCloudReporter(envWith());
    expect(reporter.enabled).toBe(false);
    reporter.reportFindings([{ rule: 'r', category: 'KEY', file: 'a.ts', line: 1 }], { tool: 'scan' });
    expect(await reporter.close()).toBeUndefined();
    expect(existsSync(home) && existsSync(join(home, 'queue.jsonl'))).toBe(false);
    expect(cloud.requests.length).toBe(0);
  });

  it('sends findings as metadata with the agent id and stores the receipts', async () => {
    login();
    const reporter = createCloudReporter(envWith());
    reporter.reportFindings(
      [
        { rule: 'github-pat', category: 'KEY', file: join(home, 'src', 'a.ts'), line: 4 },
        { rule: 'generic-password', category: 'PASS', file: 'b.py', line: 9 },
      ],
      { tool: 'scan', cwd: home },
    );
    const summary = await reporter.close();
    expect(summary).toMatchObject({ sent: 2, remaining: 0, receipts: 2 });
    const body = JSON.parse(cloud.requestsTo('/api/v1/events')[0]!.body);
    expect(body.agentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.events).toEqual([
      expect.objectContaining({ type: 'detection', rule: 'github-pat', category: 'KEY', file: 'src/a.ts', line: 4, tool: 'scan' }),
      expect.objectContaining({ type: 'detection', rule: 'generic-password', category: 'PASS', file: 'b.py', line: 9 }),
    ]);
    const receipts = JSON.parse(readFileSync(join(home, 'receipts.json'), 'utf8'));
    expect(Object.values(receipts.logs)[0]).toHaveLength(2);
  });

  it('sends only counts to a ZDR organisation', async () => {
    cloud.zdr = true;
    login();
    const reporter = createCloudReporter(envWith());
    reporter.reportFindings([{ rule: 'github-pat', category: 'KEY', file: 'a.ts', line: 4 }], { tool: 'scan' });
    const summary = await reporter.close();
    expect(summary).toMatchObject({ sent: 1, rejected: 0 });
    const body = JSON.parse(cloud.requestsTo('/api/v1/events')[0]!.body);
    expect(body.events).toEqual([{ type: 'detection', agentReportedAt: expect.any(String), counts: { KEY: 1 } }]);
  });

  it('a cloud that is down costs the command at most its deadline, and says so on stderr', async () => {
    login();
    cloud.mode = 'hang';
    const stderr = new PassThrough();
    const lines: string[] = [];
    stderr.on('data', (d: Buffer) => lines.push(d.toString()));
    const reporter = createCloudReporter(envWith(), { stderr });
    reporter.report({ type: 'detection', rule: 'r' });
    const started = Date.now();
    await reporter.close({ deadlineMs: 400 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(lines.join('')).toContain('audit events not delivered');
    expect(queueStatus(envWith()).length).toBe(1);
  });
});

describe('proxy events', () => {
  it('maps detections and Sentinel findings to metadata events and delivers them while running', async () => {
    login();
    const reporter = createCloudReporter(envWith());
    reporter.startAutoFlush(50);
    reporter.reportProxyEvent({ type: 'detection', provider: 'anthropic', rule: 'github-pat', category: 'KEY', count: 2 });
    reporter.reportProxyEvent({ type: 'sentinel', provider: 'openai', rule: 'py-sqli', category: 'sqli', severity: 'high', blocked: true });
    reporter.reportProxyEvent({ type: 'request' });
    for (let i = 0; i < 100 && cloud.leaves.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(cloud.leaves).toHaveLength(2); // delivered by the timer, before close
    await reporter.close();
    const events = cloud.leaves.map((l) => JSON.parse(l.leaf!));
    expect(events[0]).toMatchObject({ type: 'tokenization', rule: 'github-pat', category: 'KEY', counts: { KEY: 2 }, tool: 'proxy/anthropic' });
    expect(events[1]).toMatchObject({ type: 'sentinel_block', rule: 'py-sqli', category: 'sqli', tool: 'proxy/openai' });
  });
});

describe('policy', () => {
  it('pulls with ETag: unchanged policies are not downloaded again', async () => {
    login();
    const first = await refreshPolicy(envWith());
    expect(first).toMatchObject({ changed: true, policy: { version: 1 } });
    const second = await refreshPolicy(envWith());
    expect(second).toMatchObject({ changed: false, policy: { version: 1 } });
    const requests = cloud.requestsTo('/api/v1/policy');
    expect(requests[1]!.headers['if-none-match']).toBe('"1"');
    cloud.policy = { version: 2, policy: { internalDomains: ['corp.example'] } };
    expect(await refreshPolicy(envWith())).toMatchObject({ changed: true, policy: { version: 2 } });
    await cloud.stop();
    const offline = await refreshPolicy(envWith(), { timeoutMs: 500 });
    expect(offline).toMatchObject({ changed: false, policy: { version: 2 } });
    expect(offline.error).toBeDefined();
    cloud = await new AgentCloud().start();
  });

  it('scan applies the cached organisation policy: an organisation rule finds what no local rule does', async () => {
    cloud.policy = {
      version: 3,
      policy: { extraRules: [{ id: 'acme-internal-key', category: 'KEY', pattern: 'acme_[a-z0-9]{32}', keywords: ['acme_'] }] },
    };
    const secret = `acme_${'k3'.repeat(16)}`;
    writeFileSync(join(home, 'app.ts'), `const k = "${secret}";\n`);
    const before = await run(['scan', 'app.ts', '--format', 'json', '--no-progress']);
    expect(JSON.parse(before.stdout).findings).toEqual([]);
    expect((await run(['login', '--cloud', cloud.url], { stdin: cloud.token })).code).toBe(0);
    const after = await run(['scan', 'app.ts', '--format', 'json', '--no-progress']);
    expect(after.code).toBe(1);
    expect(JSON.parse(after.stdout).findings.map((f: { rule: string }) => f.rule)).toEqual(['acme-internal-key']);
    expect(after.stdout).not.toContain(secret);
  });

  it('applies the policy and lets the local file only make it stricter', () => {
    const local = defaultConfig();
    local.detector.extraRules = [
      { id: 'local-rule', category: 'KEY', description: 'l', keywords: ['x'], pattern: /x_[a-z]{8}/, confidence: 'high', examples: { match: [], noMatch: [] } },
    ];
    local.detector.allowlist = { values: ['not-a-secret'], disabledRules: ['github-pat'], paths: ['fixtures/**'] };
    local.detector.internalDomains = ['local.example'];
    local.proxy = { sentinel: 'report', sentinelThreshold: 'critical' };
    const policy: CloudPolicy = {
      detectors: { disabled: ['generic-entropy'] },
      extraRules: [
        { id: 'acme-key', category: 'KEY', pattern: 'acme_[a-z0-9]{32}', keywords: ['ACME_'] },
        { id: 'bad', category: 'KEY', pattern: '(a+)+$' },
      ],
      allowlist: { paths: ['vendor/**'], patterns: ['^EXAMPLE'], rules: [] },
      internalDomains: ['*.corp.example'],
      sentinel: { mode: 'block', threshold: 'high' },
    };
    const merged = mergePolicy(local, policy, 7);
    expect(merged.detector.extraRules!.map((r) => r.id)).toEqual(['local-rule', 'acme-key']);
    expect(merged.detector.extraRules![1]!.keywords).toEqual(['acme_']);
    expect(merged.detector.internalDomains).toEqual(['local.example', 'corp.example']);
    expect(merged.detector.allowlist).toEqual({ paths: ['vendor/**'], patterns: ['^EXAMPLE'], disabledRules: ['generic-entropy'] });
    expect(merged.proxy).toMatchObject({ sentinel: 'block', sentinelThreshold: 'high' });
    expect(merged.policy?.version).toBe(7);
    expect(merged.policy?.warnings.join('\n')).toMatch(/policy rule bad was skipped/);
    expect(merged.policy?.warnings.join('\n')).toMatch(/local allowlist.paths \(1\), allowlist.values \(1\), allowlist.rules \(1\) not applied/);
  });

  it('merged configuration is never laxer than the policy nor than the local rules (property)', () => {
    const severity = fc.constantFrom('low', 'medium', 'high', 'critical' as const);
    const domain = fc.stringMatching(/^[a-z]{1,8}\.example$/);
    fc.assert(
      fc.property(
        fc.option(fc.constantFrom('report', 'block' as const), { nil: undefined }),
        fc.option(severity, { nil: undefined }),
        fc.option(fc.constantFrom('report', 'block' as const), { nil: undefined }),
        fc.option(severity, { nil: undefined }),
        fc.array(domain, { maxLength: 4 }),
        fc.array(domain, { maxLength: 4 }),
        (localMode, localThreshold, policyMode, policyThreshold, localDomains, policyDomains) => {
          const local = defaultConfig();
          local.proxy = { ...(localMode && { sentinel: localMode }), ...(localThreshold && { sentinelThreshold: localThreshold }) };
          local.detector.internalDomains = localDomains;
          const merged = mergePolicy(local, {
            internalDomains: policyDomains,
            sentinel: { ...(policyMode && { mode: policyMode }), ...(policyThreshold && { threshold: policyThreshold }) },
          });
          const order = ['low', 'medium', 'high', 'critical'];
          if (localMode === 'block' || policyMode === 'block') expect(merged.proxy.sentinel).toBe('block');
          for (const t of [localThreshold, policyThreshold]) {
            if (t) expect(order.indexOf(merged.proxy.sentinelThreshold!)).toBeLessThanOrEqual(order.indexOf(t));
          }
          for (const d of [...localDomains, ...policyDomains]) expect(merged.detector.internalDomains).toContain(d);
        },
      ),
    );
  });
});

describe('telemetry', () => {
  it('sends only version, OS family and command counts, to the configured cloud, and status shows exactly that', async () => {
    login();
    const status = await run(['telemetry', 'status', '--json']);
    const shown = JSON.parse(status.stdout);
    expect(shown.enabled).toBe(true);
    expect(shown.destination).toBe(cloud.url);
    // The status run itself was counted and sent by the post-command hook.
    const posts = cloud.requestsTo('/api/v1/telemetry');
    expect(posts).toHaveLength(1);
    const sent = JSON.parse(posts[0]!.body);
    expect(Object.keys(sent).sort()).toEqual(['cliVersion', 'commands', 'os']);
    expect(sent).toEqual(shown.wouldSend);
    expect(sent.commands).toEqual({ telemetry: 1 });
    // Within the hour, counts are gathered, not sent.
    await run(['status', '--offline']);
    expect(cloud.requestsTo('/api/v1/telemetry')).toHaveLength(1);
    expect(JSON.parse((await run(['telemetry', 'status', '--json'])).stdout).wouldSend.commands).toEqual({ status: 1, telemetry: 1 });
  });

  it.each([
    ['TAKUMO_TELEMETRY=0', { TAKUMO_TELEMETRY: '0' }],
    ['TAKUMO_TELEMETRY=false', { TAKUMO_TELEMETRY: 'false' }],
    ['DO_NOT_TRACK=1', { DO_NOT_TRACK: '1' }],
  ])('sends and records nothing with %s', async (_name, extra) => {
    login();
    const env = envWith(extra);
    expect(telemetryState(env).enabled).toBe(false);
    expect(await recordCommand(env, 'scan')).toBe(false);
    const result = await run(['status', '--offline'], { env });
    expect(result.stdout).toContain('Telemetry:  off');
    await run(['telemetry', 'status'], { env });
    expect(cloud.requestsTo('/api/v1/telemetry')).toHaveLength(0);
    expect(existsSync(join(home, 'telemetry.json'))).toBe(false);
  });

  it('sends nothing after `takumo telemetry off`, and resumes after `on`', async () => {
    login();
    expect((await run(['telemetry', 'off'])).code).toBe(0);
    await run(['status', '--offline']);
    await run(['telemetry', 'status']);
    expect(cloud.requestsTo('/api/v1/telemetry')).toHaveLength(0);
    expect(JSON.parse(readFileSync(join(home, 'telemetry.json'), 'utf8'))).toEqual({ enabled: false });
    await run(['telemetry', 'on']);
    expect(cloud.requestsTo('/api/v1/telemetry')).toHaveLength(1);
  });

  it('sends nothing when no cloud is configured', async () => {
    await run(['telemetry', 'status']);
    await run(['status']);
    expect(cloud.requests).toHaveLength(0);
    expect(telemetryState(envWith()).reason).toContain('no cloud configured');
  });

  it('rejects an unknown action with exit 2', async () => {
    expect((await run(['telemetry', 'maybe'])).code).toBe(2);
  });
});

describe('audit verify', () => {
  async function sendEvents(count: number): Promise<void> {
    const reporter = createCloudReporter(envWith());
    for (let i = 0; i < count; i++) reporter.report({ type: 'detection', rule: `rule-${i}`, category: 'KEY', file: `f${i}.ts`, line: i + 1 });
    await reporter.close();
  }

  it('verifies an honest log, pins the key on first use, and checks consistency on the next run', async () => {
    login();
    await sendEvents(13);
    const first = await run(['audit', 'verify', '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ ok: true, pinned: 'first-use', treeSize: 13, consistency: 'first-checkpoint' });
    expect(report.receipts.checked).toBe(13);
    expect(report.entries.walked).toBe(13);
    const state = JSON.parse(readFileSync(join(home, 'audit-state.json'), 'utf8'));
    expect(Object.values<{ verifierKey: string }>(state.logs)[0]!.verifierKey).toBe(cloud.keys.verifierKey);

    await sendEvents(20);
    const second = await run(['audit', 'verify']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('extends the checkpoint of 13 entries');
    expect(second.stdout).toContain('OK: the audit log verifies.');
    expect(cloud.requestsTo('/api/v1/audit/proof/consistency')).toHaveLength(1);
  });

  it('names the first edited entry when an entry content was changed', async () => {
    login();
    await sendEvents(10);
    expect((await run(['audit', 'verify'])).code).toBe(0);
    cloud.editLeaf(6, cloud.leaves[6]!.leaf!.replace('rule-6', 'rule-X'));
    cloud.editLeaf(8, cloud.leaves[8]!.leaf!.replace('rule-8', 'rule-Y'));
    const result = await run(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('first bad entry: #6: the entry was edited');
  });

  it('names the first re-hashed entry (content and leaf hash both changed) from the receipt this agent kept', async () => {
    login();
    await sendEvents(37);
    cloud.rehashLeaf(21, cloud.leaves[21]!.leaf!.replace('rule-21', 'rule-Z'));
    const result = await run(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.firstBadEntry).toEqual({ seq: 21, reason: 'the entry differs from the receipt this agent was given when it sent it' });
  });

  it.each([
    [20, 20],
    [21, 20],
    [0, 0],
    [35, 34],
  ])('without receipts, names the pair holding re-hashed entry #%i from the signed checkpoint alone (reports #%i)', async (seq, reported) => {
    login();
    await sendEvents(37);
    rmSync(join(home, 'receipts.json'));
    cloud.rehashLeaf(seq, cloud.leaves[seq]!.leaf!.replace(`rule-${seq}"`, 'rule-Z"'));
    const result = await run(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).firstBadEntry).toEqual({
      seq: reported,
      reason: 'the signed checkpoint proves every entry before this one, but not this one or the next: one of the two was edited, replaced or re-hashed',
    });
  });

  it('a server that re-signs a rewritten last entry is caught by the receipt this agent kept', async () => {
    login();
    await sendEvents(37);
    cloud.rehashLeaf(36, cloud.leaves[36]!.leaf!.replace('rule-36"', 'rule-Z"'));
    const result = await run(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).firstBadEntry.seq).toBe(36);
  });

  it('names an entry whose stored record the cloud can no longer read', async () => {
    login();
    await sendEvents(1500);
    cloud.unreadable.add(1234);
    const result = await run(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).firstBadEntry).toEqual({
      seq: 1234,
      reason: 'the cloud cannot return this entry: its stored record fails its integrity check (edited or damaged)',
    });
  });

  it('names a deleted entry', async () => {
    login();
    await sendEvents(12);
    cloud.deleteEntry(4);
    const result = await run(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).firstBadEntry).toEqual({ seq: 4, reason: 'the entry is missing (deleted)' });
  });

  it('rejects a checkpoint signed by another key, and a rewritten history after a verified checkpoint', async () => {
    login();
    await sendEvents(5);
    expect((await run(['audit', 'verify'])).code).toBe(0);
    const genuine = cloud.signingKey;
    cloud.signingKey = new AgentCloud().keys.signerKey;
    const forged = await run(['audit', 'verify']);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('not signed by the pinned key');

    cloud.signingKey = genuine;
    cloud.rewriteHistory(2, cloud.leaves[2]!.leaf!.replace('rule-2', 'rule-W'));
    // The server re-signs the rewritten tree with its genuine key: consistency catches it.
    const rewritten = await run(['audit', 'verify', '--json']);
    expect(rewritten.code).toBe(1);
    const report = JSON.parse(rewritten.stdout);
    expect(report.consistency).toBe('failed');
    expect(report.firstBadEntry.seq).toBe(2);
  });

  it('names where a re-signed, rewritten history departs from the one verified before, without receipts', async () => {
    login();
    await sendEvents(11);
    expect((await run(['audit', 'verify'])).code).toBe(0);
    rmSync(join(home, 'receipts.json'));
    cloud.rewriteHistory(7, cloud.leaves[7]!.leaf!.replace('rule-7"', 'rule-Q"'));
    await sendEvents(4);
    const result = await run(['audit', 'verify', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.consistency).toBe('failed');
    expect(report.firstBadEntry).toEqual({ seq: 7, reason: expect.stringContaining('history was rewritten') });
  });

  it('checks against a key pinned with --pin and refuses a malformed pin', async () => {
    login();
    await sendEvents(3);
    const other = new AgentCloud();
    const malformed = other.keys.verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    const wrongPin = await run(['audit', 'verify', '--pin', malformed]);
    expect(wrongPin.code).toBe(2);
    expect(wrongPin.stderr).toContain('--pin: the verifier key id does not match its key');
    const otherKey = await run(['audit', 'verify', '--pin', other.keys.verifierKey]);
    expect(otherKey.code).toBe(1);
    const right = await run(['audit', 'verify', '--pin', cloud.keys.verifierKey, '--json']);
    expect(right.code).toBe(0);
    expect(JSON.parse(right.stdout).pinned).toBe('explicit');
  });

  it('exports JSONL with proofs and verifies it while writing; a tampered export fails', async () => {
    login();
    await sendEvents(9);
    expect((await run(['audit', 'verify'])).code).toBe(0);
    const result = await run(['audit', 'export', '--output', 'audit.jsonl']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Exported 9 entries to audit.jsonl (checkpoint and 9 inclusion proofs verified)');
    const lines = readFileSync(join(home, 'audit.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[1]!)).toMatchObject({ type: 'entry', seq: 0, proof: expect.any(Array) });
    cloud.editLeaf(3, cloud.leaves[3]!.leaf!.replace('rule-3', 'rule-V'));
    const bad = await run(['audit', 'export', '--output', 'audit2.jsonl']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('entry #3 was edited');
  });

  it('every command has --help', async () => {
    for (const args of [['login'], ['logout'], ['status'], ['audit', 'verify'], ['audit', 'export'], ['telemetry']]) {
      const result = await run([...args, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Usage: takumo');
      expect(result.stdout).toContain('Exit status');
    }
  });
});
