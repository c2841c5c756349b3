import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession, MIN_REPEATED_SECRET_LENGTH, type Session } from './session.js';
import { MAX_VARIANT_LENGTH } from './token.js';
import { chunk, densePieceArb, knownSecretDetector, pieceArb, render, SECRETS, SPELLINGS, VARIANTS } from './test-support/session-fixtures.js';

const RUNS = { numRuns: 300 };

/** A session whose vault knows every test secret; returns their tokens too. */
function primedSession(): { session: Session; tokens: string[] } {
  const session = createSession({ detector: knownSecretDetector() });
  const tokens = SECRETS.map((s) => session.tokenize(` ${s} `).text.trim());
  return { session, tokens };
}

function streamed(session: Session, text: string, cuts: number[], json: boolean): string {
  const r = session.rehydrator({ json });
  let out = '';
  for (const piece of chunk(text, cuts)) out += r.push(piece);
  return out + r.end();
}

describe('tokenize → rehydrate round trip (property)', () => {
  it('gives back every input exactly, whatever secrets, tokens and token look-alikes it holds', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 30 }), fc.boolean(), (pieces, primed) => {
        const { session, tokens } = primed ? primedSession() : { session: createSession({ detector: knownSecretDetector() }), tokens: primedSession().tokens };
        const x = render(pieces, tokens);
        const { text } = session.tokenize(x);
        expect(session.rehydrate(text)).toBe(x);
        session.destroy();
      }),
      RUNS,
    );
  });

  it('still round-trips earlier outputs after later calls have added secrets to the vault', () => {
    fc.assert(
      fc.property(fc.array(fc.array(pieceArb, { maxLength: 15 }), { minLength: 2, maxLength: 5 }), (inputs) => {
        const { session, tokens } = primedSession();
        const xs = inputs.map((p) => render(p, tokens));
        const outs = xs.map((x) => session.tokenize(x).text);
        outs.forEach((out, i) => expect(session.rehydrate(out)).toBe(xs[i]));
      }),
      RUNS,
    );
  });

  it('leaves no secret in the tokenized text', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 30 }), (pieces) => {
        const { session, tokens } = primedSession();
        const { text } = session.tokenize(render(pieces, tokens));
        for (const secret of SECRETS) expect(text.includes(secret)).toBe(false);
      }),
      RUNS,
    );
  });

  it('is deterministic within a session: same input, same output; same secret, same token', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 20 }), (pieces) => {
        const { session, tokens } = primedSession();
        const x = render(pieces, tokens);
        const first = session.tokenize(x).text;
        expect(session.tokenize(x).text).toBe(first);
        SECRETS.forEach((s, i) => expect(session.tokenize(`=${s}=`).text).toBe(`=${tokens[i]}=`));
      }),
      { numRuns: 100 },
    );
  });
});

describe('determinism within a session', () => {
  /** Variant 4 is a token without its `__` decorations: `TAKUMO_v1_ENV_<hex>`. */
  const bare = (token: string): string => (VARIANTS[4] as (t: string) => string)(token);

  it('regression (fast-check seed 1427600197): [token 2 variant 4, "0", token 2 variant 4] tokenizes the same twice', () => {
    const { session, tokens } = primedSession();
    const core = bare(tokens[2] as string);
    // The first core runs into `0` (9 hex digits: not a token, left as it is); the second is
    // restorable, so it is escaped. The escape must not be learned as a secret: the second
    // call would then also replace the first core.
    const x = `${core}0${core}`;
    const first = session.tokenize(x).text;
    expect(first.startsWith(`${core}0`)).toBe(true);
    expect(first).not.toBe(x);
    expect(session.tokenize(x).text).toBe(first);
    expect(session.tokenize(x).text).toBe(first);
    expect(session.rehydrate(first)).toBe(x);
  });

  it('escaping token-shaped text in one call changes nothing in a later call', () => {
    const { session, tokens } = primedSession();
    const core = bare(tokens[2] as string);
    const notAToken = `see ${core}0 here`;
    expect(session.tokenize(notAToken).text).toBe(notAToken);
    expect(session.tokenize(`see ${core} here`).text).not.toContain(core); // escaped
    expect(session.tokenize(notAToken).text).toBe(notAToken);
  });

  it('property: a text tokenizes the same whatever the session tokenized before, when that taught it no new secret', () => {
    // A primed session already holds every test secret, so texts made of them, their
    // spellings and token variants teach it nothing: their outputs may not depend on order.
    // (A rule finding a new secret would legitimately change later outputs: such runs are skipped.)
    fc.assert(
      fc.property(fc.array(fc.array(densePieceArb, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 4 }), (inputs) => {
        const { session, tokens } = primedSession();
        const xs = inputs.map((p) => render(p, tokens));
        const forward = xs.map((x) => session.tokenize(x));
        fc.pre(forward.every((r) => r.findings.every((f) => f.rule === 'known-secret' || f.rule === 'repeated-secret')));
        const backward = [...xs].reverse().map((x) => session.tokenize(x).text).reverse();
        expect(backward).toEqual(forward.map((r) => r.text));
        forward.forEach((r, i) => expect(session.rehydrate(r.text)).toBe(xs[i]));
        session.destroy();
      }),
      { numRuns: 300 },
    );
  });

  it('property: every spelling of a secret is tokenized, and the same way in every call', () => {
    fc.assert(
      fc.property(fc.array(densePieceArb, { minLength: 1, maxLength: 8 }), (pieces) => {
        const { session, tokens } = primedSession();
        const x = render(pieces, tokens);
        const first = session.tokenize(x).text;
        expect(session.tokenize(x).text).toBe(first);
        for (const secret of SECRETS) {
          if (secret.length < MIN_REPEATED_SECRET_LENGTH) continue; // shorter secrets are left to the rules
          for (const spell of SPELLINGS) expect(first.includes(spell(secret))).toBe(false);
        }
        expect(session.rehydrate(first)).toBe(x);
        session.destroy();
      }),
      { numRuns: 300 },
    );
  });
});

describe('streaming rehydration (property)', () => {
  for (const json of [false, true]) {
    it(`equals the batch result for every chunking (${json ? 'JSON-fragment' : 'text'} mode)`, () => {
      fc.assert(
        fc.property(fc.array(pieceArb, { maxLength: 30 }), fc.array(fc.nat(400), { maxLength: 25 }), (pieces, cuts) => {
          const { session, tokens } = primedSession();
          const answer = render(pieces, tokens);
          expect(streamed(session, answer, cuts, json)).toBe(session.rehydrate(answer, { json }));
        }),
        RUNS,
      );
    });
  }

  it('holds back at most one token variant\'s length, and nothing at all when the vault is empty', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 30 }), fc.array(fc.nat(400), { maxLength: 25 }), (pieces, cuts) => {
        const { tokens } = primedSession();
        // Tokens of another session: nothing here is restorable, so output = input.
        const answer = render(pieces, tokens);
        const primed = primedSession().session.rehydrator();
        const empty = createSession({ detector: knownSecretDetector() }).rehydrator();
        let pushed = 0;
        let emittedPrimed = 0;
        let emittedEmpty = 0;
        for (const piece of chunk(answer, cuts)) {
          pushed += piece.length;
          emittedPrimed += primed.push(piece).length;
          emittedEmpty += empty.push(piece).length;
          expect(emittedEmpty).toBe(pushed);
          expect(pushed - emittedPrimed).toBeLessThanOrEqual(MAX_VARIANT_LENGTH);
        }
        expect(emittedPrimed + primed.end().length).toBe(answer.length);
      }),
      RUNS,
    );
  });

  it('equals the batch result when every character is its own chunk', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 20 }), (pieces) => {
        const { session, tokens } = primedSession();
        const answer = render(pieces, tokens);
        const cuts = Array.from({ length: answer.length }, (_, i) => i);
        expect(streamed(session, answer, cuts, false)).toBe(session.rehydrate(answer));
      }),
      { numRuns: 100 },
    );
  });

  it('JSON mode restores values that JSON.parse turns back into the exact secrets', () => {
    fc.assert(
      fc.property(fc.array(pieceArb, { maxLength: 20 }), fc.array(fc.nat(300), { maxLength: 10 }), (pieces, cuts) => {
        const { session, tokens } = primedSession();
        const x = render(pieces, tokens);
        // What the proxy does: tokenize the decoded string, send it as JSON, restore the JSON source.
        const source = JSON.stringify(session.tokenize(x).text);
        const restored = streamed(session, source, cuts, true);
        expect(JSON.parse(restored)).toBe(x);
      }),
      RUNS,
    );
  });
});

describe('tolerant restore (property)', () => {
  it('restores each altered spelling of a token to its secret', () => {
    fc.assert(
      fc.property(fc.nat(SECRETS.length - 1), fc.nat(VARIANTS.length - 1), fc.constantFrom(' ', '\n', '(', '"', '. '), (i, v, around) => {
        const { session, tokens } = primedSession();
        const spelled = (VARIANTS[v] as (t: string) => string)(tokens[i] as string);
        expect(session.rehydrate(`see${around}${spelled}${around}end`)).toBe(`see${around}${SECRETS[i]}${around}end`);
      }),
      { numRuns: 200 },
    );
  });
});
