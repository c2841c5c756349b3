import { z } from 'zod';
import { appendEntries, type LeafFields } from '../../audit/log.js';
import { readOrganisation } from '../../org/organisations.js';
import { CloudError } from '../errors.js';
import { defineRoute } from '../route.js';
import { tenantTx } from './shared.js';

/**
 * Audit events are metadata only: event type, times, category, rule id, file path, line,
 * counts, repository, tool and agent id. Never a secret, a hash of one, or code. Every
 * field is bounded and unknown fields are refused. With ZDR only type + counts are allowed.
 */
const name = (max: number) => z.string().regex(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,${max - 1}}$`));
const countKey = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;

export const auditEvent = z
  .object({
    type: z.string().regex(/^[a-z][a-z0-9_.]{0,63}$/),
    agentReportedAt: z.iso.datetime({ offset: true }),
    category: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/).optional(),
    rule: name(128).optional(),
    // A repository-relative path: printable, no control characters, bounded.
    file: z.string().min(1).max(1024).regex(/^[^\u0000-\u001f\u007f]+$/).optional(),
    line: z.number().int().min(1).max(10_000_000).optional(),
    counts: z
      .record(z.string().regex(countKey), z.number().int().min(0).max(1_000_000_000))
      .refine((c) => Object.keys(c).length <= 64, 'at most 64 count keys')
      .optional(),
    repository: z.string().min(1).max(256).regex(/^[^\u0000-\u001f\u007f]+$/).optional(),
    tool: name(64).optional(),
  })
  .strict();

export const eventsBody = z
  .object({
    agentId: name(128),
    events: z.array(auditEvent).min(1).max(1000),
  })
  .strict();

/** Fields a ZDR organisation accepts on an event; anything else could carry code or text. */
const ZDR_FIELDS = new Set(['type', 'agentReportedAt', 'counts']);

export function zdrViolation(events: Array<Record<string, unknown>>): string | undefined {
  for (let i = 0; i < events.length; i++) {
    const bad = Object.keys(events[i]!).find((k) => !ZDR_FIELDS.has(k));
    if (bad) return `events.${i}.${bad}`;
  }
  return undefined;
}

export const eventRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/events',
    auth: 'events:write',
    tag: 'audit',
    summary:
      'Append audit events (metadata only) to the organisation log. Returns one receipt per event (sequence number and RFC 6962 leaf hash). With Zero Data Retention only `type`, `agentReportedAt` and `counts` are accepted (422 otherwise) and the agent id is not stored.',
    body: eventsBody,
    response: {
      status: 200,
      schema: z.object({ receipts: z.array(z.object({ seq: z.number(), leafHash: z.string() })), treeSize: z.number() }),
    },
    handler: (ctx) =>
      tenantTx(ctx, async (trx) => {
        const org = await readOrganisation(trx, ctx.services.keyring, ctx.principal.orgId);
        if (org.zdr) {
          const field = zdrViolation(ctx.body.events);
          if (field) {
            throw new CloudError(
              422,
              'zdr_content_rejected',
              `Zero Data Retention is on for this organisation: events carry only type, agentReportedAt and counts; "${field}" is not accepted`,
            );
          }
        }
        const actor = { type: ctx.principal.type, id: ctx.principal.id };
        const leaves: LeafFields[] = ctx.body.events.map((e) => ({
          ...e,
          actor,
          ...(org.zdr ? {} : { agentId: ctx.body.agentId }),
        }));
        return appendEntries(trx, ctx.services.keyring, ctx.principal.orgId, ctx.services.now(), leaves);
      }),
  }),
];
