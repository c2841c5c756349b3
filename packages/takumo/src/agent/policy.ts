import type { Category, Rule } from '@takumo/core';
import { CATEGORIES } from '@takumo/core';
import { SENTINEL_SEVERITIES, linearTimeProblem, type SentinelSeverity, type TakumoConfig } from '../config.js';
import { CloudClient } from './cloud-client.js';
import { loadCredentials } from './credentials.js';
import { homeFile, readStateFile, removeStateFile, writeStateFile } from './home.js';

/**
 * The organisation's policy, pulled from the cloud with ETag and cached in
 * TAKUMO_HOME/policy.json, merged into the local configuration so that the local file can
 * only make things stricter: it may add rules and internal domains and tighten Sentinel,
 * but it cannot switch off what the organisation enforces.
 */
export interface CloudPolicy {
  detectors?: { disabled?: string[] };
  extraRules?: Array<{ id: string; category: string; pattern: string; keywords?: string[] }>;
  allowlist?: { paths?: string[]; patterns?: string[]; rules?: string[] };
  internalDomains?: string[];
  sentinel?: { mode?: 'report' | 'block'; threshold?: SentinelSeverity };
  zdr?: boolean;
}

export interface CachedPolicy {
  cloud: string;
  version: number;
  etag?: string;
  policy: CloudPolicy;
  fetchedAt: string;
}

/** The merged configuration, with what the merge had to set aside. */
export type PolicyConfig = TakumoConfig & { policy?: { version: number; warnings: string[] } };

const POLICY_FILE = 'policy.json';

export function loadCachedPolicy(env: NodeJS.ProcessEnv): CachedPolicy | undefined {
  let credentials;
  try {
    credentials = loadCredentials(env);
  } catch {
    return undefined;
  }
  if (!credentials) return undefined;
  let cached: CachedPolicy | undefined;
  try {
    cached = readStateFile<CachedPolicy>(homeFile(env, POLICY_FILE));
  } catch {
    return undefined;
  }
  // A policy cached for another cloud (before a new login) does not apply.
  return cached && cached.cloud === credentials.cloud && typeof cached.policy === 'object' ? cached : undefined;
}

/**
 * Pulls the policy (If-None-Match with the cached ETag) and updates the cache. Bounded by
 * `timeoutMs`; on any failure the cached copy stays in force and the failure is returned.
 */
export async function refreshPolicy(
  env: NodeJS.ProcessEnv,
  options: { timeoutMs?: number } = {},
): Promise<{ policy?: CachedPolicy; changed: boolean; error?: Error }> {
  let credentials;
  try {
    credentials = loadCredentials(env);
  } catch (error) {
    return { changed: false, error: error as Error };
  }
  if (!credentials) return { changed: false };
  const cached = loadCachedPolicy(env);
  const client = new CloudClient({ url: credentials.cloud, token: credentials.token, timeoutMs: options.timeoutMs ?? 1_500 });
  try {
    const answer = await client.policy(cached?.etag);
    if (answer.status === 'unchanged') return { ...(cached && { policy: cached }), changed: false };
    const fresh: CachedPolicy = {
      cloud: credentials.cloud,
      version: answer.version,
      ...(answer.etag && { etag: answer.etag }),
      policy: answer.policy as CloudPolicy,
      fetchedAt: new Date().toISOString(),
    };
    writeStateFile(homeFile(env, POLICY_FILE), fresh);
    return { policy: fresh, changed: true };
  } catch (error) {
    return { ...(cached && { policy: cached }), changed: false, error: error as Error };
  }
}

/** Applies the cached policy (if any) to a configuration loaded from `.takumo.toml`. */
export function applyCachedPolicy(config: TakumoConfig, env: NodeJS.ProcessEnv): PolicyConfig {
  const cached = loadCachedPolicy(env);
  return cached ? mergePolicy(config, cached.policy, cached.version) : config;
}

/**
 * Merges the organisation policy into the local configuration. The result is at least as
 * strict as the policy:
 * - rules: the policy's extra rules are added to the local ones;
 * - internal domains: union;
 * - Sentinel: `block` if either says block; the lower (more sensitive) threshold;
 * - allowlists and disabled detectors: the organisation's apply; local ones are set aside
 *   (each listed in `policy.warnings`), because an allowlist is a loosening.
 */
export function mergePolicy(local: TakumoConfig, policy: CloudPolicy, version = 0): PolicyConfig {
  const warnings: string[] = [];
  const localRules = local.detector.extraRules ?? [];
  const taken = new Set(localRules.map((r) => r.id));
  const policyRules: Rule[] = [];
  for (const rule of policy.extraRules ?? []) {
    const converted = policyRule(rule, warnings);
    if (!converted) continue;
    if (taken.has(converted.id)) converted.id = `policy.${converted.id}`;
    taken.add(converted.id);
    policyRules.push(converted);
  }

  const localAllow = local.detector.allowlist ?? {};
  const setAside: string[] = [];
  if (localAllow.paths?.length) setAside.push(`allowlist.paths (${localAllow.paths.length})`);
  if (localAllow.patterns?.length) setAside.push(`allowlist.patterns (${localAllow.patterns.length})`);
  if (localAllow.values?.length) setAside.push(`allowlist.values (${localAllow.values.length})`);
  if (localAllow.disabledRules?.length) setAside.push(`allowlist.rules (${localAllow.disabledRules.length})`);
  if (setAside.length > 0) {
    warnings.push(`the organisation policy (version ${version}) is in force: local ${setAside.join(', ')} not applied`);
  }
  const allowPatterns = (policy.allowlist?.patterns ?? []).filter((p) => {
    const problem = linearTimeProblem(p);
    if (problem) warnings.push(`a policy allowlist pattern was skipped: ${problem}`);
    return !problem;
  });
  const disabledRules = [...new Set([...(policy.detectors?.disabled ?? []), ...(policy.allowlist?.rules ?? [])])];

  const merged: PolicyConfig = {
    ...local,
    detector: {
      ...local.detector,
      extraRules: [...localRules, ...policyRules],
      internalDomains: union(local.detector.internalDomains, (policy.internalDomains ?? []).map((d) => d.replace(/^\*\./, '').toLowerCase())),
      allowlist: {
        ...(policy.allowlist?.paths?.length && { paths: [...policy.allowlist.paths] }),
        ...(allowPatterns.length > 0 && { patterns: allowPatterns }),
        ...(disabledRules.length > 0 && { disabledRules }),
      },
    },
    proxy: {
      ...local.proxy,
      ...(policy.sentinel?.mode === 'block' || local.proxy.sentinel === 'block'
        ? { sentinel: 'block' as const }
        : policy.sentinel?.mode || local.proxy.sentinel
          ? { sentinel: 'report' as const }
          : {}),
      ...(stricterThreshold(local.proxy.sentinelThreshold, policy.sentinel?.threshold) && {
        sentinelThreshold: stricterThreshold(local.proxy.sentinelThreshold, policy.sentinel?.threshold),
      }),
    },
    policy: { version, warnings },
  };
  return merged;
}

function policyRule(rule: NonNullable<CloudPolicy['extraRules']>[number], warnings: string[]): Rule | undefined {
  if (!rule || typeof rule.id !== 'string' || typeof rule.pattern !== 'string') {
    warnings.push('a policy rule without id or pattern was skipped');
    return undefined;
  }
  const problem = linearTimeProblem(rule.pattern);
  if (problem) {
    // The server checks this too; an agent still never runs a pattern it cannot bound.
    warnings.push(`policy rule ${rule.id} was skipped: ${problem}`);
    return undefined;
  }
  let pattern: RegExp;
  try {
    pattern = new RegExp(rule.pattern, 'u');
  } catch {
    warnings.push(`policy rule ${rule.id} was skipped: invalid pattern`);
    return undefined;
  }
  const category = (CATEGORIES as readonly string[]).includes(rule.category) ? (rule.category as Category) : 'CRED';
  return {
    id: rule.id,
    category,
    description: `Organisation policy rule ${rule.id}`,
    keywords: (rule.keywords ?? []).map((k) => k.toLowerCase()),
    pattern,
    confidence: 'high',
    examples: { match: [], noMatch: [] },
  };
}

function union(a: string[] | undefined, b: string[]): string[] | undefined {
  const all = [...new Set([...(a ?? []), ...b])];
  return all.length > 0 ? all : a;
}

function stricterThreshold(a: SentinelSeverity | undefined, b: SentinelSeverity | undefined): SentinelSeverity | undefined {
  if (!a) return b;
  if (!b) return a;
  return SENTINEL_SEVERITIES.indexOf(a) <= SENTINEL_SEVERITIES.indexOf(b) ? a : b;
}

export function forgetCachedPolicy(env: NodeJS.ProcessEnv): void {
  removeStateFile(homeFile(env, POLICY_FILE));
}
