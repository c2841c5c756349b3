import { createHash } from 'node:crypto';
import type { SentinelFinding, Severity } from './types.js';

/** A finding with the file it was found in, as the user reached it. */
export interface FileFinding extends SentinelFinding {
  file: string;
}

export interface SentinelReport {
  findings: FileFinding[];
  /** Files that could not be read: path and error code only. */
  errors: Array<{ file: string; code: string }>;
  filesScanned: number;
}

/** `{ "findings": [ { file, line, endLine, column, category, rule, severity, message, cwe, fix } ] }` */
export function formatJson(report: SentinelReport): string {
  const findings = report.findings.map((f) => ({
    file: f.file,
    line: f.line,
    endLine: f.endLine,
    column: f.column,
    category: f.category,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    cwe: f.cwe,
    ...(f.fix ? { fix: f.fix } : {}),
  }));
  return JSON.stringify({ findings, errors: report.errors, filesScanned: report.filesScanned }, null, 2) + '\n';
}

const LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = { low: 'note', medium: 'warning', high: 'error', critical: 'error' };
const SECURITY_SEVERITY: Record<Severity, string> = { low: '3.0', medium: '5.5', high: '8.0', critical: '9.5' };

/**
 * SARIF 2.1.0. Messages are built from rule metadata (category, rule, line), never from the
 * matched text, and no snippet or context region is included, so a secret the answer held
 * never reaches the log.
 */
export function formatSarif(report: SentinelReport, version: string): string {
  const rules = new Map<string, FileFinding>();
  for (const f of report.findings) if (!rules.has(f.rule)) rules.set(f.rule, f);
  const ids = [...rules.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'takumo-sentinel',
            version,
            semanticVersion: version,
            rules: ids.map((id) => {
              const f = rules.get(id)!;
              return {
                id,
                name: id.replace(/[^A-Za-z0-9]+(.)/g, (_m, c: string) => c.toUpperCase()),
                shortDescription: { text: `${f.category}: ${id}` },
                fullDescription: { text: `Sentinel rule ${id} (${f.category}, ${f.cwe}).` },
                help: { text: f.fix ?? `See ${f.cwe}.` },
                defaultConfiguration: { level: LEVEL[f.severity] },
                properties: { tags: ['security', f.category, f.cwe], 'security-severity': SECURITY_SEVERITY[f.severity] },
              };
            }),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule)!,
          level: LEVEL[f.severity],
          message: { text: f.category === 'secret' ? `${f.message}. The value is not shown.` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.file) },
                region: { startLine: f.line, startColumn: f.column, endLine: Math.max(f.line, f.endLine) },
              },
            },
          ],
          partialFingerprints: { primaryLocationLineHash: createHash('sha256').update(`${f.file}:${f.rule}:${f.line}`).digest('hex').slice(0, 32) },
          properties: { category: f.category, cwe: f.cwe, severity: f.severity },
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** One line per finding (`file:line:col severity category rule message`), the fix indented below. */
export function formatText(report: SentinelReport): string {
  const lines: string[] = [];
  for (const f of report.findings) {
    lines.push(`${f.file}:${f.line}:${f.column}  ${f.severity.padEnd(8)} ${f.category.padEnd(7)} ${f.rule}  ${f.message} [${f.cwe}]`);
    if (f.fix) lines.push(`    fix: ${f.fix}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

export function formatSummary(report: SentinelReport): string {
  const n = report.findings.length;
  const by = new Map<string, number>();
  for (const f of report.findings) by.set(f.category, (by.get(f.category) ?? 0) + 1);
  const parts = [...by].map(([c, k]) => `${c} ${k}`).join(', ');
  return `sentinel: ${n} finding${n === 1 ? '' : 's'}${parts ? ` (${parts})` : ''} in ${report.filesScanned} file${report.filesScanned === 1 ? '' : 's'}${report.errors.length ? `, ${report.errors.length} unreadable` : ''}\n`;
}

function toUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}
