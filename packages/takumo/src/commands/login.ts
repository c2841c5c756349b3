import type { Readable, Writable } from 'node:stream';
import { UsageError } from '../cli-context.js';
import { CloudClient } from '../agent/cloud-client.js';
import { loadCredentials, normaliseCloudUrl, saveCredentials } from '../agent/credentials.js';
import { discardQueue } from '../agent/event-queue.js';
import { refreshPolicy } from '../agent/policy.js';
import { cloudCall } from '../agent/session.js';
import type { RegisterCommand } from './index.js';

/**
 * `takumo login --cloud URL`: reads an API token (hidden prompt on a terminal, otherwise
 * standard input — never a flag, so it stays out of shell history and `ps`), checks it with
 * GET /api/v1/me and stores URL + token in TAKUMO_HOME/credentials.json (mode 0600).
 */
export const registerLogin: RegisterCommand = (program, context) => {
  program
    .command('login')
    .description('Connect this machine to a Takumo Cloud with an API token (read from a hidden prompt or standard input).')
    .requiredOption('--cloud <url>', 'the cloud URL, e.g. https://takumo.example.com')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nThe token is never taken from the command line. Examples:\n' +
        '  takumo login --cloud https://takumo.example.com          (prompts, input hidden)\n' +
        '  printf %s "$TAKUMO_TOKEN" | takumo login --cloud https://takumo.example.com\n' +
        'Credentials are stored in $TAKUMO_HOME/credentials.json (default ~/.takumo), readable by you only.\n' +
        'Exit status: 0 logged in, 2 the token was refused or the cloud could not be reached.\n',
    )
    .action(async (options: { cloud: string; json?: boolean }) => {
      const cloud = normaliseCloudUrl(options.cloud);
      const token = await readToken(context.stdin, context.stderr);
      if (!/^[\x21-\x7e]{8,512}$/.test(token)) {
        throw new UsageError('that does not look like an API token (expected 8-512 printable characters without spaces)');
      }
      const me = await cloudCall(() => new CloudClient({ url: cloud, token, timeoutMs: 10_000 }).me());
      const previous = loadCredentials(context.env);
      // Queued events belong to the cloud they were recorded for: never send them elsewhere.
      const discarded = previous && previous.cloud !== cloud ? discardQueue(context.env) : 0;
      const path = saveCredentials(context.env, {
        cloud,
        token,
        org: { id: me.org.id, name: me.org.name, plan: me.org.plan, zdr: me.org.zdr },
        role: me.principal.role,
        savedAt: new Date().toISOString(),
      });
      const policy = await refreshPolicy(context.env, { timeoutMs: 5_000 });
      if (options.json) {
        context.stdout.write(
          `${JSON.stringify({ cloud, org: me.org, role: me.principal.role, credentials: path, policyVersion: policy.policy?.version ?? null, discardedEvents: discarded }, null, 2)}\n`,
        );
      } else {
        context.stdout.write(`Logged in to ${cloud} as ${me.principal.role} of "${me.org.name}" (${me.org.plan} plan, ZDR ${me.org.zdr ? 'on' : 'off'}).\n`);
        context.stdout.write(`Credentials saved to ${path} (mode 0600).\n`);
        if (policy.policy) context.stdout.write(`Organisation policy version ${policy.policy.version} cached.\n`);
        if (discarded > 0) context.stdout.write(`Discarded ${discarded} queued event(s) recorded for the previous cloud.\n`);
      }
    });
};

/** Reads the token: a hidden prompt on a terminal, else all of standard input. */
async function readToken(stdin: NodeJS.ReadableStream, stderr: Writable): Promise<string> {
  const tty = stdin as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  if (tty.isTTY && typeof tty.setRawMode === 'function') return promptHidden(tty, stderr);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > 64 * 1024) throw new UsageError('standard input is too large to be an API token');
    chunks.push(buffer);
  }
  const token = Buffer.concat(chunks).toString('utf8').trim();
  if (!token) throw new UsageError('no API token on standard input (pipe it in, or run on a terminal to be prompted)');
  return token;
}

function promptHidden(stdin: Readable & { setRawMode?: (raw: boolean) => void }, stderr: Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    stderr.write('API token (input hidden): ');
    let value = '';
    stdin.setRawMode!(true);
    stdin.resume();
    const finish = (error?: Error) => {
      stdin.setRawMode!(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolve(value.trim());
    };
    const onData = (data: Buffer | string) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003' || ch === '\u0004') return finish(new UsageError('login cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
