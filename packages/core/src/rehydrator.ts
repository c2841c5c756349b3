import { TakumoError } from './errors.js';
import { restoreStep, type RestoreOptions, type RestoreReport, type UnrestoredToken } from './restore.js';
import type { Vault } from './vault.js';

/**
 * Streaming restore for answers that arrive in pieces (SSE deltas, tool-call argument
 * fragments). Each `push` emits at once everything that can no longer change and holds
 * back only a tail that could still become a token of this vault: a partial token, a
 * complete token whose trailing `__` has not arrived yet, or a lone `__`/`**` that a token
 * may follow. The held tail is at most a few dozen characters, and each push scans only
 * that tail plus the new chunk. `end()` returns whatever is held, restored where possible —
 * nothing is ever dropped. For every way of cutting an answer into chunks, the
 * concatenated output equals `rehydrate(answer)` (with the same vault).
 */
export interface Rehydrator {
  push(chunk: string): string;
  end(): string;
  /** Tokens restored so far. */
  readonly restored: number;
  /** Token-shaped texts that could not be restored (unknown or ambiguous), so far. */
  readonly unrestored: readonly UnrestoredToken[];
}

export class StreamRehydrator implements Rehydrator {
  #held = '';
  /** Offset in the whole stream of the first held character. */
  #offset = 0;
  #ended = false;
  #undecided: UnrestoredToken | undefined;
  readonly #report: RestoreReport = { restored: 0, unrestored: [] };

  constructor(
    private readonly vault: Vault,
    private readonly options: RestoreOptions,
  ) {}

  get restored(): number {
    return this.#report.restored;
  }

  get unrestored(): readonly UnrestoredToken[] {
    return this.#report.unrestored;
  }

  push(chunk: string): string {
    this.#check();
    if (typeof chunk !== 'string') {
      throw new TakumoError('TAKUMO_E_INVALID_INPUT', `rehydrator.push() expects a string, got ${describeType(chunk)}`);
    }
    if (chunk.length === 0) return '';
    this.#settleUndecided(chunk);
    const text = this.#held + chunk;
    const step = restoreStep(text, this.vault, this.options, false, this.#offset, this.#report);
    this.#held = text.slice(step.cut);
    this.#offset += step.cut;
    this.#undecided = step.undecided;
    return step.out;
  }

  end(): string {
    this.#check();
    this.#ended = true;
    this.#settleUndecided('');
    const step = restoreStep(this.#held, this.vault, this.options, true, this.#offset, this.#report);
    this.#offset += this.#held.length;
    this.#held = '';
    return step.out;
  }

  #check(): void {
    this.vault.assertAlive();
    if (this.#ended) throw new TakumoError('TAKUMO_E_INVALID_INPUT', 'this rehydrator has ended; create a new one for the next stream');
  }

  /** An unknown token emitted at the very end of the last chunk counts once we see what follows it. */
  #settleUndecided(next: string): void {
    const item = this.#undecided;
    if (item === undefined) return;
    this.#undecided = undefined;
    if (!/^[0-9A-Za-z]/.test(next)) this.#report.unrestored.push(item);
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Buffer.isBuffer(value)) return 'a Buffer';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
