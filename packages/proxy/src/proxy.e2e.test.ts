import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProxy, type Proxy, type RequestRecord } from './index.js';
import { CANARIES, CANARY_KNOWN_SECRETS, CANARY_VALUES, leakedFragments } from './test-support/canaries.js';
import {
  ENCRYPTED_REASONING,
  type FakeProvider,
  FOREIGN_TOKEN,
  patchText,
  startFakeProvider,
  THINKING_SIGNATURE,
  THINKING_TEXT,
  TOKEN_RE,
} from './test-support/fake-provider.js';

const IMAGE_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PRIOR_SIGNATURE = 'ErUBCkYIAxgCIkB4+prior/signature==';
/**
 * Thinking and reasoning in the history were written by the model and reached the client
 * through the proxy, unrestored: they hold tokens, never the user's values, and they are
 * signed, so they must go back byte for byte.
 */
const PRIOR_THINKING = `Previous thought mentioning ${FOREIGN_TOKEN} and a plan`;

let fake: FakeProvider;
let proxy: Proxy;
let base: string;
const records: RequestRecord[] = [];

beforeAll(async () => {
  fake = await startFakeProvider({ deltaSize: 3, writeSize: 5 });
  proxy = createProxy({
    anthropicUpstream: fake.url,
    openaiUpstream: fake.url,
    knownSecrets: CANARY_KNOWN_SECRETS,
    onRequest: (r) => records.push(r),
  });
  base = (await proxy.listen(0, '127.0.0.1')).url;
});

afterAll(async () => {
  await proxy.close();
  await fake.close();
});

function anthropic(): Anthropic {
  return new Anthropic({ baseURL: `${base}/anthropic`, apiKey: 'sk-ant-test-not-a-secret', maxRetries: 0 });
}
function openai(): OpenAI {
  return new OpenAI({ baseURL: `${base}/openai/v1`, apiKey: 'sk-test-not-a-secret', maxRetries: 0 });
}

/** The last request the fake provider received, checked for every canary. */
function lastUpstreamBody(): string {
  const body = fake.requests.at(-1)!.body;
  expect(leakedFragments(body)).toEqual([]);
  return body;
}

function expectEveryCanary(text: string): void {
  for (const v of CANARY_VALUES) expect(text).toContain(v);
  expect(text).not.toMatch(TOKEN_RE);
}

/** Tool input the fake answers with, rebuilt from the real values it should carry. */
function expectToolInput(input: unknown): void {
  const i = input as { command: string; all: string[]; nested: { first: string } };
  expect(i.all.slice().sort()).toEqual(CANARY_VALUES.slice().sort());
  expect(i.command).toBe(`deploy --key ${i.all[0]}`);
  expect(i.nested.first).toBe(i.all[0]);
}

const anthropicHistory = (): Anthropic.MessageParam[] => [
  { role: 'user', content: [{ type: 'text', text: `Connect with ${CANARIES.conn} please` }] },
  {
    role: 'assistant',
    content: [
      { type: 'thinking', thinking: PRIOR_THINKING, signature: PRIOR_SIGNATURE },
      { type: 'tool_use', id: 'toolu_prior_1', name: 'run', input: { cmd: `psql ${CANARIES.conn}`, args: [CANARIES.quoted], id: CANARIES.github } },
    ],
  },
  {
    role: 'user',
    content: [
      { type: 'tool_result', tool_use_id: 'toolu_prior_1', content: `key file:\n${CANARIES.pem}` },
      { type: 'tool_result', tool_use_id: 'toolu_prior_2', content: [{ type: 'text', text: `token=${CANARIES.github}` }] },
      { type: 'document', source: { type: 'text', media_type: 'text/plain', data: `.env\nDB_PASSWORD=${CANARIES.quoted}` }, title: 'env file' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: IMAGE_B64 } },
      { type: 'text', text: 'What now?' },
    ],
  },
];

describe('Anthropic Messages through the proxy with @anthropic-ai/sdk', () => {
  it('never sends a canary upstream from any position, and leaves thinking, ids and base64 byte for byte', async () => {
    const client = anthropic();
    const message = await client.messages.create({
      model: 'claude-fake',
      max_tokens: 100,
      system: [{ type: 'text', text: `You deploy with ${CANARIES.github}` }],
      messages: anthropicHistory(),
    });
    const body = lastUpstreamBody();
    const sent = JSON.parse(body) as { messages: Anthropic.MessageParam[]; system: Array<{ text: string }> };
    expect(sent.system[0]!.text).toMatch(TOKEN_RE);
    const assistant = sent.messages[1]!.content as Array<Record<string, unknown>>;
    expect(assistant[0]).toEqual({ type: 'thinking', thinking: PRIOR_THINKING, signature: PRIOR_SIGNATURE });
    expect(body).toContain(JSON.stringify({ type: 'thinking', thinking: PRIOR_THINKING, signature: PRIOR_SIGNATURE }));
    expect(assistant[1]!.id).toBe('toolu_prior_1');
    const last = sent.messages[2]!.content as Array<Record<string, any>>;
    expect(last[3]!.source.data).toBe(IMAGE_B64);
    expect(last[0]!.tool_use_id).toBe('toolu_prior_1');
    expect(fake.requests.at(-1)!.headers['authorization'] ?? fake.requests.at(-1)!.headers['x-api-key']).toContain('sk-ant-test-not-a-secret');
    expect(fake.requests.at(-1)!.headers['anthropic-version']).toBeDefined();

    // The answer: every real value back in text and tool input; thinking untouched.
    const text = message.content.find((b) => b.type === 'text');
    expectEveryCanary(text!.type === 'text' ? text!.text : '');
    const tool = message.content.find((b) => b.type === 'tool_use');
    expectToolInput(tool!.type === 'tool_use' ? tool!.input : undefined);
    const thinking = message.content.find((b) => b.type === 'thinking');
    expect(thinking!.type === 'thinking' && thinking!.thinking.startsWith(THINKING_TEXT)).toBe(true);
    expect(thinking!.type === 'thinking' && /__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__$/.test(thinking!.thinking)).toBe(true);
    expect(thinking!.type === 'thinking' && thinking!.signature).toBe(THINKING_SIGNATURE);
  });

  it('streams: text and tool input restored across tiny slices, thinking and signature untouched', async () => {
    const client = anthropic();
    const stream = client.messages.stream({
      model: 'claude-fake',
      max_tokens: 100,
      system: `Deploy key ${CANARIES.github}`,
      messages: anthropicHistory(),
    });
    let streamedText = '';
    stream.on('text', (t) => {
      streamedText += t;
    });
    const message = await stream.finalMessage();
    lastUpstreamBody();
    expectEveryCanary(streamedText);
    const tool = message.content.find((b) => b.type === 'tool_use');
    expectToolInput(tool!.type === 'tool_use' ? tool!.input : undefined);
    const thinking = message.content.find((b) => b.type === 'thinking');
    expect(thinking).toMatchObject({ signature: THINKING_SIGNATURE });
    expect(thinking!.type === 'thinking' && thinking!.thinking).toMatch(TOKEN_RE);
  });

  it('keeps the same token for the same secret across turns (prompt cache stays warm)', async () => {
    const client = anthropic();
    await client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: `a ${CANARIES.conn}` }] });
    const first = lastUpstreamBody().match(TOKEN_RE);
    await client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: `a ${CANARIES.conn}` }] });
    const second = lastUpstreamBody().match(TOKEN_RE);
    expect(first).not.toBeNull();
    expect(second).toEqual(first);
  });

  it('passes count_tokens and model listing through', async () => {
    const client = anthropic();
    const count = await client.messages.countTokens({ model: 'm', messages: [{ role: 'user', content: `count ${CANARIES.github}` }] });
    expect(count.input_tokens).toBe(42);
    lastUpstreamBody();
    expect(fake.requests.at(-1)!.url).toBe('/v1/messages/count_tokens');
  });
});

const chatHistory = (): OpenAI.ChatCompletionMessageParam[] => [
  { role: 'system', content: `Use ${CANARIES.conn}` },
  { role: 'developer', content: [{ type: 'text', text: `dev note ${CANARIES.pem}` }] },
  { role: 'user', content: [{ type: 'text', text: `My token is ${CANARIES.github}` }] },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'call_prior', type: 'function', function: { name: 'run', arguments: JSON.stringify({ cmd: `login ${CANARIES.quoted}`, pem: CANARIES.pem }) } }],
  },
  { role: 'tool', tool_call_id: 'call_prior', content: `ok ${CANARIES.github}` },
];

describe('OpenAI Chat Completions through the proxy with openai', () => {
  it('tokenizes every position including tool-call arguments in history (kept valid JSON)', async () => {
    const completion = await openai().chat.completions.create({ model: 'gpt-fake', messages: chatHistory() });
    const sent = JSON.parse(lastUpstreamBody()) as { messages: Array<Record<string, any>> };
    const args = sent.messages[3]!.tool_calls[0].function.arguments as string;
    expect(() => JSON.parse(args)).not.toThrow();
    expect(args).toMatch(TOKEN_RE);
    expect(sent.messages[3]!.tool_calls[0].id).toBe('call_prior');
    const m = completion.choices[0]!.message;
    expectEveryCanary(m.content ?? '');
    const call = m.tool_calls![0]!;
    expectToolInput(JSON.parse(call.type === 'function' ? call.function.arguments : '{}'));
  });

  it('streams: content and tool-call arguments restored, arguments parse as JSON', async () => {
    const stream = await openai().chat.completions.create({ model: 'gpt-fake', messages: chatHistory(), stream: true });
    let content = '';
    let args = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      const c = chunk.choices[0];
      if (!c) continue;
      content += c.delta.content ?? '';
      for (const tc of c.delta.tool_calls ?? []) args += tc.function?.arguments ?? '';
      finish = c.finish_reason ?? finish;
    }
    lastUpstreamBody();
    expectEveryCanary(content);
    expectToolInput(JSON.parse(args));
    expect(finish).toBe('tool_calls');
  });

  it('the SDK stream helper assembles the restored final message', async () => {
    const runner = openai().chat.completions.stream({ model: 'gpt-fake', messages: chatHistory() });
    const final = await runner.finalChatCompletion();
    expectEveryCanary(final.choices[0]!.message.content ?? '');
    const call = final.choices[0]!.message.tool_calls![0]!;
    expectToolInput(JSON.parse(call.type === 'function' ? call.function.arguments : '{}'));
  });
});

const responsesInput = (): OpenAI.Responses.ResponseInput => [
  { role: 'user', content: [{ type: 'input_text', text: `Fix the config, the password is ${CANARIES.quoted}` }] },
  { type: 'reasoning', id: 'rs_prior', summary: [{ type: 'summary_text', text: PRIOR_THINKING }], encrypted_content: ENCRYPTED_REASONING },
  { type: 'function_call', call_id: 'call_prior', name: 'shell', arguments: JSON.stringify({ cmd: ['cat', '.env'], secret: CANARIES.conn }) },
  { type: 'function_call_output', call_id: 'call_prior', output: `DATABASE_URL=${CANARIES.conn}\nKEY=${CANARIES.pem}` },
  { type: 'custom_tool_call', call_id: 'call_patch', name: 'apply_patch', input: `*** Begin Patch\n+TOKEN=${CANARIES.github}\n*** End Patch` },
  { type: 'custom_tool_call_output', call_id: 'call_patch', output: 'Done' },
];

describe('OpenAI Responses through the proxy with openai', () => {
  it('tokenizes input items and instructions, keeps reasoning and ids; restores every output item', async () => {
    const response = await openai().responses.create({ model: 'gpt-fake', instructions: `Deploy with ${CANARIES.github}`, input: responsesInput() });
    const sent = JSON.parse(lastUpstreamBody()) as { input: Array<Record<string, any>> };
    expect(sent.input[1]).toEqual(responsesInput()[1]);
    expect(() => JSON.parse(sent.input[2]!.arguments as string)).not.toThrow();
    expect(sent.input[2]!.call_id).toBe('call_prior');
    expectEveryCanary(response.output_text);
    const fc = response.output.find((i) => i.type === 'function_call');
    expectToolInput(JSON.parse(fc!.type === 'function_call' ? fc!.arguments : '{}'));
    const ctc = response.output.find((i) => i.type === 'custom_tool_call');
    expect(ctc!.type === 'custom_tool_call' && ctc!.input).toContain(`+SECRET=`);
    expect(ctc!.type === 'custom_tool_call' && ctc!.input).not.toMatch(TOKEN_RE);
    const rs = response.output.find((i) => i.type === 'reasoning');
    expect(rs!.type === 'reasoning' && rs!.encrypted_content).toBe(ENCRYPTED_REASONING);
  });

  it('streams: deltas, .done events and snapshots all carry the real values; custom tool input (patch) restored raw', async () => {
    const stream = await openai().responses.create({ model: 'gpt-fake', input: responsesInput(), stream: true });
    let text = '';
    let args = '';
    let patch = '';
    const done: Record<string, string> = {};
    let completed: OpenAI.Responses.Response | undefined;
    const seqs: number[] = [];
    for await (const e of stream) {
      seqs.push(e.sequence_number);
      if (e.type === 'response.output_text.delta') text += e.delta;
      if (e.type === 'response.function_call_arguments.delta') args += e.delta;
      if (e.type === 'response.custom_tool_call_input.delta') patch += e.delta;
      if (e.type === 'response.output_text.done') done.text = e.text;
      if (e.type === 'response.function_call_arguments.done') done.args = e.arguments;
      if (e.type === 'response.custom_tool_call_input.done') done.patch = e.input;
      if (e.type === 'response.completed') completed = e.response;
    }
    lastUpstreamBody();
    expectEveryCanary(text);
    expect(done.text).toBe(text);
    expectToolInput(JSON.parse(args));
    expect(done.args).toBe(args);
    expect(patch).toBe(done.patch);
    expect(patch).not.toMatch(TOKEN_RE);
    expect(CANARY_VALUES.some((v) => patch.includes(`+SECRET=${v}\n`))).toBe(true);
    // Sequence numbers stay strictly increasing after inserted flush events.
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    const msg = completed!.output.find((i) => i.type === 'message');
    expect(msg!.type === 'message' && msg!.content[0]!.type === 'output_text' && msg!.content[0]!.text).toBe(text);
    const rs = completed!.output.find((i) => i.type === 'reasoning');
    expect(rs!.type === 'reasoning' && rs!.encrypted_content).toBe(ENCRYPTED_REASONING);
  });

  it('the SDK stream helper yields a final response with restored items', async () => {
    const final = await openai().responses.stream({ model: 'gpt-fake', input: responsesInput() }).finalResponse();
    expectEveryCanary(final.output_text);
    const ctc = final.output.find((i) => i.type === 'custom_tool_call');
    expect(ctc!.type === 'custom_tool_call' && ctc!.input.startsWith(patchText([]).slice(0, 20))).toBe(true);
  });
});

describe('proxy bookkeeping', () => {
  it('records metadata only: categories and counts, never values', () => {
    expect(records.length).toBeGreaterThan(5);
    const all = JSON.stringify(records);
    expect(leakedFragments(all)).toEqual([]);
    const anthropicRecord = records.find((r) => r.route === '/v1/messages' && r.streamed)!;
    expect(anthropicRecord.tokenized).toMatchObject({ CONN: expect.any(Number), KEY: expect.any(Number) });
    expect(anthropicRecord.restored).toBeGreaterThan(0);
    expect(proxy.stats.requests).toBe(records.length);
  });
});
