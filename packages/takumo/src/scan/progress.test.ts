import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk, _enc, cb) {
      w.text += String(chunk);
      cb();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

describe('createProgress', () => {
  it('draws one redrawn line with counts and erases it at the end', () => {
    const out = sink();
    const progress = createProgress(out, { delayMs: 0, intervalMs: 0 });
    progress.update({ files: 1, bytes: 2048, total: 4 });
    progress.update({ files: 2, bytes: 4096, total: 4 });
    progress.done();
    expect(out.text).toBe(
      '\r\x1b[2Kscanning: 1/4 files (25%), 2.0 KB' + '\r\x1b[2Kscanning: 2/4 files (50%), 4.0 KB' + '\r\x1b[2K',
    );
  });

  it('stays silent for a scan shorter than its delay', () => {
    const out = sink();
    const progress = createProgress(out, { delayMs: 60_000 });
    progress.update({ files: 1, bytes: 10, total: 1 });
    progress.done();
    expect(out.text).toBe('');
  });
});
