import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../route.js';

/**
 * Anonymous usage counts: CLI version, OS family, command names and how often they ran.
 * Stored aggregated per day with no link to the organisation, user or token that sent them.
 * Strict shapes: nothing free-form (paths, code, values) fits through.
 */
export const telemetryBody = z
  .object({
    cliVersion: z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,6}(-[0-9A-Za-z.]{1,20})?$/),
    os: z.enum(['linux', 'darwin', 'windows', 'other']),
    commands: z
      .record(z.string().regex(/^[a-z][a-z-]{0,31}( [a-z][a-z-]{0,31})?$/), z.number().int().min(1).max(100_000))
      .refine((c) => Object.keys(c).length >= 1 && Object.keys(c).length <= 64, '1 to 64 command names'),
  })
  .strict();

export const telemetryRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/telemetry',
    auth: 'telemetry:write',
    tag: 'telemetry',
    summary: 'Anonymous usage counts (CLI version, OS family, command name → count). Aggregated per day; not linked to any user or organisation.',
    body: telemetryBody,
    response: { status: 202 },
    async handler(ctx) {
      const day = ctx.services.now().toISOString().slice(0, 10);
      const entries = Object.entries(ctx.body.commands).sort(([a], [b]) => (a < b ? -1 : 1));
      await sql`insert into telemetry_counts (day, cli_version, os, command, count) values ${sql.join(
        entries.map(([command, n]) => sql`(${day}::date, ${ctx.body.cliVersion}, ${ctx.body.os}, ${command}, ${n})`),
      )} on conflict (day, cli_version, os, command) do update set count = telemetry_counts.count + excluded.count`.execute(ctx.services.db);
      ctx.reply.code(202);
      return undefined;
    },
  }),
];
