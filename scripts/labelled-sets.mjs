// Scoring of the labelled fixture sets (packages/core/src/fixtures/*/expectations.json), shared by
// scripts/score-blind.mjs (one set, with its misses listed), scripts/score-all.mjs (every set, and the
// floors file) and the core's labelled-sets test (every set against its floors, in CI).
//
// expectations.json maps each relative file path to
//   { "secrets": [ "<value>" | { "from": "<BEGIN line>", "to": "<END line>" } ], "lookalikes": [ the same ] }
// (a look-alike block: a certificate, a public key, an Ansible Vault blob).
// A secret is found when, for every place it occurs in its file, one finding's span covers it
// (a `from`/`to` block runs from the start of `from` to the end of the next `to`).
// A look-alike is a false positive when any finding overlaps any place it occurs.
//
// The core is passed in (`{ createDetector, parseDotenv }`), so the scripts score the built
// detector and the test scores the TypeScript sources with the same rules of counting.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** The folders under `fixturesRoot` that hold an expectations.json, by name. */
export function labelledSetFolders(fixturesRoot) {
  return readdirSync(fixturesRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(fixturesRoot, entry.name, 'expectations.json')))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/**
 * Where a listed file lives on disk. Git cannot track a folder named `.git`, so a fixture for a
 * repository's own config lives under `dot-git/` and is scanned under its real name.
 */
const onDisk = (folder, file) => join(folder, file.replace(/(^|\/)\.git\//, '$1dot-git/'));

const isDotenv = (name) => name === '.env' || name.startsWith('.env.') || name.endsWith('.env');

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

/** A label as one short line (fixture values are fabricated, so showing them is fine). */
export function showLabel(value) {
  const s = typeof value === 'string' ? value : `${value.from} … ${value.to}`;
  const one = s.replace(/\n/g, '\\n');
  return one.length > 90 ? `${one.slice(0, 87)}...` : one;
}

const describeFinding = (f) => `${f.rule} (${f.category})`;

/**
 * Scores one labelled set. With `dotenv`, the values of the set's dotenv files are loaded as known
 * secrets first, as `takumo scan` does for a workspace.
 */
export function scoreLabelledSet(core, folder, { dotenv = false } = {}) {
  const expectations = JSON.parse(readFileSync(join(folder, 'expectations.json'), 'utf8'));
  const knownSecrets = [];
  if (dotenv) {
    for (const file of Object.keys(expectations)) {
      const path = onDisk(folder, file);
      if (isDotenv(basename(file)) && existsSync(path)) knownSecrets.push(...core.parseDotenv(readFileSync(path, 'utf8'), file));
    }
  }
  const detector = core.createDetector({ knownSecrets });
  const score = { files: Object.keys(expectations).length, secrets: 0, found: 0, lookalikes: 0, hits: 0, misses: [], falsePositives: [], unlabelled: [], problems: [] };

  for (const [file, expected] of Object.entries(expectations)) {
    const path = onDisk(folder, file);
    if (!existsSync(path)) {
      score.problems.push(`${file}: listed in expectations.json but missing`);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const findings = detector.detect(text, { file });
    const labelled = new Set();
    for (const secret of expected.secrets ?? []) {
      score.secrets += 1;
      const spans = typeof secret === 'string' ? occurrences(text, secret) : blockOccurrences(text, secret);
      if (spans.length === 0) {
        score.problems.push(`${file}: secret not present in the file: ${showLabel(secret)}`);
        continue;
      }
      let uncovered;
      for (const [a, b] of spans) {
        const overlapping = findings.filter((f) => f.start < b && f.end > a);
        overlapping.forEach((f) => labelled.add(f));
        if (!overlapping.some((f) => f.start <= a && f.end >= b) && uncovered === undefined) uncovered = { a, overlapping };
      }
      if (uncovered === undefined) {
        score.found += 1;
        continue;
      }
      const partial = uncovered.overlapping.map((f) => `${describeFinding(f)} covers only [${text.slice(f.start, f.end).slice(0, 40).replace(/\n/g, '\\n')}]`);
      score.misses.push({ file, line: lineOf(text, uncovered.a), value: showLabel(secret), note: partial.length ? partial.join('; ') : 'no finding' });
    }
    for (const look of expected.lookalikes ?? []) {
      score.lookalikes += 1;
      const spans = typeof look === 'string' ? occurrences(text, look) : blockOccurrences(text, look);
      if (spans.length === 0) {
        score.problems.push(`${file}: look-alike not present in the file: ${showLabel(look)}`);
        continue;
      }
      const overlapping = findings.filter((f) => spans.some(([a, b]) => f.start < b && f.end > a));
      overlapping.forEach((f) => labelled.add(f));
      if (overlapping.length > 0) {
        score.hits += 1;
        score.falsePositives.push({ file, line: overlapping[0].line, value: showLabel(look), note: overlapping.map(describeFinding).join(', ') });
      }
    }
    for (const f of findings) {
      if (!labelled.has(f)) score.unlabelled.push({ file, line: f.line, value: showLabel(text.slice(f.start, f.end)), note: describeFinding(f) });
    }
  }
  return score;
}
