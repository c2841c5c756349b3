import type { Writable } from 'node:stream';

/** What a command needs from its surroundings; tests pass their own streams. */
export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  stdin: NodeJS.ReadableStream;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Exit status of the run: 0 clean, 1 findings, 2 usage or runtime error. */
  exitCode: number;
}

/** A user-facing error: printed as one line, exit code 2, never with a stack. */
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}
