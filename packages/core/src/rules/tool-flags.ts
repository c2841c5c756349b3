import { isPlausibleSecret } from '../secret-value.js';
import { forEachMatchAt } from '../sticky.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * A token passed to a tool by a short flag that only that tool gives that meaning: Codecov's
 * uploaders take their upload token by `-t` (`./codecov -t …`, `bash <(curl -s https://codecov.io/bash) -t …`,
 * `codecovcli upload-process -t …`), PagerDuty's agent `pd-send` its integration key by `-k`.
 * Elsewhere `-t` and `-k` are a tag, a type, a timeout or curl's "insecure", so the flag is read
 * only on the tool's own command line (up to a pipe, a `;` or `&&`).
 */
const TOOL_TOKEN_FLAG =
  /(?:codecov[^\r\n|;&]{0,300}?(?<![\w-])(?:-t|--token)|pd-send[^\r\n|;&]{0,300}?(?<![\w-])(?:-k|--service-key|--routing-key))(?:=|[ \t]{1,4})(?:"(?<dq>[^"\r\n]{8,200})"|'(?<sq>[^'\r\n]{8,200})'|(?<v>[^\s"'`;|&]{8,200}))/iy;

function findToolTokenFlags(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchAt(TOOL_TOKEN_FLAG, text, offsets, (m) => {
    const g = m.groups!;
    const value = g['dq'] ?? g['sq'] ?? g['v']!;
    if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) return;
    const start = m.index + m[0].length - value.length - (g['v'] === undefined ? 1 : 0);
    spans.push({ start, end: start + value.length });
  });
  return spans;
}

export const toolFlagRules: Rule[] = [
  {
    id: 'tool-token-flag',
    category: 'KEY',
    description: "A token given to a tool by the short flag it reads it from: Codecov's uploaders' `-t` (`./codecov -t …`), PagerDuty's `pd-send -k …`",
    keywords: ['codecov', 'pd-send'],
    pattern: TOOL_TOKEN_FLAG,
    find: findToolTokenFlags,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['bash <(curl -s https://codecov.io/bash) -t 5d1c7e2a-93b4-4f6e-8a20-c17f9b3d4e68', './codecov -f coverage.xml -t "5d1c7e2a-93b4-4f6e-8a20-c17f9b3d4e69"', 'pd-send -k 2f8e6c1a9d4b7e3f5a0c8d2b6e4f1a9c -t trigger -d "disk full on db01"'],
      noMatch: ['./codecov -t ${CODECOV_TOKEN} -f coverage.xml', 'pd-send -k $PD_SERVICE_KEY -t trigger', 'codecov --required && docker run -t 2f8e6c1a9d4b7e3f5a0c8d2b6e4f1a9c', 'pd-send -t trigger -k "$KEY" -d "Rv8-Quill-n4xLp"'],
    },
  },
];
