import { z } from 'zod';
import { appendEntries, type LeafFields } from '../../audit/log.js';
import { inTenant, type Trx } from '../../db/database.js';
import type { Principal, RouteContext, ServerServices } from '../route.js';

export const uuidParam = z.object({ id: z.uuid() }).strict();
export const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

/** Runs in one transaction scoped to the caller's tenant. */
export function tenantTx<T>(ctx: RouteContext<unknown, unknown, unknown>, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return inTenant(ctx.services.db, ctx.principal.orgId, fn);
}

/**
 * Administrative changes (policy, members, tokens, organisation settings) are appended to the
 * tenant's audit log in the same transaction: if the audit append fails, the change fails too.
 */
export async function recordAdminEvent(
  trx: Trx,
  services: ServerServices,
  principal: Principal,
  type: string,
  detail: NonNullable<LeafFields['detail']>,
): Promise<void> {
  await appendEntries(trx, services.keyring, principal.orgId, services.now(), [
    { type, actor: { type: principal.type, id: principal.id }, detail },
  ]);
}

export function iso(value: unknown): string | null {
  return value === null || value === undefined ? null : new Date(value as string).toISOString();
}
