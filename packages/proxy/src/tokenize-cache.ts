import type { Finding } from '@takumo/core';

/**
 * Agents resend the whole conversation on every turn, so nearly every string of a
 * request was already tokenized on an earlier turn. Tokenizing is deterministic within a
 * session (same secret → same token), so the earlier result is still right: this cache
 * keeps it, keyed by the exact text, and turns a long history into a map lookup.
 *
 * It lives in process memory only, next to the vault it mirrors, is bounded (least
 * recently used entries go first) and is cleared when the proxy closes.
 */
export interface CachedTokenization {
  text: string;
  /** How many secrets the vault held after this text was tokenized (see Exchange.tokenize). */
  secrets: number;
  /** Category and rule of each finding (no offsets, no values): enough for counts. */
  findings: Array<Pick<Finding, 'category' | 'rule'>>;
}

export class TokenizeCache {
  private readonly entries = new Map<string, CachedTokenization>();
  private size = 0;

  constructor(
    /** Total characters of cached input + output kept at most. */
    private readonly maxChars = 64 * 1024 * 1024,
    /** Shorter strings are cheaper to tokenize again than to hash and keep. */
    readonly minLength = 512,
  ) {}

  get(input: string): CachedTokenization | undefined {
    const hit = this.entries.get(input);
    if (hit) {
      // Move to the most recently used end.
      this.entries.delete(input);
      this.entries.set(input, hit);
    }
    return hit;
  }

  set(input: string, value: CachedTokenization): void {
    const cost = input.length + value.text.length;
    if (cost > this.maxChars / 4) return;
    const old = this.entries.get(input);
    if (old) {
      // A re-tokenization after the vault grew replaces the stale entry.
      this.entries.delete(input);
      this.size -= input.length + old.text.length;
    }
    this.entries.set(input, value);
    this.size += cost;
    for (const [key, v] of this.entries) {
      if (this.size <= this.maxChars) break;
      this.entries.delete(key);
      this.size -= key.length + v.text.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.size = 0;
  }
}
