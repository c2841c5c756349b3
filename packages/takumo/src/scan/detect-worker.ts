import { parentPort, workerData } from 'node:worker_threads';
import { createDetector, type DetectorConfig } from '@takumo/core';
import { DETECT_FAILED, scanContent } from './file-scan.js';
import { ReusableFileReader } from './read-file.js';
import type { FileJob, FileResult, WorkerJob, WorkerReply } from './worker-pool.js';

/**
 * A detection worker: compiles the same detector as the main thread (from the same
 * config and known secrets, handed over in memory, never on disk), then reads and scans
 * the files it is sent one by one.
 */
const detector = createDetector(workerData as DetectorConfig);
const reader = new ReusableFileReader();
parentPort!.on('message', (job: WorkerJob) => {
  parentPort!.postMessage({ id: job.id, results: job.files.map(scanFile) } satisfies WorkerReply);
});

function scanFile(file: FileJob): FileResult {
  let content: Buffer;
  try {
    // A view into the reader's buffer: scanned below before the next file is read.
    content = reader.read(file.absolute);
  } catch (error) {
    return { errorCode: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  try {
    return { outcome: scanContent(detector, content, file.display, file.projectPath) };
  } catch {
    return { errorCode: DETECT_FAILED };
  }
}
