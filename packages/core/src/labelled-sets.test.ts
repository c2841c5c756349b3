import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The same counting that scripts/score-blind.mjs and scripts/score-all.mjs report with.
import { labelledSetFolders, scoreLabelledSet } from '../../../scripts/labelled-sets.mjs';
import { createDetector } from './detector.js';
import { parseDotenv } from './dotenv.js';

/**
 * Every labelled set under fixtures/ (most written blind, by engineers who had not seen the rules)
 * against the scores recorded in fixtures/labelled-floors.json: a change may find more and hit
 * fewer look-alikes, never less and more. Without this, a rule tuned for one set can quietly cost
 * another, and only a manual re-score would show it. `node scripts/score-all.mjs --write-floors`
 * records new scores after a change that improves them or adds a set.
 */
const fixturesRoot = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const floorsPath = join(fixturesRoot, 'labelled-floors.json');

interface Floor {
  secrets: number;
  lookalikes: number;
  found: number;
  hits: number;
  dotenvFound: number;
  dotenvHits: number;
}

const floors = (existsSync(floorsPath) ? JSON.parse(readFileSync(floorsPath, 'utf8')) : {}) as Record<string, Floor>;
const core = { createDetector, parseDotenv };
const sets = labelledSetFolders(fixturesRoot);

/** A score's misses and false positives, for a failure message that says what changed. */
function explain(score: ReturnType<typeof scoreLabelledSet>): string {
  const rows = [...score.misses.map((m) => `missed ${m.file}:${m.line} ${m.value}`), ...score.falsePositives.map((f) => `false positive ${f.file}:${f.line} ${f.value} (${f.note})`)];
  return rows.join('\n');
}

describe('labelled fixture sets', () => {
  it('has floors recorded for every set, and none for a set that is gone', () => {
    expect(sets.length).toBeGreaterThan(0);
    expect(Object.keys(floors).sort()).toEqual([...sets].sort());
  });

  describe.each(sets)('%s', (name) => {
    const folder = join(fixturesRoot, name);
    const floor = floors[name];

    it('finds as many secrets and hits as few look-alikes as recorded', () => {
      const score = scoreLabelledSet(core, folder);
      expect(score.problems).toEqual([]);
      expect({ secrets: score.secrets, lookalikes: score.lookalikes }).toEqual({ secrets: floor?.secrets, lookalikes: floor?.lookalikes });
      expect(score.found, explain(score)).toBeGreaterThanOrEqual(floor?.found ?? Infinity);
      expect(score.hits, explain(score)).toBeLessThanOrEqual(floor?.hits ?? -1);
    });

    it('does as well with its dotenv values loaded as known secrets', () => {
      const score = scoreLabelledSet(core, folder, { dotenv: true });
      expect(score.found, explain(score)).toBeGreaterThanOrEqual(floor?.dotenvFound ?? Infinity);
      expect(score.hits, explain(score)).toBeLessThanOrEqual(floor?.dotenvHits ?? -1);
    });
  });
});
