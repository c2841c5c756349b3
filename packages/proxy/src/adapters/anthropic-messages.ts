import type { Exchange } from '../exchange.js';
import { COMMON_VERBATIM_KEYS, type RequestPolicy, restoreTree, tokenizeRequestBody } from '../request-walker.js';
import type { SseEvent } from '../sse.js';
import { isRecord, parseData, type ProtocolAdapter, type StreamRewriter, withData } from './adapter.js';

/**
 * Anthropic Messages (`/v1/messages`, `/v1/messages/count_tokens`).
 *
 * Thinking and redacted_thinking blocks are signed: they go back to the API exactly as
 * received, so they are never tokenized outbound nor restored inbound. Tool inputs are
 * free JSON: streamed as JSON source (`input_json_delta`), so their channel restores
 * JSON-escaped values.
 */
const OPAQUE_TYPES: ReadonlySet<string> = new Set(['thinking', 'redacted_thinking']);
const TOOL_USE_TYPES: ReadonlySet<string> = new Set(['tool_use', 'server_tool_use', 'mcp_tool_use']);

const BILLING_HEADER_LINE = /^x-anthropic-billing-header:[ -~]{0,512}\n?$/;

const policy: RequestPolicy = {
  verbatimKeys: new Set([...COMMON_VERBATIM_KEYS, 'user_id', 'anthropic_version']),
  opaqueTypes: OPAQUE_TYPES,
  jsonSourceKeys: new Set(),
  freeJson: (parent, key) => key === 'input' && typeof parent.type === 'string' && TOOL_USE_TYPES.has(parent.type),
  // Claude Code puts a per-request billing line in the system prompt; it is not the
  // user's text and changing it would only add prompt-cache misses.
  // Only that one line, whole: a text that merely starts with the words is the user's.
  verbatimString: (value, key) => key === 'text' && BILLING_HEADER_LINE.test(value),
};

const VERBATIM_INBOUND: ReadonlySet<string> = new Set(['id', 'signature', 'type', 'model', 'tool_use_id']);

export const anthropicMessages: ProtocolAdapter = {
  name: 'anthropic-messages',
  dialect: 'anthropic',

  tokenizeRequest(body, ex) {
    return tokenizeRequestBody(body, ex, policy);
  },

  restoreResponse(body, ex) {
    if (!isRecord(body) || !Array.isArray(body.content)) {
      return restoreTree(body, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
    }
    for (const block of body.content) restoreCompleteBlock(block, ex);
    return body;
  },

  streamRewriter(ex) {
    return new AnthropicStream(ex);
  },
};

function restoreCompleteBlock(block: unknown, ex: Exchange): void {
  if (!isRecord(block) || typeof block.type !== 'string' || OPAQUE_TYPES.has(block.type)) return;
  if (block.type === 'text' && typeof block.text === 'string') {
    block.text = ex.restoreBlock(block.text, 'text');
    if (Array.isArray(block.citations)) restoreTree(block.citations, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
    return;
  }
  if (TOOL_USE_TYPES.has(block.type) && block.input !== undefined) {
    block.input = JSON.parse(ex.restoreBlock(JSON.stringify(block.input), 'json')) as unknown;
    return;
  }
  restoreTree(block, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
}

interface OpenBlock {
  key: string;
  deltaType: 'text_delta' | 'input_json_delta';
}

class AnthropicStream implements StreamRewriter {
  private readonly blocks = new Map<number, OpenBlock>();

  constructor(private readonly ex: Exchange) {}

  get blockOpen(): boolean {
    return this.blocks.size > 0;
  }

  event(e: SseEvent): SseEvent[] {
    const data = parseData(e);
    if (!data) return [e];
    switch (data.type) {
      case 'content_block_start':
        return [this.start(e, data)];
      case 'content_block_delta':
        return this.delta(e, data);
      case 'content_block_stop': {
        const index = typeof data.index === 'number' ? data.index : -1;
        return [...this.flush(index), e];
      }
      case 'message_delta':
      case 'message_stop':
        // A block left open by a misbehaving upstream is flushed inside the message.
        return [...this.flushAll(), e];
      default:
        return [e];
    }
  }

  end(): SseEvent[] {
    return this.flushAll();
  }

  errorEvent(code: string, message: string): SseEvent {
    return { event: 'error', data: JSON.stringify({ type: 'error', error: { type: code, message } }) };
  }

  private start(e: SseEvent, data: Record<string, unknown>): SseEvent {
    const index = typeof data.index === 'number' ? data.index : -1;
    const block = data.content_block;
    if (!isRecord(block) || typeof block.type !== 'string' || OPAQUE_TYPES.has(block.type)) return e;
    if (block.type === 'text') {
      const key = `block:${index}`;
      const channel = this.ex.channel(key, 'text');
      this.blocks.set(index, { key, deltaType: 'text_delta' });
      if (typeof block.text === 'string' && block.text.length > 0) {
        block.text = channel.push(block.text);
        return withData(e, data);
      }
      return e;
    }
    if (TOOL_USE_TYPES.has(block.type)) {
      const key = `block:${index}`;
      this.ex.channel(key, 'json', 'tool-json');
      this.blocks.set(index, { key, deltaType: 'input_json_delta' });
      if (isRecord(block.input) && Object.keys(block.input).length > 0) {
        block.input = JSON.parse(this.ex.restoreSnapshot(JSON.stringify(block.input), 'json')) as unknown;
        return withData(e, data);
      }
      return e;
    }
    // Server-tool results and future block types: restore whole strings, keep the rest.
    restoreTree(block, (s) => this.ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
    return withData(e, data);
  }

  private delta(e: SseEvent, data: Record<string, unknown>): SseEvent[] {
    const index = typeof data.index === 'number' ? data.index : -1;
    const delta = data.delta;
    if (!isRecord(delta)) return [e];
    const open = this.blocks.get(index);
    if (delta.type === 'text_delta' && typeof delta.text === 'string' && open) {
      delta.text = this.ex.channel(open.key, 'text').push(delta.text);
      return delta.text === '' ? [] : [withData(e, data)];
    }
    if (delta.type === 'input_json_delta' && typeof delta.partial_json === 'string' && open) {
      delta.partial_json = this.ex.channel(open.key, 'json', 'tool-json').push(delta.partial_json);
      return delta.partial_json === '' ? [] : [withData(e, data)];
    }
    if (delta.type === 'citations_delta' && isRecord(delta.citation)) {
      restoreTree(delta.citation, (s) => this.ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND);
      return [withData(e, data)];
    }
    // thinking_delta, signature_delta and unknown deltas travel untouched.
    return [e];
  }

  private flush(index: number): SseEvent[] {
    const open = this.blocks.get(index);
    if (!open) return [];
    this.blocks.delete(index);
    const channel = this.ex.existingChannel(open.key);
    const rest = channel ? channel.end() : '';
    if (rest === '') return [];
    const delta = open.deltaType === 'text_delta' ? { type: 'text_delta', text: rest } : { type: 'input_json_delta', partial_json: rest };
    return [{ event: 'content_block_delta', data: JSON.stringify({ type: 'content_block_delta', index, delta }) }];
  }

  private flushAll(): SseEvent[] {
    const out: SseEvent[] = [];
    for (const index of [...this.blocks.keys()]) out.push(...this.flush(index));
    return out;
  }
}
