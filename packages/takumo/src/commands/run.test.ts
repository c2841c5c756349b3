import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../test-support/run-cli.js';
import { CANARIES, leakedFragments } from '../../../proxy/src/test-support/canaries.js';
import { type FakeProvider, startFakeProvider } from '../../../proxy/src/test-support/fake-provider.js';

const require = createRequire(import.meta.url);
const ANTHROPIC_SDK = require.resolve('@anthropic-ai/sdk');
const OPENAI_SDK = require.resolve('openai');

let fake: FakeProvider;
let dir: string;

beforeAll(async () => {
  fake = await startFakeProvider({ deltaSize: 3 });
  dir = mkdtempSync(join(tmpdir(), 'takumo-run-'));
  // A workspace .env: its value must be learned and tokenized too.
  writeFileSync(join(dir, '.env'), `STRIPE_LIKE_SECRET=${CANARIES.conn}\n`);
  // A script that uses the official SDKs with no base URL of its own.
  writeFileSync(
    join(dir, 'script.cjs'),
    `const AnthropicModule = require(${JSON.stringify(ANTHROPIC_SDK)});
const OpenAIModule = require(${JSON.stringify(OPENAI_SDK)});
const Anthropic = AnthropicModule.Anthropic ?? AnthropicModule.default ?? AnthropicModule;
const OpenAI = OpenAIModule.OpenAI ?? OpenAIModule.default ?? OpenAIModule;
(async () => {
  const question = 'printenv:\\nGITHUB_TOKEN=' + process.env.GITHUB_TOKEN + '\\n.env: ' + ${JSON.stringify(CANARIES.conn)};
  const anthropic = new Anthropic({ maxRetries: 0 });
  const text = await anthropic.messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: question }] }).finalText();
  const openai = new OpenAI({ maxRetries: 0 });
  const chat = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: question }] });
  console.log(JSON.stringify({ text, chat: chat.choices[0].message.content, base: process.env.ANTHROPIC_BASE_URL, run: process.env.TAKUMO_RUN }));
  process.exit(3);
})().catch((e) => { console.error('script failed', e && e.status); process.exit(9); });
`,
  );
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('takumo run', () => {
  it('runs an SDK script with no explicit base URL through the proxy and returns its exit code', async () => {
    const before = fake.requests.length;
    const r = await runCli(['run', '--', process.execPath, 'script.cjs'], {
      cwd: dir,
      env: {
        ANTHROPIC_BASE_URL: fake.url,
        OPENAI_BASE_URL: `${fake.url}/v1`,
        ANTHROPIC_API_KEY: 'sk-ant-dummy',
        OPENAI_API_KEY: 'sk-dummy',
        GITHUB_TOKEN: CANARIES.github,
        TAKUMO_RUN: '',
      },
    });
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { text: string; chat: string; base: string; run: string };
    expect(out.text).toContain(CANARIES.github);
    expect(out.text).toContain(CANARIES.conn);
    expect(out.chat).toContain(CANARIES.github);
    expect(out.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/anthropic$/);
    expect(out.run).toBe('1');
    const received = fake.requests.slice(before);
    expect(received.map((q) => q.url)).toEqual(['/v1/messages', '/v1/chat/completions']);
    for (const q of received) expect(leakedFragments(q.body)).toEqual([]);
    // The summary is metadata only.
    expect(r.stderr).toMatch(/takumo proxy: 2 requests/);
    expect(leakedFragments(r.stderr)).toEqual([]);
  });

  it('inside a takumo run, runs the command directly (no nesting)', async () => {
    const r = await runCli(['run', '--', process.execPath, '-e', 'console.log(process.env.ANTHROPIC_BASE_URL)'], {
      cwd: dir,
      env: { TAKUMO_RUN: '1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:1/anthropic' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('http://127.0.0.1:1/anthropic');
    expect(r.stderr).toContain('already inside takumo run');
  });

  it('passes SIGTERM on to the command and exits with 128+signal', async () => {
    const child = spawn(process.execPath, [CLI_BIN, 'run', '--', process.execPath, '-e', 'console.log("ready"); setTimeout(() => {}, 20000)'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(128 + 15);
  });

  it('reports a command that does not exist with exit 127', async () => {
    const r = await runCli(['run', '--', 'takumo-no-such-command-xyz'], { cwd: dir, env: { TAKUMO_RUN: '' } });
    expect(r.code).toBe(127);
    expect(r.stderr).toContain('command not found: takumo-no-such-command-xyz');
  });
});

describe('childEnvironment', () => {
  it('points every usual variable at the proxy and keeps loopback out of an HTTPS proxy', async () => {
    const { childEnvironment } = await import('./run.js');
    const env = childEnvironment({ HTTPS_PROXY: 'http://corp:3128', NO_PROXY: 'internal.corp', KEEP: 'x' }, 'http://127.0.0.1:4000');
    expect(env).toMatchObject({
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:4000/anthropic',
      ANTHROPIC_API_BASE: 'http://127.0.0.1:4000/anthropic',
      OPENAI_BASE_URL: 'http://127.0.0.1:4000/openai/v1',
      OPENAI_API_BASE: 'http://127.0.0.1:4000/openai/v1',
      TAKUMO_RUN: '1',
      NO_PROXY: 'internal.corp,127.0.0.1,localhost',
      KEEP: 'x',
    });
    expect(childEnvironment({}, 'http://127.0.0.1:4000').NO_PROXY).toBeUndefined();
  });
});
