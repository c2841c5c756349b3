import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { canonicalJson, type CanonicalValue } from '../audit/canonical-json.js';
import { toBuffer, type Trx } from '../db/database.js';
import type { Keyring } from '../crypto/keyring.js';
import { CloudError } from '../server/errors.js';

/**
 * An organisation's policy, versioned: every write is a new version, older ones stay.
 * Agents pull it with ETag / If-None-Match and may only make it stricter locally.
 * ZDR is not part of the stored document: it is an organisation field (plans force it), and
 * the served policy carries its current value, so the ETag changes when it does.
 */
const ruleId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/);
const domain = z.string().regex(/^(\*\.)?[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63})*$/).max(253);

/** Patterns agents will run: bounded and free of constructs that can backtrack super-linearly. */
const linearPattern = z
  .string()
  .min(1)
  .max(512)
  .refine((p) => !/\\[1-9]|\\k<|\(\?<?[=!]/.test(p), 'back-references and look-arounds are not allowed')
  .refine((p) => !/\([^)]*[+*][^)]*\)[+*{]/.test(p), 'nested quantifiers are not allowed (super-linear matching)')
  .refine((p) => {
    try {
      new RegExp(p, 'u');
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression');

export const policyDocument = z
  .object({
    detectors: z
      .object({
        /** Rule ids switched off (empty: every built-in rule is on). */
        disabled: z.array(ruleId).max(500).default([]),
      })
      .strict()
      .default({ disabled: [] }),
    extraRules: z
      .array(
        z
          .object({
            id: ruleId,
            category: z.enum(['KEY', 'PASS', 'CONN', 'URL', 'HOST', 'JWT', 'TOKEN', 'PKEY', 'CRED', 'ENV']),
            pattern: linearPattern,
            keywords: z.array(z.string().min(2).max(64)).max(20).default([]),
          })
          .strict(),
      )
      .max(200)
      .default([]),
    allowlist: z
      .object({
        paths: z.array(z.string().min(1).max(512)).max(500).default([]),
        patterns: z.array(linearPattern).max(200).default([]),
        rules: z.array(ruleId).max(500).default([]),
      })
      .strict()
      .default({ paths: [], patterns: [], rules: [] }),
    internalDomains: z.array(domain).max(500).default([]),
    sentinel: z
      .object({
        mode: z.enum(['report', 'block']).default('report'),
        threshold: z.enum(['low', 'medium', 'high', 'critical']).default('high'),
      })
      .strict()
      .default({ mode: 'report', threshold: 'high' }),
  })
  .strict();

export type PolicyDocument = z.infer<typeof policyDocument>;

export const DEFAULT_POLICY: PolicyDocument = policyDocument.parse({});

export interface ServedPolicy {
  version: number;
  policy: PolicyDocument & { zdr: boolean };
  etag: string;
}

function etagOf(version: number, content: string, zdr: boolean): string {
  const digest = createHash('sha256').update(`${version}\n${zdr ? 1 : 0}\n${content}`).digest('base64url').slice(0, 22);
  return `"${version}-${digest}"`;
}

export async function currentPolicy(trx: Trx, keyring: Keyring, orgId: string, zdr: boolean): Promise<ServedPolicy> {
  const rows = await sql<{ version: number; content_enc: unknown }>`
    select version, content_enc from policies where org_id = ${orgId} order by version desc limit 1`.execute(trx);
  const row = rows.rows[0];
  if (!row) {
    const content = canonicalJson(DEFAULT_POLICY as unknown as CanonicalValue);
    return { version: 0, policy: { ...DEFAULT_POLICY, zdr }, etag: etagOf(0, content, zdr) };
  }
  const version = Number(row.version);
  const content = (
    await keyring.decrypt(trx, orgId, { table: 'policies', rowId: String(version), column: 'content' }, toBuffer(row.content_enc))
  ).toString('utf8');
  const parsed = policyDocument.parse(JSON.parse(content));
  return { version, policy: { ...parsed, zdr }, etag: etagOf(version, content, zdr) };
}

export async function publishPolicy(trx: Trx, keyring: Keyring, orgId: string, document: PolicyDocument, authorMembershipId: string | null): Promise<number> {
  const last = await sql<{ max: number | null }>`select max(version) as max from policies where org_id = ${orgId}`.execute(trx);
  const version = Number(last.rows[0]?.max ?? 0) + 1;
  const content = canonicalJson(document as unknown as CanonicalValue);
  const [enc] = await keyring.encrypt(trx, orgId, [{ table: 'policies', rowId: String(version), column: 'content', plaintext: content }]);
  try {
    await sql`insert into policies (org_id, version, content_enc, etag, created_by)
      values (${orgId}, ${version}, ${enc!}, ${etagOf(version, content, false)}, ${authorMembershipId})`.execute(trx);
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw new CloudError(409, 'conflict', 'another policy version was published at the same time; retry');
    throw error;
  }
  return version;
}
