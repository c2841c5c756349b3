import { z } from 'zod';
import { signCheckpoint } from '../../audit/checkpoint.js';
import { inclusionProof, InMemoryTree } from '../../audit/merkle.js';
import { proveConsistency, proveInclusion, readEntries, treeRoot, treeSize } from '../../audit/log.js';
import type { Trx } from '../../db/database.js';
import { CloudError } from '../errors.js';
import { defineRoute, type ServerServices } from '../route.js';
import { tenantTx } from './shared.js';

const PAGE = 1000;
const b64 = (b: Buffer) => b.toString('base64');
const count = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export function logOrigin(services: ServerServices, orgId: string): string {
  return `${services.logOriginPrefix}/${orgId}`;
}

async function signedCheckpoint(trx: Trx, services: ServerServices, orgId: string): Promise<{ text: string; size: number; root: Buffer }> {
  const size = await treeSize(trx, orgId);
  const root = await treeRoot(trx, orgId, size);
  return { text: signCheckpoint({ origin: logOrigin(services, orgId), size, rootHash: root }, services.signerKey), size, root };
}

export const auditRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit/checkpoint',
    auth: 'audit:read',
    tag: 'audit',
    summary: 'Signed checkpoint of the organisation log (C2SP tlog-checkpoint signed note, Ed25519): origin, tree size, root hash.',
    response: { status: 200, contentType: 'text/plain' },
    async handler(ctx) {
      const cp = await tenantTx(ctx, (trx) => signedCheckpoint(trx, ctx.services, ctx.principal.orgId));
      ctx.reply.type('text/plain; charset=utf-8');
      return cp.text;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit/key',
    auth: 'audit:read',
    tag: 'audit',
    summary: "The log's origin and the verifier key (C2SP note key) to pin.",
    response: { status: 200, schema: z.object({ origin: z.string(), verifierKey: z.string() }) },
    async handler(ctx) {
      return { origin: logOrigin(ctx.services, ctx.principal.orgId), verifierKey: ctx.services.verifierKey };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit/entries',
    auth: 'audit:read',
    tag: 'audit',
    summary: `Entries [start, end) with leaf hash and canonical-JSON leaf (null once retention removed it; payloadError when a stored payload fails authentication); at most ${PAGE} per call.`,
    query: z.object({ start: count.default(0), end: count.optional() }).strict(),
    response: {
      status: 200,
      schema: z.object({
        treeSize: z.number(),
        entries: z.array(z.object({ seq: z.number(), leafHash: z.string(), leaf: z.string().nullable(), payloadError: z.string().optional() })),
      }),
    },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const size = await treeSize(trx, ctx.principal.orgId);
        const end = Math.min(size, ctx.query.end ?? size, ctx.query.start + PAGE);
        if (ctx.query.end !== undefined && ctx.query.end < ctx.query.start) throw new CloudError(400, 'invalid_request', 'query: end must be >= start');
        const entries = await readEntries(trx, ctx.services.keyring, ctx.principal.orgId, ctx.query.start, end);
        return { treeSize: size, entries: entries.map((e) => ({ seq: e.seq, leafHash: b64(e.leafHash), leaf: e.leaf, ...(e.payloadError ? { payloadError: e.payloadError } : {}) })) };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit/proof/inclusion',
    auth: 'audit:read',
    tag: 'audit',
    summary: 'RFC 6962 inclusion proof of entry `seq` in the tree of `size` entries (default: current size).',
    query: z.object({ seq: count, size: count.optional() }).strict(),
    response: { status: 200, schema: z.object({ seq: z.number(), treeSize: z.number(), proof: z.array(z.string()) }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const current = await treeSize(trx, ctx.principal.orgId);
        const size = ctx.query.size ?? current;
        if (size > current || ctx.query.seq >= size) {
          throw new CloudError(400, 'invalid_request', `query: need seq < size <= tree size (${current})`);
        }
        const proof = await proveInclusion(trx, ctx.principal.orgId, ctx.query.seq, size);
        return { seq: ctx.query.seq, treeSize: size, proof: proof.map(b64) };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit/proof/consistency',
    auth: 'audit:read',
    tag: 'audit',
    summary: 'RFC 6962 consistency proof that the tree of `from` entries is a prefix of the tree of `to` entries (default: current size).',
    query: z.object({ from: count, to: count.optional() }).strict(),
    response: { status: 200, schema: z.object({ from: z.number(), to: z.number(), proof: z.array(z.string()) }) },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const current = await treeSize(trx, ctx.principal.orgId);
        const to = ctx.query.to ?? current;
        if (to > current || ctx.query.from > to) {
          throw new CloudError(400, 'invalid_request', `query: need from <= to <= tree size (${current})`);
        }
        const proof = await proveConsistency(trx, ctx.principal.orgId, ctx.query.from, to);
        return { from: ctx.query.from, to, proof: proof.map(b64) };
      }),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/audit/export',
    auth: 'audit:export',
    tag: 'audit',
    summary:
      'The whole log as JSON Lines: first a checkpoint line ({type:"checkpoint", checkpoint, origin, verifierKey, treeSize, rootHash}), then one line per entry ({type:"entry", seq, receivedAt, leafHash, leaf, proof}) with its inclusion proof against that checkpoint.',
    response: { status: 200, contentType: 'application/x-ndjson' },
    async handler(ctx) {
      const lines = await tenantTx(ctx, async (trx) => {
        const orgId = ctx.principal.orgId;
        const cp = await signedCheckpoint(trx, ctx.services, orgId);
        const tree = new InMemoryTree();
        const entries = [];
        for (let start = 0; start < cp.size; start += PAGE) {
          const page = await readEntries(trx, ctx.services.keyring, orgId, start, Math.min(cp.size, start + PAGE));
          for (const e of page) {
            tree.appendLeafHash(e.leafHash);
            entries.push(e);
          }
        }
        const out = [
          JSON.stringify({
            type: 'checkpoint',
            checkpoint: cp.text,
            origin: logOrigin(ctx.services, orgId),
            verifierKey: ctx.services.verifierKey,
            treeSize: cp.size,
            rootHash: b64(cp.root),
          }),
        ];
        for (const e of entries) {
          const proof = await inclusionProof(e.seq, cp.size, tree);
          out.push(
            JSON.stringify({
              type: 'entry',
              seq: e.seq,
              receivedAt: e.receivedAt.toISOString(),
              leafHash: b64(e.leafHash),
              leaf: e.leaf,
              ...(e.payloadError ? { payloadError: e.payloadError } : {}),
              proof: proof.map(b64),
            }),
          );
        }
        return out;
      });
      ctx.reply.type('application/x-ndjson');
      ctx.reply.header('content-disposition', 'attachment; filename="takumo-audit.jsonl"');
      return `${lines.join('\n')}\n`;
    },
  }),
];
