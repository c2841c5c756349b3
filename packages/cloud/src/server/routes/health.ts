import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../route.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/healthz',
    auth: 'public',
    tag: 'health',
    summary: 'Liveness and database reachability (no authentication).',
    response: { status: 200, schema: z.object({ status: z.literal('ok') }) },
    async handler({ services }) {
      await sql`select 1`.execute(services.db);
      return { status: 'ok' as const };
    },
  }),
];
