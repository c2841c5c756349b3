#!/usr/bin/env node
// Scores the BUILT detector (packages/core/dist) on every labelled set under
// packages/core/src/fixtures, as written and with the sets' dotenv values loaded (as `takumo scan`
// loads a workspace's), one line per set and the pooled totals.
//
//   npm run build && node scripts/score-all.mjs [--write-floors]
//
// --write-floors  records the scores in packages/core/src/fixtures/labelled-floors.json. The core's
//                 labelled-sets test fails when a set finds fewer secrets or hits more look-alikes than
//                 recorded there, so a change that helps one set cannot quietly cost another. Write the
//                 floors after a change that moves a score, and after adding a set. Only sets git tracks
//                 are recorded: CI checks out what is committed, and a set still being written is not.
// How a set is labelled and counted: scripts/labelled-sets.mjs. Exits 0: a report.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '../packages/core/dist/index.js';
import { labelledSetFolders, scoreLabelledSet } from './labelled-sets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixturesRoot = join(root, 'packages/core/src/fixtures');
const floorsPath = join(fixturesRoot, 'labelled-floors.json');

const floors = {};
const total = { secrets: 0, found: 0, lookalikes: 0, hits: 0, dotenvFound: 0, dotenvHits: 0 };
const pct = (n, d) => `${((100 * n) / d).toFixed(2)}%`;
console.log('set                     recall            false positives    with --dotenv');
for (const name of labelledSetFolders(fixturesRoot)) {
  const folder = join(fixturesRoot, name);
  const plain = scoreLabelledSet(core, folder);
  const withDotenv = scoreLabelledSet(core, folder, { dotenv: true });
  floors[name] = { secrets: plain.secrets, lookalikes: plain.lookalikes, found: plain.found, hits: plain.hits, dotenvFound: withDotenv.found, dotenvHits: withDotenv.hits };
  for (const key of Object.keys(total)) total[key] += floors[name][key];
  const problems = plain.problems.length ? `  (${plain.problems.length} fixture problems: score-blind.mjs lists them)` : '';
  console.log(`${name.padEnd(22)}  ${`${plain.found}/${plain.secrets}`.padEnd(16)}  ${`${plain.hits}/${plain.lookalikes}`.padEnd(17)}  ${withDotenv.found}, FP ${withDotenv.hits}${problems}`);
}
console.log(`\nall sets: recall ${total.found}/${total.secrets} (${pct(total.found, total.secrets)}), false positives ${total.hits}/${total.lookalikes} (${pct(total.hits, total.lookalikes)})`);
console.log(`with --dotenv: recall ${total.dotenvFound}/${total.secrets}, false positives ${total.dotenvHits}/${total.lookalikes}`);
if (process.argv.includes('--write-floors')) {
  const tracked = new Set(execFileSync('git', ['ls-files', '--', '*/expectations.json'], { cwd: fixturesRoot, encoding: 'utf8' }).split('\n').map((path) => path.split('/')[0]));
  const untracked = Object.keys(floors).filter((name) => !tracked.has(name));
  for (const name of untracked) delete floors[name];
  writeFileSync(floorsPath, `${JSON.stringify(floors, null, 1)}\n`);
  console.log(`floors written to ${floorsPath}${untracked.length ? ` (not for ${untracked.join(', ')}: git does not track them yet)` : ''}`);
}
