import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createScratchPostgres, type ScratchDatabase } from '../test-support/databases.js';
import { inTenant, openDatabase, type CloudDatabase } from './database.js';

describe.each(BACKENDS)('database on %s', (backend) => {
  let database: CloudDatabase;
  let scratch: ScratchDatabase | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    if (backend === 'postgres') {
      scratch = await createScratchPostgres();
      database = await openDatabase({ databaseUrl: scratch.url });
    } else {
      dir = mkdtempSync(join(tmpdir(), 'takumo-db-'));
      database = await openDatabase({ dataDir: dir });
    }
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs queries as a role that owns nothing, is no superuser and cannot bypass RLS', async () => {
    const rows = await sql<{ u: string; s: boolean; b: boolean; owned: string }>`
      select current_user as u, r.rolsuper as s, r.rolbypassrls as b,
        (select count(*) from pg_class c where c.relowner = r.oid)::text as owned
      from pg_roles r where r.rolname = current_user`.execute(database.db);
    expect(rows.rows[0]).toEqual({ u: 'takumo_app', s: false, b: false, owned: '0' });
  });

  it('enables and forces row-level security on every table with an org_id column', async () => {
    const rows = await database.ownerQuery<{ relname: string; on: boolean; forced: boolean }>(`
      select c.relname, c.relrowsecurity as on, c.relforcerowsecurity as forced
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname in ('org_id') and not a.attisdropped)
         or (c.relname = 'organisations' and c.relkind = 'r')`);
    expect(rows.length).toBeGreaterThan(8);
    for (const r of rows) expect({ table: r.relname, on: r.on, forced: r.forced }).toEqual({ table: r.relname, on: true, forced: true });
  });

  it('sees no tenant rows without a tenant set, and only its own with one', async () => {
    const a = randomUUID();
    const b = randomUUID();
    for (const id of [a, b]) {
      await inTenant(database.db, id, (trx) =>
        sql`insert into organisations (id, name_enc, plan, zdr, retention_days) values (${id}, ${Buffer.from('x')}, 'pro', false, 30)`.execute(trx),
      );
    }
    const none = await sql`select id from organisations`.execute(database.db);
    expect(none.rows).toEqual([]);
    const seen = await inTenant(database.db, a, (trx) => sql<{ id: string }>`select id from organisations`.execute(trx));
    expect(seen.rows.map((r) => r.id)).toEqual([a]);
    await expect(
      inTenant(database.db, a, (trx) =>
        sql`insert into audit_heads (org_id, size) values (${b}, 0)`.execute(trx),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot switch row security off as the app role', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`set local row_security = off`.execute(trx);
        await sql`select * from memberships`.execute(trx);
      }),
    ).rejects.toThrow(/row-level security/);
  });
});
