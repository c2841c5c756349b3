import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createSession, knownSecretsFromEnvironment, type Finding, type KnownSecret, type SessionOptions } from '@takumo/core';
import { type CliContext, UsageError } from '../cli-context.js';
import { collectWorkspaceSecrets, loadConfig } from '../config.js';
import type { RegisterCommand } from './index.js';

interface TokenizeFlags {
  json?: boolean;
  quiet?: boolean;
  config?: string;
  knownSecrets: boolean;
}

/**
 * Session options for the CLI's session commands: the detector settings of `.takumo.toml`,
 * plus the values of the workspace's `.env*` files and the secret-looking variables of the
 * environment as known secrets (matched exactly wherever they appear).
 */
export async function cliSessionOptions(context: CliContext, flags: { config?: string; knownSecrets: boolean }): Promise<SessionOptions> {
  const config = await loadConfig({ cwd: context.cwd, file: flags.config, env: context.env });
  if (!flags.knownSecrets) return { config: config.detector };
  const known: KnownSecret[] = [...(config.detector.knownSecrets ?? [])];
  const seen = new Set(known.map((k) => k.value));
  const fromDotenv = await collectWorkspaceSecrets(context.cwd).catch(() => [] as KnownSecret[]);
  for (const k of [...fromDotenv, ...knownSecretsFromEnvironment(context.env)]) {
    if (seen.has(k.value)) continue;
    seen.add(k.value);
    known.push(k);
  }
  return { config: { ...config.detector, knownSecrets: known } };
}

/** Decodes UTF-8 exactly (BOM kept); anything else is refused rather than silently altered. */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UsageError(`${name} is not UTF-8 text; nothing was tokenized`);
  }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** `KEY 2 (lines 4, 9), PASS 1 (line 12)` — categories, counts and lines; never values. */
export function summarizeFindings(findings: readonly Finding[]): string {
  const byCategory = new Map<string, Set<number>>();
  const counts = new Map<string, number>();
  for (const f of findings) {
    counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
    const lines = byCategory.get(f.category) ?? new Set<number>();
    lines.add(f.line);
    byCategory.set(f.category, lines);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([category, count]) => {
      const lines = [...(byCategory.get(category) as Set<number>)].sort((a, b) => a - b);
      return `${category} ${count} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`;
    })
    .join(', ');
}

/** A finding as printed in JSON output: metadata only (the offsets stay internal). */
export function findingMetadata(f: Finding): Omit<Finding, 'start' | 'end'> {
  const { start: _start, end: _end, ...rest } = f;
  return rest;
}

export const registerTokenize: RegisterCommand = (program, context) => {
  program
    .command('tokenize')
    .description('Replace the secrets in a file (or standard input) with tokens and print the result.')
    .argument('[file]', 'file to tokenize; - or nothing reads standard input', '-')
    .option('--json', 'print {"text", "findings"} as JSON on standard output instead of the text')
    .option('-q, --quiet', 'no findings summary on standard error')
    .option('-c, --config <file>', 'configuration file (default: .takumo.toml in this folder or a parent up to the git root; env TAKUMO_CONFIG)')
    .option('--no-known-secrets', 'do not learn values from the workspace .env files and the environment')
    .addHelpText(
      'after',
      '\nThe tokenized text goes to standard output; a summary (categories, counts, lines — never values)\n' +
        'goes to standard error. Values of the workspace .env files and secret-looking environment\n' +
        'variables are replaced wherever they appear. The vault lives only while the command runs, so\n' +
        'these tokens cannot be restored later: to get an AI answer back with real values, use\n' +
        '`takumo session`.\n' +
        'Exit status: 0 no secrets found, 1 secrets were tokenized, 2 usage error or unreadable input.\n',
    )
    .action(async (file: string, flags: TokenizeFlags) => {
      const name = file === '-' ? 'standard input' : file;
      let bytes: Buffer;
      if (file === '-') bytes = await readAll(context.stdin);
      else {
        try {
          bytes = await readFile(resolve(context.cwd, file));
        } catch (error) {
          throw new UsageError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      }
      const text = decodeUtf8(bytes, name);
      const session = createSession(await cliSessionOptions(context, flags));
      try {
        const { text: tokenized, findings } = session.tokenize(text, file === '-' ? undefined : file);
        context.stdout.write(flags.json ? `${JSON.stringify({ text: tokenized, findings: findings.map(findingMetadata) })}\n` : tokenized);
        if (!flags.quiet) {
          context.stderr.write(
            findings.length === 0
              ? `takumo: no secrets found in ${name}\n`
              : `takumo: tokenized ${findings.length} secret${findings.length === 1 ? '' : 's'} in ${name}: ${summarizeFindings(findings)}\n`,
          );
        }
        context.exitCode = findings.length > 0 ? 1 : 0;
      } finally {
        session.destroy();
      }
    });
};
