import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/secrets.js';
import type { Role } from '../auth/permissions.js';
import { setTenant, toBuffer, type Db, type Trx } from '../db/database.js';
import type { Keyring } from '../crypto/keyring.js';
import { PLAN_RULES, type Plan } from './plans.js';
import { CloudError } from '../server/errors.js';

export interface Organisation {
  id: string;
  name: string;
  plan: Plan;
  zdr: boolean;
  retentionDays: number;
  createdAt: string;
}

/** Creates an organisation (tenant), its data key and its empty audit log; leaves the transaction in that tenant. */
export async function createOrganisation(trx: Trx, keyring: Keyring, input: { name: string; plan: Plan; zdr?: boolean }): Promise<string> {
  const id = randomUUID();
  await setTenant(trx, id);
  const rules = PLAN_RULES[input.plan];
  await sql`insert into organisations (id, name_enc, plan, zdr, retention_days)
    values (${id}, ${Buffer.alloc(0)}, ${input.plan}, ${rules.zdrAlwaysOn || Boolean(input.zdr)}, ${rules.retentionDays})`.execute(trx);
  await keyring.rotateTenantDek(trx, id);
  const [nameEnc] = await keyring.encrypt(trx, id, [{ table: 'organisations', rowId: id, column: 'name', plaintext: input.name }]);
  await sql`update organisations set name_enc = ${nameEnc!} where id = ${id}`.execute(trx);
  await sql`insert into audit_heads (org_id, size) values (${id}, 0)`.execute(trx);
  return id;
}

export async function readOrganisation(trx: Trx, keyring: Keyring, orgId: string): Promise<Organisation> {
  const rows = await sql<{ id: string; name_enc: unknown; plan: Plan; zdr: boolean; retention_days: number; created_at: Date }>`
    select id, name_enc, plan, zdr, retention_days, created_at from organisations where id = ${orgId}`.execute(trx);
  const r = rows.rows[0];
  if (!r) throw new CloudError(404, 'not_found', 'organisation not found');
  const name = (await keyring.decrypt(trx, orgId, { table: 'organisations', rowId: orgId, column: 'name' }, toBuffer(r.name_enc))).toString('utf8');
  return { id: r.id, name, plan: r.plan, zdr: r.zdr, retentionDays: Number(r.retention_days), createdAt: new Date(r.created_at).toISOString() };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new CloudError(400, 'weak_password', `passwords need at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > 1024) throw new CloudError(400, 'invalid_request', 'password too long');
}

/** Finds an account by its email blind index. Accounts are global (not tenant-owned). */
export async function findAccount(db: Db | Trx, keyring: Keyring, email: string): Promise<{ id: string; passwordHash: string } | undefined> {
  const index = await keyring.emailIndex(db, email);
  const rows = await sql<{ id: string; password_hash: string }>`select id, password_hash from accounts where email_index = ${index}`.execute(db);
  const r = rows.rows[0];
  return r ? { id: r.id, passwordHash: r.password_hash } : undefined;
}

export async function createAccount(trx: Trx, keyring: Keyring, input: { email: string; name: string; password: string }): Promise<string> {
  checkPassword(input.password);
  const id = randomUUID();
  const index = await keyring.emailIndex(trx, input.email);
  const emailEnc = await keyring.encryptAccountField(trx, { table: 'accounts', rowId: id, column: 'email' }, input.email.trim());
  const nameEnc = await keyring.encryptAccountField(trx, { table: 'accounts', rowId: id, column: 'name' }, input.name);
  await sql`insert into accounts (id, email_index, email_enc, name_enc, password_hash)
    values (${id}, ${index}, ${emailEnc}, ${nameEnc}, ${await hashPassword(input.password)})`.execute(trx);
  return id;
}

export async function addMembership(trx: Trx, orgId: string, accountId: string, role: Role): Promise<string> {
  const id = randomUUID();
  await sql`insert into memberships (org_id, id, account_id, role) values (${orgId}, ${id}, ${accountId}, ${role})`.execute(trx);
  return id;
}

/** `takumo cloud init` and tests: the first organisation with its owner account. */
export async function bootstrapOrganisation(
  db: Db,
  keyring: Keyring,
  input: { orgName: string; plan: Plan; email: string; ownerName: string; password: string },
): Promise<{ orgId: string; accountId: string; membershipId: string }> {
  checkPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const existing = await findAccount(trx, keyring, input.email);
    // An existing person becomes owner of a new organisation only with their own password.
    if (existing && !(await verifyPassword(existing.passwordHash, input.password))) {
      throw new CloudError(401, 'invalid_credentials', 'an account with this email exists and the password does not match it');
    }
    const orgId = await createOrganisation(trx, keyring, { name: input.orgName, plan: input.plan });
    const accountId = existing?.id ?? (await createAccount(trx, keyring, { email: input.email, name: input.ownerName, password: input.password }));
    const membershipId = await addMembership(trx, orgId, accountId, 'owner');
    return { orgId, accountId, membershipId };
  });
}
