import { z } from 'zod';
import { currentPolicy, policyDocument, publishPolicy } from '../../policy/policy.js';
import { readOrganisation } from '../../org/organisations.js';
import { defineRoute } from '../route.js';
import { recordAdminEvent, tenantTx } from './shared.js';

const servedSchema = z.object({ version: z.number(), policy: z.record(z.string(), z.unknown()) });

export const policyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/policy',
    auth: 'policy:read',
    tag: 'policy',
    summary: 'Current policy version with ETag; send If-None-Match to get 304 when unchanged. Version 0 is the default policy.',
    response: { status: 200, schema: servedSchema, description: '304 Not Modified when If-None-Match matches the ETag.' },
    async handler(ctx) {
      const served = await tenantTx(ctx, async (trx) => {
        const org = await readOrganisation(trx, ctx.services.keyring, ctx.principal.orgId);
        return currentPolicy(trx, ctx.services.keyring, ctx.principal.orgId, org.zdr);
      });
      ctx.reply.header('etag', served.etag);
      ctx.reply.header('cache-control', 'no-cache');
      const sent = ctx.request.headers['if-none-match'];
      if (typeof sent === 'string' && sent.split(',').map((s) => s.trim()).includes(served.etag)) {
        ctx.reply.code(304);
        return undefined;
      }
      return { version: served.version, policy: served.policy };
    },
  }),
  defineRoute({
    method: 'PUT',
    url: '/api/v1/policy',
    auth: 'policy:write',
    tag: 'policy',
    summary:
      'Publish a new policy version: disabled detectors, extra rules (linear-time patterns only), allowlists, internal domains, Sentinel mode and threshold. ZDR is an organisation setting (PATCH /api/v1/org).',
    body: z.object({ policy: policyDocument }).strict(),
    response: { status: 200, schema: servedSchema },
    async handler(ctx) {
      const served = await tenantTx(ctx, async (trx) => {
        const version = await publishPolicy(trx, ctx.services.keyring, ctx.principal.orgId, ctx.body.policy, ctx.principal.membershipId);
        await recordAdminEvent(trx, ctx.services, ctx.principal, 'policy_change', { version });
        const org = await readOrganisation(trx, ctx.services.keyring, ctx.principal.orgId);
        return currentPolicy(trx, ctx.services.keyring, ctx.principal.orgId, org.zdr);
      });
      ctx.reply.header('etag', served.etag);
      return { version: served.version, policy: served.policy };
    },
  }),
];
