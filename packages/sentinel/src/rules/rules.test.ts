import { describe, expect, it } from 'vitest';
import { scanAnswer } from '../index.js';
import { sentinelRules } from './index.js';

// Every rule carries its own proof: the examples next to its pattern.
describe('sentinel rule examples', () => {
  for (const rule of sentinelRules) {
    describe(rule.id, () => {
      for (const sample of rule.examples.match) {
        it(`reports: ${sample.split('\n').pop()!.slice(0, 70)}`, () => {
          const rules = scanAnswer(sample, { language: rule.examples.language }).map((f) => f.rule);
          expect(rules).toContain(rule.id);
        });
      }
      for (const sample of rule.examples.noMatch) {
        it(`stays quiet on: ${sample.split('\n').pop()!.slice(0, 70)}`, () => {
          const rules = scanAnswer(sample, { language: rule.examples.language }).map((f) => f.rule);
          expect(rules).not.toContain(rule.id);
        });
      }
    });
  }

  it('every rule has at least one example each way and a CWE', () => {
    for (const rule of sentinelRules) {
      expect(rule.examples.match.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.noMatch.length, rule.id).toBeGreaterThan(0);
      expect(rule.cwe, rule.id).toMatch(/^CWE-\d+$/);
    }
  });

  it('rule ids are unique', () => {
    const ids = sentinelRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
