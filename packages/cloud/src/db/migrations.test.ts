import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations.js';

/**
 * Migrations are append-only: a database that already ran one never runs it again, so an
 * edited migration would leave old and new installations with different schemas. The SQL of
 * each shipped migration is pinned by its SHA-256, so refactoring how the SQL is generated
 * cannot change it unnoticed; changing the schema means adding the next migration.
 */
const SHIPPED_SQL_SHA256: ReadonlyMap<number, string> = new Map([
  [1, '19ee3d39fdf1f42ee99480ad0beaffc6a33faed599366c11136658fffa814c48'],
]);

describe('migrations', () => {
  it('every shipped migration is byte for byte the SQL that shipped', () => {
    for (const [id, digest] of SHIPPED_SQL_SHA256) {
      const migration = MIGRATIONS.find((m) => m.id === id);
      expect(migration, `migration ${id} is missing`).toBeDefined();
      const actual = createHash('sha256').update(migration!.sql, 'utf8').digest('hex');
      expect(actual, `migration ${id} was edited: add a new migration instead`).toBe(digest);
    }
  });
});
