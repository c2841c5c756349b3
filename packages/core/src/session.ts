import { createHmac, randomBytes } from 'node:crypto';
import { createDetector, type Detector } from './detector.js';
import { TakumoError } from './errors.js';
import type { Category, DetectorConfig, Finding } from './types.js';

/**
 * First working cut of the session API (issue 3 hardens it: tolerant restore, JSON mode,
 * collision handling, buffer wiping, property tests).
 */
export interface SessionOptions {
  detector?: Detector;
  config?: DetectorConfig;
}

export interface TokenizeResult {
  text: string;
  findings: Finding[];
}

export interface RehydratorOptions {
  /** Escape restored values for the inside of a JSON string (tool-call argument fragments). */
  json?: boolean;
}

export interface Rehydrator {
  push(chunk: string): string;
  end(): string;
}

export interface Session {
  tokenize(text: string, file?: string): TokenizeResult;
  rehydrate(text: string): string;
  rehydrator(options?: RehydratorOptions): Rehydrator;
  destroy(): void;
  readonly destroyed: boolean;
}

const TOKEN_RE = /__TAKUMO_v1_([A-Z]+)_([0-9a-f]{8})__/g;
const TOKEN_LENGTH = '__TAKUMO_v1_'.length + '__'.length + 9; // + CAT (variable) handled below

export function createSession(options: SessionOptions = {}): Session {
  const detector = options.detector ?? createDetector(options.config);
  let key: Buffer | undefined = randomBytes(32);
  const bySecret = new Map<string, string>();
  const byToken = new Map<string, string>();

  function alive(): Buffer {
    if (!key) throw new TakumoError('TAKUMO_E_SESSION_DESTROYED', 'This Takumo session was destroyed; create a new one.');
    return key;
  }

  function tokenFor(secret: string, category: Category): string {
    const existing = bySecret.get(secret);
    if (existing) return existing;
    const k = alive();
    for (let counter = 0; ; counter++) {
      const mac = createHmac('sha256', k).update(counter === 0 ? secret : `${counter}\u0000${secret}`).digest('hex');
      const token = `__TAKUMO_v1_${category}_${mac.slice(0, 8)}__`;
      if (!byToken.has(token)) {
        bySecret.set(secret, token);
        byToken.set(token, secret);
        return token;
      }
    }
  }

  function rehydrate(text: string, json = false): string {
    alive();
    return text.replace(TOKEN_RE, (token) => {
      const value = byToken.get(token);
      if (value === undefined) return token;
      return json ? JSON.stringify(value).slice(1, -1) : value;
    });
  }

  return {
    get destroyed() {
      return key === undefined;
    },
    tokenize(text: string, file?: string): TokenizeResult {
      alive();
      const findings = detector.detect(text, file === undefined ? {} : { file });
      let out = '';
      let at = 0;
      for (const f of findings) {
        out += text.slice(at, f.start) + tokenFor(text.slice(f.start, f.end), f.category);
        at = f.end;
      }
      out += text.slice(at);
      return { text: out, findings };
    },
    rehydrate: (text) => rehydrate(text),
    rehydrator(opts: RehydratorOptions = {}): Rehydrator {
      alive();
      let held = '';
      return {
        push(chunk: string): string {
          const all = held + chunk;
          const cut = holdFrom(all);
          held = all.slice(cut);
          return rehydrate(all.slice(0, cut), opts.json);
        },
        end(): string {
          const rest = rehydrate(held, opts.json);
          held = '';
          return rest;
        },
      };
    },
    destroy(): void {
      key?.fill(0);
      key = undefined;
      bySecret.clear();
      byToken.clear();
    },
  };
}

/** Offset from which the tail of `text` could still grow into a token. */
function holdFrom(text: string): number {
  const limit = Math.max(0, text.length - (TOKEN_LENGTH + 8));
  for (let i = text.lastIndexOf('__', text.length); i >= limit && i !== -1; i = text.lastIndexOf('__', i - 1)) {
    const tail = text.slice(i);
    if (/^__(?:T(?:A(?:K(?:U(?:M(?:O(?:_(?:v(?:1(?:_(?:[A-Z]{1,5}(?:_[0-9a-f]{0,8}(?:_{0,2})?)?)?)?)?)?)?)?)?)?)?)?)?$/.test(tail)) {
      return i;
    }
    if (i === 0) break;
  }
  if (text.endsWith('_')) return text.length - 1;
  return text.length;
}
