import type { Segment } from '../segments.js';
import type { SentinelFinding } from '../types.js';
import { acceptsCopyleft, classify, parseExpression } from './classify.js';
import { detectLicenses } from './detect.js';

export interface LicenseScanOptions {
  /** SPDX id/expression of the project, or `proprietary` (default). */
  projectLicense?: string;
}

/**
 * Copyleft code going into a project that cannot take it: a proprietary (or permissive)
 * project takes no copyleft code; a copyleft project takes only compatible licences.
 */
export function findLicenseIssues(_text: string, segments: Segment[], options: LicenseScanOptions): SentinelFinding[] {
  const project = (options.projectLicense ?? 'proprietary').trim();
  const projectNode = /^(?:proprietary|unlicensed|none|closed)$/i.test(project) ? undefined : parseExpression(project);
  const projectIds = projectNode ? classify(projectNode).binding.map((b) => b.replace(/\s+WITH\s+.*$/, '')) : [];
  const findings: SentinelFinding[] = [];
  for (const d of detectLicenses(segments)) {
    if (!d.classification.copyleft) continue;
    const conflicting = d.classification.binding.filter((id) => !projectIds.some((p) => acceptsCopyleft(p, id)));
    if (conflicting.length === 0) continue;
    const strength = d.classification.strength ?? 'strong';
    const into = projectNode ? `a ${project} project` : 'a proprietary project';
    findings.push({
      category: 'license',
      rule: `license/copyleft-${strength}`,
      severity: strength === 'weak' ? 'medium' : 'high',
      line: d.line,
      endLine: d.endLine,
      column: 1,
      message: `Code under ${d.spdx} (${strength} copyleft) going into ${into}`,
      fix: 'Write the code yourself or take it from a compatibly licensed source; otherwise comply with the licence (or change the project licence).',
      cwe: 'CWE-1104',
    });
  }
  return findings;
}
