import { parentPort, workerData } from 'node:worker_threads';
import { createDetector, type DetectorConfig } from '@takumo/core';
import { DETECT_FAILED, scanContent } from './file-scan.js';
import { ReusableFileReader } from './read-file.js';
import type { WorkerJob, WorkerReply } from './worker-pool.js';

/**
 * A detection worker: compiles the same detector as the main thread (from the same
 * config and known secrets, handed over in memory, never on disk), then reads and scans
 * the files it is sent one by one.
 */
const detector = createDetector(workerData as DetectorConfig);
const reader = new ReusableFileReader();
parentPort!.on('message', (job: WorkerJob) => {
  let reply: WorkerReply;
  let content: Buffer | undefined;
  try {
    // A view into the reader's buffer: scanned below before the next message is read.
    content = reader.read(job.absolute);
  } catch (error) {
    reply = { id: job.id, errorCode: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  if (content) {
    try {
      reply = { id: job.id, outcome: scanContent(detector, content, job.display, job.projectPath) };
    } catch {
      reply = { id: job.id, errorCode: DETECT_FAILED };
    }
  }
  parentPort!.postMessage(reply!);
});
