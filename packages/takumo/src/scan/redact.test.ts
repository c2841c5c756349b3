import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { redactPreview } from './redact.js';

describe('redactPreview', () => {
  it('shows the ends of a long token', () => {
    expect(redactPreview('ghp_' + 'R2d3x9Kq7Lm0Pz5Vb8Nc1Ty4Wj6Hs2Fa9GQ7mZ')).toBe('ghp_…Q7mZ');
  });
  it('shows fewer characters of shorter values and none of very short ones', () => {
    expect(redactPreview('hunter2-pass')).toBe('h…s');
    expect(redactPreview('Xk29vLq7pRz4abcd')).toBe('Xk…cd');
    expect(redactPreview('short')).toBe('…');
  });
  it('flattens line breaks so a private key preview stays on one line', () => {
    expect(redactPreview('-----BEGIN KEY-----\nMIIEabc\n-----END KEY-----')).not.toContain('\n');
  });
  it('never shows more than a quarter of the value, nor the value itself', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 120 }).filter((s) => !/\s/.test(s)), (secret) => {
        const preview = redactPreview(secret);
        const shown = Array.from(preview.replace('…', '')).length;
        expect(shown * 4).toBeLessThanOrEqual(Array.from(secret).length);
        if (secret.length > 1) expect(preview).not.toBe(secret);
      }),
    );
  });
});
