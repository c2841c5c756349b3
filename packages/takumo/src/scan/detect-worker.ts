import { parentPort } from 'node:worker_threads';
import { createDetector, type Detector } from '@takumo/core';
import { DETECT_FAILED, scanContent } from './file-scan.js';
import { ReusableFileReader } from './read-file.js';
import type { FileJob, FileResult, WorkerAnswer, WorkerMessage, WorkerReply } from './worker-pool.js';

/**
 * A detection worker: loads the engine as soon as it starts (while the main thread walks
 * the tree), compiles the same detector as the main thread once it is sent the config
 * (known secrets included, handed over in memory, never on disk), then reads and scans
 * the files it is sent one by one.
 */
let detector: Detector | undefined;
let maxFileSize = Number.POSITIVE_INFINITY;
const reader = new ReusableFileReader();
parentPort!.on('message', (message: WorkerMessage) => {
  if (message.type === 'configure') {
    detector = createDetector(message.config);
    maxFileSize = message.maxFileSize;
    parentPort!.postMessage({ type: 'ready' } satisfies WorkerAnswer);
    return;
  }
  // A job before the config is a bug in the pool; failing the files fails the scan (exit 2).
  const scanner = detector;
  const results: FileResult[] = scanner ? message.files.map((file) => scanFile(scanner, file)) : message.files.map(() => ({ errorCode: DETECT_FAILED }));
  parentPort!.postMessage({ type: 'scanned', id: message.id, results } satisfies WorkerReply);
});

function scanFile(detector: Detector, file: FileJob): FileResult {
  let content: Buffer | undefined;
  try {
    // A view into the reader's buffer: scanned below before the next file is read.
    content = reader.read(file.absolute, maxFileSize);
  } catch (error) {
    return { errorCode: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  if (content === undefined) return { outcome: { kind: 'too-large' } };
  try {
    return { outcome: scanContent(detector, content, file.display, file.projectPath) };
  } catch {
    return { errorCode: DETECT_FAILED };
  }
}
