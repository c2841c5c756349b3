import { describe, expect, it } from 'vitest';
import { compileDetector } from './detector.js';
import { builtinRulesFor } from './rules/index.js';
import { NON_ASCII_TEXT, type Rule } from './types.js';

/** A rule that finds `pw=<word>` and says which texts the engine let it see. */
function probeRule(keywords: string[], seen: string[]): Rule {
  return {
    id: 'probe',
    category: 'PASS',
    description: 'test probe',
    keywords,
    pattern: /pw=(\w{1,20})/,
    find: (text) => {
      seen.push(text);
      const m = /pw=(\w{1,20})/.exec(text);
      return m ? [{ start: m.index + 3, end: m.index + m[0].length }] : [];
    },
    confidence: 'medium',
    examples: { match: [], noMatch: [] },
  };
}

describe('the non-ASCII keyword', () => {
  it('runs a rule on text holding any character beyond ASCII, and only there', () => {
    const seen: string[] = [];
    const detector = compileDetector([probeRule([NON_ASCII_TEXT], seen)]);
    expect(detector.detect('plain pw=hunter22')).toEqual([]);
    expect(detector.detect('пароль pw=hunter22')).toHaveLength(1);
    expect(detector.detect('café pw=hunter22')).toHaveLength(1);
    expect(seen).toEqual(['пароль pw=hunter22', 'café pw=hunter22']);
  });

  it('is not a literal: the marker text itself does not trigger the rule', () => {
    const seen: string[] = [];
    const detector = compileDetector([probeRule([NON_ASCII_TEXT], seen)]);
    expect(detector.detect(`${NON_ASCII_TEXT} pw=hunter22 \u0001\u0002\u0003`)).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('sits beside ordinary keywords', () => {
    const seen: string[] = [];
    const detector = compileDetector([probeRule([NON_ASCII_TEXT, 'pw='], seen)]);
    expect(detector.detect('plain pw=hunter22')).toHaveLength(1);
    expect(detector.detect('nothing here')).toEqual([]);
    expect(seen).toEqual(['plain pw=hunter22']);
  });
});

describe('the built-in rules as the prefilter sees them', () => {
  const rules = builtinRulesFor([]);

  it('have keywords of two characters or more: a one-character keyword stops the prefilter on nearly every line', () => {
    const short = rules.flatMap((r) => r.keywords.filter((k) => k !== NON_ASCII_TEXT && k.length < 2).map((k) => `${r.id}: ${JSON.stringify(k)}`));
    expect(short).toEqual([]);
  });

  it('always run only when bound to files by path', () => {
    // A rule without keywords runs on every text; a path is then its prefilter.
    const unbound = rules.filter((r) => r.keywords.length === 0 && r.paths === undefined).map((r) => r.id);
    expect(unbound).toEqual([]);
  });

  it('bound to files by path run only on those files', () => {
    const seen: string[] = [];
    const rule: Rule = { ...probeRule([], seen), paths: /\.pgpass$/ };
    const detector = compileDetector([rule]);
    expect(detector.detect('pw=hunter22', { file: 'notes.txt' })).toEqual([]);
    expect(detector.detect('pw=hunter22')).toEqual([]);
    expect(detector.detect('pw=hunter22', { file: 'home/.pgpass' })).toHaveLength(1);
    expect(seen).toEqual(['pw=hunter22']);
  });
});
