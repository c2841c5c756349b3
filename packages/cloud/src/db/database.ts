import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { APP_ROLE, migrate } from './migrations.js';
import { PGliteDialect } from './pglite-dialect.js';

export type Db = Kysely<any>;
export type Trx = Transaction<any>;

export interface DatabaseOptions {
  /** Embedded PGlite data directory (created when missing). */
  dataDir?: string;
  /** `postgres://…` URL of a PostgreSQL server; its role owns the schema and runs migrations. */
  databaseUrl?: string;
  /** Size of the PostgreSQL connection pool (default 10). */
  poolSize?: number;
}

export interface CloudDatabase {
  kind: 'pglite' | 'postgres';
  /** Every server query goes through this handle: it runs as the app role (RLS applies). */
  db: Db;
  /**
   * Runs SQL as the schema owner. Used for migrations and by operators' maintenance and tests
   * (for example to simulate someone editing rows behind the server's back). Never by routes.
   */
  ownerQuery<R = Record<string, unknown>>(text: string, params?: unknown[], options?: { tenantId?: string }): Promise<R[]>;
  close(): Promise<void>;
}

/** Opens the embedded database or PostgreSQL, applies migrations, and switches to the app role. */
export async function openDatabase(options: DatabaseOptions): Promise<CloudDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.dataDir);
}

async function openPGlite(dataDir: string | undefined): Promise<CloudDatabase> {
  if (dataDir) mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pglite = dataDir ? new PGlite(dataDir) : new PGlite();
  await pglite.waitReady;
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  await migrate(db, false);
  // PGlite is a single session: switch it to the app role once; the owner path switches back
  // for the duration of one call while holding the (serialised) connection.
  await sql.raw(`set role ${APP_ROLE}`).execute(db);
  return {
    kind: 'pglite',
    db,
    async ownerQuery<R>(text: string, params: unknown[] = [], options: { tenantId?: string } = {}) {
      return db.connection().execute(async (conn) => {
        await sql.raw('reset role').execute(conn);
        try {
          return await pglite.transaction(async (tx) => {
            if (options.tenantId) await tx.query(`select set_config('app.tenant_id', $1, true)`, [options.tenantId]);
            return (await tx.query<R>(text, params)).rows;
          });
        } finally {
          await sql.raw(`set role ${APP_ROLE}`).execute(conn);
        }
      });
    },
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<CloudDatabase> {
  const ownerPool = new pg.Pool({ connectionString: url, max: 2 });
  // An idle connection the server drops (restart, failover, admin termination) must not
  // crash the process: the pool discards it and the next query opens a fresh one.
  ownerPool.on('error', () => undefined);
  const owner = new Kysely<any>({ dialect: new PostgresDialect({ pool: ownerPool }) });
  try {
    await migrate(owner, true);
  } catch (error) {
    await owner.destroy();
    throw error;
  }
  const appPool = new pg.Pool({ connectionString: url, max: poolSize });
  appPool.on('error', () => undefined);
  appPool.on('connect', (client) => {
    // Queued before any query the pool hands this client out for.
    client.query(`set role ${APP_ROLE}`).catch(() => undefined);
  });
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: appPool }) });
  return {
    kind: 'postgres',
    db,
    async ownerQuery<R>(text: string, params: unknown[] = [], options: { tenantId?: string } = {}) {
      const client = await ownerPool.connect();
      try {
        await client.query('begin');
        if (options.tenantId) await client.query(`select set_config('app.tenant_id', $1, true)`, [options.tenantId]);
        const result = await client.query(text, params);
        await client.query('commit');
        return result.rows as R[];
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      await owner.destroy();
    },
  };
}

/**
 * Runs `fn` in one transaction scoped to a tenant: `set_config(…, true)` lasts until the
 * transaction ends, so nothing leaks to the next user of the connection.
 */
export async function inTenant<T>(db: Db, tenantId: string, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
    return fn(trx);
  });
}

/** Switches the tenant inside an already open transaction (after a credential lookup). */
export async function setTenant(trx: Trx, tenantId: string): Promise<void> {
  await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(trx);
}

/** Sets a transaction-local setting used by a lookup policy (`app.credential`, `app.account_id`, `app.scope`). */
export async function setLocal(trx: Trx, name: 'app.credential' | 'app.account_id' | 'app.scope', value: string): Promise<void> {
  await sql`select set_config(${name}, ${value}, true)`.execute(trx);
}

/** Rows come back as Buffer (pg) or Uint8Array (PGlite); make them Buffers. */
export function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  throw new TypeError('expected a bytea value');
}

/** bigint columns come back as string (pg) or bigint/number (PGlite). */
export function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
