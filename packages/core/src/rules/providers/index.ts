import type { Rule } from '../../types.js';
import { cloudRules } from './cloud.js';
import { vcsRules } from './vcs.js';

/**
 * Provider-specific key and token formats, one file per family. Prefix-anchored formats
 * stand on their own; weak shapes (a bare 32-hex string) only count next to the
 * provider's name.
 */
export const providerRules: Rule[] = [...cloudRules, ...vcsRules];
