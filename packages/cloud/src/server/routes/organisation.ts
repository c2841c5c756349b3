import { sql } from 'kysely';
import { z } from 'zod';
import { ROLES, type Role } from '../../auth/permissions.js';
import { secretHash, verifyPassword } from '../../auth/secrets.js';
import { setLocal, setTenant, toBuffer } from '../../db/database.js';
import { addMembership, createAccount, createOrganisation, findAccount, readOrganisation } from '../../org/organisations.js';
import { PLANS, PLAN_RULES } from '../../org/plans.js';
import { CloudError, forbidden, notFound } from '../errors.js';
import { defineRoute } from '../route.js';
import { issueCredential, openSealedField, requireRevoked, type SealedField } from './credential-rows.js';
import { iso, recordAdminEvent, tenantTx, uuidParam } from './shared.js';

const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  plan: z.enum(PLANS),
  zdr: z.boolean(),
  retentionDays: z.number(),
  createdAt: z.string(),
});
const memberSchema = z.object({ id: z.string(), role: z.enum(ROLES), email: z.string(), name: z.string(), createdAt: z.string() });
const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const INVITATION_DAYS = 7;
const INVITATION_PREFIX = 'inv_';
const invitationEmail: SealedField = { table: 'invitations', column: 'email' };

export const organisationRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/me',
    auth: 'org:read',
    tag: 'organisation',
    summary: 'The caller: organisation (id, name, plan, zdr) and principal (user or token, role, scopes).',
    response: {
      status: 200,
      schema: z.object({
        org: z.object({ id: z.string(), name: z.string(), plan: z.enum(PLANS), zdr: z.boolean() }),
        principal: z.object({ type: z.enum(['user', 'token']), id: z.string(), role: z.enum(ROLES), scopes: z.array(z.string()) }),
      }),
    },
    async handler(ctx) {
      const org = await tenantTx(ctx, (trx) => readOrganisation(trx, ctx.services.keyring, ctx.principal.orgId));
      const p = ctx.principal;
      return { org: { id: org.id, name: org.name, plan: org.plan, zdr: org.zdr }, principal: { type: p.type, id: p.id, role: p.role, scopes: p.scopes } };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/org',
    auth: 'org:read',
    tag: 'organisation',
    summary: 'The organisation with its plan, ZDR state and retention.',
    response: { status: 200, schema: orgSchema },
    handler: (ctx) => tenantTx(ctx, (trx) => readOrganisation(trx, ctx.services.keyring, ctx.principal.orgId)),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/org',
    auth: 'org:write',
    tag: 'organisation',
    summary: 'Rename, switch ZDR (Individual/Pro only; Teams and Enterprise are always on), set retention days (Enterprise only).',
    body: z.object({ name: z.string().min(1).max(200).optional(), zdr: z.boolean().optional(), retentionDays: z.number().int().min(1).max(3650).optional() }).strict(),
    response: { status: 200, schema: orgSchema },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const { keyring } = ctx.services;
        const orgId = ctx.principal.orgId;
        const org = await readOrganisation(trx, keyring, orgId);
        const rules = PLAN_RULES[org.plan];
        if (ctx.body.zdr === false && rules.zdrAlwaysOn) {
          throw new CloudError(409, 'zdr_required', `Zero Data Retention is always on for the ${org.plan} plan`);
        }
        if (ctx.body.retentionDays !== undefined && !rules.retentionConfigurable) {
          throw new CloudError(409, 'retention_fixed', `retention is fixed at ${rules.retentionDays} days on the ${org.plan} plan (configurable on Enterprise)`);
        }
        if (ctx.body.name !== undefined) {
          const [enc] = await keyring.encrypt(trx, orgId, [{ table: 'organisations', rowId: orgId, column: 'name', plaintext: ctx.body.name }]);
          await sql`update organisations set name_enc = ${enc!} where id = ${orgId}`.execute(trx);
        }
        if (ctx.body.zdr !== undefined) await sql`update organisations set zdr = ${ctx.body.zdr} where id = ${orgId}`.execute(trx);
        if (ctx.body.retentionDays !== undefined) {
          await sql`update organisations set retention_days = ${ctx.body.retentionDays} where id = ${orgId}`.execute(trx);
        }
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'org_change', {
          renamed: ctx.body.name !== undefined,
          zdr: ctx.body.zdr ?? null,
          retentionDays: ctx.body.retentionDays ?? null,
        });
        return readOrganisation(trx, keyring, orgId);
      }),
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/org/plan',
    auth: 'org:plan',
    sessionOnly: true,
    tag: 'organisation',
    summary: "Change the organisation's plan (owner only). Teams and Enterprise switch ZDR on; retention resets to the plan default.",
    body: z.object({ plan: z.enum(PLANS) }).strict(),
    response: { status: 200, schema: orgSchema },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const rules = PLAN_RULES[ctx.body.plan];
        await sql`update organisations set plan = ${ctx.body.plan}, zdr = (zdr or ${rules.zdrAlwaysOn}),
          retention_days = ${rules.retentionDays} where id = ${ctx.principal.orgId}`.execute(trx);
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'plan_change', { plan: ctx.body.plan });
        return readOrganisation(trx, ctx.services.keyring, ctx.principal.orgId);
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/orgs',
    auth: 'org:create',
    sessionOnly: true,
    tag: 'organisation',
    summary: 'Create another organisation; the caller becomes its owner (log in with its id to use it).',
    body: z.object({ name: z.string().min(1).max(200), plan: z.enum(PLANS).default('individual') }).strict(),
    response: { status: 201, schema: orgSchema },
    async handler(ctx) {
      return ctx.services.db.transaction().execute(async (trx) => {
        const orgId = await createOrganisation(trx, ctx.services.keyring, { name: ctx.body.name, plan: ctx.body.plan });
        await addMembership(trx, orgId, ctx.principal.accountId, 'owner');
        return readOrganisation(trx, ctx.services.keyring, orgId);
      });
    },
  }),

  // ---- members ------------------------------------------------------------------------
  defineRoute({
    method: 'GET',
    url: '/api/v1/members',
    auth: 'members:read',
    tag: 'members',
    summary: 'Members of the organisation with their roles.',
    response: { status: 200, schema: z.object({ members: z.array(memberSchema) }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const rows = await sql<{ id: string; role: Role; created_at: Date; account_id: string; email_enc: unknown; name_enc: unknown }>`
          select m.id, m.role, m.created_at, a.id as account_id, a.email_enc, a.name_enc
          from memberships m join accounts a on a.id = m.account_id where m.org_id = ${ctx.principal.orgId} order by m.created_at`.execute(trx);
        const members = [];
        for (const r of rows.rows) {
          const k = ctx.services.keyring;
          members.push({
            id: r.id,
            role: r.role,
            email: await k.decryptAccountField(trx, { table: 'accounts', rowId: r.account_id, column: 'email' }, toBuffer(r.email_enc)),
            name: await k.decryptAccountField(trx, { table: 'accounts', rowId: r.account_id, column: 'name' }, toBuffer(r.name_enc)),
            createdAt: iso(r.created_at)!,
          });
        }
        return { members };
      }),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/members/:id',
    auth: 'members:write',
    tag: 'members',
    summary: "Change a member's role. Only an owner may grant or take away the owner role; the last owner stays.",
    params: uuidParam,
    body: z.object({ role: z.enum(ROLES) }).strict(),
    response: { status: 200, schema: z.object({ id: z.string(), role: z.enum(ROLES) }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const current = await memberRole(trx, ctx.params.id);
        if (!current) throw notFound('member');
        guardOwnerChange(ctx.principal.role, current, ctx.body.role);
        if (current === 'owner' && ctx.body.role !== 'owner') await keepAnOwner(trx);
        await sql`update memberships set role = ${ctx.body.role} where id = ${ctx.params.id}`.execute(trx);
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'member_change', { member: ctx.params.id, from: current, to: ctx.body.role });
        return { id: ctx.params.id, role: ctx.body.role };
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/members/:id',
    auth: 'members:write',
    tag: 'members',
    summary: 'Remove a member (their sessions and tokens stop working at once).',
    params: uuidParam,
    response: { status: 204 },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const current = await memberRole(trx, ctx.params.id);
        if (!current) throw notFound('member');
        guardOwnerChange(ctx.principal.role, current, current);
        if (current === 'owner') await keepAnOwner(trx);
        await sql`delete from sessions where membership_id = ${ctx.params.id}`.execute(trx);
        await sql`update api_tokens set revoked_at = now() where membership_id = ${ctx.params.id} and revoked_at is null`.execute(trx);
        await sql`delete from memberships where id = ${ctx.params.id}`.execute(trx);
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'member_removed', { member: ctx.params.id, role: current });
        return undefined;
      }),
  }),

  // ---- invitations --------------------------------------------------------------------
  defineRoute({
    method: 'GET',
    url: '/api/v1/invitations',
    auth: 'invitations:read',
    tag: 'members',
    summary: 'Invitations of the organisation (the invitation token itself is never shown again).',
    response: { status: 200, schema: z.object({ invitations: z.array(invitationSchema) }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const rows = await sql<{ id: string; email_enc: unknown; role: Role; created_at: Date; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null }>`
          select id, email_enc, role, created_at, expires_at, accepted_at, revoked_at from invitations order by created_at`.execute(trx);
        const invitations = await openSealedField(ctx, trx, rows.rows, { ...invitationEmail, sealed: (r) => r.email_enc }, (r, email) => ({
          id: r.id,
          email,
          role: r.role,
          createdAt: iso(r.created_at)!,
          expiresAt: iso(r.expires_at)!,
          acceptedAt: iso(r.accepted_at),
          revokedAt: iso(r.revoked_at),
        }));
        return { invitations };
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/invitations',
    auth: 'invitations:write',
    tag: 'members',
    summary: `Invite someone by email with a role (not owner). Returns the invitation token once; it expires after ${INVITATION_DAYS} days.`,
    body: z.object({ email: z.email().max(320), role: z.enum(['admin', 'member', 'auditor']) }).strict(),
    response: { status: 201, schema: z.object({ id: z.string(), token: z.string(), role: z.string(), expiresAt: z.string() }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const { id, secret: token, hash, sealed: emailEnc } = await issueCredential(ctx, trx, INVITATION_PREFIX, {
          ...invitationEmail,
          plaintext: ctx.body.email.trim(),
        });
        const rows = await sql<{ expires_at: Date }>`
          insert into invitations (org_id, id, secret_hash, email_enc, role, created_by, expires_at)
          values (${ctx.principal.orgId}, ${id}, ${hash}, ${emailEnc}, ${ctx.body.role}, ${ctx.principal.membershipId},
            now() + make_interval(days => ${INVITATION_DAYS})) returning expires_at`.execute(trx);
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'invitation_created', { invitation: id, role: ctx.body.role });
        ctx.reply.code(201);
        return { id, token, role: ctx.body.role, expiresAt: iso(rows.rows[0]!.expires_at)! };
      }),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/invitations/:id',
    auth: 'invitations:write',
    tag: 'members',
    summary: 'Revoke an invitation.',
    params: uuidParam,
    response: { status: 204 },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const r = await sql`update invitations set revoked_at = now() where id = ${ctx.params.id} and revoked_at is null and accepted_at is null`.execute(trx);
        requireRevoked(r, 'invitation');
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'invitation_revoked', { invitation: ctx.params.id });
        return undefined;
      }),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/invitations/accept',
    auth: 'credential',
    tag: 'members',
    summary:
      'Accept an invitation with its token. A new person sets a name and password; someone who already has an account confirms with their password. Then log in.',
    body: z.object({ token: z.string().min(16).max(200), name: z.string().min(1).max(200).optional(), password: z.string().min(1).max(1024) }).strict(),
    response: { status: 201, schema: z.object({ org: z.object({ id: z.string() }), memberId: z.string() }) },
    rateLimit: { max: 10, windowSeconds: 60 },
    async handler({ body, services, reply }) {
      const hash = secretHash(body.token);
      const result = await services.db.transaction().execute(async (trx) => {
        await setLocal(trx, 'app.credential', hash);
        const found = await sql<{ org_id: string; id: string; role: Role; email_enc: unknown; usable: boolean }>`
          select org_id, id, role, email_enc, (accepted_at is null and revoked_at is null and expires_at > now()) as usable
          from invitations where secret_hash = ${hash}`.execute(trx);
        const inv = found.rows[0];
        if (!inv || !inv.usable) throw new CloudError(401, 'invalid_invitation', 'invitation token is invalid, used, revoked or expired');
        await setTenant(trx, inv.org_id);
        const email = (await services.keyring.decrypt(trx, inv.org_id, { table: 'invitations', rowId: inv.id, column: 'email' }, toBuffer(inv.email_enc))).toString('utf8');
        const existing = await findAccount(trx, services.keyring, email);
        let accountId: string;
        if (existing) {
          if (!(await verifyPassword(existing.passwordHash, body.password))) throw new CloudError(401, 'invalid_credentials', 'invalid email or password');
          accountId = existing.id;
        } else {
          if (!body.name) throw new CloudError(400, 'invalid_request', 'body: name: required for a new account');
          accountId = await createAccount(trx, services.keyring, { email, name: body.name, password: body.password });
        }
        const already = await sql<{ id: string }>`select id from memberships where account_id = ${accountId}`.execute(trx);
        const memberId = already.rows[0]?.id ?? (await addMembership(trx, inv.org_id, accountId, inv.role));
        await sql`update invitations set accepted_at = now() where id = ${inv.id}`.execute(trx);
        return { org: { id: inv.org_id }, memberId };
      });
      reply.code(201);
      return result;
    },
  }),
];

async function memberRole(trx: Parameters<typeof setTenant>[0], id: string): Promise<Role | undefined> {
  const rows = await sql<{ role: Role }>`select role from memberships where id = ${id}`.execute(trx);
  return rows.rows[0]?.role;
}

function guardOwnerChange(actor: Role, current: Role, next: Role): void {
  if ((current === 'owner' || next === 'owner') && actor !== 'owner') throw forbidden('only an owner can change or remove an owner, or make someone owner');
}

async function keepAnOwner(trx: Parameters<typeof setTenant>[0]): Promise<void> {
  const rows = await sql<{ n: string }>`select count(*)::text as n from memberships where role = 'owner'`.execute(trx);
  if (Number(rows.rows[0]?.n ?? 0) <= 1) throw new CloudError(409, 'last_owner', 'an organisation keeps at least one owner');
}
