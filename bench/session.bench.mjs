#!/usr/bin/env node
// Session benchmark: tokenize and rehydrate throughput on 1 MB and 10 MB of realistic
// source text with sparse secrets, and the cost of streaming rehydration per 20-byte
// chunk. Every figure is shown next to a plain String.prototype.replaceAll pass over the
// same text in the same process, as a ratio, so the numbers survive a slower machine.
// Uses the BUILT package (packages/core/dist): run `npm run build` first.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'packages/core/dist/index.js');
if (!existsSync(dist)) {
  console.error('session bench: packages/core/dist is missing; run `npm run build` first');
  process.exit(2);
}
const { createSession } = await import(dist);

// ---------------------------------------------------------------- input
// Real code as the filler (TypeScript's own compiler, installed as a dev dependency), with
// a secret every ~8 KB: API keys, passwords, connection strings, a PEM key every ~200 KB.
function filler() {
  const ts = join(root, 'node_modules/typescript/lib/typescript.js');
  if (existsSync(ts)) return readFileSync(ts, 'utf8');
  const lines = [];
  for (let i = 0; i < 200_000; i++) lines.push(`  const value${i} = compute(${i}, "label-${i % 97}"); // step ${i}`);
  return lines.join('\n');
}

function rand(n, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${Array.from({ length: 12 }, () => rand(64)).join('\n')}\n-----END RSA PRIVATE KEY-----`;
const SECRET_LINES = [
  ...Array.from({ length: 10 }, () => `const password = "${rand(18)}";`),
  ...Array.from({ length: 10 }, () => `DATABASE_URL=postgres://app:${rand(16)}@db.internal:5432/main`),
  ...Array.from({ length: 10 }, () => `api_key: "${rand(32)}"`),
];

function buildInput(size) {
  const base = filler();
  const parts = [];
  let length = 0;
  let at = 0;
  let n = 0;
  while (length < size) {
    const piece = base.slice(at, at + 8192);
    at = (at + 8192) % Math.max(8192, base.length - 8192);
    const secret = n % 25 === 24 ? PEM : SECRET_LINES[n % SECRET_LINES.length];
    parts.push(piece, '\n', secret, '\n');
    length += piece.length + secret.length + 2;
    n++;
  }
  return parts.join('').slice(0, size);
}

// ---------------------------------------------------------------- timing
function time(fn, minRuns = 3, minMs = 300) {
  const samples = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    globalThis.gc?.();
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
    if (samples.length >= 50) break;
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const mbps = (bytes, ms) => bytes / 1e6 / (ms / 1000);
const f = (x, d = 1) => x.toFixed(d);

console.log('median of several runs; ratio = Takumo time / replaceAll time (1.0 = as fast as one replaceAll pass)\n');
console.log('operation                         size     Takumo MB/s   replaceAll MB/s   ratio');
for (const size of [1_000_000, 10_000_000]) {
  const input = buildInput(size);
  const label = `${size / 1e6} MB`;
  const session = createSession();
  const first = session.tokenize(input);
  const tokenized = first.text;
  const token = tokenized.match(/__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/)[0];
  const secretLine = SECRET_LINES[0];

  const tTok = time(() => session.tokenize(input));
  const tTokBase = time(() => input.replaceAll(secretLine, 'x'));
  console.log(`tokenize (${String(first.findings.length).padStart(4)} findings)         ${label.padEnd(8)} ${f(mbps(size, tTok)).padStart(11)} ${f(mbps(size, tTokBase)).padStart(17)} ${f(tTok / tTokBase).padStart(7)}`);

  // The same, with detection taken out (a detector that returns the findings computed
  // above): what the session itself costs — replacing, checking for token-shaped input,
  // looking for repeated secrets.
  const findings = first.findings;
  const bare = createSession({ detector: { rules: [], detect: () => findings } });
  bare.tokenize(input);
  const tBare = time(() => bare.tokenize(input));
  console.log(`  of which session work              ${label.padEnd(8)} ${f(mbps(size, tBare)).padStart(11)} ${f(mbps(size, tTokBase)).padStart(17)} ${f(tBare / tTokBase).padStart(7)}`);
  bare.destroy();

  const tRe = time(() => session.rehydrate(tokenized));
  const tReBase = time(() => tokenized.replaceAll(token, 'x'));
  console.log(`rehydrate                         ${label.padEnd(8)} ${f(mbps(tokenized.length, tRe)).padStart(11)} ${f(mbps(tokenized.length, tReBase)).padStart(17)} ${f(tRe / tReBase).padStart(7)}`);
  // A second reference: the naive exact-only restore, one replaceAll per distinct token
  // (what a restore without tolerant spellings, reports or streaming would do).
  const pairs = [...new Set(tokenized.match(/__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/g))].map((t) => [t, session.rehydrate(t)]);
  const tNaive = time(() => {
    let out = tokenized;
    for (const [t, v] of pairs) out = out.replaceAll(t, () => v);
    return out;
  });
  console.log(`  naive: replaceAll per token (${String(pairs.length).padStart(3)})  ${label.padEnd(8)} ${f(mbps(tokenized.length, tNaive)).padStart(11)} ${''.padStart(17)} ${f(tRe / tNaive, 3).padStart(7)}  (Takumo ${f(tNaive / tRe)}x faster)`);
  if (session.rehydrate(tokenized) !== input) throw new Error('round trip failed in the benchmark');
  session.destroy();
}

// ---------------------------------------------------------------- streaming
{
  const input = buildInput(1_000_000);
  const session = createSession();
  const tokenized = session.tokenize(input).text;
  const token = tokenized.match(/__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/)[0];
  const CHUNK = 20;
  const chunks = [];
  for (let i = 0; i < tokenized.length; i += CHUNK) chunks.push(tokenized.slice(i, i + CHUNK));
  let streamed = '';
  const tStream = time(() => {
    const r = session.rehydrator();
    let out = '';
    for (const c of chunks) out += r.push(c);
    streamed = out + r.end();
  });
  if (streamed !== input) throw new Error('streaming result differs from the input');
  const tBase = time(() => {
    let out = '';
    for (const c of chunks) out += c.replaceAll(token, 'x');
    streamed = out;
  });
  const per = (ms) => (ms * 1000) / chunks.length;
  console.log(`\nstreaming rehydrate, ${CHUNK}-byte chunks (${chunks.length} chunks of a 1 MB answer)`);
  console.log(`  Takumo rehydrator.push     ${f(per(tStream), 3)} µs/chunk   (${f(mbps(tokenized.length, tStream))} MB/s)`);
  console.log(`  replaceAll per chunk       ${f(per(tBase), 3)} µs/chunk   ratio ${f(tStream / tBase)}`);
  session.destroy();
}
