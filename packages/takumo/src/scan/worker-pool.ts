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
}

export type WorkerMessage = WorkerJob | WorkerConfigure;

/** What scanning one file of a batch gave, or why it could not be read or scanned. */
export type FileResult = { outcome: FileOutcome } | { errorCode: string };

export interface WorkerReply {
  id: number;
  /** One result per file of the job, in the same order. */
  results: FileResult[];
}

interface Slot {
  worker: Worker;
  inflight: number;
}

/**
 * Detection spread over worker threads for big scans (the regex work is CPU-bound and
 * one thread per core roughly multiplies throughput; see bench/scan.bench.mjs). Each job
 * is a batch of file paths; the worker reads and scans them and posts back metadata findings. A
 * worker that dies fails the whole scan: nothing is reported as clean that was not
 * scanned.
 */
export class DetectionPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 0;
  private failure: Error | undefined;

  private configured = false;

  private constructor(script: URL, size: number) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(script), inflight: 0 };
      slot.worker.on('message', (reply: WorkerReply) => {
        const waiter = this.pending.get(reply.id);
        if (!waiter) return;
        this.pending.delete(reply.id);
        slot.inflight--;
        waiter.resolve(reply);
      });
      slot.worker.on('error', (error) => this.fail(error));
      slot.worker.on('exit', (code) => {
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
    if (size < 1 || script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
    return new DetectionPool(script, size);
  }

  /** Hands every worker the detector's configuration; jobs posted after it are scanned with it. */
  configure(config: DetectorConfig): void {
    if (this.configured) throw new Error('scan workers are configured once');
    this.configured = true;
    for (const slot of this.slots) slot.worker.postMessage({ type: 'configure', config } satisfies WorkerConfigure);
  }

  get size(): number {
    return this.slots.length;
  }

  scanFiles(files: FileJob[]): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.configured) return Promise.reject(new Error('scan workers were given no configuration'));
    const slot = this.slots.reduce((a, b) => (b.inflight < a.inflight ? b : a));
    const id = this.nextId++;
    slot.inflight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ type: 'scan', id, files } satisfies WorkerJob);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const [id, waiter] of this.pending) {
      this.pending.delete(id);
      waiter.reject(this.failure);
    }
  }
}
