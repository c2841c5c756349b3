import { createSession } from '@takumo/core';
import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { CANARIES, leakedFragments } from './test-support/canaries.js';
import { useProxiesInFrontOfFakeProvider } from './test-support/proxies-in-front-of-fake-provider.js';

/**
 * Paths found in the security review where a secret could reach the provider, or where
 * hostile input could take the proxy down: each test fails on the code before its fix.
 */
const harness = useProxiesInFrontOfFakeProvider({ deltaSize: 4, writeSize: 64 }, { sentinel: 'off' });
const { startProxy } = harness;

async function post(url: string, body: string): Promise<{ status: number; text: string }> {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: r.status, text: await r.text() };
}

/** Everything the fake provider received since `from`: URL and body. */
function sentSince(from: number): string {
  return harness.fake.requests
    .slice(from)
    .map((r) => `${r.url}\n${r.body}`)
    .join('\n');
}

const okJson = (): void =>
  harness.fake.handle((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'x', type: 'message', role: 'assistant', content: [] }));
  });

describe('outbound: no secret reaches the provider', () => {
  it('tokenizes tool-call arguments in history that are not JSON', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const body = {
      model: 'm',
      messages: [
        { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'sh', arguments: `token=${CANARIES.github} ${CANARIES.conn}` } }] },
        { role: 'assistant', content: null, tool_calls: [{ id: 'c2', type: 'function', function: { name: 'sh', arguments: `{"cmd": ${CANARIES.github}}` } }] },
      ],
    };
    const r = await post(`${base}/v1/chat/completions`, JSON.stringify(body));
    expect(r.status).toBe(200);
    expect(harness.fake.requests.length).toBe(before + 1);
    expect(leakedFragments(sentSince(before))).toEqual([]);
  });

  it('keeps valid JSON arguments byte for byte apart from the tokenized literals', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const args = `{"n": 12345678901234567890, "ok": true,  "cmd": "echo ${CANARIES.github}"}`;
    await post(`${base}/v1/chat/completions`, JSON.stringify({ model: 'm', messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'sh', arguments: args } }] }] }));
    const sent = JSON.parse(harness.fake.requests[before]!.body) as { messages: Array<{ tool_calls: Array<{ function: { arguments: string } }> }> };
    const out = sent.messages[0]!.tool_calls[0]!.function.arguments;
    expect(out.startsWith('{"n": 12345678901234567890, "ok": true,  "cmd": "echo __TAKUMO_v1_')).toBe(true);
    expect(leakedFragments(out)).toEqual([]);
  });

  it('tokenizes object keys inside tool inputs in history', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const input = { replicas: { [CANARIES.conn]: 'primary', other: [{ [CANARIES.github]: 1 }] }, plain: 'x' };
    const body = { model: 'm', max_tokens: 1, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'cfg', input }] }] };
    await post(`${base}/v1/messages`, JSON.stringify(body));
    const sent = harness.fake.requests[before]!.body;
    expect(leakedFragments(sent)).toEqual([]);
    expect(JSON.parse(sent).messages[0].content[0].input.plain).toBe('x');
  });

  it('does not exempt text that merely starts like a data URL', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const text = `data:text/plain;base64,aGVsbG8=\nand the database is ${CANARIES.conn}`;
    await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: [{ type: 'text', text }] }] }));
    expect(leakedFragments(sentSince(before))).toEqual([]);
  });

  it('still leaves a real data URL untouched', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const url = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    await post(`${base}/v1/chat/completions`, JSON.stringify({ model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url } }] }] }));
    expect(harness.fake.requests[before]!.body).toContain(url);
  });

  it('tokenizes text in fields named like base64 payloads, and keeps real base64 untouched', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const body = {
      model: 'm',
      input: [
        { format: 'text', data: `the connection is ${CANARIES.conn}` },
        { type: 'input_file', filename: 'notes.txt', file_data: `plain notes: ${CANARIES.github}` },
        { type: 'input_audio', input_audio: { format: 'wav', data: png } },
      ],
    };
    await post(`${base}/v1/responses`, JSON.stringify(body));
    const sent = harness.fake.requests[before]!.body;
    expect(leakedFragments(sent)).toEqual([]);
    expect(sent).toContain(png);
  });

  it('does not exempt a user message that starts with the billing-header words', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const text = `x-anthropic-billing-header: please keep this\n${CANARIES.github}`;
    await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: [{ type: 'text', text }] }] }));
    expect(leakedFragments(sentSince(before))).toEqual([]);
  });

  it('leaves the real one-line billing header byte for byte', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const line = 'x-anthropic-billing-header: cc_version=2.0.14.a1b; cc_entrypoint=cli; cch=9f8e7d6c5b4a3;';
    await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, system: [{ type: 'text', text: line }], messages: [{ role: 'user', content: 'hi' }] }));
    expect(harness.fake.requests[before]!.body).toContain(line);
  });

  it('re-tokenizes a cached string once the session has learned a secret it contains', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const password = 'Vq7-blue-Kettle-42';
    // Long enough to be cached; the password alone in prose is not detected by any rule.
    const history = `${'Notes from the last deploy. '.repeat(30)} The phrase was ${password} if anyone asks.`;
    const send = (extra: string[]): Promise<unknown> =>
      post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [...extra, history].map((content) => ({ role: 'user', content })) }));
    await send([]);
    expect(harness.fake.requests[before]!.body).toContain(password); // not yet known: the limit of detection
    await send([`password = "${password}"`]); // now the vault knows it
    await send([]);
    expect(harness.fake.requests[before + 2]!.body).not.toContain(password);
  });

  it('tokenizes secrets in the query string of a pass-through route', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const r = await fetch(`${base}/v1/models?after=${encodeURIComponent(CANARIES.github)}&limit=5`);
    await r.text();
    expect(harness.fake.requests.length).toBe(before + 1);
    expect(leakedFragments(decodeURIComponent(harness.fake.requests[before]!.url))).toEqual([]);
    expect(harness.fake.requests[before]!.url).toContain('limit=5');
  });
});

describe('form bodies', () => {
  it('tokenizes percent-encoded secrets in a form body', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const form = new URLSearchParams({ db: CANARIES.conn, note: `pw ${CANARIES.quoted}`, n: '5' }).toString();
    expect(form).not.toContain('S3cr3t-Pa55@'); // the '@' is encoded: the raw text does not hold the value
    const r = await fetch(`${base}/v1/something`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    await r.text();
    expect(harness.fake.requests.length).toBe(before + 1);
    const sent = harness.fake.requests[before]!.body;
    expect(leakedFragments(decodeURIComponent(sent.replace(/\+/g, ' ')))).toEqual([]);
    expect(sent).toContain('&n=5');
  });
});

describe('hostile input', () => {
  it('answers deeply nested JSON with a clear 400 and stays up', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    const depth = 200_000;
    const deep = `{"model":"m","max_tokens":1,"messages":[{"role":"user","content":"${CANARIES.github}"}],"metadata":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = await post(`${base}/v1/messages`, deep);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect(r.text).toContain('nested');
    expect(harness.fake.requests.length).toBe(before);
    // The process is still serving.
    const ok = await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }));
    expect(ok.status).toBe(200);
  });

  it('passes 1 MB of one character and 1 MB of a keyword-like run through, tokenizing a secret at the end', async () => {
    okJson();
    const base = await startProxy();
    const before = harness.fake.requests.length;
    for (const filler of ['a'.repeat(1 << 20), 'password='.repeat(116_509), '-'.repeat(1 << 20), '0'.repeat(1 << 20)]) {
      const r = await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: `${filler} ${CANARIES.github}` }] }));
      expect(r.status).toBe(200);
    }
    expect(harness.fake.requests.length).toBe(before + 4);
    expect(leakedFragments(sentSince(before))).toEqual([]);
  });

  it('restores a JSON answer that cannot be walked with JSON-escaped values, keeping it valid JSON', async () => {
    const base = await startProxy();
    // Learn the tokens for the canaries.
    okJson();
    const before = harness.fake.requests.length;
    await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: `${CANARIES.quoted} ${CANARIES.pem}` }] }));
    const tokens = harness.fake.requests[before]!.body.match(/__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/g) ?? [];
    expect(tokens.length).toBe(2);
    const depth = 20_000;
    const answer = `{"id":"x","type":"message","role":"assistant","content":[{"type":"text","text":"${tokens.join(' ')}"}],"deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    harness.fake.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
    const r = await post(`${base}/v1/messages`, JSON.stringify({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: 'hi' }] }));
    expect(r.status).toBe(200);
    const parsed = JSON.parse(r.text) as { content: Array<{ text: string }> };
    expect(parsed.content[0]!.text).toBe(`${CANARIES.quoted} ${CANARIES.pem}`);
  });

  it('scans a tool answer nested too deeply to walk without losing its text', () => {
    const session = createSession();
    const scanned: string[] = [];
    const ex = new Exchange(session, { mode: 'report', threshold: 'high', scan: (text) => (scanned.push(text), []) });
    const deep = `${'['.repeat(200_000)}"x"${']'.repeat(200_000)}`;
    const channel = ex.channel('block:0', 'json', 'tool-json');
    const out = channel.push(deep) + channel.end();
    expect(out).toBe(deep);
    expect(scanned).toEqual([deep]);
    session.destroy();
  });

  it('restores JSON lines answers with JSON-escaped values, one valid document per line', async () => {
    const base = await startProxy();
    okJson();
    const before = harness.fake.requests.length;
    await post(`${base}/v1/embeddings`, JSON.stringify({ model: 'm', input: `${CANARIES.quoted} ${CANARIES.pem}` }));
    const tokens = harness.fake.requests[before]!.body.match(/__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/g) ?? [];
    expect(tokens.length).toBe(2);
    harness.fake.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' }).end(`{"a":"${tokens[0]}"}\n{"b":"${tokens[1]}"}\n`);
    });
    const r = await fetch(`${base}/v1/batches/b1/results`);
    const lines = (await r.text()).trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines).toEqual([{ a: CANARIES.quoted }, { b: CANARIES.pem }]);
  });
});
