import { runRules } from './engine.js';
import { Flow } from './flow.js';
import { lex, type LexedCode } from './lexer.js';
import { JavaScriptFlow } from './analyzers/javascript.js';
import { PythonFlow } from './analyzers/python.js';
import { sentinelRules } from './rules/index.js';
import { findSqlBuilding } from './rules/sql-building.js';
import { findSecrets } from './secrets.js';
import { splitAnswer, type Segment } from './segments.js';
import { findLicenseIssues, type LicenseScanOptions } from './license/scan.js';
import { severityRank, type Language, type ScanAnswerOptions, type SentinelFinding } from './types.js';

/** Code segments larger than this are scanned in the first part only (answers are far smaller). */
const MAX_SEGMENT = 2_000_000;

export interface ScanContext extends ScanAnswerOptions, LicenseScanOptions {}

/** Scans one answer (markdown or a bare code file); findings are sorted by line. */
export function scan(text: string, options: ScanContext = {}): SentinelFinding[] {
  const findings: SentinelFinding[] = [];
  const segments = splitAnswer(text, options.filename, options.language);
  for (const segment of segments) {
    if (segment.kind !== 'code') continue;
    for (const f of scanSegment(segment)) findings.push(shift(f, segment.lineOffset));
    if (segment.language === 'html') {
      for (const script of scriptBlocks(segment)) for (const f of scanSegment(script)) findings.push(shift(f, script.lineOffset));
    }
  }
  findings.push(...findSecrets(text, options.filename));
  findings.push(...findLicenseIssues(text, segments, options));
  return dedupe(findings);
}

function scanSegment(segment: Segment): SentinelFinding[] {
  const body = segment.text.length > MAX_SEGMENT ? segment.text.slice(0, MAX_SEGMENT) : segment.text;
  try {
    const lexed = lex(body, segment.language);
    const flow = createFlow(lexed, segment.language);
    return [...runRules(sentinelRules, flow), ...findSqlBuilding(flow)];
  } catch {
    // A snippet the analysis cannot handle must not hide the others' findings.
    return [];
  }
}

/**
 * JavaScript/TypeScript get a scope-aware flow on a Babel parse, Python one on a tree-sitter
 * parse once `initSentinel()` has loaded the grammar; other languages the text flow.
 */
function createFlow(lexed: LexedCode, language: Language): Flow {
  if (language === 'javascript' || language === 'typescript') return JavaScriptFlow.create(lexed, language) ?? new Flow(lexed, language);
  if (language === 'python') return PythonFlow.create(lexed) ?? new Flow(lexed, language);
  return new Flow(lexed, language);
}

/** Inline <script> blocks of an HTML segment, as JavaScript segments with their own line offset. */
function scriptBlocks(segment: Segment): Segment[] {
  const out: Segment[] = [];
  const re = /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)(?:<\/script\s*>|$)/gi;
  for (let m = re.exec(segment.text); m; m = re.exec(segment.text)) {
    const bodyStart = m.index + m[0].indexOf('>') + 1;
    const before = segment.text.slice(0, bodyStart);
    let lines = 0;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) lines++;
    // Keep the body's first line aligned: pad with the columns before it.
    const column = bodyStart - (before.lastIndexOf('\n') + 1);
    out.push({ kind: 'code', language: 'javascript', text: ' '.repeat(column) + (m[1] ?? ''), lineOffset: segment.lineOffset + lines });
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function shift(f: SentinelFinding, lines: number): SentinelFinding {
  return lines === 0 ? f : { ...f, line: f.line + lines, endLine: f.endLine + lines };
}

/** One finding per category and line (the most severe), in line order. */
function dedupe(findings: SentinelFinding[]): SentinelFinding[] {
  const best = new Map<string, SentinelFinding>();
  for (const f of findings) {
    const key = `${f.category}:${f.line}`;
    const prev = best.get(key);
    if (!prev || severityRank(f.severity) > severityRank(prev.severity)) best.set(key, f);
  }
  return [...best.values()].sort((a, b) => a.line - b.line || a.column - b.column || a.category.localeCompare(b.category));
}
