import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { lex } from '../lexer.js';
import { languageFromFilename, normaliseLanguage } from '../language.js';
import type { Language } from '../types.js';

/**
 * Snippet matching against known (copyleft) code: winnowing (Schleimer, Wilkerson, Aiken
 * 2003) over normalised tokens. Comments and whitespace are dropped, string and number
 * literals become placeholders, identifiers are kept (lower-cased), so a reformatted or
 * re-commented copy still matches while unrelated code sharing idioms does not. Any stretch
 * of at least WINDOW + K - 1 tokens shared with an indexed file is guaranteed to share a
 * fingerprint.
 */
export const K = 20;
export const WINDOW = 16;
/** Shared fingerprints and tokens needed before an answer counts as reproducing a file. */
const MIN_SHARED = 3;
const MIN_SPAN_TOKENS = 50;

export interface IndexedFile {
  path: string;
  license: string;
  tokens: number;
}

export interface FingerprintIndex {
  version: 1;
  files: IndexedFile[];
  /** Fingerprint (hex) → [file number, line in that file]. */
  fingerprints: Record<string, Array<[number, number]>>;
}

export interface SnippetMatch {
  file: string;
  license: string;
  /** 1-based lines in the scanned text. */
  line: number;
  endLine: number;
  /** Lines of the indexed file that were reproduced. */
  sourceLine: number;
  sourceEndLine: number;
  tokens: number;
}

interface Token {
  text: string;
  line: number;
}

export function createFingerprintIndex(): FingerprintIndex {
  return { version: 1, files: [], fingerprints: Object.create(null) as Record<string, Array<[number, number]>> };
}

/** Normalised tokens of code (comments gone, literals as placeholders), with 1-based lines. */
export function tokenize(code: string, language: Language): Token[] {
  const { masked } = lex(code, language);
  const tokens: Token[] = [];
  const re = /[A-Za-z_$][\w$]*|\d[\w.]*|["'`]+|[^\s\w"'`]/g;
  let line = 1;
  let last = 0;
  for (let m = re.exec(masked); m; m = re.exec(masked)) {
    for (let i = masked.indexOf('\n', last); i >= 0 && i < m.index; i = masked.indexOf('\n', i + 1)) line++;
    last = m.index;
    const t = m[0];
    const text = /^\d/.test(t) ? 'N' : /^["'`]/.test(t) ? 'S' : t.toLowerCase();
    tokens.push({ text, line });
  }
  return tokens;
}

/** FNV-1a (32 bit) of a k-gram. */
function hash(tokens: Token[], start: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < start + K; i++) {
    const t = tokens[i]!.text;
    for (let j = 0; j < t.length; j++) {
      h ^= t.charCodeAt(j);
      h = Math.imul(h, 0x01000193);
    }
    h ^= 0x20;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Winnowed fingerprints: the minimum hash of every window of WINDOW k-grams (rightmost on ties). */
export function winnow(tokens: Token[]): Array<{ hash: number; at: number }> {
  const hashes: number[] = [];
  for (let i = 0; i + K <= tokens.length; i++) hashes.push(hash(tokens, i));
  const picked: Array<{ hash: number; at: number }> = [];
  if (hashes.length === 0) return picked;
  let lastAt = -1;
  const windows = Math.max(1, hashes.length - WINDOW + 1);
  for (let w = 0; w < windows; w++) {
    let minAt = w;
    for (let i = w; i < Math.min(hashes.length, w + WINDOW); i++) if (hashes[i]! <= hashes[minAt]!) minAt = i;
    if (minAt !== lastAt) {
      picked.push({ hash: hashes[minAt]!, at: minAt });
      lastAt = minAt;
    }
  }
  return picked;
}

/** Adds one file's fingerprints to the index (a file already indexed is replaced). */
export function addToIndex(index: FingerprintIndex, path: string, code: string, license: string, language?: string): number {
  const lang: Language = normaliseLanguage(language) ?? languageFromFilename(path) ?? 'c';
  const existing = index.files.findIndex((f) => f.path === path);
  const tokens = tokenize(code, lang);
  const fileNo = existing >= 0 ? existing : index.files.length;
  if (existing >= 0) {
    for (const [key, list] of Object.entries(index.fingerprints)) {
      const kept = list.filter(([f]) => f !== fileNo);
      if (kept.length) index.fingerprints[key] = kept;
      else delete index.fingerprints[key];
    }
    index.files[fileNo] = { path, license, tokens: tokens.length };
  } else index.files.push({ path, license, tokens: tokens.length });
  const prints = winnow(tokens);
  for (const p of prints) {
    const key = p.hash.toString(16);
    (index.fingerprints[key] ??= []).push([fileNo, tokens[p.at]!.line]);
  }
  return prints.length;
}

/** Indexed files that the code reproduces for a long enough stretch. */
export function matchIndex(index: FingerprintIndex, code: string, language: Language): SnippetMatch[] {
  const tokens = tokenize(code, language);
  const byFile = new Map<number, Array<{ at: number; sourceLine: number }>>();
  for (const p of winnow(tokens)) {
    const hits = index.fingerprints[p.hash.toString(16)];
    if (!hits) continue;
    for (const [file, sourceLine] of hits) {
      const list = byFile.get(file) ?? [];
      list.push({ at: p.at, sourceLine });
      byFile.set(file, list);
    }
  }
  const matches: SnippetMatch[] = [];
  for (const [fileNo, hits] of byFile) {
    if (hits.length < MIN_SHARED) continue;
    const first = Math.min(...hits.map((h) => h.at));
    const last = Math.max(...hits.map((h) => h.at)) + K - 1;
    if (last - first + 1 < MIN_SPAN_TOKENS) continue;
    const file = index.files[fileNo];
    if (!file) continue;
    matches.push({
      file: file.path,
      license: file.license,
      line: tokens[first]!.line,
      endLine: tokens[Math.min(last, tokens.length - 1)]!.line,
      sourceLine: Math.min(...hits.map((h) => h.sourceLine)),
      sourceEndLine: Math.max(...hits.map((h) => h.sourceLine)),
      tokens: last - first + 1,
    });
  }
  return matches.sort((a, b) => b.tokens - a.tokens);
}

/** Reads an index file; a missing file is an empty index, a damaged one an error. */
export function loadFingerprintIndex(path: string): FingerprintIndex {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return createFingerprintIndex();
    throw error;
  }
  const data = JSON.parse(text) as FingerprintIndex;
  if (data?.version !== 1 || !Array.isArray(data.files) || typeof data.fingerprints !== 'object') {
    throw new Error('not a Sentinel fingerprint index (version 1)');
  }
  return data;
}

/** Writes the index atomically (temp file + rename), creating its folder. */
export function saveFingerprintIndex(path: string, index: FingerprintIndex): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(index));
  renameSync(tmp, path);
}
