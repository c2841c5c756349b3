import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Reads a folder scan's files on a thread of their own, a few files ahead of the main thread, into memory both
 * threads share. The main thread detects while the next files are read: opening and reading ~2,800 files one by
 * one was ~70 ms of its time on the bench tree (bench/scan.bench.mjs), spent waiting on the kernel, not detecting.
 *
 * The reader holds no engine (it starts in a few milliseconds, during the walk) and never decides anything: a file it
 * cannot hold (larger than a slot or than the size limit, or that it could not open or read) is left to the main
 * thread, which reads it as it always did, so sizes, errors and their codes are exactly what a read there gives.
 *
 * The shared memory: `SLOTS` slots of `SLOT_BYTES`, file k in slot k % SLOTS, and one Int32Array of counters.
 */
const SLOTS = 8;
/** Files above this size (few in a source tree) are read by the main thread. */
const SLOT_BYTES = 1024 * 1024;

/** Counters: how many files the main thread has taken, whether the reader stopped, then per slot the file it holds. */
const TAKEN = 0;
const STOPPED = 1;
const FIRST_SLOT = 2;
/** Per slot: the number of the file held, plus one (0: none yet), and its length, or `LEFT` for a file left to the main thread. */
const HELD = 0;
const LENGTH = 1;
const LEFT = -1;
/** How long the main thread waits for one file before it reads the rest itself. */
const READER_PATIENCE_MS = 2000;

/** What the reader is handed once the walk is over. */
export interface ReadAheadJob {
  paths: string[];
  /** Files larger than this are left to the main thread, which counts them as too large. */
  maxBytes: number;
}

/** The memory the two threads share, given to the reader when it starts. */
export interface ReadAheadMemory {
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
}

function slotAt(file: number): number {
  return FIRST_SLOT + (file % SLOTS) * 2;
}

/** The main thread's side: started during the walk, given the files once it is over, taken from in order. */
export class ReadAhead {
  private readonly control: Int32Array;
  private readonly data: Buffer;
  private readonly worker: Worker;
  private next = 0;

  private constructor(script: URL) {
    const memory: ReadAheadMemory = { control: new SharedArrayBuffer(4 * (FIRST_SLOT + 2 * SLOTS)), data: new SharedArrayBuffer(SLOTS * SLOT_BYTES) };
    this.control = new Int32Array(memory.control);
    this.data = Buffer.from(memory.data);
    this.worker = new Worker(script, { workerData: memory });
    // A reader that fails only leaves the files to the main thread (see `take`): nothing to report.
    this.worker.on('error', () => this.stop());
    this.worker.unref();
  }

  /** A reader, or undefined where its compiled script is absent (running from the TypeScript sources). */
  static start(): ReadAhead | undefined {
    const script = new URL('./read-ahead-worker.js', import.meta.url);
    if (script.protocol !== 'file:' || import.meta.url.endsWith('.ts')) return undefined;
    if (!existsSync(fileURLToPath(script))) throw new Error('the read-ahead script is missing from the build');
    return new ReadAhead(script);
  }

  /** Hands the reader the files, in the order they will be taken. */
  read(job: ReadAheadJob): void {
    this.worker.postMessage(job);
  }

  /**
   * The bytes of the next file (the files are taken in order, each once), or undefined when the main thread must
   * read it itself. The bytes are a view of a slot, valid until the next `take`.
   */
  take(): Buffer | undefined {
    const file = this.next++;
    // The files before this one are done with: their slots may be filled again.
    Atomics.store(this.control, TAKEN, file);
    Atomics.notify(this.control, TAKEN);
    const slot = slotAt(file);
    const deadline = performance.now() + READER_PATIENCE_MS;
    while (Atomics.load(this.control, slot + HELD) !== file + 1) {
      if (Atomics.load(this.control, STOPPED) === 1) return undefined;
      // A reader that never started or died unseen (its events wait for this thread): the files are read here.
      if (performance.now() > deadline) {
        this.stop();
        return undefined;
      }
      // Woken when the reader fills this slot or stops.
      Atomics.wait(this.control, slot + HELD, Atomics.load(this.control, slot + HELD), 50);
    }
    const length = this.control[slot + LENGTH]!;
    if (length === LEFT) return undefined;
    const start = (file % SLOTS) * SLOT_BYTES;
    return this.data.subarray(start, start + length);
  }

  /** Stops the reader (at any point of the scan). */
  async close(): Promise<void> {
    this.stop();
    await this.worker.terminate();
  }

  private stop(): void {
    Atomics.store(this.control, STOPPED, 1);
    Atomics.notify(this.control, TAKEN);
    for (let s = 0; s < SLOTS; s++) Atomics.notify(this.control, FIRST_SLOT + s * 2 + HELD);
  }
}

/** The reader's side (read-ahead-worker.ts): reads the files into their slots, at most `SLOTS` ahead of the main thread. */
export function readAhead(memory: ReadAheadMemory, job: ReadAheadJob): void {
  const control = new Int32Array(memory.control);
  const data = new Uint8Array(memory.data);
  try {
    for (let file = 0; file < job.paths.length; file++) {
      // Slot `file % SLOTS` is free once the main thread has taken the file after the one it held.
      while (Atomics.load(control, TAKEN) < file - SLOTS + 1) {
        if (Atomics.load(control, STOPPED) === 1) return;
        Atomics.wait(control, TAKEN, Atomics.load(control, TAKEN), 100);
      }
      if (Atomics.load(control, STOPPED) === 1) return;
      const slot = slotAt(file);
      // (One byte of the slot is kept free: see `readInto`.)
      control[slot + LENGTH] = readInto(data, (file % SLOTS) * SLOT_BYTES, job.paths[file]!, Math.min(job.maxBytes, SLOT_BYTES - 1));
      Atomics.store(control, slot + HELD, file + 1);
      Atomics.notify(control, slot + HELD);
    }
  } finally {
    Atomics.store(control, STOPPED, 1);
    for (let s = 0; s < SLOTS; s++) Atomics.notify(control, FIRST_SLOT + s * 2 + HELD);
  }
}

/**
 * Reads a whole file into `data` at `at` (room for `limit` + 1 bytes): its length, or `LEFT` when it is larger than `limit`
 * or cannot be read. (ReusableFileReader's loop, for memory that cannot grow, and which never throws: the main thread
 * reads what this leaves, and gets the error itself.)
 */
function readInto(data: Uint8Array, at: number, path: string, limit: number): number {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return LEFT;
  }
  try {
    if (fstatSync(fd).size > limit) return LEFT;
    let length = 0;
    for (;;) {
      // One byte more than the limit is asked for: a file that grew past it since its size was read is seen so.
      const n = readSync(fd, data, at + length, limit + 1 - length, null);
      if (n === 0) return length;
      length += n;
      if (length > limit) return LEFT;
    }
  } catch {
    return LEFT;
  } finally {
    closeSync(fd);
  }
}
