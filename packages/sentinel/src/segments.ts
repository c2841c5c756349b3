import { guessLanguage, languageFromFilename, normaliseLanguage } from './language.js';
import type { Language } from './types.js';

/** A piece of the answer scanned as one unit: a fenced block, the prose around it, or a whole file. */
export interface Segment {
  kind: 'code' | 'prose';
  language: Language;
  text: string;
  /** Number of answer lines before the segment's first line (to map lines back). */
  lineOffset: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;

/** True when the text looks like a markdown answer with fenced code blocks. */
export function hasFences(text: string): boolean {
  return /^ {0,3}(?:`{3,}|~{3,})/m.test(text);
}

/**
 * Splits an answer into segments. A named code file (`.py`, `.ts`, …) is one code segment;
 * markdown is split at its fences (an unclosed fence — a streamed or truncated answer —
 * runs to the end). Lines keep their numbering in the answer as given.
 */
export function splitAnswer(text: string, filename?: string, language?: string): Segment[] {
  const declared = normaliseLanguage(language) ?? languageFromFilename(filename);
  const isMarkdownFile = !!filename && /\.(?:md|markdown|mdx|txt)$/i.test(filename);
  if (declared && declared !== 'text' && !isMarkdownFile) {
    return [{ kind: 'code', language: declared, text, lineOffset: 0 }];
  }
  if (!hasFences(text)) {
    const guessed = isMarkdownFile ? 'text' : guessLanguage(text);
    return [{ kind: guessed === 'text' ? 'prose' : 'code', language: guessed, text, lineOffset: 0 }];
  }
  const lines = text.split('\n');
  const segments: Segment[] = [];
  let prose: string[] = [];
  let proseStart = 0;
  const flushProse = (nextLine: number) => {
    if (prose.length > 0) segments.push({ kind: 'prose', language: 'text', text: prose.join('\n'), lineOffset: proseStart });
    prose = [];
    proseStart = nextLine;
  };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE_OPEN.exec(lines[i] ?? '');
    if (!open) {
      prose.push(lines[i] ?? '');
      continue;
    }
    flushProse(i);
    const fence = open[1] ?? '```';
    const info = open[2] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (l.trimStart().startsWith(fence[0]!.repeat(fence.length)) && l.trim().replace(/[`~]/g, '') === '' && (l.length - l.trimStart().length) <= 3) break;
      body.push(l);
    }
    const code = body.join('\n');
    const named = normaliseLanguage(info);
    const lang = named && named !== 'text' ? named : guessLanguage(code);
    segments.push({ kind: lang === 'text' ? 'prose' : 'code', language: lang, text: code, lineOffset: i + 1 });
    i = j;
    proseStart = j + 1;
  }
  flushProse(lines.length);
  return segments;
}
