import { randomUUID } from 'node:crypto';
import { newSecret, secretHash } from '../../auth/secrets.js';
import { toBuffer, type Trx } from '../../db/database.js';
import { notFound } from '../errors.js';
import type { RouteContext } from '../route.js';

/**
 * API tokens and invitations are credential rows of the caller's tenant: a random secret that
 * is shown once and stored only as its hash, one encrypted text field (a token's name, an
 * invitee's email), and revocation that must hit an existing row. Their routes share these
 * steps so the two kinds cannot drift apart in how they seal, read or revoke a row.
 */

type TenantContext = RouteContext<unknown, unknown, unknown>;

/** Where a credential row keeps its one encrypted text field. */
export interface SealedField {
  table: string;
  column: string;
}

export interface IssuedCredential {
  id: string;
  /** The secret itself: returned to the caller once, never stored. */
  secret: string;
  /** What the row stores in place of the secret. */
  hash: string;
  /** The field's plaintext sealed under the tenant's current key, bound to this row. */
  sealed: Buffer;
}

/** A fresh row id and secret, with the row's encrypted field sealed for the insert. */
export async function issueCredential(
  ctx: TenantContext,
  trx: Trx,
  secretPrefix: string,
  field: SealedField & { plaintext: string },
): Promise<IssuedCredential> {
  const id = randomUUID();
  const secret = newSecret(secretPrefix);
  const [sealed] = await ctx.services.keyring.encrypt(trx, ctx.principal.orgId, [
    { table: field.table, rowId: id, column: field.column, plaintext: field.plaintext },
  ]);
  return { id, secret, hash: secretHash(secret), sealed: sealed! };
}

/** Each row with its encrypted field opened as UTF-8 text, in the rows' order. */
export async function openSealedField<R extends { id: string }, T>(
  ctx: TenantContext,
  trx: Trx,
  rows: readonly R[],
  field: SealedField & { sealed: (row: R) => unknown },
  present: (row: R, plaintext: string) => T,
): Promise<T[]> {
  const presented: T[] = [];
  for (const row of rows) {
    const location = { table: field.table, rowId: row.id, column: field.column };
    const plaintext = await ctx.services.keyring.decrypt(trx, ctx.principal.orgId, location, toBuffer(field.sealed(row)));
    presented.push(present(row, plaintext.toString('utf8')));
  }
  return presented;
}

/** A revoking UPDATE that touched no row names an unknown id, or one the caller may not revoke. */
export function requireRevoked(result: { numAffectedRows?: bigint }, what: string): void {
  if (Number(result.numAffectedRows ?? 0n) === 0) throw notFound(what);
}
