import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpoint } from '../audit/checkpoint.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../audit/merkle.js';
import { sql } from 'kysely';
import { Keyring } from '../crypto/keyring.js';
import { openDatabase } from '../db/database.js';
import { BACKENDS } from '../test-support/databases.js';
import { createCloudServer } from './app.js';
import { call, createOrg, createToken, detectionEvent, startTestCloud, type TestCloud, type TestOrg } from '../test-support/cloud-harness.js';

describe.each(BACKENDS)('cloud API on %s', (backend) => {
  let cloud: TestCloud;
  let org: TestOrg;
  beforeAll(async () => {
    cloud = await startTestCloud(backend);
    org = await createOrg(cloud, 'pro');
  });
  afterAll(async () => cloud?.close());

  it('answers health without authentication and everything else only with it', async () => {
    expect((await call(cloud, undefined, 'GET', '/healthz')).json()).toEqual({ status: 'ok' });
    const me = await call(cloud, undefined, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(401);
  });

  it('logs in with a session cookie that is HttpOnly and SameSite=Strict, and reports who is calling', async () => {
    const res = await call(cloud, undefined, 'POST', '/api/v1/auth/login', { email: org.owner.email, password: org.owner.password });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await call(cloud, org.owner, 'GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ org: { id: org.orgId, name: 'Acme', plan: 'pro', zdr: false }, principal: { type: 'user', role: 'owner' } });
  });

  it('refuses a wrong password with the same message as an unknown email', async () => {
    const wrong = await call(cloud, undefined, 'POST', '/api/v1/auth/login', { email: org.owner.email, password: 'not the password!' });
    const unknown = await call(cloud, undefined, 'POST', '/api/v1/auth/login', { email: 'nobody@example.test', password: 'not the password!' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('requires the CSRF header for state-changing requests made with the session cookie', async () => {
    const noCsrf = await call(cloud, { cookie: org.owner.cookie! }, 'POST', '/api/v1/tokens', { name: 'x', scopes: ['events:write'] });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('csrf');
    const wrongCsrf = await call(cloud, { cookie: org.owner.cookie!, csrf: 'A'.repeat(43) }, 'POST', '/api/v1/tokens', { name: 'x', scopes: ['events:write'] });
    expect(wrongCsrf.statusCode).toBe(403);
  });

  it('ingests events with receipts that verify against a signed checkpoint', async () => {
    const agent = await createToken(cloud, org.owner, ['events:write', 'audit:read', 'policy:read']);
    const sent = await call(cloud, { token: agent.token }, 'POST', '/api/v1/events', {
      agentId: 'laptop-1',
      events: Array.from({ length: 7 }, (_, i) => detectionEvent(i)),
    });
    expect(sent.statusCode).toBe(200);
    const { receipts, treeSize } = sent.json() as { receipts: Array<{ seq: number; leafHash: string }>; treeSize: number };
    expect(receipts).toHaveLength(7);
    const cpText = (await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/checkpoint')).body;
    const key = (await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/key')).json();
    const cp = openCheckpoint(cpText, key.verifierKey, { origin: key.origin });
    expect(cp.size).toBe(treeSize);
    for (const r of receipts) {
      const proof = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/proof/inclusion?seq=${r.seq}&size=${cp.size}`)).json();
      expect(verifyInclusion(Buffer.from(r.leafHash, 'base64'), r.seq, cp.size, proof.proof.map((p: string) => Buffer.from(p, 'base64')), cp.rootHash)).toBe(true);
    }
    const entries = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/entries?start=0&end=${cp.size}`)).json();
    for (const e of entries.entries) {
      expect(leafHash(Buffer.from(e.leaf, 'utf8')).toString('base64')).toBe(e.leafHash);
    }
    const last = JSON.parse(entries.entries.at(-1).leaf);
    expect(last).toMatchObject({ type: 'detection', file: 'src/config/settings-6.ts', agentId: 'laptop-1', actor: { type: 'token', id: agent.id } });
    expect(typeof last.receivedAt).toBe('string');

    // Append more, then prove the old checkpoint is a prefix of the new one.
    await call(cloud, { token: agent.token }, 'POST', '/api/v1/events', { agentId: 'laptop-1', events: [detectionEvent(99)] });
    const cp2 = openCheckpoint((await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/checkpoint')).body, key.verifierKey);
    const cons = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/proof/consistency?from=${cp.size}&to=${cp2.size}`)).json();
    expect(verifyConsistency(cp.size, cp2.size, cp.rootHash, cp2.rootHash, cons.proof.map((p: string) => Buffer.from(p, 'base64')))).toBe(true);
  });

  it('serves the policy with an ETag and 304 when unchanged, and a new ETag after a write', async () => {
    const first = await call(cloud, org.owner, 'GET', '/api/v1/policy');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 0, policy: { zdr: false, sentinel: { mode: 'report' } } });
    const etag = String(first.headers.etag);
    const again = await call(cloud, org.owner, 'GET', '/api/v1/policy', undefined, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    const put = await call(cloud, org.owner, 'PUT', '/api/v1/policy', {
      policy: { internalDomains: ['corp.example'], sentinel: { mode: 'block', threshold: 'medium' } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().version).toBe(1);
    const changed = await call(cloud, org.owner, 'GET', '/api/v1/policy', undefined, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().policy.internalDomains).toEqual(['corp.example']);
  });

  it('rejects a policy pattern that could backtrack super-linearly', async () => {
    const res = await call(cloud, org.owner, 'PUT', '/api/v1/policy', {
      policy: { extraRules: [{ id: 'bad', category: 'KEY', pattern: '(a+)+$' }] },
    });
    expect(res.statusCode).toBe(400);
  });

  it('keeps one gapless, consistent log when two server instances append at the same time', async () => {
    const second = cloud.databaseUrl ? await openDatabase({ databaseUrl: cloud.databaseUrl, poolSize: 4 }) : cloud.database;
    const other = await createCloudServer({ database: second, keyring: new Keyring({ current: cloud.kek }), signerKey: cloud.signer.signerKey, log: false });
    try {
      const agent = await createToken(cloud, org.owner, ['events:write', 'audit:read']);
      const servers = [cloud.server.app, other.app];
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          servers[i % 2]!.inject({
            method: 'POST',
            url: '/api/v1/events',
            headers: { authorization: `Bearer ${agent.token}` },
            payload: { agentId: `instance-${i % 2}`, events: Array.from({ length: 10 }, (_, j) => detectionEvent(i * 10 + j)) },
          }),
        ),
      );
      const seqs = results.flatMap((r) => r.json().receipts.map((x: { seq: number }) => x.seq)).sort((x: number, y: number) => x - y);
      expect(seqs).toHaveLength(80);
      for (let k = 1; k < seqs.length; k++) expect(seqs[k]).toBe(seqs[k - 1] + 1);
      const cp = openCheckpoint((await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/checkpoint')).body, cloud.server.services.verifierKey);
      const all = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/entries?start=0&end=${cp.size}`)).json().entries;
      const { rootFromLeafHashes } = await import('../audit/merkle.js');
      expect(rootFromLeafHashes(all.map((e: { leafHash: string }) => Buffer.from(e.leafHash, 'base64'))).equals(cp.rootHash)).toBe(true);
    } finally {
      await other.app.close();
      if (second !== cloud.database) await second.close();
    }
  });

  it('stores telemetry as anonymous daily counts and refuses free-form fields', async () => {
    const token = await createToken(cloud, org.owner, ['telemetry:write']);
    const ok = await call(cloud, { token: token.token }, 'POST', '/api/v1/telemetry', { cliVersion: '0.1.0', os: 'linux', commands: { scan: 3, 'proxy': 1 } });
    expect(ok.statusCode).toBe(202);
    await call(cloud, { token: token.token }, 'POST', '/api/v1/telemetry', { cliVersion: '0.1.0', os: 'linux', commands: { scan: 2 } });
    const rows = await cloud.database.ownerQuery<{ command: string; count: string }>(`select command, count::text from telemetry_counts where cli_version = '0.1.0' order by command`);
    expect(rows).toEqual([{ command: 'proxy', count: '1' }, { command: 'scan', count: '5' }]);
    const columns = await sql<{ column_name: string }>`select column_name from information_schema.columns where table_name = 'telemetry_counts' order by column_name`.execute(cloud.database.db);
    expect(columns.rows.map((r) => r.column_name)).toEqual(['cli_version', 'command', 'count', 'day', 'os']);
    for (const bad of [
      { cliVersion: '0.1.0', os: 'linux', commands: { 'scan /home/alice/secret.txt': 1 } },
      { cliVersion: '0.1.0', os: 'linux', commands: { scan: 1 }, path: '/etc/passwd' },
      { cliVersion: 'sk-live-123', os: 'linux', commands: { scan: 1 } },
    ]) {
      expect((await call(cloud, { token: token.token }, 'POST', '/api/v1/telemetry', bad)).statusCode).toBe(400);
    }
  });

  it('lets only the owner change the plan; Enterprise makes retention configurable and forces ZDR', async () => {
    const fixed = await call(cloud, org.owner, 'PATCH', '/api/v1/org', { retentionDays: 30 });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().error.code).toBe('retention_fixed');
    const up = await call(cloud, org.owner, 'PUT', '/api/v1/org/plan', { plan: 'enterprise' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ plan: 'enterprise', zdr: true, retentionDays: 365 });
    const custom = await call(cloud, org.owner, 'PATCH', '/api/v1/org', { retentionDays: 30 });
    expect(custom.json().retentionDays).toBe(30);
    expect((await call(cloud, org.owner, 'PATCH', '/api/v1/org', { zdr: false })).statusCode).toBe(409);
    const log = (await call(cloud, org.owner, 'GET', '/api/v1/audit/entries?start=0')).json().entries.map((e: { leaf: string }) => JSON.parse(e.leaf).type);
    expect(log).toContain('plan_change');
    expect(log).toContain('policy_change');
  });
});
