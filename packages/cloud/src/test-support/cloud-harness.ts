import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { generateSignerKey } from '../audit/checkpoint.js';
import type { Role } from '../auth/permissions.js';
import { kekFromBytes, type Kek } from '../crypto/envelope.js';
import { Keyring } from '../crypto/keyring.js';
import { openDatabase, type CloudDatabase } from '../db/database.js';
import { bootstrapOrganisation } from '../org/organisations.js';
import type { Plan } from '../org/plans.js';
import { createCloudServer, type CloudServer, type CloudServerOptions } from '../server/app.js';
import { createScratchPostgres, type ScratchDatabase } from './databases.js';

/**
 * A real server (Fastify + the real database, PGlite or PostgreSQL) driven through
 * `inject`: no sockets, but every hook, auth check, policy and trigger runs.
 */
export interface TestCloud {
  backend: 'pglite' | 'postgres';
  database: CloudDatabase;
  keyring: Keyring;
  kek: Kek;
  server: CloudServer;
  signer: { signerKey: string; verifierKey: string };
  dataDir?: string;
  /** PostgreSQL URL of this test's database (postgres backend only). */
  databaseUrl?: string;
  clock: { offsetMs: number };
  close(): Promise<void>;
}

export async function startTestCloud(backend: 'pglite' | 'postgres', options: { persistDir?: boolean; log?: CloudServerOptions['log'] } = {}): Promise<TestCloud> {
  let scratch: ScratchDatabase | undefined;
  let dataDir: string | undefined;
  let database: CloudDatabase;
  if (backend === 'postgres') {
    scratch = await createScratchPostgres();
    database = await openDatabase({ databaseUrl: scratch.url, poolSize: 4 });
  } else {
    dataDir = options.persistDir ? mkdtempSync(join(tmpdir(), 'takumo-cloud-')) : undefined;
    database = await openDatabase(dataDir ? { dataDir } : {});
  }
  const kek = kekFromBytes(randomBytes(32));
  const keyring = new Keyring({ current: kek });
  const signer = generateSignerKey('takumo-test.example');
  const clock = { offsetMs: 0 };
  const server = await createCloudServer({
    database,
    keyring,
    signerKey: signer.signerKey,
    log: options.log ?? false,
    rateLimitScale: 1000,
    now: () => new Date(Date.now() + clock.offsetMs),
  });
  return {
    backend,
    database,
    keyring,
    kek,
    server,
    signer,
    clock,
    ...(dataDir ? { dataDir } : {}),
    ...(scratch ? { databaseUrl: scratch.url } : {}),
    async close() {
      await server.app.close();
      await database.close();
      await scratch?.drop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Caller {
  token?: string;
  cookie?: string;
  csrf?: string;
}

export async function call(
  cloud: TestCloud,
  caller: Caller | undefined,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const h: Record<string, string> = { ...headers };
  if (caller?.token) h.authorization = `Bearer ${caller.token}`;
  if (caller?.cookie) h.cookie = caller.cookie;
  if (caller?.csrf) h['x-csrf-token'] = caller.csrf;
  return cloud.server.app.inject({
    method: method as 'GET',
    url,
    headers: h,
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

export interface TestOrg {
  orgId: string;
  owner: Caller & { email: string; password: string; memberId: string };
}

let counter = 0;

/** Creates an organisation with an owner and logs the owner in. */
export async function createOrg(cloud: TestCloud, plan: Plan = 'pro', name = 'Acme'): Promise<TestOrg> {
  counter += 1;
  const email = `owner${counter}-${randomBytes(3).toString('hex')}@example.test`;
  const password = `correct horse ${randomBytes(4).toString('hex')}`;
  const ids = await bootstrapOrganisation(cloud.database.db, cloud.keyring, { orgName: name, plan, email, ownerName: 'Olive Owner', password });
  const session = await login(cloud, email, password);
  return { orgId: ids.orgId, owner: { ...session, email, password, memberId: ids.membershipId } };
}

export async function login(cloud: TestCloud, email: string, password: string, orgId?: string): Promise<Caller> {
  const res = await call(cloud, undefined, 'POST', '/api/v1/auth/login', { email, password, ...(orgId ? { orgId } : {}) });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'takumo_session');
  return { cookie: `takumo_session=${cookie!.value}`, csrf: res.json().csrfToken };
}

/** Invites someone with a role, accepts, logs them in. */
export async function addMember(cloud: TestCloud, org: TestOrg, role: Exclude<Role, 'owner'> | 'owner'): Promise<Caller & { memberId: string; email: string; password: string }> {
  counter += 1;
  const email = `${role}${counter}-${randomBytes(3).toString('hex')}@example.test`;
  const password = `member password ${counter}`;
  const inviteRole = role === 'owner' ? 'admin' : role;
  const inv = await call(cloud, org.owner, 'POST', '/api/v1/invitations', { email, role: inviteRole });
  if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
  const acc = await call(cloud, undefined, 'POST', '/api/v1/invitations/accept', { token: inv.json().token, name: `${role} person`, password });
  if (acc.statusCode !== 201) throw new Error(`accept failed: ${acc.statusCode} ${acc.body}`);
  const memberId = acc.json().memberId as string;
  if (role === 'owner') {
    const up = await call(cloud, org.owner, 'PATCH', `/api/v1/members/${memberId}`, { role: 'owner' });
    if (up.statusCode !== 200) throw new Error(`promote failed: ${up.body}`);
  }
  return { ...(await login(cloud, email, password, org.orgId)), memberId, email, password };
}

export async function createToken(cloud: TestCloud, caller: Caller, scopes: string[], name = 'agent'): Promise<{ id: string; token: string }> {
  const res = await call(cloud, caller, 'POST', '/api/v1/tokens', { name, scopes });
  if (res.statusCode !== 201) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function detectionEvent(i: number, extra: Record<string, unknown> = {}) {
  return {
    type: 'detection',
    agentReportedAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    category: 'KEY',
    rule: 'aws-access-key',
    file: `src/config/settings-${i}.ts`,
    line: 10 + i,
    repository: 'acme/payments',
    tool: 'claude-code',
    ...extra,
  };
}
