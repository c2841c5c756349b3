import { readFileSync, renameSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import {
  bootstrapOrganisation,
  defaultKekPath,
  ensureKeyFiles,
  Keyring,
  loadKek,
  openDatabase,
  PLANS,
  resolveKek,
  resolveSigningKey,
  rewrapAllDataKeys,
  rotateAllDataKeys,
  startCloudService,
  writeNewKekFile,
  type KeySources,
  type Plan,
} from '@takumo/cloud';
import { UsageError, type CliContext } from '../cli-context.js';
import type { RegisterCommand } from './index.js';

/**
 * `takumo cloud serve | init | keys rotate`: the team server. Storage is an embedded
 * PostgreSQL (PGlite) in --data-dir by default, or a PostgreSQL server with --database-url.
 * Secrets the operator holds (KEK, audit signing key) come from files or the environment and
 * never from the database; passwords never come from flags.
 */
interface StorageOptions {
  dataDir?: string;
  databaseUrl?: string;
  keysDir?: string;
  kekFile?: string;
  signingKey?: string;
}

function defaultDataDir(context: CliContext): string {
  return context.env.TAKUMO_CLOUD_DATA_DIR ?? join(context.env.TAKUMO_HOME ?? join(homedir(), '.takumo'), 'cloud');
}

function storage(options: StorageOptions, context: CliContext): { dataDir: string; databaseUrl?: string; sources: KeySources } {
  if (options.dataDir && options.databaseUrl) throw new UsageError('use either --data-dir or --database-url, not both');
  const databaseUrl = options.databaseUrl ?? context.env.TAKUMO_DATABASE_URL;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database-url must be a postgres:// URL');
  const dataDir = resolve(context.cwd, options.dataDir ?? defaultDataDir(context));
  const keysDir = resolve(context.cwd, options.keysDir ?? join(dataDir, 'keys'));
  return {
    dataDir: join(dataDir, 'db'),
    ...(databaseUrl ? { databaseUrl } : {}),
    sources: {
      keysDir,
      env: context.env,
      ...(options.kekFile ? { kekFile: resolve(context.cwd, options.kekFile) } : {}),
      ...(options.signingKey ? { signingKeyFile: resolve(context.cwd, options.signingKey) } : {}),
    },
  };
}

function addStorageOptions<T extends import('commander').Command>(command: T): T {
  return command
    .option('--data-dir <dir>', 'embedded database and default key directory (default $TAKUMO_CLOUD_DATA_DIR or ~/.takumo/cloud)')
    .option('--database-url <url>', 'use a PostgreSQL server instead (postgres://…; also $TAKUMO_DATABASE_URL)')
    .option('--keys-dir <dir>', 'where the KEK and audit signing key files live (default <data-dir>/keys)')
    .option('--kek-file <file>', 'key-encryption key file (32 bytes, base64 or hex); or $TAKUMO_KEK')
    .option('--signing-key <file>', 'audit log signing key file (Ed25519 signed-note key); or $TAKUMO_AUDIT_SIGNING_KEY');
}

function fail(error: unknown): never {
  if (error instanceof UsageError) throw error;
  const message = error instanceof Error ? error.message : String(error);
  throw new UsageError(message.split('\n')[0]!.slice(0, 300));
}

export const registerCloud: RegisterCommand = (program, context) => {
  const cloud = program.command('cloud').description('Run the Takumo Cloud team server (tenants, roles, verifiable audit log, policies).');

  addStorageOptions(
    cloud
      .command('serve')
      .description('Serve the Takumo Cloud API.')
      .option('--port <port>', 'TCP port (0 picks a free one)', '8080')
      .option('--host <host>', 'address to bind', '127.0.0.1')
      .option('--tls-cert <file>', 'TLS certificate (PEM); with --tls-key the server speaks TLS 1.3 only')
      .option('--tls-key <file>', 'TLS private key (PEM)')
      .option('--insecure-http', 'allow plain HTTP on a non-loopback address (only behind a TLS-terminating proxy)')
      .option('--log-level <level>', 'log level: fatal, error, warn, info, debug', 'info'),
  )
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  takumo cloud init --org "Acme" --email admin@acme.example     (once: first organisation, keys)\n' +
        '  takumo cloud serve                                             (http://127.0.0.1:8080, embedded database)\n' +
        '  takumo cloud serve --host 0.0.0.0 --tls-cert cert.pem --tls-key key.pem\n' +
        '  takumo cloud serve --database-url postgres://takumo@db/takumo  (several instances may share it)\n' +
        'Logs are JSON lines on stdout; authorization, cookies and CSRF tokens are redacted.\n' +
        'Exit status: 0 stopped by a signal, 2 configuration or start-up error.\n',
    )
    .action(async (options: StorageOptions & { port: string; host: string; tlsCert?: string; tlsKey?: string; insecureHttp?: boolean; logLevel: string }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0-65535');
      if (Boolean(options.tlsCert) !== Boolean(options.tlsKey)) throw new UsageError('--tls-cert and --tls-key go together');
      const where = storage(options, context);
      let service;
      try {
        const kek = resolveKek(where.sources).kek;
        const signer = resolveSigningKey(where.sources).signerKey;
        const tls = options.tlsCert
          ? { cert: readFileSync(resolve(context.cwd, options.tlsCert)), key: readFileSync(resolve(context.cwd, options.tlsKey!)) }
          : undefined;
        service = await startCloudService({
          host: options.host,
          port,
          ...(where.databaseUrl ? { databaseUrl: where.databaseUrl } : { dataDir: where.dataDir }),
          kek,
          signerKey: signer,
          ...(tls ? { tls } : {}),
          insecureHttp: Boolean(options.insecureHttp),
          log: { level: options.logLevel },
        });
      } catch (error) {
        fail(error);
      }
      context.stderr.write(
        `takumo cloud: listening on ${service.url} (${where.databaseUrl ? 'PostgreSQL' : `embedded database in ${where.dataDir}`})\n`,
      );
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          done();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await service.close();
    });

  addStorageOptions(
    cloud
      .command('init')
      .description('Create the first organisation and its owner, and the KEK and audit signing key files if missing.')
      .requiredOption('--org <name>', 'organisation name')
      .requiredOption('--email <email>', "owner's email (the login)")
      .option('--name <name>', "owner's display name")
      .option('--plan <plan>', `plan: ${PLANS.join(', ')}`, 'individual')
      .option('--password-file <file>', "read the owner's password from this file (first line)")
      .option('--json', 'print the result as JSON'),
  )
    .addHelpText(
      'after',
      '\nThe password is read from a hidden prompt on a terminal, from --password-file, or from standard input;\n' +
        'never from a flag. At least 12 characters.\n' +
        'Exit status: 0 created, 2 error.\n',
    )
    .action(async (options: StorageOptions & { org: string; email: string; name?: string; plan: string; passwordFile?: string; json?: boolean }) => {
      if (!(PLANS as readonly string[]).includes(options.plan)) throw new UsageError(`--plan must be one of ${PLANS.join(', ')}`);
      if (!/^[^\s@]+@[^\s@]+$/.test(options.email)) throw new UsageError('--email does not look like an email address');
      const where = storage(options, context);
      const password = options.passwordFile
        ? firstLine(readFileSync(resolve(context.cwd, options.passwordFile), 'utf8'))
        : await readPassword(context.stdin, context.stderr);
      if (password.length < 12) throw new UsageError('the password needs at least 12 characters');
      let result;
      try {
        const keys = ensureKeyFiles(where.sources, 'takumo-cloud');
        const database = await openDatabase(where.databaseUrl ? { databaseUrl: where.databaseUrl } : { dataDir: where.dataDir });
        try {
          const keyring = new Keyring({ current: resolveKek(where.sources).kek });
          const ids = await bootstrapOrganisation(database.db, keyring, {
            orgName: options.org,
            plan: options.plan as Plan,
            email: options.email,
            ownerName: options.name ?? options.email.split('@')[0]!,
            password,
          });
          result = { ...ids, ...keys };
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(error);
      }
      const out = {
        organisation: { id: result.orgId, name: options.org, plan: options.plan },
        owner: { email: options.email, memberId: result.membershipId },
        storage: where.databaseUrl ? 'postgresql' : where.dataDir,
        kek: result.kekFrom,
        signingKey: result.signingKeyFrom,
        createdKeyFiles: result.created,
        auditVerifierKey: result.verifierKey,
      };
      if (options.json) {
        context.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      context.stdout.write(
        [
          `Created organisation "${options.org}" (${result.orgId}, ${options.plan} plan) with owner ${options.email}.`,
          `Storage: ${out.storage}`,
          `Key-encryption key: ${result.kekFrom}   (back it up; without it the data cannot be read)`,
          `Audit signing key:  ${result.signingKeyFrom}`,
          ...(result.created.length ? [`Created (mode 0600): ${result.created.join(', ')}`] : []),
          `Audit log verifier key (publish it to auditors): ${result.verifierKey}`,
          '',
          'Next:',
          '  takumo cloud serve                      start the server',
          '  POST /api/v1/auth/login {email,password}  log in (session cookie + CSRF token)',
          '  POST /api/v1/tokens {name,scopes}         create an agent token, then on each machine:',
          '  takumo login --cloud http://127.0.0.1:8080',
          '',
        ].join('\n'),
      );
    });

  const keys = cloud.command('keys').description('Manage encryption keys.');
  addStorageOptions(
    keys
      .command('rotate')
      .description('Rotate the key-encryption key (rewraps every data key) or, with --data-keys, give every organisation a fresh data key.')
      .option('--new-kek-file <file>', 'the new KEK (default: generate one next to the current KEK file)')
      .option('--data-keys', 'rotate the per-organisation data keys instead (old ones stay for reading)')
      .option('--json', 'print the result as JSON'),
  )
    .addHelpText(
      'after',
      '\nKEK rotation: the current KEK (from --kek-file, $TAKUMO_KEK or <keys-dir>/kek) unwraps every data key, the new\n' +
        'one wraps it again. With the default key file, the new key takes its place and the old one is kept as\n' +
        'kek.retired-<id> until you delete it. Stop the servers first, or restart them afterwards with the new key.\n' +
        'Exit status: 0 rotated, 2 error.\n',
    )
    .action(async (options: StorageOptions & { newKekFile?: string; dataKeys?: boolean; json?: boolean }) => {
      const where = storage(options, context);
      let summary: Record<string, unknown>;
      try {
        const current = resolveKek(where.sources);
        const database = await openDatabase(where.databaseUrl ? { databaseUrl: where.databaseUrl } : { dataDir: where.dataDir });
        try {
          if (options.dataKeys) {
            const keyring = new Keyring({ current: current.kek });
            summary = { rotated: 'data-keys', ...(await rotateAllDataKeys(database.db, keyring)) };
          } else {
            const defaultFile = defaultKekPath(where.sources.keysDir);
            const usingDefault = current.from === defaultFile;
            let newFile = options.newKekFile ? resolve(context.cwd, options.newKekFile) : `${defaultFile}.new`;
            if (!options.newKekFile) {
              if (existsSync(newFile)) throw new Error(`${newFile} already exists (an unfinished rotation?); move it away first`);
              writeNewKekFile(newFile);
            }
            const next = loadKek({ file: newFile });
            const keyring = new Keyring({ current: next, previous: [current.kek] });
            const counts = await rewrapAllDataKeys(database.db, keyring);
            if (usingDefault && !options.newKekFile) {
              renameSync(defaultFile, `${defaultFile}.retired-${current.kek.id}`);
              renameSync(newFile, defaultFile);
              newFile = defaultFile;
            }
            summary = { rotated: 'kek', from: current.kek.id, to: next.id, kekFile: newFile, ...counts };
          }
        } finally {
          await database.close();
        }
      } catch (error) {
        fail(error);
      }
      if (options.json) context.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else if (summary.rotated === 'kek') {
        context.stdout.write(
          `Rewrapped ${String(summary.dataKeys)} data key(s) of ${String(summary.organisations)} organisation(s) from KEK ${String(summary.from)} to ${String(summary.to)}.\nNew KEK: ${String(summary.kekFile)}\n`,
        );
      } else context.stdout.write(`Every organisation (${String(summary.organisations)}) now encrypts with a fresh data key.\n`);
    });
};

function firstLine(text: string): string {
  return (text.split(/\r?\n/)[0] ?? '').trimEnd();
}

async function readPassword(stdin: NodeJS.ReadableStream, stderr: Writable): Promise<string> {
  const tty = stdin as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  if (tty.isTTY && typeof tty.setRawMode === 'function') return promptHidden(tty, stderr);
  const chunks: Buffer[] = [];
  for await (const chunk of stdin as AsyncIterable<Buffer | string>) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (chunks.reduce((n, c) => n + c.length, 0) > 64 * 1024) throw new UsageError('standard input is too large to be a password');
  }
  const password = firstLine(Buffer.concat(chunks).toString('utf8'));
  if (!password) throw new UsageError('no password: use the prompt (on a terminal), --password-file, or standard input');
  return password;
}

function promptHidden(stdin: Readable & { setRawMode?: (raw: boolean) => void }, stderr: Writable): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    stderr.write('Owner password (input hidden): ');
    let typed = '';
    stdin.setRawMode!(true);
    stdin.resume();
    const onData = (data: Buffer | string) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return end();
        if (ch === '\u0003' || ch === '\u0004') return end(new UsageError('cancelled'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    const end = (error?: Error) => {
      stdin.setRawMode!(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolvePromise(typed);
    };
    stdin.on('data', onData);
  });
}
