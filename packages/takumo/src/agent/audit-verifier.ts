import {
  CheckpointError,
  InMemoryTree,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  rootAt,
  verifyConsistency,
  verifyInclusion,
} from '@takumo/cloud';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../cli-context.js';
import { CloudClientError, type AuditEntry, type CloudClient } from './cloud-client.js';
import { loadReceipts } from './event-queue.js';
import { ensureHomeDir, homeFile, readStateFile, takumoHome, writeStateFile } from './home.js';
import { receiptKey } from './reporter.js';

/**
 * `takumo audit verify`: checks, from outside the server, that the organisation's audit log
 * is append-only and unedited.
 *
 * 1. The log's verifier key is pinned on first use (or with `--pin`) in
 *    TAKUMO_HOME/audit-state.json; later checkpoints must carry a valid signature by it.
 * 2. The new checkpoint must extend the last one this agent verified (consistency proof).
 * 3. Receipts this agent got back from POST /events must be included (inclusion proofs).
 * 4. Every entry is fetched: its leaf must hash to its stored leaf hash, the sequence must
 *    have no gap, receipts must match, and the root over all leaf hashes must be the signed
 *    root. The first bad entry is named from the strongest evidence available: the server
 *    contradicting itself or its receipts; the leaf hashes this agent verified last time
 *    (kept in TAKUMO_HOME/audit-leaves-*.bin, 32 bytes per entry); else a binary search with
 *    consistency proofs against the signed root.
 * The new checkpoint is remembered only when everything passed.
 */
export interface VerifyOptions {
  client: CloudClient;
  env: NodeJS.ProcessEnv;
  orgId: string;
  /** `--pin KEY`: pin this verifier key (replacing any earlier pin). */
  pin?: string;
  /** Skip the walk over every entry (checkpoint, consistency and receipts only). */
  quick?: boolean;
  /** How many receipts to spot-check (newest half, random half). */
  receiptSample?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface VerifyReport {
  ok: boolean;
  cloud: string;
  origin: string;
  keyId: string;
  pinned: 'first-use' | 'explicit' | 'existing';
  treeSize: number;
  rootHash: string;
  previous?: { treeSize: number; verifiedAt: string };
  consistency: 'verified' | 'first-checkpoint' | 'unchanged' | 'failed';
  receipts: { checked: number; pending: number; failed: number };
  entries: { walked: number; expired: number; skipped: boolean };
  firstBadEntry?: { seq: number; reason: string };
  problems: string[];
  notes: string[];
}

interface LogState {
  cloud: string;
  orgId: string;
  origin: string;
  verifierKey: string;
  pinnedAt: string;
  checkpoint?: { treeSize: number; rootHash: string; note: string; verifiedAt: string };
}

interface AuditStateFile {
  logs: Record<string, LogState>;
}

const STATE_FILE = 'audit-state.json';
const PAGE = 1000;

export function loadAuditState(env: NodeJS.ProcessEnv, cloud: string, orgId: string): LogState | undefined {
  return readStateFile<AuditStateFile>(homeFile(env, STATE_FILE))?.logs?.[receiptKey(cloud, orgId)];
}

function saveAuditState(env: NodeJS.ProcessEnv, state: LogState): void {
  const path = homeFile(env, STATE_FILE);
  const file = readStateFile<AuditStateFile>(path) ?? { logs: {} };
  file.logs = { ...(file.logs ?? {}), [receiptKey(state.cloud, state.orgId)]: state };
  writeStateFile(path, file);
}

export async function verifyAuditLog(options: VerifyOptions): Promise<VerifyReport> {
  const { client, env, orgId } = options;
  const notes: string[] = [];
  const problems: string[] = [];
  const now = new Date().toISOString();
  let state = loadAuditState(env, client.url, orgId);
  const served = await client.auditKey();

  // ---- 1. the pinned key ----
  let pinned: VerifyReport['pinned'] = 'existing';
  if (options.pin !== undefined) {
    try {
      parseVerifierKey(options.pin);
    } catch (error) {
      throw new UsageError(`--pin: ${(error as Error).message}`);
    }
    if (state?.verifierKey !== options.pin) {
      // A new key means a new trust root: the old checkpoint was signed by the old key.
      state = { cloud: client.url, orgId, origin: served.origin, verifierKey: options.pin, pinnedAt: now };
      notes.push('pinned the verifier key given with --pin');
    }
    pinned = 'explicit';
  } else if (!state) {
    parseVerifierKey(served.verifierKey);
    state = { cloud: client.url, orgId, origin: served.origin, verifierKey: served.verifierKey, pinnedAt: now };
    pinned = 'first-use';
    notes.push('first use: pinned the verifier key the cloud presented (compare its key id with your administrator, or pin it with --pin)');
  } else if (served.verifierKey !== state.verifierKey) {
    notes.push('the cloud now presents a different verifier key than the pinned one; checkpoints are still checked against the pinned key');
  }
  const keyIdHex = parseVerifierKey(state.verifierKey).id.toString('hex');

  // ---- 2. the checkpoint ----
  const note = await client.checkpoint();
  let checkpoint;
  try {
    checkpoint = openCheckpoint(note, state.verifierKey, { origin: state.origin });
  } catch (error) {
    if (error instanceof CheckpointError) {
      return failedReport(`checkpoint rejected: ${error.message}`);
    }
    throw error;
  }
  const size = checkpoint.size;
  const root = checkpoint.rootHash;

  function failedReport(problem: string): VerifyReport {
    return {
      ok: false,
      cloud: client.url,
      origin: state!.origin,
      keyId: keyIdHex,
      pinned,
      treeSize: 0,
      rootHash: '',
      consistency: 'failed',
      receipts: { checked: 0, pending: 0, failed: 0 },
      entries: { walked: 0, expired: 0, skipped: true },
      problems: [problem],
      notes,
    };
  }

  // ---- 3. consistency with the last verified checkpoint ----
  const previous = state.checkpoint;
  let consistency: VerifyReport['consistency'] = 'first-checkpoint';
  let previousRoot: Buffer | undefined;
  if (previous) {
    previousRoot = Buffer.from(previous.rootHash, 'base64');
    if (size < previous.treeSize) {
      consistency = 'failed';
      problems.push(`the log shrank from ${previous.treeSize} to ${size} entries since the checkpoint verified at ${previous.verifiedAt}`);
    } else if (size === previous.treeSize) {
      consistency = root.equals(previousRoot) ? 'unchanged' : 'failed';
      if (consistency === 'failed') problems.push(`the log has ${size} entries as before, but a different root: history was rewritten`);
    } else {
      const proof = await client.consistencyProof(previous.treeSize, size);
      consistency = verifyConsistency(previous.treeSize, size, previousRoot, root, proof) ? 'verified' : 'failed';
      if (consistency === 'failed') {
        problems.push(
          `the checkpoint of ${size} entries does not extend the one of ${previous.treeSize} entries verified at ${previous.verifiedAt}: history was rewritten`,
        );
      }
    }
  }

  // ---- 4. receipts ----
  // Evidence comes in two strengths. "Definitive": the server contradicts itself or what it
  // acknowledged (an entry that does not hash to its leaf hash, a gap, a leaf hash other
  // than the receipt's). "Lower bound": a binary search with consistency proofs proves
  // entries [0, k) genuine; entry k is the first it cannot prove — the first bad entry or,
  // when the server also serves damaged neighbouring hashes, just before it.
  const receipts = loadReceipts(env, receiptKey(client.url, orgId));
  const included = receipts.filter((r) => r.seq < size);
  const sample = sampleReceipts(included, options.receiptSample ?? 32);
  const failedReceipts: number[] = [];
  let definitive: { seq: number; reason: string } | undefined;
  let unproven: { seq: number; reason: string } | undefined;
  const noteBad = (seq: number, reason: string) => {
    if (!definitive || seq < definitive.seq) definitive = { seq, reason };
  };
  for (const receipt of sample) {
    const proof = await client.inclusionProof(receipt.seq, size);
    if (!verifyInclusion(Buffer.from(receipt.leafHash, 'base64'), receipt.seq, size, proof, root)) failedReceipts.push(receipt.seq);
  }
  const receiptFailures = failedReceipts.length;
  if (receiptFailures > 0) problems.push(`${receiptFailures} of ${sample.length} receipts checked are not included in the signed log`);

  // ---- 5. walk every entry ----
  let walked = 0;
  let expired = 0;
  let verifiedTree: InMemoryTree | undefined;
  if (!options.quick && size > 0) {
    const tree = new InMemoryTree();
    const byReceipt = new Map(receipts.map((r) => [r.seq, r.leafHash]));
    let next = 0;
    walk: while (next < size) {
      const fetched = await fetchEntries(client, next, Math.min(size, next + PAGE));
      const page = fetched.entries;
      if (page.length === 0) {
        if (fetched.unreadable !== undefined) {
          noteBad(fetched.unreadable, 'the cloud cannot return this entry: its stored record fails its integrity check (edited or damaged)');
        } else {
          noteBad(next, 'the entry is missing (deleted)');
        }
        break;
      }
      for (const entry of page) {
        if (entry.seq !== next) {
          noteBad(next, entry.seq > next ? 'the entry is missing (deleted)' : 'entries are out of order or repeated');
          break walk;
        }
        const stored = Buffer.from(entry.leafHash, 'base64');
        if (stored.length !== 32) {
          noteBad(entry.seq, 'the stored leaf hash is malformed');
          break walk;
        }
        if (entry.leaf === null) {
          expired++;
        } else {
          const recomputed = leafHash(Buffer.from(entry.leaf, 'utf8'));
          if (!recomputed.equals(stored)) noteBad(entry.seq, 'the entry was edited: its content does not hash to its leaf hash');
          else if (leafSeq(entry.leaf) !== undefined && leafSeq(entry.leaf) !== entry.seq) {
            noteBad(entry.seq, 'the entry was moved: its content names another sequence number');
          }
        }
        const acknowledged = byReceipt.get(entry.seq);
        if (acknowledged !== undefined && acknowledged !== entry.leafHash) {
          noteBad(entry.seq, 'the entry differs from the receipt this agent was given when it sent it');
        }
        tree.appendLeafHash(stored);
        next++;
        walked++;
      }
      options.onProgress?.(walked, size);
      if (fetched.unreadable !== undefined) {
        if (next === fetched.unreadable) {
          noteBad(next, 'the cloud cannot return this entry: its stored record fails its integrity check (edited or damaged)');
        } else {
          noteBad(next, 'the entry is missing (deleted)');
        }
        break;
      }
    }
    if (walked === size) {
      if (!(await rootAt(size, tree)).equals(root)) unproven = await firstUnprovenEntry(client, tree, size, root, 'the signed checkpoint');
      if (previous && consistency === 'failed' && previous.treeSize <= size) {
        // The checkpoint itself rewrote history: compare with the leaf hashes this agent
        // verified last time (kept beside audit-state.json) to name where it departs.
        const earlier = loadVerifiedHashes(env, state.verifierKey, client.url, orgId, previous.treeSize);
        if (earlier) {
          for (let seq = 0; seq < previous.treeSize; seq++) {
            if (!tree.get(0, seq).equals(earlier.subarray(seq * 32, seq * 32 + 32))) {
              noteBad(seq, `the entry differs from the one verified at ${previous.verifiedAt}: history was rewritten`);
              break;
            }
          }
        } else if (previousRoot && !(await rootAt(previous.treeSize, tree)).equals(previousRoot)) {
          const found = await firstUnprovenEntry(client, tree, previous.treeSize, previousRoot, `the history verified at ${previous.verifiedAt}`);
          if (!unproven || found.seq < unproven.seq) unproven = found;
        }
      }
      if (problems.length === 0 && !definitive && !unproven) verifiedTree = tree;
    }
  }
  const receiptEvidence =
    receiptFailures > 0 ? { seq: Math.min(...failedReceipts), reason: 'an event this agent sent is not in the signed log as acknowledged' } : undefined;
  const firstBad = definitive ?? unproven ?? receiptEvidence;
  if (firstBad) problems.push(`first bad entry: #${firstBad.seq}: ${firstBad.reason}`);

  const ok = problems.length === 0;
  if (ok) {
    if (verifiedTree) saveVerifiedHashes(env, state.verifierKey, client.url, orgId, verifiedTree, size);
    saveAuditState(env, {
      ...state,
      checkpoint: { treeSize: size, rootHash: root.toString('base64'), note, verifiedAt: now },
    });
  } else if (pinned !== 'existing') {
    // Keep the pin even when this run failed, so the next run compares against it.
    saveAuditState(env, { ...state });
  }

  return {
    ok,
    cloud: client.url,
    origin: checkpoint.origin,
    keyId: keyIdHex,
    pinned,
    treeSize: size,
    rootHash: root.toString('base64'),
    ...(previous && { previous: { treeSize: previous.treeSize, verifiedAt: previous.verifiedAt } }),
    consistency,
    receipts: { checked: sample.length, pending: receipts.length - included.length, failed: receiptFailures },
    entries: { walked, expired, skipped: Boolean(options.quick) },
    ...(firstBad && { firstBadEntry: firstBad }),
    problems,
    notes,
  };
}

/**
 * Binary search for the first entry that breaks a trusted history (the signed root of
 * `size` entries): prefix k of the walked hashes belongs to it iff a consistency proof
 * k → size verifies against that root — a proof cannot be forged for a wrong prefix, so a
 * lying server can only make the search stop earlier, never hide the break. The answer is
 * the largest such k, i.e. the index of the first entry that does not belong.
 */
async function firstUnprovenEntry(
  client: CloudClient,
  tree: InMemoryTree,
  size: number,
  root: Buffer,
  what: string,
): Promise<{ seq: number; reason: string }> {
  let good = 0;
  let bad = size;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    let consistent = false;
    try {
      const proof = await client.consistencyProof(mid, size);
      consistent = verifyConsistency(mid, size, await rootAt(mid, tree), root, proof);
    } catch {
      consistent = false;
    }
    if (consistent) good = mid;
    else bad = mid;
  }
  const exact = { seq: good, reason: `the entry is not the one ${what} commits to (edited, replaced or re-hashed)` };
  if (good + 1 >= size) return exact;
  // Entries [0, good) are proven. If entry `good` is proven too (inclusion proof), the
  // failure came from the next entry, whose damaged hash the server also uses in proofs.
  try {
    const proof = await client.inclusionProof(good, size);
    if (verifyInclusion(tree.get(0, good), good, size, proof, root)) {
      return { seq: good + 1, reason: exact.reason };
    }
  } catch {
    // Fall through to the cautious answer.
  }
  // A left leaf and its right sibling are only ever proven together (the checkpoint commits
  // to their pair); when both fail, either may be the edited one.
  if (good % 2 === 1) return exact;
  return {
    seq: good,
    reason: `${what} proves every entry before this one, but not this one or the next: one of the two was edited, replaced or re-hashed`,
  };
}

// ---- leaf hashes verified last time (32 bytes each), for naming a rewritten entry ----

function verifiedHashesPath(env: NodeJS.ProcessEnv, verifierKey: string, cloud: string, orgId: string): string {
  const id = createHash('sha256').update(`${verifierKey}\n${cloud}\n${orgId}`).digest('hex').slice(0, 16);
  return homeFile(env, `audit-leaves-${id}.bin`);
}

function loadVerifiedHashes(env: NodeJS.ProcessEnv, verifierKey: string, cloud: string, orgId: string, size: number): Buffer | undefined {
  try {
    const bytes = readFileSync(verifiedHashesPath(env, verifierKey, cloud, orgId));
    return bytes.length >= size * 32 ? bytes : undefined;
  } catch {
    return undefined;
  }
}

function saveVerifiedHashes(env: NodeJS.ProcessEnv, verifierKey: string, cloud: string, orgId: string, tree: InMemoryTree, size: number): void {
  const bytes = Buffer.allocUnsafe(size * 32);
  for (let seq = 0; seq < size; seq++) tree.get(0, seq).copy(bytes, seq * 32);
  const path = verifiedHashesPath(env, verifierKey, cloud, orgId);
  ensureHomeDir(takumoHome(env));
  writeFileSync(`${path}.tmp`, bytes, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

/**
 * Fetches entries [start, end). When the cloud fails on a page (a stored record that no
 * longer decrypts or authenticates, for instance), narrows down by halving to return the
 * readable entries before the first unreadable one, and that one's sequence number.
 */
async function fetchEntries(client: CloudClient, start: number, end: number): Promise<{ entries: AuditEntry[]; unreadable?: number }> {
  try {
    return { entries: await client.entries(start, end) };
  } catch (error) {
    if (!(error instanceof CloudClientError) || error.kind !== 'server') throw error;
    if (end - start <= 1) return { entries: [], unreadable: start };
    const middle = start + Math.floor((end - start) / 2);
    const left = await fetchEntries(client, start, middle);
    if (left.unreadable !== undefined || left.entries.length < middle - start) return left;
    const right = await fetchEntries(client, middle, end);
    return { entries: [...left.entries, ...right.entries], ...(right.unreadable !== undefined && { unreadable: right.unreadable }) };
  }
}

function sampleReceipts<T>(receipts: T[], count: number): T[] {
  if (receipts.length <= count) return receipts;
  const newest = receipts.slice(receipts.length - Math.ceil(count / 2));
  const older = receipts.slice(0, receipts.length - newest.length);
  const picked = new Set<number>();
  while (picked.size < Math.min(older.length, count - newest.length)) picked.add(Math.floor(Math.random() * older.length));
  return [...[...picked].sort((a, b) => a - b).map((i) => older[i]!), ...newest];
}

function leafSeq(leaf: string): number | undefined {
  try {
    const parsed = JSON.parse(leaf) as { seq?: unknown };
    return typeof parsed.seq === 'number' ? parsed.seq : undefined;
  } catch {
    return undefined;
  }
}
