import type { ChannelKind, Exchange, ScanKind } from '../exchange.js';
import { COMMON_VERBATIM_KEYS, type RequestPolicy, restoreTree, tokenizeRequestBody } from '../request-walker.js';
import type { SseEvent } from '../sse.js';
import { isRecord, parseData, type ProtocolAdapter, type StreamRewriter, withData } from './adapter.js';

/**
 * OpenAI Chat Completions (`/v1/chat/completions`), also spoken by most
 * OpenAI-compatible providers. Tool-call `arguments` are JSON source in a string: their
 * literals are tokenized outbound and their channel restores JSON-escaped values.
 * `reasoning_content` (added by compatible providers) is the model's own reasoning and
 * travels untouched, like Anthropic thinking.
 */
const policy: RequestPolicy = {
  verbatimKeys: new Set([...COMMON_VERBATIM_KEYS, 'reasoning_content', 'user', 'modalities', 'voice', 'format']),
  opaqueTypes: new Set(),
  jsonSourceKeys: new Set(['arguments']),
  freeJson: () => false,
};

const NO_OPAQUE: ReadonlySet<string> = new Set();
const VERBATIM_INBOUND: ReadonlySet<string> = new Set(['id', 'object', 'model', 'reasoning_content', 'system_fingerprint', 'obfuscation']);

export const openaiChat: ProtocolAdapter = {
  name: 'openai-chat',
  dialect: 'openai',

  tokenizeRequest(body, ex) {
    return tokenizeRequestBody(body, ex, policy);
  },

  restoreResponse(body, ex) {
    if (!isRecord(body) || !Array.isArray(body.choices)) {
      return restoreTree(body, (s) => ex.restoreSnapshot(s), NO_OPAQUE, VERBATIM_INBOUND);
    }
    for (const choice of body.choices) {
      if (!isRecord(choice) || !isRecord(choice.message)) continue;
      const m = choice.message;
      if (typeof m.content === 'string') m.content = ex.restoreBlock(m.content, 'text');
      else if (m.content !== undefined) restoreTree(m.content, (s) => ex.restoreBlock(s, 'text'), NO_OPAQUE, VERBATIM_INBOUND);
      if (typeof m.refusal === 'string') m.refusal = ex.restoreBlock(m.refusal, 'text');
      if (Array.isArray(m.tool_calls)) {
        for (const tc of m.tool_calls) {
          if (!isRecord(tc)) continue;
          if (isRecord(tc.function) && typeof tc.function.arguments === 'string') {
            tc.function.arguments = ex.restoreBlock(tc.function.arguments, 'json');
          }
          if (isRecord(tc.custom) && typeof tc.custom.input === 'string') {
            tc.custom.input = ex.restoreBlock(tc.custom.input, 'text', 'tool-raw');
          }
        }
      }
      if (isRecord(m.function_call) && typeof m.function_call.arguments === 'string') {
        m.function_call.arguments = ex.restoreBlock(m.function_call.arguments, 'json');
      }
    }
    return body;
  },

  streamRewriter(ex) {
    return new ChatStream(ex);
  },
};

/** Channel keys: `c:<choice>:content`, `c:<choice>:refusal`, `c:<choice>:tool:<k>`, `c:<choice>:custom:<k>`, `c:<choice>:fn`. */
class ChatStream implements StreamRewriter {
  private last: Record<string, unknown> = {};

  constructor(private readonly ex: Exchange) {}

  get blockOpen(): boolean {
    return this.ex.openChannelCount > 0;
  }

  event(e: SseEvent): SseEvent[] {
    if (e.data !== undefined && e.data.trim() === '[DONE]') return [...this.flushAll(), e];
    const data = parseData(e);
    if (!data || !Array.isArray(data.choices)) return [e];
    this.last = { id: data.id, object: data.object, created: data.created, model: data.model };
    let changed = false;
    for (const choice of data.choices) {
      if (!isRecord(choice)) continue;
      const i = typeof choice.index === 'number' ? choice.index : 0;
      const delta = isRecord(choice.delta) ? choice.delta : undefined;
      if (delta) changed = this.rewriteDelta(i, delta) || changed;
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
        const open = this.ex.openChannels(`c:${i}:`);
        if (open.length > 0) {
          const target = delta ?? (choice.delta = {});
          for (const [key, channel] of open) addToDelta(target as Record<string, unknown>, key, channel.end());
          changed = true;
        }
      }
    }
    return [changed ? withData(e, data) : e];
  }

  end(): SseEvent[] {
    return this.flushAll();
  }

  errorEvent(code: string, message: string): SseEvent {
    return { data: JSON.stringify({ error: { message, type: code, param: null, code } }) };
  }

  private rewriteDelta(i: number, delta: Record<string, unknown>): boolean {
    let changed = false;
    const push = (key: string, kind: ChannelKind, scan: ScanKind, value: string): string => {
      changed = true;
      return this.ex.channel(key, kind, scan).push(value);
    };
    if (typeof delta.content === 'string') delta.content = push(`c:${i}:content`, 'text', 'text', delta.content);
    if (typeof delta.refusal === 'string') delta.refusal = push(`c:${i}:refusal`, 'text', 'text', delta.refusal);
    if (Array.isArray(delta.tool_calls)) {
      for (const tc of delta.tool_calls) {
        if (!isRecord(tc)) continue;
        const k = typeof tc.index === 'number' ? tc.index : 0;
        if (isRecord(tc.function) && typeof tc.function.arguments === 'string') {
          tc.function.arguments = push(`c:${i}:tool:${k}`, 'json', 'tool-json', tc.function.arguments);
        }
        if (isRecord(tc.custom) && typeof tc.custom.input === 'string') {
          tc.custom.input = push(`c:${i}:custom:${k}`, 'text', 'tool-raw', tc.custom.input);
        }
      }
    }
    if (isRecord(delta.function_call) && typeof delta.function_call.arguments === 'string') {
      delta.function_call.arguments = push(`c:${i}:fn`, 'json', 'tool-json', delta.function_call.arguments);
    }
    return changed;
  }

  /** Upstream ended without finish_reason: each held tail goes out in a chunk of its own. */
  private flushAll(): SseEvent[] {
    const out: SseEvent[] = [];
    for (const [key, channel] of this.ex.openChannels('c:')) {
      const rest = channel.end();
      if (rest === '') continue;
      const i = Number(key.split(':')[1]);
      const delta: Record<string, unknown> = {};
      addToDelta(delta, key, rest);
      out.push({ data: JSON.stringify({ ...this.last, choices: [{ index: i, delta, finish_reason: null }] }) });
    }
    return out;
  }
}

function addToDelta(delta: Record<string, unknown>, key: string, rest: string): void {
  if (rest === '') return;
  const [, , what, k] = key.split(':');
  if (what === 'content' || what === 'refusal') {
    delta[what] = (typeof delta[what] === 'string' ? (delta[what] as string) : '') + rest;
    return;
  }
  if (what === 'fn') {
    const fc = isRecord(delta.function_call) ? delta.function_call : (delta.function_call = {});
    (fc as Record<string, unknown>).arguments = (typeof (fc as Record<string, unknown>).arguments === 'string' ? (fc as Record<string, string>).arguments : '') + rest;
    return;
  }
  const index = Number(k);
  const calls = Array.isArray(delta.tool_calls) ? (delta.tool_calls as unknown[]) : (delta.tool_calls = []) as unknown[];
  let entry = calls.find((c) => isRecord(c) && c.index === index) as Record<string, unknown> | undefined;
  if (!entry) {
    entry = { index };
    calls.push(entry);
  }
  const field = what === 'tool' ? 'function' : 'custom';
  const prop = what === 'tool' ? 'arguments' : 'input';
  const holder = isRecord(entry[field]) ? (entry[field] as Record<string, unknown>) : (entry[field] = {}) as Record<string, unknown>;
  holder[prop] = (typeof holder[prop] === 'string' ? (holder[prop] as string) : '') + rest;
}
