import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { createSession, type Session } from '@takumo/core';
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from './index.js';
import { CANARIES, leakedFragments } from './test-support/canaries.js';
import { startFakeProvider, TOKEN_RE, tokensIn, writeSse } from './test-support/fake-provider.js';
import { useProxiesInFrontOfFakeProvider } from './test-support/proxies-in-front-of-fake-provider.js';

const records: RequestRecord[] = [];
const harness = useProxiesInFrontOfFakeProvider({ deltaSize: 4, writeSize: 64 }, { onRequest: (r) => records.push(r) });
const { startProxy } = harness;

async function post(url: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<{ status: number; headers: Headers; json: any }> {
  const r = await fetch(url, { method: 'POST', headers, body });
  const text = await r.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: r.status, headers: r.headers, json };
}

describe('fail closed', () => {
  it('forwards nothing and answers in Anthropic format when tokenizing throws', async () => {
    const real = createSession();
    const failing: Session = { ...real, tokenize: () => { throw new Error(`boom ${CANARIES.github}`); }, destroyed: false } as Session;
    const base = await startProxy({ session: failing });
    const before = harness.fake.requests.length;
    const r = await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: `hi ${CANARIES.conn}` }] }));
    expect(harness.fake.requests.length).toBe(before);
    expect(r.status).toBe(500);
    expect(r.json).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(r.json.error.message).toContain('TAKUMO_E_TOKENIZE_FAILED');
    expect(r.json.error.message).toContain('nothing was sent');
    expect(leakedFragments(JSON.stringify(r.json))).toEqual([]);
    expect(r.headers.get('x-should-retry')).toBe('false');
  });

  it('forwards nothing when the detector fails, and the OpenAI SDK sees an OpenAI-format error', async () => {
    const session = createSession({ detector: { rules: [], detect: () => { throw new RangeError('detector exploded'); } } });
    const base = await startProxy({ session });
    const before = harness.fake.requests.length;
    const client = new OpenAI({ baseURL: `${base}/openai/v1`, apiKey: 'k', maxRetries: 0 });
    const error = await client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: `x ${CANARIES.github}` }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(500);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('TAKUMO_E_TOKENIZE_FAILED');
    expect(harness.fake.requests.length).toBe(before);
    session.destroy();
  });

  it('rejects malformed JSON with a provider-format 400 and forwards nothing', async () => {
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const a = await post(`${base}/v1/messages`, `{"messages": [ "${CANARIES.github}" `);
    expect(a.status).toBe(400);
    expect(a.json).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    const o = await post(`${base}/v1/chat/completions`, '{not json');
    expect(o.status).toBe(400);
    expect(o.json).toMatchObject({ error: { type: 'invalid_request_error', code: 'TAKUMO_E_BAD_JSON' } });
    expect(harness.fake.requests.length).toBe(before);
    expect(leakedFragments(JSON.stringify(a.json))).toEqual([]);
  });

  it('rejects a body over the size limit with 413 and forwards nothing', async () => {
    const base = await startProxy({ maxBodyBytes: 64 * 1024 });
    const before = harness.fake.requests.length;
    const big = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x'.repeat(100 * 1024) }] });
    const r = await post(`${base}/anthropic/v1/messages`, big);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
    const client = new Anthropic({ baseURL: `${base}/anthropic`, apiKey: 'k', maxRetries: 0 });
    const error = await client.messages.create({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'y'.repeat(100 * 1024) }] }).catch((e: unknown) => e);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(413);
    expect(harness.fake.requests.length).toBe(before);
  });

  it('refuses request bodies it cannot inspect (multipart) instead of forwarding them', async () => {
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const r = await post(`${base}/v1/files`, `--b\r\n\r\n${CANARIES.github}\r\n--b--`, { 'content-type': 'multipart/form-data; boundary=b' });
    expect(r.status).toBe(415);
    expect(r.json.error.code).toBe('TAKUMO_E_UNSUPPORTED_BODY');
    expect(harness.fake.requests.length).toBe(before);
  });
});

describe('upstream failures', () => {
  it('passes 4xx and 5xx through faithfully: status, body, retry headers', async () => {
    const base = await startProxy();
    const errorBody = JSON.stringify({ type: 'error', error: { type: 'rate_limit_error', message: 'slow down' }, request_id: 'req_1' });
    harness.fake.handle((_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7', 'x-ratelimit-remaining-requests': '0', 'request-id': 'req_1' });
      res.end(errorBody);
    });
    const r = await fetch(`${base}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"messages":[]}' });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(r.headers.get('request-id')).toBe('req_1');
    expect(await r.text()).toBe(errorBody);

    const gz = gzipSync(JSON.stringify({ error: { message: 'upstream broke', type: 'server_error' } }));
    harness.fake.handle((_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': gz.length });
      res.end(gz);
    });
    const client = new OpenAI({ baseURL: `${base}/v1`, apiKey: 'k', maxRetries: 0 });
    const error = await client.chat.completions.create({ model: 'm', messages: [] }).catch((e: unknown) => e);
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toContain('upstream broke');
  });

  it('answers 504 in provider format when the upstream does not answer in time', async () => {
    const base = await startProxy({ upstreamTimeoutMs: 150 });
    harness.fake.handle(() => new Promise(() => undefined));
    const r = await post(`${base}/v1/messages`, '{"messages":[]}');
    expect(r.status).toBe(504);
    expect(r.json).toMatchObject({ type: 'error', error: { type: 'timeout_error' } });
    expect(r.json.error.message).toContain('TAKUMO_E_UPSTREAM_TIMEOUT');
  });

  it('answers 502 in provider format when the upstream refuses connections', async () => {
    const port = await freePort();
    const base = await startProxy({ openaiUpstream: `http://127.0.0.1:${port}` });
    const r = await post(`${base}/v1/chat/completions`, '{"messages":[]}');
    expect(r.status).toBe(502);
    expect(r.json.error.code).toBe('TAKUMO_E_UPSTREAM_UNREACHABLE');
    expect(r.json.error.message).toContain('ECONNREFUSED');
  });

  it('aborts the upstream request when the client disconnects mid-stream', async () => {
    const base = await startProxy();
    let upstreamClosed: () => void = () => undefined;
    const closed = new Promise<void>((r) => (upstreamClosed = r));
    harness.fake.handle(async (_req, res) => {
      res.on('close', () => upstreamClosed());
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`event: message_start\ndata: {"type":"message_start","message":{"id":"m","content":[]}}\n\n`);
      res.write(`event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n`);
      // Keep streaming until the proxy hangs up.
      for (let i = 0; i < 2000 && !res.destroyed; i++) {
        res.write(`event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"tick "}}\n\n`);
        await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    const abortedBefore = harness.fake.aborted;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${base}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.end('{"stream":true,"messages":[]}');
      setTimeout(() => reject(new Error('no data')), 5000);
    });
    await closed;
    await new Promise((r) => setTimeout(r, 20));
    expect(harness.fake.aborted).toBe(abortedBefore + 1);
    expect(records.at(-1)!.aborted).toBe(true);
  });
});

describe('streams', () => {
  it('a stream that ends mid-token delivers the held text instead of dropping it', async () => {
    const base = await startProxy();
    harness.fake.handle(async (req, res) => {
      const token = tokensIn(req.body)[0]!;
      await writeSse(
        res,
        [
          'event: message_start\ndata: {"type":"message_start","message":{"id":"m","type":"message","role":"assistant","content":[],"model":"x","usage":{"input_tokens":1,"output_tokens":1}}}\n\n',
          'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n',
          `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: `value: ${token.slice(0, 15)}` } })}\n\n`,
        ],
        { writeSize: 3 },
      );
    });
    const r = await fetch(`${base}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stream: true, messages: [{ role: 'user', content: CANARIES.conn }] }) });
    const text = await r.text();
    const deltas = [...text.matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]).join('');
    expect(deltas).toBe('value: __TAKUMO_v1_CON');
  });

  it('decodes gzip streams and JSON bodies from the upstream', async () => {
    const gzFake = await startFakeProvider({ gzip: true });
    try {
      const base = await startProxy({ anthropicUpstream: gzFake.url, openaiUpstream: gzFake.url });
      const client = new Anthropic({ baseURL: base, apiKey: 'k', maxRetries: 0 });
      const m = await client.messages.create({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: `a ${CANARIES.github}` }] });
      const text = m.content.find((b) => b.type === 'text');
      expect(text!.type === 'text' && text!.text).toContain(CANARIES.github);
      const s = await client.messages.stream({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: `a ${CANARIES.github}` }] }).finalText();
      expect(s).toContain(CANARIES.github);
      expect(s).not.toMatch(TOKEN_RE);
      expect(gzFake.requests.at(-1)!.headers['accept-encoding']).toBe('gzip, deflate, br');
    } finally {
      await gzFake.close();
    }
  });
});

describe('backpressure', () => {
  it('stops reading the upstream while the client is not reading (no unbounded buffering)', async () => {
    const base = await startProxy();
    const TOTAL = 64 * 1024 * 1024;
    const state = { written: 0, done: false };
    let upstreamClosed: () => void = () => undefined;
    const closed = new Promise<void>((r) => (upstreamClosed = r));
    harness.fake.handle(async (_req, res) => {
      res.on('close', () => upstreamClosed());
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}\n\n');
      const frame = `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'x'.repeat(4000) } })}\n\n`;
      while (state.written < TOTAL && !res.destroyed) {
        state.written += frame.length;
        if (!res.write(frame)) await new Promise((r) => { res.once('drain', r); res.once('close', r); });
      }
      state.done = !res.destroyed;
      res.end();
    });
    const req = httpRequest(`${base}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('error', () => undefined);
    const res = await new Promise<import('node:http').IncomingMessage>((resolve) => req.on('response', resolve).end('{"stream":true,"messages":[]}'));
    res.pause();
    // Wait until the upstream stops making progress (buffers full), however slow the machine.
    let stalled = false;
    for (let i = 0; i < 20 && !stalled && !state.done; i++) {
      const before = state.written;
      await new Promise((r) => setTimeout(r, 300));
      stalled = state.written === before;
    }
    // The upstream is stuck waiting for the proxy to read, far below the total.
    expect(stalled).toBe(true);
    expect(state.done).toBe(false);
    expect(state.written).toBeLessThan(TOTAL / 4);
    req.destroy();
    await closed;
  });
});

describe('routing', () => {
  it('routes unprefixed paths by protocol and shared paths by headers', async () => {
    const anth = await startFakeProvider();
    const oai = await startFakeProvider();
    try {
      const base = await startProxy({ anthropicUpstream: anth.url, openaiUpstream: `${oai.url}/v1` });
      await fetch(`${base}/v1/models`, { headers: { 'anthropic-version': '2023-06-01' } });
      await fetch(`${base}/v1/models`);
      await post(`${base}/v1/messages`, '{"messages":[]}');
      await post(`${base}/chat/completions`, '{"messages":[]}');
      expect(anth.requests.map((r) => r.url)).toEqual(['/v1/models', '/v1/messages']);
      expect(oai.requests.map((r) => r.url)).toEqual(['/v1/models', '/v1/chat/completions']);
    } finally {
      await anth.close();
      await oai.close();
    }
  });

  it('answers a WebSocket upgrade at once with an error so Codex falls back to HTTP', async () => {
    const base = await startProxy();
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${base}/v1/responses`, { headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('upgrade', () => reject(new Error('upgraded')));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(426);
  });

  it('forwards auth headers unchanged', async () => {
    const base = await startProxy();
    await fetch(`${base}/v1/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-key': 'sk-ant-api03-header-value',
        authorization: 'Bearer abc.def',
        'anthropic-version': '2026-10-21',
        'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14,other',
      },
      body: '{"messages":[]}',
    });
    const h = harness.fake.requests.at(-1)!.headers;
    expect(h['x-api-key']).toBe('sk-ant-api03-header-value');
    expect(h['authorization']).toBe('Bearer abc.def');
    expect(h['anthropic-version']).toBe('2026-10-21');
    expect(h['anthropic-beta']).toBe('fine-grained-tool-streaming-2025-05-14,other');
    for (const r of records) expect(JSON.stringify(r)).not.toContain('header-value');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
