import { sql } from 'kysely';
import { toBuffer, toNumber, type Trx } from '../db/database.js';
import type { TenantKeyring } from '../crypto/keyring.js';
import { canonicalJson, type CanonicalValue } from './canonical-json.js';
import {
  appendLeafNodes,
  consistencyProof,
  inclusionProof,
  InMemoryTree,
  leafHash,
  rootAt,
  type NodeReader,
  type TreeNode,
} from './merkle.js';

/**
 * One append-only RFC 6962 log per tenant, stored as:
 * - `audit_leaves` (seq, leaf hash, received time) and `audit_nodes` (hashes of complete
 *   perfect subtrees): both reject UPDATE/DELETE/TRUNCATE in triggers and are kept forever;
 * - `audit_payloads`: the canonical-JSON leaf, encrypted under the tenant's data key. This
 *   is the only part retention may delete (its trigger refuses anything still in retention).
 * Appends lock the tenant's `audit_heads` row, so any number of server processes append in
 * one global order per tenant without gaps.
 */
export interface LeafFields extends EventMetadata {
  type: string;
  actor: { type: 'user' | 'token'; id: string };
  agentId?: string;
  /** Administrative events (policy_change, member_change, …) carry a small detail object. */
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * What an agent may say about one event besides its type: metadata only, never a value, a
 * snippet or a hash. The agent builds the events it sends from this same shape.
 */
export interface EventMetadata {
  agentReportedAt?: string;
  category?: string;
  rule?: string;
  file?: string;
  line?: number;
  counts?: Record<string, number>;
  repository?: string;
  tool?: string;
}

export interface Receipt {
  seq: number;
  leafHash: string;
}

export const LEAF_VERSION = 1;

/** The exact bytes that are hashed: the server's received time is inside the leaf. */
export function buildLeaf(orgId: string, seq: number, receivedAt: Date, fields: LeafFields): string {
  const leaf: Record<string, CanonicalValue> = {
    v: LEAF_VERSION,
    org: orgId,
    seq,
    receivedAt: receivedAt.toISOString(),
    type: fields.type,
    actor: { type: fields.actor.type, id: fields.actor.id },
  };
  for (const key of ['agentId', 'agentReportedAt', 'category', 'rule', 'file', 'line', 'repository', 'tool'] as const) {
    const value = fields[key];
    if (value !== undefined) leaf[key] = value;
  }
  if (fields.counts) leaf.counts = { ...fields.counts };
  if (fields.detail) leaf.detail = { ...fields.detail };
  return canonicalJson(leaf);
}

const PAYLOAD_COLUMN = { table: 'audit_payloads', column: 'leaf' } as const;

export async function appendEntries(
  trx: Trx,
  keyring: TenantKeyring,
  orgId: string,
  receivedAt: Date,
  events: LeafFields[],
): Promise<{ receipts: Receipt[]; treeSize: number }> {
  const head = await sql<{ size: unknown }>`
    select size from audit_heads where org_id = ${orgId} for update`.execute(trx);
  if (!head.rows[0]) throw new Error('audit log head missing for this organisation');
  const start = toNumber(head.rows[0].size);
  if (events.length === 0) return { receipts: [], treeSize: start };

  // Left siblings an append can need are the perfect subtrees of the current tree: fetch them
  // in one query, then keep every node this batch completes in the same map.
  const known = new Map<string, Buffer>();
  const frontier = frontierNodes(start);
  if (frontier.length > 0) await loadNodes(trx, orgId, frontier, known);
  const read = async (level: number, index: number): Promise<Buffer> => {
    const hit = known.get(`${level}/${index}`);
    if (hit) return hit;
    const loaded = await readNode(trx, orgId, level, index);
    known.set(`${level}/${index}`, loaded);
    return loaded;
  };

  const leaves: Array<{ seq: number; text: string; hash: Buffer }> = [];
  const inner: TreeNode[] = [];
  for (let i = 0; i < events.length; i++) {
    const seq = start + i;
    const text = buildLeaf(orgId, seq, receivedAt, events[i]!);
    const hash = leafHash(Buffer.from(text, 'utf8'));
    for (const node of await appendLeafNodes(seq, hash, read)) {
      known.set(`${node.level}/${node.index}`, node.hash);
      if (node.level > 0) inner.push(node);
    }
    leaves.push({ seq, text, hash });
  }
  const ciphertexts = await keyring.encrypt(
    trx,
    orgId,
    leaves.map((l) => ({ ...PAYLOAD_COLUMN, rowId: String(l.seq), plaintext: Buffer.from(l.text, 'utf8') })),
  );

  await sql`insert into audit_leaves (org_id, seq, leaf_hash, received_at) values ${sql.join(
    leaves.map((l) => sql`(${orgId}, ${l.seq}, ${l.hash}, ${receivedAt})`),
  )}`.execute(trx);
  await sql`insert into audit_payloads (org_id, seq, received_at, leaf_enc) values ${sql.join(
    leaves.map((l, i) => sql`(${orgId}, ${l.seq}, ${receivedAt}, ${ciphertexts[i]!})`),
  )}`.execute(trx);
  if (inner.length > 0) {
    await sql`insert into audit_nodes (org_id, level, idx, hash) values ${sql.join(
      inner.map((n) => sql`(${orgId}, ${n.level}, ${n.index}, ${n.hash})`),
    )}`.execute(trx);
  }
  const treeSize = start + events.length;
  await sql`update audit_heads set size = ${treeSize} where org_id = ${orgId}`.execute(trx);
  return {
    receipts: leaves.map((l) => ({ seq: l.seq, leafHash: l.hash.toString('base64') })),
    treeSize,
  };
}

/** The perfect subtrees covering leaves [0, size): one per set bit of size. */
function frontierNodes(size: number): Array<{ level: number; index: number }> {
  const nodes: Array<{ level: number; index: number }> = [];
  let covered = 0;
  for (let level = 52; level >= 0; level--) {
    const width = 2 ** level;
    if (size - covered >= width) {
      nodes.push({ level, index: covered / width });
      covered += width;
    }
  }
  return nodes;
}

async function loadNodes(
  trx: Trx,
  orgId: string,
  wanted: Array<{ level: number; index: number }>,
  into: Map<string, Buffer>,
): Promise<void> {
  const leaves = wanted.filter((n) => n.level === 0).map((n) => n.index);
  const inner = wanted.filter((n) => n.level > 0);
  if (leaves.length > 0) {
    const rows = await sql<{ seq: unknown; leaf_hash: unknown }>`
      select seq, leaf_hash from audit_leaves where org_id = ${orgId} and seq in (${sql.join(leaves)})`.execute(trx);
    for (const r of rows.rows) into.set(`0/${toNumber(r.seq)}`, toBuffer(r.leaf_hash));
  }
  if (inner.length > 0) {
    const rows = await sql<{ level: unknown; idx: unknown; hash: unknown }>`
      select level, idx, hash from audit_nodes where org_id = ${orgId}
        and (level, idx) in (${sql.join(inner.map((n) => sql`(${n.level}::smallint, ${n.index}::bigint)`))})`.execute(trx);
    for (const r of rows.rows) into.set(`${toNumber(r.level)}/${toNumber(r.idx)}`, toBuffer(r.hash));
  }
}

async function readNode(trx: Trx, orgId: string, level: number, index: number): Promise<Buffer> {
  const rows =
    level === 0
      ? await sql<{ hash: unknown }>`select leaf_hash as hash from audit_leaves where org_id = ${orgId} and seq = ${index}`.execute(trx)
      : await sql<{ hash: unknown }>`select hash from audit_nodes where org_id = ${orgId} and level = ${level} and idx = ${index}`.execute(trx);
  const row = rows.rows[0];
  if (!row) throw new Error(`audit tree node (${level}, ${index}) is missing`);
  return toBuffer(row.hash);
}

/** Reads stored nodes of one tenant's tree within a transaction (O(log n) reads per proof). */
export function nodeReader(trx: Trx, orgId: string): NodeReader {
  return { node: (level, index) => readNode(trx, orgId, level, index) };
}

export async function treeSize(trx: Trx, orgId: string): Promise<number> {
  const head = await sql<{ size: unknown }>`select size from audit_heads where org_id = ${orgId}`.execute(trx);
  return head.rows[0] ? toNumber(head.rows[0].size) : 0;
}

export async function treeRoot(trx: Trx, orgId: string, size: number): Promise<Buffer> {
  return rootAt(size, nodeReader(trx, orgId));
}

export async function proveInclusion(trx: Trx, orgId: string, seq: number, size: number): Promise<Buffer[]> {
  return inclusionProof(seq, size, nodeReader(trx, orgId));
}

export async function proveConsistency(trx: Trx, orgId: string, from: number, to: number): Promise<Buffer[]> {
  return consistencyProof(from, to, nodeReader(trx, orgId));
}

export interface StoredEntry {
  seq: number;
  leafHash: Buffer;
  receivedAt: Date;
  /** Canonical JSON leaf, or null once retention removed the payload (or it failed authentication). */
  leaf: string | null;
  /** Set when a stored payload no longer decrypts under its own (tenant, row) binding: tampering. */
  payloadError?: string;
}

/** Entries [start, end) with their decrypted leaves. */
export async function readEntries(trx: Trx, keyring: TenantKeyring, orgId: string, start: number, end: number): Promise<StoredEntry[]> {
  const rows = await sql<{ seq: unknown; leaf_hash: unknown; received_at: Date; leaf_enc: unknown }>`
    select seq, leaf_hash, received_at, leaf_enc from audit_entries
    where org_id = ${orgId} and seq >= ${start} and seq < ${end} order by seq`.execute(trx);
  const out: StoredEntry[] = [];
  for (const r of rows.rows) {
    const seq = toNumber(r.seq);
    let leaf: string | null = null;
    let payloadError: string | undefined;
    if (r.leaf_enc !== null) {
      try {
        leaf = (await keyring.decrypt(trx, orgId, { ...PAYLOAD_COLUMN, rowId: String(seq) }, toBuffer(r.leaf_enc))).toString('utf8');
      } catch {
        payloadError = 'stored payload failed authenticated decryption (edited or moved)';
      }
    }
    out.push({ seq, leafHash: toBuffer(r.leaf_hash), receivedAt: new Date(r.received_at), leaf, ...(payloadError ? { payloadError } : {}) });
  }
  return out;
}

export interface LogProblem {
  seq: number;
  problem: string;
}

/**
 * Server-side integrity check of a tenant's stored log: every remaining payload must decrypt
 * under its own (tenant, row) binding and hash to its stored leaf hash, and the stored
 * interior nodes must match a tree rebuilt from the leaf hashes. Returns the first problem.
 */
export async function checkStoredLog(trx: Trx, keyring: TenantKeyring, orgId: string): Promise<LogProblem | null> {
  const size = await treeSize(trx, orgId);
  const tree = new InMemoryTree();
  const batch = 1000;
  for (let start = 0; start < size; start += batch) {
    const entries = await readEntries(trx, keyring, orgId, start, Math.min(size, start + batch));
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.seq !== start + i) return { seq: start + i, problem: 'entry missing' };
      if (e.payloadError) return { seq: e.seq, problem: 'payload fails authenticated decryption (edited or moved)' };
      if (e.leaf !== null && !leafHash(Buffer.from(e.leaf, 'utf8')).equals(e.leafHash)) {
        return { seq: e.seq, problem: 'payload does not match its leaf hash' };
      }
      tree.appendLeafHash(e.leafHash);
    }
    if (entries.length < Math.min(size, start + batch) - start) {
      return { seq: start + entries.length, problem: 'entry missing' };
    }
  }
  const rows = await sql<{ level: unknown; idx: unknown; hash: unknown }>`
    select level, idx, hash from audit_nodes where org_id = ${orgId} order by level, idx`.execute(trx);
  for (const r of rows.rows) {
    const level = toNumber(r.level);
    const idx = toNumber(r.idx);
    if (!tree.get(level, idx).equals(toBuffer(r.hash))) {
      return { seq: idx * 2 ** level, problem: `stored tree node (${level}, ${idx}) does not match the leaves` };
    }
  }
  return null;
}

/** Deletes payloads older than the organisation's retention; leaf hashes stay. */
export async function applyRetention(trx: Trx, orgId: string): Promise<number> {
  const result = await sql`
    delete from audit_payloads p using organisations o
    where p.org_id = ${orgId} and o.id = p.org_id
      and p.received_at < now() - make_interval(days => o.retention_days)`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}
