#!/usr/bin/env node
// Scores the BUILT detector (packages/core/dist) on a labelled fixture folder such as
// packages/core/src/fixtures/blind-2, written without sight of the rules.
//
//   flock /tmp/takumo-build.lock npm run build
//   node scripts/score-blind.mjs [FIXTURE_DIR] [--dotenv] [--unlabelled]
//
// FIXTURE_DIR/expectations.json maps each relative file path to
//   { "secrets": [ "<value>" | { "from": "<BEGIN line>", "to": "<END line>" } ], "lookalikes": [ "<value>" ] }
// A secret is found when, for every place it occurs in its file, one finding's span covers it
// (a `from`/`to` block runs from the start of `from` to the end of the next `to`).
// A look-alike is a false positive when any finding overlaps any place it occurs.
// Recall = secrets found / secrets; FPR = look-alikes hit / look-alikes.
// Labelling convention of blind-2: for a connection string or URL with credentials the secret is
// the password alone (a private host or IP in it is listed as its own secret); Azure SAS -> the sig
// value; Basic auth and docker/npm `_auth` -> the base64 credential; k8s Secret `data:` -> the base64
// value; PEM/OpenSSH/PGP keys -> the block from its BEGIN line to its END line (also inside JSON).
// --dotenv   also load the values of the folder's dotenv files as known secrets (as `takumo scan` does);
//            off by default, so the rules are measured on their own.
// --unlabelled  also list findings that touch neither a secret nor a look-alike.
// All values in the fixtures are fabricated, so printing them is fine. Always exits 0: a report, not a test.
import { readFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDetector, parseDotenv } from '../packages/core/dist/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const useDotenv = args.includes('--dotenv');
const showUnlabelled = args.includes('--unlabelled');
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'packages/core/src/fixtures/blind-2'));
const expectationsPath = join(folder, 'expectations.json');
if (!existsSync(expectationsPath)) {
  console.log(`no expectations.json in ${folder}`);
  process.exit(0);
}
const expectations = JSON.parse(readFileSync(expectationsPath, 'utf8'));

const isDotenv = (name) => name === '.env' || name.startsWith('.env.') || name.endsWith('.env');
const knownSecrets = [];
if (useDotenv) {
  for (const file of Object.keys(expectations)) {
    if (isDotenv(basename(file))) knownSecrets.push(...parseDotenv(readFileSync(join(folder, file), 'utf8'), file));
  }
}
const detector = createDetector({ knownSecrets });

/** Every [start, end) where a plain value occurs. */
function occurrences(text, value) {
  const spans = [];
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) spans.push([i, i + value.length]);
  return spans;
}
/** Every [start, end) of a block from `from` to the next `to`. */
function blockOccurrences(text, { from, to }) {
  const spans = [];
  for (let i = text.indexOf(from); i >= 0; ) {
    const j = text.indexOf(to, i + from.length);
    if (j < 0) break;
    spans.push([i, j + to.length]);
    i = text.indexOf(from, j + to.length);
  }
  return spans;
}
const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;
const show = (value) => {
  const s = typeof value === 'string' ? value : `${value.from} … ${value.to}`;
  const one = s.replace(/\n/g, '\\n');
  return one.length > 90 ? `${one.slice(0, 87)}...` : one;
};
const describe = (f) => `${f.rule} (${f.category})`;

let secrets = 0;
let found = 0;
let lookalikes = 0;
let hit = 0;
const misses = [];
const falsePositives = [];
const unlabelled = [];
const problems = [];

for (const [file, expected] of Object.entries(expectations)) {
  const path = join(folder, file);
  if (!existsSync(path)) {
    problems.push(`${file}: listed in expectations.json but missing`);
    continue;
  }
  const text = readFileSync(path, 'utf8');
  const findings = detector.detect(text, { file });
  const labelled = new Set();
  for (const secret of expected.secrets ?? []) {
    secrets += 1;
    const spans = typeof secret === 'string' ? occurrences(text, secret) : blockOccurrences(text, secret);
    if (spans.length === 0) {
      problems.push(`${file}: secret not present in the file: ${show(secret)}`);
      continue;
    }
    let uncovered;
    for (const [a, b] of spans) {
      const overlapping = findings.filter((f) => f.start < b && f.end > a);
      overlapping.forEach((f) => labelled.add(f));
      if (!overlapping.some((f) => f.start <= a && f.end >= b) && uncovered === undefined) uncovered = { a, b, overlapping };
    }
    if (uncovered === undefined) found += 1;
    else {
      const partial = uncovered.overlapping.map((f) => `${describe(f)} covers only [${text.slice(f.start, f.end).slice(0, 40).replace(/\n/g, '\\n')}]`);
      misses.push({ file, line: lineOf(text, uncovered.a), value: show(secret), note: partial.length ? partial.join('; ') : 'no finding' });
    }
  }
  for (const look of expected.lookalikes ?? []) {
    lookalikes += 1;
    const spans = occurrences(text, look);
    if (spans.length === 0) {
      problems.push(`${file}: look-alike not present in the file: ${show(look)}`);
      continue;
    }
    const overlapping = findings.filter((f) => spans.some(([a, b]) => f.start < b && f.end > a));
    overlapping.forEach((f) => labelled.add(f));
    if (overlapping.length > 0) {
      hit += 1;
      falsePositives.push({ file, line: overlapping[0].line, value: show(look), note: overlapping.map(describe).join(', ') });
    }
  }
  for (const f of findings) {
    if (!labelled.has(f)) unlabelled.push({ file, line: f.line, value: show(text.slice(f.start, f.end)), note: describe(f) });
  }
}

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`fixture folder: ${folder}${useDotenv ? ' (dotenv values loaded as known secrets)' : ''}`);
console.log(`files: ${Object.keys(expectations).length}  secrets: ${secrets}  look-alikes: ${lookalikes}`);
console.log(`recall: ${found}/${secrets} = ${(secrets ? found / secrets : 0).toFixed(3)}`);
console.log(`false-positive rate: ${hit}/${lookalikes} = ${pct(hit, lookalikes)}`);
const list = (title, rows) => {
  console.log(`\n${title} (${rows.length})`);
  for (const r of rows) console.log(`  ${r.file}:${r.line}  ${r.value}\n      -> ${r.note}`);
};
list('MISSES', misses);
list('FALSE POSITIVES', falsePositives);
if (showUnlabelled) list('UNLABELLED FINDINGS', unlabelled);
else console.log(`\nunlabelled findings (touching neither a secret nor a look-alike): ${unlabelled.length} (--unlabelled lists them)`);
if (problems.length) list('FIXTURE PROBLEMS', problems.map((p) => ({ file: p, line: '', value: '', note: '' })));
process.exit(0);
