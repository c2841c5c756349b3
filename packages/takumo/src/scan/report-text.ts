import type { ScanReport, ScanStats } from './scanner.js';

/** One line per finding: `file:line:column  rule  category  preview` (preview redacted). */
export function formatText(report: ScanReport): string {
  return report.findings.map((f) => `${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.category}  ${f.preview}\n`).join('');
}

/** The human summary printed on stderr, so stdout stays one finding per line. */
export function formatSummary(stats: ScanStats): string {
  const parts = [`${stats.findings} finding${stats.findings === 1 ? '' : 's'} in ${stats.files} file${stats.files === 1 ? '' : 's'} (${formatBytes(stats.bytes)}, ${stats.durationMs} ms)`];
  const skipped: string[] = [];
  const s = stats.skipped;
  if (s.binary) skipped.push(`${s.binary} binary`);
  if (s.tooLarge) skipped.push(`${s.tooLarge} over the size limit`);
  if (s.symlinks) skipped.push(`${s.symlinks} symbolic link${s.symlinks === 1 ? '' : 's'}`);
  if (s.special) skipped.push(`${s.special} special file${s.special === 1 ? '' : 's'}`);
  if (s.excluded) skipped.push(`${s.excluded} excluded by config`);
  if (s.ignored) skipped.push(`${s.ignored} ignored by .gitignore`);
  if (skipped.length) parts.push(`skipped: ${skipped.join(', ')}`);
  if (stats.invalidUtf8) parts.push(`${stats.invalidUtf8} not valid UTF-8 (scanned with bad bytes replaced)`);
  if (stats.baselined) parts.push(`${stats.baselined} in the baseline`);
  if (stats.unreadable) parts.push(`${stats.unreadable} unreadable`);
  return parts.join('; ') + '\n';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
