import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { createDetector, type DetectorConfig } from '@takumo/core';
import { scanContent } from './file-scan.js';
import type { WorkerJob, WorkerReply } from './worker-pool.js';

/**
 * A detection worker: compiles the same detector as the main thread (from the same
 * config and known secrets, handed over in memory, never on disk), then reads and scans
 * the files it is sent one by one.
 */
const detector = createDetector(workerData as DetectorConfig);
parentPort!.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  try {
    reply = { id: job.id, outcome: scanContent(detector, readFileSync(job.absolute), job.display, job.projectPath) };
  } catch (error) {
    reply = { id: job.id, errorCode: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  parentPort!.postMessage(reply);
});
