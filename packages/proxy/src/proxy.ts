import { once } from 'node:events';
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Duplex, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createSession, type DetectorConfig, type KnownSecret, type Session } from '@takumo/core';
import { initSentinel, scanAnswer, type Severity } from '@takumo/sentinel';
import type { StreamRewriter } from './adapters/index.js';
import { type AnswerScanner, Exchange, type FindingSummary, type SentinelMode } from './exchange.js';
import { type Dialect, errorObject, errorResponse, ProxyError, type ProxyErrorCode } from './provider-errors.js';
import { tokenizeQuery } from './request-walker.js';
import { type ResolvedRoute, resolveRoute, upstreamUrl } from './routes.js';
import { TokenizeCache } from './tokenize-cache.js';
import { serializeSseEvent, SseParser, type SseEvent } from './sse.js';
import { ACCEPTED_ENCODINGS, decodedStream } from './upstream-decoding.js';

export const DEFAULT_ANTHROPIC_UPSTREAM = 'https://api.anthropic.com';
export const DEFAULT_OPENAI_UPSTREAM = 'https://api.openai.com';
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 600_000;

export interface ProxyOptions {
  anthropicUpstream?: string;
  openaiUpstream?: string;
  /** The session whose vault tokenizes and restores; one per proxy process. Created when absent. */
  session?: Session;
  /** Detector configuration for the session the proxy creates. */
  detector?: DetectorConfig;
  /** Values known to be secret (environment, workspace .env files), added to the detector's. */
  knownSecrets?: KnownSecret[];
  /** Sentinel on answers: `report` (default) lists findings, `block` replaces the answer, `off`. */
  sentinel?: SentinelMode;
  /** Lowest severity that blocks in `block` mode (default `high`). */
  sentinelThreshold?: Severity;
  /** The answer scanner; defaults to `scanAnswer` from @takumo/sentinel. */
  scanAnswer?: AnswerScanner;
  /** Largest request body accepted (default 32 MiB, Anthropic's own limit). */
  maxBodyBytes?: number;
  /** Upstream idle timeout: no byte for this long ends the exchange with a 504 (default 10 min). */
  upstreamTimeoutMs?: number;
  /**
   * Reuse the tokenization of strings seen before (conversation history is resent every
   * turn). On by default; memory only, bounded, cleared on close.
   */
  tokenizeCache?: boolean;
  /** Called once per request when it completes (for the terminal line). */
  onRequest?: (record: RequestRecord) => void;
  /** Metadata events (detections, Sentinel findings, requests) for audit; never values. */
  onEvent?: (event: ProxyEvent) => void;
}

/** What happened to one request: metadata only, safe to print and to send to the cloud. */
export interface RequestRecord {
  method: string;
  route: string;
  provider: Dialect;
  status: number;
  durationMs: number;
  streamed: boolean;
  /** Tokenized secrets by category, e.g. `{ KEY: 2, CONN: 1 }`. */
  tokenized: Record<string, number>;
  restored: number;
  unrestorable: number;
  sentinel: FindingSummary[];
  blocked: boolean;
  /** Takumo's own error code when Takumo answered instead of the provider. */
  error?: ProxyErrorCode;
  /** The client went away before the answer was complete (upstream request aborted). */
  aborted: boolean;
}

export type ProxyEvent =
  | { type: 'detection'; route: string; provider: Dialect; rule: string; category: string; count: number }
  | { type: 'sentinel'; route: string; provider: Dialect; rule: string; category: string; severity: Severity; blocked: boolean }
  | { type: 'request'; record: RequestRecord };

export interface ProxyStats {
  requests: number;
  errors: number;
  tokenized: Record<string, number>;
  restored: number;
  unrestorable: number;
  sentinelFindings: number;
  blocked: number;
  aborted: number;
}

export interface ProxyAddress {
  host: string;
  port: number;
  /** `http://host:port` */
  url: string;
}

export interface Proxy {
  listen(port?: number, host?: string): Promise<ProxyAddress>;
  /** Stops accepting, ends open exchanges, and destroys the session it created. */
  close(): Promise<void>;
  readonly stats: ProxyStats;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);

export function createProxy(options: ProxyOptions = {}): Proxy {
  const ownsSession = options.session === undefined;
  const session =
    options.session ??
    createSession({
      config: { ...options.detector, knownSecrets: [...(options.detector?.knownSecrets ?? []), ...(options.knownSecrets ?? [])] },
    });
  const upstreams: Record<Dialect, string> = {
    anthropic: options.anthropicUpstream ?? DEFAULT_ANTHROPIC_UPSTREAM,
    openai: options.openaiUpstream ?? DEFAULT_OPENAI_UPSTREAM,
  };
  for (const base of Object.values(upstreams)) new URL(base); // invalid URLs fail at creation, not per request
  const sentinel = {
    mode: options.sentinel ?? 'report',
    threshold: options.sentinelThreshold ?? 'high',
    scan: options.scanAnswer ?? ((text: string, o: { filename?: string; language?: string }) => scanAnswer(text, o)),
  } as const;
  // Load the real parsers (tree-sitter grammars) in the background: answers scanned before
  // they are ready use Sentinel's text analysis, so the first request never waits on them.
  if (options.scanAnswer === undefined && sentinel.mode !== 'off') initSentinel().catch(() => undefined);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  // No Nagle delay on upstream sockets: request bodies and small SSE frames go out at once.
  const agents = { http: new http.Agent({ keepAlive: true, noDelay: true }), https: new https.Agent({ keepAlive: true, noDelay: true }) };
  const stats: ProxyStats = { requests: 0, errors: 0, tokenized: {}, restored: 0, unrestorable: 0, sentinelFindings: 0, blocked: 0, aborted: 0 };
  const sockets = new Set<Socket>();
  const cache = options.tokenizeCache === false ? undefined : new TokenizeCache();

  const emit = (event: ProxyEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // An audit hook must never break the user's request.
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => refuseUpgrade(req, socket));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const route = resolveRoute(req.url ?? '/', req.headers);
    const ex = new Exchange(session, sentinel, cache);
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      route: route.label,
      provider: route.dialect,
      status: 0,
      durationMs: 0,
      streamed: false,
      tokenized: {},
      restored: 0,
      unrestorable: 0,
      sentinel: [],
      blocked: false,
      aborted: false,
    };
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      record.durationMs = Math.round((performance.now() - started) * 10) / 10;
      record.status = record.status || res.statusCode;
      record.tokenized = Object.fromEntries(ex.tokenized);
      record.restored = ex.restored;
      record.unrestorable = ex.unrestorable;
      record.sentinel = [...ex.findings];
      record.blocked = ex.blocked;
      updateStats(record);
      for (const [rule, r] of ex.rules) emit({ type: 'detection', route: record.route, provider: record.provider, rule, category: r.category, count: r.count });
      for (const f of ex.findings) emit({ type: 'sentinel', route: record.route, provider: record.provider, ...f, blocked: ex.blocked });
      emit({ type: 'request', record });
      try {
        options.onRequest?.(record);
      } catch {
        // Logging must not break the proxy.
      }
    };
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
      finish();
    });

    const fail = (error: ProxyError): void => {
      record.error = error.code;
      const r = errorResponse(route.dialect, error);
      record.status = r.status;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(r.status, { ...r.headers, 'content-length': Buffer.byteLength(r.body) }).end(r.body);
    };

    let outbound: Buffer | undefined;
    let upstreamPath: string;
    try {
      outbound = await readAndTokenize(req, route, ex);
      upstreamPath = tokenizePathQuery(route.upstreamPath, ex);
    } catch (error) {
      fail(asProxyError(error));
      return;
    }
    if (res.destroyed) return;
    await forward(req, res, { ...route, upstreamPath }, ex, outbound, record, fail);
  }

  async function readAndTokenize(req: IncomingMessage, route: ResolvedRoute, ex: Exchange): Promise<Buffer | undefined> {
    const raw = await readBody(req, maxBody);
    if (raw.length === 0) return undefined;
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    const bodyText = await decodeRequestBody(raw, req.headers['content-encoding']);
    if (type.includes('json') || (type === '' && /^\s*[[{]/.test(bodyText))) {
      // The walk over the body is recursive: refuse hostile nesting before it starts.
      if (nestingDepthExceeds(bodyText, MAX_JSON_DEPTH)) {
        throw new ProxyError('TAKUMO_E_BAD_JSON', `the request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(bodyText);
      } catch {
        throw new ProxyError('TAKUMO_E_BAD_JSON', 'the request body is not valid JSON');
      }
      let tokenized: unknown;
      try {
        tokenized = route.adapter.tokenizeRequest(parsed, ex);
      } catch (error) {
        if (error instanceof ProxyError) throw error;
        throw new ProxyError('TAKUMO_E_TOKENIZE_FAILED', 'tokenizing the request failed; nothing was sent to the provider');
      }
      return Buffer.from(JSON.stringify(tokenized), 'utf8');
    }
    if (type.includes('x-www-form-urlencoded')) {
      // Percent-encoding hides a value from the detector (`postgres%3A%2F%2F…`): each name
      // and value is decoded, tokenized, and encoded again.
      return Buffer.from(tokenizeQuery(`?${bodyText}`, ex).slice(1), 'utf8');
    }
    if (type.startsWith('text/')) {
      return Buffer.from(ex.tokenize(bodyText), 'utf8');
    }
    throw new ProxyError(
      'TAKUMO_E_UNSUPPORTED_BODY',
      `request bodies of type "${type.split(';')[0] || 'unknown'}" cannot be inspected, so they are not forwarded`,
    );
  }

  async function forward(
    req: IncomingMessage,
    res: ServerResponse,
    route: ResolvedRoute,
    ex: Exchange,
    body: Buffer | undefined,
    record: RequestRecord,
    fail: (e: ProxyError) => void,
  ): Promise<void> {
    const target = upstreamUrl(upstreams[route.dialect], route.upstreamPath);
    const headers = forwardHeaders(req.headers);
    headers['host'] = target.host;
    if (body) headers['content-length'] = String(body.length);
    const transport = target.protocol === 'https:' ? https : http;
    const upstreamReq = transport.request(target, {
      method: req.method,
      headers,
      agent: target.protocol === 'https:' ? agents.https : agents.http,
    });
    const abortUpstream = (): void => {
      if (!res.writableFinished) upstreamReq.destroy();
    };
    res.on('close', abortUpstream);
    upstreamReq.setTimeout(timeoutMs, () => upstreamReq.destroy(new ProxyError('TAKUMO_E_UPSTREAM_TIMEOUT', `the provider sent nothing for ${Math.round(timeoutMs / 1000)} s`)));

    let upstreamRes: IncomingMessage;
    try {
      const response = once(upstreamReq, 'response') as Promise<[IncomingMessage]>;
      upstreamReq.end(body);
      [upstreamRes] = await response;
    } catch (error) {
      if (res.destroyed) return;
      fail(upstreamFailure(error));
      return;
    }
    record.status = upstreamRes.statusCode ?? 502;
    const contentType = String(upstreamRes.headers['content-type'] ?? '').toLowerCase();
    const status = upstreamRes.statusCode ?? 502;

    if (status >= 400 || !(contentType.includes('text/event-stream') || contentType.includes('json'))) {
      // Upstream errors and opaque bodies pass through faithfully, encoding included.
      res.writeHead(status, upstreamRes.statusMessage, responseHeaders(upstreamRes.headers, false));
      await pipeline(upstreamRes, res).catch(() => upstreamReq.destroy());
      return;
    }
    const decoded = decodedStream(upstreamRes, upstreamRes.headers['content-encoding'] as string | undefined);
    if (!decoded) {
      upstreamRes.destroy();
      fail(new ProxyError('TAKUMO_E_UPSTREAM_BAD_RESPONSE', 'the provider answered in an encoding Takumo cannot read'));
      return;
    }
    if (contentType.includes('text/event-stream')) {
      record.streamed = true;
      await streamAnswer(res, status, upstreamRes, decoded, route.adapter.streamRewriter(ex), ex, upstreamReq);
      return;
    }
    let text: string;
    try {
      text = await readAll(decoded);
    } catch (error) {
      if (res.destroyed) return;
      fail(upstreamFailure(error));
      return;
    }
    let out: string;
    let parsed: unknown;
    let isJson = true;
    try {
      parsed = JSON.parse(text);
    } catch {
      isJson = false;
    }
    try {
      if (!isJson) throw new SyntaxError('not one JSON document');
      out = JSON.stringify(route.adapter.restoreResponse(parsed, ex));
    } catch {
      // JSON lines (`application/x-ndjson`), or JSON the adapter cannot walk (hostile
      // nesting): the body is still JSON text, so restored values are JSON-escaped there.
      out = session.rehydrate(text, { json: true });
    }
    if (ex.blocked) {
      fail(new ProxyError('TAKUMO_E_SENTINEL_BLOCKED', ex.blockMessage()));
      return;
    }
    const h = responseHeaders(upstreamRes.headers, true);
    h['content-length'] = String(Buffer.byteLength(out));
    res.writeHead(status, upstreamRes.statusMessage, h);
    res.end(out);
  }

  async function streamAnswer(
    res: ServerResponse,
    status: number,
    upstreamRes: IncomingMessage,
    decoded: Readable,
    rewriter: StreamRewriter,
    ex: Exchange,
    upstreamReq: http.ClientRequest,
  ): Promise<void> {
    res.writeHead(status, upstreamRes.statusMessage, responseHeaders(upstreamRes.headers, true));
    res.flushHeaders();
    const parser = new SseParser();
    const holdBlocks = sentinel.mode === 'block';
    let held: SseEvent[] = [];
    let stopped = false;

    /** Sends events unless Sentinel blocked the answer; in block mode holds them while a block is open. */
    const emitEvents = async (events: SseEvent[]): Promise<void> => {
      if (stopped) return;
      if (ex.blocked) {
        stopped = true;
        held = [];
        await write(res, serializeSseEvent(rewriter.errorEvent('takumo_sentinel_blocked', `Takumo: ${ex.blockMessage()} (TAKUMO_E_SENTINEL_BLOCKED)`)));
        return;
      }
      if (holdBlocks && rewriter.blockOpen) {
        held.push(...events);
        return;
      }
      const all = held.length > 0 ? [...held, ...events] : events;
      held = [];
      if (all.length === 0) return;
      let text = '';
      for (const e of all) text += serializeSseEvent(e);
      await write(res, text);
    };

    try {
      for await (const chunk of decoded) {
        for (const e of parser.push(chunk as Buffer)) {
          await emitEvents(rewriter.event(e));
          if (stopped) break;
        }
        if (stopped || res.destroyed) break;
      }
      if (!stopped && !res.destroyed) {
        const rest: SseEvent[] = [];
        for (const e of parser.end()) rest.push(...rewriter.event(e));
        rest.push(...rewriter.end());
        // Every channel is flushed now, so nothing stays held: a block cut off mid-way
        // still delivers its text (or the Sentinel error, when it was blocked).
        await emitEvents(rest);
      }
    } catch (error) {
      if (!res.destroyed && !stopped) {
        const e = upstreamFailure(error);
        // Text already received is delivered before the error, never dropped.
        await emitEvents(rewriter.end()).catch(() => undefined);
        if (!stopped) await write(res, serializeSseEvent(rewriter.errorEvent(e.code === 'TAKUMO_E_UPSTREAM_TIMEOUT' ? 'timeout_error' : 'api_error', `Takumo: ${e.message} (${e.code})`))).catch(() => undefined);
      }
    } finally {
      if (stopped) upstreamReq.destroy();
      if (!res.destroyed) res.end();
    }
  }

  function updateStats(r: RequestRecord): void {
    stats.requests++;
    if (r.status >= 400 || r.error) stats.errors++;
    for (const [cat, n] of Object.entries(r.tokenized)) stats.tokenized[cat] = (stats.tokenized[cat] ?? 0) + n;
    stats.restored += r.restored;
    stats.unrestorable += r.unrestorable;
    stats.sentinelFindings += r.sentinel.length;
    if (r.blocked) stats.blocked++;
    if (r.aborted) stats.aborted++;
  }

  return {
    stats,
    async listen(port = 8787, host = '127.0.0.1'): Promise<ProxyAddress> {
      server.listen(port, host);
      await once(server, 'listening');
      const a = server.address() as AddressInfo;
      const shownHost = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      return { host: a.address, port: a.port, url: `http://${shownHost}:${a.port}` };
    },
    async close(): Promise<void> {
      const closed = server.listening ? new Promise<void>((r) => server.close(() => r())) : Promise.resolve();
      server.closeIdleConnections?.();
      for (const s of sockets) s.destroy();
      await closed;
      agents.http.destroy();
      agents.https.destroy();
      cache?.clear();
      if (ownsSession && !session.destroyed) session.destroy();
    },
  };
}

/** Deeper request bodies are refused (real requests nest a few dozen levels at most). */
export const MAX_JSON_DEPTH = 512;

/** Whether the JSON text opens more than `max` arrays/objects at once (strings skipped); one linear pass. */
function nestingDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
    }
  }
  return false;
}

/** The upstream path with its query string tokenized (the path itself is protocol). */
function tokenizePathQuery(path: string, ex: Exchange): string {
  const q = path.indexOf('?');
  return q === -1 ? path : path.slice(0, q) + tokenizeQuery(path.slice(q), ex);
}

function forwardHeaders(h: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(h)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name === 'accept-encoding' || name === 'content-encoding') continue;
    out[name] = value;
  }
  out['accept-encoding'] = ACCEPTED_ENCODINGS;
  return out;
}

function responseHeaders(h: IncomingHttpHeaders, decoded: boolean): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(h)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    if (decoded && (name === 'content-encoding' || name === 'content-length')) continue;
    out[name] = value;
  }
  if (!decoded && h['content-length'] !== undefined) out['content-length'] = h['content-length'];
  return out;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  let size = 0;
  let tooLarge = declared > limit;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) tooLarge = true;
    // Keep draining so the client can read the error, but stop keeping the bytes.
    if (!tooLarge) chunks.push(chunk as Buffer);
  }
  if (tooLarge) throw new ProxyError('TAKUMO_E_BODY_TOO_LARGE', `the request body is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  return Buffer.concat(chunks);
}

async function decodeRequestBody(raw: Buffer, encoding: string | string[] | undefined): Promise<string> {
  const e = String(encoding ?? '').trim().toLowerCase();
  if (e === '' || e === 'identity') return raw.toString('utf8');
  const { Readable } = await import('node:stream');
  const stream = decodedStream(Readable.from([raw]), e);
  if (!stream) throw new ProxyError('TAKUMO_E_UNSUPPORTED_BODY', `request bodies encoded as "${e}" cannot be inspected, so they are not forwarded`);
  try {
    return await readAll(stream);
  } catch {
    throw new ProxyError('TAKUMO_E_BAD_JSON', `the request body could not be decoded as ${e}`);
  }
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes and waits for the client to take it (backpressure), or for it to go away. */
async function write(res: ServerResponse, text: string): Promise<void> {
  if (res.destroyed) return;
  if (res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function asProxyError(error: unknown): ProxyError {
  if (error instanceof ProxyError) return error;
  return new ProxyError('TAKUMO_E_TOKENIZE_FAILED', 'the request could not be processed; nothing was sent to the provider');
}

function upstreamFailure(error: unknown): ProxyError {
  if (error instanceof ProxyError) return error;
  if (error instanceof RangeError) return new ProxyError('TAKUMO_E_UPSTREAM_BAD_RESPONSE', 'the provider sent a stream Takumo cannot read');
  const code = (error as { code?: unknown })?.code;
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') return new ProxyError('TAKUMO_E_UPSTREAM_TIMEOUT', 'the provider did not answer in time');
  return new ProxyError(
    'TAKUMO_E_UPSTREAM_UNREACHABLE',
    `the provider could not be reached${typeof code === 'string' ? ` (${code})` : ''}`,
  );
}

/**
 * Responses over WebSocket (Codex tries it first): the proxy cannot inspect that
 * transport yet, so it answers at once with an error and the client falls back to
 * HTTP + SSE, which it can.
 */
function refuseUpgrade(req: IncomingMessage, socket: Duplex): void {
  const route = resolveRoute(req.url ?? '/', req.headers);
  const body = JSON.stringify(
    errorObject(route.dialect, 'TAKUMO_E_WEBSOCKET_UNSUPPORTED', 'WebSocket transport is not supported by the Takumo proxy; use HTTP (Codex: supports_websockets = false)'),
  );
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 426 Upgrade Required\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\nx-takumo-error: TAKUMO_E_WEBSOCKET_UNSUPPORTED\r\n\r\n${body}`,
  );
}
