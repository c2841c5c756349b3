import { createHash } from 'node:crypto';
import type { Finding } from '@takumo/core';

/**
 * Finding fingerprints for baselines and for SARIF's `primaryLocationLineHash`.
 *
 * detect-secrets keys its baseline on the line number, so inserting a line above a known
 * finding makes it "new" again. A fingerprint here is built from what does not move:
 *
 *   SHA-256( rule, file, the line's text with every secret span on it replaced by its
 *            category and surrounding whitespace trimmed, the occurrence index among
 *            findings of the same file with that same rule and context )  → 16 hex
 *   + a 2-hex value tag: the first byte of SHA-256(rule, secret)
 *
 * Lines moving, indentation changing or code elsewhere in the file changing leave it as
 * it is. The secret itself is never hashed in full: a plain hash of a low-entropy value
 * (a short password) could be confirmed offline by hashing guesses. The one-byte tag
 * cannot confirm a guess (one candidate in 256 matches by chance), yet it changes when
 * the value on a baselined line is replaced, so a rotated or newly pasted secret there
 * is reported again instead of hiding behind the old entry.
 */
/** Fingerprints of one file's findings (in the order given, which must be file order). */
export function fingerprintFindings(file: string, text: string, findings: readonly Finding[]): string[] {
  const occurrences = new Map<string, number>();
  const lineStarts = new Map<number, number>();
  return findings.map((finding) => {
    const context = lineContext(text, finding, findings, lineStarts);
    const key = `${finding.rule}\u0000${context}`;
    const index = occurrences.get(key) ?? 0;
    occurrences.set(key, index + 1);
    const where = sha256(['takumo-fp-v1', finding.rule, file, context, String(index)].join('\u0000')).slice(0, 16);
    const tag = sha256(['takumo-tag-v1', finding.rule, text.slice(finding.start, finding.end)].join('\u0000')).slice(0, 2);
    return where + tag;
  });
}

function lineContext(text: string, finding: Finding, all: readonly Finding[], cache: Map<number, number>): string {
  let lineStart = cache.get(finding.line);
  if (lineStart === undefined) {
    lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
    cache.set(finding.line, lineStart);
  }
  let lineEnd = text.indexOf('\n', finding.start);
  if (lineEnd === -1) lineEnd = text.length;
  // Context is capped so a minified megabyte line costs little and still identifies the spot.
  const CAP = 512;
  let out = '';
  let cursor = lineStart;
  const onLine = all
    .filter((f) => f.start < lineEnd && f.end > lineStart)
    .sort((a, b) => a.start - b.start);
  for (const f of onLine) {
    const s = Math.max(f.start, lineStart);
    if (s < cursor) continue;
    out += text.slice(cursor, s) + `<${f.category}>`;
    cursor = Math.min(Math.max(f.end, s), lineEnd);
  }
  out += text.slice(cursor, lineEnd);
  out = out.trim();
  return out.length > CAP ? nearSecret(out, CAP) : out;
}

/** For very long lines keep the part around the first placeholder. */
function nearSecret(context: string, cap: number): string {
  const at = Math.max(0, context.indexOf('<') - cap / 2);
  return context.slice(at, at + cap);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
