/**
 * Plans are a field of the organisation, changed by its owner. ZDR is forced on for Teams
 * and Enterprise; Individual and Pro may switch it on. Retention is fixed per plan except on
 * Enterprise, where the organisation sets it (1–3650 days).
 */
export const PLANS = ['individual', 'pro', 'teams', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const PLAN_RULES: Record<Plan, { retentionDays: number; zdrAlwaysOn: boolean; retentionConfigurable: boolean }> = {
  individual: { retentionDays: 30, zdrAlwaysOn: false, retentionConfigurable: false },
  pro: { retentionDays: 90, zdrAlwaysOn: false, retentionConfigurable: false },
  teams: { retentionDays: 365, zdrAlwaysOn: true, retentionConfigurable: false },
  enterprise: { retentionDays: 365, zdrAlwaysOn: true, retentionConfigurable: true },
};
