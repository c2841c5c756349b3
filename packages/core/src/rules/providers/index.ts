import type { Rule } from '../../types.js';
import { aiRules } from './ai.js';
import { cicdRules } from './cicd.js';
import { cloudRules } from './cloud.js';
import { databaseRules } from './databases.js';
import { messagingRules } from './messaging.js';
import { observabilityRules } from './observability.js';
import { paymentRules } from './payment.js';
import { registryRules } from './registries.js';
import { saasRules } from './saas.js';
import { vcsRules } from './vcs.js';

/**
 * Provider-specific key and token formats, one file per family. Prefix-anchored formats
 * stand on their own; weak shapes (a bare 32-hex string) only count next to the
 * provider's name.
 */
export const providerFamilies: Readonly<Record<string, readonly Rule[]>> = {
  cloud: cloudRules,
  vcs: vcsRules,
  payment: paymentRules,
  messaging: messagingRules,
  ai: aiRules,
  registries: registryRules,
  observability: observabilityRules,
  databases: databaseRules,
  cicd: cicdRules,
  saas: saasRules,
};

export const providerRules: Rule[] = Object.values(providerFamilies).flat();
