#!/usr/bin/env node
// Benchmark: latency the Takumo proxy adds to an AI request, measured against calling the
// same local fake provider directly, in one run (so the figures are differences and
// ratios that survive a slower machine).
//
// - Non-streaming Anthropic Messages requests of ~10 KB and ~200 KB (source code with a
//   few secrets in it, so tokenizing does real work); the answer repeats the tokens, so
//   restoring does real work too. p50 / p99 of the round trip, direct and via the proxy.
// - Streaming: time to first byte of an SSE answer, direct and via the proxy.
//
// Direct and proxied requests alternate, after a warm-up, over keep-alive connections.
// Usage: node bench/proxy.bench.mjs [--iterations N]   (uses the BUILT packages: npm run build first)
import http from 'node:http';
import { once } from 'node:events';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createProxy } = await import(pathToFileURL(join(repo, 'packages/proxy/dist/index.js')).href);
const itArg = process.argv.indexOf('--iterations');
const ITERATIONS = itArg > 0 ? Number(process.argv[itArg + 1]) : 400;

const SECRETS = [
  { value: 'ghp_8fK2mQ9xLp3Vt7Rw1Zy5Nb4Hc6Dj0Ga2Se1U', source: 'bench:GITHUB_TOKEN', category: 'KEY' },
  { value: 'postgres://admin:S3cr3t-Pa55@db.internal:5432/app', source: 'bench:DATABASE_URL', category: 'CONN' },
];

// ------------------------------------------------------------------ deterministic request body
function codeText(bytes) {
  const lines = [
    'export async function handler(request: Request): Promise<Response> {',
    '  const url = new URL(request.url);',
    '  if (url.pathname === "/health") return new Response("ok");',
    '  const rows = await db.query("select id, name from users where org = $1", [url.searchParams.get("org")]);',
    '  return Response.json(rows.map((r) => ({ id: r.id, name: r.name.trim() })));',
    '}',
    '// configuration',
    `const DATABASE_URL = "${SECRETS[1].value}";`,
    `const token = process.env.GITHUB_TOKEN ?? "${SECRETS[0].value}";`,
    'for (let i = 0; i < items.length; i++) total += items[i].price * items[i].quantity;',
  ];
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `${lines[i % lines.length]}\n`;
  return out.slice(0, bytes);
}
// `cold`: the text was never seen (a unique first line), so all of it is detected.
// Otherwise the request is an agent turn: the same history as before plus a short new
// question, which is what tools send on every turn after the first.
let serial = 0;
const body = (bytes, stream, cold) => () => {
  serial++;
  const file = cold ? `// request ${serial}\n${codeText(bytes)}` : codeText(bytes);
  return JSON.stringify({
    model: 'claude-bench',
    max_tokens: 1024,
    stream,
    system: 'You are a careful reviewer.',
    messages: [
      { role: 'user', content: `Review this file:\n${file}` },
      { role: 'assistant', content: 'Done. Anything else?' },
      { role: 'user', content: `Question ${serial}: is the retry loop correct?` },
    ],
  });
};

// ------------------------------------------------------------------ the fake provider
const TOKEN_RE = /__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/g;
const fake = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const tokens = [...new Set(text.match(TOKEN_RE) ?? [])];
    const answer = `Found ${tokens.length} values: ${tokens.join(' ')}. ` + 'Looks fine otherwise. '.repeat(40);
    if (text.includes('"stream":true')) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: message_start\ndata: {"type":"message_start","message":{"id":"m","content":[]}}\n\n`);
      res.write(`event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n`);
      for (let i = 0; i < answer.length; i += 16) {
        res.write(`event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: answer.slice(i, i + 16) } })}\n\n`);
      }
      res.end(`event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\nevent: message_stop\ndata: {"type":"message_stop"}\n\n`);
      return;
    }
    const out = JSON.stringify({ id: 'm', type: 'message', role: 'assistant', model: 'x', content: [{ type: 'text', text: answer }], stop_reason: 'end_turn', usage: { input_tokens: 1, output_tokens: 1 } });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) }).end(out);
  });
});
fake.listen(0, '127.0.0.1');
await once(fake, 'listening');
const fakeUrl = `http://127.0.0.1:${fake.address().port}`;

const proxy = createProxy({ anthropicUpstream: fakeUrl, knownSecrets: SECRETS, sentinel: 'report' });
const proxyUrl = (await proxy.listen(0, '127.0.0.1')).url;
// The same proxy with a detector that finds nothing and Sentinel off: what the HTTP
// plumbing, JSON walk and SSE rewriting cost on their own, apart from detection.
const { createSession } = await import(pathToFileURL(join(repo, 'packages/core/dist/index.js')).href);
const plumbingSession = createSession({ detector: { rules: [], detect: () => [] } });
const plumbing = createProxy({ anthropicUpstream: fakeUrl, session: plumbingSession, sentinel: 'off' });
const plumbingUrl = (await plumbing.listen(0, '127.0.0.1')).url;

// ------------------------------------------------------------------ client
const agent = new http.Agent({ keepAlive: true, maxSockets: 1, noDelay: true });
function call(base, payload, untilFirstByte) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(`${base}/v1/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'x-api-key': 'bench' } }, (res) => {
      let first;
      res.on('data', () => {
        if (first === undefined) first = performance.now() - t0;
      });
      res.on('end', () => resolve(untilFirstByte ? first : performance.now() - t0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function measure(label, payload, iterations, untilFirstByte = false, viaUrl = proxyUrl) {
  for (let i = 0; i < 30; i++) {
    await call(fakeUrl, payload(), untilFirstByte);
    await call(viaUrl, payload(), untilFirstByte);
  }
  const direct = [];
  const proxied = [];
  for (let i = 0; i < iterations; i++) {
    direct.push(await call(fakeUrl, payload(), untilFirstByte));
    proxied.push(await call(viaUrl, payload(), untilFirstByte));
  }
  const row = {
    label,
    directP50: pct(direct, 50),
    proxyP50: pct(proxied, 50),
    directP99: pct(direct, 99),
    proxyP99: pct(proxied, 99),
  };
  console.log(
    `${label.padEnd(32)} direct p50 ${row.directP50.toFixed(2)} ms  p99 ${row.directP99.toFixed(2)} ms | ` +
      `proxy p50 ${row.proxyP50.toFixed(2)} ms  p99 ${row.proxyP99.toFixed(2)} ms | ` +
      `added p50 ${(row.proxyP50 - row.directP50).toFixed(2)} ms  p99 ${(row.proxyP99 - row.directP99).toFixed(2)} ms`,
  );
  return row;
}

console.log(`proxy latency vs the same fake provider called directly (${ITERATIONS} alternating iterations each, Node ${process.version})`);
const small = await measure('10 KB, never seen (cold)', body(10 * 1024, false, true), ITERATIONS);
const turn = await measure('10 KB, agent turn (history)', body(10 * 1024, false, false), ITERATIONS);
await measure('200 KB, never seen (cold)', body(200 * 1024, false, true), Math.max(50, Math.floor(ITERATIONS / 4)));
await measure('200 KB, agent turn (history)', body(200 * 1024, false, false), Math.max(50, Math.floor(ITERATIONS / 4)));
await measure('10 KB cold, SSE first byte', body(10 * 1024, true, true), ITERATIONS, true);
await measure('10 KB turn, SSE first byte', body(10 * 1024, true, false), ITERATIONS, true);
await measure('10 KB turn, SSE complete', body(10 * 1024, true, false), ITERATIONS);
await measure('10 KB cold, plumbing only', body(10 * 1024, false, true), ITERATIONS, false, plumbingUrl);
await measure('200 KB cold, plumbing only', body(200 * 1024, false, true), Math.max(50, Math.floor(ITERATIONS / 4)), false, plumbingUrl);
for (const [name, row] of [['agent turn', turn], ['cold', small]]) {
  const added = row.proxyP50 - row.directP50;
  console.log(`target: p50 overhead < 2 ms for 10 KB (${name}) → ${added.toFixed(2)} ms ${added < 2 ? 'MET' : 'NOT MET'}`);
}
console.log(`stats: ${JSON.stringify(proxy.stats)}`);

agent.destroy();
await proxy.close();
await plumbing.close();
plumbingSession.destroy();
fake.close();
