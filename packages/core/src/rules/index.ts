import type { Rule } from '../types.js';
import { providerRules } from './providers/index.js';

/** Every built-in rule. Order does not matter: overlaps are resolved by the engine. */
export const builtinRules: readonly Rule[] = [...providerRules];
