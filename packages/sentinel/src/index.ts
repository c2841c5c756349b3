/**
 * Sentinel public API: scans what an AI sends back (a markdown answer with fenced code
 * blocks, or a bare code file) for invented secrets, injection, XSS, weak crypto, unsafe
 * deserialisation, path traversal, SSRF, eval and copyleft licences.
 */
import { scan } from './scan.js';
import type { ScanAnswerOptions, SentinelFinding } from './types.js';

export type { Language, ScanAnswerOptions, SentinelCategory, SentinelFinding, Severity } from './types.js';
export { SEVERITIES, severityRank } from './types.js';
export { sentinelRules, type SinkRule } from './rules/index.js';

/** Scans an answer synchronously; line numbers refer to the text as given. */
export function scanAnswer(text: string, options: ScanAnswerOptions = {}): SentinelFinding[] {
  return scan(text, options);
}
