/**
 * The shared memory between the scan's main thread and its read-ahead thread (see
 * read-ahead.ts): a ring of slots, each holding one file's bytes, and a few counters.
 */

/** Index in the control array: the next file not yet taken to be read, by either thread. */
export const CLAIMED = 0;
/** Index in the control array: files the scan is done with, whose slots are free again. */
export const CONSUMED = 1;
/** Index in the control array: 1 while the scan waits for a file the reader is reading. */
export const SCAN_WAITING = 2;
/** Index in the control array of slot `s`'s sequence word: file index + 1 once the slot holds that file; its status and length follow. */
export const slotWord = (slot: number): number => 3 + slot * 3;
/** Control words for `slots` slots. */
export const controlWords = (slots: number): number => 3 + slots * 3;

/**
 * How long the reader sleeps on a full ring, in milliseconds, before it looks again. The
 * scan never wakes it: waking a thread cost the waker 0.2–0.8 ms each time on a busy
 * 2-core machine, more than reading the files, and a scan that catches up with the reader
 * reads the next file itself.
 */
export const READER_POLL_MS = 2;

/** The slot holds the file's bytes. */
export const READ = 1;
/** The file is larger than the size limit: left unread. */
export const TOO_LARGE = 2;
/** The file does not fit in a slot: the scan reads it itself. */
export const READ_HERE = 3;
/** The file could not be read: the slot holds the error code (ASCII; empty when the error had none). */
export const FAILED = 4;

/** What the read-ahead thread is started with. */
export interface ReaderData {
  /** Int32Array over it: the counters above, then a sequence word, status and length per slot. */
  control: SharedArrayBuffer;
  /** `slots × slotBytes` bytes. */
  data: SharedArrayBuffer;
  slots: number;
  slotBytes: number;
  maxFileSize: number;
}
