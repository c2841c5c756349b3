import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ReusableFileReader } from './read-file.js';
import { CLAIMED, CONSUMED, FAILED, READ, READ_HERE, SCAN_WAITING, TOO_LARGE, controlWords, slotWord, type ReaderData } from './read-slots.js';

/** `Atomics.waitAsync` (Node.js 16+; TypeScript's lib has it from es2024 only). */
const waitAsync = (Atomics as unknown as { waitAsync: (array: Int32Array, index: number, value: number) => { async: false; value: string } | { async: true; value: Promise<string> } }).waitAsync;

/** Files read ahead of the scan at most (the ring's slots). */
const SLOTS = 128;
/** Bytes per slot: larger files are read by the scan itself, so the ring stays at 8 MB. */
const SLOT_BYTES = 64 * 1024;

/**
 * Reads the files of a scan on a second thread, ahead of the main thread, which detects in
 * file N while files N+1 … N+128 are read. On the bench tree the open/fstat/read/close
 * calls were ~35-60 ms of the main thread's time while the second core was idle but for
 * V8's own threads.
 *
 * The reading thread is a small script of its own (read-worker.ts: no detector; it starts
 * while the walk and the detector's construction go on). It reads each file as
 * ReusableFileReader does into a ring of slots in shared memory and the main thread
 * decodes from the slot, so no bytes are copied between threads. Memory stays bounded: a
 * file larger than the size limit is never read, one larger than a slot (64 KB) is read by
 * the main thread when its turn comes, and the reader sleeps while the ring is full.
 *
 * Files are handed back strictly in the order given. Both threads take files from one
 * claim counter: when the main thread gets to a file nobody has taken (the reader is still
 * starting, or behind), it reads it itself rather than wait, and a reader that failed or
 * never started leaves every file to the main thread. Only a file the reader has in hand is
 * waited for. The scan's result never depends on which thread read a file.
 */
export class ReadAhead {
  private readonly control: Int32Array;
  private readonly data: SharedArrayBuffer;
  private readonly worker: Worker;
  private readonly fallback = new ReusableFileReader();
  private paths: readonly string[] = [];
  /** The next file to hand out. */
  private next = 0;
  /** Set once the thread has stopped: what it has not read, the main thread reads. */
  private stopped = false;
  private readonly whenStopped: Promise<void>;

  private constructor(
    script: URL,
    private readonly maxFileSize: number,
  ) {
    this.control = new Int32Array(new SharedArrayBuffer(controlWords(SLOTS) * 4));
    this.data = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
    const workerData: ReaderData = { control: this.control.buffer as SharedArrayBuffer, data: this.data, slots: SLOTS, slotBytes: SLOT_BYTES, maxFileSize };
    // Left referenced: a pending Atomics.waitAsync does not keep the process alive, the
    // thread does (the scan closes it when done, whatever happened).
    this.worker = new Worker(script, { workerData });
    this.whenStopped = new Promise((resolve) => {
      const stop = (): void => {
        this.stopped = true;
        resolve();
      };
      this.worker.on('error', stop);
      this.worker.on('exit', stop);
    });
  }

  /**
   * A reader for files up to `maxFileSize` bytes, or undefined where the compiled reader
   * script is absent (running from the TypeScript sources). `script` is for tests.
   */
  static start(maxFileSize: number, script = new URL('./read-worker.js', import.meta.url)): ReadAhead | undefined {
    if (script.protocol !== 'file:' || script.pathname.endsWith('.ts') || !existsSync(fileURLToPath(script))) return undefined;
    return new ReadAhead(script, maxFileSize);
  }

  /** The files to read, in the order `read` will be called for them; given once. */
  begin(paths: readonly string[]): void {
    this.paths = paths;
    if (paths.length > 0) this.worker.postMessage(paths);
  }

  /**
   * The next file's bytes, as ReusableFileReader.read gives them (undefined when larger than
   * the size limit; throws the fs error, with its `code`, when it cannot be read). The bytes
   * are a view into shared memory, valid until the next call. `absolute` must be the next
   * path given to `begin`. Synchronous when the file is already read (nearly always).
   */
  read(absolute: string): Uint8Array | undefined | Promise<Uint8Array | undefined> {
    const index = this.next;
    if (this.paths[index] !== absolute) throw new Error(`read ahead out of order: ${index}`);
    this.next++;
    // Done with the file before this one: its slot is free.
    Atomics.store(this.control, CONSUMED, index);
    if (Atomics.load(this.control, slotWord(index % SLOTS)) === index + 1) return this.take(index);
    // Not read yet. Nobody has taken it (the reader is still starting, or behind): read it
    // here, now; the reader goes on from the next one. Else the reader is reading it.
    if (this.stopped || Atomics.compareExchange(this.control, CLAIMED, index, index + 1) === index) return this.fallback.read(absolute, this.maxFileSize);
    return this.waitFor(index);
  }

  /** Stops the thread; the scan calls it when done, whatever happened. */
  async close(): Promise<void> {
    this.stopped = true;
    await this.worker.terminate();
  }

  private async waitFor(index: number): Promise<Uint8Array | undefined> {
    const word = slotWord(index % SLOTS);
    for (;;) {
      const seen = Atomics.load(this.control, word);
      if (seen === index + 1) return this.take(index);
      // A reader that stopped with the file in hand never reads it.
      if (this.stopped) return this.fallback.read(this.paths[index]!, this.maxFileSize);
      Atomics.store(this.control, SCAN_WAITING, 1);
      const wait = waitAsync(this.control, word, seen);
      if (wait.async) await Promise.race([wait.value, this.whenStopped]);
      Atomics.store(this.control, SCAN_WAITING, 0);
    }
  }

  private take(index: number): Uint8Array | undefined {
    const slot = index % SLOTS;
    const status = this.control[slotWord(slot) + 1];
    const length = this.control[slotWord(slot) + 2]!;
    if (status === READ) return new Uint8Array(this.data, slot * SLOT_BYTES, length);
    if (status === TOO_LARGE) return undefined;
    if (status === FAILED) {
      const code = Buffer.from(this.data, slot * SLOT_BYTES, length).toString('latin1');
      throw Object.assign(new Error('the file could not be read'), code ? { code } : {});
    }
    if (status === READ_HERE) return this.fallback.read(this.paths[index]!, this.maxFileSize);
    throw new Error(`read ahead: unknown slot status ${status}`);
  }
}
