import type { Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { availableParallelism } from 'node:os';
import { createDetector, type Category, type Confidence, type DetectorConfig, type Finding, type KnownSecret } from '@takumo/core';
import { UsageError } from '../cli-context.js';
import { collectAncestorSecrets, collectWorkspaceSecrets, type TakumoConfig } from '../config.js';
import { DETECT_FAILED, scanContent, type FileOutcome } from './file-scan.js';
import { findGitRoot, listStaged, readBlobs } from './git.js';
import { createPathFilter, describeTarget, walkTarget, type WalkCounts } from './walker.js';
import { ReusableFileReader } from './read-file.js';
import { DetectionPool } from './worker-pool.js';

/** A finding as the scan reports it: metadata plus a stable fingerprint and a redacted preview. */
export interface ScanFinding extends Finding {
  /** The path as reached from the argument given. */
  file: string;
  /** The path relative to the project (git) root, `/`-separated: what SARIF and fingerprints use. */
  projectPath: string;
  fingerprint: string;
  /** Redacted (`ghp_…Q7mZ`); for the text report only. */
  preview: string;
}

export interface ScanStats {
  files: number;
  bytes: number;
  findings: number;
  /** Findings left out because the baseline lists their fingerprint. */
  baselined: number;
  skipped: WalkCounts & { binary: number };
  /** Files that were not valid UTF-8 and were scanned with the bad bytes replaced. */
  invalidUtf8: number;
  /** Files that could not be read (listed in `errors`). */
  unreadable: number;
  durationMs: number;
}

export interface ScanError {
  file: string;
  code: string;
}

export interface ScanReport {
  findings: ScanFinding[];
  stats: ScanStats;
  errors: ScanError[];
  /** Rule metadata for the rules that produced findings (SARIF needs it). */
  rules: Map<string, RuleInfo>;
  /** Files scanned on worker threads (the rest were scanned on the main thread). */
  workerFiles: number;
}

export interface RuleInfo {
  id: string;
  category: Category;
  confidence: Confidence;
  description: string;
}

export interface ScanProgress {
  update(done: { files: number; bytes: number; total: number }): void;
  done(): void;
}

export interface ScanOptions {
  cwd: string;
  /** Arguments as given: paths, or `-` for standard input. */
  targets: string[];
  staged?: boolean;
  stdin?: NodeJS.ReadableStream;
  config: TakumoConfig;
  maxFileSize: number;
  progress?: ScanProgress;
  /** Reads a file's bytes; tests substitute a failing reader to exercise error paths. */
  readBytes?: (absolute: string) => Promise<Uint8Array>;
  concurrency?: number;
  /**
   * Detection threads, the main thread included (0 or 1: the main thread alone). Default
   * for folders: one per core (at most 4) on machines with 4 cores or more, else the main
   * thread alone. Workers load while the tree is walked and take work once ready, so a
   * scan smaller than their start-up ends on the main thread alone.
   */
  workers?: number;
  /**
   * Workers take the first batches, before the main thread starts on the rest (tests use it
   * so that the workers do scan, however fast the main thread gets through a small tree).
   */
  workerHeadStart?: boolean;
}

/** One unit of content to scan, wherever it comes from. */
interface ScanItem {
  /** Set for files on disk: a worker thread can then read it itself. */
  absolute?: string;
  display: string;
  projectPath: string;
  /** Known up front for content not on disk and for files named one by one; a walked file's is learnt when it is opened. */
  size?: number;
  load: () => Promise<Uint8Array>;
}

export const STDIN_NAME = '<stdin>';

const KNOWN_SECRET_RULE: RuleInfo = {
  id: 'known-secret',
  category: 'ENV',
  confidence: 'high',
  description: 'A value defined in one of the workspace’s dotenv files',
};

export async function scan(options: ScanOptions): Promise<ScanReport> {
  const workers = new WorkerStarter(options);
  try {
    return await scanWith(options, workers);
  } finally {
    await workers.pool?.close();
  }
}

async function scanWith(options: ScanOptions, workers: WorkerStarter): Promise<ScanReport> {
  const started = performance.now();
  const cwd = resolve(options.cwd);
  const counts: WalkCounts & { binary: number } = { ignored: 0, excluded: 0, symlinks: 0, special: 0, tooLarge: 0, binary: 0 };
  const errors: ScanError[] = [];
  const patterns = [...options.config.scan.exclude, ...(options.config.detector.allowlist?.paths ?? [])];
  const patternBase = options.config.path ? resolve(options.config.path, '..') : cwd;
  const isExcluded = createPathFilter(patterns, patternBase);
  const reader = new ReusableFileReader();
  // The scan loop reads files on disk through `reader` directly; this copying form is for
  // anything that loads an item outside that loop.
  const readBytes = options.readBytes ?? (async (absolute: string) => Buffer.from(reader.read(absolute)!));
  // Project paths (for fingerprints and SARIF) are relative to the git root holding the
  // target, so a baseline matches whatever folder the scan starts from; outside a
  // repository, relative to the folder named.
  const projectPathOf = (root: string, abs: string): string => {
    // Walked files sit under the root nearly always: a prefix cut, not path.relative per file.
    if (abs.startsWith(root) && abs.charAt(root.length) === sep && !abs.includes(`${sep}..`, root.length)) {
      const rel = abs.slice(root.length + 1);
      return sep === '/' ? rel : rel.split(sep).join('/');
    }
    const rel = relative(root, abs);
    return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? abs : rel.split(sep).join('/');
  };

  const items: ScanItem[] = [];
  // Where dotenv values are learnt: folders searched in depth, and folders whose
  // ancestors up to the git root are looked at (see collectAncestorSecrets).
  const workspaces = new Set<string>();
  // Folder listings of the walk, reused by the dotenv search over the same folders.
  const listings = new Map<string, Dirent[]>();
  const ancestorsOf = new Set<string>();
  if (options.staged) {
    const index = await listStaged(cwd);
    counts.symlinks += index.skippedLinks;
    workspaces.add(index.root);
    const wanted = index.files.filter((f) => {
      const abs = join(index.root, f.path);
      if (isExcluded(abs)) return (counts.excluded++, false);
      if (f.size > options.maxFileSize) return (counts.tooLarge++, false);
      return true;
    });
    const blobs = await readBlobs(index.root, wanted.map((f) => f.oid));
    for (const f of wanted) {
      const abs = join(index.root, f.path);
      items.push({
        display: relative(cwd, abs).split(sep).join('/') || f.path,
        projectPath: f.path,
        size: f.size,
        load: async () => {
          const blob = blobs.get(f.oid);
          if (!blob) throw Object.assign(new Error('missing blob'), { code: 'ENOENT' });
          return blob;
        },
      });
    }
  } else {
    const seen = new Set<string>();
    for (const target of options.targets) {
      if (target === '-') {
        if (seen.has('-')) continue;
        seen.add('-');
        const bytes = await readStream(options.stdin ?? process.stdin);
        items.push({ display: STDIN_NAME, projectPath: STDIN_NAME, size: bytes.length, load: async () => bytes });
        ancestorsOf.add(join(cwd, '.'));
        continue;
      }
      const abs = resolve(cwd, target);
      const kind = await describeTarget(abs);
      if (kind === 'missing') throw new UsageError(`no such file or directory: ${target}`);
      if (kind === 'other') throw new UsageError(`not a regular file or directory: ${target}`);
      const projectRoot = findGitRoot(abs) ?? (kind === 'dir' ? abs : dirname(abs));
      if (kind === 'dir') {
        workspaces.add(abs);
        ancestorsOf.add(abs);
        const files = await walkTarget(
          target,
          abs,
          { exclude: patterns, patternBase, onError: (file, code) => errors.push({ file, code }), onFile: () => workers.found(), listings },
          counts,
        );
        for (const f of files) {
          if (seen.has(f.absolute)) continue;
          seen.add(f.absolute);
          items.push({ absolute: f.absolute, display: f.display, projectPath: projectPathOf(projectRoot, f.absolute), load: () => readBytes(f.absolute) });
        }
      } else {
        if (seen.has(abs)) continue;
        seen.add(abs);
        if (isExcluded(abs)) {
          counts.excluded++;
          continue;
        }
        ancestorsOf.add(join(abs, '..'));
        const { size } = await stat(abs);
        if (size > options.maxFileSize) {
          counts.tooLarge++;
          continue;
        }
        items.push({ absolute: abs, display: target, projectPath: projectPathOf(projectRoot, abs), size, load: () => readBytes(abs) });
      }
    }
  }

  const detectorConfig = await detectorConfigFor(options.config, [...workspaces], [...ancestorsOf], listings);
  const detector = createDetector(detectorConfig);
  const rules = new Map<string, RuleInfo>();
  const ruleInfo = new Map<string, RuleInfo>(detector.rules.map((r) => [r.id, { id: r.id, category: r.category, confidence: r.confidence, description: r.description }]));
  const findings: ScanFinding[] = [];
  let files = 0;
  let bytes = 0;
  let invalidUtf8 = 0;
  let done = 0;
  let workerFiles = 0;
  const total = items.length;
  // The main thread is one of the detection threads: it scans from the first file on, while
  // the workers (the other threads) are still starting, and keeps scanning alongside them.
  const pool = workers.pool;
  pool?.configure(detectorConfig, options.maxFileSize);

  const record = (outcome: FileOutcome): void => {
    if (outcome.kind === 'binary') {
      counts.binary++;
      return;
    }
    if (outcome.kind === 'too-large') {
      counts.tooLarge++;
      return;
    }
    files++;
    bytes += outcome.bytes;
    if (outcome.lossy) invalidUtf8++;
    for (const f of outcome.findings) {
      rules.set(f.rule, ruleInfo.get(f.rule) ?? (f.rule === KNOWN_SECRET_RULE.id ? KNOWN_SECRET_RULE : fallbackRule(f)));
      findings.push(f);
    }
  };

  /** Reads (unless given) and scans one item here, on the main thread. */
  const scanHere = async (item: ScanItem): Promise<void> => {
    let content: Uint8Array | undefined;
    try {
      // Files on disk are read synchronously into a reused buffer and scanned in the same
      // tick (the view is overwritten by the next read); other content loads as it comes.
      if (item.absolute !== undefined && !options.readBytes) {
        content = reader.read(item.absolute, options.maxFileSize);
        if (content === undefined) record({ kind: 'too-large' });
      } else {
        content = await item.load();
      }
    } catch (error) {
      errors.push({ file: item.display, code: (error as NodeJS.ErrnoException).code ?? 'EIO' });
    }
    if (content) {
      try {
        record(scanContent(detector, content, item.display, item.projectPath));
      } catch {
        // A detector failure on one file must not pass for a clean file: it is an error.
        errors.push({ file: item.display, code: DETECT_FAILED });
      }
    }
    done++;
    options.progress?.update({ files: done, bytes, total });
  };

  try {
    if (!pool) {
      await forEachConcurrently(items, options.concurrency ?? 8, scanHere);
    } else {
      // The main thread scans from the first batch on; each worker joins once it has loaded
      // and compiled (two batches in flight per worker, so it never waits for more). When
      // the main thread has taken the last batch, workers not yet ready stay out of it.
      const batches = batchesOf(items);
      let next = 0;
      const take = (): ScanItem[] | undefined => (next < batches.length ? batches[next++] : undefined);
      let drained!: () => void;
      const allTaken = new Promise<false>((resolveDrained) => (drained = () => resolveDrained(false)));
      const mainLane = async (): Promise<void> => {
        if (options.workerHeadStart) {
          await pool.whenReady(0);
          await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
        }
        for (let batch = take(); batch !== undefined; batch = take()) {
          for (const item of batch) await scanHere(item);
          // The main thread scans synchronously: let the workers' replies in between batches.
          await new Promise<void>((resolveTurn) => setImmediate(resolveTurn));
        }
        drained();
      };
      const workerLane = async (worker: number): Promise<void> => {
        if (!(await Promise.race([pool.whenReady(worker), allTaken]))) return;
        for (let batch = take(); batch !== undefined; batch = take()) {
          if (batch.some((item) => item.absolute === undefined)) {
            // Standard input scanned with folders: its bytes are here, not in a file.
            for (const item of batch) await scanHere(item);
            continue;
          }
          const reply = await pool.scanFiles(worker, batch.map((item) => ({ absolute: item.absolute!, display: item.display, projectPath: item.projectPath })));
          batch.forEach((item, k) => {
            const result = reply.results[k]!;
            if ('errorCode' in result) errors.push({ file: item.display, code: result.errorCode });
            else record(result.outcome);
          });
          done += batch.length;
          workerFiles += batch.length;
          options.progress?.update({ files: done, bytes, total });
        }
      };
      const workerLanes = Array.from({ length: pool.size * 2 }, (_, lane) => workerLane(lane >> 1));
      await Promise.all([mainLane(), ...workerLanes]);
    }
  } finally {
    options.progress?.done();
  }

  findings.sort(compareFindings);
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    findings,
    errors,
    rules,
    workerFiles,
    stats: {
      files,
      bytes,
      findings: findings.length,
      baselined: 0,
      skipped: counts,
      invalidUtf8,
      unreadable: errors.length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/** Leaves out the findings whose fingerprint the baseline lists, and counts them. */
export function applyBaseline(report: ScanReport, baseline: ReadonlySet<string>): ScanReport {
  const findings = report.findings.filter((f) => !baseline.has(f.fingerprint));
  const baselined = report.findings.length - findings.length;
  return { ...report, findings, stats: { ...report.stats, findings: findings.length, baselined: report.stats.baselined + baselined } };
}

/** The detector's configuration, with the values of the scanned workspaces' dotenv files as known secrets. */
async function detectorConfigFor(config: TakumoConfig, workspaces: string[], ancestorsOf: string[], listings: ReadonlyMap<string, Dirent[]>): Promise<DetectorConfig> {
  const known: KnownSecret[] = [...(config.detector.knownSecrets ?? [])];
  const seen = new Set(known.map((k) => k.value));
  const learnt = [
    ...(await Promise.all(workspaces.sort().map((root) => collectWorkspaceSecrets(root, listings)))),
    ...(await Promise.all(ancestorsOf.sort().map((dir) => collectAncestorSecrets(dir)))),
  ].flat();
  for (const secret of learnt) {
    if (seen.has(secret.value)) continue;
    seen.add(secret.value);
    known.push(secret);
  }
  return { ...config.detector, knownSecrets: known };
}

function fallbackRule(f: Finding): RuleInfo {
  return { id: f.rule, category: f.category, confidence: f.confidence, description: `Secret (${f.category})` };
}

/** Findings in a stable order: by file (code-unit order, not locale), line, column, rule. */
export function compareFindings(a: ScanFinding, b: ScanFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

const MAX_THREADS = 4;
/**
 * Workers by default only from this many cores. On 2 vCPUs (often two hyperthreads of one
 * core) a worker made the bench scan slower, not faster: each thread carries its own
 * compiler and collector threads and a ~0.25 s start-up, and the two scanning threads
 * share one core's execution units (bench/scan.bench.mjs: 1.35 s with one worker against
 * 1.24 s on the main thread alone).
 */
const WORKERS_FROM_CORES = 4;

function defaultThreads(): number {
  const cores = availableParallelism();
  return cores >= WORKERS_FROM_CORES ? Math.min(cores, MAX_THREADS) : 1;
}

/**
 * Files the walk must find before workers are worth starting (about 4 MB of source at a
 * typical 16 KB a file): less is scanned before they have loaded.
 */
const WORKERS_FROM_FILES = 256;

/**
 * Starts the worker threads of a folder scan (all threads but the main one) during the
 * walk, as soon as it has found enough to scan: they load the engine while the walk goes
 * on. With `--jobs` above 1 they start at once. Files named one by one, staged content and
 * standard input never use them.
 */
class WorkerStarter {
  pool: DetectionPool | undefined;
  private readonly threads: number;
  private files = 0;
  private started = false;

  constructor(options: ScanOptions) {
    const eligible = !options.readBytes && !options.staged && (options.workers === undefined || options.workers > 1);
    this.threads = eligible ? (options.workers ?? defaultThreads()) : 1;
    if (options.workers !== undefined && this.threads > 1) this.start();
  }

  /** Counts a file the walk kept. */
  found(): void {
    this.files++;
    if (!this.started && this.threads > 1 && this.files >= WORKERS_FROM_FILES) this.start();
  }

  private start(): void {
    this.started = true;
    this.pool = DetectionPool.start(this.threads - 1);
  }
}

/** Files per worker message: about 256 KB, and at most 64 files (small enough to balance the threads' loads). */
const BATCH_BYTES = 256 * 1024;
const BATCH_FILES = 64;
/** What a walked file counts for in a batch before it is opened. */
const ASSUMED_FILE_BYTES = 16 * 1024;

function batchesOf(items: readonly ScanItem[]): ScanItem[][] {
  const batches: ScanItem[][] = [];
  let current: ScanItem[] = [];
  let size = 0;
  for (const item of items) {
    current.push(item);
    size += item.size ?? ASSUMED_FILE_BYTES;
    if (size >= BATCH_BYTES || current.length >= BATCH_FILES) {
      batches.push(current);
      current = [];
      size = 0;
    }
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Runs `work` over the items with at most `limit` in flight; each lane has a number from 0. */
async function forEachConcurrently<T>(items: T[], limit: number, work: (item: T, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (index: number): Promise<void> => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, (_, index) => lane(index)));
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
