import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckpoint } from '../audit/checkpoint.js';
import { leafHash, verifyConsistency, verifyInclusion } from '../audit/merkle.js';
import { BACKENDS } from '../test-support/databases.js';
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
});
