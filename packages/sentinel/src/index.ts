/**
 * Sentinel public API: scans what an AI sends back (a markdown answer with fenced code
 * blocks, or a bare code file) for invented secrets, injection, XSS, weak crypto, unsafe
 * deserialisation, path traversal, SSRF, eval and copyleft licences.
 */
import { parseExpression } from './license/classify.js';
import { detectLicenses } from './license/detect.js';
import { loadGrammars } from './analyzers/tree-sitter.js';
import { scan } from './scan.js';
import { splitAnswer } from './segments.js';
import type { ScanAnswerOptions, SentinelFinding } from './types.js';

export type { Language, ScanAnswerOptions, SentinelCategory, SentinelFinding, Severity } from './types.js';
export { SEVERITIES, severityRank } from './types.js';
export { sentinelRules, type SinkRule } from './rules/index.js';

/**
 * Loads the tree-sitter grammars (Python) once. Optional: `scanAnswer` works without it,
 * using the text analysis for Python; after it resolves, Python is analysed on a real parse.
 * Call it at start-up (the CLI and a long-running proxy should).
 */
export function initSentinel(): Promise<void> {
  return loadGrammars();
}

/** `initSentinel()` then `scanAnswer()`: the same findings, Python analysed on a real parse. */
export async function scanAnswerAsync(text: string, options: ScanAnswerOptions = {}): Promise<SentinelFinding[]> {
  await loadGrammars();
  return scan(text, options);
}

/**
 * Scans an answer synchronously; line numbers refer to the text as given. JavaScript and
 * TypeScript are always parsed (Babel); Python is parsed once `initSentinel()` has resolved.
 */
export function scanAnswer(text: string, options: ScanAnswerOptions = {}): SentinelFinding[] {
  return scan(text, options);
}

export interface DeclaredLicense {
  /** SPDX id or expression, or null when the text declares none. */
  spdx: string | null;
  copyleft: boolean;
  strength: 'strong' | 'network' | 'weak' | null;
  kind: 'spdx' | 'notice' | 'claim' | 'text' | null;
  line: number | null;
}

/**
 * The licence a text declares for itself (an SPDX tag first, then a standard notice, an
 * informal claim, or a pasted licence text), with its copyleft classification.
 */
export function detectLicense(text: string, options: Pick<ScanAnswerOptions, 'filename' | 'language'> = {}): DeclaredLicense {
  const all = detectLicenses(splitAnswer(text, options.filename, options.language));
  const order = ['spdx', 'notice', 'claim', 'text'] as const;
  const d = order.map((k) => all.find((x) => x.kind === k)).find((x) => x !== undefined);
  if (!d) return { spdx: null, copyleft: false, strength: null, kind: null, line: null };
  return { spdx: d.spdx, copyleft: d.classification.copyleft, strength: d.classification.strength ?? null, kind: d.kind, line: d.line };
}

export {
  addToIndex,
  createFingerprintIndex,
  loadFingerprintIndex,
  matchIndex,
  saveFingerprintIndex,
  type FingerprintIndex,
  type SnippetMatch,
} from './license/fingerprint.js';
export { guessLanguage as guessSnippetLanguage } from './language.js';
export { resolveProjectLicense } from './license/project.js';
export {
  formatJson as formatSentinelJson,
  formatSarif as formatSentinelSarif,
  formatSummary as formatSentinelSummary,
  formatText as formatSentinelText,
  type FileFinding as SentinelFileFinding,
  type SentinelReport,
} from './report.js';

/** True when `text` is a valid SPDX licence id or expression (e.g. `GPL-2.0-only WITH Classpath-exception-2.0`). */
export function isSpdxExpression(text: string): boolean {
  return parseExpression(text) !== undefined;
}
