import type { EventMetadata } from '@takumo/cloud';
import { VERSION } from '../version.js';

/**
 * HTTP client for the Takumo Cloud API (`/api/v1`). Every call has a timeout; errors are
 * typed values whose messages carry the route and the status — never the token, never a
 * request body — so they can be printed as they are.
 */
export type CloudErrorKind = 'unreachable' | 'timeout' | 'unauthorized' | 'forbidden' | 'rejected' | 'server' | 'protocol';

export class CloudClientError extends Error {
  constructor(
    readonly kind: CloudErrorKind,
    message: string,
    readonly status?: number,
    readonly serverCode?: string,
  ) {
    super(message);
    this.name = 'CloudClientError';
  }

  /** Worth retrying later: the cloud was down, slow or failing, not refusing us. */
  get retryable(): boolean {
    return this.kind === 'unreachable' || this.kind === 'timeout' || this.kind === 'server' || this.status === 429;
  }
}

export interface Me {
  org: { id: string; name: string; plan: string; zdr: boolean };
  principal: { type: string; id: string; role: string; scopes: string[] };
}

/** Metadata of one audit event as the agent sends it (see event-queue.ts for the rules). */
export interface AgentEvent extends EventMetadata {
  type: string;
  agentReportedAt: string;
}

export interface Receipt {
  seq: number;
  leafHash: string;
}

export interface AuditEntry {
  seq: number;
  leafHash: string;
  leaf: string | null;
}

export type PolicyResponse =
  | { status: 'unchanged' }
  | { status: 'updated'; version: number; policy: Record<string, unknown>; etag: string | undefined };

export interface CloudClientOptions {
  url: string;
  token: string;
  /** Per-request timeout. */
  timeoutMs?: number;
}

export class CloudClient {
  readonly url: string;
  private readonly token: string;
  private readonly timeoutMs: number;

  constructor(options: CloudClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.token = options.token;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async me(): Promise<Me> {
    const body = await this.json('GET', '/api/v1/me');
    const me = body as Me;
    if (!me?.org || typeof me.org.id !== 'string' || typeof me.org.zdr !== 'boolean' || !me.principal) {
      throw protocol('/api/v1/me');
    }
    return me;
  }

  async postEvents(agentId: string, events: AgentEvent[], timeoutMs?: number): Promise<{ receipts: Receipt[]; treeSize: number }> {
    const body = (await this.json('POST', '/api/v1/events', { agentId, events }, timeoutMs)) as {
      receipts?: Receipt[];
      treeSize?: number;
    };
    if (!Array.isArray(body?.receipts) || body.receipts.length !== events.length) throw protocol('/api/v1/events');
    for (const r of body.receipts) {
      if (!Number.isSafeInteger(r?.seq) || typeof r.leafHash !== 'string') throw protocol('/api/v1/events');
    }
    return { receipts: body.receipts, treeSize: Number(body.treeSize) };
  }

  async policy(etag?: string): Promise<PolicyResponse> {
    const response = await this.send('GET', '/api/v1/policy', undefined, etag ? { 'if-none-match': etag } : {});
    if (response.status === 304) return { status: 'unchanged' };
    const body = (await this.readJson(response, '/api/v1/policy')) as { version?: unknown; policy?: unknown };
    if (!Number.isSafeInteger(body?.version) || typeof body.policy !== 'object' || body.policy === null) {
      throw protocol('/api/v1/policy');
    }
    return {
      status: 'updated',
      version: body.version as number,
      policy: body.policy as Record<string, unknown>,
      etag: response.headers.get('etag') ?? undefined,
    };
  }

  async auditKey(): Promise<{ origin: string; verifierKey: string }> {
    const body = (await this.json('GET', '/api/v1/audit/key')) as { origin?: unknown; verifierKey?: unknown };
    if (typeof body?.origin !== 'string' || typeof body.verifierKey !== 'string') throw protocol('/api/v1/audit/key');
    return { origin: body.origin, verifierKey: body.verifierKey };
  }

  /** The signed checkpoint note, decoded as strict UTF-8 (invalid bytes are an error, not U+FFFD). */
  async checkpoint(): Promise<string> {
    const response = await this.send('GET', '/api/v1/audit/checkpoint');
    await this.ensureOk(response, '/api/v1/audit/checkpoint');
    const bytes = new Uint8Array(await response.arrayBuffer());
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw protocol('/api/v1/audit/checkpoint');
    }
  }

  /** Entries with seq in [start, end). */
  async entries(start: number, end: number): Promise<AuditEntry[]> {
    const route = `/api/v1/audit/entries?start=${start}&end=${end}`;
    const body = (await this.json('GET', route)) as { entries?: AuditEntry[] };
    if (!Array.isArray(body?.entries)) throw protocol('/api/v1/audit/entries');
    for (const e of body.entries) {
      if (!Number.isSafeInteger(e?.seq) || typeof e.leafHash !== 'string' || (e.leaf !== null && typeof e.leaf !== 'string')) {
        throw protocol('/api/v1/audit/entries');
      }
    }
    return body.entries;
  }

  async inclusionProof(seq: number, size: number): Promise<Buffer[]> {
    const body = (await this.json('GET', `/api/v1/audit/proof/inclusion?seq=${seq}&size=${size}`)) as { proof?: unknown };
    return decodeProof(body?.proof, '/api/v1/audit/proof/inclusion');
  }

  async consistencyProof(from: number, to: number): Promise<Buffer[]> {
    const body = (await this.json('GET', `/api/v1/audit/proof/consistency?from=${from}&to=${to}`)) as { proof?: unknown };
    return decodeProof(body?.proof, '/api/v1/audit/proof/consistency');
  }

  /** The NDJSON export as a response whose body the caller streams. */
  async exportStream(): Promise<Response> {
    const response = await this.send('GET', '/api/v1/audit/export', undefined, {}, 10 * 60_000);
    await this.ensureOk(response, '/api/v1/audit/export');
    return response;
  }

  async telemetry(payload: Record<string, unknown>, timeoutMs: number): Promise<void> {
    const response = await this.send('POST', '/api/v1/telemetry', payload, {}, timeoutMs);
    await this.ensureOk(response, '/api/v1/telemetry');
    await response.body?.cancel();
  }

  // ---- plumbing ----------------------------------------------------------------------

  private async json(method: string, route: string, body?: unknown, timeoutMs?: number): Promise<unknown> {
    const response = await this.send(method, route, body, {}, timeoutMs);
    return this.readJson(response, route.split('?')[0]!);
  }

  private async readJson(response: Response, route: string): Promise<unknown> {
    await this.ensureOk(response, route);
    try {
      return await response.json();
    } catch {
      throw protocol(route);
    }
  }

  private async send(
    method: string,
    route: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeoutMs = this.timeoutMs,
  ): Promise<Response> {
    const path = route.split('?')[0]!;
    try {
      return await fetch(`${this.url}${route}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          'user-agent': `takumo-cli/${VERSION}`,
          accept: 'application/json, text/plain, application/x-ndjson',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        redirect: 'error', // never follow a redirect with the token to another place
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new CloudClientError('timeout', `the cloud at ${this.url} did not answer ${method} ${path} within ${timeoutMs} ms`);
      }
      const cause = (error as { cause?: { code?: string } })?.cause?.code;
      throw new CloudClientError('unreachable', `cannot reach the cloud at ${this.url}${cause ? ` (${cause})` : ''}`);
    }
  }

  private async ensureOk(response: Response, route: string): Promise<void> {
    if (response.ok) return;
    let serverCode: string | undefined;
    let serverMessage: string | undefined;
    try {
      const body = (await response.json()) as { code?: unknown; message?: unknown; error?: { code?: unknown; message?: unknown } };
      const source = body?.error && typeof body.error === 'object' ? body.error : body;
      if (typeof source?.code === 'string') serverCode = source.code.slice(0, 64);
      if (typeof source?.message === 'string') serverMessage = source.message.slice(0, 300);
    } catch {
      // Not JSON: the status says enough.
    }
    const status = response.status;
    const detail = `${route} answered ${status}${serverMessage ? `: ${serverMessage}` : ''}`;
    if (status === 401) throw new CloudClientError('unauthorized', `the cloud refused the API token (${detail})`, status, serverCode);
    if (status === 403) throw new CloudClientError('forbidden', `the API token is not allowed to do this (${detail})`, status, serverCode);
    if (status >= 500) throw new CloudClientError('server', `the cloud failed (${detail})`, status, serverCode);
    throw new CloudClientError('rejected', `the cloud rejected the request (${detail})`, status, serverCode);
  }
}

function protocol(route: string): CloudClientError {
  return new CloudClientError('protocol', `unexpected answer from ${route}: is this a Takumo Cloud of a compatible version?`);
}

function decodeProof(proof: unknown, route: string): Buffer[] {
  if (!Array.isArray(proof) || proof.length > 128) throw protocol(route);
  return proof.map((p) => {
    if (typeof p !== 'string') throw protocol(route);
    const bytes = Buffer.from(p, 'base64');
    if (bytes.length !== 32 || bytes.toString('base64') !== p) throw protocol(route);
    return bytes;
  });
}
