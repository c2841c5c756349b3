import type { Writable } from 'node:stream';
import type { ScanProgress } from './scanner.js';
import { formatBytes } from './report-text.js';

/**
 * A one-line progress display on stderr for long scans: it appears only after the scan
 * has run for a while (short scans stay quiet), redraws at most a few times a second,
 * and erases itself at the end so the report is what remains.
 */
export function createProgress(stream: Writable, options: { delayMs?: number; intervalMs?: number } = {}): ScanProgress {
  const started = Date.now();
  const delay = options.delayMs ?? 750;
  const interval = options.intervalMs ?? 150;
  let lastDraw = 0;
  let drawn = false;
  return {
    update({ files, bytes, total }) {
      const now = Date.now();
      if (now - started < delay || now - lastDraw < interval) return;
      lastDraw = now;
      drawn = true;
      const pct = total > 0 ? Math.floor((files / total) * 100) : 100;
      stream.write(`\r\x1b[2Kscanning: ${files}/${total} files (${pct}%), ${formatBytes(bytes)}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
