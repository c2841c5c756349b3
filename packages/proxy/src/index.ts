/** @takumo/proxy — the local tokenizing proxy between AI tools and providers. */
export {
  createProxy,
  DEFAULT_ANTHROPIC_UPSTREAM,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_OPENAI_UPSTREAM,
  DEFAULT_UPSTREAM_TIMEOUT_MS,
  type Proxy,
  type ProxyAddress,
  type ProxyEvent,
  type ProxyOptions,
  type ProxyStats,
  type RequestRecord,
} from './proxy.js';
export type { AnswerScanner, FindingSummary, SentinelMode } from './exchange.js';
export { ProxyError, type Dialect, type ProxyErrorCode } from './provider-errors.js';
export { formatRequestJson, formatRequestLine, formatSummary } from './request-log.js';
export { SseParser, serializeSseEvent, type SseEvent } from './sse.js';
export { rewriteJsonStringLiterals } from './json-literals.js';
