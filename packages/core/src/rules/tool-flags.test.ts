import { describe, expect, it } from 'vitest';
import { detect } from '../index.js';

/** The reported values in `text`, for readable assertions. */
function values(text: string, file: string): string[] {
  return detect(text, { file }).map((f) => text.slice(f.start, f.end));
}

describe('a token given to a tool by the short flag it reads it from', () => {
  it("reports Codecov's upload token after -t and PagerDuty pd-send's integration key after -k", () => {
    const ci = [
      'bash <(curl -s https://codecov.io/bash) -t 0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a34',
      './codecov -f build/coverage.xml --token=0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a35',
      'pd-send -t trigger -k 71c4e9a2b8d35f60e1a7c4b9d2f8e3a6 -d "queue backlog"',
      '',
    ].join('\n');
    expect(values(ci, 'ci/upload.sh')).toEqual(['0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a34', '0b7e4d21-6c3f-4a95-b812-9e5d7f2c1a35', '71c4e9a2b8d35f60e1a7c4b9d2f8e3a6']);
  });

  it('leaves variables, and the same flags on another command of the line', () => {
    const ci = [
      './codecov -t "$CODECOV_TOKEN" -f coverage.xml',
      'pd-send -k ${PD_INTEGRATION_KEY} -t resolve',
      'codecov --version && docker run -t 71c4e9a2b8d35f60e1a7c4b9d2f8e3a6',
      'pd-send -t trigger -d "Qm4-Xt8Rk2-Wz7Lp"',
      '',
    ].join('\n');
    expect(values(ci, 'ci/upload.sh')).toEqual([]);
  });
});
