import { Command, CommanderError } from 'commander';
import { TakumoError } from '@takumo/core';
import { type CliContext, UsageError } from './cli-context.js';
import { loadCommands, type RegisterCommand } from './commands/index.js';
import { VERSION } from './version.js';

export function createProgram(context: CliContext, commands: readonly RegisterCommand[]): Command {
  const program = new Command();
  program
    .name('takumo')
    .description('Keep real secret values out of AI coding tools: scan, tokenize, proxy, review.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => context.stdout.write(s),
      writeErr: (s) => context.stderr.write(s),
    })
    .exitOverride();
  for (const register of commands) register(program, context);
  return program;
}

/** Runs the CLI and resolves to its exit code (0 clean, 1 findings, 2 error). */
export async function main(argv: string[], overrides: Partial<CliContext> = {}): Promise<number> {
  const context: CliContext = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
    exitCode: 0,
    ...overrides,
  };
  const program = createProgram(context, await loadCommands(argv));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return context.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      context.stderr.write(`takumo: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof TakumoError) {
      context.stderr.write(`takumo: ${error.message} (${error.code})\n`);
      return 2;
    }
    const code = (error as { code?: string })?.code;
    context.stderr.write(`takumo: unexpected error${code ? ` (${code})` : ''}\n`);
    return 2;
  }
}
