import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, encodedForms } from './session.js';

/**
 * A known secret reaches the text in another spelling when an agent reads a JSON file
 * (`"password": "pa\"ss"`) or a URL (`postgres%3A%2F%2F…`): those spellings carry the
 * same value and must be tokenized like it, and the round trip must give the bytes back.
 */
const QUOTED = 'hunter2-Zq9!xK"quote\\back';
const CONN = 'postgres://admin:S3cr3t-Pa55@db.internal:5432/app';

describe('encoded spellings of known secrets', () => {
  it('tokenizes a known secret inside JSON text and percent-encoded in a URL', () => {
    const session = createSession({ knownSecrets: [{ value: QUOTED, source: 'test:DB_PASSWORD' }, { value: CONN, source: 'test:DATABASE_URL', category: 'CONN' }] });
    const text = `cat config.json\n${JSON.stringify({ password: QUOTED })}\nopen https://admin.example/?db=${encodeURIComponent(CONN)}\n`;
    const { text: out, findings } = session.tokenize(text);
    expect(out).not.toContain('hunter2-Zq9');
    expect(out).not.toContain('S3cr3t-Pa55');
    expect(findings.length).toBeGreaterThanOrEqual(2);
    expect(session.rehydrate(out)).toBe(text);
    session.destroy();
  });

  it('tokenizes the JSON spelling of a secret the session learned from a rule', () => {
    const session = createSession();
    const value = 'Qx7\\mn-42-Blue';
    const learned = session.tokenize(`password: '${value}'`);
    expect(learned.text).not.toContain('mn-42-Blue'); // the rule found the whole value
    const json = JSON.stringify({ note: `was ${value}` }); // the JSON text doubles the backslash
    const out = session.tokenize(json).text;
    expect(out).not.toContain('mn-42-Blue');
    expect(session.rehydrate(out)).toBe(json);
    session.destroy();
  });

  it('tokenizes a known secret written in the other Unicode normalisation form', () => {
    const nfc = 'P\u00e4ssw\u00f6rd-Zq9-2024';
    const session = createSession({ knownSecrets: [{ value: nfc, source: 'test:PW' }] });
    const text = `pw is ${nfc.normalize('NFD')} and ${nfc}`;
    expect(text.normalize('NFD')).not.toBe(text);
    const out = session.tokenize(text).text;
    expect(out).not.toContain('Zq9-2024');
    expect(session.rehydrate(out)).toBe(text);
    session.destroy();
  });

  it('a spelling tokenized in one call is not learned: the same text tokenizes the same the second time', () => {
    // Learning `pa\"ss` as a value made the next call also search for its own spellings
    // (`pa%5C%22ss`, `pa\\\"ss`), which the first call had left alone.
    const session = createSession({ knownSecrets: [{ value: QUOTED, source: 'test:DB_PASSWORD' }] });
    const json = JSON.stringify(QUOTED).slice(1, -1);
    const text = `a ${json} b ${encodeURIComponent(json)} c ${JSON.stringify(`x${json}`).repeat(3)}`;
    const first = session.tokenize(text).text;
    expect(first).not.toContain(json);
    expect(session.tokenize(text).text).toBe(first);
    expect(session.rehydrate(first)).toBe(text);
    session.destroy();
  });

  it('tokenizes the other normalisation form inside a URL and JSON text from the first call', () => {
    const nfc = 'P\u00e4ssw\u00f6rd "Zq9" 2024';
    const nfd = nfc.normalize('NFD');
    const session = createSession({ knownSecrets: [{ value: nfc, source: 'test:PW' }] });
    const text = `${encodeURIComponent(nfd)} | ${JSON.stringify(nfd)} | ${JSON.stringify(JSON.stringify({ pw: nfc }))}`;
    const first = session.tokenize(text).text;
    expect(first).not.toMatch(/Zq9/);
    expect(session.tokenize(text).text).toBe(first);
    expect(session.rehydrate(first)).toBe(text);
    session.destroy();
  });

  it('adds nothing for plain alphanumeric secrets', () => {
    expect(encodedForms('ghp_8fK2mQ9xLp3Vt7Rw1Zy5Nb4Hc6Dj0Ga2Se1U')).toEqual([]);
    // JSON once, JSON twice (a JSON document inside a JSON string), percent-encoded.
    expect(encodedForms('a"b\\c d')).toEqual(['a\\"b\\\\c d', 'a\\\\\\"b\\\\\\\\c d', 'a%22b%5Cc%20d']);
    expect(encodedForms('\ud800x"')).toEqual(['\\ud800x\\"', '\\\\ud800x\\\\\\"']);
  });

  it('property: a known secret never survives in JSON text, and the round trip is exact', () => {
    const secretArb = fc.string({ minLength: 8, maxLength: 40, unit: 'binary' }).filter((s) => s.trim().length >= 8);
    fc.assert(
      fc.property(secretArb, fc.string({ maxLength: 20 }), (secret, prose) => {
        const session = createSession({ knownSecrets: [{ value: secret, source: 'test:X' }] });
        try {
          const text = `${prose}${JSON.stringify({ k: secret, p: prose })}`;
          const out = session.tokenize(text).text;
          expect(out.includes(JSON.stringify(secret).slice(1, -1))).toBe(false);
          expect(session.rehydrate(out)).toBe(text);
        } finally {
          session.destroy();
        }
      }),
      { numRuns: 100 },
    );
  });
});
