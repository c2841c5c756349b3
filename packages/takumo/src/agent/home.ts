import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../cli-context.js';

/**
 * The agent's state directory: `TAKUMO_HOME`, else `~/.takumo`. Everything in it is
 * written owner-only (directory 0700, files 0600): the credentials file holds an API token,
 * and the rest (queued event metadata, receipts, the cached policy) is nobody else's business.
 */
export function takumoHome(env: NodeJS.ProcessEnv): string {
  const configured = env.TAKUMO_HOME?.trim();
  return configured ? configured : join(homedir(), '.takumo');
}

export function homeFile(env: NodeJS.ProcessEnv, name: string): string {
  return join(takumoHome(env), name);
}

/** Reads a JSON state file; undefined when it does not exist. A corrupt file is a clear error. */
export function readStateFile<T>(path: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`${path} is not valid JSON; remove it to start afresh`);
  }
}

/** Writes a JSON state file atomically (temp file + rename) with mode 0600. */
export function writeStateFile(path: string, value: unknown): void {
  ensureHomeDir(join(path, '..'));
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new UsageError(`cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  chmodSync(path, 0o600);
}

export function removeStateFile(path: string): boolean {
  try {
    rmSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new UsageError(`cannot remove ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function ensureHomeDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}
