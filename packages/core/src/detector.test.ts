import { describe, expect, it } from 'vitest';
import { builtinRules, createDetector, detect } from './index.js';

describe('rule examples', () => {
  const detector = createDetector();
  for (const rule of builtinRules) {
    it(`${rule.id} matches each of its positive examples`, () => {
      for (const sample of rule.examples.match) {
        expect(detector.detect(sample).some((f) => f.rule === rule.id), sample).toBe(true);
      }
    });
    it(`${rule.id} stays silent on each of its negative examples`, () => {
      for (const sample of rule.examples.noMatch) {
        expect(detector.detect(sample).some((f) => f.rule === rule.id), sample).toBe(false);
      }
    });
  }
});

describe('detect', () => {
  it('reports the position of a secret without its value', () => {
    const [f] = detect('x\n  key: ghp_R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9Ge3\n');
    expect(f).toMatchObject({ rule: 'github-pat', line: 2, column: 8, category: 'KEY' });
    expect(JSON.stringify(f)).not.toContain('ghp_R2d3');
  });
});
