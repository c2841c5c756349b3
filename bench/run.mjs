#!/usr/bin/env node
// Runs every benchmark in this folder (bench/*.bench.mjs) one after another and prints
// their reports. Each benchmark measures Takumo against a baseline run in the same
// process or command, so the figures are ratios that survive a slower machine.
// Usage: npm run bench [-- NAME...]   (NAME: scan, session, proxy, sentinel, cloud)
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.mjs', '')))
  .sort();
if (files.length === 0) {
  console.error('no benchmarks found');
  process.exit(2);
}
let failed = 0;
for (const f of files) {
  console.log(`\n=== ${f.replace('.bench.mjs', '')} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', join(here, f)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
