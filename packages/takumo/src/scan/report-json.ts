import type { ScanReport } from './scanner.js';

/**
 * `{ findings: [...], stats: {...}, errors: [...] }`. Findings carry location and rule
 * metadata and the fingerprint — no value and no preview, so the report can be stored or
 * shared as is.
 */
export function formatJson(report: ScanReport): string {
  const findings = report.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    rule: f.rule,
    category: f.category,
    confidence: f.confidence,
    fingerprint: f.fingerprint,
  }));
  return JSON.stringify({ findings, stats: report.stats, errors: report.errors }, null, 2) + '\n';
}
