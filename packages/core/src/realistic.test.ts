import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDetector } from './detector.js';
import { createSession } from './session.js';
import type { Finding } from './types.js';

/**
 * A hand-written set of realistic files, one or more per file type developers keep
 * secrets in, each with the secrets it holds and the look-alikes (checksums, SHAs, ids,
 * placeholders, environment lookups, public URLs, public keys) it must leave alone.
 * `expectations.json` lists, per file, the exact values; a PEM block is given by its
 * BEGIN and END lines. Failures name the file and the value, which is fine here: every
 * value in the fixtures is made up.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'realistic');

type Expected = string | { from: string; to: string };
interface FileExpectations {
  secrets: Expected[];
  lookalikes: string[];
}

const expectations = JSON.parse(readFileSync(join(root, 'expectations.json'), 'utf8')) as Record<string, FileExpectations>;

interface Occurrence {
  value: string;
  start: number;
  end: number;
}

/** Every occurrence of an expected value in the text (a PEM block: from its BEGIN line to its END line). */
function occurrences(text: string, expected: Expected): Occurrence[] {
  const found: Occurrence[] = [];
  if (typeof expected === 'string') {
    for (let at = text.indexOf(expected); at !== -1; at = text.indexOf(expected, at + 1)) {
      found.push({ value: expected, start: at, end: at + expected.length });
    }
  } else {
    const start = text.indexOf(expected.from);
    const endAt = start === -1 ? -1 : text.indexOf(expected.to, start);
    if (endAt !== -1) found.push({ value: text.slice(start, endAt + expected.to.length), start, end: endAt + expected.to.length });
  }
  return found;
}

function label(expected: Expected): string {
  return typeof expected === 'string' ? expected : expected.from;
}

/** The body of a secret that must not survive tokenization (for a PEM block: its base64 lines). */
function leakProbes(value: string): string[] {
  if (!value.startsWith('-----BEGIN')) return [value];
  return value
    .split(/\\n|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 16 && !line.startsWith('-----'));
}

const files = Object.keys(expectations).sort();
const detector = createDetector();

/**
 * Git cannot track a folder named `.git`, so a fixture for a repository's own config lives
 * under `dot-git/` on disk and is scanned under its real name.
 */
function read(file: string): string {
  return readFileSync(join(root, file.replace(/(^|\/)\.git\//, '$1dot-git/')), 'utf8');
}

describe('realistic files: detection', () => {
  it('has expectations for many file types, and every listed value occurs in its file', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
    const absent: string[] = [];
    for (const file of files) {
      const text = read(file);
      const { secrets, lookalikes } = expectations[file]!;
      for (const e of [...secrets, ...lookalikes]) if (occurrences(text, e).length === 0) absent.push(`${file}: ${label(e)}`);
    }
    expect(absent).toEqual([]);
  });

  it.each(files)('%s: every secret is covered by a finding and no look-alike is touched', (file) => {
    const text = read(file);
    const findings: Finding[] = detector.detect(text, { file });
    const { secrets, lookalikes } = expectations[file]!;
    const missed: string[] = [];
    for (const e of secrets) {
      for (const o of occurrences(text, e)) {
        if (!findings.some((f) => f.start <= o.start && f.end >= o.end)) missed.push(label(e));
      }
    }
    const falsePositives: string[] = [];
    for (const e of lookalikes) {
      for (const o of occurrences(text, e)) {
        const hit = findings.find((f) => f.start < o.end && f.end > o.start);
        if (hit) falsePositives.push(`${e} (${hit.rule}: ${text.slice(hit.start, hit.end)})`);
      }
    }
    expect({ missed, falsePositives }).toEqual({ missed: [], falsePositives: [] });
  });
});

describe('realistic files: tokenization', () => {
  it.each(files)('%s: tokenize() removes every secret, keeps every look-alike and round-trips', (file) => {
    const session = createSession({ detector });
    const text = read(file);
    const out = session.tokenize(text, file).text;
    const { secrets, lookalikes } = expectations[file]!;
    const leaked = secrets.flatMap((e) => occurrences(text, e).flatMap((o) => leakProbes(o.value))).filter((probe) => out.includes(probe));
    const mangled = lookalikes.filter((value) => !out.includes(value));
    expect({ leaked, mangled }).toEqual({ leaked: [], mangled: [] });
    expect(session.rehydrate(out)).toBe(text);
    session.destroy();
  });
});
