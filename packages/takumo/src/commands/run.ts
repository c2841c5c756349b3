import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { createProxy, formatSummary } from '@takumo/proxy';
import { UsageError } from '../cli-context.js';
import { addProxyOptions, listenOrExplain, type ProxyFlags, proxyOptions, requestLogger, resolveProxySettings } from './proxy.js';
import type { RegisterCommand } from './index.js';
import { proxyCloudReporting } from '../agent/command-hooks.js';

interface RunFlags extends ProxyFlags {
  verbose?: boolean;
}

/** Base-URL variables pointing the usual tools at the proxy (see the README's per-tool notes). */
export function childEnvironment(parent: NodeJS.ProcessEnv, proxyUrl: string): NodeJS.ProcessEnv {
  const anthropic = `${proxyUrl}/anthropic`;
  const openai = `${proxyUrl}/openai/v1`;
  // A tool that honours HTTPS_PROXY must still reach the local proxy directly.
  const noProxy = [parent.NO_PROXY ?? parent.no_proxy, '127.0.0.1', 'localhost'].filter(Boolean).join(',');
  const proxied = Boolean(parent.HTTPS_PROXY || parent.https_proxy || parent.HTTP_PROXY || parent.http_proxy || parent.ALL_PROXY || parent.all_proxy);
  return {
    ...parent,
    ...(proxied ? { NO_PROXY: noProxy, no_proxy: noProxy } : {}),
    ANTHROPIC_BASE_URL: anthropic, // Anthropic SDKs, Claude Code
    ANTHROPIC_API_BASE: anthropic, // LiteLLM-based tools (aider)
    OPENAI_BASE_URL: openai, // OpenAI SDKs, Codex CLI
    OPENAI_API_BASE: openai, // aider, LiteLLM, older OpenAI SDKs
    TAKUMO_PROXY_URL: proxyUrl,
    TAKUMO_RUN: '1',
  };
}

/**
 * Upstreams default to where the tools were pointed before Takumo stepped in: a user
 * behind a company gateway keeps it (`ANTHROPIC_BASE_URL` / `OPENAI_BASE_URL` of the
 * parent environment), unless that is a Takumo proxy itself.
 */
function inheritedUpstream(value: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (!value) return undefined;
  if (env.TAKUMO_PROXY_URL && value.startsWith(env.TAKUMO_PROXY_URL)) return undefined;
  try {
    new URL(value);
    return value;
  } catch {
    return undefined;
  }
}

export const registerRun: RegisterCommand = (program, context) => {
  const command = program
    .command('run')
    .description('Run a command (an AI tool, a script) with its AI traffic going through a private Takumo proxy.')
    .argument('<command>', 'the command to run')
    .argument('[args...]', 'its arguments (put -- before the command so its options are not read as takumo\'s)')
    .option('-v, --verbose', 'print one line per request on stderr')
    .option('-q, --quiet', 'no summary on exit');
  addProxyOptions(command, false)
    .addHelpText(
      'after',
      '\nExample: takumo run -- claude        takumo run -- codex        takumo run -- node script.js\n' +
        'The proxy listens on a free loopback port; the command gets ANTHROPIC_BASE_URL, ANTHROPIC_API_BASE,\n' +
        'OPENAI_BASE_URL, OPENAI_API_BASE pointing at it and TAKUMO_RUN=1. Known secrets are learned from\n' +
        'the environment and the workspace .env files; the vault is destroyed when the command exits.\n' +
        'Inside a takumo run (TAKUMO_RUN=1) the command runs directly: its traffic already goes through\n' +
        'the outer proxy. SIGINT, SIGTERM and SIGHUP are passed on to the command.\n' +
        'Exit status: the command\'s own (128+N when a signal N ended it); 2 on a usage error; 127 when\n' +
        'the command cannot be started.\n',
    )
    .action(async (cmd: string, args: string[], flags: RunFlags) => {
      if (context.env.TAKUMO_RUN === '1') {
        context.stderr.write('takumo: already inside takumo run; running the command directly through the outer proxy\n');
        context.exitCode = await runChild(cmd, args, context.env, context);
        return;
      }
      const settings = await resolveProxySettings(flags, context, {
        port: 0,
        anthropic: inheritedUpstream(context.env.ANTHROPIC_BASE_URL, context.env),
        openai: inheritedUpstream(context.env.OPENAI_BASE_URL, context.env),
      });
      const logger = flags.verbose ? requestLogger(flags, context.stderr) : undefined;
      // Takumo Cloud (cloud-agent edit): the proxy's detections and Sentinel findings go to the
      // team cloud as metadata; inert without a cloud, bounded at exit.
      const cloud = proxyCloudReporting(context);
      const proxy = createProxy({ ...proxyOptions(settings, logger), onEvent: cloud.onEvent });
      const url = await listenOrExplain(proxy, settings.port, settings.host);
      let code: number;
      try {
        code = await runChild(cmd, args, childEnvironment(context.env, url), context);
      } finally {
        // Destroys the session: the vault dies with the command.
        await proxy.close();
        await cloud.close(); // cloud-agent edit
      }
      if (!flags.quiet) context.stderr.write(`${formatSummary(proxy.stats)}\n`);
      context.exitCode = code;
    });
};

/** Runs the child with the terminal, passes signals on, resolves to its exit status. */
function runChild(cmd: string, args: string[], env: NodeJS.ProcessEnv, context: import('../cli-context.js').CliContext): Promise<number> {
  const inherit = context.stdout === process.stdout && context.stderr === process.stderr;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd: context.cwd, stdio: inherit ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    if (!inherit) {
      child.stdout?.on('data', (d: Buffer) => context.stdout.write(d));
      child.stderr?.on('data', (d: Buffer) => context.stderr.write(d));
    }
    const forward = (signal: NodeJS.Signals): void => {
      // A terminal's Ctrl-C already reached the child (same foreground process group);
      // sending it again would look like a second Ctrl-C to tools that exit on two.
      if (signal === 'SIGINT' && process.stdin.isTTY) return;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const cleanup = (): void => {
      for (const s of signals) process.off(s, forward);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      cleanup();
      if (error.code === 'ENOENT') reject(new UsageError(`command not found: ${cmd}`, 127));
      else reject(new UsageError(`cannot start ${cmd} (${error.code ?? 'error'})`, 126));
    });
    child.on('close', (code, signal) => {
      cleanup();
      if (signal) resolve(128 + (constants.signals[signal] ?? 0));
      else resolve(code ?? 0);
    });
  });
}
