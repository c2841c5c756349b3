/**
 * The entry of the core's bundle (scripts/bundle.mjs): the package's API, and the two hooks of the keyword
 * automaton made at build time (prebuilt-automaton.ts), which only the build and the bundle's loader call.
 * The package exports the API alone (the loader re-exports index.ts's names, not these).
 */
import { scannerKeywordIds } from './detector.js';
import { buildAutomaton, lowerKeywords } from './keyword-scanner.js';
import { encodeAutomaton } from './prebuilt-automaton.js';
import { builtinRules } from './rules/index.js';

export * from './index.js';
export { usePrebuiltAutomaton } from './prebuilt-automaton.js';

/** For the build: the image of the automaton that `createDetector()` with no declared domains, extra or disabled rules compiles. */
export function builtinAutomatonImage(): Uint8Array {
  const lowered = lowerKeywords([...scannerKeywordIds(builtinRules).keys()]);
  return encodeAutomaton(lowered, buildAutomaton(lowered));
}
