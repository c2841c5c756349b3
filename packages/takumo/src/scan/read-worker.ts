import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CLAIMED, CONSUMED, FAILED, READ, READ_HERE, READER_POLL_MS, SCAN_WAITING, TOO_LARGE, slotWord, type ReaderData } from './read-slots.js';

/**
 * The scan's read-ahead thread: reads the files it is given, in order, into the slots of
 * shared memory while the main thread detects in the files before them (the main thread
 * reads a file itself when it gets there first). It holds no
 * detector (it starts in a few milliseconds); see read-ahead.ts.
 */
const { control: controlBuffer, data, slots, slotBytes, maxFileSize } = workerData as ReaderData;
const control = new Int32Array(controlBuffer);

parentPort!.once('message', (paths: string[]) => {
  for (;;) {
    // The next file nobody has taken: the scan takes one itself when this thread is behind
    // (still starting, or descheduled), so both go on from the claim counter.
    const i = Atomics.load(control, CLAIMED);
    if (i >= paths.length) break;
    // Slot `i % slots` is free once the scan is done with file `i - slots`. When the ring
    // is full, sleep a little and look again (see READER_POLL_MS).
    const consumed = Atomics.load(control, CONSUMED);
    if (i - consumed >= slots) {
      Atomics.wait(control, CONSUMED, consumed, READER_POLL_MS);
      continue;
    }
    if (Atomics.compareExchange(control, CLAIMED, i, i + 1) !== i) continue;
    const slot = i % slots;
    const word = slotWord(slot);
    const [status, length] = readInto(paths[i]!, new Uint8Array(data, slot * slotBytes, slotBytes));
    control[word + 1] = status;
    control[word + 2] = length;
    Atomics.store(control, word, i + 1);
    if (Atomics.load(control, SCAN_WAITING) === 1) Atomics.notify(control, word);
  }
});

/** Reads one file as ReusableFileReader does (size from the open file, then to end of file). */
function readInto(path: string, view: Uint8Array): [status: number, length: number] {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return failed(error, view);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return [TOO_LARGE, 0];
    if (size >= view.length) return [READ_HERE, 0];
    let length = 0;
    for (;;) {
      const n = readSync(fd, view, length, view.length - length, null);
      if (n === 0) break;
      length += n;
      // A file that grew past the limit since its size was read.
      if (length > maxFileSize) return [TOO_LARGE, 0];
      // One that grew past the slot: the scan reads it itself, to its end.
      if (length === view.length) return [READ_HERE, 0];
    }
    return [READ, length];
  } catch (error) {
    return failed(error, view);
  } finally {
    closeSync(fd);
  }
}

function failed(error: unknown, view: Uint8Array): [status: number, length: number] {
  const code = String((error as NodeJS.ErrnoException).code ?? '').slice(0, 64);
  for (let k = 0; k < code.length; k++) view[k] = code.charCodeAt(k) & 0x7f;
  return [FAILED, code.length];
}
