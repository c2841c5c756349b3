import { TakumoError } from './errors.js';
import { restoreStep, unrestoredToken, type RestoreOptions, type RestoreReport, type UnrestoredToken } from './restore.js';
import { coreRegex, identityOf } from './token.js';
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
  #ended = false;
  /** The last characters of the raw stream, to find unrestorable tokens that straddle chunks. */
  #raw = '';
  #rawOffset = 0;
  #reportedUpTo = 0;
  readonly #cores = coreRegex();
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
    this.#findUnrestorable(chunk, false);
    const text = this.#held + chunk;
    const step = restoreStep(text, this.vault, this.options, false, this.#report);
    this.#held = text.slice(step.cut);
    return step.out;
  }

  end(): string {
    this.#check();
    this.#ended = true;
    this.#findUnrestorable('', true);
    // The raw scan above already reported what cannot be restored; the final restore must not again.
    const last: RestoreReport = { restored: 0, unrestored: [] };
    const step = restoreStep(this.#held, this.vault, this.options, true, last);
    this.#report.restored += last.restored;
    this.#held = '';
    return step.out;
  }

  #check(): void {
    this.vault.assertAlive();
    if (this.#ended) throw new TakumoError('TAKUMO_E_INVALID_INPUT', 'this rehydrator has ended; create a new one for the next stream');
  }

  /**
   * Reports unknown or ambiguous tokens from a scan of the raw stream (the last few dozen
   * characters plus the new chunk), independent of what was held or emitted, so a token
   * cut across chunks is reported once. A token ending exactly at the end of the data is
   * left for the next call: a following letter or digit would mean it is no token.
   */
  #findUnrestorable(chunk: string, final: boolean): void {
    const window = this.#raw + chunk;
    const cores = this.#cores;
    cores.lastIndex = 0;
    for (let m = cores.exec(window); m !== null; m = cores.exec(window)) {
      const start = this.#rawOffset + m.index;
      if (start < this.#reportedUpTo) continue;
      const end = m.index + m[0].length;
      if (!final && end === window.length) break;
      const resolution = this.vault.resolve(identityOf(m[1], m[2] as string));
      if (resolution.kind === 'unknown' || resolution.kind === 'ambiguous') {
        this.#report.unrestored.push(unrestoredToken(resolution.kind, m, this.#rawOffset));
      }
      this.#reportedUpTo = this.#rawOffset + end;
    }
    const keep = Math.min(window.length, RAW_TAIL);
    this.#raw = window.slice(window.length - keep);
    this.#rawOffset += window.length - keep;
  }
}

/** Longer than any core plus the character after it. */
const RAW_TAIL = 64;

export function describeType(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (Buffer.isBuffer(value)) return 'a Buffer';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
