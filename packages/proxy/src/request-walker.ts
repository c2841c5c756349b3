import type { Exchange } from './exchange.js';

/**
 * Which parts of a request body are the client's words (tokenized) and which are
 * protocol (left byte for byte). Each protocol adapter supplies its own policy; the
 * walk itself is shared. The default is to tokenize: a string is only left alone when
 * the policy names it, so a new field the provider adds is protected, not leaked.
 */
export interface RequestPolicy {
  /** Keys whose string values are protocol: ids, model names, roles, signatures, … */
  verbatimKeys: ReadonlySet<string>;
  /** Objects with one of these `type`s are opaque (signed thinking, encrypted reasoning). */
  opaqueTypes: ReadonlySet<string>;
  /** Keys holding JSON source text in a string (tool-call arguments). */
  jsonSourceKeys: ReadonlySet<string>;
  /** Whether `parent[key]` is free-form JSON (tool input): every string in it is tokenized. */
  freeJson(parent: Record<string, unknown>, key: string): boolean;
  /** A further per-string exemption (e.g. Claude Code's billing header line). */
  verbatimString?(value: string, key: string, parent: Record<string, unknown>): boolean;
}

/**
 * `data:<mime>;base64,…` — an inline image or file, never text to scan. The whole string
 * must be one: text that only starts like a data URL is still the client's words.
 */
const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+(?:;[\w-]+=[\w.-]+)*;base64,[A-Za-z0-9+/=\r\n]*$/;

export function tokenizeRequestBody(body: unknown, ex: Exchange, policy: RequestPolicy): unknown {
  return walk(body, ex, policy);
}

/**
 * Tokenizes the names and values of a query string (`?a=b&c=d`): a query can carry text
 * as well as a body can. Parts that do not change keep their bytes.
 */
export function tokenizeQuery(query: string, ex: Exchange): string {
  if (query.length <= 1) return query;
  const parts = query.slice(1).split('&');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const eq = part.indexOf('=');
    const pieces = eq === -1 ? [part] : [part.slice(0, eq), part.slice(eq + 1)];
    parts[i] = pieces.map((p) => tokenizeQueryPiece(p, ex)).join('=');
  }
  return `?${parts.join('&')}`;
}

function tokenizeQueryPiece(piece: string, ex: Exchange): string {
  if (piece.length === 0) return piece;
  let decoded: string;
  try {
    decoded = decodeURIComponent(piece.replace(/\+/g, ' '));
  } catch {
    // Malformed percent-encoding: look at the raw text; tokens need no encoding.
    return ex.tokenize(piece);
  }
  const rewritten = ex.tokenize(decoded);
  return rewritten === decoded ? piece : encodeURIComponent(rewritten);
}

function walk(value: unknown, ex: Exchange, policy: RequestPolicy): unknown {
  if (typeof value === 'string') return ex.tokenize(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = walk(value[i], ex, policy);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (typeof obj.type === 'string' && policy.opaqueTypes.has(obj.type)) return obj;
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (typeof v === 'string') {
      if (policy.verbatimKeys.has(key)) continue;
      if (isBinaryPayload(obj, key, v)) continue;
      if (policy.verbatimString?.(v, key, obj)) continue;
      obj[key] = policy.jsonSourceKeys.has(key) ? ex.tokenizeJsonSource(v) : ex.tokenize(v);
    } else if (v !== null && typeof v === 'object') {
      obj[key] = policy.freeJson(obj, key) ? tokenizeFreeJson(v, ex) : walk(v, ex, policy);
    }
  }
  return obj;
}

/** Tool inputs: arbitrary JSON, so key names mean nothing — every string value is tokenized. */
function tokenizeFreeJson(value: unknown, ex: Exchange): unknown {
  if (typeof value === 'string') return ex.tokenize(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = tokenizeFreeJson(value[i], ex);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  // Keys are data here too (a map keyed by connection strings or hostnames); the answer
  // side restores them the same way, since tool input is restored as JSON text.
  const keys = Object.keys(obj);
  const tokenizedKeys = keys.map((k) => ex.tokenize(k));
  if (tokenizedKeys.every((k, i) => k === keys[i])) {
    for (const key of keys) obj[key] = tokenizeFreeJson(obj[key], ex);
    return obj;
  }
  const out: Record<string, unknown> = {};
  keys.forEach((key, i) => {
    // defineProperty: a `__proto__` key stays a plain key, as JSON.parse made it.
    Object.defineProperty(out, tokenizedKeys[i] as string, { value: tokenizeFreeJson(obj[key], ex), enumerable: true, writable: true, configurable: true });
  });
  return out;
}

/** Base64 (standard or URL-safe alphabet, line breaks allowed): no spaces, so never prose. */
const BASE64 = /^[A-Za-z0-9+/=_\r\n-]*$/;

/**
 * Base64 payloads travel byte for byte — but only when the value is base64: a field that
 * is named like one and holds text (a client's own `{format, data}` object) is still text.
 */
function isBinaryPayload(parent: Record<string, unknown>, key: string, value: string): boolean {
  if (key === 'data' && (parent.type === 'base64' || typeof parent.format === 'string')) return BASE64.test(value);
  if (key === 'file_data') return BASE64.test(value) || DATA_URL.test(value);
  return DATA_URL.test(value);
}

/**
 * Restores every string of an answer except opaque parts — the generic inbound walk for
 * routes without a dedicated adapter and for snapshot objects.
 */
export function restoreTree(value: unknown, restore: (s: string) => string, opaqueTypes: ReadonlySet<string>, verbatimKeys: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return restore(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restoreTree(value[i], restore, opaqueTypes, verbatimKeys);
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown>;
  if (typeof obj.type === 'string' && opaqueTypes.has(obj.type)) return obj;
  for (const key of Object.keys(obj)) {
    if (verbatimKeys.has(key)) continue;
    obj[key] = restoreTree(obj[key], restore, opaqueTypes, verbatimKeys);
  }
  return obj;
}

/** Keys that are protocol in every dialect. */
export const COMMON_VERBATIM_KEYS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'role',
  'model',
  'object',
  'signature',
  'encrypted_content',
  'media_type',
  'mime_type',
  'tool_use_id',
  'tool_call_id',
  'call_id',
  'item_id',
  'file_id',
  'previous_response_id',
  'container_id',
  'conversation_id',
  'prompt_cache_key',
  'safety_identifier',
  'service_tier',
  'reasoning_effort',
  'detail',
  'status',
  'tool_choice',
  'stop_reason',
  'finish_reason',
  'name',
]);
