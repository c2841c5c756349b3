import type { Segment } from '../segments.js';
import type { SentinelFinding } from '../types.js';
import { acceptsCopyleft, classify, parseExpression } from './classify.js';
import { detectLicenses } from './detect.js';
import { type FingerprintIndex, matchIndex } from './fingerprint.js';

export interface LicenseScanOptions {
  /** SPDX id/expression of the project, or `proprietary` (default). */
  projectLicense?: string;
  /** Fingerprints of known code (`takumo sentinel index add`); answers reproducing it are reported. */
  index?: FingerprintIndex;
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
  if (options.index && options.index.files.length > 0) {
    for (const segment of segments) {
      if (segment.kind !== 'code') continue;
      for (const m of matchIndex(options.index, segment.text, segment.language)) {
        const node = parseExpression(m.license);
        const c = node ? classify(node) : undefined;
        const conflicting = !!c?.copyleft && c.binding.some((id) => !projectIds.some((p) => acceptsCopyleft(p, id)));
        findings.push({
          category: 'license',
          rule: 'license/snippet-match',
          severity: conflicting ? (c?.strength === 'weak' ? 'medium' : 'high') : 'low',
          line: m.line + segment.lineOffset,
          endLine: m.endLine + segment.lineOffset,
          column: 1,
          message: `Reproduces ${m.tokens} tokens of ${m.file} (lines ${m.sourceLine}-${m.sourceEndLine}, ${m.license})${conflicting ? ': copyleft code in this project' : ''}`,
          fix: conflicting ? 'Do not paste this code: write your own or take it from a compatibly licensed source.' : 'Keep the copyright and licence notice of the source.',
          cwe: 'CWE-1104',
        });
      }
    }
  }
  return findings;
}
