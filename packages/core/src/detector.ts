import { decodeBase64 } from './base64.js';
import { isChecksumLineDigest } from './checksum-lines.js';
import { shannonEntropy } from './entropy.js';
import { TakumoError } from './errors.js';
import { KeywordScanner } from './keyword-scanner.js';
import { LineIndex, lineAround } from './line-index.js';
import { isPublishedSample } from './published-samples.js';
import { checkRegexSafety } from './regex-safety.js';
import { isDigitCode, isLowerCode, isUpperCode, isWordCode } from './char-codes.js';
import { builtinRulesFor } from './rules/index.js';
import { NON_ASCII_TEXT, type Category, type Confidence, type DetectOptions, type DetectorConfig, type Finding, type KnownSecret, type Rule, type RuleContext, type Span } from './types.js';

/** Comments that suppress findings on their own line (takumo's own, and peers' so teams can switch). */
const INLINE_ALLOW = /takumo:allow(?!-next-line)|gitleaks:allow|pragma: allowlist secret/;
const ALLOW_NEXT_LINE = /takumo:allow-next-line/;
/** Keyword for the suppression comments: lines are only checked when one occurs at all. */
const SUPPRESSION_HINTS = ['takumo:allow', 'gitleaks:allow', 'pragma: allowlist secret'];

interface CompiledRule {
  rule: Rule;
  /**
   * The rule's own copy of its pattern (global, or sticky when it starts at its keyword), made the first time the rule
   * runs: built up front, the copies of ~700 patterns (~270K characters, each parsed again) were ~5 ms of every start,
   * and most never run on a small input (nor, with a finder of its own, ever). The rule's pattern itself is read only
   * then too: a provider rule builds it on first read (`withPatternOnFirstRead`).
   */
  regex: RegExp | undefined;
  /** Ids of the rule's keywords in the scanner; empty means the rule always runs. */
  keywordIds: number[];
  /** Ids of the keywords whose offsets an anchored finder is given: its `anchors`, or else its keywords. */
  anchorIds: number[];
  /** For a sticky pattern with `anchors` and `anchorReach`: the anchors' ids; it is tried only at keyword offsets with one that near. */
  nearIds: number[] | undefined;
  anchorReach: number;
  /**
   * The rule's fields that detect reads, copied here so every rule is read through objects
   * of one shape: rules are object literals of dozens of shapes, and reading them directly
   * made detect's property loads megamorphic and deoptimized it on each new shape.
   */
  id: string;
  category: Category;
  confidence: Confidence;
  minEntropy: number | undefined;
  secretGroup: number | string | undefined;
  validate: Rule['validate'];
  find: Rule['find'];
  anchored: boolean;
  paths: RegExp | undefined;
  skipPaths: RegExp | undefined;
}

export interface Candidate {
  rule: string;
  category: Category;
  confidence: Confidence;
  start: number;
  end: number;
}

/**
 * The non-ASCII marker's id while rules are compiled: it is given the id after all of the
 * scanner's keywords once those are known (see compileDetector).
 */
const NON_ASCII_PENDING = -1;

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 3, medium: 2, low: 1 };
const KNOWN_SECRET_RULE = 'known-secret';

export interface Detector {
  readonly rules: readonly Rule[];
  detect(text: string, options?: DetectOptions): Finding[];
}

/**
 * Compiles the built-in rules plus the config's extras once; `detect` is then a pure
 * function of the text and file name, safe to call from many places at once.
 */
export function createDetector(config: DetectorConfig = {}): Detector {
  for (const rule of config.extraRules ?? []) assertSafeRule(rule);
  return compileDetector([...builtinRulesFor(config.internalDomains ?? []), ...(config.extraRules ?? [])], config);
}

/**
 * The scanner's keywords for these rules, numbered: the suppression hints, then each rule's keywords and then
 * its finder's anchors, lower-cased, in order of first use. The non-ASCII marker is no keyword of the scanner
 * (see compileDetector). The build makes the automaton of the built-in rules' list ahead of time (prebuilt-automaton.ts).
 */
export function scannerKeywordIds(rules: readonly Rule[]): Map<string, number> {
  const ids = new Map<string, number>();
  const add = (k: string): void => {
    const keyword = k.toLowerCase();
    if (keyword !== NON_ASCII_TEXT && !ids.has(keyword)) ids.set(keyword, ids.size);
  };
  for (const hint of SUPPRESSION_HINTS) add(hint);
  for (const rule of rules) {
    for (const k of rule.keywords) add(k);
    if (searchesNearAnchors(rule) || readsAnchorsNearKeyword(rule)) for (const k of rule.anchors!) add(k);
  }
  return ids;
}

/** An anchored finder: it searches near its anchors' offsets instead of its keywords'. */
function searchesNearAnchors(rule: Rule): boolean {
  return rule.anchored === true && rule.anchors !== undefined;
}

/** A sticky pattern tried only at keyword offsets with one of its anchors within `anchorReach` after them. */
function readsAnchorsNearKeyword(rule: Rule): boolean {
  return startsAtKeyword(rule) && rule.anchors !== undefined && rule.anchorReach !== undefined;
}

/** Compiles exactly `allRules` (minus disabled ones) with the config's allowlist and known secrets. */
export function compileDetector(allRules: readonly Rule[], config: DetectorConfig = {}): Detector {
  const disabled = new Set(config.allowlist?.disabledRules ?? []);
  const rules = allRules.filter((r) => !disabled.has(r.id));

  const keywordIds = scannerKeywordIds(rules);
  const idOf = (k: string): number => {
    const keyword = k.toLowerCase();
    if (keyword === NON_ASCII_TEXT) return NON_ASCII_PENDING;
    // Every keyword and anchor a rule reads must be the scanner's: one left out would silently never be found.
    const id = keywordIds.get(keyword);
    if (id === undefined) throw new Error(`keyword "${keyword}" is missing from the scanner's list`);
    return id;
  };
  const compiled: CompiledRule[] = rules.map((rule) => {
    const ruleKeywordIds = rule.keywords.map(idOf);
    return {
      rule,
      regex: undefined,
      keywordIds: ruleKeywordIds,
      anchorIds: searchesNearAnchors(rule) ? rule.anchors!.map(idOf) : ruleKeywordIds,
      nearIds: readsAnchorsNearKeyword(rule) ? rule.anchors!.map(idOf) : undefined,
      anchorReach: rule.anchorReach ?? 0,
      id: rule.id,
      category: rule.category,
      confidence: rule.confidence,
      minEntropy: rule.minEntropy,
      secretGroup: rule.secretGroup,
      validate: rule.validate,
      find: rule.find,
      anchored: rule.anchored === true,
      paths: rule.paths,
      skipPaths: rule.skipPaths,
    };
  });
  // The non-ASCII marker is no literal: the scanner reports such text by itself, so the automaton
  // holds nothing for it, and it takes the id after the scanner's keywords (ids stay dense). As a
  // one-character stand-in in the automaton, it had shared the table's column of rare characters
  // with `\n`, `;` and `}`: every line break was a hit, checked against the text and dropped, two
  // thirds of all hits on the bench tree, each a call out of the automaton's loop.
  const scanner = new KeywordScanner([...keywordIds.keys()]);
  const nonAsciiId = compiled.some((c) => c.keywordIds.includes(NON_ASCII_PENDING)) ? keywordIds.size : undefined;
  if (nonAsciiId !== undefined) {
    keywordIds.set(NON_ASCII_TEXT, nonAsciiId);
    for (const c of compiled) {
      c.keywordIds = c.keywordIds.map((id) => (id === NON_ASCII_PENDING ? nonAsciiId : id));
      c.anchorIds = c.anchorIds.map((id) => (id === NON_ASCII_PENDING ? nonAsciiId : id));
      c.nearIds = c.nearIds?.map((id) => (id === NON_ASCII_PENDING ? nonAsciiId : id));
    }
  }
  // Which rules each keyword triggers; rules without keywords always run.
  const rulesByKeyword: number[][] = Array.from({ length: keywordIds.size }, () => []);
  compiled.forEach((c, index) => {
    for (const id of new Set(c.keywordIds)) rulesByKeyword[id]!.push(index);
  });
  const alwaysRun = compiled.flatMap((c, index) => (c.keywordIds.length === 0 ? [index] : []));
  // Keywords whose offsets some rule starts from (anchored finders, sticky patterns).
  const tracked = new Uint8Array(keywordIds.size);
  for (const c of compiled) {
    if (c.rule.anchored || startsAtKeyword(c.rule)) for (const id of c.anchorIds) tracked[id] = 1;
    if (c.nearIds !== undefined) for (const id of c.nearIds) tracked[id] = 1;
  }
  const suppressionIds = SUPPRESSION_HINTS.map((h) => keywordIds.get(h)!);

  // Path gates: each distinct `paths` / `skipPaths` expression is tested at most once per
  // text, however many triggered rules share it (178 rules share one skipPaths).
  const gates = new PathGates();
  const pathGate = compiled.map((c) => gates.idOf(c.rule.paths));
  const skipGate = compiled.map((c) => gates.idOf(c.rule.skipPaths));
  // The always-run rules bound to paths are decided by one test per flag set: most files
  // are none of theirs. The others (extra rules without a path, or whose path expression
  // keeps state between tests) are triggered on every text, as any always-run rule was.
  const gatedByPath = (index: number): boolean => {
    const pattern = compiled[index]!.rule.paths;
    return pattern !== undefined && !pattern.global && !pattern.sticky;
  };
  const alwaysFree = alwaysRun.filter((index) => !gatedByPath(index));
  const alwaysGated = alwaysGroups(alwaysRun.filter(gatedByPath), compiled);

  // Scratch space of one call, reused by the next: a fresh set per call (two byte arrays and
  // a sparse array as long as the keyword list) was a fifth of all a scan allocated. Safe
  // because detect runs synchronously and never calls itself; each call clears it first, so
  // a call that threw leaves nothing behind either. The byte arrays are read four bytes at
  // a time (most of both are zero), so their lengths are rounded up to a multiple of four.
  const found = new Uint8Array(roundUp4(keywordIds.size));
  const foundWords = new Uint32Array(found.buffer);
  const triggered = new Uint8Array(roundUp4(compiled.length));
  const triggeredWords = new Uint32Array(triggered.buffer);
  const positions: (number[] | undefined)[] = new Array<number[] | undefined>(keywordIds.size).fill(undefined);
  const clearScratch = (): void => {
    // Only a found keyword has positions: the scanner marks it before it records one.
    for (let w = 0; w < foundWords.length; w++) {
      if (foundWords[w] === 0) continue;
      for (let id = w << 2, end = id + 4; id < end; id++) {
        if (found[id] === 1 && tracked[id] === 1) {
          const list = positions[id];
          if (list !== undefined && list.length > 0) list.length = 0;
        }
      }
    }
    found.fill(0);
    triggered.fill(0);
    gates.clear();
  };

  const allowPatterns = (config.allowlist?.patterns ?? []).map((p) => compileUserPattern(p, 'allowlist pattern'));
  const allowValues = new Set(config.allowlist?.values ?? []);
  const allowPaths = (config.allowlist?.paths ?? []).map(globToRegExp);
  const known = dedupeKnown(config.knownSecrets ?? []);

  function isAllowed(secret: string): boolean {
    if (allowValues.has(secret)) return true;
    for (const p of allowPatterns) if (p.test(secret)) return true;
    // An emulator's fixed key or a vendor's documentation sample: published, so never a finding.
    return isPublishedSample(secret);
  }

  return {
    rules,
    detect(text: string, options: DetectOptions = {}): Finding[] {
      if (typeof text !== 'string') throw new TakumoError('TAKUMO_E_INVALID_INPUT', 'detect() expects the text to scan as a string.');
      const file = options.file;
      // Normalised once: path-limited rules test it for every text.
      const path = file === undefined ? undefined : normalisePath(file);
      if (path !== undefined && allowPaths.some((p) => p.test(path))) return [];
      clearScratch();
      // Offsets of the tracked keywords (in `positions`), from the same single pass.
      const nonAscii = scanner.scan(text, found, tracked, positions);
      if (nonAsciiId !== undefined) found[nonAsciiId] = nonAscii ? 1 : 0;
      for (const index of alwaysFree) triggered[index] = 1;
      if (path !== undefined) for (const group of alwaysGated) if (group.any.test(path)) for (const index of group.rules) triggered[index] = 1;
      for (let w = 0; w < foundWords.length; w++) {
        if (foundWords[w] === 0) continue;
        for (let id = w << 2, end = id + 4; id < end; id++) if (found[id] === 1) for (const index of rulesByKeyword[id]!) triggered[index] = 1;
      }
      const candidates: Candidate[] = [];
      // The per-rule work is in top-level functions, not closures made per call (a fresh
      // `accept` each call also made the sticky walk's call site see a new target every
      // time), and the loop over found spans is a function of its own: spans come in
      // several shapes, and the change of shape deoptimized (and recompiled) all of detect.
      for (let index = 0; index < compiled.length; index++) {
        if ((index & 3) === 0 && triggeredWords[index >> 2] === 0) {
          index += 3;
          continue;
        }
        if (triggered[index] === 0) continue;
        const rule = compiled[index]!;
        if (rule.paths && !(path !== undefined && gates.passes(pathGate[index]!, rule.paths, path))) continue;
        if (rule.skipPaths && path !== undefined && gates.passes(skipGate[index]!, rule.skipPaths, path)) continue;
        if (rule.find) {
          const offsets = rule.anchored ? offsetsOf(rule.anchorIds, positions) : undefined;
          acceptSpans(rule, rule.find.call(rule.rule, text, options, offsets), text, isAllowed, candidates);
          continue;
        }
        const regex = (rule.regex ??= ownCopyOfPattern(rule.rule));
        acceptMatches(rule, regex, regex.sticky ? stickyStarts(rule, positions) : undefined, text, file, isAllowed, candidates);
      }
      for (const k of known) addKnownSecret(text, k, candidates);
      if (candidates.length === 0) return [];
      const mayBeSuppressed = suppressionIds.some((id) => found[id] === 1);
      return findingsOf(text, candidates, mayBeSuppressed, file);
    },
  };
}

/** A finder's spans that hold a secret, as candidates of its rule. */
function acceptSpans(rule: CompiledRule, spans: readonly Span[], text: string, isAllowed: (secret: string) => boolean, candidates: Candidate[]): void {
  for (const span of spans) {
    const secret = text.slice(span.start, span.end);
    if (secret.length === 0) continue;
    if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) continue;
    if (isAllowed(secret) || isChecksumLineDigest(text, span.start, span.end)) continue;
    candidates.push({ rule: rule.id, category: span.category ?? rule.category, confidence: rule.confidence, start: span.start, end: span.end });
  }
}

/**
 * The matches of a rule's pattern, as candidates of its rule: every match of a global pattern
 * (`starts` undefined), or a sticky pattern's matches at the starts (the walk of `forEachMatchAt`,
 * without a callback). One walk for both, with one call of acceptMatch: as two functions, the
 * sticky walk's call had not run yet (no sticky pattern had matched) when TurboFan compiled
 * detect with it inlined, and its first match deoptimized both, detect then compiled again
 * (~100 ms of compile). Global patterns match from the first files on.
 */
function acceptMatches(
  rule: CompiledRule,
  regex: RegExp,
  starts: readonly number[] | undefined,
  text: string,
  file: string | undefined,
  isAllowed: (secret: string) => boolean,
  candidates: Candidate[],
): void {
  if (starts === undefined) regex.lastIndex = 0;
  let next = 0;
  let from = 0;
  for (;;) {
    let m: RegExpExecArray | null;
    if (starts === undefined) {
      m = regex.exec(text);
      if (m === null) return;
      if (m[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
    } else {
      if (next >= starts.length) return;
      const start = starts[next++]!;
      if (start < from) continue;
      regex.lastIndex = start;
      m = regex.exec(text);
      // A sticky match ends where the pattern's lastIndex now stands (0 after a miss). Read and
      // compared on every attempt, before the test for a miss: reads made only after a match had
      // no feedback when TurboFan compiled this before any pattern had matched (a deoptimization).
      const end = regex.lastIndex;
      if (end === start || m === null) continue;
      from = end;
    }
    acceptMatch(rule, m, text, file, isAllowed, candidates);
  }
}

function acceptMatch(rule: CompiledRule, m: RegExpExecArray, text: string, file: string | undefined, isAllowed: (secret: string) => boolean, candidates: Candidate[]): void {
  const span = secretSpan(m, rule.secretGroup);
  if (!span) return;
  const secret = text.slice(span.start, span.end);
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return;
  let category = rule.category;
  if (rule.validate) {
    const verdict = rule.validate.call(rule.rule, secret, ruleContext(text, m, span, file));
    if (verdict === false) return;
    if (typeof verdict === 'string') category = verdict;
  }
  if (isAllowed(secret) || isChecksumLineDigest(text, span.start, span.end)) return;
  candidates.push({ rule: rule.id, category, confidence: rule.confidence, start: span.start, end: span.end });
}

/** The findings of a text's candidates: repeated places added, overlaps resolved, lines the text allows left out. */
function findingsOf(text: string, candidates: Candidate[], mayBeSuppressed: boolean, file: string | undefined): Finding[] {
  const index = new LineIndex(text);
  addRepeatedValues(text, candidates, mayBeSuppressed ? index : undefined);
  const findings: Finding[] = [];
  for (const c of resolveOverlaps(candidates)) if (!(mayBeSuppressed && isSuppressedInline(index, c))) findings.push(toFinding(c, index, file));
  return findings;
}

function roundUp4(n: number): number {
  return (n + 3) & ~3;
}

/**
 * The path expressions of a detector's rules, each distinct one tested at most once per
 * text. An expression with the `g` or `y` flag keeps state between tests, so it gets no
 * id and is tested every time, as before.
 */
class PathGates {
  private readonly ids = new Map<string, number>();
  /** Per text: -1 not tested yet, else 0 or 1. */
  private results = new Int8Array(0);

  idOf(pattern: RegExp | undefined): number {
    if (pattern === undefined || pattern.global || pattern.sticky) return -1;
    const key = `${pattern.flags}/${pattern.source}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
      this.results = new Int8Array(this.ids.size).fill(-1);
    }
    return id;
  }

  clear(): void {
    this.results.fill(-1);
  }

  passes(id: number, pattern: RegExp, path: string): boolean {
    if (id < 0) return pattern.test(path);
    let result = this.results[id]!;
    if (result < 0) this.results[id] = result = pattern.test(path) ? 1 : 0;
    return result === 1;
  }
}

interface AlwaysGroup {
  /** Matches a path exactly when one of the group's rules' `paths` does. */
  any: RegExp;
  rules: number[];
}

/**
 * The always-run rules bound to paths (by expressions without `g` or `y`), grouped by their
 * expressions' flags, each group with one expression that is the alternation of its rules'
 * own (`A|B` tests true exactly when `A` or `B` does). An expression that refers to its own
 * groups (`\1`, `\k<name>`), or an alternation that does not compile (a group name used
 * twice), gets a group of its own holding it as is.
 */
function alwaysGroups(indices: readonly number[], compiled: readonly CompiledRule[]): AlwaysGroup[] {
  const groups: AlwaysGroup[] = [];
  const byFlags = new Map<string, number[]>();
  for (const index of indices) {
    const pattern = compiled[index]!.rule.paths!;
    if (/\\(?:[1-9]|k<)/.test(pattern.source)) groups.push({ any: pattern, rules: [index] });
    else byFlags.set(pattern.flags, [...(byFlags.get(pattern.flags) ?? []), index]);
  }
  for (const [flags, members] of byFlags) {
    const sources = [...new Set(members.map((index) => compiled[index]!.rule.paths!.source))];
    try {
      groups.push({ any: new RegExp(sources.map((s) => `(?:${s})`).join('|'), flags), rules: members });
    } catch {
      for (const index of members) groups.push({ any: compiled[index]!.rule.paths!, rules: [index] });
    }
  }
  return groups;
}

const NO_OFFSETS: readonly number[] = [];

/**
 * The sorted, distinct start offsets of a rule's keywords. One keyword (most rules): its
 * list as the scanner filled it, already in order. Several: merged.
 */
function offsetsOf(ids: readonly number[], positions: readonly (number[] | undefined)[]): readonly number[] {
  let merged: readonly number[] = NO_OFFSETS;
  // Each list is already in order: merging them two at a time costs no sort (most texts
  // meet only one or two of a rule's keywords).
  for (const id of ids) {
    const list = positions[id];
    // Lists are reused from call to call: an empty one is a keyword not met this time.
    if (list !== undefined && list.length > 0) merged = merged.length === 0 ? list : mergeDistinct(merged, list);
  }
  return merged;
}

/** Where a sticky pattern is tried: its keywords' offsets, those with one of its anchors near after them if it has any. */
function stickyStarts(rule: CompiledRule, positions: readonly (number[] | undefined)[]): readonly number[] {
  const starts = offsetsOf(rule.keywordIds, positions);
  return rule.nearIds === undefined || starts.length === 0 ? starts : startsNear(starts, rule.nearIds, positions, rule.anchorReach);
}

/**
 * The starts with an offset of one of the `ids` in [start, start + reach]. One cursor a list, each only moving on: the
 * starts are in order, and so is each list. (user-slash-password-prose: 65K keyword offsets on the bench tree, 10K
 * with a ` /` that near; user-comma-password-prose: 43K, a handful with a `pw` or `pass`.)
 */
function startsNear(starts: readonly number[], ids: readonly number[], positions: readonly (number[] | undefined)[], reach: number): readonly number[] {
  const lists: number[][] = [];
  for (const id of ids) {
    const list = positions[id];
    if (list !== undefined && list.length > 0) lists.push(list);
  }
  if (lists.length === 0) return NO_OFFSETS;
  const cursors = new Array<number>(lists.length).fill(0);
  const near: number[] = [];
  for (const start of starts) {
    for (let k = 0; k < lists.length; k++) {
      const list = lists[k]!;
      let at = cursors[k]!;
      while (at < list.length && list[at]! < start) at++;
      cursors[k] = at;
      if (at < list.length && list[at]! - start <= reach) {
        near.push(start);
        break;
      }
    }
  }
  return near;
}

/** The union of two increasing lists, increasing, each offset once. */
function mergeDistinct(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/** Only rules without a custom finder, and with keywords to start from, can be run sticky. */
function startsAtKeyword(rule: Rule): boolean {
  return rule.startsAtKeyword === true && rule.find === undefined && rule.keywords.length > 0;
}

/** The copy of a rule's pattern that detect runs: a rule that starts at its keyword is tried only there, sticky, one offset at a time. */
function ownCopyOfPattern(rule: Rule): RegExp {
  return new RegExp(rule.pattern.source, withFlags(rule.pattern.flags.replace(/[gy]/g, ''), startsAtKeyword(rule) ? 'y' : 'g'));
}

function withFlags(flags: string, extra: string): string {
  return flags.includes(extra) ? flags : flags + extra;
}

function ruleContext(text: string, m: RegExpExecArray, span: Span, file: string | undefined): RuleContext {
  let line: string | undefined;
  const context: RuleContext = {
    get line() {
      if (line === undefined) {
        const bounds = lineAround(text, span.start, 1000);
        line = text.slice(bounds.start, bounds.end);
      }
      return line;
    },
    text,
    matchStart: m.index,
    matchEnd: m.index + m[0].length,
  };
  if (file !== undefined) context.file = file;
  if (m.groups) context.groups = m.groups;
  return context;
}

/** Refuses config rules whose pattern could stall the scanner. */
function assertSafeRule(rule: Rule): void {
  const problems = checkRegexSafety(rule.pattern);
  if (problems.length > 0) {
    throw new TakumoError(
      'TAKUMO_E_CONFIG',
      `Rule "${rule.id}" has a pattern that is not linear-time (${problems[0]!.kind} at offset ${problems[0]!.at}); bound every quantifier, e.g. {1,200} instead of +, and do not nest them.`,
    );
  }
}

function compileUserPattern(source: string, what: string): RegExp {
  const problems = checkRegexSafety(source);
  if (problems.length > 0) {
    throw new TakumoError('TAKUMO_E_CONFIG', `The ${what} at index is not linear-time (${problems[0]!.kind}); bound every quantifier and do not nest them.`);
  }
  try {
    return new RegExp(source);
  } catch {
    throw new TakumoError('TAKUMO_E_CONFIG', `An ${what} is not a valid regular expression.`);
  }
}

function normalisePath(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** `**` any path, `*` any run within a segment, `?` one character; a pattern without `/` matches a base name anywhere. */
export function globToRegExp(glob: string): RegExp {
  const g = normalisePath(glob.trim());
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!;
    if (c === '*' && g[i + 1] === '*') {
      i++;
      if (g[i + 1] === '/') {
        out += '(?:.{0,4096}/)?'; // `**/`: any number of directories, including none
        i++;
      } else out += '.{0,4096}';
    } else if (c === '*') out += '[^/]{0,1024}';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const anchored = g.includes('/') ? `^${out.replace(/^\//, '')}(?:/.{0,4096})?$` : `(?:^|/)${out}(?:/.{0,4096})?$`;
  return new RegExp(anchored);
}

function secretSpan(m: RegExpExecArray, group: number | string | undefined): Span | undefined {
  if (group === undefined) return { start: m.index, end: m.index + m[0].length };
  const value = typeof group === 'number' ? m[group] : m.groups?.[group];
  if (value === undefined || value.length === 0) return undefined;
  // `d` (indices) would be exact but slows every match; the group is found inside the match.
  const offset = m[0].lastIndexOf(value);
  if (offset < 0) return undefined;
  return { start: m.index + offset, end: m.index + offset + value.length };
}

function dedupeKnown(known: readonly KnownSecret[]): KnownSecret[] {
  const byValue = new Map<string, KnownSecret>();
  for (const k of known) if (k.value.length > 0 && !byValue.has(k.value)) byValue.set(k.value, k);
  // Longest first, so that a value containing another is found as itself.
  return [...byValue.values()].sort((a, b) => b.value.length - a.value.length);
}

function addKnownSecret(text: string, known: KnownSecret, out: Candidate[]): void {
  for (let i = text.indexOf(known.value); i !== -1; i = text.indexOf(known.value, i + known.value.length)) {
    out.push({ rule: KNOWN_SECRET_RULE, category: known.category ?? 'ENV', confidence: 'high', start: i, end: i + known.value.length });
  }
}

/**
 * A found value shorter than this is not looked for elsewhere in the text: a 4-digit PIN read
 * as one line's secret is not every `1234` the text holds.
 */
const REPEAT_MIN_LENGTH = 8;
/**
 * Values shorter than this must mix three kinds of character (lower case, upper case, digits,
 * others), as a chosen password does (`Xk8#mQ2vLp9wRt`): `postgres1` or `changeme` read as one
 * line's password are also the text's own words elsewhere. From this length on a varied value
 * (entropy >= REPEAT_MIN_ENTROPY) is generated, not written.
 */
const REPEAT_LONG_LENGTH = 16;
/** At most this many distinct values are looked for: each costs one pass over the text. */
const REPEAT_MAX_VALUES = 64;
const REPEAT_MIN_ENTROPY = 3;
/**
 * The glue between the pieces of a secret written as joined literals (`"V4Ht" + "w8wd"`,
 * `'a' . 'b'`, `"a" "b"`, `"a" & "b"`, `'a' || 'b'`): a quote, an optional operator, the same
 * quote, blanks around. A finding that spans such glue stands for the joined value.
 */
const LITERAL_GLUE = /(["'`])[ \t]{0,8}(?:\+|\.{1,2}|&|\|\|)?[ \t]{0,8}\1/g;

/**
 * Reports the other places a found secret stands in the same text (a key in code and again in
 * the comment above it, a token in a config and in a log line, a password in an assignment and
 * again as a label): each is the same secret, and a report that named one place only would
 * leave the others in the file. A secret found written as joined literals is looked for as the
 * joined value too, and a secret of a size that gets encoded is looked for percent-encoded and
 * base64-encoded (alone or in a `user:secret` pair) as well; the password inside a found Basic
 * credential is looked for as a secret of its own. The value must stand as a whole there, not inside a longer word, not where
 * a finding already stands, and be long and varied enough to be no word of the text's own; a
 * value found only on lines the text allows (`takumo:allow`) is not looked for, and the places
 * found are allowed or not line by line as any finding is. (A session replaces every place of
 * a value anyway; this is the report's side.)
 */
function addRepeatedValues(text: string, out: Candidate[], allowLines: LineIndex | undefined): void {
  const found = out.length;
  const spans = new FoundSpans(out);
  const seen = new Set<string>();
  for (let k = 0; k < found && seen.size < REPEAT_MAX_VALUES; k++) {
    const c = out[k]!;
    if (c.end - c.start < REPEAT_MIN_LENGTH || c.rule === KNOWN_SECRET_RULE) continue;
    const value = text.slice(c.start, c.end);
    if (seen.has(value)) continue;
    seen.add(value);
    if (allowLines !== undefined && isSuppressedInline(allowLines, c)) continue;
    if (isDistinctive(value)) addFormsOf(text, value, c, spans, out);
    // The value it stands for when written as joined literals, and the password inside a Basic credential.
    for (const derived of [joinedLiteral(value), basicPassword(value)]) {
      if (derived === undefined || seen.has(derived)) continue;
      seen.add(derived);
      if (isDistinctive(derived)) addFormsOf(text, derived, c, spans, out);
    }
  }
}

/** The places of a secret as written, percent-encoded (`%21` for `!`) and base64-encoded alone or as a credential pair (`user:secret`). */
function addFormsOf(text: string, value: string, c: Candidate, spans: FoundSpans, out: Candidate[]): void {
  addPlacesOf(text, value, c, spans, out);
  if (value.length > ENCODED_MAX_LENGTH) return;
  const percent = percentEncoded(value, UNRESERVED);
  if (percent !== value) {
    addPlacesOf(text, percent, c, spans, out);
    const component = percentEncoded(value, URI_COMPONENT);
    if (component !== percent && component !== value) addPlacesOf(text, component, c, spans, out);
  }
  addBase64PlacesOf(text, value, c, spans, out);
}

/** Longer values (keys, certificates) are looked for as written only: passwords and tokens are what gets encoded into headers and URLs. */
const ENCODED_MAX_LENGTH = 256;

/** Characters a URL holds as they are (RFC 3986 unreserved), and those `encodeURIComponent` leaves too. */
const UNRESERVED = /[A-Za-z0-9._~-]/;
const URI_COMPONENT = /[A-Za-z0-9._~!'()*-]/;

/** A value with every character outside `keep` written as %XX of its UTF-8 bytes, upper-case hex. */
function percentEncoded(value: string, keep: RegExp): string {
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (isWordCode(code) && code !== 0x5f) {
      out += ch;
      continue;
    }
    if (keep.test(ch)) out += ch;
    else for (const byte of utf8Latin1(ch)) out += '%' + byte.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const UTF8 = new TextEncoder();
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** A value's UTF-8 bytes as a latin1 string, as base64 encodes and decodes them. */
function utf8Latin1(value: string): string {
  if (ASCII_ONLY.test(value)) return value;
  let out = '';
  for (const byte of UTF8.encode(value)) out += String.fromCharCode(byte);
  return out;
}

/** The most characters a credential pair's other half may have: `user` in base64(`user:secret`). */
const PAIR_MAX_OTHER = 256;

/**
 * Reports the base64 runs of the text that decode to a found secret, alone or as one half of a
 * credential pair (`user:secret`, `secret:`), as in a Basic header written out beside the
 * password it holds. The secret's bytes encode to the same characters wherever they stand, up
 * to which of the three byte places they start at: those characters (one string for each
 * place, standard and URL-safe alphabet) are looked for in the text, and only a run holding one
 * is decoded, bounded in length by the pair it may hold.
 */
function addBase64PlacesOf(text: string, value: string, c: Candidate, spans: FoundSpans, out: Candidate[]): void {
  const bytes = utf8Latin1(value);
  const n = bytes.length;
  const maxRun = 4 * Math.ceil((n + 1 + PAIR_MAX_OTHER) / 3) + 4;
  for (let shift = 0; shift < 3; shift++) {
    const encoded = btoa('\0'.repeat(shift) + bytes);
    const core = encoded.slice(Math.ceil((8 * shift) / 6), Math.floor((8 * (shift + n)) / 6));
    if (core.length < REPEAT_MIN_LENGTH) continue;
    addRunsHolding(text, core, bytes, maxRun, c, spans, out);
    const urlSafe = core.replace(/\+/g, '-').replace(/\//g, '_');
    if (urlSafe !== core) addRunsHolding(text, urlSafe, bytes, maxRun, c, spans, out);
  }
}

function addRunsHolding(text: string, core: string, bytes: string, maxRun: number, c: Candidate, spans: FoundSpans, out: Candidate[]): void {
  // Each run is judged once: the search goes on after its end (or after the bound, for a run too long to be a pair).
  for (let i = text.indexOf(core), end = 0; i !== -1; i = text.indexOf(core, end)) {
    let start = i;
    while (start > 0 && i - start <= maxRun && isBase64Code(text.charCodeAt(start - 1))) start--;
    end = i + core.length;
    while (end < text.length && end - start <= maxRun && isBase64Code(text.charCodeAt(end))) end++;
    for (let pad = 0; pad < 2 && text.charCodeAt(end) === 0x3d; pad++) end++;
    if (end - start > maxRun || spans.overlaps(start, end)) continue;
    // Padding ends a run: one that goes on after it is a longer blob, not this value.
    if (end < text.length && (isBase64Code(text.charCodeAt(end)) || text.charCodeAt(end) === 0x3d)) continue;
    const decoded = decodeBase64(text.slice(start, end));
    if (decoded === undefined || !(decoded === bytes || decoded.endsWith(':' + bytes) || decoded.startsWith(bytes + ':'))) continue;
    out.push({ rule: c.rule, category: c.category, confidence: c.confidence, start, end });
  }
}

/** Letters, digits and the four signs of the standard and URL-safe base64 alphabets. */
function isBase64Code(code: number): boolean {
  return isWordCode(code) || code === 0x2b || code === 0x2f || code === 0x2d;
}

/** The password inside a Basic credential (`Basic dXNlcjpwYXNz`, base64 of `user:password`), or undefined. */
function basicPassword(value: string): string | undefined {
  const encoded = value.replace(BASIC_SCHEME, '');
  if (encoded.length < 12 || encoded.length > 1024) return undefined;
  const decoded = decodeBase64(encoded);
  if (decoded === undefined || !PRINTABLE_PAIR.test(decoded)) return undefined;
  return decoded.slice(decoded.indexOf(':') + 1);
}

const BASIC_SCHEME = /^Basic[ \t]+/i;
/** A `user:password` pair of printable ASCII characters, neither half empty. */
const PRINTABLE_PAIR = /^[\x20-\x39\x3b-\x7e]{1,768}:[\x20-\x7e]{1,768}$/;

function addPlacesOf(text: string, value: string, c: Candidate, spans: FoundSpans, out: Candidate[]): void {
  for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + value.length)) {
    const end = i + value.length;
    if (standsInWord(text, i, end, value) || spans.overlaps(i, end)) continue;
    out.push({ rule: c.rule, category: c.category, confidence: c.confidence, start: i, end });
  }
}

/** Long and varied enough that another place holding it is the same secret, not a word or number of the text's own. */
function isDistinctive(value: string): boolean {
  if (value.length < REPEAT_MIN_LENGTH) return false;
  if (value.length >= REPEAT_LONG_LENGTH) return shannonEntropy(value) >= REPEAT_MIN_ENTROPY;
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isLowerCode(code)) lower = 1;
    else if (isUpperCode(code)) upper = 1;
    else if (isDigitCode(code)) digit = 1;
    else if (code > 0x20) other = 1;
    else return false; // blanks or a line break: a phrase, not one value
  }
  return lower + upper + digit + other >= 3;
}

/** The value a finding written as joined literals stands for, or undefined when it holds no glue between literals. */
function joinedLiteral(value: string): string | undefined {
  if (value.indexOf('"') === -1 && value.indexOf("'") === -1 && value.indexOf('`') === -1) return undefined;
  const joined = value.replace(LITERAL_GLUE, '');
  return joined === value || /["'`\s]/.test(joined) ? undefined : joined;
}

/** The spans found by the rules, for telling in O(log n) whether a place overlaps one. */
class FoundSpans {
  private readonly starts: number[];
  /** The largest end among the spans up to each index, in order of start. */
  private readonly reach: number[];

  constructor(candidates: readonly Candidate[]) {
    const sorted = [...candidates].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((c) => c.start);
    this.reach = [];
    let max = -1;
    for (const c of sorted) this.reach.push((max = Math.max(max, c.end)));
  }

  overlaps(start: number, end: number): boolean {
    // The last span starting before `end`: one overlaps when the furthest reach up to it passes `start`.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.reach[lo - 1]! > start;
  }
}

/** Whether the text continues a word (letters, digits, `_`) across either end of a value that is itself word-ended there. */
function standsInWord(text: string, start: number, end: number, value: string): boolean {
  return (
    (start > 0 && isWordCode(value.charCodeAt(0)) && isWordCode(text.charCodeAt(start - 1))) ||
    (end < text.length && isWordCode(value.charCodeAt(value.length - 1)) && isWordCode(text.charCodeAt(end)))
  );
}

/**
 * Keeps one finding per overlapping group: the widest span wins (a connection string
 * over the password inside it); on equal spans a rule beats a known .env value (ENV is
 * for values no rule recognises), then the higher confidence wins. A partial overlap
 * widens the kept span so one replacement covers both.
 */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      a.start - b.start ||
      b.end - b.start - (a.end - a.start) ||
      Number(a.rule === KNOWN_SECRET_RULE) - Number(b.rule === KNOWN_SECRET_RULE) ||
      CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence],
  );
  const kept: Candidate[] = [];
  for (const c of sorted) {
    const last = kept[kept.length - 1];
    if (last && c.start < last.end) {
      if (c.end > last.end) last.end = c.end;
      continue;
    }
    kept.push({ ...c });
  }
  return kept;
}

function isSuppressedInline(lines: LineIndex, c: Candidate): boolean {
  const first = lines.lineOf(c.start);
  if (INLINE_ALLOW.test(lines.lineText(first))) return true;
  return first > 0 && ALLOW_NEXT_LINE.test(lines.lineText(first - 1));
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
