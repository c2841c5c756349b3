import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** A regular file the walk decided to scan. */
export interface WalkedFile {
  /** The path as reached from the argument given (`src` + `a.ts` → `src/a.ts`). */
  display: string;
  absolute: string;
}

export interface WalkCounts {
  /** Entries left out by `.gitignore` files (a folder counts once). */
  ignored: number;
  /** Entries left out by `[scan] exclude` or `[allowlist] paths`. */
  excluded: number;
  /** Symbolic links met in the walk (never followed). */
  symlinks: number;
  /** Sockets, FIFOs, devices: never opened (reading a FIFO would block forever). */
  special: number;
  /** Files over the size limit (found when they are opened). */
  tooLarge: number;
}

export interface WalkOptions {
  /** gitignore-style patterns of paths never scanned, relative to `patternBase`. */
  exclude: string[];
  /** Folder the exclude patterns are relative to (the config file's folder, else cwd). */
  patternBase: string;
  /** Called for folders that cannot be listed. */
  onError: (display: string, code: string) => void;
  /** Called for each file kept, as the walk goes (the scan starts its workers from it). */
  onFile?: (file: WalkedFile) => void;
  /**
   * Receives every folder listing the walk reads, by absolute path (see `childPath`): the
   * dotenv search goes over the same tree and need not list it again.
   */
  listings?: Map<string, Dirent[]>;
}

interface IgnoreScope {
  base: string;
  source: string;
  rules: Ignore;
}

const ALWAYS_SKIPPED_DIRS = new Set(['.git', '.hg', '.svn']);

/**
 * Lists the files under one argument, sorted so output is deterministic. Honours every
 * `.gitignore` from the git root down (nested ones included); never enters `.git`.
 * Symbolic links met in the walk are not followed, as git itself stores them: a target
 * inside the tree is scanned where it lives, a target outside is out of scope, and no
 * link can send the walk round a loop. (An argument that is itself a link is followed:
 * the user named it.)
 */
export async function walkTarget(target: string, absolute: string, options: WalkOptions, counts: WalkCounts): Promise<WalkedFile[]> {
  const files: WalkedFile[] = [];
  const exclude = options.exclude.length > 0 ? ignore().add(options.exclude) : undefined;
  // A folder named on the command line is scanned even when a .gitignore above it
  // ignores it (as a named file is); the other rules above it still apply inside.
  const activeAbove = (await ancestorIgnoreScopes(absolute)).map((scope) => reincludeTarget(scope, absolute));

  // Paths are tested relative to each rule set's folder. They are built by appending one
  // name per level (a prefix per rule set), not with path.relative for every entry.
  interface ActiveRules {
    rules: Ignore;
    /** The visited folder relative to the rules' folder, '' or ending in '/'; undefined when outside it. */
    prefix: string | undefined;
  }
  const prefixOf = (base: string, dir: string): string | undefined => {
    if (base === dir) return '';
    const rel = portableRelative(base, dir);
    return rel === undefined ? undefined : `${rel}/`;
  };
  const matches = (active: readonly ActiveRules[], name: string, isDir: boolean): boolean =>
    active.some((a) => a.prefix !== undefined && a.rules.ignores(isDir ? `${a.prefix}${name}/` : `${a.prefix}${name}`));
  const descend = (active: readonly ActiveRules[], name: string): ActiveRules[] =>
    active.map((a) => ({ rules: a.rules, prefix: a.prefix === undefined ? undefined : `${a.prefix}${name}/` }));

  async function visitDir(abs: string, display: string, gitRules: ActiveRules[], excludeRules: ActiveRules[]): Promise<void> {
    let entries: Dirent[];
    try {
      // Synchronous listing and stat: for thousands of small entries the promise
      // round-trips cost more than the calls themselves (measured in bench/scan.bench.mjs).
      entries = readdirSync(abs, { withFileTypes: true });
      options.listings?.set(abs, entries);
    } catch (error) {
      options.onError(display, (error as NodeJS.ErrnoException).code ?? 'EIO');
      return;
    }
    const own = entries.find((e) => e.name === '.gitignore' && e.isFile());
    const rulesHere = own ? [...gitRules, { rules: loadIgnoreScope(abs).rules, prefix: '' }] : gitRules;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const childAbs = childPath(abs, entry.name);
      const childDisplay = joinDisplay(display, entry.name);
      if (entry.isSymbolicLink()) {
        counts.symlinks++;
        continue;
      }
      const kind = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (kind === 'dir' && ALWAYS_SKIPPED_DIRS.has(entry.name)) continue;
      if (matches(rulesHere, entry.name, kind === 'dir')) {
        counts.ignored++;
        continue;
      }
      if (matches(excludeRules, entry.name, kind === 'dir')) {
        counts.excluded++;
        continue;
      }
      if (kind === 'dir') {
        await visitDir(childAbs, childDisplay, descend(rulesHere, entry.name), descend(excludeRules, entry.name));
      } else if (kind === 'file') {
        // Not stat'ed here: the size is read from the open file when it is scanned.
        const file = { display: childDisplay, absolute: childAbs };
        files.push(file);
        options.onFile?.(file);
      } else {
        counts.special++;
      }
    }
  }

  await visitDir(
    absolute,
    target,
    activeAbove.map((scope) => ({ rules: scope.rules, prefix: prefixOf(scope.base, absolute) })),
    exclude ? [{ rules: exclude, prefix: prefixOf(options.patternBase, absolute) }] : [],
  );
  return files;
}

/** Whether a path is excluded by config patterns (for files named directly or staged). */
export function createPathFilter(patterns: string[], base: string): (absolute: string) => boolean {
  if (patterns.length === 0) return () => false;
  const rules = ignore().add(patterns);
  return (abs) => {
    const rel = portableRelative(base, abs);
    return rel !== undefined && rules.ignores(rel);
  };
}

/** `.gitignore` files of the folders above `dir`, up to and including the git root. */
async function ancestorIgnoreScopes(dir: string): Promise<IgnoreScope[]> {
  const chain: string[] = [];
  let current = dir;
  for (;;) {
    chain.unshift(current);
    if (existsSync(join(current, '.git'))) break;
    const parent = dirname(current);
    if (parent === current) return []; // not in a repository: only the tree's own .gitignore files count
    current = parent;
  }
  chain.pop(); // the target itself is handled by the walk
  const scopes: IgnoreScope[] = [];
  for (const d of chain) {
    if (existsSync(join(d, '.gitignore'))) scopes.push(loadIgnoreScope(d));
  }
  return scopes;
}

/** Adds `!/a/`, `!/a/b/` … so the named folder and the folders leading to it are not ignored. */
function reincludeTarget(scope: IgnoreScope, target: string): IgnoreScope {
  const rel = portableRelative(scope.base, target);
  if (rel === undefined || !scope.rules.ignores(`${rel}/`)) return scope;
  const segments = rel.split('/').map((s) => s.replace(/[\\*?[\]!# ]/g, (c) => `\\${c}`));
  const negations = segments.map((_, i) => `!/${segments.slice(0, i + 1).join('/')}/`);
  return { base: scope.base, source: scope.source, rules: ignore().add(scope.source).add(negations) };
}

function loadIgnoreScope(dir: string): IgnoreScope {
  let text = '';
  try {
    text = readFileSync(join(dir, '.gitignore'), 'utf8');
  } catch {
    // an unreadable .gitignore ignores nothing
  }
  return { base: dir, source: text, rules: ignore().add(text) };
}

/** `a/b` relative to `base` with `/` separators, or undefined when outside `base`. */
function portableRelative(base: string, abs: string): string | undefined {
  const rel = relative(base, abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return sep === '/' ? rel : rel.split(sep).join('/');
}

/**
 * `path.join` for a normalised absolute folder and one entry name from its listing: the
 * same string without re-normalising it (the walk builds thousands).
 */
export function childPath(folder: string, name: string): string {
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}

function joinDisplay(parent: string, name: string): string {
  if (parent === '.' || parent === './') return name;
  return parent.endsWith('/') ? parent + name : `${parent}/${name}`;
}

/** What a command-line argument points at, without following a final symlink out of nowhere. */
export async function describeTarget(abs: string): Promise<'dir' | 'file' | 'other' | 'missing'> {
  const info = await stat(abs).catch(() => undefined);
  if (!info) return (await lstat(abs).catch(() => undefined)) ? 'other' : 'missing';
  return info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other';
}
