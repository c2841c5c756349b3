#!/usr/bin/env node
// Writes docs/rules.md from the built rule definitions (packages/core/dist).
//   node scripts/gen-rules-doc.mjs          # write
//   node scripts/gen-rules-doc.mjs --check  # exit 1 when docs/rules.md is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { builtinRules, renderRulesMarkdown } = await import(join(root, 'packages', 'core', 'dist', 'index.js'));
const target = join(root, 'docs', 'rules.md');
const markdown = renderRulesMarkdown(builtinRules);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== markdown) {
    console.error('docs/rules.md is out of date: run `npm run build && node scripts/gen-rules-doc.mjs`.');
    process.exit(1);
  }
  console.log('docs/rules.md is up to date.');
} else {
  writeFileSync(target, markdown);
  console.log(`wrote docs/rules.md (${builtinRules.length} rules)`);
}
