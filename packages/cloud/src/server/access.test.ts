import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, ROLES, TOKEN_SCOPES, type Permission, type Role } from '../auth/permissions.js';
import { BACKENDS } from '../test-support/databases.js';
import {
  addMember,
  call,
  createOrg,
  createToken,
  detectionEvent,
  login,
  startTestCloud,
  type Caller,
  type TestCloud,
  type TestOrg,
} from '../test-support/cloud-harness.js';
import type { RouteSpec } from './route.js';

/**
 * Walks EVERY registered route: authentication (401 without a valid credential), the whole
 * role × permission matrix (403 exactly where the table says no, success elsewhere), and
 * tenant isolation (another organisation's ids are 404, its lists never leak).
 */
interface Sample {
  url: string;
  body?: unknown;
  caller?: Caller;
}

describe.each(BACKENDS)('access control on %s', (backend) => {
  let cloud: TestCloud;
  let a: TestOrg;
  let b: TestOrg;
  const roles = {} as Record<Role, Caller & { memberId: string; email: string; password: string }>;
  let victimCounter = 0;
  let aIds: { member: string; invitation: string; token: string; leafHashes: string[] };
  let bAllScopes: { token: string };

  beforeAll(async () => {
    cloud = await startTestCloud(backend);
    a = await createOrg(cloud, 'pro', 'Tenant A');
    b = await createOrg(cloud, 'pro', 'Tenant B');
    roles.owner = { ...a.owner };
    roles.admin = await addMember(cloud, a, 'admin');
    roles.member = await addMember(cloud, a, 'member');
    roles.auditor = await addMember(cloud, a, 'auditor');
    const agent = await createToken(cloud, a.owner, ['events:write', 'audit:read']);
    const sent = await call(cloud, { token: agent.token }, 'POST', '/api/v1/events', {
      agentId: 'a-laptop',
      events: [detectionEvent(1), detectionEvent(2), detectionEvent(3)],
    });
    const inv = await call(cloud, a.owner, 'POST', '/api/v1/invitations', { email: 'pending@example.test', role: 'member' });
    aIds = {
      member: roles.member.memberId,
      invitation: inv.json().id,
      token: agent.id,
      leafHashes: sent.json().receipts.map((r: { leafHash: string }) => r.leafHash),
    };
    bAllScopes = await createToken(cloud, b.owner, TOKEN_SCOPES as string[]);
  }, 120_000);
  afterAll(async () => cloud?.close());

  const routes = (): RouteSpec[] => cloud.server.routes as RouteSpec[];
  const guarded = () => routes().filter((r) => r.auth !== 'public' && r.auth !== 'credential');

  /** A valid request for a route, creating what it consumes (a victim member, an invitation …). */
  async function sample(route: RouteSpec, role: Role): Promise<Sample> {
    switch (`${route.method} ${route.url}`) {
      case 'POST /api/v1/auth/logout': {
        const fresh = await login(cloud, roles[role].email, roles[role].password, a.orgId);
        return { url: route.url, caller: fresh };
      }
      case 'PATCH /api/v1/org':
        return { url: route.url, body: { name: 'Tenant A' } };
      case 'PUT /api/v1/org/plan':
        return { url: route.url, body: { plan: 'pro' } };
      case 'POST /api/v1/orgs':
        return { url: route.url, body: { name: `side org ${role}` } };
      case 'PATCH /api/v1/members/:id':
        return { url: `/api/v1/members/${aIds.member}`, body: { role: 'member' } };
      case 'DELETE /api/v1/members/:id': {
        if (!roleAllows(role, 'members:write')) return { url: `/api/v1/members/${aIds.member}` };
        victimCounter += 1;
        const victim = await addMember(cloud, a, 'member');
        return { url: `/api/v1/members/${victim.memberId}` };
      }
      case 'POST /api/v1/invitations':
        victimCounter += 1;
        return { url: route.url, body: { email: `invitee${victimCounter}@example.test`, role: 'member' } };
      case 'DELETE /api/v1/invitations/:id': {
        victimCounter += 1;
        const inv = await call(cloud, a.owner, 'POST', '/api/v1/invitations', { email: `revokee${victimCounter}@example.test`, role: 'member' });
        return { url: `/api/v1/invitations/${inv.json().id}` };
      }
      case 'POST /api/v1/tokens':
        return { url: route.url, body: { name: 'matrix', scopes: ['policy:read'] } };
      case 'DELETE /api/v1/tokens/:id': {
        const own = await createToken(cloud, roles[role], ['policy:read'], 'to revoke');
        return { url: `/api/v1/tokens/${own.id}` };
      }
      case 'PUT /api/v1/policy':
        return { url: route.url, body: { policy: { internalDomains: ['corp.example'] } } };
      case 'POST /api/v1/events':
        return { url: route.url, body: { agentId: `agent-${role}`, events: [detectionEvent(7)] } };
      case 'GET /api/v1/audit/entries':
        return { url: `${route.url}?start=0&end=2` };
      case 'GET /api/v1/audit/proof/inclusion':
        return { url: `${route.url}?seq=0&size=2` };
      case 'GET /api/v1/audit/proof/consistency':
        return { url: `${route.url}?from=1&to=3` };
      case 'POST /api/v1/telemetry':
        return { url: route.url, body: { cliVersion: '0.1.0', os: 'linux', commands: { scan: 2 } } };
      default:
        if (route.method !== 'GET' || route.url.includes(':')) throw new Error(`no sample for ${route.method} ${route.url}`);
        return { url: route.url };
    }
  }

  it('requires a valid credential on every route but health', async () => {
    const revoked = await createToken(cloud, a.owner, ['org:read']);
    await call(cloud, a.owner, 'DELETE', `/api/v1/tokens/${revoked.id}`);
    const bad: Array<Caller | undefined> = [
      undefined,
      { token: 'tkm_' + 'x'.repeat(43) },
      { token: revoked.token },
      { cookie: 'takumo_session=' + 'y'.repeat(43) },
    ];
    expect(guarded().length).toBeGreaterThan(20);
    for (const route of guarded()) {
      const s = await sample(route, 'owner');
      for (const caller of bad) {
        const res = await call(cloud, caller, route.method, s.url, s.body);
        expect({ route: `${route.method} ${route.url}`, status: res.statusCode }).toEqual({ route: `${route.method} ${route.url}`, status: 401 });
      }
    }
    const publicRoutes = routes().filter((r) => r.auth === 'public').map((r) => r.url);
    expect(publicRoutes).toEqual(['/healthz']);
  });

  it('enforces the whole role × permission table on every route', async () => {
    for (const route of guarded()) {
      for (const role of ROLES) {
        const s = await sample(route, role);
        const res = await call(cloud, s.caller ?? roles[role], route.method, s.url, s.body);
        const allowed = roleAllows(role, route.auth as Permission);
        const label = `${role} ${route.method} ${route.url}`;
        if (allowed) expect({ label, ok: res.statusCode < 300, body: res.statusCode < 300 ? '' : res.body }).toEqual({ label, ok: true, body: '' });
        else expect({ label, status: res.statusCode }).toEqual({ label, status: 403 });
      }
    }
  });

  it('limits a token to its scopes and keeps person-only routes from tokens', async () => {
    const narrow = await createToken(cloud, a.owner, ['policy:read']);
    expect((await call(cloud, { token: narrow.token }, 'GET', '/api/v1/policy')).statusCode).toBe(200);
    expect((await call(cloud, { token: narrow.token }, 'POST', '/api/v1/events', { agentId: 'x', events: [detectionEvent(1)] })).statusCode).toBe(403);
    const full = await createToken(cloud, a.owner, TOKEN_SCOPES as string[]);
    for (const route of guarded().filter((r) => r.sessionOnly)) {
      const s = await sample(route, 'owner');
      expect((await call(cloud, { token: full.token }, route.method, s.url, s.body)).statusCode).toBe(403);
    }
    // A member cannot mint a token with a scope their role lacks.
    const escalate = await call(cloud, roles.member, 'POST', '/api/v1/tokens', { name: 'x', scopes: ['policy:write'] });
    expect(escalate.statusCode).toBe(403);
  });

  it("answers 404 for every one of another organisation's ids, and leaves them untouched", async () => {
    const targets: Array<[string, string, unknown?]> = [
      ['PATCH', `/api/v1/members/${aIds.member}`, { role: 'admin' }],
      ['DELETE', `/api/v1/members/${aIds.member}`],
      ['DELETE', `/api/v1/invitations/${aIds.invitation}`],
      ['DELETE', `/api/v1/tokens/${aIds.token}`],
    ];
    const idRoutes = guarded().filter((r) => r.url.includes(':'));
    expect(targets.map(([m, u]) => `${m} ${u.replace(/[0-9a-f-]{36}$/, ':id')}`).sort()).toEqual(idRoutes.map((r) => `${r.method} ${r.url}`).sort());
    for (const caller of [b.owner, { token: bAllScopes.token }]) {
      for (const [method, url, body] of targets) {
        const res = await call(cloud, caller, method, url, body);
        expect({ method, url, status: res.statusCode }).toEqual({ method, url, status: 404 });
      }
    }
    const members = (await call(cloud, a.owner, 'GET', '/api/v1/members')).json().members;
    expect(members.find((m: { id: string }) => m.id === aIds.member)?.role).toBe('member');
    const tokens = (await call(cloud, a.owner, 'GET', '/api/v1/tokens')).json().tokens;
    expect(tokens.find((t: { id: string }) => t.id === aIds.token)?.revokedAt).toBeNull();
  });

  it("never shows one organisation's data in another's lists, log or proofs", async () => {
    const secrets = [a.orgId, aIds.member, aIds.invitation, aIds.token, ...aIds.leafHashes, 'Tenant A', 'settings-1.ts'];
    for (const caller of [b.owner, { token: bAllScopes.token }]) {
      for (const route of guarded().filter((r) => r.method === 'GET')) {
        const s = await sample(route, 'owner');
        const res = await call(cloud, caller, 'GET', s.url);
        for (const secret of secrets) expect({ url: s.url, leaked: res.body.includes(secret) }).toEqual({ url: s.url, leaked: false });
      }
    }
    // B's log is its own: A's later sequence numbers do not exist there.
    const proof = await call(cloud, b.owner, 'GET', '/api/v1/audit/proof/inclusion?seq=900&size=901');
    expect(proof.statusCode).toBe(400);
  });
});
