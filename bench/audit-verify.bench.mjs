#!/usr/bin/env node
// Audit-log verification at 1,000,000 entries: what `takumo audit verify` and an auditor pay.
// Builds an RFC 6962 tree in memory through the same NodeReader interface the server uses,
// signs a C2SP checkpoint, then measures checkpoint verification, inclusion and consistency
// proof generation + verification, and root computation. The baseline, run in the same
// process, is the client that trusts no proofs and recomputes the root from every leaf
// hash: the ratios say how much cheaper a proof is than that.
// Usage: node bench/audit-verify.bench.mjs [ENTRIES]   (uses the built packages/cloud/dist)
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cloud = await import(pathToFileURL(join(here, '../packages/cloud/dist/index.js')).href);
const {
  InMemoryTree,
  leafHash,
  rootAt,
  rootFromLeafHashes,
  inclusionProof,
  consistencyProof,
  verifyInclusion,
  verifyConsistency,
  generateSignerKey,
  signCheckpoint,
  openCheckpoint,
} = cloud;

const N = Number(process.argv[2] ?? 1_000_000);
const PROOFS = 1000;
const ORIGIN = 'takumo.bench/audit/00000000-0000-4000-8000-000000000000';

// A deterministic PRNG so runs are comparable.
let seed = 0x2545f491;
const rand = (n) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
const ms = (t0) => performance.now() - t0;
const fmt = (x, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits });

// ---- build the log ----
let t0 = performance.now();
const tree = new InMemoryTree();
const hashes = new Array(N);
const received = new Date('2026-11-26T00:00:00Z').getTime();
for (let seq = 0; seq < N; seq++) {
  // A leaf of the size the server writes (canonical JSON, server time inside).
  const leaf = `{"actor":{"id":"tok-1","type":"token"},"agentId":"a1","category":"KEY","file":"src/f${seq % 977}.ts","line":${(seq % 400) + 1},"org":"o1","receivedAt":"${new Date(received + seq).toISOString()}","rule":"github-pat","seq":${seq},"type":"detection","v":1}`;
  const h = leafHash(Buffer.from(leaf));
  hashes[seq] = h;
  tree.appendLeafHash(h);
}
const buildMs = ms(t0);

// ---- roots ----
t0 = performance.now();
const flatRoot = rootFromLeafHashes(hashes);
const flatRootMs = ms(t0);
t0 = performance.now();
const storedRoot = await rootAt(N, tree);
const storedRootMs = ms(t0);
if (!flatRoot.equals(storedRoot)) throw new Error('root mismatch between flat and stored-node computation');

// ---- checkpoint ----
const keys = generateSignerKey(ORIGIN);
const note = signCheckpoint({ origin: ORIGIN, size: N, rootHash: storedRoot }, keys.signerKey);
t0 = performance.now();
const OPENS = 1000;
for (let i = 0; i < OPENS; i++) {
  const cp = openCheckpoint(note, keys.verifierKey, { origin: ORIGIN });
  if (cp.size !== N) throw new Error('checkpoint size mismatch');
}
const openMs = ms(t0) / OPENS;

// ---- inclusion proofs ----
const indices = Array.from({ length: PROOFS }, () => rand(N));
t0 = performance.now();
const proofs = [];
for (const i of indices) proofs.push(await inclusionProof(i, N, tree));
const inclusionGenMs = ms(t0);
t0 = performance.now();
for (let k = 0; k < PROOFS; k++) {
  if (!verifyInclusion(hashes[indices[k]], indices[k], N, proofs[k], storedRoot)) throw new Error('inclusion proof failed');
}
const inclusionVerifyMs = ms(t0);

// ---- consistency proofs ----
const pairs = Array.from({ length: PROOFS }, () => {
  const a = 1 + rand(N);
  const b = 1 + rand(N);
  return a <= b ? [a, b] : [b, a];
});
t0 = performance.now();
const roots = new Map();
for (const [m, n] of pairs) {
  if (!roots.has(m)) roots.set(m, await rootAt(m, tree));
  if (!roots.has(n)) roots.set(n, await rootAt(n, tree));
}
const rootsMs = ms(t0);
t0 = performance.now();
const cproofs = [];
for (const [m, n] of pairs) cproofs.push(await consistencyProof(m, n, tree));
const consistencyGenMs = ms(t0);
t0 = performance.now();
for (let k = 0; k < PROOFS; k++) {
  const [m, n] = pairs[k];
  if (!verifyConsistency(m, n, roots.get(m), roots.get(n), cproofs[k])) throw new Error('consistency proof failed');
}
const consistencyVerifyMs = ms(t0);

const avgInclusionLen = proofs.reduce((s, p) => s + p.length, 0) / PROOFS;
const avgConsistencyLen = cproofs.reduce((s, p) => s + p.length, 0) / PROOFS;
const verifyPerProof = inclusionVerifyMs / PROOFS;
const clientCheck = openMs + verifyPerProof; // one checkpoint + one receipt

console.log(`entries: ${fmt(N, 0)}   (tree built in ${fmt(buildMs, 0)} ms incl. leaf hashing; ${fmt((N / buildMs) * 1000, 0)} leaves/s)`);
console.log(`baseline: root recomputed from all ${fmt(N, 0)} leaf hashes: ${fmt(flatRootMs)} ms`);
console.log(`root from stored perfect subtrees (NodeReader, O(log n)): ${fmt(storedRootMs, 3)} ms  → ${fmt(flatRootMs / storedRootMs, 0)}x faster than baseline`);
console.log(`checkpoint (Ed25519 signed note) parse+verify: ${fmt(openMs, 3)} ms each (${fmt(1000 / openMs, 0)}/s)`);
console.log(
  `inclusion proofs: ${PROOFS} generated in ${fmt(inclusionGenMs)} ms, verified in ${fmt(inclusionVerifyMs)} ms → ${fmt((PROOFS / inclusionVerifyMs) * 1000, 0)} proofs/s (avg ${fmt(avgInclusionLen)} hashes)`,
);
console.log(
  `consistency proofs: ${PROOFS} generated in ${fmt(consistencyGenMs)} ms (+${fmt(rootsMs)} ms for ${roots.size} roots), verified in ${fmt(consistencyVerifyMs)} ms → ${fmt((PROOFS / consistencyVerifyMs) * 1000, 0)} proofs/s (avg ${fmt(avgConsistencyLen)} hashes)`,
);
console.log(`one receipt check (checkpoint + inclusion proof): ${fmt(clientCheck, 3)} ms → ${fmt(flatRootMs / clientCheck, 0)}x cheaper than the baseline`);
