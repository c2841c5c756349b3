import { describe, expect, it } from 'vitest';
import { TakumoError } from './errors.js';
import { deriveHex, Vault } from './vault.js';

describe('Vault', () => {
  it('zero-fills every secret buffer and the HMAC key on destroy, and forgets everything', () => {
    const vault = new Vault();
    const a = vault.tokenFor('Zq8!pW3vN7xK2mR9', 'KEY');
    vault.tokenFor('-----BEGIN KEY-----\nabc\n-----END KEY-----', 'PKEY');
    const buffers = vault.secretBuffersForTest();
    const key = vault.keyBufferForTest();
    expect(buffers).toHaveLength(2);
    expect(buffers.every((b) => b.some((byte) => byte !== 0))).toBe(true);
    expect(key?.some((byte) => byte !== 0)).toBe(true);
    vault.destroy();
    expect(buffers.every((b) => b.every((byte) => byte === 0))).toBe(true);
    expect(key?.every((byte) => byte === 0)).toBe(true);
    expect(vault.size).toBe(0);
    expect(vault.destroyed).toBe(true);
    expect(() => vault.resolve({ category: 'KEY', hex: a.slice(-10, -2) })).toThrow(TakumoError);
    expect(() => vault.tokenFor('x', 'KEY')).toThrow(/destroyed/);
  });

  it('keeps every string exactly, lone surrogates included', () => {
    const vault = new Vault();
    const odd = 'a\ud800b\udc00c\u0000';
    const token = vault.tokenFor(odd, 'CRED');
    const res = vault.resolve({ category: 'CRED', hex: token.slice(-10, -2) });
    expect(res).toMatchObject({ kind: 'restore', value: odd });
  });

  it('finds a secret again by re-deriving its HMAC, across categories', () => {
    const vault = new Vault();
    const first = vault.tokenFor('same!value', 'ENV');
    expect(vault.tokenFor('same!value', 'KEY')).toBe(first);
    expect(vault.size).toBe(1);
  });

  it('re-derives on every clash: 3 000 secrets squeezed into 4 096 possible hex values all get distinct tokens', () => {
    // The real HMAC, but only 3 hex characters of it vary: clashes happen by the hundred.
    const vault = new Vault({ derive: (key, secret, counter) => `00000${deriveHex(key, secret, counter).slice(0, 3)}` });
    const tokens = Array.from({ length: 3000 }, (_, i) => vault.tokenFor(`secret-${i}`, 'KEY'));
    expect(new Set(tokens).size).toBe(3000);
    tokens.forEach((token, i) => {
      expect(vault.tokenFor(`secret-${i}`, 'KEY')).toBe(token);
      expect(vault.resolve({ category: 'KEY', hex: token.slice(-10, -2) })).toMatchObject({ value: `secret-${i}` });
    });
  });

  it('learns only secret values: texts tokenized only to come back unchanged are not searched for later', () => {
    const vault = new Vault();
    const escaped = vault.tokenFor('TAKUMO_v1_KEY_0badc0de', 'KEY', 'tokenized-only');
    vault.tokenFor('Zq8!pW3vN7xK2mR9', 'KEY');
    const learned = (): string[] => {
      const out: string[] = [];
      vault.forEachLearnedSecret((value) => out.push(value));
      return out;
    };
    expect(learned()).toEqual(['Zq8!pW3vN7xK2mR9']);
    expect(vault.resolve({ category: 'KEY', hex: escaped.slice(-10, -2) })).toMatchObject({ kind: 'restore', value: 'TAKUMO_v1_KEY_0badc0de' });
    // Met again as a secret value: same token, now learned. Met again as text only: stays learned.
    expect(vault.tokenFor('TAKUMO_v1_KEY_0badc0de', 'KEY')).toBe(escaped);
    vault.tokenFor('Zq8!pW3vN7xK2mR9', 'KEY', 'tokenized-only');
    expect(learned().sort()).toEqual(['TAKUMO_v1_KEY_0badc0de', 'Zq8!pW3vN7xK2mR9']);
  });

  it('never gives a secret an identity that input text reserved', () => {
    const vault = new Vault({ derive: (_k, _s, counter) => (counter === 0 ? '0badc0de' : counter === 1 ? 'feedface' : 'facefeed') });
    vault.reserve({ category: 'KEY', hex: '0badc0de' });
    vault.reserve({ hex: 'feedface' });
    expect(vault.tokenFor('s!1', 'KEY')).toBe('__TAKUMO_v1_KEY_facefeed__');
    expect(vault.resolve({ category: 'KEY', hex: '0badc0de' })).toEqual({ kind: 'reserved' });
    expect(vault.resolve({ hex: 'feedface' })).toEqual({ kind: 'reserved' });
    expect(vault.resolve({ category: 'PASS', hex: '12345678' })).toEqual({ kind: 'unknown' });
  });
});
