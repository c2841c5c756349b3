import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli.js';
import { CLI_BIN } from '../test-support/run-cli.js';
import { TextCollector } from '../test-support/run-main.js';
import { CANARIES, leakedFragments } from '../../../proxy/src/test-support/canaries.js';
import { type FakeProvider, startFakeProvider, TOKEN_RE } from '../../../proxy/src/test-support/fake-provider.js';

let fake: FakeProvider;
let workspace: string;
beforeAll(async () => {
  fake = await startFakeProvider({ deltaSize: 3 });
  workspace = mkdtempSync(join(tmpdir(), 'takumo-proxy-cli-'));
  writeFileSync(join(workspace, '.env'), `DB_PASSWORD="${CANARIES.quoted.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`);
});
afterAll(async () => {
  await fake.close();
  rmSync(workspace, { recursive: true, force: true });
});

describe('takumo proxy (in process)', () => {
  it('prints help with every option', async () => {
    const out = new TextCollector();
    const code = await main(['proxy', '--help'], { stdout: out, stderr: out });
    expect(code).toBe(0);
    for (const o of ['--port', '--host', '--anthropic-upstream', '--openai-upstream', '--allow-remote', '--quiet', '--json-log', '--sentinel', '--sentinel-threshold']) {
      expect(out.text()).toContain(o);
    }
  });

  it('refuses a non-loopback host without --allow-remote (exit 2)', async () => {
    const err = new TextCollector();
    const code = await main(['proxy', '--host', '0.0.0.0', '--port', '0'], { stdout: new TextCollector(), stderr: err, env: {}, cwd: workspace });
    expect(code).toBe(2);
    expect(err.text()).toMatch(/refusing to listen on 0\.0\.0\.0.*--allow-remote/);
  });

  it('rejects an invalid port and sentinel mode with exit 2', async () => {
    expect(await main(['proxy', '--port', 'abc'], { stdout: new TextCollector(), stderr: new TextCollector(), env: {}, cwd: workspace })).toBe(2);
    expect(await main(['proxy', '--sentinel', 'loud'], { stdout: new TextCollector(), stderr: new TextCollector(), env: {}, cwd: workspace })).toBe(2);
    expect(await main(['proxy'], { stdout: new TextCollector(), stderr: new TextCollector(), env: { TAKUMO_SENTINEL: 'loud' }, cwd: workspace })).toBe(2);
  });
});

interface Spawned {
  url: Promise<string>;
  stop(): Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function spawnProxy(args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(process.execPath, [CLI_BIN, 'proxy', '--port', '0', ...args], { cwd: workspace, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.on('close', () => reject(new Error(`proxy exited early: ${stderr}`)));
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    url,
    async stop() {
      child.kill('SIGINT');
      const code = await closed;
      return { code, stdout, stderr };
    },
  };
}

describe('takumo proxy (the built binary, a full session with canaries)', () => {
  it('serves both providers, prints one metadata line per request and a summary, and never prints a secret', async () => {
    const before = fake.requests.length;
    const env = { GITHUB_TOKEN: CANARIES.github, DATABASE_URL: CANARIES.conn, PRIVATE_KEY: CANARIES.pem };
    const p = spawnProxy(['--anthropic-upstream', fake.url, '--openai-upstream', fake.url], env);
    const url = await p.url;
    const anthropic = new Anthropic({ baseURL: `${url}/anthropic`, apiKey: 'sk-ant-test-key-not-secret', maxRetries: 0 });
    const openai = new OpenAI({ baseURL: `${url}/openai/v1`, apiKey: 'sk-test-key-not-secret', maxRetries: 0 });
    const question = `env output:\nGITHUB_TOKEN=${CANARIES.github}\nDATABASE_URL=${CANARIES.conn}\nDB_PASSWORD=${CANARIES.quoted}\n${CANARIES.pem}`;
    const text = await anthropic.messages.stream({ model: 'm', max_tokens: 10, messages: [{ role: 'user', content: question }] }).finalText();
    const chat = await openai.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: question }] });
    const resp = await openai.responses.create({ model: 'm', input: question });
    const { code, stdout, stderr } = await p.stop();

    for (const answer of [text, chat.choices[0]!.message.content ?? '', resp.output_text]) {
      for (const v of Object.values(CANARIES)) expect(answer).toContain(v);
      expect(answer).not.toMatch(TOKEN_RE);
    }
    for (const r of fake.requests.slice(before)) expect(leakedFragments(r.body)).toEqual([]);
    expect(code).toBe(0);
    expect(leakedFragments(stdout + stderr)).toEqual([]);
    expect(stdout + stderr).not.toContain('sk-ant-test-key-not-secret');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^POST\s+\/v1\/messages\s+200\s+\d+ms\s+tokenized .*KEY×1.*\s+restored \d+/);
    expect(lines[0]).toMatch(/CONN×1/);
    // Four secrets in the question: the GitHub key, the URL, the .env password, the PEM key.
    const counts = [...lines[0]!.matchAll(/[A-Z]+×(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counts).toBe(4);
    expect(lines[1]).toMatch(/^POST\s+\/v1\/chat\/completions\s+200/);
    expect(lines[2]).toMatch(/^POST\s+\/v1\/responses\s+200/);
    expect(stderr).toMatch(/known secrets: \d+ from the environment, 1 from \.env files/);
    expect(stderr).toMatch(/takumo proxy: 3 requests, tokenized .*restored \d+/);
  });

  it('--json-log writes one JSON object per request, metadata only', async () => {
    const p = spawnProxy(['--json-log', '--anthropic-upstream', fake.url], { GITHUB_TOKEN: CANARIES.github });
    const url = await p.url;
    const anthropic = new Anthropic({ baseURL: url, apiKey: 'k', maxRetries: 0 });
    await anthropic.messages.create({ model: 'm', max_tokens: 1, messages: [{ role: 'user', content: `t ${CANARIES.github}` }] });
    const { stdout, stderr } = await p.stop();
    const record = JSON.parse(stdout.trim()) as Record<string, unknown>;
    expect(record).toMatchObject({ method: 'POST', route: '/v1/messages', status: 200, tokenized: { KEY: 1 }, provider: 'anthropic' });
    expect(leakedFragments(stdout + stderr)).toEqual([]);
  });
});
