import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DetectorConfig } from '@takumo/core';
import type { FileOutcome } from './file-scan.js';

/** One file for a worker to read and scan. */
export interface FileJob {
  absolute: string;
  display: string;
  projectPath: string;
}

/** A batch of files per message: one round trip per file cost more than small files' scans. */
export interface WorkerJob {
  type: 'scan';
  id: number;
  files: FileJob[];
}

/**
 * The detector's configuration, sent once before the first job. Workers start before the
 * walk (so that loading the engine overlaps with it) and learn the configuration, known
 * dotenv values included, only when the walk is over.
 */
export interface WorkerConfigure {
  type: 'configure';
  config: DetectorConfig;
  /** Files larger than this are counted, not read. */
  maxFileSize: number;
}

export type WorkerMessage = WorkerJob | WorkerConfigure;

/** What scanning one file of a batch gave, or why it could not be read or scanned. */
export type FileResult = { outcome: FileOutcome } | { errorCode: string };

export interface WorkerReply {
  type: 'scanned';
  id: number;
  /** One result per file of the job, in the same order. */
  results: FileResult[];
}

/** Posted once the worker has compiled its detector: from then on it takes jobs. */
export interface WorkerReady {
  type: 'ready';
}

export type WorkerAnswer = WorkerReply | WorkerReady;

interface Slot {
  worker: Worker;
  /** Settles true when the worker can take jobs, false when it never will (it failed, or the pool closed). */
  ready: Promise<boolean>;
  markReady: (ready: boolean) => void;
}

/**
 * Detection spread over worker threads for big scans (the regex work is CPU-bound and
 * one thread per core roughly multiplies throughput; see bench/scan.bench.mjs). Workers
 * start before the walk and say when they are ready; until then the main thread scans
 * alone, so a small scan never waits for a worker to load. Each job is a batch of file
 * paths; the worker reads and scans them and posts back metadata findings. A worker that
 * dies with jobs in hand fails the whole scan: nothing is reported as clean that was not
 * scanned.
 */
export class DetectionPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;
  private configured = false;

  private constructor(script: URL, size: number) {
    this.slots = Array.from({ length: size }, () => {
      let markReady!: (ready: boolean) => void;
      const ready = new Promise<boolean>((resolve) => (markReady = resolve));
      const slot: Slot = { worker: new Worker(script), ready, markReady };
      slot.worker.on('message', (answer: WorkerAnswer) => {
        if (answer.type === 'ready') {
          slot.markReady(true);
          return;
        }
        const waiter = this.pending.get(answer.id);
        if (!waiter) return;
        this.pending.delete(answer.id);
        waiter.resolve(answer);
      });
      slot.worker.on('error', (error) => this.fail(error));
      slot.worker.on('exit', (code) => {
        slot.markReady(false);
        if (code !== 0) this.fail(Object.assign(new Error('a scan worker stopped'), { code: 'TAKUMO_E_WORKER' }));
      });
      return slot;
    });
  }

  /**
   * A pool of `size` workers, started now and configured later (see `configure`), or
   * undefined where the compiled worker script is absent (running from TypeScript sources).
   */
  static start(size: number): DetectionPool | undefined {
    const script = new URL('./detect-worker.js', import.meta.url);
    // Run from the TypeScript sources (tests), there is no compiled worker script to start.
    if (size < 1 || script.protocol !== 'file:' || import.meta.url.endsWith('.ts')) return undefined;
    // A build without it is broken: say so rather than scan on one thread unnoticed.
    if (!existsSync(fileURLToPath(script))) throw new Error('the scan worker script is missing from the build');
    return new DetectionPool(script, size);
  }

  /** Hands every worker the detector's configuration; each says it is ready once compiled. */
  configure(config: DetectorConfig, maxFileSize: number): void {
    if (this.configured) throw new Error('scan workers are configured once');
    this.configured = true;
    for (const slot of this.slots) slot.worker.postMessage({ type: 'configure', config, maxFileSize } satisfies WorkerConfigure);
  }

  get size(): number {
    return this.slots.length;
  }

  /** Settles true once worker `index` takes jobs, false if it never will. */
  whenReady(index: number): Promise<boolean> {
    return this.slots[index]!.ready;
  }

  /** Sends a batch to worker `index` (which must be ready). */
  scanFiles(index: number, files: FileJob[]): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.configured) return Promise.reject(new Error('scan workers were given no configuration'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.slots[index]!.worker.postMessage({ type: 'scan', id, files } satisfies WorkerJob);
    });
  }

  async close(): Promise<void> {
    for (const slot of this.slots) slot.markReady(false);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) slot.markReady(false);
    for (const [id, waiter] of this.pending) {
      this.pending.delete(id);
      waiter.reject(this.failure);
    }
  }
}
