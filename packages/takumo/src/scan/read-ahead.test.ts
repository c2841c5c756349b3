import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead.js';

// The reading thread runs compiled JavaScript: these tests start tsc's output of
// read-worker.ts (`npm run build` first), as the built scanner does.
const script = new URL('../../dist/scan/read-worker.js', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'takumo-read-ahead-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads every path through `reader`, in order, as the scan does: a copy of the bytes, or the outcome. */
async function readAll(reader: ReadAhead, paths: string[]): Promise<(string | undefined)[]> {
  reader.begin(paths);
  const got: (string | undefined)[] = [];
  for (const path of paths) {
    try {
      const read = reader.read(path);
      const bytes = read instanceof Promise ? await read : read;
      got.push(bytes === undefined ? undefined : Buffer.from(bytes).toString('latin1'));
    } catch (error) {
      got.push(`error ${(error as NodeJS.ErrnoException).code}`);
    }
  }
  await reader.close();
  return got;
}

function writeFiles(name: string, contents: string[]): string[] {
  mkdirSync(join(dir, name));
  return contents.map((content, i) => {
    const path = join(dir, name, `f${i}`);
    writeFileSync(path, content, 'latin1');
    return path;
  });
}

describe('ReadAhead', () => {
  it('hands back each file’s bytes in the order given, through more files than its ring holds', async () => {
    // 400 files: the ring (128 slots) is refilled three times over; a few are larger than
    // a slot (64 KB) and read by the caller. The caller first lets the reader start and fill
    // the ring, then is slow now and then, so that the reader both waits for free slots and
    // runs ahead.
    const contents = Array.from({ length: 400 }, (_, i) => (i % 97 === 5 ? `${i}:`.padEnd(70_000 + i, 'b') : `${i}:`.padEnd(i * 37, String.fromCharCode(0x41 + (i % 26)))));
    const paths = writeFiles('order', contents);
    const reader = ReadAhead.start(1 << 20, script)!;
    expect(reader).toBeDefined();
    reader.begin(paths);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const got: string[] = [];
    for (const [i, path] of paths.entries()) {
      if (i % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      const read = reader.read(path);
      got.push(Buffer.from((read instanceof Promise ? await read : read)!).toString('latin1'));
    }
    await reader.close();
    expect(got).toEqual(contents);
  });

  it('leaves a file over the size limit unread and reads one at the limit', async () => {
    const paths = writeFiles('sized', ['x'.repeat(100), 'y'.repeat(101), 'z'.repeat(70_000), '']);
    expect(await readAll(ReadAhead.start(100, script)!, paths)).toEqual(['x'.repeat(100), undefined, undefined, '']);
  });

  it('reports a file that vanished or became a folder after the walk by its error code, and goes on', async () => {
    const paths = writeFiles('vanished', ['first', 'gone', 'now a folder', 'last']);
    unlinkSync(paths[1]!);
    unlinkSync(paths[2]!);
    mkdirSync(paths[2]!);
    expect(await readAll(ReadAhead.start(1 << 20, script)!, paths)).toEqual(['first', 'error ENOENT', 'error EISDIR', 'last']);
  });

  it('reads the files itself when the reading thread fails to start', async () => {
    const broken = join(dir, 'broken-reader.mjs');
    writeFileSync(broken, "throw new Error('no reader here');\n");
    const paths = writeFiles('fallback', ['one', 'two', 'x'.repeat(200), 'three']);
    expect(await readAll(ReadAhead.start(100, pathToFileURL(broken))!, paths)).toEqual(['one', 'two', undefined, 'three']);
  });

  it('refuses a file out of the order given', async () => {
    const paths = writeFiles('misordered', ['a', 'b']);
    const reader = ReadAhead.start(1 << 20, script)!;
    reader.begin(paths);
    expect(() => reader.read(paths[1]!)).toThrow(/out of order/);
    await reader.close();
  });

  it('is not started from the TypeScript sources', () => {
    expect(ReadAhead.start(100, new URL('./read-worker.ts', import.meta.url))).toBeUndefined();
  });
});
