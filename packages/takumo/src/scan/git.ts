import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli-context.js';

/** The folder holding `.git` at or above `dir`, found without running git. */
export function findGitRoot(dir: string): string | undefined {
  let current = resolve(dir);
  for (;;) {
    if (existsSync(join(current, '.git'))) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** A file as staged for commit: its repository path and the blob that holds its content. */
export interface StagedFile {
  /** Path relative to the repository root, `/`-separated, as git stores it. */
  path: string;
  oid: string;
  size: number;
}

export interface StagedIndex {
  root: string;
  files: StagedFile[];
  /** Staged symbolic links and submodules: not content, not scanned. */
  skippedLinks: number;
}

/**
 * Lists what is staged for commit (added, copied, modified, renamed) with the blob ids of
 * the staged versions — the content that would be committed, not the working tree's.
 */
export async function listStaged(cwd: string): Promise<StagedIndex> {
  const root = (await git(['rev-parse', '--show-toplevel'], cwd, '--staged needs a git repository')).toString('utf8').trim();
  const raw = await git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--diff-filter=ACMR'], root);
  // Records: ":<old mode> <new mode> <old oid> <new oid> <status>\0<path>\0" (two paths for C/R).
  const fields = raw.toString('utf8').split('\0');
  const entries: { path: string; oid: string }[] = [];
  let skippedLinks = 0;
  for (let i = 0; i < fields.length; ) {
    const meta = fields[i];
    if (!meta || !meta.startsWith(':')) {
      i++;
      continue;
    }
    const [, newMode, , newOid, status] = meta.slice(1).split(' ');
    const twoPaths = status?.startsWith('R') || status?.startsWith('C');
    const path = fields[twoPaths ? i + 2 : i + 1] ?? '';
    i += twoPaths ? 3 : 2;
    if (newMode === '120000' || newMode === '160000') {
      skippedLinks++;
      continue;
    }
    if (newOid && path) entries.push({ path, oid: newOid });
  }
  const sizes = await blobSizes(root, entries.map((e) => e.oid));
  const files = entries.map((e) => ({ ...e, size: sizes.get(e.oid) ?? 0 }));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root, files, skippedLinks };
}

async function blobSizes(root: string, oids: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  if (oids.length === 0) return sizes;
  const out = await gitWithInput(['cat-file', '--batch-check'], root, oids.join('\n') + '\n');
  for (const line of out.toString('utf8').split('\n')) {
    const [oid, type, size] = line.split(' ');
    if (oid && type === 'blob' && size) sizes.set(oid, Number(size));
  }
  return sizes;
}

/** Reads blobs in one `git cat-file --batch` run; returns their bytes by object id. */
export async function readBlobs(root: string, oids: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  if (oids.length === 0) return blobs;
  const out = await gitWithInput(['cat-file', '--batch'], root, oids.join('\n') + '\n');
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    const [oid, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (!oid || type === 'missing' || size === undefined) continue;
    const n = Number(size);
    if (type === 'blob') blobs.set(oid, out.subarray(at, at + n));
    at += n + 1; // content, then a newline
  }
  return blobs;
}

function git(args: string[], cwd: string, notARepoMessage?: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 1 << 30 }, (error, stdout) => {
      if (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') reject(new UsageError('git is not installed or not on PATH'));
        else reject(new UsageError(notARepoMessage ?? `git ${args[0]} failed (exit ${String(code)})`));
        return;
      }
      resolvePromise(stdout);
    });
  });
}

function gitWithInput(args: string[], cwd: string, input: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', () => reject(new UsageError('git is not installed or not on PATH')));
    child.on('close', (code) => {
      if (code === 0) resolvePromise(Buffer.concat(chunks));
      else reject(new UsageError(`git ${args[0]} failed (exit ${String(code)})`));
    });
    child.stdin.on('error', () => undefined); // git exiting early surfaces through 'close'
    child.stdin.end(input);
  });
}
