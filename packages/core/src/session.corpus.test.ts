import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createDetector } from './detector.js';
import { createSession } from './session.js';

/**
 * The shared labelled corpus sits beside the repository (`../shared/corpus/secrets`), both
 * on developer machines and in CI. Every file must round-trip exactly, and every secret
 * that detection finds on a labelled secret line must be gone from the tokenized text.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const corpus = resolve(repoRoot, '../shared/corpus/secrets');
const present = existsSync(join(corpus, 'labels.jsonl'));

interface Label {
  file: string;
  line: number;
  end_line?: number;
  label: 'secret' | 'not_secret';
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe.skipIf(!present)(`secrets corpus (${present ? corpus : 'absent: ../shared/corpus/secrets not found beside the repository'})`, () => {
  const files = present ? walk(join(corpus, 'files')).map((p) => relative(corpus, p)) : [];
  const labels: Label[] = present
    ? readFileSync(join(corpus, 'labels.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Label)
    : [];
  const detector = createDetector();

  it('round-trips every file exactly through one session', () => {
    const session = createSession({ detector });
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(corpus, file), 'utf8');
      if (session.rehydrate(session.tokenize(text, file).text) !== text) broken.push(file);
    }
    expect(files.length).toBeGreaterThan(500);
    expect(broken).toEqual([]);
  });

  it('leaves no found secret of a labelled secret line in the tokenized text', () => {
    const session = createSession({ detector });
    const bySecretLine = new Map<string, Label[]>();
    for (const l of labels) if (l.label === 'secret') bySecretLine.set(l.file, [...(bySecretLine.get(l.file) ?? []), l]);
    const leaks: string[] = [];
    let checked = 0;
    for (const [file, fileLabels] of bySecretLine) {
      const text = readFileSync(join(corpus, file), 'utf8');
      const { text: out, findings } = session.tokenize(text, file);
      for (const f of findings) {
        const onLabel = fileLabels.some((l) => f.line <= (l.end_line ?? l.line) && f.endLine >= l.line);
        if (!onLabel) continue;
        checked++;
        // Report where, never what.
        if (out.includes(text.slice(f.start, f.end))) leaks.push(`${file}:${f.line} (${f.rule})`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });
});
