import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Security invariant 2, proved on the real thing: a child process runs a tokenize /
 * rehydrate / streaming workload with the BUILT package under strace. The trace must show
 * no file opened for writing, no rename, and no secret byte written to any descriptor but
 * stdout — the pipe this test reads.
 */
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/index.js');
const strace = ['/usr/bin/strace', '/bin/strace', '/usr/local/bin/strace'].find((p) => existsSync(p));
const skipReason = !strace ? 'strace is not installed (.ci/run installs it)' : !existsSync(dist) ? 'packages/core/dist is missing (run npm run build first)' : '';

const SECRETS = ['Zq8!pW3vN7xK2mR9-strace', 'Xy9zQw3rTt8vStrace', 'MIIEowIBAAKCAQEA7bq98gMYk1xLMJd0T1yB2q8Qq9XwYlR0aZ6CkT0m8xwQ'];

const WORKLOAD = `
import { createSession } from ${JSON.stringify(pathToFileURL(dist).href)};
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { known, text } = JSON.parse(input);
const session = createSession({ knownSecrets: known.map((value) => ({ value, source: 'strace-test' })) });
let last;
for (let i = 0; i < 40; i++) {
  const original = text + i;
  const tokenized = session.tokenize(original, 'config/app.env');
  const restored = session.rehydrate(tokenized.text);
  if (restored !== original) throw new Error('round trip failed');
  const stream = session.rehydrator();
  let streamed = '';
  for (let j = 0; j < tokenized.text.length; j += 7) streamed += stream.push(tokenized.text.slice(j, j + 7));
  streamed += stream.end();
  if (streamed !== original) throw new Error('streaming restore failed');
  try { session.rehydrate(42); } catch (error) { if (!String(error.message).includes('string')) throw error; }
  last = { tokenized: tokenized.text, restored, findings: tokenized.findings.length };
}
session.destroy();
try { session.tokenize(text); } catch (error) { last.destroyedError = error.code; }
process.stdout.write(JSON.stringify(last));
`;

describe.skipIf(skipReason !== '')(`no vault data leaves the process${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  it('writes no file and no secret byte anywhere but the test\'s own pipe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'takumo-strace-'));
    try {
      const traceFile = join(dir, 'trace.txt');
      const text = [
        `API_TOKEN=${SECRETS[0]}`,
        `DATABASE_URL=postgres://admin:${SECRETS[1]}@db.internal:5432/app`,
        '-----BEGIN RSA PRIVATE KEY-----',
        SECRETS[2],
        'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXyz01',
        '-----END RSA PRIVATE KEY-----',
        'plain code '.repeat(200),
      ].join('\n');
      const run = spawnSync(
        strace as string,
        ['-f', '-qq', '-e', 'trace=openat,open,creat,write,writev,pwrite64,pwritev,rename,renameat,renameat2', '-s', '1000000', '-xx', '-o', traceFile, process.execPath, '--input-type=module', '-e', WORKLOAD],
        { input: JSON.stringify({ known: [SECRETS[0]], text }), encoding: 'utf8', timeout: 25_000 },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout) as { tokenized: string; restored: string; findings: number; destroyedError: string };
      expect(result.destroyedError).toBe('TAKUMO_E_SESSION_DESTROYED');
      expect(result.findings).toBeGreaterThanOrEqual(3);
      for (const s of SECRETS) expect(result.tokenized).not.toContain(s);

      const trace = readFileSync(traceFile, 'utf8').split('\n');
      const opensForWriting = trace.filter((l) => /\b(open|openat|creat)\(/.test(l) && /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND|\bcreat\(/.test(l));
      expect(opensForWriting).toEqual([]);
      expect(trace.filter((l) => /\brename(at2?)?\(/.test(l))).toEqual([]);

      const secretBytes = SECRETS.map((s) => Buffer.from(s, 'utf8'));
      let stdoutSawSecrets = false;
      const leaks: string[] = [];
      for (const line of trace) {
        const call = /^\d+\s+(write|writev|pwrite64|pwritev)\((\d+),/.exec(line);
        if (!call) continue;
        const data = Buffer.concat([...line.matchAll(/"((?:\\x[0-9a-f]{2})*)"/g)].map((m) => Buffer.from((m[1] as string).replace(/\\x/g, ''), 'hex')));
        const hits = secretBytes.some((s) => data.includes(s));
        if (call[2] === '1') stdoutSawSecrets ||= hits;
        else if (hits) leaks.push(`${call[1]} to fd ${call[2]}`);
      }
      // The trace does see the bytes that go to the pipe (the restored text), so it would see a leak.
      expect(stdoutSawSecrets).toBe(true);
      expect(leaks).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
