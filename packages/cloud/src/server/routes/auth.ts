import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { newSecret, secretHash, verifyPassword } from '../../auth/secrets.js';
import type { Role } from '../../auth/permissions.js';
import { setLocal, setTenant } from '../../db/database.js';
import { findAccount } from '../../org/organisations.js';
import { SESSION_COOKIE } from '../authenticate.js';
import { CloudError } from '../errors.js';
import { defineRoute } from '../route.js';

const SESSION_HOURS = 12;
const invalidLogin = () => new CloudError(401, 'invalid_credentials', 'invalid email or password');

export const authRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/login',
    auth: 'credential',
    tag: 'auth',
    summary:
      'Log in with email and password. Sets the session cookie (HttpOnly, SameSite=Strict, Secure under TLS) and returns the CSRF token to send as x-csrf-token on state-changing requests. With several organisations, `orgId` picks one (default: the oldest membership).',
    body: z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1024), orgId: z.uuid().optional() }).strict(),
    response: {
      status: 200,
      schema: z.object({ csrfToken: z.string(), org: z.object({ id: z.string() }), expiresAt: z.string() }),
    },
    rateLimit: { max: 10, windowSeconds: 60 },
    async handler({ body, services, reply }) {
      const account = await findAccount(services.db, services.keyring, body.email);
      if (!(await verifyPassword(account?.passwordHash, body.password)) || !account) throw invalidLogin();
      const session = newSecret();
      const csrf = newSecret();
      const result = await services.db.transaction().execute(async (trx) => {
        await setLocal(trx, 'app.account_id', account.id);
        const memberships = await sql<{ org_id: string; id: string; role: Role }>`
          select org_id, id, role from memberships where account_id = ${account.id} order by created_at, org_id`.execute(trx);
        const chosen = body.orgId ? memberships.rows.find((m) => m.org_id === body.orgId) : memberships.rows[0];
        if (!chosen) throw invalidLogin();
        await setLocal(trx, 'app.account_id', '');
        await setTenant(trx, chosen.org_id);
        const expires = await sql<{ expires_at: Date }>`
          insert into sessions (org_id, id, secret_hash, csrf_hash, membership_id, expires_at)
          values (${chosen.org_id}, ${randomUUID()}, ${secretHash(session)}, ${secretHash(csrf)}, ${chosen.id}, now() + make_interval(hours => ${SESSION_HOURS}))
          returning expires_at`.execute(trx);
        return { orgId: chosen.org_id, expiresAt: new Date(expires.rows[0]!.expires_at) };
      });
      reply.setCookie(SESSION_COOKIE, session, {
        httpOnly: true,
        sameSite: 'strict',
        secure: services.tls,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return { csrfToken: csrf, org: { id: result.orgId }, expiresAt: result.expiresAt.toISOString() };
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/auth/logout',
    auth: 'org:read',
    sessionOnly: true,
    tag: 'auth',
    summary: 'End the current session (deletes it on the server and clears the cookie).',
    response: { status: 204 },
    async handler({ principal, services, reply }) {
      await services.db.transaction().execute(async (trx) => {
        await setTenant(trx, principal.orgId);
        await sql`delete from sessions where id = ${principal.sessionId!}`.execute(trx);
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: services.tls });
      return undefined;
    },
  }),
];
