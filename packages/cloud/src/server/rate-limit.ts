import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { CloudError } from './errors.js';

/**
 * Fixed-window counters kept in the database, so every server process behind a load
 * balancer counts the same attempts. Buckets are hashed (no IPs or emails stored in clear).
 */
export async function takeRateLimit(db: Db, bucket: string, max: number, windowSeconds: number): Promise<void> {
  const key = createHash('sha256').update(bucket).digest('hex');
  const result = await sql<{ hits: number }>`
    insert into rate_limits (bucket, window_start, hits) values (${key}, now(), 1)
    on conflict (bucket) do update set
      hits = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.hits + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning hits`.execute(db);
  const hits = Number(result.rows[0]?.hits ?? 0);
  if (hits > max) {
    throw new CloudError(429, 'rate_limited', `too many attempts; try again in up to ${windowSeconds} seconds`);
  }
}
