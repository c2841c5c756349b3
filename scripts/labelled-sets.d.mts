// Types for labelled-sets.mjs, which the core's labelled-sets test imports.
export interface ScoredRow {
  file: string;
  line: number | string;
  value: string;
  note: string;
}

export interface LabelledSetScore {
  files: number;
  secrets: number;
  found: number;
  lookalikes: number;
  hits: number;
  misses: ScoredRow[];
  falsePositives: ScoredRow[];
  unlabelled: ScoredRow[];
  problems: string[];
}

export interface ScoringCore {
  createDetector(config: { knownSecrets?: unknown[] }): { detect(text: string, options: { file?: string }): Array<{ start: number; end: number; line: number; rule: string; category: string }> };
  parseDotenv(text: string, sourceName: string): unknown[];
}

export function labelledSetFolders(fixturesRoot: string): string[];
export function showLabel(value: string | { from: string; to: string }): string;
export function scoreLabelledSet(core: ScoringCore, folder: string, options?: { dotenv?: boolean }): LabelledSetScore;
