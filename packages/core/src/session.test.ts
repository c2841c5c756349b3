import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Detector } from './detector.js';
import { TakumoError } from './errors.js';
import { createSession } from './session.js';
import type { Finding } from './types.js';
import type { DeriveHex } from './vault.js';

const TOKEN = /__TAKUMO_v1_([A-Z]+)_([0-9a-f]{8})__/g;
const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA7bq98gMYk1xLMJd0T1yB2q8Qq9XwYlR0aZ6CkT0m8xwQ1VbU',
  'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXyz01',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

function tokensIn(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[0]);
}

/** A detector that reports exactly the spans it is given (to test the session's handling of findings). */
function fixedDetector(spans: Array<[number, number, Finding['category']]>, onlyIn?: string): Detector {
  return {
    rules: [],
    detect: (text: string) =>
      (onlyIn !== undefined && text !== onlyIn ? [] : spans).map(([start, end, category]) => ({
        rule: 'fixed',
        category,
        confidence: 'high' as const,
        line: 1,
        column: start + 1,
        endLine: 1,
        endColumn: end,
        start,
        end,
      })),
  };
}

describe('tokenize', () => {
  it('replaces a detected secret with a token of the documented shape and leaves the rest byte for byte', () => {
    const session = createSession({ knownSecrets: [{ value: 'Zq8!pW3vN7xK2mR9', source: 'test' }] });
    const input = 'log(Zq8!pW3vN7xK2mR9); // ünïcode stays\r\n';
    const { text, findings } = session.tokenize(input, 'config.ts');
    expect(text).toMatch(/^log\(__TAKUMO_v1_ENV_[0-9a-f]{8}__\); \/\/ ünïcode stays\r\n$/);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'known-secret', category: 'ENV', file: 'config.ts', line: 1, column: 5 });
    expect(JSON.stringify(findings)).not.toContain('Zq8!');
  });

  it('turns a multi-line private key into one token', () => {
    const session = createSession();
    const input = `key:\n${PEM}\nrest`;
    const { text } = session.tokenize(input);
    expect(tokensIn(text)).toHaveLength(1);
    expect(tokensIn(text)[0]).toMatch(/^__TAKUMO_v1_PKEY_/);
    expect(text).not.toContain('MIIEow');
    expect(session.rehydrate(text)).toBe(input);
  });

  it('tokenizes a connection string as one CONN token, not a token inside a token', () => {
    const session = createSession();
    const input = 'DATABASE_URL=postgres://admin:Xy9zQw3rTt8v@db.internal:5432/app\n';
    const { text } = session.tokenize(input);
    expect(tokensIn(text)).toHaveLength(1);
    expect(tokensIn(text)[0]).toMatch(/^__TAKUMO_v1_CONN_/);
    expect(text).not.toContain('Xy9zQw3rTt8v');
  });

  it('merges overlapping findings into one replacement covering both', () => {
    const input = 'aaa SECRETPART-MORE bbb';
    const session = createSession({ detector: fixedDetector([[4, 14, 'PASS'], [8, 19, 'KEY'], [4, 8, 'PASS']]) });
    const { text } = session.tokenize(input);
    expect(text).toMatch(/^aaa __TAKUMO_v1_PASS_[0-9a-f]{8}__ bbb$/);
    expect(session.rehydrate(text)).toBe(input);
  });

  it('gives the same token to the same secret within a session and unrelated tokens across sessions', () => {
    const known = [{ value: 'Zq8!pW3vN7xK2mR9', source: 'test' }];
    const a = createSession({ knownSecrets: known });
    const b = createSession({ knownSecrets: known });
    const first = a.tokenize('x Zq8!pW3vN7xK2mR9').text;
    expect(a.tokenize('y Zq8!pW3vN7xK2mR9 z').text).toBe(`y ${first.slice(2)} z`);
    expect(b.tokenize('x Zq8!pW3vN7xK2mR9').text).not.toBe(first);
  });

  it('uses a keyed hash: the token is not the start of the plain SHA-256 of the secret', () => {
    const secret = 'hunter2!';
    const session = createSession({ knownSecrets: [{ value: secret, source: 'test' }] });
    const [token] = tokensIn(session.tokenize(secret).text);
    const hex = token?.slice(-10, -2);
    expect(hex).not.toBe(createHash('sha256').update(secret).digest('hex').slice(0, 8));
    expect(hex).not.toBe(createHash('sha256').update(Buffer.from(secret, 'utf16le')).digest('hex').slice(0, 8));
  });

  it('gives distinct tokens to secrets whose hashes clash on 8 hex characters, and restores both', () => {
    // Every secret's first derivation is the same hex: the vault must re-derive with its counter.
    const derive: DeriveHex = (key, secret, counter) =>
      counter === 0 ? 'c0111de0' : createHmac('sha256', key).update(`${counter}`).update(secret).digest('hex').slice(0, 8);
    const known = ['first!secret', 'second!secret', 'third!secret'].map((value) => ({ value, source: 't' }));
    const session = createSession({ knownSecrets: known, vault: { derive } });
    const input = 'first!secret second!secret third!secret first!secret';
    const { text } = session.tokenize(input);
    const tokens = tokensIn(text);
    expect(new Set(tokens).size).toBe(3);
    expect(tokens[0]).toBe(tokens[3]);
    expect(tokens[0]).toContain('c0111de0');
    expect(session.rehydrate(text)).toBe(input);
  });

  it('round-trips input that already holds this session\'s own tokens, by tokenizing them too', () => {
    const session = createSession({ knownSecrets: [{ value: 'Zq8!pW3vN7xK2mR9', source: 't' }] });
    const token = session.tokenize('Zq8!pW3vN7xK2mR9').text;
    for (const input of [`pasted ${token} back`, `bold **${token.slice(2, -2)}**`, `lower ${token.toLowerCase()}`, `${token}Zq8!pW3vN7xK2mR9${token}`]) {
      const { text } = session.tokenize(input);
      expect(session.rehydrate(text)).toBe(input);
      expect(text).not.toContain('Zq8!pW3vN7xK2mR9');
    }
    expect(session.stats().escaped).toBeGreaterThan(0);
  });

  it('keeps a foreign token in the input as it is and never hands its identity to a secret later', () => {
    // The first derivation of every secret lands on the identity the input already used.
    const derive: DeriveHex = (key, secret, counter) =>
      counter === 0 ? 'deadbeef' : createHmac('sha256', key).update(`${counter}`).update(secret).digest('hex').slice(0, 8);
    const session = createSession({ knownSecrets: [{ value: 'late!secret', source: 't', category: 'KEY' }], vault: { derive } });
    const earlier = 'from another session: __TAKUMO_v1_KEY_deadbeef__ and TAKUMO_v1_deadbeef';
    const out = session.tokenize(earlier).text;
    expect(out).toBe(earlier);
    const later = session.tokenize('now late!secret').text;
    expect(later).not.toContain('deadbeef');
    expect(session.rehydrate(out)).toBe(earlier);
    expect(session.rehydrate(later)).toBe('now late!secret');
  });

  it('replaces every other occurrence of a found secret, in this text and in later ones', () => {
    // Only the first occurrence is in a context a rule recognises.
    const input = 'password = "Prl23Db#@"\n비밀번호:Prl23Db#@\n';
    const session = createSession({ detector: fixedDetector([[12, 21, 'PASS']], input) });
    const { text, findings } = session.tokenize(input);
    expect(text).not.toContain('Prl23Db#@');
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['fixed', 1], ['repeated-secret', 2]]);
    const later = session.tokenize('log: Prl23Db#@ short: Prl2').text;
    expect(later).not.toContain('Prl23Db#@');
    expect(session.rehydrate(later)).toBe('log: Prl23Db#@ short: Prl2');
    expect(session.rehydrate(text)).toBe(input);
  });

  it('fails closed with a message that holds no text when detection throws', () => {
    const session = createSession({
      detector: {
        rules: [],
        detect: (text: string) => {
          throw new Error(`boom near ${text}`);
        },
      },
    });
    const error = catchError(() => session.tokenize('password = "Zq8!pW3vN7xK2mR9"', 'a.env'));
    expect(error).toBeInstanceOf(TakumoError);
    expect((error as TakumoError).code).toBe('TAKUMO_E_TOKENIZE_FAILED');
    expect(String((error as Error).message)).toContain('a.env');
    expect(`${(error as Error).message}\n${(error as Error).stack}`).not.toContain('Zq8!');
  });

  it('rejects input that is not a string with a clear error', () => {
    const session = createSession();
    for (const bad of [undefined, null, 42, { text: 'x' }, Buffer.from('x'), ['x']]) {
      const error = catchError(() => session.tokenize(bad as unknown as string));
      expect((error as TakumoError).code).toBe('TAKUMO_E_INVALID_INPUT');
      expect((error as Error).message).toMatch(/expects the text as a string, got (undefined|null|a number|an object|a Buffer|an array)/);
    }
    expect((catchError(() => session.tokenize('x', 7 as unknown as string)) as TakumoError).code).toBe('TAKUMO_E_INVALID_INPUT');
    expect((catchError(() => session.rehydrate(7 as unknown as string)) as TakumoError).code).toBe('TAKUMO_E_INVALID_INPUT');
    expect((catchError(() => session.rehydrator().push(7 as unknown as string)) as TakumoError).code).toBe('TAKUMO_E_INVALID_INPUT');
  });
});

describe('rehydrate', () => {
  const secret = 'Zq8!pW3vN7xK2mR9';
  function primed() {
    const session = createSession({ knownSecrets: [{ value: secret, source: 't' }] });
    const token = session.tokenize(secret).text;
    return { session, token, core: token.slice(2, -2) };
  }

  it('restores exact tokens and the spellings models and markdown produce', () => {
    const { session, token, core } = primed();
    const spellings = [
      token,
      token.toLowerCase(),
      token.toUpperCase(),
      `**${core}**`,
      core,
      token.replace(/_/g, '\\_'),
      core.replace(/_/g, ''),
      token.replace('_ENV_', '_'),
    ];
    for (const s of spellings) expect(session.rehydrate(`a ${s} b`), s).toBe(`a ${secret} b`);
  });

  it('keeps markdown bold around an exact token as bold around the secret', () => {
    const { session, token } = primed();
    expect(session.rehydrate(`**${token}**`)).toBe(`**${secret}**`);
  });

  it('does not restore a token followed by more letters or digits', () => {
    const { session, token } = primed();
    const longer = `${token.slice(0, -2)}0__`;
    expect(session.rehydrate(longer)).toBe(longer);
  });

  it('reports a well-formed unknown token and leaves it in place', () => {
    const { session } = primed();
    const text = 'x __TAKUMO_v1_KEY_0123abcd__ y';
    const result = session.rehydrateWithReport(text);
    expect(result.text).toBe(text);
    expect(result.unrestored).toEqual([{ reason: 'unknown', token: 'TAKUMO_v1_KEY_0123abcd', category: 'KEY', offset: 4 }]);
  });

  it('never restores a spelling that could name two entries, and reports it as ambiguous', () => {
    const { session, token } = primed();
    const hex = token.slice(-10, -2);
    // The user's input held a PASS token with the same hex (from elsewhere): now the
    // category-less spelling could mean either.
    session.tokenize(`old __TAKUMO_v1_PASS_${hex}__`);
    const text = `which one: TAKUMO_v1_${hex}`;
    const result = session.rehydrateWithReport(text);
    expect(result.text).toBe(text);
    expect(result.unrestored[0]).toMatchObject({ reason: 'ambiguous' });
    expect(session.rehydrate(token)).toBe(secret);
  });

  it('escapes restored values for the inside of a JSON string in JSON mode', () => {
    const session = createSession();
    const { text } = session.tokenize(PEM);
    const fragment = `{"path":"id_rsa","content":"${text}"}`;
    const restored = session.rehydrate(fragment, { json: true });
    expect(JSON.parse(restored)).toEqual({ path: 'id_rsa', content: PEM });
    expect(restored).toContain('\\n');
  });

  it('cannot restore another session\'s tokens', () => {
    const { token } = primed();
    const other = createSession({ knownSecrets: [{ value: secret, source: 't' }] });
    expect(other.rehydrate(token)).toBe(token);
    expect(other.rehydrateWithReport(token).unrestored).toHaveLength(1);
  });
});

describe('destroy', () => {
  it('makes every later call throw a clear error that holds no secret (the wiping itself: vault.test.ts)', () => {
    const secret = 'Zq8!pW3vN7xK2mR9';
    const session = createSession({ knownSecrets: [{ value: secret, source: 't' }] });
    const { text } = session.tokenize(secret);
    const r = session.rehydrator();
    session.destroy();
    expect(session.destroyed).toBe(true);
    const calls: Array<() => unknown> = [
      () => session.tokenize(secret),
      () => session.rehydrate(text),
      () => session.rehydrateWithReport(text),
      () => session.rehydrator(),
      () => session.stats(),
      () => r.push(text),
      () => r.end(),
    ];
    for (const call of calls) {
      const error = catchError(call);
      expect(error).toBeInstanceOf(TakumoError);
      expect((error as TakumoError).code).toBe('TAKUMO_E_SESSION_DESTROYED');
      expect((error as Error).message).toMatch(/destroyed/);
      expect(`${(error as Error).message}${(error as Error).stack}`).not.toContain(secret);
    }
    expect(() => session.destroy()).not.toThrow();
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
