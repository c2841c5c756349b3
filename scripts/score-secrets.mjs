#!/usr/bin/env node
// Scores the built detection engine (packages/core/dist) on the shared secrets corpus.
//
//   node scripts/score-secrets.mjs [CORPUS_DIR] [--list] [--out findings.json]
//
// CORPUS_DIR defaults to ../shared/corpus/secrets relative to the repo root. Every file
// under CORPUS_DIR/files is scanned with its path, after the known secrets of any dotenv
// files in the tree are loaded (as `takumo scan` does); the findings are written as JSON
// and the corpus's own score.mjs prints recall / FPR / precision overall and per source.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const list = args.includes('--list');
const outIndex = args.indexOf('--out');
const outPath = outIndex >= 0 ? resolve(args[outIndex + 1]) : join(mkdtempSync(join(tmpdir(), 'takumo-score-')), 'findings.json');
const corpus = resolve(args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1)) ?? join(root, '..', 'shared', 'corpus', 'secrets'));

const core = await import(join(root, 'packages', 'core', 'dist', 'index.js'));

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile()) files.push(path);
  }
  return files.sort();
}

/** Text of a file: UTF-16 when it starts with a BOM, else UTF-8; binary files are skipped. */
function readText(path) {
  const bytes = readFileSync(path);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  return bytes.toString('utf8');
}

const isDotenv = (name) => name === '.env' || name.startsWith('.env.') || name.endsWith('.env');

const files = walk(join(corpus, 'files'));
const knownSecrets = [];
for (const path of files) {
  if (!isDotenv(basename(path))) continue;
  const text = readText(path);
  if (text !== undefined) knownSecrets.push(...core.parseDotenv(text, relative(corpus, path).split(sep).join('/')));
}
const detector = core.createDetector({ knownSecrets });

const findings = [];
let bytes = 0;
const started = process.hrtime.bigint();
for (const path of files) {
  const text = readText(path);
  if (text === undefined) continue;
  bytes += text.length;
  const file = relative(corpus, path).split(sep).join('/');
  for (const f of detector.detect(text, { file })) {
    findings.push({ file, line: f.line, end_line: f.endLine, rule: f.rule, category: f.category });
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
writeFileSync(outPath, JSON.stringify(findings, null, 1));
console.log(`scanned ${files.length} files (${(bytes / 1e6).toFixed(2)} MB) in ${seconds.toFixed(2)} s; ${findings.length} findings; ${knownSecrets.length} known secrets from dotenv files`);
console.log(`findings: ${outPath}`);
const scoreArgs = [join(corpus, 'score.mjs'), outPath, ...(list ? ['--list'] : [])];
process.stdout.write(execFileSync(process.execPath, scoreArgs, { encoding: 'utf8' }));
