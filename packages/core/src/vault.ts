import { createHmac, randomBytes } from 'node:crypto';
import { TakumoError } from './errors.js';
import { formatToken, TOKEN_HEX_LENGTH, type TokenIdentity } from './token.js';
import type { Category } from './types.js';

/**
 * The token → secret map of one session, in process memory only.
 *
 * Why the hash is keyed: the 8 hex characters of a token are the start of
 * HMAC-SHA-256(session key, secret). A plain SHA-256 would let anyone who sees a token —
 * the AI provider, a proxy log, a screenshot — confirm a guess of a short password offline
 * by hashing candidates until 8 hex characters match. With a random 32-byte key that lives
 * only in this process, a token says nothing about its secret, and the same secret gives
 * unrelated tokens in two sessions. Within a session the same secret always gives the same
 * token, so a conversation's earlier turns stay byte-identical (prompt caches keep working).
 *
 * Storage: secrets are kept as UTF-16 bytes in Buffers (UTF-16 so that every JavaScript
 * string, lone surrogates included, comes back exactly) and zero-filled by `destroy()`. The
 * vault keeps no secret as a JavaScript string — strings cannot be wiped — and no map is
 * keyed by a secret: a secret is found again by re-deriving its HMAC and comparing bytes.
 *
 * Uniqueness: the hex part is unique among the vault's secrets (a second secret whose HMAC
 * clashes on 8 hex characters is re-derived with a counter), so a token whose category a
 * model dropped still names one secret. The same secret met under two categories keeps
 * its first token.
 *
 * Reserved identities: token-shaped text that arrives in the *input* (say, a token from an
 * earlier, destroyed session) is not ours. It is reserved so that no secret of this session
 * is ever given that identity; otherwise a later `rehydrate` would turn the user's own text
 * into a secret and the round trip would break.
 *
 * Learned and merely tokenized texts: every tokenized text gets an entry (the round trip
 * needs its exact bytes), but only secret *values* are learned, i.e. searched for in later
 * texts (`forEachLearnedSecret`). An encoded spelling of a secret, token-shaped input text
 * tokenized only so that it comes back unchanged, or the union of two overlapping findings
 * is not learned: searching for it would make the output of a text depend on what the
 * session saw before (the same text tokenized twice would change), and would re-encode a
 * spelling into spellings of spellings.
 */
export type Resolution =
  | { kind: 'restore'; token: string; category: Category; value: string }
  | { kind: 'reserved' }
  | { kind: 'unknown' }
  | { kind: 'ambiguous' };

interface SecretEntry {
  token: string;
  category: Category;
  hex: string;
  value: Buffer;
  /** A secret value that later texts are searched for (see the class comment). */
  learned: boolean;
}

/** What a tokenized text is to the session: a secret value to learn, or only text to give back. */
export type EntryKind = 'secret' | 'tokenized-only';

/** Derives the hex part for (secret, counter); replaceable only to test collisions. */
export type DeriveHex = (key: Buffer, secret: Buffer, counter: number) => string;

export const deriveHex: DeriveHex = (key, secret, counter) => {
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32BE(counter);
  return createHmac('sha256', key).update(prefix).update(secret).digest('hex').slice(0, TOKEN_HEX_LENGTH);
};

export interface VaultOptions {
  derive?: DeriveHex;
}

const DESTROYED_MESSAGE =
  'This Takumo session was destroyed: its vault is wiped and it can no longer tokenize or restore. Create a new session.';

export class Vault {
  #key: Buffer | undefined = randomBytes(32);
  readonly #derive: DeriveHex;
  readonly #byIdentity = new Map<string, SecretEntry>();
  readonly #byHex = new Map<string, SecretEntry>();
  /** `CAT_hex` identities reserved by token-shaped input text, and how many share each hex. */
  readonly #reserved = new Set<string>();
  readonly #reservedHexCount = new Map<string, number>();
  /** Hex values reserved by category-less token-shaped input text. */
  readonly #reservedHex = new Set<string>();
  /** Token prefixes of the secrets (`CAT_<hex prefix>` and `_<hex prefix>`), for streaming hold-back. */
  readonly #prefixes = new Set<string>();
  readonly #categories = new Set<string>();

  constructor(options: VaultOptions = {}) {
    this.#derive = options.derive ?? deriveHex;
  }

  get destroyed(): boolean {
    return this.#key === undefined;
  }

  get size(): number {
    return this.#byHex.size;
  }

  get reservedCount(): number {
    return this.#reserved.size + this.#reservedHex.size;
  }

  /** Throws the destroyed-session error; every public entry point calls it first. */
  assertAlive(): Buffer {
    if (this.#key === undefined) throw new TakumoError('TAKUMO_E_SESSION_DESTROYED', DESTROYED_MESSAGE);
    return this.#key;
  }

  /**
   * The token for `secret`: the existing one when the vault knows it, else a new entry.
   * `kind` 'secret' learns the value (an entry first made as 'tokenized-only' is learned
   * when the same text later turns out to be a secret value); 'tokenized-only' does not.
   */
  tokenFor(secret: string, category: Category, kind: EntryKind = 'secret'): string {
    const key = this.assertAlive();
    const bytes = Buffer.from(secret, 'utf16le');
    for (let counter = 0; ; counter++) {
      const hex = this.#derive(key, bytes, counter);
      const existing = this.#byHex.get(hex);
      if (existing) {
        if (existing.value.equals(bytes)) {
          bytes.fill(0);
          if (kind === 'secret') existing.learned = true;
          return existing.token;
        }
        continue; // a different secret clashes on 8 hex characters: re-derive
      }
      if (this.#reservedHex.has(hex) || this.#reserved.has(identityKey(category, hex))) continue;
      const entry: SecretEntry = { token: formatToken(category, hex), category, hex, value: bytes, learned: kind === 'secret' };
      this.#byHex.set(hex, entry);
      this.#byIdentity.set(identityKey(category, hex), entry);
      this.#categories.add(category);
      for (let i = 0; i <= hex.length; i++) {
        this.#prefixes.add(`${category}_${hex.slice(0, i)}`);
        this.#prefixes.add(`_${hex.slice(0, i)}`);
      }
      return entry.token;
    }
  }

  /** What a (possibly altered) token names in this vault. */
  resolve(identity: TokenIdentity): Resolution {
    this.assertAlive();
    if (identity.category !== undefined) {
      const key = identityKey(identity.category, identity.hex);
      const entry = this.#byIdentity.get(key);
      if (entry) return restoreOf(entry);
      return this.#reserved.has(key) ? { kind: 'reserved' } : { kind: 'unknown' };
    }
    const entry = this.#byHex.get(identity.hex);
    const others = (this.#reservedHexCount.get(identity.hex) ?? 0) + (this.#reservedHex.has(identity.hex) ? 1 : 0);
    if (entry) {
      if (others === 0) return restoreOf(entry);
      return { kind: 'ambiguous' };
    }
    return others > 0 ? { kind: 'reserved' } : { kind: 'unknown' };
  }

  /** Reserves an identity seen in input text so that no secret ever takes it. */
  reserve(identity: TokenIdentity): void {
    this.assertAlive();
    if (identity.category === undefined) {
      this.#reservedHex.add(identity.hex);
      return;
    }
    const key = identityKey(identity.category, identity.hex);
    if (this.#byIdentity.has(key) || this.#reserved.has(key)) return;
    this.#reserved.add(key);
    this.#reservedHexCount.set(identity.hex, (this.#reservedHexCount.get(identity.hex) ?? 0) + 1);
  }

  /**
   * Calls `visit` with each learned secret value as a transient string (for finding its
   * other occurrences in a new text); entries made 'tokenized-only' are skipped. The
   * strings are not kept by the vault.
   */
  forEachLearnedSecret(visit: (value: string, category: Category) => void): void {
    this.assertAlive();
    for (const entry of this.#byHex.values()) if (entry.learned) visit(entry.value.toString('utf16le'), entry.category);
  }

  /** True when some secret's token could still be spelled from this category prefix. */
  hasCategoryPrefix(prefix: string): boolean {
    for (const c of this.#categories) if (c.startsWith(prefix)) return true;
    return false;
  }

  /** True when a secret of `category` (or of any category when undefined) has a hex starting with `hexPrefix`. */
  hasHexPrefix(category: string | undefined, hexPrefix: string): boolean {
    return this.#prefixes.has(`${category ?? ''}_${hexPrefix}`);
  }

  /** Zero-fills every secret and the HMAC key, and forgets everything. Idempotent. */
  destroy(): void {
    for (const entry of this.#byHex.values()) entry.value.fill(0);
    this.#byHex.clear();
    this.#byIdentity.clear();
    this.#reserved.clear();
    this.#reservedHex.clear();
    this.#reservedHexCount.clear();
    this.#prefixes.clear();
    this.#categories.clear();
    this.#key?.fill(0);
    this.#key = undefined;
  }

  /** For tests of the wiping: the buffers that hold secrets (never exported from the package). */
  secretBuffersForTest(): Buffer[] {
    return [...this.#byHex.values()].map((e) => e.value);
  }

  keyBufferForTest(): Buffer | undefined {
    return this.#key;
  }
}

function restoreOf(entry: SecretEntry): Resolution {
  return { kind: 'restore', token: entry.token, category: entry.category, value: entry.value.toString('utf16le') };
}

function identityKey(category: string, hex: string): string {
  return `${category}_${hex}`;
}
