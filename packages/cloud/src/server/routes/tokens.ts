import { sql } from 'kysely';
import { z } from 'zod';
import { roleAllows, TOKEN_SCOPES, type Permission } from '../../auth/permissions.js';
import { API_TOKEN_PREFIX } from '../../auth/secrets.js';
import { CloudError } from '../errors.js';
import { defineRoute } from '../route.js';
import { issueCredential, openSealedField, requireRevoked, type SealedField } from './credential-rows.js';
import { iso, recordAdminEvent, tenantTx, uuidParam } from './shared.js';

const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.string()),
  memberId: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const tokenName: SealedField = { table: 'api_tokens', column: 'name' };

const seesAllTokens = (role: string) => role === 'owner' || role === 'admin';

export const tokenRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/tokens',
    auth: 'tokens:write',
    tag: 'tokens',
    summary:
      'Create an API token (shown once; stored as SHA-256 of 256 random bits). Scopes must be allowed for your role (a token-authenticated caller can only grant its own scopes). Expiry 1–365 days.',
    body: z
      .object({
        name: z.string().min(1).max(100),
        scopes: z.array(z.enum(TOKEN_SCOPES as [Permission, ...Permission[]])).min(1).max(TOKEN_SCOPES.length),
        expiresInDays: z.number().int().min(1).max(365).default(90),
      })
      .strict(),
    response: {
      status: 201,
      schema: z.object({ id: z.string(), token: z.string(), scopes: z.array(z.string()), expiresAt: z.string() }),
    },
    rateLimit: { max: 30, windowSeconds: 60 },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const scopes = [...new Set(ctx.body.scopes)];
        const denied = scopes.filter((s) => !roleAllows(ctx.principal.role, s) || !ctx.principal.scopes.includes(s));
        if (denied.length > 0) throw new CloudError(403, 'forbidden', `your role cannot grant: ${denied.join(', ')}`);
        const { id, secret: token, hash, sealed: nameEnc } = await issueCredential(ctx, trx, API_TOKEN_PREFIX, {
          ...tokenName,
          plaintext: ctx.body.name,
        });
        const rows = await sql<{ expires_at: Date }>`
          insert into api_tokens (org_id, id, secret_hash, name_enc, scopes, membership_id, expires_at)
          values (${ctx.principal.orgId}, ${id}, ${hash}, ${nameEnc}, ${scopes}, ${ctx.principal.membershipId},
            now() + make_interval(days => ${ctx.body.expiresInDays})) returning expires_at`.execute(trx);
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'token_created', { token: id, scopes: scopes.join(' ') });
        ctx.reply.code(201);
        return { id, token, scopes, expiresAt: iso(rows.rows[0]!.expires_at)! };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/tokens',
    auth: 'tokens:read',
    tag: 'tokens',
    summary: 'API tokens: your own, or all of the organisation for owners and admins. Never the token values.',
    response: { status: 200, schema: z.object({ tokens: z.array(tokenSchema) }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const all = seesAllTokens(ctx.principal.role);
        const rows = await sql<{ id: string; name_enc: unknown; scopes: string[]; membership_id: string; created_at: Date; expires_at: Date; last_used_at: Date | null; revoked_at: Date | null }>`
          select id, name_enc, scopes, membership_id, created_at, expires_at, last_used_at, revoked_at from api_tokens
          where ${all} or membership_id = ${ctx.principal.membershipId} order by created_at`.execute(trx);
        const tokens = await openSealedField(ctx, trx, rows.rows, { ...tokenName, sealed: (r) => r.name_enc }, (r, name) => ({
          id: r.id,
          name,
          scopes: r.scopes,
          memberId: r.membership_id,
          createdAt: iso(r.created_at)!,
          expiresAt: iso(r.expires_at)!,
          lastUsedAt: iso(r.last_used_at),
          revokedAt: iso(r.revoked_at),
        }));
        return { tokens };
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/tokens/:id',
    auth: 'tokens:write',
    tag: 'tokens',
    summary: 'Revoke an API token (your own; owners and admins any in the organisation). Takes effect on the next request.',
    params: uuidParam,
    response: { status: 204 },
    rateLimit: { max: 30, windowSeconds: 60 },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const all = seesAllTokens(ctx.principal.role);
        const r = await sql`update api_tokens set revoked_at = coalesce(revoked_at, now())
          where id = ${ctx.params.id} and (${all} or membership_id = ${ctx.principal.membershipId})`.execute(trx);
        requireRevoked(r, 'token');
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'token_revoked', { token: ctx.params.id });
        return undefined;
      }),
  }),
];
