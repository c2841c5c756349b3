import { allowListed, callArguments, type Flow, type Taint } from './flow.js';
import type { CheckResult, SinkRule } from './rules/rule.js';
import type { SentinelFinding, Severity } from './types.js';

const REASONS: Record<NonNullable<Taint['reason']>, string> = {
  source: 'user input',
  parameter: 'a function parameter',
  unknown: 'a non-constant value',
};

/** Compiled form of a rule (global regex made once). */
interface Compiled {
  rule: SinkRule;
  regex: RegExp;
}

const compiledCache = new WeakMap<readonly SinkRule[], Compiled[]>();

function compile(rules: readonly SinkRule[]): Compiled[] {
  let c = compiledCache.get(rules);
  if (!c) {
    c = rules.map((rule) => ({ rule, regex: new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g') }));
    compiledCache.set(rules, c);
  }
  return c;
}

/** True when `pos` lies in the masked body of a string literal (not in an interpolation). */
export function insideString(flow: Flow, pos: number): boolean {
  const { code, masked } = flow.code;
  let p = pos;
  while (p < code.length && /\s/.test(code[p]!)) p++;
  return masked[p] !== code[p];
}

/** Runs the rules that apply to the flow's language over one snippet; lines are 1-based in the snippet. */
export function runRules(rules: readonly SinkRule[], flow: Flow): SentinelFinding[] {
  const code = flow.code.code;
  const lower = code.toLowerCase();
  const findings: SentinelFinding[] = [];
  // Keyword prefilter, each keyword looked up once per snippet (rules share many).
  const seen = new Map<string, boolean>();
  const has = (k: string): boolean => {
    let v = seen.get(k);
    if (v === undefined) {
      v = lower.includes(k);
      seen.set(k, v);
    }
    return v;
  };
  for (const { rule, regex } of compile(rules)) {
    if (!rule.languages.includes(flow.language)) continue;
    if (rule.keywords.length > 0 && !rule.keywords.some(has)) continue;
    regex.lastIndex = 0;
    for (let m = regex.exec(code); m; m = regex.exec(code)) {
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const start = m.index + (m[0].length - m[0].trimStart().length);
      if (!rule.inString && insideString(flow, start)) continue;
      const result = evaluate(rule, flow, start, m.index + m[0].length, m);
      if (!result) continue;
      // A path or URL confined to an allow-list just above cannot point anywhere else.
      if ((rule.category === 'path' || rule.category === 'ssrf') && allowListed(flow, start, result.end ?? m.index + m[0].length)) continue;
      const at = result.at ?? start;
      const line = flow.lineOf(at);
      findings.push({
        category: rule.category,
        rule: rule.id,
        severity: result.severity ?? rule.severity,
        line: line + 1,
        endLine: Math.max(line, flow.lineOf(Math.max(at, (result.end ?? m.index + m[0].length) - 1))) + 1,
        column: at - flow.lineStarts[line]! + 1,
        message: result.message ?? rule.message,
        ...(rule.fix ? { fix: rule.fix } : {}),
        cwe: rule.cwe,
      });
    }
  }
  return findings;
}

interface Outcome {
  at?: number;
  end?: number;
  severity?: Severity;
  message?: string;
}

function evaluate(rule: SinkRule, flow: Flow, start: number, end: number, m: RegExpExecArray): Outcome | undefined {
  const { code, masked } = flow.code;
  if (rule.when === 'always') {
    if (rule.requires || rule.unless) {
      const stmt = code.slice(start, flow.statementEnd(end));
      if (rule.requires && !rule.requires.test(stmt)) return undefined;
      if (rule.unless?.test(stmt)) return undefined;
    }
    return {};
  }
  if (typeof rule.when === 'function') {
    const r: CheckResult = rule.when({ start, end, groups: m, flow });
    if (r === false) return undefined;
    return r === true ? {} : r;
  }
  if (rule.when === 'assign') {
    const rhsEnd = flow.statementEnd(end);
    if (rule.unless?.test(code.slice(start, rhsEnd))) return undefined;
    const t = flow.expression(end, rhsEnd);
    if (!accept(rule, t)) return undefined;
    return { end: rhsEnd, message: `${rule.message} (value built from ${REASONS[t.reason ?? 'unknown']})` };
  }
  // Call sink.
  // The call's `(` ends the match, or sits inside it when the pattern also matched arguments.
  let open = end - 1;
  while (open < masked.length && masked[open] !== '(' && open < end + 3) open++;
  if (masked[open] !== '(') open = masked.lastIndexOf('(', end - 1);
  if (open < start || masked[open] !== '(') return undefined;
  const call = callArguments(masked, open);
  const text = code.slice(start, call.end);
  if (rule.requires && !rule.requires.test(text)) return undefined;
  if (rule.unless?.test(text)) return undefined;
  const pick = rule.args ?? 0;
  const args = pick === 'all' ? call.args : pick === 'rest' ? call.args.slice(1) : call.args.slice(pick, pick + 1);
  for (const [a, b] of args) {
    const t = flow.expression(a, b);
    if (accept(rule, t)) return { end: call.end, message: `${rule.message} (argument built from ${REASONS[t.reason ?? 'unknown']})` };
  }
  return undefined;
}

function accept(rule: SinkRule, t: Taint): boolean {
  if (!t.tainted) return false;
  if (rule.taint === 'source') return t.reason === 'source';
  return rule.taint !== 'input' || t.reason === 'source' || t.reason === 'parameter';
}
