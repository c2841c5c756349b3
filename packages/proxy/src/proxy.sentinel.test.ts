import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { scanAnswer } from '@takumo/sentinel';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnswerScanner, ProxyEvent, ProxyOptions, RequestRecord } from './index.js';
import { CANARIES, leakedFragments } from './test-support/canaries.js';
import { type Handler, slices, tokensIn, writeSse } from './test-support/fake-provider.js';
import { useProxiesInFrontOfFakeProvider } from './test-support/proxies-in-front-of-fake-provider.js';

/** An answer with a hard-coded AWS key the model invented, and the user's own secret as a token. */
const INVENTED = 'AKIAZ7VQ3KXPL2M9QR4T';
const answerWith = (token: string) => `Use this:\n\n\`\`\`js\nconst aws = "${INVENTED}";\nconst db = "${token}";\n\`\`\`\n`;

const awsScanner: AnswerScanner = (text) =>
  text.includes('AKIA')
    ? [{ category: 'secret', rule: 'aws-access-key-id', severity: 'critical', line: 1, endLine: 1, column: 1, message: 'hard-coded AWS key', cwe: 'CWE-798' }]
    : [];
const mediumScanner: AnswerScanner = (text) => awsScanner(text).map((f) => ({ ...f, severity: 'medium' as const }));

/** Answers both providers, streamed or not, with `answerWith(the first token in the request)`. */
const answerWithInventedKey: Handler = async (req, res) => {
  const body = JSON.parse(req.body) as { stream?: boolean };
  const token = tokensIn(req.body)[0] ?? '';
  const text = answerWith(token);
  if (req.url.startsWith('/v1/chat/completions')) {
    const base = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
    if (!body.stream) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'c', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }));
      return;
    }
    const frames = slices(text, 4).map((s) => `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: s }, finish_reason: null }] })}\n\n`);
    frames.push(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`, 'data: [DONE]\n\n');
    await writeSse(res, frames, { writeSize: 50 });
    return;
  }
  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({ id: 'msg', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } }),
    );
    return;
  }
  const f = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const frames = [
    f('message_start', { type: 'message_start', message: { id: 'msg', type: 'message', role: 'assistant', model: 'm', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }),
    f('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
    ...slices(text, 4).map((s) => f('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: s } })),
    f('content_block_stop', { type: 'content_block_stop', index: 0 }),
    f('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 1 } }),
    f('message_stop', { type: 'message_stop' }),
  ];
  await writeSse(res, frames, { writeSize: 50 });
};

const harness = useProxiesInFrontOfFakeProvider({});
// The harness resets the fake's handler after each test, so each test gets it anew.
beforeEach(() => harness.fake.handle(answerWithInventedKey));

async function start(options: ProxyOptions): Promise<{ anthropic: Anthropic; openai: OpenAI }> {
  const url = await harness.startProxy(options);
  return { anthropic: new Anthropic({ baseURL: url, apiKey: 'k', maxRetries: 0 }), openai: new OpenAI({ baseURL: `${url}/v1`, apiKey: 'k', maxRetries: 0 }) };
}

const ask = [{ role: 'user' as const, content: `my db is ${CANARIES.conn}` }];

describe('Sentinel in the proxy', () => {
  it('report mode: the answer arrives restored; findings go to the request record and onEvent, as metadata', async () => {
    const records: RequestRecord[] = [];
    const events: ProxyEvent[] = [];
    const { anthropic } = await start({ sentinel: 'report', scanAnswer: awsScanner, onRequest: (r) => records.push(r), onEvent: (e) => events.push(e) });
    const text = await anthropic.messages.stream({ model: 'm', max_tokens: 1, messages: ask }).finalText();
    expect(text).toContain(INVENTED);
    expect(text).toContain(CANARIES.conn);
    expect(records[0]!.sentinel).toEqual([{ category: 'secret', rule: 'aws-access-key-id', severity: 'critical' }]);
    expect(records[0]!.blocked).toBe(false);
    expect(events.filter((e) => e.type === 'sentinel')).toEqual([{ type: 'sentinel', route: '/v1/messages', provider: 'anthropic', category: 'secret', rule: 'aws-access-key-id', severity: 'critical', blocked: false }]);
    const detection = events.find((e) => e.type === 'detection');
    expect(detection).toMatchObject({ type: 'detection', category: 'CONN', count: 1 });
    expect(leakedFragments(JSON.stringify(events))).toEqual([]);
    expect(JSON.stringify(events)).not.toContain(INVENTED);
  });

  it('block mode, non-streaming: the answer is replaced by a provider-format error that says why', async () => {
    const { anthropic, openai } = await start({ sentinel: 'block', scanAnswer: awsScanner });
    const a = await anthropic.messages.create({ model: 'm', max_tokens: 1, messages: ask }).catch((e: unknown) => e);
    expect(a).toBeInstanceOf(Anthropic.APIError);
    expect((a as InstanceType<typeof Anthropic.APIError>).status).toBe(422);
    expect(String((a as Error).message)).toMatch(/blocked by Sentinel: secret\/aws-access-key-id \(critical\)/);
    const o = await openai.chat.completions.create({ model: 'm', messages: ask }).catch((e: unknown) => e);
    expect((o as InstanceType<typeof OpenAI.APIError>).status).toBe(422);
    expect(String((o as Error).message)).not.toContain(INVENTED);
  });

  it('block mode, streaming: the block is held until complete, then an error event replaces it', async () => {
    const { anthropic, openai } = await start({ sentinel: 'block', scanAnswer: awsScanner });
    let seen = '';
    const stream = anthropic.messages.stream({ model: 'm', max_tokens: 1, messages: ask });
    stream.on('text', (t) => (seen += t));
    const error = await stream.finalMessage().catch((e: unknown) => e);
    expect(String((error as Error).message)).toMatch(/blocked by Sentinel/);
    expect(seen).toBe('');
    let chatSeen = '';
    const chatError = await (async () => {
      for await (const c of await openai.chat.completions.create({ model: 'm', messages: ask, stream: true })) chatSeen += c.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(String((chatError as Error).message)).toMatch(/blocked by Sentinel/);
    expect(chatSeen).toBe('');
  });

  it('block mode lets through findings below the threshold (reported only)', async () => {
    const records: RequestRecord[] = [];
    const { anthropic } = await start({ sentinel: 'block', sentinelThreshold: 'high', scanAnswer: mediumScanner, onRequest: (r) => records.push(r) });
    const text = await anthropic.messages.stream({ model: 'm', max_tokens: 1, messages: ask }).finalText();
    expect(text).toContain(CANARIES.conn);
    expect(records[0]!.sentinel).toHaveLength(1);
    expect(records[0]!.blocked).toBe(false);
  });

  it('with the real @takumo/sentinel, a hard-coded AWS key in an answer is reported, and blocked in block mode', async () => {
    expect(scanAnswer(answerWith('__TAKUMO_v1_CONN_00000000__')).some((f) => f.category === 'secret')).toBe(true);
    const records: RequestRecord[] = [];
    const { anthropic } = await start({ sentinel: 'report', onRequest: (r) => records.push(r) });
    const text = await anthropic.messages.stream({ model: 'm', max_tokens: 1, messages: ask }).finalText();
    expect(text).toContain(CANARIES.conn);
    const secrets = records[0]!.sentinel.filter((f) => f.category === 'secret');
    // The invented AWS key is found; the user's own secret (a token at scan time) is not.
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.rule).toMatch(/aws/);
    const blocking = await start({ sentinel: 'block', sentinelThreshold: 'high' });
    const error = await blocking.anthropic.messages.create({ model: 'm', max_tokens: 1, messages: ask }).catch((e: unknown) => e);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(422);
  });
});
