import { describe, expect, it } from 'vitest';
import { createSession } from './session.js';

const SECRET = 'Zq8!pW3vN7xK2mR9';

function primed() {
  const session = createSession({ knownSecrets: [{ value: SECRET, source: 't' }] });
  const token = session.tokenize(SECRET).text;
  return { session, token };
}

describe('rehydrator', () => {
  it('restores a token split across three chunks', () => {
    const { session, token } = primed();
    const r = session.rehydrator();
    const out = [r.push(`before ${token.slice(0, 5)}`), r.push(token.slice(5, 20)), r.push(`${token.slice(20)} after`), r.end()];
    expect(out.join('')).toBe(`before ${SECRET} after`);
    expect(out[0]).toBe('before ');
    expect(r.restored).toBe(1);
  });

  it('emits plain text at once and holds back only what could still become one of its tokens', () => {
    const { session, token } = primed();
    const r = session.rehydrator();
    expect(r.push('plain text with no token')).toBe('plain text with no token');
    expect(r.push(' then __TAK')).toBe(' then ');
    expect(r.push('UMO_v1_ENV_')).toBe('');
    // A category this vault has no token of cannot become one: emitted at once.
    expect(r.push('x __TAKUMO_v1_PASS_')).toBe('__TAKUMO_v1_ENV_x __TAKUMO_v1_PASS');
    // …but a lone `_` may be the start of a `__` that a token follows.
    expect(r.push('. ')).toBe('_. ');
    expect(r.push(token.slice(0, -4))).toBe('');
    expect(r.push(`${token.slice(-4)} done`)).toBe(`${SECRET} done`);
    expect(r.end()).toBe('');
  });

  it('holds nothing when the vault is empty', () => {
    const r = createSession().rehydrator();
    expect(r.push('__TAKUMO_v1_KEY_abc')).toBe('__TAKUMO_v1_KEY_abc');
    expect(r.push('__')).toBe('__');
  });

  it('holds a complete token until its end is decided (a trailing __ or a following digit may come)', () => {
    const { session, token } = primed();
    const core = token.slice(2, -2);
    const r = session.rehydrator();
    expect(r.push(`x ${core}`)).toBe('x ');
    expect(r.push('9')).toBe(`${core}9`);
    const s = session.rehydrator();
    expect(s.push(`y ${token.slice(0, -1)}`)).toBe('y ');
    expect(s.push('_.')).toBe(`${SECRET}.`);
  });

  it('end() emits a held partial token as it is, never dropping text', () => {
    const { session, token } = primed();
    const r = session.rehydrator();
    expect(r.push(`cut off ${token.slice(0, 15)}`)).toBe('cut off ');
    expect(r.end()).toBe(token.slice(0, 15));
  });

  it('reports unknown tokens across chunk borders once, with their stream offset', () => {
    const { session } = primed();
    const r = session.rehydrator();
    r.push('ab __TAKUMO_v1_KEY_0123');
    r.push('abcd__ cd TAKUMO_v1_PASS_89abcdef');
    r.push('0');
    r.end();
    expect(r.unrestored).toEqual([{ reason: 'unknown', token: 'TAKUMO_v1_KEY_0123abcd', category: 'KEY', offset: 5 }]);
  });

  it('restores JSON-escaped values in JSON mode, split anywhere', () => {
    const session = createSession({ knownSecrets: [{ value: 'multi\nline "quoted" \\ value!', source: 't' }] });
    const token = session.tokenize('multi\nline "quoted" \\ value!').text;
    const source = `{"cmd":"echo ${token}"}`;
    for (let cut = 0; cut <= source.length; cut++) {
      const r = session.rehydrator({ json: true });
      const out = r.push(source.slice(0, cut)) + r.push(source.slice(cut)) + r.end();
      expect(JSON.parse(out)).toEqual({ cmd: 'echo multi\nline "quoted" \\ value!' });
    }
  });

  it('refuses pushes after end()', () => {
    const r = primed().session.rehydrator();
    r.end();
    expect(() => r.push('x')).toThrow(/ended/);
  });
});
