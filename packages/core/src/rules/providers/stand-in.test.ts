import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect } from '../../index.js';
import { isStandInToken, sequentialRuns } from './stand-in.js';

describe('sequentialRuns', () => {
  it('finds runs of letters or digits in order, up or down, in any case', () => {
    expect(sequentialRuns('xx123456yy', 3)).toEqual([{ start: 2, length: 6 }]);
    expect(sequentialRuns('Vg276543210', 3)).toEqual([{ start: 3, length: 8 }]);
    expect(sequentialRuns('aBcDeF', 3)).toEqual([{ start: 0, length: 6 }]);
    expect(sequentialRuns('a1b2c3', 3)).toEqual([]);
  });
});

describe('isStandInToken', () => {
  it('refuses a generated token with a typed run spliced in', () => {
    expect(isStandInToken('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')).toBe(true);
    expect(isStandInToken('lin_api_abcdefgiRuRkwmbYFY7xGlBxe8GUg8YNBzaRyF4W')).toBe(true);
    expect(isStandInToken('sqp_abcdef123455678908359f980be71580cd3da370')).toBe(true);
  });

  it('refuses tokens that spell out that they are samples, and base64 of prose', () => {
    expect(isStandInToken('SWMKEY-1-7c37Cc8654o6pExampleKeyTestOnlytbdZEgtKxZu8')).toBe(true);
    expect(isStandInToken('SWMTKN-1-7here4ar3not7he7oken5you4re1ooking4or1samplingonly-nh7cr8ap4o4fl58ektr42c8ek')).toBe(true);
    expect(isStandInToken(Buffer.from('reftkn:There are not the tokens you are after').toString('base64'))).toBe(true);
  });

  it('leaves alone values made wholly of typed runs (peers count those as secrets by format) and numeric ids', () => {
    expect(isStandInToken('glpat-aBcDeFgHiJkLmNoPqRsT')).toBe(false);
    expect(isStandInToken('xoxb-123456789012-Xw937qtWSXJss1lFaKe')).toBe(false);
  });

  it('accepts generated tokens (property: random base62 bodies are not stand-ins)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split('');
    let standIns = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 36, maxLength: 36 }), (chars) => {
        if (isStandInToken(`ghp_${chars.join('')}`)) standIns++;
      }),
      { numRuns: 2000, seed: 7 },
    );
    // Six characters in order arise by chance about once per million positions, and the
    // words and prose checks never fire on random base62.
    expect(standIns).toBe(0);
  });

  it('is applied to every provider rule', () => {
    expect(detect('LINEAR_API_KEY=lin_api_abcdefgiRuRkwmbYFY7xGlBxe8GUg8YNBzaRyF4W\n').map((f) => f.rule)).not.toContain('linear-api-key');
    expect(detect('LINEAR_API_KEY=lin_api_F7hvwKIiRuRkwmbYFY7xGlBxe8GUg8YNBzaRyF4W\n').map((f) => f.rule)).toContain('linear-api-key');
  });
});
