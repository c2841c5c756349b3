import { parentPort, workerData } from 'node:worker_threads';
import { readAhead, type ReadAheadJob, type ReadAheadMemory } from './read-ahead.js';

/** The read-ahead thread (see read-ahead.ts): waits for the walk's files, reads them, and ends. */
parentPort!.once('message', (job: ReadAheadJob) => readAhead(workerData as ReadAheadMemory, job));
