#!/usr/bin/env node
// Scores the BUILT detector (packages/core/dist) on a labelled fixture folder such as
// packages/core/src/fixtures/blind-2, written without sight of the rules.
//
//   flock /tmp/takumo-build.lock npm run build
//   node scripts/score-blind.mjs [FIXTURE_DIR] [--dotenv] [--unlabelled]
//
// How a set is labelled and counted: scripts/labelled-sets.mjs.
// Recall = secrets found / secrets; FPR = look-alikes hit / look-alikes.
// Labelling convention of blind-2: for a connection string or URL with credentials the secret is
// the password alone (a private host or IP in it is listed as its own secret); Azure SAS -> the sig
// value; Basic auth and docker/npm `_auth` -> the base64 credential; k8s Secret `data:` -> the base64
// value; PEM/OpenSSH/PGP keys -> the block from its BEGIN line to its END line (also inside JSON).
// --dotenv   also load the values of the folder's dotenv files as known secrets (as `takumo scan` does);
//            off by default, so the rules are measured on their own.
// --unlabelled  also list findings that touch neither a secret nor a look-alike.
// All values in the fixtures are fabricated, so printing them is fine. Always exits 0: a report, not a test.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '../packages/core/dist/index.js';
import { scoreLabelledSet } from './labelled-sets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const useDotenv = args.includes('--dotenv');
const showUnlabelled = args.includes('--unlabelled');
const folder = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'packages/core/src/fixtures/blind-2'));
if (!existsSync(join(folder, 'expectations.json'))) {
  console.log(`no expectations.json in ${folder}`);
  process.exit(0);
}
const score = scoreLabelledSet(core, folder, { dotenv: useDotenv });

const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`fixture folder: ${folder}${useDotenv ? ' (dotenv values loaded as known secrets)' : ''}`);
console.log(`files: ${score.files}  secrets: ${score.secrets}  look-alikes: ${score.lookalikes}`);
console.log(`recall: ${score.found}/${score.secrets} = ${(score.secrets ? score.found / score.secrets : 0).toFixed(3)}`);
console.log(`false-positive rate: ${score.hits}/${score.lookalikes} = ${pct(score.hits, score.lookalikes)}`);
const list = (title, rows) => {
  console.log(`\n${title} (${rows.length})`);
  for (const r of rows) console.log(`  ${r.file}:${r.line}  ${r.value}\n      -> ${r.note}`);
};
list('MISSES', score.misses);
list('FALSE POSITIVES', score.falsePositives);
if (showUnlabelled) list('UNLABELLED FINDINGS', score.unlabelled);
else console.log(`\nunlabelled findings (touching neither a secret nor a look-alike): ${score.unlabelled.length} (--unlabelled lists them)`);
if (score.problems.length) list('FIXTURE PROBLEMS', score.problems.map((p) => ({ file: p, line: '', value: '', note: '' })));
process.exit(0);
