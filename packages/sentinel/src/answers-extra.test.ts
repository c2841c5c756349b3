import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { initSentinel, scanAnswer, type SentinelCategory } from './index.js';

/**
 * A second set of AI-style answers (prose, then fenced code) in JavaScript/TypeScript, Python,
 * Java, Go, PHP, Ruby and HTML: each vulnerable answer has a corrected twin. The expectations
 * file lists, per answer, the findings a reviewer would want (category and line in the
 * answer); a finding counts when its category matches and its line is within ±2, the
 * tolerance the corpus scorer uses. Corrected answers must get no findings at all.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'answers-extra');

interface Expected {
  category: SentinelCategory;
  line: number;
}

const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Record<string, Expected[]>;
const TOLERANCE = 2;

function findingsOf(file: string): Array<{ category: SentinelCategory; line: number; rule: string }> {
  const text = readFileSync(join(dir, file), 'utf8');
  return scanAnswer(text, { filename: file, projectLicense: 'proprietary' })
    .filter((f) => f.category !== 'license')
    .map((f) => ({ category: f.category, line: f.line, rule: f.rule }));
}

const near = (a: { category: string; line: number }, b: { category: string; line: number }): boolean =>
  a.category === b.category && Math.abs(a.line - b.line) <= TOLERANCE;

describe('AI-style answers, second set (vulnerable and corrected twins)', () => {
  beforeAll(async () => {
    await initSentinel();
  });

  it('every answer in the fixture folder has expectations, and every language has a vulnerable and a corrected answer', () => {
    const answers = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
    expect(Object.keys(expectations).sort()).toEqual(answers);
    for (const lang of ['js', 'ts', 'python', 'java', 'go', 'php', 'ruby', 'html']) {
      expect(answers.some((f) => f.startsWith(lang) && f.endsWith('-vuln.md')), lang).toBe(true);
      expect(answers.some((f) => f.startsWith(lang) && f.endsWith('-safe.md')), lang).toBe(true);
    }
    for (const [file, list] of Object.entries(expectations)) {
      if (file.endsWith('-safe.md')) expect(list, file).toEqual([]);
      else expect(list.length, file).toBeGreaterThan(0);
    }
  });

  for (const [file, expected] of Object.entries(expectations)) {
    if (expected.length === 0) {
      it(`${file}: the corrected answer gets no findings`, () => {
        expect(findingsOf(file)).toEqual([]);
      });
      continue;
    }
    it(`${file}: ${expected.map((e) => `${e.line}:${e.category}`).join(', ')}`, () => {
      const got = findingsOf(file);
      // One finding answers one expectation (nearest first), as the corpus scorer credits it:
      // a finding on line 15 cannot stand in for a missed one on line 14.
      const free = [...got];
      const missed: Expected[] = [];
      for (const e of expected) {
        const candidates = free.filter((g) => near(g, e)).sort((x, y) => Math.abs(x.line - e.line) - Math.abs(y.line - e.line));
        if (candidates[0]) free.splice(free.indexOf(candidates[0]), 1);
        else missed.push(e);
      }
      // Extra findings next to an answered expectation (the same query reported at its building
      // and at its call) are not noise; findings near no expectation are.
      const unexpected = free.filter((g) => !expected.some((e) => near(g, e)));
      expect({ missed, unexpected }).toEqual({ missed: [], unexpected: [] });
    });
  }
});
