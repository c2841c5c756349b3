import { createDetector, type Detector, type Finding } from '@takumo/core';
import type { SentinelFinding, Severity } from './types.js';

let detector: Detector | undefined;

const TOKEN = /__TAKUMO_v1_[A-Z]+_[0-9a-f]{8}__/;
/** Environment lookups: the value is read at run time, not written into the code. */
const ENV_LOOKUP = /process\.env\b|os\.environ|os\.getenv|getenv\s*\(|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|ENV\.fetch|\$_ENV|\$\{\{?\s*[\w.]+\s*\}?\}|\$\{[A-Z_]+\}/;

/**
 * Credentials the AI wrote into its answer, found by the core detector. The answer is scanned
 * before rehydration, so the user's own secrets are still `__TAKUMO_v1_…__` tokens here and
 * are skipped, as are values read from the environment. Findings never carry the value.
 */
export function findSecrets(text: string, file?: string): SentinelFinding[] {
  detector ??= createDetector();
  let found: Finding[];
  try {
    found = detector.detect(text, file ? { file } : {});
  } catch {
    return [];
  }
  const out: SentinelFinding[] = [];
  for (const f of found) {
    const value = text.slice(f.start, f.end);
    if (TOKEN.test(value)) continue;
    const lineText = lineAt(text, f.start);
    if (ENV_LOOKUP.test(value) || (f.category === 'ENV' && ENV_LOOKUP.test(lineText))) continue;
    const severity: Severity = f.confidence === 'high' ? 'critical' : f.confidence === 'medium' ? 'high' : 'medium';
    out.push({
      category: 'secret',
      rule: `secret/${f.rule}`,
      severity,
      line: f.line,
      endLine: f.endLine,
      column: f.column,
      message: `Hard-coded credential in the answer (${f.rule}, ${f.category})`,
      fix: 'Read the value from the environment or a secret manager, and rotate it if it is real.',
      cwe: 'CWE-798',
    });
  }
  return out;
}

function lineAt(text: string, pos: number): string {
  const s = text.lastIndexOf('\n', pos - 1) + 1;
  const e = text.indexOf('\n', pos);
  return text.slice(s, e < 0 ? undefined : e);
}
