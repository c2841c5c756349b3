import type { Category, Confidence } from '@takumo/core';
import { VERSION } from '../version.js';
import type { RuleInfo, ScanReport } from './scanner.js';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: every rule has id, short and full
 * description and help; every result has a message, one physical location with a full
 * region, and `partialFingerprints.primaryLocationLineHash` (the REST upload does not
 * compute it). Results never carry the value: no `snippet`, no `contextRegion`, and the
 * message is built from rule metadata only.
 */
export function formatSarif(report: ScanReport): string {
  const ruleIds = [...report.rules.keys()].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'takumo',
            version: VERSION,
            semanticVersion: VERSION,
            rules: ruleIds.map((id) => ruleDescriptor(report.rules.get(id)!)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: index.get(f.rule)!,
          level: level(f.category, f.confidence),
          message: { text: `${report.rules.get(f.rule)?.description ?? 'Secret'} (${f.category}). The value is not shown.` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(f.projectPath) },
                region: {
                  startLine: f.line,
                  startColumn: f.column,
                  endLine: f.endLine,
                  // SARIF's endColumn is one past the last character.
                  endColumn: f.endColumn + 1,
                },
              },
            },
          ],
          partialFingerprints: { primaryLocationLineHash: f.fingerprint },
          properties: { category: f.category, confidence: f.confidence },
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: RuleInfo): object {
  const severity = securitySeverity(rule.category, rule.confidence);
  return {
    id: rule.id,
    name: toPascal(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}. Category ${rule.category}: ${CATEGORY_TEXT[rule.category]}.` },
    help: {
      text: HELP,
      markdown: HELP.replace('takumo:allow', '`takumo:allow`').replace('.takumo.toml', '`.takumo.toml`'),
    },
    defaultConfiguration: { level: level(rule.category, rule.confidence) },
    properties: {
      tags: ['security', 'secret', rule.category.toLowerCase()],
      precision: rule.confidence === 'high' ? 'high' : rule.confidence === 'medium' ? 'medium' : 'low',
      'security-severity': severity.toFixed(1),
    },
  };
}

const HELP =
  'Remove the value from the file and rotate it if it was ever committed or shared; load it at run time from the environment or a secret manager instead. ' +
  'If it is not a secret, add a takumo:allow comment on the line or list it in the [allowlist] of .takumo.toml.';

const CATEGORY_TEXT: Record<Category, string> = {
  KEY: 'an API key or access token',
  PASS: 'a password',
  CONN: 'a connection string with credentials',
  URL: 'an internal URL',
  HOST: 'a private hostname or address',
  JWT: 'a JSON Web Token',
  TOKEN: 'a bearer or session token',
  PKEY: 'a private key',
  CRED: 'a credential',
  ENV: 'a value from a dotenv file',
};

/** GitHub's bands: ≥ 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low. */
export function securitySeverity(category: Category, confidence: Confidence): number {
  const base = category === 'PKEY' ? 9.3 : category === 'HOST' || category === 'URL' ? 4.0 : 8.0;
  const penalty = confidence === 'high' ? 0 : confidence === 'medium' ? 1.5 : 3;
  return Math.max(0.1, base - penalty);
}

function level(category: Category, confidence: Confidence): 'error' | 'warning' | 'note' {
  if (category === 'HOST' || category === 'URL') return 'warning';
  return confidence === 'low' ? 'warning' : 'error';
}

function toUri(path: string): string {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  // Files outside the project are named by an absolute file URI; the rest are repo-relative.
  return path.startsWith('/') ? `file://${encoded}` : encoded;
}

function toPascal(id: string): string {
  return id.split(/[^a-z0-9]+/i).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
