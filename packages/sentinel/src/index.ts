/**
 * Sentinel public API. Issue 5 fills it in; the signature is fixed so the proxy can wire it.
 */
export type SentinelCategory = 'secret' | 'sqli' | 'xss' | 'cmdi' | 'crypto' | 'license' | 'path' | 'ssrf' | 'deser' | 'eval';
export type Severity = 'low' | 'medium' | 'high' | 'critical';

export interface SentinelFinding {
  category: SentinelCategory;
  rule: string;
  severity: Severity;
  line: number;
  endLine: number;
  column: number;
  message: string;
  fix?: string;
  cwe: string;
}

export interface ScanAnswerOptions {
  filename?: string;
  language?: string;
  projectLicense?: string;
}

export function scanAnswer(_text: string, _options: ScanAnswerOptions = {}): SentinelFinding[] {
  return [];
}
