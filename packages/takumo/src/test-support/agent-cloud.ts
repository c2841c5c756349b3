import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  InMemoryTree,
  consistencyProof,
  generateSignerKey,
  inclusionProof,
  leafHash,
  rootAt,
  signCheckpoint,
  type NodeReader,
} from '@takumo/cloud';

/**
 * A small Takumo Cloud speaking the agreed HTTP API on 127.0.0.1:0, for the agent's unit
 * tests: a real HTTP server with a real RFC 6962 log and real signed checkpoints, plus
 * switches to make it fail (down, slow) or lie (edited, re-hashed or deleted entries,
 * another signing key). The end-to-end tests use the real server instead.
 */
export interface AgentCloudOptions {
  token?: string;
  zdr?: boolean;
  origin?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export class AgentCloud {
  readonly token: string;
  zdr: boolean;
  readonly origin: string;
  keys: { signerKey: string; verifierKey: string };
  /** The key the checkpoint is signed with (tests swap it to simulate a forged log). */
  signingKey: string;
  readonly requests: RecordedRequest[] = [];
  /** 'up' answers; 'error' answers 503; 'hang' never answers. */
  mode: 'up' | 'error' | 'hang' = 'up';
  /** Answer this many more requests to POST /api/v1/events with 503 before accepting. */
  failEvents = 0;
  policy: { version: number; policy: Record<string, unknown> } = { version: 1, policy: { detectors: { disabled: [] } } };
  readonly leaves: Array<{ leaf: string | null; hash: Buffer }> = [];
  private tree = new InMemoryTree();
  private deleted = new Set<number>();
  /** Entries whose stored record no longer decrypts: any page including one fails with 500. */
  readonly unreadable = new Set<number>();
  private server: Server | undefined;
  private readonly hanging = new Set<ServerResponse>();
  url = '';

  constructor(options: AgentCloudOptions = {}) {
    this.token = options.token ?? 'tk_test_0123456789abcdef';
    this.zdr = options.zdr ?? false;
    this.origin = options.origin ?? 'takumo.test/audit/org-1';
    this.keys = generateSignerKey(this.origin);
    this.signingKey = this.keys.signerKey;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Appends an event the way the real server does: canonical JSON leaf, time inside it. */
  append(event: Record<string, unknown>): { seq: number; leafHash: string } {
    const seq = this.leaves.length;
    const leaf = JSON.stringify({ v: 1, org: 'org-1', seq, receivedAt: new Date().toISOString(), ...event });
    const hash = leafHash(Buffer.from(leaf, 'utf8'));
    this.leaves.push({ leaf, hash });
    this.tree.appendLeafHash(hash);
    return { seq, leafHash: hash.toString('base64') };
  }

  // ---- ways to lie ----------------------------------------------------------------------
  /** Edits an entry's content (as a direct SQL UPDATE of the payload would). */
  editLeaf(seq: number, leaf: string): void {
    this.leaves[seq]!.leaf = leaf;
  }
  /** Edits content and leaf hash together (the tree's upper nodes stay as they were). */
  rehashLeaf(seq: number, leaf: string): void {
    this.leaves[seq] = { leaf, hash: leafHash(Buffer.from(leaf, 'utf8')) };
  }
  /** Rewrites an entry and rebuilds the whole tree, as a server rewriting history would. */
  rewriteHistory(seq: number, leaf: string): void {
    this.rehashLeaf(seq, leaf);
    this.tree = new InMemoryTree();
    for (const l of this.leaves) this.tree.appendLeafHash(l.hash);
  }
  deleteEntry(seq: number): void {
    this.deleted.add(seq);
  }

  private reader(): NodeReader {
    return {
      node: async (level, index) => (level === 0 ? this.leaves[index]!.hash : this.tree.get(level, index)),
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    this.requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers, body });
    if (this.mode === 'hang') {
      this.hanging.add(res);
      return;
    }
    if (this.mode === 'error') return this.json(res, 503, { code: 'unavailable', message: 'down for maintenance' });
    if (url.pathname === '/healthz') return this.json(res, 200, { ok: true });
    if (req.headers.authorization !== `Bearer ${this.token}`) {
      return this.json(res, 401, { code: 'unauthenticated', message: 'authentication required' });
    }
    const q = (name: string) => Number(url.searchParams.get(name));
    const size = this.leaves.length;
    switch (`${req.method} ${url.pathname}`) {
      case 'GET /api/v1/me':
        return this.json(res, 200, {
          org: { id: 'org-1', name: 'Acme', plan: this.zdr ? 'teams' : 'pro', zdr: this.zdr },
          principal: { type: 'token', id: 'tok-1', role: 'member', scopes: ['events:write', 'audit:read'] },
        });
      case 'POST /api/v1/events': {
        if (this.failEvents > 0) {
          this.failEvents--;
          return this.json(res, 503, { code: 'unavailable', message: 'try again' });
        }
        const parsed = JSON.parse(body) as { agentId: string; events: Array<Record<string, unknown>> };
        if (this.zdr) {
          const bad = parsed.events.flatMap((e) => Object.keys(e)).find((k) => !['type', 'agentReportedAt', 'counts'].includes(k));
          if (bad) return this.json(res, 422, { code: 'zdr_content_rejected', message: `"${bad}" is not accepted` });
        }
        const receipts = parsed.events.map((e) => this.append({ ...e, ...(this.zdr ? {} : { agentId: parsed.agentId }) }));
        return this.json(res, 200, { receipts, treeSize: this.leaves.length });
      }
      case 'GET /api/v1/policy': {
        const etag = `"${this.policy.version}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          return void res.end();
        }
        res.setHeader('etag', etag);
        return this.json(res, 200, this.policy);
      }
      case 'GET /api/v1/audit/key':
        return this.json(res, 200, { origin: this.origin, verifierKey: this.keys.verifierKey });
      case 'GET /api/v1/audit/checkpoint': {
        const note = signCheckpoint({ origin: this.origin, size, rootHash: await rootAt(size, this.reader()) }, this.signingKey);
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end(note);
      }
      case 'GET /api/v1/audit/entries': {
        const start = q('start');
        const end = Math.min(size, url.searchParams.has('end') ? q('end') : size, start + 1000);
        for (const seq of this.unreadable) {
          if (seq >= start && seq < end) return this.json(res, 500, { code: 'internal', message: 'internal error' });
        }
        const entries = [];
        for (let seq = start; seq < end; seq++) {
          if (this.deleted.has(seq)) continue;
          entries.push({ seq, leafHash: this.leaves[seq]!.hash.toString('base64'), leaf: this.leaves[seq]!.leaf });
        }
        return this.json(res, 200, { treeSize: size, entries });
      }
      case 'GET /api/v1/audit/proof/inclusion': {
        const proof = await inclusionProof(q('seq'), url.searchParams.has('size') ? q('size') : size, this.reader());
        return this.json(res, 200, { seq: q('seq'), treeSize: q('size'), proof: proof.map((p) => p.toString('base64')) });
      }
      case 'GET /api/v1/audit/proof/consistency': {
        const proof = await consistencyProof(q('from'), url.searchParams.has('to') ? q('to') : size, this.reader());
        return this.json(res, 200, { from: q('from'), to: q('to'), proof: proof.map((p) => p.toString('base64')) });
      }
      case 'GET /api/v1/audit/export': {
        const root = await rootAt(size, this.reader());
        const lines = [
          JSON.stringify({
            type: 'checkpoint',
            checkpoint: signCheckpoint({ origin: this.origin, size, rootHash: root }, this.signingKey),
            origin: this.origin,
            verifierKey: this.keys.verifierKey,
            treeSize: size,
            rootHash: root.toString('base64'),
          }),
        ];
        for (let seq = 0; seq < size; seq++) {
          if (this.deleted.has(seq)) continue;
          const proof = await inclusionProof(seq, size, this.reader());
          lines.push(
            JSON.stringify({
              type: 'entry',
              seq,
              leafHash: this.leaves[seq]!.hash.toString('base64'),
              leaf: this.leaves[seq]!.leaf,
              proof: proof.map((p) => p.toString('base64')),
            }),
          );
        }
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        return void res.end(`${lines.join('\n')}\n`);
      }
      case 'POST /api/v1/telemetry':
        res.writeHead(202);
        return void res.end();
      default:
        return this.json(res, 404, { code: 'not_found', message: 'not found' });
    }
  }

  private json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
