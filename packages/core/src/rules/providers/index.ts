import type { Rule } from '../../types.js';
import { aiRules } from './ai.js';
import { cicdRules } from './cicd.js';
import { cloudRules } from './cloud.js';
import { databaseRules } from './databases.js';
import { gameRules } from './games.js';
import { messagingRules } from './messaging.js';
import { observabilityRules } from './observability.js';
import { paymentRules } from './payment.js';
import { registryRules } from './registries.js';
import { saasRules } from './saas.js';
import { isStandInToken } from './stand-in.js';
import { vcsRules } from './vcs.js';

/**
 * Adds the stand-in check (`…abcdef123456`, `…ExampleKey…`) in front of a rule's own validation. In place: the
 * family's rules are read nowhere else, and a copy (an object spread) would read a pattern built on first read
 * (`withPatternOnFirstRead`) at load.
 */
function refusingStandIns(rule: Rule): Rule {
  const own = rule.validate;
  rule.validate = (secret, context) => {
    if (isStandInToken(secret)) return false;
    return own === undefined ? true : own(secret, context);
  };
  return rule;
}

function family(rules: readonly Rule[]): readonly Rule[] {
  return rules.map(refusingStandIns);
}

/**
 * Provider-specific key and token formats, one file per family. Prefix-anchored formats
 * stand on their own; weak shapes (a bare 32-hex string) only count next to the
 * provider's name. Every one refuses hand-written stand-ins (`stand-in.ts`).
 */
export const providerFamilies: Readonly<Record<string, readonly Rule[]>> = {
  cloud: family(cloudRules),
  vcs: family(vcsRules),
  payment: family(paymentRules),
  messaging: family(messagingRules),
  ai: family(aiRules),
  registries: family(registryRules),
  observability: family(observabilityRules),
  databases: family(databaseRules),
  cicd: family(cicdRules),
  saas: family(saasRules),
  games: family(gameRules),
};

export const providerRules: Rule[] = Object.values(providerFamilies).flat();
