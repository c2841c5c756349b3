import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config.js';
import { scan } from './scanner.js';

const GH = 'ghp_' + 'R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'takumo-scanner-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scan', () => {
  it('reports a file that fails to read, and still scans every other file', async () => {
    // CI runs as root, where chmod 000 does not stop a read: the failure is injected at the reader.
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src/a.txt'), `t="${GH}"\n`);
    writeFileSync(join(dir, 'src/b.txt'), 'fine\n');
    writeFileSync(join(dir, 'src/c.txt'), `u="${GH}"\n`);
    const report = await scan({
      cwd: dir,
      targets: ['src'],
      config: defaultConfig(),
      maxFileSize: 1 << 20,
      readBytes: async (abs) => {
        if (abs.endsWith('b.txt')) throw Object.assign(new Error('denied'), { code: 'EACCES' });
        return readFile(abs);
      },
    });
    expect(report.errors).toEqual([{ file: 'src/b.txt', code: 'EACCES' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['src/a.txt', 'src/c.txt']);
    expect(report.stats).toMatchObject({ files: 2, unreadable: 1 });
  });

  it('reports a file the detector fails on as an error instead of as clean', async () => {
    writeFileSync(join(dir, 'a.txt'), `t="${GH}"\n`);
    writeFileSync(join(dir, 'b.txt'), 'boom_0123456789\n');
    const config = defaultConfig();
    config.detector.extraRules = [
      {
        id: 'explodes',
        category: 'CRED',
        description: 'a rule whose validator throws',
        keywords: ['boom_'],
        pattern: /boom_[0-9]{10}/,
        validate: () => {
          throw new Error('validator bug');
        },
        confidence: 'high',
        examples: { match: [], noMatch: [] },
      },
    ];
    const report = await scan({ cwd: dir, targets: ['.'], config, maxFileSize: 1 << 20 });
    expect(report.errors).toEqual([{ file: 'b.txt', code: 'TAKUMO_E_DETECT' }]);
    expect(report.findings.map((f) => f.file)).toEqual(['a.txt']);
  });

  it('scans a tree with no files at all', async () => {
    const report = await scan({ cwd: dir, targets: ['.'], config: defaultConfig(), maxFileSize: 1 << 20 });
    expect(report.findings).toEqual([]);
    expect(report.stats.files).toBe(0);
  });

  it('scans a file named twice only once', async () => {
    writeFileSync(join(dir, 'a.txt'), `t="${GH}"\n`);
    const report = await scan({ cwd: dir, targets: ['.', 'a.txt', './a.txt'], config: defaultConfig(), maxFileSize: 1 << 20 });
    expect(report.findings).toHaveLength(1);
  });
});

describe('scan across threads', () => {
  it('reports the same findings and stats with workers beside the main thread as on the main thread alone', async () => {
    // 300 files: several batches, so the workers get some and the main thread others.
    for (let i = 0; i < 300; i++) {
      const body = `${'let n = 1;\n'.repeat(i % 50)}${i % 4 === 0 ? `const t = "${GH}";\n` : 'const t = "nothing";\n'}`;
      mkdirSync(join(dir, `m${i % 9}`), { recursive: true });
      writeFileSync(join(dir, `m${i % 9}/f${i}.ts`), i === 7 ? Buffer.from([0, 1, 2, 3]) : body);
    }
    // Over the size limit: counted as skipped by whichever thread opens it.
    writeFileSync(join(dir, 'm3/huge.ts'), `const t = "${GH}";\n${'x'.repeat(1 << 20)}`);
    // The worker script exists only in the build (see worker-pool.ts), so the built scanner runs here.
    const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
    const built = (await import(resolve(repoRoot, 'packages/takumo/dist/scan/scanner.js'))) as typeof import('./scanner.js');
    const run = (workers: number) => built.scan({ cwd: dir, targets: ['.'], config: defaultConfig(), maxFileSize: 1 << 20, workers, workerHeadStart: true });
    const alone = await run(0);
    const threaded = await run(3);
    expect(alone.workerFiles).toBe(0);
    expect(threaded.workerFiles).toBeGreaterThan(0);
    expect(alone.findings).toHaveLength(75);
    expect(threaded.findings).toEqual(alone.findings);
    expect(threaded.errors).toEqual(alone.errors);
    expect(threaded.stats).toEqual({ ...alone.stats, durationMs: threaded.stats.durationMs });
    expect(alone.stats.skipped.binary).toBe(1);
    expect(alone.stats.skipped.tooLarge).toBe(1);
  });
});
