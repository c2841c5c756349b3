import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';
import { toBuffer, toNumber } from '../db/database.js';
import {
  decryptField,
  encryptField,
  fieldAad,
  fieldDekId,
  generateDek,
  MAX_ENCRYPTIONS_PER_DEK,
  unwrapDek,
  wrapDek,
  type Kek,
} from './envelope.js';

interface Dek {
  id: number;
  key: Buffer;
}

/**
 * Data keys at rest: one AES-256-GCM data key (DEK) per tenant, wrapped by the operator's
 * key-encryption key (KEK, from a file or the environment, never stored in the database).
 * Accounts are not tenant-owned, so they use installation keys wrapped the same way.
 *
 * Every encryption bumps the active DEK's counter in the same transaction; past
 * ROTATE_AFTER encryptions a fresh DEK becomes active (random 96-bit nonces stay far below
 * the 2^32 limit per key). Older DEKs stay for decryption until their rows are re-encrypted.
 * Unwrapped DEKs are cached by (tenant, dek id): they never change once written, so another
 * server process creating a newer DEK cannot make this cache wrong.
 */
export const ROTATE_AFTER = MAX_ENCRYPTIONS_PER_DEK;

export interface FieldLocation {
  table: string;
  rowId: string;
  column: string;
}

export interface TenantKeyring {
  encrypt(trx: Trx, orgId: string, items: Array<FieldLocation & { plaintext: Buffer | string }>): Promise<Buffer[]>;
  decrypt(trx: Trx, orgId: string, where: FieldLocation, blob: Buffer): Promise<Buffer>;
}

const INSTALLATION = 'installation';

interface KeyRow {
  dek_id: unknown;
  kek_id: string;
  wrapped: unknown;
  encryptions?: unknown;
  active: boolean;
}

export class Keyring implements TenantKeyring {
  private readonly cache = new Map<string, Dek>();
  private emailIndexKey: Buffer | undefined;

  constructor(
    private readonly keks: { current: Kek; previous?: Kek[] },
    private readonly rotateAfter = ROTATE_AFTER,
  ) {}

  get kekId(): string {
    return this.keks.current.id;
  }

  private kekFor(id: string): Kek {
    const kek = [this.keks.current, ...(this.keks.previous ?? [])].find((k) => k.id === id);
    if (!kek) throw new Error(`data key is wrapped by key-encryption key "${id}", which was not supplied`);
    return kek;
  }

  private unwrap(scope: string, row: KeyRow): Dek {
    const id = toNumber(row.dek_id);
    const cacheKey = `${scope}/${id}`;
    let dek = this.cache.get(cacheKey);
    if (!dek) {
      dek = { id, key: unwrapDek(this.kekFor(row.kek_id), toBuffer(row.wrapped), scope) };
      this.cache.set(cacheKey, dek);
    }
    return dek;
  }

  // ---- tenant keys -------------------------------------------------------------------

  async encrypt(trx: Trx, orgId: string, items: Array<FieldLocation & { plaintext: Buffer | string }>): Promise<Buffer[]> {
    if (items.length === 0) return [];
    const dek = await this.reserveTenantDek(trx, orgId, items.length);
    return items.map((item) =>
      encryptField(dek.key, dek.id, item.plaintext, fieldAad({ tenantId: orgId, table: item.table, rowId: item.rowId, column: item.column })),
    );
  }

  async decrypt(trx: Trx, orgId: string, where: FieldLocation, blob: Buffer): Promise<Buffer> {
    const aad = fieldAad({ tenantId: orgId, table: where.table, rowId: where.rowId, column: where.column });
    const dekId = fieldDekId(blob);
    let dek = this.cache.get(`${orgId}/${dekId}`);
    if (!dek) {
      const rows = await sql<KeyRow>`
        select dek_id, kek_id, wrapped, active from tenant_keys where org_id = ${orgId} and dek_id = ${dekId}`.execute(trx);
      if (!rows.rows[0]) throw new Error('encrypted field refers to a data key this tenant does not have');
      dek = this.unwrap(orgId, rows.rows[0]);
    }
    return decryptField(dek.key, blob, aad);
  }

  /** Takes `count` encryptions from the tenant's active DEK (creating or rotating it as needed). */
  private async reserveTenantDek(trx: Trx, orgId: string, count: number): Promise<Dek> {
    const bumped = await sql<KeyRow>`
      update tenant_keys set encryptions = encryptions + ${count}
      where org_id = ${orgId} and active returning dek_id, kek_id, wrapped, encryptions, active`.execute(trx);
    const row = bumped.rows[0];
    if (row && toNumber(row.encryptions) <= this.rotateAfter) return this.unwrap(orgId, row);
    return this.rotateTenantDek(trx, orgId, count);
  }

  /** Makes a fresh DEK the tenant's active one; the previous stays for decryption. */
  async rotateTenantDek(trx: Trx, orgId: string, reserve = 0): Promise<Dek> {
    const last = await sql<{ max: unknown }>`select max(dek_id) as max from tenant_keys where org_id = ${orgId}`.execute(trx);
    const nextId = toNumber(last.rows[0]?.max ?? 0) + 1;
    await sql`update tenant_keys set active = false where org_id = ${orgId} and active`.execute(trx);
    const dek = generateDek();
    await sql`insert into tenant_keys (org_id, dek_id, kek_id, wrapped, encryptions, active)
      values (${orgId}, ${nextId}, ${this.kekId}, ${wrapDek(this.keks.current, dek, orgId)}, ${reserve}, true)`.execute(trx);
    const entry = { id: nextId, key: dek };
    this.cache.set(`${orgId}/${nextId}`, entry);
    return entry;
  }

  /** Rewraps every DEK of a tenant under the current KEK (KEK rotation); data is untouched. */
  async rewrapTenant(trx: Trx, orgId: string): Promise<number> {
    const rows = await sql<KeyRow>`select dek_id, kek_id, wrapped, active from tenant_keys where org_id = ${orgId}`.execute(trx);
    for (const r of rows.rows) {
      const dek = unwrapDek(this.kekFor(r.kek_id), toBuffer(r.wrapped), orgId);
      await sql`update tenant_keys set kek_id = ${this.kekId}, wrapped = ${wrapDek(this.keks.current, dek, orgId)}
        where org_id = ${orgId} and dek_id = ${toNumber(r.dek_id)}`.execute(trx);
    }
    return rows.rows.length;
  }

  // ---- installation keys (accounts) -----------------------------------------------------

  async encryptAccountField(db: Db | Trx, location: FieldLocation, plaintext: string): Promise<Buffer> {
    const dek = await this.reserveInstallationDek(db, 1);
    return encryptField(dek.key, dek.id, plaintext, fieldAad({ tenantId: INSTALLATION, ...location }));
  }

  async decryptAccountField(db: Db | Trx, location: FieldLocation, blob: Buffer): Promise<string> {
    const dekId = fieldDekId(blob);
    const rows = await sql<KeyRow>`select dek_id, kek_id, wrapped, active from installation_keys
      where purpose = 'accounts' and dek_id = ${dekId}`.execute(db);
    if (!rows.rows[0]) throw new Error('encrypted field refers to an unknown installation data key');
    const dek = this.unwrap(`${INSTALLATION}:accounts`, rows.rows[0]);
    return decryptField(dek.key, blob, fieldAad({ tenantId: INSTALLATION, ...location })).toString('utf8');
  }

  private async reserveInstallationDek(db: Db | Trx, count: number): Promise<Dek> {
    const bumped = await sql<KeyRow>`update installation_keys set encryptions = encryptions + ${count}
      where purpose = 'accounts' and active returning dek_id, kek_id, wrapped, encryptions, active`.execute(db);
    const row = bumped.rows[0];
    if (row && toNumber(row.encryptions) <= this.rotateAfter) return this.unwrap(`${INSTALLATION}:accounts`, row);
    const last = await sql<{ max: unknown }>`select max(dek_id) as max from installation_keys where purpose = 'accounts'`.execute(db);
    const nextId = toNumber(last.rows[0]?.max ?? 0) + 1;
    await sql`update installation_keys set active = false where purpose = 'accounts' and active`.execute(db);
    const dek = generateDek();
    await sql`insert into installation_keys (purpose, dek_id, kek_id, wrapped, encryptions, active)
      values ('accounts', ${nextId}, ${this.kekId}, ${wrapDek(this.keks.current, dek, `${INSTALLATION}:accounts`)}, ${count}, true)
      on conflict do nothing`.execute(db);
    const entry = { id: nextId, key: dek };
    this.cache.set(`${INSTALLATION}:accounts/${nextId}`, entry);
    return entry;
  }

  /**
   * Keyed blind index of an email (HMAC-SHA-256 under an installation key): lets login find
   * an account without storing the address in clear or as a guessable plain hash.
   */
  async emailIndex(db: Db | Trx, email: string): Promise<Buffer> {
    if (!this.emailIndexKey) {
      const rows = await sql<KeyRow>`select dek_id, kek_id, wrapped, active from installation_keys where purpose = 'email-index'`.execute(db);
      let row = rows.rows[0];
      if (!row) {
        const key = generateDek();
        await sql`insert into installation_keys (purpose, dek_id, kek_id, wrapped, active)
          values ('email-index', 1, ${this.kekId}, ${wrapDek(this.keks.current, key, `${INSTALLATION}:email-index`)}, true)
          on conflict do nothing`.execute(db);
        row = (await sql<KeyRow>`select dek_id, kek_id, wrapped, active from installation_keys where purpose = 'email-index'`.execute(db)).rows[0]!;
      }
      this.emailIndexKey = unwrapDek(this.kekFor(row.kek_id), toBuffer(row.wrapped), `${INSTALLATION}:email-index`);
    }
    return createHmac('sha256', this.emailIndexKey).update(normaliseEmail(email)).digest();
  }

  /** Rewraps the installation keys under the current KEK. */
  async rewrapInstallation(db: Db | Trx): Promise<number> {
    const rows = await sql<KeyRow & { purpose: string }>`select purpose, dek_id, kek_id, wrapped, active from installation_keys`.execute(db);
    for (const r of rows.rows) {
      const scope = `${INSTALLATION}:${r.purpose}`;
      const dek = unwrapDek(this.kekFor(r.kek_id), toBuffer(r.wrapped), scope);
      await sql`update installation_keys set kek_id = ${this.kekId}, wrapped = ${wrapDek(this.keks.current, dek, scope)}
        where purpose = ${r.purpose} and dek_id = ${toNumber(r.dek_id)}`.execute(db);
    }
    return rows.rows.length;
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
