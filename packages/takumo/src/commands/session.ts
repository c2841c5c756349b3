import { execFile, spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { createSession, TakumoError, type Rehydrator, type Session } from '@takumo/core';
import { type CliContext, UsageError } from '../cli-context.js';
import { cliSessionOptions, findingMetadata, summarizeFindings } from './tokenize.js';
import type { RegisterCommand } from './index.js';

interface SessionFlags {
  jsonl?: boolean;
  interactive?: boolean;
  clipboard?: boolean;
  config?: string;
  knownSecrets: boolean;
}

const PROTOCOL_HELP = `
Interactive use (a terminal): paste code, then a line holding only "." — you get the text with
its secrets replaced by tokens, to paste into the chat page. Paste the AI's answer the same
way — text holding tokens of this session comes back with the real values. Commands on a line
of their own: :t (tokenize the next block), :r (restore the next block), :clip (process the
clipboard), :stats, :quit. Ctrl-D, Ctrl-C or :quit ends the session and wipes the vault.

--clipboard: an empty line (or :clip) processes the clipboard's text. Tokenized text is put
back on the clipboard, ready to paste into the chat; restored text is only printed, so real
secrets do not end up in clipboard history. Uses pbpaste/pbcopy, wl-paste/wl-copy, xclip or
xsel, whichever is installed.

Line protocol (scripts; the default when standard input is not a terminal, or --jsonl):
one JSON object per line in, one JSON object per line out, in order. "id" is echoed back.
  {"op":"tokenize","text":"…","file":"app.ts"}  -> {"ok":true,"text":"…","findings":[{"rule","category","line","column",…}]}
  {"op":"rehydrate","text":"…","json":false}    -> {"ok":true,"text":"…","restored":1,"unrestored":[…]}
  {"op":"push","stream":"s1","text":"…","json":false}
                                                -> {"ok":true,"text":"…"}   (what is safe to emit now)
  {"op":"end","stream":"s1"}                    -> {"ok":true,"text":"…","restored":1,"unrestored":[…]}
  {"op":"stats"}                                -> {"ok":true,"stats":{"secrets":2,"tokenized":3,…}}
  {"op":"destroy"}                              -> {"ok":true} and the session ends
A bad line gets {"ok":false,"error":{"code":"TAKUMO_E_…","message":"…"}} and the session goes on.
"json":true escapes restored values for the inside of a JSON string. End of input, SIGINT,
SIGTERM or SIGHUP destroy the vault and end the command. Findings and errors never hold values.
Exit status: 0, or 2 when a request failed or on a usage error; 130 after an interrupt.
`;

export const registerSession: RegisterCommand = (program, context) => {
  program
    .command('session')
    .description('Tokenize what you paste into an AI chat page and restore the answer; the vault lives as long as this command.')
    .option('--jsonl', 'speak the JSON line protocol (default when standard input is not a terminal)')
    .option('--interactive', 'paste mode even when standard input is not a terminal')
    .option('--clipboard', 'take text from the clipboard (and put tokenized text back on it)')
    .option('-c, --config <file>', 'configuration file (default: .takumo.toml in this folder or a parent up to the git root; env TAKUMO_CONFIG)')
    .option('--no-known-secrets', 'do not learn values from the workspace .env files and the environment')
    .addHelpText('after', PROTOCOL_HELP)
    .action(async (flags: SessionFlags) => {
      if (flags.jsonl && (flags.interactive || flags.clipboard)) throw new UsageError('--jsonl cannot be combined with --interactive or --clipboard');
      const clipboard = flags.clipboard ? findClipboard(context.env) : undefined;
      const interactive = !flags.jsonl && (flags.interactive === true || flags.clipboard === true || (context.stdin as { isTTY?: boolean }).isTTY === true);
      const session = createSession(await cliSessionOptions(context, flags));
      const lines = createInterface({ input: context.stdin, crlfDelay: Infinity, terminal: false });
      const interrupt = (): void => {
        session.destroy();
        context.exitCode = 130;
        context.stderr.write('\ntakumo: interrupted; the vault is destroyed\n');
        lines.close();
        (context.stdin as { destroy?: () => void }).destroy?.();
      };
      const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
      for (const s of signals) process.on(s, interrupt);
      try {
        if (interactive) await runInteractive(session, lines, context, clipboard);
        else await runProtocol(session, lines, context);
      } finally {
        for (const s of signals) process.off(s, interrupt);
        if (!session.destroyed) session.destroy();
      }
    });
};

/* ------------------------------------------------------------------ line protocol */

interface Request {
  op?: unknown;
  id?: unknown;
  text?: unknown;
  file?: unknown;
  json?: unknown;
  stream?: unknown;
}

async function runProtocol(session: Session, lines: Interface, context: CliContext): Promise<void> {
  const streams = new Map<string, Rehydrator>();
  let lineNo = 0;
  let failed = false;
  const reply = (body: Record<string, unknown>): void => {
    context.stdout.write(`${JSON.stringify(body)}\n`);
  };
  for await (const line of lines) {
    lineNo++;
    if (session.destroyed) break;
    if (line.trim() === '') continue;
    let request: Request;
    try {
      const parsed: unknown = JSON.parse(line);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      request = parsed as Request;
    } catch {
      failed = true;
      // Never echo the line: it may hold a secret.
      reply({ ok: false, error: { code: 'TAKUMO_E_INVALID_INPUT', message: `line ${lineNo}: not a JSON object` } });
      continue;
    }
    const id = request.id === undefined ? {} : { id: request.id };
    try {
      const result = handleRequest(session, streams, request, lineNo);
      reply({ ...id, ok: true, ...result });
      if (request.op === 'destroy') break;
    } catch (error) {
      failed = true;
      const code = error instanceof TakumoError ? error.code : 'TAKUMO_E_INTERNAL';
      const message = error instanceof TakumoError || error instanceof UsageError ? error.message : 'internal error';
      reply({ ...id, ok: false, error: { code, message } });
    }
  }
  if (failed && context.exitCode === 0) context.exitCode = 2;
}

function handleRequest(session: Session, streams: Map<string, Rehydrator>, r: Request, lineNo: number): Record<string, unknown> {
  const bad = (message: string): TakumoError => new TakumoError('TAKUMO_E_INVALID_INPUT', `line ${lineNo}: ${message}`);
  const text = (): string => {
    if (typeof r.text !== 'string') throw bad('"text" must be a string');
    return r.text;
  };
  const json = r.json === true;
  const streamName = (): string => {
    if (typeof r.stream !== 'string' || r.stream === '') throw bad('"stream" must be a non-empty string');
    return r.stream;
  };
  switch (r.op) {
    case 'tokenize': {
      if (r.file !== undefined && typeof r.file !== 'string') throw bad('"file" must be a string');
      const result = session.tokenize(text(), r.file as string | undefined);
      return { text: result.text, findings: result.findings.map(findingMetadata) };
    }
    case 'rehydrate': {
      const result = session.rehydrateWithReport(text(), { json });
      return { text: result.text, restored: result.restored, unrestored: result.unrestored };
    }
    case 'push': {
      const name = streamName();
      let stream = streams.get(name);
      if (stream === undefined) {
        stream = session.rehydrator({ json });
        streams.set(name, stream);
      }
      return { text: stream.push(text()) };
    }
    case 'end': {
      const name = streamName();
      const stream = streams.get(name);
      if (stream === undefined) throw bad(`no open stream "${name.slice(0, 40)}"`);
      streams.delete(name);
      const rest = stream.end();
      return { text: rest, restored: stream.restored, unrestored: stream.unrestored };
    }
    case 'stats':
      return { stats: session.stats() };
    case 'destroy':
      session.destroy();
      return {};
    default:
      throw bad('"op" must be one of tokenize, rehydrate, push, end, stats, destroy');
  }
}

/* ------------------------------------------------------------------ interactive */

type BlockMode = 'auto' | 'tokenize' | 'rehydrate';

async function runInteractive(session: Session, lines: Interface, context: CliContext, clipboard: Clipboard | undefined): Promise<void> {
  const out = context.stdout;
  const err = context.stderr;
  err.write(
    'takumo session: the vault lives in this process only and is wiped when you leave (Ctrl-D, Ctrl-C or :quit).\n' +
      `Paste code or an AI answer, then a line with a single "."${clipboard ? ', or press Enter on an empty line to use the clipboard' : ''}.\n` +
      'Text holding tokens of this session is restored; anything else is tokenized. :t / :r force the next block, :help for more.\n',
  );
  let mode: BlockMode = 'auto';
  let block: string[] = [];

  const handleBlock = async (text: string, fromClipboard: boolean): Promise<void> => {
    const forced = mode;
    mode = 'auto';
    const restored = forced === 'tokenize' ? undefined : session.rehydrateWithReport(text);
    if (restored !== undefined && (forced === 'rehydrate' || restored.restored > 0)) {
      const missing = restored.unrestored.length;
      err.write(`--- restored ${restored.restored} token${restored.restored === 1 ? '' : 's'}${missing ? `; ${missing} could not be restored (not from this session, or ambiguous)` : ''} ---\n`);
      out.write(`${restored.text}\n`);
      err.write('--- end ---\n');
      return;
    }
    const { text: tokenized, findings } = session.tokenize(text);
    const what = findings.length === 0 ? 'no secrets found' : `${findings.length} secret${findings.length === 1 ? '' : 's'} tokenized: ${summarizeFindings(findings)}`;
    if (fromClipboard && clipboard) {
      await clipboard.write(tokenized, context.env);
      err.write(`--- ${what}; the tokenized text is on the clipboard, ready to paste ---\n`);
      return;
    }
    err.write(`--- ${what}; paste this into the chat ---\n`);
    out.write(`${tokenized}\n`);
    err.write('--- end ---\n');
  };

  const safely = async (work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      if (error instanceof UsageError || error instanceof TakumoError) err.write(`takumo: ${error.message}\n`);
      else throw error;
    }
  };

  for await (const line of lines) {
    if (session.destroyed) break;
    if (block.length === 0) {
      const command = line.trim();
      if (command === ':q' || command === ':quit') break;
      if (command === ':t' || command === ':tokenize') {
        mode = 'tokenize';
        err.write('(the next block will be tokenized)\n');
        continue;
      }
      if (command === ':r' || command === ':rehydrate' || command === ':restore') {
        mode = 'rehydrate';
        err.write('(the next block will be restored)\n');
        continue;
      }
      if (command === ':stats') {
        const s = session.stats();
        err.write(`${s.secrets} secrets in the vault; ${s.tokenized} tokenized, ${s.restored} restored, ${s.unrestored} not restorable\n`);
        continue;
      }
      if (command === ':help') {
        err.write(PROTOCOL_HELP.split('\n\nLine protocol')[0] as string);
        err.write('\n');
        continue;
      }
      if (command === ':clip' || (command === '' && clipboard)) {
        if (!clipboard) {
          err.write('takumo: no clipboard: start the session with --clipboard\n');
          continue;
        }
        await safely(async () => handleBlock(await clipboard.read(context.env), true));
        continue;
      }
    }
    if (line === '.') {
      const text = block.join('\n');
      block = [];
      await safely(() => handleBlock(text, false));
      continue;
    }
    block.push(line);
  }
  // End of input with a paste still open: process it rather than lose it.
  if (block.length > 0 && !session.destroyed) await safely(() => handleBlock(block.join('\n'), false));
  if (context.exitCode === 0) err.write('takumo: session ended; the vault is destroyed\n');
}

/* ------------------------------------------------------------------ clipboard */

interface Clipboard {
  name: string;
  read(env: NodeJS.ProcessEnv): Promise<string>;
  write(text: string, env: NodeJS.ProcessEnv): Promise<void>;
}

const CLIPBOARD_TOOLS: Array<{ name: string; read: [string, string[]]; write: [string, string[]]; when?: (env: NodeJS.ProcessEnv) => boolean }> = [
  { name: 'pbpaste', read: ['pbpaste', []], write: ['pbcopy', []] },
  { name: 'wl-paste', read: ['wl-paste', ['--no-newline']], write: ['wl-copy', []], when: (env) => Boolean(env.WAYLAND_DISPLAY) },
  { name: 'xclip', read: ['xclip', ['-selection', 'clipboard', '-o']], write: ['xclip', ['-selection', 'clipboard', '-i']] },
  { name: 'xsel', read: ['xsel', ['--clipboard', '--output']], write: ['xsel', ['--clipboard', '--input']] },
  { name: 'wl-paste', read: ['wl-paste', ['--no-newline']], write: ['wl-copy', []] },
];

/** The first clipboard tool found on PATH, or a usage error saying what to install. */
export function findClipboard(env: NodeJS.ProcessEnv): Clipboard {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const onPath = (cmd: string): string | undefined =>
    dirs
      .map((d) => join(d, cmd))
      .find((p) => {
        try {
          accessSync(p, fsConstants.X_OK);
          return true;
        } catch {
          return false;
        }
      });
  for (const tool of CLIPBOARD_TOOLS) {
    if (tool.when && !tool.when(env)) continue;
    const reader = onPath(tool.read[0]);
    const writer = onPath(tool.write[0]);
    if (reader === undefined || writer === undefined) continue;
    return {
      name: tool.name,
      read: (e) => runTool(reader, tool.read[1], undefined, e),
      write: async (text, e) => {
        await runTool(writer, tool.write[1], text, e);
      },
    };
  }
  throw new UsageError('--clipboard needs a clipboard tool and none was found: install xclip, xsel or wl-clipboard (macOS has pbpaste/pbcopy built in)');
}

function runTool(path: string, args: string[], input: string | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  const name = path.split(/[\\/]/).pop();
  return new Promise((resolvePromise, reject) => {
    if (input === undefined) {
      execFile(path, args, { env, timeout: 5000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
        if (error) reject(new UsageError(`the clipboard tool ${name} failed (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
        else resolvePromise(stdout);
      });
      return;
    }
    // Writers such as xclip stay alive to serve the selection: do not wait for them to exit.
    const child = spawn(path, args, { env, stdio: ['pipe', 'ignore', 'ignore'], detached: false });
    child.on('error', () => reject(new UsageError(`the clipboard tool ${name} could not be started`)));
    child.stdin.end(input, () => resolvePromise(''));
    child.unref();
  });
}
