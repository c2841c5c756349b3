/**
 * RFC 6962 / RFC 9162 Merkle tree hashing, proofs and proof verification.
 *
 * The tree is never held in memory by the server: it stores the hash of every *perfect*
 * subtree once that subtree is complete (see `appendLeafNodes`), and every root or proof
 * is assembled from O(log n) of those stored nodes by decomposing a leaf range into
 * perfect subtrees. The verifiers follow RFC 9162 §2.1.3.2 and §2.1.4.2 step by step;
 * they are the part an auditor relies on, so they reject anything that is not exactly an
 * honest proof (wrong length, wrong element size, out-of-range indices).
 *
 * Indices and sizes are plain numbers: exact up to 2^53, far above any audit log. Bit
 * operators are avoided on purpose because they truncate to 32 bits.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';

/** Size in bytes of every hash in the tree (SHA-256). */
export const HASH_SIZE = 32;

// One reusable input buffer for interior nodes: hashing is synchronous, so it is never
// shared between two calls, and the one-shot crypto.hash (Node >= 20.12) avoids creating a
// Hash object per node — about twice as fast, which matters at millions of nodes.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);

/** Hash of a leaf: SHA-256(0x00 || leaf). The prefix keeps a leaf from passing as a node. */
export function leafHash(leaf: Uint8Array): Buffer {
  const input = Buffer.allocUnsafe(1 + leaf.length);
  input[0] = 0x00;
  input.set(leaf, 1);
  return oneShotHash('sha256', input, 'buffer');
}

/** Hash of an interior node: SHA-256(0x01 || left || right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    // Not a tree node (only reachable through misuse): hash exactly what was given.
    return createHash('sha256').update(Buffer.from([0x01])).update(left).update(right).digest();
  }
  nodeInput[0] = 0x01;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return oneShotHash('sha256', nodeInput, 'buffer');
}

/** Root of the empty tree: SHA-256 of the empty string (RFC 6962 §2.1). */
export function emptyRoot(): Buffer {
  return createHash('sha256').digest();
}

/**
 * Merkle Tree Hash (RFC 6962 §2.1) of a list of leaf hashes, in O(n).
 * Pairing level by level and promoting a lone last node unchanged builds exactly the
 * tree whose split point is the largest power of two below n.
 */
export function rootFromLeafHashes(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return emptyRoot();
  let level: Buffer[] = hashes.slice();
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) next.push(nodeHash(level[i]!, level[i + 1]!));
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return level[0]!;
}

/**
 * Read access to the stored perfect subtrees: `node(level, index)` is the hash of the
 * 2^level leaves starting at leaf `index * 2^level` (level 0 = the leaf hashes). It is
 * only ever asked for subtrees that are complete in the tree size being queried.
 */
export interface NodeReader {
  node(level: number, index: number): Promise<Buffer>;
}

/** A perfect subtree that became complete and must be persisted by the caller. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Buffer;
}

/**
 * The nodes that become complete when the leaf at `leafIndex` is appended: the leaf itself
 * (level 0) and every ancestor whose right edge it closes. `read` returns already stored
 * nodes (the left siblings). Appending leaves 0..n-1 in order through this function stores
 * every node `NodeReader` will ever be asked for.
 */
export async function appendLeafNodes(
  leafIndex: number,
  leafHashValue: Buffer,
  read: (level: number, index: number) => Promise<Buffer>,
): Promise<TreeNode[]> {
  assertIndex(leafIndex, 'leafIndex');
  assertHash(leafHashValue, 'leafHash');
  const nodes: TreeNode[] = [{ level: 0, index: leafIndex, hash: leafHashValue }];
  let level = 0;
  let index = leafIndex;
  let hash = leafHashValue;
  // While this node is a right child, its parent is now complete.
  while (index % 2 === 1) {
    const left = await read(level, index - 1);
    assertHash(left, `stored node (${level}, ${index - 1})`);
    hash = nodeHash(left, hash);
    level += 1;
    index = (index - 1) / 2;
    nodes.push({ level, index, hash });
  }
  return nodes;
}

/** Root of the tree of the first `size` leaves. */
export async function rootAt(size: number, reader: NodeReader): Promise<Buffer> {
  assertIndex(size, 'size');
  if (size === 0) return emptyRoot();
  return rangeHash(0, size, reader);
}

/**
 * Inclusion proof (audit path) of leaf `index` in the tree of `size` leaves,
 * RFC 9162 §2.1.3.1, ordered from the leaf upwards.
 */
export async function inclusionProof(index: number, size: number, reader: NodeReader): Promise<Buffer[]> {
  assertIndex(index, 'index');
  assertIndex(size, 'size');
  if (index >= size) throw new RangeError(`leaf index ${index} is outside a tree of size ${size}`);
  const path: Buffer[] = [];
  await collectPath(index, 0, size, reader, path);
  return path;
}

async function collectPath(m: number, start: number, end: number, reader: NodeReader, out: Buffer[]): Promise<void> {
  const n = end - start;
  if (n <= 1) return;
  const k = largestPowerOfTwoBelow(n);
  if (m < k) {
    await collectPath(m, start, start + k, reader, out);
    out.push(await rangeHash(start + k, end, reader));
  } else {
    await collectPath(m - k, start + k, end, reader, out);
    out.push(await rangeHash(start, start + k, reader));
  }
}

/**
 * Consistency proof between the trees of `m` and `n` leaves, RFC 9162 §2.1.4.1.
 * Empty for m = 0 (the empty tree is a prefix of every tree) and for m = n.
 */
export async function consistencyProof(m: number, n: number, reader: NodeReader): Promise<Buffer[]> {
  assertIndex(m, 'm');
  assertIndex(n, 'n');
  if (m > n) throw new RangeError(`cannot prove consistency from size ${m} to the smaller size ${n}`);
  const proof: Buffer[] = [];
  if (m === 0 || m === n) return proof;
  await collectSubproof(m, 0, n, true, reader, proof);
  return proof;
}

async function collectSubproof(
  m: number,
  start: number,
  end: number,
  startsAtOldRoot: boolean,
  reader: NodeReader,
  out: Buffer[],
): Promise<void> {
  const n = end - start;
  if (m === n) {
    // The verifier already knows the old root itself; any other complete subtree is sent.
    if (!startsAtOldRoot) out.push(await rangeHash(start, end, reader));
    return;
  }
  const k = largestPowerOfTwoBelow(n);
  if (m <= k) {
    await collectSubproof(m, start, start + k, startsAtOldRoot, reader, out);
    out.push(await rangeHash(start + k, end, reader));
  } else {
    await collectSubproof(m - k, start + k, end, false, reader, out);
    out.push(await rangeHash(start, start + k, reader));
  }
}

/**
 * Hash of the leaves [start, end) as a node of the RFC 6962 tree: start is always aligned
 * to a power of two at least as large as the range, so the left part of every split is a
 * stored perfect subtree and the recursion reads O(log n) nodes.
 */
async function rangeHash(start: number, end: number, reader: NodeReader): Promise<Buffer> {
  const n = end - start;
  if (isPowerOfTwo(n) && start % n === 0) {
    const level = Math.log2(n);
    const hash = await reader.node(level, start / n);
    assertHash(hash, `stored node (${level}, ${start / n})`);
    return hash;
  }
  const k = largestPowerOfTwoBelow(n);
  return nodeHash(await rangeHash(start, start + k, reader), await rangeHash(start + k, end, reader));
}

/**
 * RFC 9162 §2.1.3.2: does `proof` show the leaf with hash `leafHashValue` at `index` in
 * the tree of `size` leaves whose root is `root`?
 */
export function verifyInclusion(
  leafHashValue: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!isIndex(index) || !isIndex(size) || index >= size) return false;
  if (!isHash(leafHashValue) || !isHash(root) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leafHashValue);
  for (const p of proof) {
    if (sn === 0) return false; // proof longer than the path
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      // Skip the levels where this node had no right sibling (it was promoted).
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/**
 * RFC 9162 §2.1.4.2: does `proof` show that the tree of `m` leaves with root `rootM` is a
 * prefix of the tree of `n` leaves with root `rootN` (the log only appended)?
 */
export function verifyConsistency(
  m: number,
  n: number,
  rootM: Uint8Array,
  rootN: Uint8Array,
  proof: readonly Uint8Array[],
): boolean {
  if (!isIndex(m) || !isIndex(n) || m > n) return false;
  if (!isHash(rootM) || !isHash(rootN) || !proof.every(isHash)) return false;
  if (m === 0) return proof.length === 0 && Buffer.from(rootM).equals(emptyRoot());
  if (m === n) return proof.length === 0 && Buffer.from(rootM).equals(rootN);
  if (proof.length === 0) return false;

  const path: Uint8Array[] = isPowerOfTwo(m) ? [rootM, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) return false; // proof longer than needed
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(rootM) && sr.equals(rootN);
}

function largestPowerOfTwoBelow(n: number): number {
  // For n >= 2: the largest power of two strictly less than n.
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

function isIndex(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function isHash(value: Uint8Array): boolean {
  return value instanceof Uint8Array && value.length === HASH_SIZE;
}

function assertIndex(value: number, name: string): void {
  if (!isIndex(value)) throw new RangeError(`${name} must be a non-negative safe integer`);
}

function assertHash(value: Uint8Array, name: string): void {
  if (!isHash(value)) throw new TypeError(`${name} must be a ${HASH_SIZE}-byte hash`);
}

/**
 * A Merkle tree held in memory: each level is one contiguous buffer of 32-byte hashes, so
 * a million leaves cost ~64 MB instead of millions of small objects. Used by tests and
 * benchmarks, and by anyone who wants to verify a log they downloaded in full.
 */
export class InMemoryTree implements NodeReader {
  private levels: Buffer[] = [];
  private counts: number[] = [];

  get size(): number {
    return this.counts[0] ?? 0;
  }

  /** Appends one leaf hash and stores every node it completes. */
  appendLeafHash(hash: Buffer): void {
    assertHash(hash, 'leafHash');
    let level = 0;
    let index = this.size;
    let current = hash;
    for (;;) {
      this.put(level, index, current);
      if (index % 2 === 0) break;
      current = nodeHash(this.get(level, index - 1), current);
      level += 1;
      index = (index - 1) / 2;
    }
  }

  async node(level: number, index: number): Promise<Buffer> {
    return this.get(level, index);
  }

  /** Synchronous read of a stored node; throws when the subtree is not complete. */
  get(level: number, index: number): Buffer {
    const count = this.counts[level] ?? 0;
    if (!isIndex(index) || index >= count) throw new RangeError(`node (${level}, ${index}) is not stored`);
    return this.levels[level]!.subarray(index * HASH_SIZE, (index + 1) * HASH_SIZE);
  }

  private put(level: number, index: number, hash: Buffer): void {
    while (this.levels.length <= level) {
      this.levels.push(Buffer.alloc(HASH_SIZE * 64));
      this.counts.push(0);
    }
    let buffer = this.levels[level]!;
    if ((index + 1) * HASH_SIZE > buffer.length) {
      const grown = Buffer.alloc(buffer.length * 2);
      buffer.copy(grown);
      buffer = grown;
      this.levels[level] = buffer;
    }
    hash.copy(buffer, index * HASH_SIZE);
    this.counts[level] = index + 1;
  }
}
