import { isIP } from 'node:net';
import { Option } from 'commander';
import { knownSecretsFromEnvironment, type KnownSecret } from '@takumo/core';
import {
  createProxy,
  DEFAULT_ANTHROPIC_UPSTREAM,
  DEFAULT_OPENAI_UPSTREAM,
  formatRequestJson,
  formatRequestLine,
  formatSummary,
  type Proxy,
  type ProxyOptions,
  type RequestRecord,
} from '@takumo/proxy';
import type { Severity } from '@takumo/sentinel';
import { type CliContext, UsageError } from '../cli-context.js';
import { collectWorkspaceSecrets, loadConfig, SENTINEL_SEVERITIES, type TakumoConfig } from '../config.js';
import type { RegisterCommand } from './index.js';
import { proxyCloudReporting } from '../agent/command-hooks.js';

/** Flags shared by `takumo proxy` and `takumo run`. */
export interface ProxyFlags {
  port?: string;
  host?: string;
  anthropicUpstream?: string;
  openaiUpstream?: string;
  allowRemote?: boolean;
  quiet?: boolean;
  jsonLog?: boolean;
  sentinel?: 'off' | 'report' | 'block';
  sentinelThreshold?: Severity;
  config?: string;
}

export const DEFAULT_PROXY_PORT = 8787;

export interface ResolvedProxySettings {
  port: number;
  host: string;
  anthropicUpstream: string;
  openaiUpstream: string;
  sentinel: 'off' | 'report' | 'block';
  sentinelThreshold: Severity;
  knownSecrets: KnownSecret[];
  /** How many known secrets came from where (for the banner; never values). */
  learned: { environment: number; dotenv: number };
  config: TakumoConfig;
}

/** Adds the options both commands take. */
export function addProxyOptions(command: import('commander').Command, withPortDefault: boolean): import('commander').Command {
  return command
    .option('-p, --port <port>', `port to listen on${withPortDefault ? ` (default ${DEFAULT_PROXY_PORT}; env TAKUMO_PROXY_PORT)` : ' (default: a free port)'}`)
    .option('--anthropic-upstream <url>', `Anthropic API base URL (default ${DEFAULT_ANTHROPIC_UPSTREAM}; env TAKUMO_ANTHROPIC_UPSTREAM)`)
    .option('--openai-upstream <url>', `OpenAI (or OpenAI-compatible) API base URL (default ${DEFAULT_OPENAI_UPSTREAM}; env TAKUMO_OPENAI_UPSTREAM)`)
    .addOption(new Option('--sentinel <mode>', 'scan answers: report findings, block answers with findings, or off (env TAKUMO_SENTINEL)').choices(['report', 'block', 'off']))
    .addOption(new Option('--sentinel-threshold <severity>', 'lowest severity that blocks in block mode (default high)').choices([...SENTINEL_SEVERITIES]))
    .option('--json-log', 'one JSON object per request instead of the text line')
    .option('-c, --config <file>', 'configuration file (default: .takumo.toml found from the working directory; env TAKUMO_CONFIG)');
}

/** Flags > environment > .takumo.toml > defaults. */
export async function resolveProxySettings(flags: ProxyFlags, context: CliContext, defaults: { port: number; anthropic?: string; openai?: string }): Promise<ResolvedProxySettings> {
  const env = context.env;
  const config = await loadConfig({ cwd: context.cwd, file: flags.config, env });
  const portText = flags.port ?? env.TAKUMO_PROXY_PORT ?? (config.proxy.port !== undefined ? String(config.proxy.port) : undefined);
  const port = portText === undefined ? defaults.port : parsePort(portText);
  const host = flags.host ?? env.TAKUMO_PROXY_HOST ?? config.proxy.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    if (!flags.allowRemote) {
      throw new UsageError(`refusing to listen on ${host}: the proxy would accept requests from other machines and restore secrets for them. Use a loopback host (127.0.0.1, ::1) or pass --allow-remote if you really mean it`);
    }
    context.stderr.write(`takumo: WARNING listening on ${host}: anyone who can reach this port can use your API keys through the proxy and read restored secrets\n`);
  }
  const anthropicUpstream = checkUrl(flags.anthropicUpstream ?? env.TAKUMO_ANTHROPIC_UPSTREAM ?? config.proxy.anthropicUpstream ?? defaults.anthropic ?? DEFAULT_ANTHROPIC_UPSTREAM, 'anthropic upstream');
  const openaiUpstream = checkUrl(flags.openaiUpstream ?? env.TAKUMO_OPENAI_UPSTREAM ?? config.proxy.openaiUpstream ?? defaults.openai ?? DEFAULT_OPENAI_UPSTREAM, 'openai upstream');
  const sentinel = oneOf(flags.sentinel ?? env.TAKUMO_SENTINEL ?? config.proxy.sentinel ?? 'report', ['off', 'report', 'block'] as const, 'sentinel mode');
  const sentinelThreshold = oneOf(flags.sentinelThreshold ?? env.TAKUMO_SENTINEL_THRESHOLD ?? config.proxy.sentinelThreshold ?? 'high', SENTINEL_SEVERITIES, 'sentinel threshold');
  const fromEnv = knownSecretsFromEnvironment(env);
  const fromDotenv = await collectWorkspaceSecrets(context.cwd).catch(() => [] as KnownSecret[]);
  return {
    port,
    host,
    anthropicUpstream,
    openaiUpstream,
    sentinel,
    sentinelThreshold,
    knownSecrets: [...fromEnv, ...fromDotenv],
    learned: { environment: fromEnv.length, dotenv: fromDotenv.length },
    config,
  };
}

/** The per-request line (or JSON object) writer; metadata only. */
export function requestLogger(flags: { quiet?: boolean; jsonLog?: boolean }, out: NodeJS.WritableStream): ((r: RequestRecord) => void) | undefined {
  if (flags.quiet) return undefined;
  return (r) => {
    out.write(`${flags.jsonLog ? formatRequestJson(r) : formatRequestLine(r)}\n`);
  };
}

export function proxyOptions(settings: ResolvedProxySettings, onRequest: ((r: RequestRecord) => void) | undefined): ProxyOptions {
  return {
    anthropicUpstream: settings.anthropicUpstream,
    openaiUpstream: settings.openaiUpstream,
    detector: settings.config.detector,
    knownSecrets: settings.knownSecrets,
    sentinel: settings.sentinel,
    sentinelThreshold: settings.sentinelThreshold,
    ...(onRequest ? { onRequest } : {}),
  };
}

export async function listenOrExplain(proxy: Proxy, port: number, host: string): Promise<string> {
  try {
    return (await proxy.listen(port, host)).url;
  } catch (error) {
    await proxy.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${host} is already in use; choose another with --port`);
    if (code === 'EACCES') throw new UsageError(`not allowed to listen on port ${port}; choose a port above 1023`);
    throw new UsageError(`cannot listen on ${host}:${port}${code ? ` (${code})` : ''}`);
  }
}

export const registerProxy: RegisterCommand = (program, context) => {
  const command = program
    .command('proxy')
    .description('Run the local proxy: AI tools talk to it, it tokenizes secrets outbound and restores them in answers.')
    .option('--host <host>', 'address to listen on (default 127.0.0.1; env TAKUMO_PROXY_HOST)')
    .option('--allow-remote', 'allow a non-loopback --host (dangerous: other machines could use the proxy)')
    .option('-q, --quiet', 'no per-request lines (the summary on exit is still printed)');
  addProxyOptions(command, true)
    .addHelpText(
      'after',
      '\nPoint your tools at it:\n' +
        '  ANTHROPIC_BASE_URL=http://127.0.0.1:8787/anthropic      (Claude Code, Anthropic SDKs)\n' +
        '  OPENAI_BASE_URL=http://127.0.0.1:8787/openai/v1         (Codex CLI, OpenAI SDKs)\n' +
        'Each request prints one line: method, route, status, time, what was tokenized by category,\n' +
        'restored tokens, Sentinel findings - never a value. Ctrl-C stops it and prints a summary.\n' +
        'Exit status: 0 after a clean stop, 2 on a usage error (e.g. port in use).\n',
    )
    .action(async (flags: ProxyFlags) => {
      const settings = await resolveProxySettings(flags, context, { port: DEFAULT_PROXY_PORT });
      // Takumo Cloud (cloud-agent edit): detections and Sentinel findings go to the team cloud
      // as metadata while the proxy runs (every 30 s) and at stop; inert without a cloud.
      const cloud = proxyCloudReporting(context);
      const proxy = createProxy({ ...proxyOptions(settings, requestLogger(flags, context.stdout)), onEvent: cloud.onEvent });
      const url = await listenOrExplain(proxy, settings.port, settings.host);
      context.stderr.write(
        `takumo proxy listening on ${url}\n` +
          `  anthropic → ${displayUrl(settings.anthropicUpstream)}   (ANTHROPIC_BASE_URL=${url}/anthropic)\n` +
          `  openai    → ${displayUrl(settings.openaiUpstream)}   (OPENAI_BASE_URL=${url}/openai/v1)\n` +
          `  known secrets: ${settings.learned.environment} from the environment, ${settings.learned.dotenv} from .env files · sentinel: ${settings.sentinel}` +
          `${settings.sentinel === 'block' ? ` (threshold ${settings.sentinelThreshold})` : ''}\n`,
      );
      await waitForStopSignal();
      await proxy.close();
      await cloud.close(); // cloud-agent edit: bounded final delivery
      context.stderr.write(`${formatSummary(proxy.stats)}\n`);
      context.exitCode = 0;
    });
};

/** Resolves on SIGINT, SIGTERM or SIGHUP (then the proxy shuts down cleanly). */
function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const on = (s: NodeJS.Signals): void => {
      for (const sig of signals) process.off(sig, on);
      resolve(s);
    };
    for (const sig of signals) process.on(sig, on);
  });
}

function parsePort(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`invalid port "${text}": expected a number from 0 to 65535`);
  return n;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  return isIP(h) === 4 && h.startsWith('127.');
}

function checkUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The value itself is not echoed: a gateway URL can carry credentials.
    throw new UsageError(`invalid ${what} URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`the ${what} must be an http(s) URL, got ${url.protocol}`);
  return value;
}

/** A URL for the terminal: no user:password, no query string. */
export function displayUrl(value: string): string {
  try {
    const u = new URL(value);
    return `${u.protocol}//${u.host}${u.pathname === '/' ? '' : u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`invalid ${what} "${value}": expected one of ${allowed.join(', ')}`);
  return value as T;
}
