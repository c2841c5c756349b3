import { sql } from 'kysely';
import { applyRetention } from './audit/log.js';
import { inTenant, setLocal, type Db } from './db/database.js';
import type { Keyring } from './crypto/keyring.js';

/**
 * Jobs that walk every tenant (retention, key rotation). They list organisation ids through
 * the one SELECT policy that honours `app.scope = 'maintenance'`, then do each tenant's work
 * in that tenant's own RLS-scoped transaction, exactly like a request would.
 */
export async function listOrganisationIds(db: Db): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    await setLocal(trx, 'app.scope', 'maintenance');
    const rows = await sql<{ id: string }>`select id from organisations order by created_at, id`.execute(trx);
    return rows.rows.map((r) => r.id);
  });
}

/**
 * Removes expired audit payloads in every organisation (leaf hashes stay), expired sessions,
 * and rate-limit windows older than a day.
 */
export async function sweepRetention(db: Db): Promise<{ organisations: number; payloadsRemoved: number }> {
  const ids = await listOrganisationIds(db);
  let removed = 0;
  for (const id of ids) {
    removed += await inTenant(db, id, async (trx) => {
      await sql`delete from sessions where expires_at < now()`.execute(trx);
      return applyRetention(trx, id);
    });
  }
  await sql`delete from rate_limits where window_start < now() - interval '1 day'`.execute(db);
  return { organisations: ids.length, payloadsRemoved: removed };
}

/** KEK rotation: rewraps every data key under the keyring's current KEK. Data is untouched. */
export async function rewrapAllDataKeys(db: Db, keyring: Keyring): Promise<{ organisations: number; dataKeys: number }> {
  let count = await db.transaction().execute((trx) => keyring.rewrapInstallation(trx));
  const ids = await listOrganisationIds(db);
  for (const id of ids) count += await inTenant(db, id, (trx) => keyring.rewrapTenant(trx, id));
  return { organisations: ids.length, dataKeys: count };
}

/** DEK rotation: every organisation gets a fresh active data key; older ones stay for reading. */
export async function rotateAllDataKeys(db: Db, keyring: Keyring): Promise<{ organisations: number }> {
  const ids = await listOrganisationIds(db);
  for (const id of ids) await inTenant(db, id, (trx) => keyring.rotateTenantDek(trx, id));
  return { organisations: ids.length };
}
