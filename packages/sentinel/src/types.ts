/** Sentinel's finding categories (issue 5). */
export type SentinelCategory =
  | 'secret'
  | 'sqli'
  | 'xss'
  | 'cmdi'
  | 'crypto'
  | 'license'
  | 'path'
  | 'ssrf'
  | 'deser'
  | 'eval';

export type Severity = 'low' | 'medium' | 'high' | 'critical';

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** A finding: metadata and advice only, never the matched text (it may be a secret). */
export interface SentinelFinding {
  category: SentinelCategory;
  rule: string;
  severity: Severity;
  /** 1-based line in the text as given (for markdown: in the whole answer). */
  line: number;
  endLine: number;
  /** 1-based column of the first character. */
  column: number;
  message: string;
  fix?: string;
  cwe: string;
}

export interface ScanAnswerOptions {
  /** Used to pick the language of a bare code file (`.py`, `.go`, `.md`, …). */
  filename?: string;
  /** Language of a bare code file when the filename does not say (`python`, `ts`, …). */
  language?: string;
  /** SPDX id or expression of the project the answer goes into, or `proprietary` (default). */
  projectLicense?: string;
  /** Fingerprint index of known code (see `createFingerprintIndex`); omitted: no snippet matching. */
  index?: import('./license/fingerprint.js').FingerprintIndex;
}

/** Languages Sentinel understands; `text` is prose or anything unrecognised. */
export type Language =
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'java'
  | 'go'
  | 'php'
  | 'ruby'
  | 'csharp'
  | 'html'
  | 'shell'
  | 'c'
  | 'config'
  | 'text';
