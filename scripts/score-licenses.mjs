#!/usr/bin/env node
// Scores Sentinel's licence detection on the shared licence corpus: for every labelled file,
// is it classified right as copyleft or not, and is the declared SPDX id right?
// Usage: node scripts/score-licenses.mjs [CORPUS_DIR] [--json] [--verbose]
// (build first: npm run build; CORPUS_DIR defaults to ../shared/corpus/licenses)
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const corpus = resolve(args.find((a) => !a.startsWith('--')) ?? join(here, '../../shared/corpus/licenses'));
const { detectLicense } = await import(join(here, '../packages/sentinel/dist/index.js'));

const labels = readFileSync(join(corpus, 'labels.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const norm = (s) => (s == null ? null : String(s).replace(/\s+/g, ' ').trim().toLowerCase());
let copyleftRight = 0;
let idRight = 0;
const byKind = {};
const wrong = [];
for (const label of labels) {
  const text = readFileSync(join(corpus, label.file), 'utf8');
  const got = detectLicense(text, { filename: label.file });
  const okCopyleft = got.copyleft === label.copyleft;
  const okId = norm(got.spdx) === norm(label.spdx);
  copyleftRight += okCopyleft ? 1 : 0;
  idRight += okId ? 1 : 0;
  const k = (byKind[label.kind] ??= { files: 0, copyleft: 0, id: 0 });
  k.files++;
  k.copyleft += okCopyleft ? 1 : 0;
  k.id += okId ? 1 : 0;
  if (!okCopyleft || !okId) wrong.push({ file: label.file, expected: label.spdx, got: got.spdx, copyleft: [label.copyleft, got.copyleft] });
}
const pct = (a, b) => ((100 * a) / b).toFixed(1) + '%';
const result = {
  files: labels.length,
  copyleftAccuracy: copyleftRight / labels.length,
  spdxAccuracy: idRight / labels.length,
  byKind,
  wrong,
};
if (args.includes('--json')) {
  console.log(JSON.stringify(result, null, 2));
} else {
  console.log(`licence corpus: ${labels.length} files`);
  console.log(`  copyleft classification right: ${copyleftRight}/${labels.length} (${pct(copyleftRight, labels.length)}, target >= 95%)`);
  console.log(`  SPDX id right:                  ${idRight}/${labels.length} (${pct(idRight, labels.length)}, target >= 90%)`);
  for (const [kind, k] of Object.entries(byKind)) console.log(`  ${kind.padEnd(16)} ${k.files} files, copyleft ${pct(k.copyleft, k.files)}, id ${pct(k.id, k.files)}`);
  if (args.includes('--verbose')) for (const w of wrong) console.log(`  wrong: ${w.file}: expected ${w.expected}, got ${w.got}`);
}
process.exitCode = copyleftRight / labels.length >= 0.95 && idRight / labels.length >= 0.9 ? 0 : 1;
