import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InMemoryTree,
  appendLeafNodes,
  consistencyProof,
  emptyRoot,
  inclusionProof,
  leafHash,
  nodeHash,
  rootAt,
  rootFromLeafHashes,
  verifyConsistency,
  verifyInclusion,
  type NodeReader,
} from './merkle.js';

// ---- reference implementation: the RFC 6962/9162 recursions written over plain arrays ----
function refMth(d: Buffer[]): Buffer {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return d[0]!;
  const k = splitPoint(d.length);
  return nodeHash(refMth(d.slice(0, k)), refMth(d.slice(k)));
}
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
function refPath(m: number, d: Buffer[]): Buffer[] {
  if (d.length <= 1) return [];
  const k = splitPoint(d.length);
  return m < k ? [...refPath(m, d.slice(0, k)), refMth(d.slice(k))] : [...refPath(m - k, d.slice(k)), refMth(d.slice(0, k))];
}
function refSubproof(m: number, d: Buffer[], b: boolean): Buffer[] {
  if (m === d.length) return b ? [] : [refMth(d)];
  const k = splitPoint(d.length);
  return m <= k
    ? [...refSubproof(m, d.slice(0, k), b), refMth(d.slice(k))]
    : [...refSubproof(m - k, d.slice(k), false), refMth(d.slice(0, k))];
}

function leavesOf(n: number, salt = 'leaf'): Buffer[] {
  return Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${salt}-${i}`)));
}
function treeOf(hashes: Buffer[]): InMemoryTree {
  const tree = new InMemoryTree();
  for (const h of hashes) tree.appendLeafHash(h);
  return tree;
}
function flipBit(b: Buffer, bit = 0): Buffer {
  const copy = Buffer.from(b);
  copy[bit >> 3]! ^= 1 << (bit & 7);
  return copy;
}

describe('hashing', () => {
  it('matches the RFC 6962 test vectors used by Certificate Transparency', () => {
    const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(
      (h) => leafHash(Buffer.from(h, 'hex')),
    );
    const roots = [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
      'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
      '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
      '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
      'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
      '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
    ];
    roots.forEach((root, i) => expect(rootFromLeafHashes(leaves.slice(0, i + 1)).toString('hex')).toBe(root));
  });

  it('gives the empty tree the hash of the empty string', async () => {
    expect(emptyRoot().toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(rootFromLeafHashes([])).toEqual(emptyRoot());
    expect(await rootAt(0, new InMemoryTree())).toEqual(emptyRoot());
  });

  it('separates leaves from nodes with the 0x00 / 0x01 prefixes', () => {
    const a = leafHash(Buffer.from('a'));
    const b = leafHash(Buffer.from('b'));
    expect(leafHash(Buffer.concat([a, b]))).not.toEqual(nodeHash(a, b));
    expect(nodeHash(a, b)).toEqual(createHash('sha256').update(Buffer.from([1])).update(a).update(b).digest());
  });
});

describe('tree building and proofs for every size 1..64', () => {
  const all = leavesOf(64);
  const full = treeOf(all);

  it('computes the same root from stored nodes, from the flat list and from the RFC recursion', async () => {
    for (let n = 1; n <= 64; n++) {
      const expected = refMth(all.slice(0, n));
      expect(rootFromLeafHashes(all.slice(0, n))).toEqual(expected);
      expect(await rootAt(n, full)).toEqual(expected);
    }
  });

  it('produces the RFC inclusion path for every leaf, and it verifies', async () => {
    for (let n = 1; n <= 64; n++) {
      const root = refMth(all.slice(0, n));
      for (let i = 0; i < n; i++) {
        const proof = await inclusionProof(i, n, full);
        expect(proof).toEqual(refPath(i, all.slice(0, n)));
        expect(verifyInclusion(all[i]!, i, n, proof, root)).toBe(true);
      }
    }
  });

  it('produces the RFC consistency proof for every pair m <= n, and it verifies', async () => {
    for (let n = 1; n <= 64; n++) {
      const rootN = refMth(all.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const proof = await consistencyProof(m, n, full);
        expect(proof).toEqual(m === n ? [] : refSubproof(m, all.slice(0, n), true));
        expect(verifyConsistency(m, n, refMth(all.slice(0, m)), rootN, proof)).toBe(true);
      }
    }
  });
});

describe('inclusion verification rejects every forgery (sizes 1..40)', () => {
  const all = leavesOf(40);
  const tree = treeOf(all);

  it('rejects a forged leaf, a wrong index, a wrong size, a wrong root and any edited, truncated or extended proof', async () => {
    let checks = 0;
    const rootOf = Array.from({ length: 41 }, (_, size) => refMth(all.slice(0, size)));
    for (let n = 1; n <= 40; n++) {
      const root = rootOf[n]!;
      for (let i = 0; i < n; i++) {
        const proof = await inclusionProof(i, n, tree);
        const reject = (leaf: Buffer, index: number, size: number, p: Buffer[], r: Buffer) => {
          checks++;
          expect(verifyInclusion(leaf, index, size, p, r), `n=${n} i=${i}`).toBe(false);
        };
        reject(leafHash(Buffer.from('forged')), i, n, proof, root);
        reject(flipBit(all[i]!, 7), i, n, proof, root);
        reject(all[i]!, i, n, proof, flipBit(root));
        for (let j = 0; j < n; j++) if (j !== i) reject(all[i]!, j, n, proof, root);
        // A checkpoint binds size and root together, so a wrong size is checked against the
        // honest root of that size (a root of size n relabelled as n+1 is a signing error,
        // not something a proof can detect: RFC 9162 proofs do not encode the size).
        if (n < 40) reject(all[i]!, i, n + 1, proof, rootOf[n + 1]!);
        if (n > 1 && i < n - 1) reject(all[i]!, i, n - 1, proof, rootOf[n - 1]!);
        reject(all[i]!, n, n, proof, root);
        proof.forEach((_, k) => reject(all[i]!, i, n, proof.map((p, x) => (x === k ? flipBit(p, 100) : p)), root));
        if (proof.length > 0) {
          reject(all[i]!, i, n, proof.slice(0, -1), root);
          reject(all[i]!, i, n, proof.slice(1), root);
          if (proof.length > 1) reject(all[i]!, i, n, [...proof].reverse(), root);
        }
        reject(all[i]!, i, n, [...proof, randomBytes(32)], root);
        reject(all[i]!, i, n, [...proof, root], root);
        reject(all[i]!, i, n, [randomBytes(32), ...proof], root);
        if (proof.length > 0) reject(all[i]!, i, n, proof.map((p) => p.subarray(0, 31)), root);
      }
    }
    expect(checks).toBeGreaterThan(20_000);
  });

  it('rejects the leaf hash presented as an interior node (second-preimage attempt)', async () => {
    // The node over leaves 0 and 1, offered as if it were a leaf of a one-level-smaller tree.
    const root = refMth(all.slice(0, 4));
    const fakeLeaf = nodeHash(all[0]!, all[1]!);
    const proof = [nodeHash(all[2]!, all[3]!)];
    expect(verifyInclusion(fakeLeaf, 0, 2, proof, root)).toBe(true); // same root, different tree size…
    expect(verifyInclusion(fakeLeaf, 0, 4, proof, root)).toBe(false); // …so binding the size is what matters
    expect(verifyInclusion(leafHash(Buffer.concat([all[0]!, all[1]!])), 0, 2, proof, root)).toBe(false);
  });

  it('rejects malformed input without throwing', () => {
    const root = refMth(all.slice(0, 4));
    for (const [index, size] of [[-1, 4], [0, 0], [1.5, 4], [0, Number.MAX_SAFE_INTEGER + 1], [Number.NaN, 4]] as const) {
      expect(verifyInclusion(all[0]!, index, size, [], root)).toBe(false);
    }
    expect(verifyInclusion(all[0]!.subarray(1), 0, 1, [], all[0]!.subarray(1))).toBe(false);
  });
});

describe('consistency verification rejects every forgery (sizes 1..40)', () => {
  const all = leavesOf(40);
  const tree = treeOf(all);
  const rootOf = Array.from({ length: 41 }, (_, size) => refMth(all.slice(0, size)));

  it('rejects rewritten history, wrong sizes, wrong roots and edited, truncated or extended proofs', async () => {
    let checks = 0;
    for (let n = 1; n <= 40; n++) {
      const rootN = rootOf[n]!;
      for (let m = 1; m <= n; m++) {
        const rootM = rootOf[m]!;
        const proof = await consistencyProof(m, n, tree);
        const reject = (mm: number, nn: number, rm: Buffer, rn: Buffer, p: Buffer[]) => {
          checks++;
          expect(verifyConsistency(mm, nn, rm, rn, p), `m=${m} n=${n}`).toBe(false);
        };
        reject(m, n, flipBit(rootM), rootN, proof);
        reject(m, n, rootM, flipBit(rootN), proof);
        // History rewritten: one of the first m leaves edited in the new tree.
        for (const edited of new Set([0, m >> 1, m - 1])) {
          const rewritten = all.slice(0, n);
          rewritten[edited] = leafHash(Buffer.from(`edited-${edited}`));
          const rewrittenProof = m === n ? [] : refSubproof(m, rewritten, true);
          reject(m, n, rootM, refMth(rewritten), rewrittenProof);
        }
        // History truncated: the old tree had a leaf the new one lost.
        if (m < n) reject(m, n, rootM, refMth([...all.slice(0, m - 1), ...all.slice(m, n + 1)]), proof);
        // Wrong sizes, each paired with the honest root of that size (see the inclusion test).
        for (const mm of new Set([1, m - 1, m + 1, n])) if (mm >= 1 && mm <= n && mm !== m) reject(mm, n, rootOf[mm]!, rootN, proof);
        for (const nn of new Set([m, n - 1, n + 1, 2 * n, 40])) if (nn >= m && nn <= 40 && nn !== n) reject(m, nn, rootM, rootOf[nn]!, proof);
        reject(n + 1, n, rootM, rootN, proof);
        proof.forEach((_, k) => reject(m, n, rootM, rootN, proof.map((p, x) => (x === k ? flipBit(p, 200) : p))));
        if (proof.length > 0) {
          reject(m, n, rootM, rootN, proof.slice(0, -1));
          reject(m, n, rootM, rootN, proof.slice(1));
        }
        reject(m, n, rootM, rootN, [...proof, randomBytes(32)]);
        // The old root is implied for power-of-two sizes; sending it explicitly is not the RFC proof.
        if (m !== n) reject(m, n, rootM, rootN, isPow2(m) ? [rootM, ...proof] : [randomBytes(32), ...proof]);
      }
    }
    expect(checks).toBeGreaterThan(10_000);
  });

  it('treats the empty tree as a prefix of every tree, with an empty proof only', () => {
    const rootN = refMth(all.slice(0, 5));
    expect(verifyConsistency(0, 5, emptyRoot(), rootN, [])).toBe(true);
    expect(verifyConsistency(0, 5, emptyRoot(), rootN, [rootN])).toBe(false);
    expect(verifyConsistency(0, 5, rootN, rootN, [])).toBe(false);
  });

  it('refuses to prove a shrinking tree', async () => {
    await expect(consistencyProof(5, 4, tree)).rejects.toThrow(RangeError);
    await expect(inclusionProof(4, 4, tree)).rejects.toThrow(RangeError);
  });
});

function isPow2(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}

describe('stored nodes', () => {
  it('appendLeafNodes reports exactly the nodes that become complete, matching the in-memory tree', async () => {
    const store = new Map<string, Buffer>();
    const read = async (level: number, index: number) => {
      const hash = store.get(`${level}/${index}`);
      if (!hash) throw new Error(`missing ${level}/${index}`);
      return hash;
    };
    const leaves = leavesOf(300);
    const tree = treeOf(leaves);
    for (let i = 0; i < leaves.length; i++) {
      const nodes = await appendLeafNodes(i, leaves[i]!, read);
      let trailingOnes = 0;
      for (let x = i; x % 2 === 1; x = (x - 1) / 2) trailingOnes++;
      expect(nodes.length).toBe(1 + trailingOnes);
      expect(nodes[0]).toEqual({ level: 0, index: i, hash: leaves[i] });
      for (const node of nodes) {
        expect(node.hash).toEqual(tree.get(node.level, node.index));
        store.set(`${node.level}/${node.index}`, node.hash);
      }
    }
    const reader: NodeReader = { node: read };
    expect(await rootAt(300, reader)).toEqual(refMth(leaves));
  });

  it('reads O(log n) nodes per root and proof', async () => {
    const tree = treeOf(leavesOf(5000));
    let reads = 0;
    const counting: NodeReader = { node: async (l, i) => (reads++, tree.get(l, i)) };
    for (const size of [4999, 4097, 5000, 1234]) {
      reads = 0;
      await rootAt(size, counting);
      expect(reads).toBeLessThanOrEqual(13);
      reads = 0;
      await inclusionProof(size - 1, size, counting);
      expect(reads).toBeLessThanOrEqual(2 * 13);
      reads = 0;
      await consistencyProof(size - 777, size, counting);
      expect(reads).toBeLessThanOrEqual(3 * 13);
    }
  });

  it('never asks the reader for a subtree that is incomplete in the queried size', async () => {
    const leaves = leavesOf(100);
    const full = treeOf(leaves);
    for (let size = 1; size <= 100; size++) {
      const guarded: NodeReader = {
        node: async (level, index) => {
          expect((index + 1) * 2 ** level).toBeLessThanOrEqual(size);
          return full.get(level, index);
        },
      };
      await rootAt(size, guarded);
      await inclusionProof(size - 1, size, guarded);
      await consistencyProof(Math.max(1, size >> 1), size, guarded);
    }
  });
});

describe('properties (fast-check)', () => {
  const big = leavesOf(3000, 'prop');
  const bigTree = treeOf(big);

  it('honest inclusion proofs verify and any single-bit change rejects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), fc.nat(), fc.nat(), async (size, rawIndex, bit) => {
        const index = rawIndex % size;
        const root = await rootAt(size, bigTree);
        const proof = await inclusionProof(index, size, bigTree);
        expect(verifyInclusion(big[index]!, index, size, proof, root)).toBe(true);
        expect(verifyInclusion(flipBit(big[index]!, bit % 256), index, size, proof, root)).toBe(false);
        if (proof.length > 0) {
          const k = bit % proof.length;
          const edited = proof.map((p, x) => (x === k ? flipBit(p, bit % 256) : p));
          expect(verifyInclusion(big[index]!, index, size, edited, root)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('honest consistency proofs verify and any single-bit change rejects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 3000 }), fc.nat(), async (a, b, bit) => {
        const [m, n] = a <= b ? [a, b] : [b, a];
        const rootM = await rootAt(m, bigTree);
        const rootN = await rootAt(n, bigTree);
        const proof = await consistencyProof(m, n, bigTree);
        expect(verifyConsistency(m, n, rootM, rootN, proof)).toBe(true);
        if (proof.length > 0) {
          const k = bit % proof.length;
          const edited = proof.map((p, x) => (x === k ? flipBit(p, bit % 256) : p));
          expect(verifyConsistency(m, n, rootM, rootN, edited)).toBe(false);
        }
        if (m < n) expect(verifyConsistency(m, n, flipBit(rootM, bit % 256), rootN, proof)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the root over stored nodes equals the flat root for random leaf lists', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 200 }), async (leaves) => {
        const hashes = leaves.map((l) => leafHash(l));
        expect(await rootAt(hashes.length, treeOf(hashes))).toEqual(refMth(hashes));
        expect(rootFromLeafHashes(hashes)).toEqual(refMth(hashes));
      }),
      { numRuns: 150 },
    );
  });
});
