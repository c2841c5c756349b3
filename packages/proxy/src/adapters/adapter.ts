import type { Exchange } from '../exchange.js';
import type { Dialect } from '../provider-errors.js';
import type { SseEvent } from '../sse.js';

/**
 * One module per protocol implements this: which request fields are tokenized and which
 * travel byte for byte, how a complete answer is restored, and how an answer stream maps
 * to per-block text channels and back. Adding a provider is adding a file.
 */
export interface ProtocolAdapter {
  readonly name: string;
  readonly dialect: Dialect;
  /** Tokenizes every client string of the parsed request body; returns the body to send. */
  tokenizeRequest(body: unknown, ex: Exchange): unknown;
  /** Restores a complete JSON answer (non-streaming); returns the body to send back. */
  restoreResponse(body: unknown, ex: Exchange): unknown;
  /** A rewriter for one SSE answer stream. */
  streamRewriter(ex: Exchange): StreamRewriter;
}

export interface StreamRewriter {
  /** Rewrites one upstream event; returns the events to send (zero or more, in order). */
  event(e: SseEvent): SseEvent[];
  /** Upstream ended: flush whatever is still held (a stream cut mid-token keeps its text). */
  end(): SseEvent[];
  /** True while an answer block is open (Sentinel block mode holds output until it closes). */
  readonly blockOpen: boolean;
  /** The SSE frame that reports an error to this protocol's clients mid-stream. */
  errorEvent(code: string, message: string): SseEvent;
}

/** Parses an event's JSON data; non-JSON data (`[DONE]`, comments) gives undefined. */
export function parseData(e: SseEvent): Record<string, unknown> | undefined {
  if (e.data === undefined || e.data.length === 0 || e.data[0] !== '{') return undefined;
  try {
    const v = JSON.parse(e.data) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function withData(e: SseEvent, data: unknown): SseEvent {
  return { ...e, data: JSON.stringify(data) };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
