import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { PERMISSION_NAMES, roleAllows, type Permission, type Role } from '../auth/permissions.js';
import { sameHash, secretHash } from '../auth/secrets.js';
import { setLocal, setTenant, type Db, type Trx } from '../db/database.js';
import type { Principal } from './route.js';
import { CloudError } from './errors.js';

export const SESSION_COOKIE = 'takumo_session';
export const CSRF_HEADER = 'x-csrf-token';
const LAST_USED_RESOLUTION = "interval '1 minute'";

/**
 * Resolves the caller from `Authorization: Bearer <token>` or the session cookie. The
 * credential's SHA-256 goes in `app.credential`, which a SELECT-only policy uses to reveal
 * exactly that row; then the tenant is set and the member's current role is read.
 * Returns null when there is no valid credential (the route answers 401).
 */
export async function authenticate(db: Db, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.length > 0) {
    const match = /^Bearer ([A-Za-z0-9_-]{16,200})$/.exec(header);
    return match ? authenticateToken(db, match[1]!) : null;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie && /^[A-Za-z0-9_-]{16,200}$/.test(cookie)) {
    const principal = await authenticateSession(db, cookie);
    if (principal && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameHash(secretHash(sent), principal.csrfHash)) {
        throw new CloudError(403, 'csrf', `state-changing requests with a session cookie need the ${CSRF_HEADER} header from login`);
      }
    }
    if (principal) {
      const { csrfHash: _unused, ...rest } = principal;
      return rest;
    }
  }
  return null;
}

async function authenticateToken(db: Db, token: string): Promise<Principal | null> {
  const hash = secretHash(token);
  return db.transaction().execute(async (trx) => {
    await setLocal(trx, 'app.credential', hash);
    const found = await sql<{ org_id: string; id: string; scopes: string[]; membership_id: string; valid: boolean }>`
      select org_id, id, scopes, membership_id, (revoked_at is null and expires_at > now()) as valid
      from api_tokens where secret_hash = ${hash}`.execute(trx);
    const token = found.rows[0];
    if (!token || !token.valid) return null;
    const m = await membershipInTenant(trx, token.org_id, token.membership_id);
    if (!m) return null;
    await sql`update api_tokens set last_used_at = now()
      where id = ${token.id} and (last_used_at is null or last_used_at < now() - ${sql.raw(LAST_USED_RESOLUTION)})`.execute(trx);
    const scopes = parseScopes(token.scopes).filter((s) => roleAllows(m.role, s));
    return {
      type: 'token' as const,
      id: token.id,
      orgId: token.org_id,
      role: m.role,
      scopes,
      membershipId: token.membership_id,
      accountId: m.account_id,
    };
  });
}

async function authenticateSession(db: Db, secret: string): Promise<(Principal & { csrfHash: string }) | null> {
  const hash = secretHash(secret);
  return db.transaction().execute(async (trx) => {
    await setLocal(trx, 'app.credential', hash);
    const found = await sql<{ org_id: string; id: string; membership_id: string; csrf_hash: string; valid: boolean }>`
      select org_id, id, membership_id, csrf_hash, (expires_at > now()) as valid from sessions where secret_hash = ${hash}`.execute(trx);
    const session = found.rows[0];
    if (!session || !session.valid) return null;
    const m = await membershipInTenant(trx, session.org_id, session.membership_id);
    if (!m) return null;
    return {
      type: 'user' as const,
      id: session.membership_id,
      orgId: session.org_id,
      role: m.role,
      scopes: PERMISSION_NAMES.filter((p) => roleAllows(m.role, p)),
      membershipId: session.membership_id,
      accountId: m.account_id,
      sessionId: session.id,
      csrfHash: session.csrf_hash,
    };
  });
}

/**
 * Once a credential row has named its tenant, the transaction switches to that tenant and
 * reads the member's current role: a role changed or a member removed since the credential
 * was issued takes effect on the next request.
 */
async function membershipInTenant(trx: Trx, orgId: string, membershipId: string): Promise<{ role: Role; account_id: string } | undefined> {
  await setTenant(trx, orgId);
  const member = await sql<{ role: Role; account_id: string }>`
    select role, account_id from memberships where id = ${membershipId}`.execute(trx);
  return member.rows[0];
}

function parseScopes(value: unknown): Permission[] {
  // pg returns text[] as an array; PGlite too. Keep only known names.
  const list = Array.isArray(value) ? value : [];
  return list.filter((s): s is Permission => (PERMISSION_NAMES as string[]).includes(s));
}
