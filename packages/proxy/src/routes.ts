import type { IncomingHttpHeaders } from 'node:http';
import { anthropicMessages, openaiChat, openaiResponses, passthrough, type ProtocolAdapter } from './adapters/index.js';
import type { Dialect } from './provider-errors.js';

export interface ResolvedRoute {
  dialect: Dialect;
  adapter: ProtocolAdapter;
  /** Path (with query) to request on the upstream, relative to its base URL. */
  upstreamPath: string;
  /** Path without query, for logs (query strings can hold keys). */
  label: string;
}

const ANTHROPIC_PASSTHROUGH = passthrough('anthropic');
const OPENAI_PASSTHROUGH = passthrough('openai');

/**
 * Picks the provider and the protocol adapter for a request path.
 * `/anthropic/…` and `/openai/…` choose the upstream explicitly, so one proxy serves
 * both; an unprefixed path is routed by what it is (`/v1/messages` is Anthropic's) and,
 * for routes both providers have (`/v1/models`), by the Anthropic-only headers.
 */
export function resolveRoute(rawUrl: string, headers: IncomingHttpHeaders): ResolvedRoute {
  const q = rawUrl.indexOf('?');
  let path = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = q === -1 ? '' : rawUrl.slice(q);
  let dialect: Dialect | undefined;
  if (path === '/anthropic' || path.startsWith('/anthropic/')) {
    dialect = 'anthropic';
    path = path.slice('/anthropic'.length) || '/';
  } else if (path === '/openai' || path.startsWith('/openai/')) {
    dialect = 'openai';
    path = path.slice('/openai'.length) || '/';
  }
  const versioned = path === '/v1' || path.startsWith('/v1/');
  const bare = versioned ? path.slice(3) : path;
  if (!dialect) {
    if (bare.startsWith('/messages') || bare === '/complete') dialect = 'anthropic';
    else if (bare.startsWith('/chat/') || bare.startsWith('/responses')) dialect = 'openai';
    else dialect = headers['anthropic-version'] !== undefined || headers['x-api-key'] !== undefined ? 'anthropic' : 'openai';
  }
  // OpenAI clients configured with a base URL lacking `/v1` still work; Anthropic paths
  // outside /v1 (Claude Code's /api/… calls) are kept as they are.
  const normalized = versioned || dialect === 'anthropic' ? path : `/v1${path === '/' ? '' : path}`;
  return { dialect, adapter: pickAdapter(dialect, normalized), upstreamPath: normalized + query, label: normalized };
}

function pickAdapter(dialect: Dialect, path: string): ProtocolAdapter {
  if (dialect === 'anthropic') {
    return path === '/v1/messages' || path === '/v1/messages/count_tokens' ? anthropicMessages : ANTHROPIC_PASSTHROUGH;
  }
  if (path === '/v1/chat/completions') return openaiChat;
  if (path === '/v1/responses' || /^\/v1\/responses\/[^/]+$/.test(path)) return openaiResponses;
  return OPENAI_PASSTHROUGH;
}

/** Joins an upstream base URL and a request path; a base ending in `/v1` is not doubled. */
export function upstreamUrl(base: string, path: string): URL {
  const url = new URL(base);
  let basePath = url.pathname.replace(/\/+$/, '');
  if (basePath.endsWith('/v1') && (path === '/v1' || path.startsWith('/v1/') || path.startsWith('/v1?'))) {
    basePath = basePath.slice(0, -3);
  }
  const target = new URL(url.origin);
  const q = path.indexOf('?');
  target.pathname = basePath + (q === -1 ? path : path.slice(0, q));
  target.search = q === -1 ? '' : path.slice(q);
  return target;
}
