import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A real HTTP server on 127.0.0.1:0 that plays Anthropic and OpenAI: it records every
 * request it receives byte for byte, and answers like a model that repeats the tokens it
 * was sent — in text, in tool-call arguments and in Responses items — streamed in tiny
 * slices so that every token is split across events and across network writes.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: RecordedRequest, res: ServerResponse) => void | Promise<void>;

export interface FakeProvider {
  url: string;
  requests: RecordedRequest[];
  /** Replace the default behaviour for the next requests (until reset). */
  handle(handler: Handler | undefined): void;
  /** Requests whose upstream side was closed before the answer ended. */
  aborted: number;
  close(): Promise<void>;
}

export const TOKEN_RE = /__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/g;
export const THINKING_TEXT = 'Let me think about the plan. ';
/** The model's thinking repeats a real token: the proxy must leave it as a token (signed block). */
export function thinkingText(tokens: string[]): string {
  return `${THINKING_TEXT}${tokens[0] ?? ''}`;
}
export const THINKING_SIGNATURE = 'EqQBCkYIBxgCKkBsig+/==AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/+==';
export const ENCRYPTED_REASONING = 'gAAAAABencrypted+/==ZmFrZS1lbmNyeXB0ZWQtcmVhc29uaW5nLXBheWxvYWQ=';

export interface FakeOptions {
  /** Size of each text/argument delta (characters). */
  deltaSize?: number;
  /** Size of each network write of the SSE stream (bytes). */
  writeSize?: number;
  gzip?: boolean;
}

export async function startFakeProvider(options: FakeOptions = {}): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  let custom: Handler | undefined;
  const sockets = new Set<Socket>();
  const state = { aborted: 0 };
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
    requests.push(recorded);
    res.on('close', () => {
      if (!res.writableFinished) state.aborted++;
    });
    try {
      if (custom) await custom(recorded, res);
      else await defaultHandler(recorded, res, options);
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => {
      custom = h;
    },
    get aborted() {
      return state.aborted;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A token-shaped string tests put in replayed thinking; no vault knows it, so the fake does not echo it. */
export const FOREIGN_TOKEN = '__TAKUMO_v1_KEY_1234abcd__';

/** Tokens in the order they first appear in the request. */
export function tokensIn(body: string): string[] {
  return [...new Set(body.match(TOKEN_RE) ?? [])].filter((t) => t !== FOREIGN_TOKEN);
}

export function slices(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length > 0 ? out : [''];
}

export function answerText(tokens: string[]): string {
  return `Here are your values: ${tokens.map((t) => `[${t}]`).join(' ')} done.`;
}

export function toolInput(tokens: string[]): Record<string, unknown> {
  return { command: `deploy --key ${tokens[0] ?? 'none'}`, all: tokens, nested: { first: tokens[0] ?? null } };
}

export function patchText(tokens: string[]): string {
  return `*** Begin Patch\n*** Add File: config.env\n+SECRET=${tokens[0] ?? ''}\n+OTHER=${tokens[1] ?? ''}\n*** End Patch`;
}

export async function writeSse(res: ServerResponse, frames: string[], options: FakeOptions): Promise<void> {
  const all = frames.join('');
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'request-id': 'req_fake_1',
    ...(options.gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  if (options.gzip) {
    res.end(gzipSync(all));
    return;
  }
  const size = options.writeSize ?? 7;
  const bytes = Buffer.from(all, 'utf8');
  for (let i = 0; i < bytes.length; i += size) {
    if (res.destroyed) return;
    res.write(bytes.subarray(i, i + size));
    // Let each slice leave as its own TCP write.
    if (i % (size * 16) === 0) await new Promise((r) => setImmediate(r));
  }
  res.end();
}

function sendJson(res: ServerResponse, value: unknown, options: FakeOptions): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  if (options.gzip) {
    const z = gzipSync(body);
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': z.length, 'request-id': 'req_fake_1' });
    res.end(z);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'request-id': 'req_fake_1' });
  res.end(body);
}

const frame = (event: string | undefined, data: unknown): string =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

async function defaultHandler(req: RecordedRequest, res: ServerResponse, options: FakeOptions): Promise<void> {
  const parsed = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
  const tokens = tokensIn(req.body);
  const path = req.url.split('?')[0];
  const d = options.deltaSize ?? 3;
  if (path === '/v1/messages/count_tokens') return sendJson(res, { input_tokens: 42 }, options);
  if (path === '/v1/messages') {
    if (parsed.stream) return writeSse(res, anthropicFrames(tokens, d), options);
    return sendJson(res, anthropicMessage(tokens), options);
  }
  if (path === '/v1/chat/completions') {
    if (parsed.stream) return writeSse(res, chatFrames(tokens, d), options);
    return sendJson(res, chatCompletion(tokens), options);
  }
  if (path === '/v1/responses') {
    if (parsed.stream) return writeSse(res, responsesFrames(tokens, d), options);
    return sendJson(res, responsesObject(tokens), options);
  }
  if (path === '/v1/models') return sendJson(res, { object: 'list', data: [{ id: 'fake-model', object: 'model' }] }, options);
  return sendJson(res, { echo: parsed, tokens }, options);
}

export function anthropicMessage(tokens: string[]): Record<string, unknown> {
  return {
    id: 'msg_fake_01',
    type: 'message',
    role: 'assistant',
    model: 'claude-fake',
    content: [
      { type: 'thinking', thinking: thinkingText(tokens), signature: THINKING_SIGNATURE },
      { type: 'text', text: answerText(tokens) },
      { type: 'tool_use', id: 'toolu_fake_01', name: 'deploy', input: toolInput(tokens) },
    ],
    stop_reason: 'tool_use',
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 20 },
  };
}

export function anthropicFrames(tokens: string[], d: number): string[] {
  const msg = anthropicMessage(tokens);
  const frames = [frame('message_start', { type: 'message_start', message: { ...msg, content: [], stop_reason: null } })];
  frames.push(frame('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }));
  for (const s of slices(thinkingText(tokens), d)) frames.push(frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: s } }));
  frames.push(frame('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: THINKING_SIGNATURE } }));
  frames.push(frame('content_block_stop', { type: 'content_block_stop', index: 0 }));
  frames.push(frame('content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }));
  frames.push(': keep-alive comment\n\n');
  for (const s of slices(answerText(tokens), d)) frames.push(frame('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: s } }));
  frames.push(frame('ping', { type: 'ping' }));
  frames.push(frame('content_block_stop', { type: 'content_block_stop', index: 1 }));
  frames.push(frame('content_block_start', { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_fake_01', name: 'deploy', input: {} } }));
  for (const s of slices(JSON.stringify(toolInput(tokens)), d)) frames.push(frame('content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: s } }));
  frames.push(frame('content_block_stop', { type: 'content_block_stop', index: 2 }));
  frames.push(frame('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 20 } }));
  frames.push(frame('message_stop', { type: 'message_stop' }));
  return frames;
}

export function chatCompletion(tokens: string[]): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: 'gpt-fake',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: answerText(tokens),
          refusal: null,
          tool_calls: [{ id: 'call_fake_1', type: 'function', function: { name: 'deploy', arguments: JSON.stringify(toolInput(tokens)) } }],
        },
        finish_reason: 'tool_calls',
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

export function chatFrames(tokens: string[], d: number): string[] {
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'gpt-fake' };
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): string =>
    frame(undefined, { ...base, choices: [{ index: 0, delta, finish_reason: finish }], obfuscation: 'pad' });
  const frames = [chunk({ role: 'assistant', content: '' })];
  for (const s of slices(answerText(tokens), d)) frames.push(chunk({ content: s }));
  frames.push(chunk({ tool_calls: [{ index: 0, id: 'call_fake_1', type: 'function', function: { name: 'deploy', arguments: '' } }] }));
  for (const s of slices(JSON.stringify(toolInput(tokens)), d)) frames.push(chunk({ tool_calls: [{ index: 0, function: { arguments: s } }] }));
  frames.push(chunk({}, 'tool_calls'));
  frames.push(frame(undefined, '[DONE]'));
  return frames;
}

export function responsesObject(tokens: string[]): Record<string, unknown> {
  return {
    id: 'resp_fake',
    object: 'response',
    created_at: 1_700_000_000,
    status: 'completed',
    model: 'gpt-fake',
    output: responseItems(tokens),
    usage: { input_tokens: 1, output_tokens: 1, total_tokens: 2 },
  };
}

function responseItems(tokens: string[]): Record<string, unknown>[] {
  return [
    { type: 'reasoning', id: 'rs_fake', summary: [{ type: 'summary_text', text: thinkingText(tokens) }], encrypted_content: ENCRYPTED_REASONING },
    { type: 'message', id: 'msg_fake', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: answerText(tokens), annotations: [] }] },
    { type: 'function_call', id: 'fc_fake', call_id: 'call_fake_1', name: 'deploy', arguments: JSON.stringify(toolInput(tokens)), status: 'completed' },
    { type: 'custom_tool_call', id: 'ctc_fake', call_id: 'call_fake_2', name: 'apply_patch', input: patchText(tokens), status: 'completed' },
  ];
}

export function responsesFrames(tokens: string[], d: number): string[] {
  let seq = 0;
  const ev = (type: string, data: Record<string, unknown>): string => frame(type, { type, sequence_number: seq++, ...data });
  const items = responseItems(tokens);
  const shell = { ...responsesObject(tokens), status: 'in_progress', output: [] };
  const frames = [ev('response.created', { response: shell }), ev('response.in_progress', { response: shell })];
  // reasoning
  frames.push(ev('response.output_item.added', { output_index: 0, item: { ...items[0], encrypted_content: null } }));
  frames.push(ev('response.output_item.done', { output_index: 0, item: items[0] }));
  // message
  const text = answerText(tokens);
  frames.push(ev('response.output_item.added', { output_index: 1, item: { ...items[1], status: 'in_progress', content: [] } }));
  frames.push(ev('response.content_part.added', { item_id: 'msg_fake', output_index: 1, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } }));
  for (const s of slices(text, d)) frames.push(ev('response.output_text.delta', { item_id: 'msg_fake', output_index: 1, content_index: 0, delta: s, logprobs: [] }));
  frames.push(ev('response.output_text.done', { item_id: 'msg_fake', output_index: 1, content_index: 0, text, logprobs: [] }));
  frames.push(ev('response.content_part.done', { item_id: 'msg_fake', output_index: 1, content_index: 0, part: { type: 'output_text', text, annotations: [] } }));
  frames.push(ev('response.output_item.done', { output_index: 1, item: items[1] }));
  // function call
  const args = JSON.stringify(toolInput(tokens));
  frames.push(ev('response.output_item.added', { output_index: 2, item: { ...items[2], arguments: '', status: 'in_progress' } }));
  for (const s of slices(args, d)) frames.push(ev('response.function_call_arguments.delta', { item_id: 'fc_fake', output_index: 2, delta: s }));
  frames.push(ev('response.function_call_arguments.done', { item_id: 'fc_fake', output_index: 2, arguments: args }));
  frames.push(ev('response.output_item.done', { output_index: 2, item: items[2] }));
  // custom tool (apply_patch)
  const patch = patchText(tokens);
  frames.push(ev('response.output_item.added', { output_index: 3, item: { ...items[3], input: '', status: 'in_progress' } }));
  for (const s of slices(patch, d)) frames.push(ev('response.custom_tool_call_input.delta', { item_id: 'ctc_fake', output_index: 3, delta: s }));
  frames.push(ev('response.custom_tool_call_input.done', { item_id: 'ctc_fake', output_index: 3, input: patch }));
  frames.push(ev('response.output_item.done', { output_index: 3, item: items[3] }));
  frames.push(ev('response.completed', { response: responsesObject(tokens) }));
  return frames;
}
