import { cryptoRules } from './crypto.js';
import { hardcodedRules } from './hardcoded.js';
import { injectionRules } from './injection.js';
import type { SinkRule } from './rule.js';
import { xssRules } from './xss.js';

export type { SinkRule } from './rule.js';

/** Every pattern rule Sentinel runs (the data-flow checks live in the rules' `when`). */
export const sentinelRules: readonly SinkRule[] = [...injectionRules, ...xssRules, ...cryptoRules, ...hardcodedRules];
