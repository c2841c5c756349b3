import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DetectorConfig } from '@takumo/core';
import type { FileOutcome } from './file-scan.js';

export interface WorkerJob {
  id: number;
  absolute: string;
  display: string;
  projectPath: string;
}

export type WorkerReply = { id: number; outcome: FileOutcome } | { id: number; errorCode: string };

interface Slot {
  worker: Worker;
  inflight: number;
}

/**
 * Detection spread over worker threads for big scans (the regex work is CPU-bound and
 * one thread per core roughly multiplies throughput; see bench/scan.bench.mjs). Each job
 * is a file path; the worker reads and scans it and posts back metadata findings. A
 * worker that dies fails the whole scan: nothing is reported as clean that was not
 * scanned.
 */
export class DetectionPool {
  private readonly slots: Slot[];
  private readonly pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; slot: Slot }>();
  private nextId = 0;
  private failure: Error | undefined;

  private constructor(script: URL, config: DetectorConfig, size: number) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { worker: new Worker(script, { workerData: config }), inflight: 0 };
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

  /** A pool of `size` workers, or undefined where the compiled worker script is absent (running from TypeScript sources). */
  static create(config: DetectorConfig, size: number): DetectionPool | undefined {
    const script = new URL('./detect-worker.js', import.meta.url);
    if (size < 1 || script.protocol !== 'file:' || !existsSync(fileURLToPath(script))) return undefined;
    return new DetectionPool(script, config, size);
  }

  get size(): number {
    return this.slots.length;
  }

  scanFile(job: Omit<WorkerJob, 'id'>): Promise<WorkerReply> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.inflight < a.inflight ? b : a));
    const id = this.nextId++;
    slot.inflight++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ ...job, id } satisfies WorkerJob);
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
