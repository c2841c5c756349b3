import { createSession } from '@takumo/core';
import { describe, expect, it } from 'vitest';
import { Exchange } from './exchange.js';
import { CANARIES, CANARY_KNOWN_SECRETS } from './test-support/canaries.js';
import { TokenizeCache } from './tokenize-cache.js';

const off = { mode: 'off' as const, threshold: 'high' as const, scan: () => [] };

describe('TokenizeCache', () => {
  it('returns the earlier tokenization of a repeated history string without detecting again, with the same counts', () => {
    const session = createSession({ knownSecrets: CANARY_KNOWN_SECRETS });
    let calls = 0;
    const counted = { ...session, tokenize: (t: string, f?: string) => (calls++, session.tokenize(t, f)) };
    const cache = new TokenizeCache();
    const history = `${'context line\n'.repeat(60)}DATABASE_URL=${CANARIES.conn}\n`;
    const first = new Exchange(counted, off, cache);
    const a = first.tokenize(history);
    const second = new Exchange(counted, off, cache);
    const b = second.tokenize(history);
    expect(b).toBe(a);
    expect(b).not.toContain(CANARIES.conn);
    expect(calls).toBe(1);
    expect(Object.fromEntries(second.tokenized)).toEqual(Object.fromEntries(first.tokenized));
    expect(Object.fromEntries(second.tokenized)).toEqual({ CONN: 1 });
    session.destroy();
  });

  it('does not cache short strings, and evicts the least recently used entries beyond its bound', () => {
    const cache = new TokenizeCache(4000, 10);
    const entry = (s: string) => ({ text: s, secrets: 0, findings: [] });
    const a = 'a'.repeat(400);
    const b = 'b'.repeat(400);
    const c = 'c'.repeat(400);
    cache.set(a, entry(a));
    cache.set(b, entry(b));
    expect(cache.get(a)).toBeDefined(); // a is now the most recent
    cache.set(c, entry(c));
    for (let i = 0; i < 4; i++) cache.set(`${i}`.repeat(400), entry('x'.repeat(400)));
    expect(cache.get(b)).toBeUndefined();
    cache.clear();
    expect(cache.get(a)).toBeUndefined();
  });
});
