import { PassThrough, Writable } from 'node:stream';
import { main } from '../cli.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MainRunOptions {
  /** The working directory the command sees. */
  cwd: string;
  /** The whole environment the command sees (nothing is inherited from this process). */
  env: NodeJS.ProcessEnv;
  /** Standard input, followed by end of input; empty when not given. */
  stdin?: string;
}

/**
 * Runs `takumo <args>` in this process through the CLI's `main()` and collects what it
 * writes to standard output and standard error. Much faster than spawning the built binary
 * (`runCli`), so tests use it unless the real process matters (signals, exit, the bin shim).
 */
export async function runMain(args: string[], options: MainRunOptions): Promise<MainRun> {
  const stdout = new TextCollector();
  const stderr = new TextCollector();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? '');
  const code = await main(args, { stdout, stderr, stdin, cwd: options.cwd, env: options.env });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * A writable stream that keeps every byte written to it, read back as UTF-8 text; tests that
 * drive `main()` interactively read it while the command is still running.
 */
export class TextCollector extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk);
    done();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
