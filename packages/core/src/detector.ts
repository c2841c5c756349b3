import { shannonEntropy } from './entropy.js';
import { LineIndex } from './line-index.js';
import { builtinRules } from './rules/index.js';
import type { Category, Confidence, DetectOptions, DetectorConfig, Finding, KnownSecret, Rule } from './types.js';

/** Comments that suppress findings on their own line (takumo's own, and peers' so teams can switch). */
const INLINE_ALLOW = /takumo:allow|gitleaks:allow|pragma: allowlist secret/;

interface CompiledRule {
  rule: Rule;
  regex: RegExp;
}

interface Candidate {
  rule: string;
  category: Category;
  confidence: Confidence;
  start: number;
  end: number;
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };

export interface Detector {
  readonly rules: readonly Rule[];
  detect(text: string, options?: DetectOptions): Finding[];
}

/** Compiles the built-in rules plus the config's extras once; `detect` is then pure. */
export function createDetector(config: DetectorConfig = {}): Detector {
  const disabled = new Set(config.allowlist?.disabledRules ?? []);
  const rules = [...builtinRules, ...(config.extraRules ?? [])].filter((r) => !disabled.has(r.id));
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    regex: new RegExp(rule.pattern.source, withFlags(rule.pattern.flags, 'g')),
  }));
  const allowPatterns = (config.allowlist?.patterns ?? []).map((p) => new RegExp(p));
  const allowValues = new Set(config.allowlist?.values ?? []);
  const known = (config.knownSecrets ?? []).filter((k) => k.value.length > 0);

  function isAllowed(secret: string): boolean {
    if (allowValues.has(secret)) return true;
    return allowPatterns.some((p) => p.test(secret));
  }

  return {
    rules,
    detect(text: string, options: DetectOptions = {}): Finding[] {
      const lines = new LineIndex(text);
      const lower = text.toLowerCase();
      const candidates: Candidate[] = [];
      for (const { rule, regex } of compiled) {
        if (rule.paths && !(options.file && rule.paths.test(options.file))) continue;
        if (rule.keywords.length > 0 && !rule.keywords.some((k) => lower.includes(k))) continue;
        regex.lastIndex = 0;
        for (let m = regex.exec(text); m !== null; m = regex.exec(text)) {
          if (m[0].length === 0) {
            regex.lastIndex++;
            continue;
          }
          const span = secretSpan(m, rule.secretGroup);
          if (!span) continue;
          const secret = text.slice(span.start, span.end);
          if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) continue;
          if (rule.validate) {
            const line = lines.lineText(lines.lineOf(span.start));
            if (!rule.validate(secret, { file: options.file, line })) continue;
          }
          if (isAllowed(secret)) continue;
          candidates.push({ rule: rule.id, category: rule.category, confidence: rule.confidence, ...span });
        }
      }
      for (const k of known) addKnownSecret(text, k, candidates);
      return resolveOverlaps(candidates)
        .filter((c) => !isSuppressedInline(lines, c))
        .map((c) => toFinding(c, lines, options.file));
    },
  };
}

function withFlags(flags: string, extra: string): string {
  return flags.includes(extra) ? flags : flags + extra;
}

function secretSpan(m: RegExpExecArray, group: number | string | undefined): { start: number; end: number } | undefined {
  if (group === undefined) return { start: m.index, end: m.index + m[0].length };
  const value = typeof group === 'number' ? m[group] : m.groups?.[group];
  if (value === undefined || value.length === 0) return undefined;
  // `d` (indices) would be exact, but it slows every match; the group is found inside the match.
  const offset = m[0].lastIndexOf(value);
  if (offset < 0) return undefined;
  return { start: m.index + offset, end: m.index + offset + value.length };
}

function addKnownSecret(text: string, known: KnownSecret, out: Candidate[]): void {
  for (let i = text.indexOf(known.value); i !== -1; i = text.indexOf(known.value, i + known.value.length)) {
    out.push({
      rule: 'known-secret',
      category: known.category ?? 'ENV',
      confidence: 'high',
      start: i,
      end: i + known.value.length,
    });
  }
}

/**
 * Keeps one finding per overlapping group: the widest span wins (a connection string over
 * the password inside it), then the higher confidence.
 */
export function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence],
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end > last.end) {
        // Partial overlap: widen the kept span so the replacement covers both secrets.
        last.end = c.end;
      }
      continue;
    }
    kept.push({ ...c });
  }
  return kept;
}

function isSuppressedInline(lines: LineIndex, c: Candidate): boolean {
  const first = lines.lineOf(c.start);
  return INLINE_ALLOW.test(lines.lineText(first));
}

function toFinding(c: Candidate, lines: LineIndex, file: string | undefined): Finding {
  const start = lines.position(c.start);
  const end = lines.position(Math.max(c.start, c.end - 1));
  const finding: Finding = {
    rule: c.rule,
    category: c.category,
    confidence: c.confidence,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    start: c.start,
    end: c.end,
  };
  if (file !== undefined) finding.file = file;
  return finding;
}

let defaultDetector: Detector | undefined;

/** Detects secrets with the built-in rules. */
export function detect(text: string, options?: DetectOptions): Finding[] {
  defaultDetector ??= createDetector();
  return defaultDetector.detect(text, options);
}
