import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The back ends every cloud test runs on: the embedded database always, PostgreSQL when
 * TAKUMO_TEST_DATABASE_URL is set (CI sets it). Each test file gets a fresh PostgreSQL
 * database, dropped afterwards.
 */
export const BACKENDS: Array<'pglite' | 'postgres'> = process.env.TAKUMO_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function createScratchPostgres(): Promise<ScratchDatabase> {
  const adminUrl = process.env.TAKUMO_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TAKUMO_TEST_DATABASE_URL is not set');
  const name = `takumo_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
