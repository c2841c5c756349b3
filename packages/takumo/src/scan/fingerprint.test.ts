import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDetector } from '@takumo/core';
import { fingerprintFindings } from './fingerprint.js';

// A project rule keeps these tests independent of the built-in rule set.
const detector = createDetector({
  extraRules: [
    {
      id: 'test-key',
      category: 'KEY',
      description: 'test key',
      keywords: ['tk_'],
      pattern: /tk_[a-z0-9]{12}/,
      confidence: 'high',
      examples: { match: [], noMatch: [] },
    },
  ],
});
const prints = (file: string, text: string) =>
  fingerprintFindings(file, text, detector.detect(text).filter((f) => f.rule === 'test-key'));

describe('fingerprintFindings', () => {
  it('does not change when lines are inserted above or the line is re-indented', () => {
    const base = prints('a.ts', 'const k = "tk_abcdef123456";\n');
    expect(prints('a.ts', '// one\n// two\n\n    const k = "tk_abcdef123456";\n')).toEqual(base);
  });

  it('holds for any lines inserted before and after', () => {
    const line = 'token: tk_abcdef123456\n';
    const base = prints('a.yml', line);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('x: 1', '# note', '', 'y: [1, 2]'), { maxLength: 20 }), fc.array(fc.constantFrom('z: 2', ''), { maxLength: 5 }), (before, after) => {
        const text = [...before, line.trimEnd(), ...after].join('\n') + '\n';
        expect(prints('a.yml', text)).toEqual(base);
      }),
    );
  });

  it('tells apart identical lines by their occurrence, and files and rules by name', () => {
    const twice = prints('a.ts', 'k = "tk_abcdef123456"\nk = "tk_abcdef123456"\n');
    expect(new Set(twice).size).toBe(2);
    expect(prints('b.ts', 'k = "tk_abcdef123456"\n')[0]).not.toBe(twice[0]);
  });

  it('changes when the value on the line is replaced', () => {
    expect(prints('a.ts', 'k = "tk_abcdef123456"\n')).not.toEqual(prints('a.ts', 'k = "tk_zzzzzz999999"\n'));
  });

  it('is not a hash of the value', () => {
    const secret = 'tk_abcdef123456';
    const [fp] = prints('a.ts', `k = "${secret}"\n`);
    for (const algo of ['sha256', 'sha1', 'md5']) {
      const h = createHash(algo).update(secret).digest('hex');
      expect(h.startsWith(fp!.slice(0, 8))).toBe(false);
    }
    expect(fp).toMatch(/^[0-9a-f]{18}$/);
  });
});
