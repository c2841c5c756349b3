import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSignerKey, openCheckpoint } from '../audit/checkpoint.js';
import { checkStoredLog } from '../audit/log.js';
import { leafHash, verifyInclusion } from '../audit/merkle.js';
import { kekFromBytes } from '../crypto/envelope.js';
import { Keyring } from '../crypto/keyring.js';
import { inTenant, toBuffer } from '../db/database.js';
import { rewrapAllDataKeys, rotateAllDataKeys, sweepRetention } from '../maintenance.js';
import { BACKENDS } from '../test-support/databases.js';
import { call, createOrg, createToken, detectionEvent, startTestCloud, type TestCloud, type TestOrg } from '../test-support/cloud-harness.js';
import { createCloudServer } from './app.js';

const b64 = (s: string) => Buffer.from(s, 'base64');

describe.each(BACKENDS)('audit integrity, retention, encryption and ZDR on %s', (backend) => {
  let cloud: TestCloud;
  let org: TestOrg;
  let agent: { id: string; token: string };
  const CANARY_EMAIL = `canary.${randomBytes(4).toString('hex')}@plaintext.example`;
  const CANARY_PATH = `src/canary_${randomBytes(4).toString('hex')}/secret_config.ts`;
  const CANARY_REPO = `canary-org/repo_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    cloud = await startTestCloud(backend, { persistDir: true });
    org = await createOrg(cloud, 'pro', 'Integrity Org');
    agent = await createToken(cloud, org.owner, ['events:write', 'audit:read', 'audit:export']);
    const send = await call(cloud, { token: agent.token }, 'POST', '/api/v1/events', {
      agentId: 'ci-runner',
      events: Array.from({ length: 10 }, (_, i) => detectionEvent(i, i === 3 ? { file: CANARY_PATH, repository: CANARY_REPO } : {})),
    });
    expect(send.statusCode).toBe(200);
    const invite = await call(cloud, org.owner, 'POST', '/api/v1/invitations', { email: CANARY_EMAIL, role: 'member' });
    const accepted = await call(cloud, undefined, 'POST', '/api/v1/invitations/accept', { token: invite.json().token, name: 'Canary Person', password: 'canary password 123' });
    expect(accepted.statusCode).toBe(201);
  }, 120_000);
  afterAll(async () => cloud?.close());

  const owner = (text: string, params: unknown[] = []) => cloud.database.ownerQuery(text, params, { tenantId: org.orgId });

  it('rejects UPDATE, DELETE and TRUNCATE of leaves and nodes even for the table owner', async () => {
    for (const statement of [
      'update audit_leaves set leaf_hash = leaf_hash where seq = 1',
      'delete from audit_leaves where seq = 1',
      'truncate audit_leaves cascade',
      'update audit_nodes set hash = hash',
      'delete from audit_nodes',
      'update audit_payloads set leaf_enc = leaf_enc where seq = 1',
      'truncate audit_payloads',
    ]) {
      await expect(owner(statement), statement).rejects.toThrow(/append-only/);
    }
    // A payload inside its retention period cannot be deleted either.
    await expect(owner('delete from audit_payloads where seq = 2')).rejects.toThrow(/retention period/);
    // The app role has no DELETE/UPDATE grant on leaves at all.
    await expect(
      inTenant(cloud.database.db, org.orgId, (trx) => trx.deleteFrom('audit_leaves').where('seq', '=', 1).execute()),
    ).rejects.toThrow(/permission denied/);
  });

  it('detects a payload edited behind the server (triggers disabled, re-encrypted with the real key) and names the entry', async () => {
    expect(await inTenant(cloud.database.db, org.orgId, (trx) => checkStoredLog(trx, cloud.keyring, org.orgId))).toBeNull();
    const seq = 4;
    const entries = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/entries?start=${seq}&end=${seq + 1}`)).json().entries;
    const forged = entries[0].leaf.replace('aws-access-key', 'harmless-rule');
    const [blob] = await inTenant(cloud.database.db, org.orgId, (trx) =>
      cloud.keyring.encrypt(trx, org.orgId, [{ table: 'audit_payloads', rowId: String(seq), column: 'leaf', plaintext: forged }]),
    );
    await owner('alter table audit_payloads disable trigger no_update');
    try {
      await owner('update audit_payloads set leaf_enc = $1 where seq = $2', [blob, seq]);
    } finally {
      await owner('alter table audit_payloads enable trigger no_update');
    }
    const problem = await inTenant(cloud.database.db, org.orgId, (trx) => checkStoredLog(trx, cloud.keyring, org.orgId));
    expect(problem).toEqual({ seq, problem: 'payload does not match its leaf hash' });
    // A client sees it too: the served leaf no longer hashes to the leaf hash in the tree.
    const served = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/entries?start=${seq}&end=${seq + 1}`)).json().entries[0];
    expect(leafHash(Buffer.from(served.leaf, 'utf8')).toString('base64')).not.toBe(served.leafHash);
  });

  it('detects a ciphertext moved to another row (AAD binds tenant, table, row and column)', async () => {
    const rows = await owner('select seq, leaf_enc from audit_payloads where seq in (6, 7) order by seq');
    await owner('alter table audit_payloads disable trigger no_update');
    try {
      await owner('update audit_payloads set leaf_enc = $1 where seq = 7', [rows[0]!.leaf_enc]);
    } finally {
      await owner('alter table audit_payloads enable trigger no_update');
    }
    const problem = await inTenant(cloud.database.db, org.orgId, (trx) => checkStoredLog(trx, cloud.keyring, org.orgId));
    expect(problem?.seq).toBe(4); // the earlier forgery is still the first bad entry
    const sixOnly = await inTenant(cloud.database.db, org.orgId, (trx) =>
      cloud.keyring.decrypt(trx, org.orgId, { table: 'audit_payloads', rowId: '7', column: 'leaf' }, toBuffer(rows[0]!.leaf_enc)),
    ).catch((e: Error) => e);
    expect(sixOnly).toBeInstanceOf(Error);
  });

  it('rejects forged inclusion proofs and checkpoints signed by another key', async () => {
    const cpText = (await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/checkpoint')).body;
    const key = (await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/key')).json();
    const cp = openCheckpoint(cpText, key.verifierKey);
    const entry = (await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/entries?start=1&end=2')).json().entries[0];
    const proof = (await call(cloud, { token: agent.token }, 'GET', `/api/v1/audit/proof/inclusion?seq=1&size=${cp.size}`)).json().proof.map(b64);
    expect(verifyInclusion(b64(entry.leafHash), 1, cp.size, proof, cp.rootHash)).toBe(true);
    const forged = proof.map((p: Buffer, i: number) => (i === 1 ? Buffer.from(p.map((x) => x ^ 1)) : p));
    expect(verifyInclusion(b64(entry.leafHash), 1, cp.size, forged, cp.rootHash)).toBe(false);
    expect(verifyInclusion(b64(entry.leafHash), 2, cp.size, proof, cp.rootHash)).toBe(false);
    const impostor = generateSignerKey(key.verifierKey.split('+')[0]);
    const { signCheckpoint } = await import('../audit/checkpoint.js');
    const fake = signCheckpoint({ origin: cp.origin, size: cp.size, rootHash: cp.rootHash }, impostor.signerKey);
    expect(() => openCheckpoint(fake, key.verifierKey)).toThrow();
  });

  it('keeps proofs valid after retention removes old payloads', async () => {
    const other = await createOrg(cloud, 'pro', 'Retention Org');
    const token = await createToken(cloud, other.owner, ['events:write', 'audit:read']);
    cloud.clock.offsetMs = -200 * 86_400_000; // older than the Pro plan's 90 days
    const old = (await call(cloud, { token: token.token }, 'POST', '/api/v1/events', { agentId: 'a', events: [detectionEvent(1), detectionEvent(2)] })).json();
    cloud.clock.offsetMs = 0;
    const fresh = (await call(cloud, { token: token.token }, 'POST', '/api/v1/events', { agentId: 'a', events: [detectionEvent(3)] })).json();
    const cpBefore = openCheckpoint((await call(cloud, { token: token.token }, 'GET', '/api/v1/audit/checkpoint')).body, cloud.server.services.verifierKey);
    const swept = await sweepRetention(cloud.database.db);
    expect(swept.payloadsRemoved).toBe(2);
    const cp = openCheckpoint((await call(cloud, { token: token.token }, 'GET', '/api/v1/audit/checkpoint')).body, cloud.server.services.verifierKey);
    expect(cp.rootHash.equals(cpBefore.rootHash)).toBe(true);
    const entries = (await call(cloud, { token: token.token }, 'GET', `/api/v1/audit/entries?start=0&end=${cp.size}`)).json().entries;
    for (const r of [...old.receipts, ...fresh.receipts]) {
      const e = entries.find((x: { seq: number }) => x.seq === r.seq);
      expect(e.leafHash).toBe(r.leafHash);
      expect(e.leaf === null).toBe(old.receipts.includes(r));
      const proof = (await call(cloud, { token: token.token }, 'GET', `/api/v1/audit/proof/inclusion?seq=${r.seq}&size=${cp.size}`)).json().proof.map(b64);
      expect(verifyInclusion(b64(r.leafHash), r.seq, cp.size, proof, cp.rootHash)).toBe(true);
    }
    expect(JSON.parse(entries.find((x: { seq: number }) => x.seq === fresh.receipts[0].seq).leaf).receivedAt).toBeTruthy();
  });

  it('exports JSONL whose every entry proves into the exported checkpoint', async () => {
    const res = await call(cloud, { token: agent.token }, 'GET', '/api/v1/audit/export');
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l));
    const head = lines[0];
    const cp = openCheckpoint(head.checkpoint, head.verifierKey);
    expect(lines.length - 1).toBe(cp.size);
    for (const line of lines.slice(1)) {
      expect(verifyInclusion(b64(line.leafHash), line.seq, cp.size, line.proof.map(b64), cp.rootHash)).toBe(true);
    }
  });

  it('cannot read anything without the KEK; rotates the KEK and the data keys without losing data', async () => {
    const stranger = new Keyring({ current: kekFromBytes(randomBytes(32)) });
    await expect(
      inTenant(cloud.database.db, org.orgId, async (trx) => {
        const row = await trx.selectFrom('audit_payloads').select('leaf_enc').where('seq', '=', 0).executeTakeFirstOrThrow();
        return stranger.decrypt(trx, org.orgId, { table: 'audit_payloads', rowId: '0', column: 'leaf' }, toBuffer(row.leaf_enc));
      }),
    ).rejects.toThrow();
    // Wrong AAD (another column) fails even with the right key.
    await expect(
      inTenant(cloud.database.db, org.orgId, async (trx) => {
        const row = await trx.selectFrom('audit_payloads').select('leaf_enc').where('seq', '=', 0).executeTakeFirstOrThrow();
        return cloud.keyring.decrypt(trx, org.orgId, { table: 'audit_payloads', rowId: '0', column: 'other' }, toBuffer(row.leaf_enc));
      }),
    ).rejects.toThrow();

    const newKek = kekFromBytes(randomBytes(32));
    const rotating = new Keyring({ current: newKek, previous: [cloud.kek] });
    const counts = await rewrapAllDataKeys(cloud.database.db, rotating);
    expect(counts.dataKeys).toBeGreaterThanOrEqual(counts.organisations + 2);
    await rotateAllDataKeys(cloud.database.db, rotating);
    const kekIds = await cloud.database.ownerQuery<{ kek_id: string }>('select distinct kek_id from tenant_keys', [], { tenantId: org.orgId });
    expect(kekIds.map((r) => r.kek_id)).toEqual([newKek.id]);
    // A server holding only the new KEK reads the old data and the members' emails.
    const server = await createCloudServer({ database: cloud.database, keyring: new Keyring({ current: newKek }), signerKey: cloud.signer.signerKey, log: false });
    try {
      const res = await server.app.inject({ method: 'GET', url: '/api/v1/audit/entries?start=0&end=3', headers: { authorization: `Bearer ${agent.token}` } });
      const leaves = res.json().entries.map((e: { leaf: string }) => JSON.parse(e.leaf));
      expect(leaves.map((l: { type: string }) => l.type)).toEqual(['token_created', 'detection', 'detection']);
      const members = await server.app.inject({ method: 'GET', url: '/api/v1/members', headers: { cookie: org.owner.cookie! } });
      expect(members.body).toContain(CANARY_EMAIL);
    } finally {
      await server.app.close();
    }
    // The old KEK alone no longer opens anything.
    const oldOnly = new Keyring({ current: cloud.kek });
    await expect(inTenant(cloud.database.db, org.orgId, (trx) => oldOnly.encrypt(trx, org.orgId, [{ table: 't', rowId: '1', column: 'c', plaintext: 'x' }]))).rejects.toThrow();
  });

  it('rotates to a fresh data key once the encryption counter passes the limit', async () => {
    const small = new Keyring({ current: cloud.kek, previous: [] }, 3);
    const other = await createOrg(cloud, 'pro', 'Counter Org');
    const ids = await inTenant(cloud.database.db, other.orgId, async (trx) => {
      for (let i = 0; i < 4; i++) await small.encrypt(trx, other.orgId, [{ table: 't', rowId: String(i), column: 'c', plaintext: 'x' }]);
      return trx.selectFrom('tenant_keys').select(['dek_id', 'active', 'encryptions']).orderBy('dek_id').execute();
    });
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(ids.filter((r) => r.active)).toHaveLength(1);
  });

  it('stores no plaintext email, file path or repository name anywhere in the database', async () => {
    const canaries = [CANARY_EMAIL, CANARY_PATH, CANARY_REPO, 'Canary Person'];
    // Every row of every table, as text, read as the owner.
    const tables = await cloud.database.ownerQuery<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public'`);
    for (const { t } of tables) {
      const rows = await cloud.database.ownerQuery(`select * from ${t}`, [], { tenantId: org.orgId });
      const text = JSON.stringify(rows, (_k, v) => (v instanceof Uint8Array || Buffer.isBuffer(v) ? Buffer.from(v).toString('latin1') : v));
      for (const c of canaries) expect({ table: t, found: text.includes(c) }).toEqual({ table: t, found: false });
    }
    if (cloud.dataDir) {
      // And in the embedded database's files themselves (heap, WAL, everything).
      await cloud.database.ownerQuery('checkpoint');
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else files.push(p);
        }
      };
      walk(cloud.dataDir);
      expect(files.length).toBeGreaterThan(100);
      for (const f of files) {
        const bytes = readFileSync(f);
        for (const c of canaries) expect({ file: f, found: bytes.includes(Buffer.from(c)) }).toEqual({ file: f, found: false });
      }
    }
  });

  it('with ZDR accepts only counts per category and event type, with a clear 422 for anything else', async () => {
    const teams = await createOrg(cloud, 'teams', 'ZDR Org');
    const token = await createToken(cloud, teams.owner, ['events:write', 'audit:read']);
    for (const field of ['file', 'line', 'rule', 'repository', 'category', 'tool']) {
      const event = detectionEvent(1);
      const res = await call(cloud, { token: token.token }, 'POST', '/api/v1/events', {
        agentId: 'zdr-agent',
        events: [{ type: 'detection', agentReportedAt: event.agentReportedAt, counts: { KEY: 1 }, [field]: (event as Record<string, unknown>)[field] }],
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('zdr_content_rejected');
      expect(res.json().error.message).toContain(`events.0.${field}`);
    }
    const unknown = await call(cloud, { token: token.token }, 'POST', '/api/v1/events', {
      agentId: 'zdr-agent',
      events: [{ type: 'detection', agentReportedAt: new Date().toISOString(), snippet: 'const key = 1' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).not.toContain('const key');
    const ok = await call(cloud, { token: token.token }, 'POST', '/api/v1/events', {
      agentId: 'zdr-agent',
      events: [{ type: 'scan_summary', agentReportedAt: new Date().toISOString(), counts: { KEY: 3, PASS: 1 } }],
    });
    expect(ok.statusCode).toBe(200);
    const leaf = JSON.parse((await call(cloud, { token: token.token }, 'GET', `/api/v1/audit/entries?start=${ok.json().receipts[0].seq}`)).json().entries[0].leaf);
    expect(Object.keys(leaf).sort()).toEqual(['actor', 'agentReportedAt', 'counts', 'org', 'receivedAt', 'seq', 'type', 'v']);
    // Teams cannot switch ZDR off; an Individual organisation can switch it on.
    expect((await call(cloud, teams.owner, 'PATCH', '/api/v1/org', { zdr: false })).statusCode).toBe(409);
    const solo = await createOrg(cloud, 'individual', 'Solo');
    expect((await call(cloud, solo.owner, 'PATCH', '/api/v1/org', { zdr: true })).json().zdr).toBe(true);
    expect((await call(cloud, solo.owner, 'GET', '/api/v1/policy')).json().policy.zdr).toBe(true);
  });

  it('never writes passwords, tokens, cookies or CSRF tokens to the logs', async () => {
    const chunks: string[] = [];
    const stream = new Writable({ write(c, _e, cb) { chunks.push(String(c)); cb(); } });
    const server = await createCloudServer({ database: cloud.database, keyring: cloud.keyring, signerKey: cloud.signer.signerKey, log: { level: 'trace', stream }, rateLimitScale: 1000 });
    try {
      const password = org.owner.password;
      const loginRes = await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: org.owner.email, password } });
      const cookie = loginRes.cookies.find((c) => c.name === 'takumo_session')!.value;
      const csrf = loginRes.json().csrfToken as string;
      const tokenRes = await server.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie: `takumo_session=${cookie}`, 'x-csrf-token': csrf }, payload: { name: 'log test', scopes: ['policy:read'] } });
      const token = tokenRes.json().token as string;
      await server.app.inject({ method: 'GET', url: '/api/v1/policy', headers: { authorization: `Bearer ${token}` } });
      await server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: org.owner.email, password: 'wrong password here' } });
      const log = chunks.join('');
      expect(log.length).toBeGreaterThan(200);
      for (const secret of [password, 'wrong password here', cookie, csrf, token, org.owner.email]) expect(log).not.toContain(secret);
    } finally {
      await server.app.close();
    }
  });
});
