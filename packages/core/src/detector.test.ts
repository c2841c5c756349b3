import { describe, expect, it } from 'vitest';
import { compileDetector } from './detector.js';
import { builtinRules, createDetector, detect } from './index.js';

describe('rule examples', () => {
  const everything = createDetector();
  for (const rule of builtinRules) {
    const alone = compileDetector([rule]);
    it(`${rule.id} matches each of its positive examples`, () => {
      for (const sample of rule.examples.match) {
        expect(alone.detect(sample).some((f) => f.rule === rule.id), sample).toBe(true);
        // With every rule on, the sample is still reported (maybe by a wider rule).
        expect(everything.detect(sample).length, sample).toBeGreaterThan(0);
      }
    });
    it(`${rule.id} stays silent on each of its negative examples`, () => {
      for (const sample of rule.examples.noMatch) {
        expect(alone.detect(sample).some((f) => f.rule === rule.id), sample).toBe(false);
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

describe('a found secret that the text holds again', () => {
  const detector = createDetector();
  const key = 'Xk29fLqp7ZmW3rTb8VnCq4Ts';

  it('is reported at every place it stands, as a value of its own', () => {
    const text = `// the vendor mailed ${key} on 2026-03-02\nconst apiSecret = "${key}";\nlog.debug("calling with ${key}")\n`;
    const spans = detector.detect(text, { file: 'a.ts' }).map((f) => text.slice(f.start, f.end));
    expect(spans).toEqual([key, key, key]);
  });

  it('is not looked for inside a longer word, nor when it is short or plain', () => {
    const inWord = `const apiSecret = "${key}";\nconst other = "x${key}y";\n`;
    expect(detector.detect(inWord, { file: 'a.ts' }).map((f) => f.line)).toEqual([1]);
    const short = 'DB_PASSWORD=postgres1\nimage: postgres1\n';
    expect(detector.detect(short, { file: 'settings.env' }).map((f) => f.line)).toEqual([1]);
  });
});
