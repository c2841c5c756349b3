import { describe, expect, it } from 'vitest';
import { compileDetector } from './detector.js';
import type { Rule } from './types.js';

/**
 * The engine tests each distinct path expression once per text, and decides the always-run
 * rules bound to paths with one alternation per flag set. These tests hold it to what
 * testing every rule's own expression gives.
 */
function rule(id: string, extra: Partial<Rule>): Rule {
  return {
    id,
    category: 'PASS',
    description: id,
    keywords: [],
    pattern: /secret=(\w{4,})/,
    secretGroup: 1,
    confidence: 'high',
    examples: { match: [], noMatch: [] },
    ...extra,
  };
}

const TEXT = 'secret=abcd1234\n';

function rulesFound(detector: ReturnType<typeof compileDetector>, file: string | undefined): string[] {
  return detector.detect(TEXT, file === undefined ? {} : { file }).map((f) => f.rule);
}

describe('path-bound rules', () => {
  // Always-run rules under two flag sets, one with a group name another uses too (an
  // alternation of those two would not compile), and one that refers to its own group.
  const always = compileDetector([
    rule('conf', { paths: /(\.conf)$/i }),
    rule('ini', { paths: /\.ini$/i, pattern: /secret=(\w{5,})/ }),
    rule('named-a', { paths: /(?<ext>\.aa)$/ }),
    rule('named-b', { paths: /(?<ext>\.bb)$/ }),
    rule('twice', { paths: /\/(\w)\1\.txt$/i }),
  ]);

  it('run an always-run rule on exactly the files its own expression names', () => {
    expect(rulesFound(always, 'etc/app.CONF')).toEqual(['conf']);
    expect(rulesFound(always, 'etc/app.ini')).toEqual(['ini']);
    expect(rulesFound(always, 'x/y.aa')).toEqual(['named-a']);
    expect(rulesFound(always, 'x/y.bb')).toEqual(['named-b']);
    expect(rulesFound(always, 'x/qq.txt')).toEqual(['twice']);
    expect(rulesFound(always, 'x/qr.txt')).toEqual([]);
    expect(rulesFound(always, 'src/app.ts')).toEqual([]);
    expect(rulesFound(always, undefined)).toEqual([]);
  });

  it('decide each text by its own path, whatever the text before it was', () => {
    const keyworded = compileDetector([
      rule('lock-aware', { keywords: ['secret'], skipPaths: /\.lock$/ }),
      rule('lock-aware-too', { keywords: ['secret'], skipPaths: /\.lock$/, pattern: /secret=(\w{3,})/ }),
      rule('only-env', { keywords: ['secret'], paths: /\.env$/, pattern: /(secret)=/ }),
    ]);
    expect(rulesFound(keyworded, 'a/.env')).toEqual(['only-env', 'lock-aware']);
    expect(rulesFound(keyworded, 'a/yarn.lock')).toEqual([]);
    expect(rulesFound(keyworded, 'a/b.ts')).toEqual(['lock-aware']);
    expect(rulesFound(keyworded, 'a/b.env')).toEqual(['only-env', 'lock-aware']);
    expect(rulesFound(keyworded, 'a/c.lock')).toEqual([]);
    expect(keyworded.detect('x secret=abc y', { file: 'a/b.ts' }).map((f) => f.rule)).toEqual(['lock-aware-too']);
  });

  it('run an always-run rule without a path on every text', () => {
    const free = compileDetector([rule('anywhere', {}), rule('conf', { paths: /\.conf$/ })]);
    expect(rulesFound(free, 'a.conf')).toEqual(['anywhere']);
    expect(rulesFound(free, 'a.ts')).toEqual(['anywhere']);
    expect(rulesFound(free, undefined)).toEqual(['anywhere']);
  });
});

describe('keyword offsets', () => {
  it('are those of the text at hand, not of the texts before it', () => {
    const offsets = compileDetector([
      rule('at-keyword', { keywords: ['tok'], anchored: true, find: (_text, _options, at = []) => at.map((start) => ({ start, end: start + 3 })) }),
    ]);
    expect(offsets.detect('tok tok').map((f) => f.start)).toEqual([0, 4]);
    expect(offsets.detect('ab tok').map((f) => f.start)).toEqual([3]);
    expect(offsets.detect('nothing here')).toEqual([]);
  });
});
