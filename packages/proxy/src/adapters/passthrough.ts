import type { Dialect } from '../provider-errors.js';
import { COMMON_VERBATIM_KEYS, type RequestPolicy, restoreTree, tokenizeRequestBody } from '../request-walker.js';
import type { SseEvent } from '../sse.js';
import { parseData, type ProtocolAdapter, type StreamRewriter, withData } from './adapter.js';

/**
 * Every other route (model listing, embeddings, batches, files metadata, provider
 * extensions): JSON string values are tokenized except protocol fields, and whole
 * strings in the answer are restored. There is no per-block channel here: such routes
 * do not stream answer text token by token.
 */
const OPAQUE_TYPES: ReadonlySet<string> = new Set(['thinking', 'redacted_thinking', 'reasoning']);

const policy: RequestPolicy = {
  verbatimKeys: COMMON_VERBATIM_KEYS,
  opaqueTypes: OPAQUE_TYPES,
  jsonSourceKeys: new Set(['arguments']),
  freeJson: (parent, key) => key === 'input' && (parent.type === 'tool_use' || parent.type === 'server_tool_use'),
};

const VERBATIM_INBOUND: ReadonlySet<string> = new Set(['id', 'object', 'model', 'signature', 'encrypted_content', 'type']);

export function passthrough(dialect: Dialect): ProtocolAdapter {
  return {
    name: `${dialect}-passthrough`,
    dialect,
    tokenizeRequest: (body, ex) => tokenizeRequestBody(body, ex, policy),
    restoreResponse: (body, ex) => restoreTree(body, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND),
    streamRewriter(ex): StreamRewriter {
      return {
        blockOpen: false,
        event(e: SseEvent): SseEvent[] {
          const data = parseData(e);
          if (!data) return [e];
          return [withData(e, restoreTree(data, (s) => ex.restoreSnapshot(s), OPAQUE_TYPES, VERBATIM_INBOUND))];
        },
        end: () => [],
        errorEvent(code: string, message: string): SseEvent {
          return dialect === 'anthropic'
            ? { event: 'error', data: JSON.stringify({ type: 'error', error: { type: code, message } }) }
            : { data: JSON.stringify({ error: { message, type: code, param: null, code } }) };
        },
      };
    },
  };
}
