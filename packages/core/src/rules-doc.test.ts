import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinRules, renderRulesMarkdown } from './index.js';

describe('docs/rules.md', () => {
  it('is generated from the current rule definitions (run scripts/gen-rules-doc.mjs after changing rules)', () => {
    const onDisk = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderRulesMarkdown(builtinRules));
  });

  it('lists every rule once with its category and keywords', () => {
    const markdown = renderRulesMarkdown(builtinRules);
    for (const rule of builtinRules) expect(markdown).toContain(`| \`${rule.id}\` | ${rule.category} |`);
    expect(new Set(builtinRules.map((r) => r.id)).size).toBe(builtinRules.length);
  });
});
