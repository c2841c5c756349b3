import type { ChannelKind, Exchange, ScanKind } from '../exchange.js';
import { COMMON_VERBATIM_KEYS, type RequestPolicy, restoreTree, tokenizeRequestBody } from '../request-walker.js';
import type { SseEvent } from '../sse.js';
import { isRecord, parseData, type ProtocolAdapter, type StreamRewriter, withData } from './adapter.js';

/**
 * OpenAI Responses (`/v1/responses`) — what Codex CLI speaks.
 *
 * Every answer text arrives at least three times: as deltas, in its `.done` event, and in
 * the `output_item.done` / `response.completed` snapshots. Deltas go through one channel
 * per (item_id, content_index); the copies are restored with the same session so all
 * three agree. Reasoning items (`encrypted_content`, summaries) travel untouched.
 * Codex's `apply_patch` is a free-form custom tool: its input is raw text, not JSON.
 */
const OPAQUE_TYPES: ReadonlySet<string> = new Set(['reasoning']);

const policy: RequestPolicy = {
  verbatimKeys: new Set([...COMMON_VERBATIM_KEYS, 'include', 'truncation', 'user', 'background']),
  opaqueTypes: OPAQUE_TYPES,
  jsonSourceKeys: new Set(['arguments']),
  freeJson: () => false,
};

const VERBATIM_INBOUND: ReadonlySet<string> = new Set([
  'id',
  'item_id',
  'call_id',
  'object',
  'model',
  'encrypted_content',
  'signature',
  'previous_response_id',
  'type',
  'status',
]);

type Restorer = (raw: string, kind: ChannelKind, scan: ScanKind) => string;

/** Restores one output item with `restore` (counting for complete bodies, snapshot for copies). */
function restoreItem(item: unknown, restore: Restorer, ex: Exchange): void {
  if (!isRecord(item) || typeof item.type !== 'string' || OPAQUE_TYPES.has(item.type)) return;
  switch (item.type) {
    case 'message':
      if (Array.isArray(item.content)) for (const part of item.content) restorePart(part, restore, ex);
      return;
    case 'function_call':
      if (typeof item.arguments === 'string') item.arguments = restore(item.arguments, 'json', 'tool-json');
      return;
    case 'custom_tool_call':
      if (typeof item.input === 'string') item.input = restore(item.input, 'text', 'tool-raw');
      return;
    default:
      restoreTree(item, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
  }
}

function restorePart(part: unknown, restore: Restorer, ex: Exchange): void {
  if (!isRecord(part)) return;
  if (part.type === 'output_text' && typeof part.text === 'string') {
    part.text = restore(part.text, 'text', 'text');
    if (Array.isArray(part.annotations)) restoreTree(part.annotations, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
  } else if (part.type === 'refusal' && typeof part.refusal === 'string') {
    part.refusal = restore(part.refusal, 'text', 'text');
  } else {
    restoreTree(part, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
  }
}

function restoreResponseObject(response: unknown, restore: Restorer, ex: Exchange): void {
  if (!isRecord(response)) return;
  if (Array.isArray(response.output)) for (const item of response.output) restoreItem(item, restore, ex);
  if (typeof response.output_text === 'string') response.output_text = ex.restoreSnapshot(response.output_text);
}

export const openaiResponses: ProtocolAdapter = {
  name: 'openai-responses',
  dialect: 'openai',

  tokenizeRequest(body, ex) {
    return tokenizeRequestBody(body, ex, policy);
  },

  restoreResponse(body, ex) {
    restoreResponseObject(body, (raw, kind, scan) => ex.restoreBlock(raw, kind, scan), ex);
    return body;
  },

  streamRewriter(ex) {
    return new ResponsesStream(ex);
  },
};

/** A delta stream's identity, to synthesise a flush event for it. */
interface DeltaTemplate {
  type: string;
  fields: Record<string, unknown>;
}

const DELTA_CHANNELS: Record<string, { suffix: string; kind: ChannelKind; scan: ScanKind; done: string; doneField: string }> = {
  'response.output_text.delta': { suffix: 'text', kind: 'text', scan: 'text', done: 'response.output_text.done', doneField: 'text' },
  'response.refusal.delta': { suffix: 'refusal', kind: 'text', scan: 'text', done: 'response.refusal.done', doneField: 'refusal' },
  'response.function_call_arguments.delta': { suffix: 'args', kind: 'json', scan: 'tool-json', done: 'response.function_call_arguments.done', doneField: 'arguments' },
  'response.custom_tool_call_input.delta': { suffix: 'custom', kind: 'text', scan: 'tool-raw', done: 'response.custom_tool_call_input.done', doneField: 'input' },
};

const DONE_EVENTS: Record<string, { delta: string; field: string; kind: ChannelKind }> = Object.fromEntries(
  Object.entries(DELTA_CHANNELS).map(([delta, c]) => [c.done, { delta, field: c.doneField, kind: c.kind }]),
);

const SNAPSHOT_EVENTS = new Set([
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'response.incomplete',
]);

class ResponsesStream implements StreamRewriter {
  private readonly templates = new Map<string, DeltaTemplate>();
  /** Synthesised flush events shift the upstream's sequence numbers by this much. */
  private offset = 0;

  constructor(private readonly ex: Exchange) {}

  get blockOpen(): boolean {
    return this.ex.openChannelCount > 0;
  }

  event(e: SseEvent): SseEvent[] {
    const data = parseData(e);
    if (!data || typeof data.type !== 'string') return [e];
    const type = data.type;
    const channelSpec = DELTA_CHANNELS[type];
    if (channelSpec && typeof data.delta === 'string') {
      const key = channelKey(data, channelSpec.suffix);
      if (!this.templates.has(key)) this.templates.set(key, { type, fields: identity(data) });
      data.delta = this.ex.channel(key, channelSpec.kind, channelSpec.scan).push(data.delta);
      return [this.out(e, data)];
    }
    const doneSpec = DONE_EVENTS[type];
    if (doneSpec) {
      const suffix = DELTA_CHANNELS[doneSpec.delta]!.suffix;
      const flushed = this.flushKey(channelKey(data, suffix), data);
      const value = data[doneSpec.field];
      if (typeof value === 'string') data[doneSpec.field] = this.ex.restoreSnapshot(value, doneSpec.kind);
      return [...flushed, this.out(e, data)];
    }
    if (type === 'response.output_item.added' || type === 'response.output_item.done') {
      const item = data.item;
      const flushed = type === 'response.output_item.done' && isRecord(item) && typeof item.id === 'string' ? this.flushPrefix(`i:${item.id}:`, data) : [];
      restoreItem(item, (raw, kind) => this.ex.restoreSnapshot(raw, kind), this.ex);
      return [...flushed, this.out(e, data)];
    }
    if (type === 'response.content_part.added' || type === 'response.content_part.done') {
      restorePart(data.part, (raw, kind) => this.ex.restoreSnapshot(raw, kind), this.ex);
      return [this.out(e, data)];
    }
    if (SNAPSHOT_EVENTS.has(type)) {
      const terminal = type === 'response.completed' || type === 'response.failed' || type === 'response.incomplete';
      const flushed = terminal ? this.flushPrefix('i:', data) : [];
      restoreResponseObject(data.response, (raw, kind) => this.ex.restoreSnapshot(raw, kind), this.ex);
      return [...flushed, this.out(e, data)];
    }
    // Reasoning events, annotations, tool progress and unknown events: untouched
    // (apart from the sequence shift, when flushes were inserted before them).
    return [this.offset === 0 ? e : this.out(e, data)];
  }

  end(): SseEvent[] {
    return this.flushPrefix('i:', undefined);
  }

  errorEvent(code: string, message: string): SseEvent {
    return { event: 'error', data: JSON.stringify({ type: 'error', code, message, param: null, sequence_number: 0 }) };
  }

  /** Re-serialises an event, shifting its sequence number past any inserted flushes. */
  private out(e: SseEvent, data: Record<string, unknown>): SseEvent {
    if (typeof data.sequence_number === 'number') data.sequence_number += this.offset;
    return withData(e, data);
  }

  private flushKey(key: string, before: Record<string, unknown> | undefined): SseEvent[] {
    const channel = this.ex.existingChannel(key);
    if (!channel) return [];
    const rest = channel.end();
    const template = this.templates.get(key);
    if (rest === '' || !template) return [];
    const seq = before && typeof before.sequence_number === 'number' ? before.sequence_number + this.offset : undefined;
    this.offset++;
    const event = { type: template.type, ...template.fields, delta: rest, ...(seq === undefined ? {} : { sequence_number: seq }) };
    return [{ event: template.type, data: JSON.stringify(event) }];
  }

  private flushPrefix(prefix: string, before: Record<string, unknown> | undefined): SseEvent[] {
    const out: SseEvent[] = [];
    for (const [key] of this.ex.openChannels(prefix)) out.push(...this.flushKey(key, before));
    return out;
  }
}

function channelKey(data: Record<string, unknown>, suffix: string): string {
  const item = typeof data.item_id === 'string' ? data.item_id : `#${String(data.output_index ?? 0)}`;
  const part = typeof data.content_index === 'number' ? data.content_index : 0;
  return `i:${item}:${part}:${suffix}`;
}

function identity(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['item_id', 'output_index', 'content_index']) if (data[k] !== undefined) out[k] = data[k];
  return out;
}
