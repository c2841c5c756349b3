import { createDetector, type Detector } from './detector.js';
import { TakumoError } from './errors.js';
import { StreamRehydrator, describeType, type Rehydrator } from './rehydrator.js';
import { restoreAll, type RestoreReport, type UnrestoredToken } from './restore.js';
import { LineIndex } from './line-index.js';
import { coreRegex, identityOf, leadLength, trailLength } from './token.js';
import type { Category, DetectorConfig, Finding, KnownSecret } from './types.js';
import { Vault, type VaultOptions } from './vault.js';

export type { Rehydrator } from './rehydrator.js';
export type { UnrestoredToken } from './restore.js';

/**
 * A session: tokenize text before it leaves the machine, restore the answer that comes
 * back. The token → secret map (the vault, see vault.ts) lives in this process's memory
 * only and dies with `destroy()`. Sessions share nothing: one session's tokens mean
 * nothing to another.
 */
export interface SessionOptions {
  /** A ready detector; otherwise one is built from `config` (and `knownSecrets`). */
  detector?: Detector;
  config?: DetectorConfig;
  /** Values known to be secret (from .env files, the environment), matched exactly wherever they appear. */
  knownSecrets?: KnownSecret[];
  /** Only for tests that need hash collisions; never set it in real use. */
  vault?: VaultOptions;
}

export interface TokenizeResult {
  text: string;
  /** What was replaced: metadata only (rule, category, file, line, column, confidence), never the value. */
  findings: Finding[];
}

export interface RehydrateOptions {
  /**
   * The text is (part of) JSON source, e.g. tool-call arguments: restored values are
   * escaped for the inside of a JSON string (a PEM key's newlines become `\n`).
   */
  json?: boolean;
}

export type RehydratorOptions = RehydrateOptions;

export interface RehydrateResult {
  text: string;
  /** Tokens replaced by their secret. */
  restored: number;
  /** Token-shaped texts left as they are because they are unknown here or ambiguous. */
  unrestored: UnrestoredToken[];
}

/** Counters of a session (no values). */
export interface SessionStats {
  /** Distinct secrets in the vault. */
  secrets: number;
  /** Secret occurrences replaced by tokens. */
  tokenized: number;
  /** Token-shaped texts in the input that were themselves tokenized so they come back unchanged. */
  escaped: number;
  /** Tokens restored by `rehydrate` (streams count when they end). */
  restored: number;
  /** Token-shaped texts that could not be restored. */
  unrestored: number;
}

export interface Session {
  tokenize(text: string, file?: string): TokenizeResult;
  rehydrate(text: string, options?: RehydrateOptions): string;
  /** Like `rehydrate`, with the count of restored tokens and the ones that could not be restored. */
  rehydrateWithReport(text: string, options?: RehydrateOptions): RehydrateResult;
  rehydrator(options?: RehydratorOptions): Rehydrator;
  stats(): SessionStats;
  destroy(): void;
  readonly destroyed: boolean;
}

interface Span {
  start: number;
  end: number;
  category: Category;
  /**
   * The span is exactly a secret value (a finding, or another occurrence of a secret
   * value), which the vault learns and later texts are searched for. False for encoded
   * spellings, escaped token-shaped text and unions of overlapping spans: learning those
   * would make a text's output depend on what the session tokenized before.
   */
  learn: boolean;
}

interface Segment {
  /** Where the segment sits in the output and where it came from in the input. */
  outStart: number;
  outEnd: number;
  inStart: number;
  token: boolean;
}

/** Any case of `TAKUMO`: input without it cannot contain token-shaped text. */
const TOKEN_WORD = /[Tt][Aa][Kk][Uu][Mm][Oo]/;
const MAX_ESCAPE_ROUNDS = 64;
/**
 * A secret this long or longer is replaced wherever it appears, not only where a rule
 * found it: a password detected in `password: …` also leaks from `비밀번호: …` or a log
 * line. Shorter values would also hit ordinary words, so they are left to the rules.
 */
export const MIN_REPEATED_SECRET_LENGTH = 6;
const REPEATED_RULE = 'repeated-secret';

export function createSession(options: SessionOptions = {}): Session {
  const detector = buildDetector(options);
  const vault = new Vault(options.vault);
  // Known secrets as they appear inside JSON text or a URL: matched like the values.
  const knownEncoded = encodedKnownSecrets([...(options.config?.knownSecrets ?? []), ...(options.knownSecrets ?? [])]);
  const counters = { tokenized: 0, escaped: 0, restored: 0, unrestored: 0 };

  function tokenize(text: string, file?: string): TokenizeResult {
    vault.assertAlive();
    if (typeof text !== 'string') {
      throw new TakumoError('TAKUMO_E_INVALID_INPUT', `tokenize() expects the text as a string, got ${describeType(text)}`);
    }
    if (file !== undefined && typeof file !== 'string') {
      throw new TakumoError('TAKUMO_E_INVALID_INPUT', `tokenize() expects the file name as a string, got ${describeType(file)}`);
    }
    let findings: Finding[];
    try {
      findings = detector.detect(text, file === undefined ? {} : { file });
    } catch (error) {
      // Fail closed, and say nothing about the text: the detector's message could quote it.
      if (error instanceof TakumoError) throw error;
      throw new TakumoError('TAKUMO_E_TOKENIZE_FAILED', `secret detection failed${file === undefined ? '' : ` in ${file}`}; nothing was tokenized`);
    }
    const { repeated, spellings } = repeatedOccurrences(text, findings, file);
    if (repeated.length > 0) findings = [...findings, ...repeated].sort((a, b) => a.start - b.start);
    let spans = mergeSpans(
      findings.map((f) => ({ start: f.start, end: f.end, category: f.category, learn: !spellings.has(f) })),
      text.length,
    );
    const secretSpans = spans.length;
    let built = build(text, spans);
    if (TOKEN_WORD.test(text)) {
      // The input already holds token-shaped text. Make sure that restoring the output
      // gives back exactly the input: such text becomes a token of its own when it would
      // otherwise be restored, and is reserved (never given to a secret) when it would not.
      for (let round = 0; ; round++) {
        const escapes = tokenShapedConflicts(built.text, built.segments);
        if (escapes.length === 0) break;
        if (round >= MAX_ESCAPE_ROUNDS) {
          throw new TakumoError('TAKUMO_E_TOKENIZE_FAILED', 'token-shaped text in the input could not be tokenized safely; nothing was tokenized');
        }
        spans = mergeSpans([...spans, ...escapes], text.length);
        built = build(text, spans);
      }
      counters.escaped += Math.max(0, spans.length - secretSpans);
    }
    counters.tokenized += secretSpans;
    return { text: built.text, findings };
  }

  /**
   * Other occurrences of the secrets found in this text, and of the secrets the session
   * has learned: one `indexOf` pass per distinct value of at least
   * MIN_REPEATED_SECRET_LENGTH characters and per encoded spelling of one. `spellings`
   * holds the findings that are encoded spellings (tokenized, never learned).
   *
   * What is searched for depends only on the secret values (this text's findings, the
   * learned ones, the known ones), never on spellings or escapes an earlier call
   * tokenized: so the same text tokenized twice gives the same output.
   */
  function repeatedOccurrences(text: string, found: Finding[], file: string | undefined): { repeated: Finding[]; spellings: Set<Finding> } {
    const values = new Map<string, { category: Category; spelling: boolean }>();
    for (const f of found) {
      if (f.end - f.start >= MIN_REPEATED_SECRET_LENGTH) {
        const value = text.slice(f.start, f.end);
        if (!values.has(value)) values.set(value, { category: f.category, spelling: false });
      }
    }
    vault.forEachLearnedSecret((value, category) => {
      if (value.length >= MIN_REPEATED_SECRET_LENGTH && !values.has(value)) values.set(value, { category, spelling: false });
    });
    // The same values spelled for another syntax: a tool result holding a JSON file has
    // `pa\"ss` for `pa"ss`, a URL has `%40` for `@`. The spelling is tokenized as found,
    // so the round trip gives back the same bytes.
    for (const [value, { category }] of [...values]) {
      for (const form of encodedForms(value)) if (!values.has(form)) values.set(form, { category, spelling: true });
    }
    for (const [form, category] of knownEncoded) if (!values.has(form)) values.set(form, { category, spelling: true });
    const spellings = new Set<Finding>();
    if (values.size === 0) return { repeated: [], spellings };
    const covered = mergeSpans(found.map((f) => ({ start: f.start, end: f.end, category: f.category, learn: true })), text.length);
    const extra: Finding[] = [];
    let lines: LineIndex | undefined;
    for (const [value, { category, spelling }] of values) {
      for (let i = text.indexOf(value); i !== -1; i = text.indexOf(value, i + value.length)) {
        if (isCovered(covered, i, i + value.length)) continue;
        lines ??= new LineIndex(text);
        const start = lines.position(i);
        const end = lines.position(i + value.length - 1);
        const finding: Finding = {
          rule: REPEATED_RULE,
          category,
          confidence: 'high',
          line: start.line,
          column: start.column,
          endLine: end.line,
          endColumn: end.column,
          start: i,
          end: i + value.length,
        };
        if (file !== undefined) finding.file = file;
        extra.push(finding);
        if (spelling) spellings.add(finding);
      }
    }
    return { repeated: extra.sort((a, b) => a.start - b.start), spellings };
  }

  /** Replaces each span by its token; remembers which output ranges are tokens. */
  function build(text: string, spans: Span[]): { text: string; segments: Segment[] } {
    const parts: string[] = [];
    const segments: Segment[] = [];
    // Repeated secrets are common (the same key in many places): derive each once per call
    // (again only to learn a text first met as a spelling or escape). The map dies with the
    // call; the vault itself keeps no strings.
    const tokens = new Map<string, { token: string; learned: boolean }>();
    let at = 0;
    let outAt = 0;
    for (const span of spans) {
      if (span.start > at) {
        parts.push(text.slice(at, span.start));
        segments.push({ outStart: outAt, outEnd: outAt + span.start - at, inStart: at, token: false });
        outAt += span.start - at;
      }
      const secret = text.slice(span.start, span.end);
      let cached = tokens.get(secret);
      if (cached === undefined || (span.learn && !cached.learned)) {
        cached = { token: vault.tokenFor(secret, span.category, span.learn ? 'secret' : 'tokenized-only'), learned: span.learn };
        tokens.set(secret, cached);
      }
      const token = cached.token;
      parts.push(token);
      segments.push({ outStart: outAt, outEnd: outAt + token.length, inStart: span.start, token: true });
      outAt += token.length;
      at = span.end;
    }
    if (at < text.length) {
      parts.push(text.slice(at));
      segments.push({ outStart: outAt, outEnd: outAt + text.length - at, inStart: at, token: false });
    }
    return { text: parts.join(''), segments };
  }

  /**
   * Token-shaped texts of the output that came from the input and would be restored to a
   * secret: they must be tokenized themselves (returned as input spans). Those that would
   * be left alone are reserved so that they stay that way.
   */
  function tokenShapedConflicts(out: string, segments: Segment[]): Span[] {
    const conflicts: Span[] = [];
    const cores = coreRegex();
    for (let m = cores.exec(out); m !== null; m = cores.exec(out)) {
      const segment = segmentAt(segments, m.index);
      if (segment === undefined || segment.token) continue; // one of the tokens just inserted
      const identity = identityOf(m[1], m[2] as string);
      const resolution = vault.resolve(identity);
      if (resolution.kind === 'unknown') vault.reserve(identity);
      if (resolution.kind !== 'restore') continue;
      const end = m.index + m[0].length;
      const from = Math.max(segment.outStart, m.index - leadLength(out, m.index, segment.outStart));
      const to = Math.min(segment.outEnd, end + trailLength(out, end));
      const shift = segment.inStart - segment.outStart;
      // Escaped, not learned: this text is not a secret, only text that must come back as it is.
      conflicts.push({ start: from + shift, end: to + shift, category: resolution.category, learn: false });
    }
    return conflicts;
  }

  function rehydrateWithReport(text: string, opts: RehydrateOptions = {}): RehydrateResult {
    vault.assertAlive();
    if (typeof text !== 'string') {
      throw new TakumoError('TAKUMO_E_INVALID_INPUT', `rehydrate() expects the text as a string, got ${describeType(text)}`);
    }
    const report: RestoreReport = { restored: 0, unrestored: [] };
    const out = restoreAll(text, vault, { json: opts.json === true }, report);
    counters.restored += report.restored;
    counters.unrestored += report.unrestored.length;
    return { text: out, restored: report.restored, unrestored: report.unrestored };
  }

  return {
    get destroyed() {
      return vault.destroyed;
    },
    tokenize,
    rehydrate: (text, opts) => rehydrateWithReport(text, opts).text,
    rehydrateWithReport,
    rehydrator(opts: RehydratorOptions = {}): Rehydrator {
      vault.assertAlive();
      return new StreamRehydrator(vault, { json: opts.json === true });
    },
    stats(): SessionStats {
      vault.assertAlive();
      return { secrets: vault.size, ...counters };
    },
    destroy(): void {
      vault.destroy();
    },
  };
}

/** Characters that JSON string escaping or percent-encoding would change. */
const NEEDS_ENCODING = /[^A-Za-z0-9_.~!*'()-]/;

/**
 * The spellings of a secret inside a JSON string (once, and twice for JSON text inside a
 * JSON string) and percent-encoded, in both Unicode normalisation forms, when they differ
 * from the value (most tokens are plain alphanumerics: nothing to add).
 *
 * The list is a function of the value alone, and spellings are never learned as values
 * (see `Span.learn`): spellings of spellings would otherwise be searched for only after
 * an earlier call had met the first spelling, and the same text would tokenize differently.
 */
export function encodedForms(value: string): string[] {
  if (!NEEDS_ENCODING.test(value)) return [];
  const forms: string[] = [];
  const add = (form: string): void => {
    if (form !== value && !forms.includes(form)) forms.push(form);
  };
  const jsonEscaped = (text: string): string => JSON.stringify(text).slice(1, -1);
  // `ä` can be one code point or `a` + a combining mark: the same text to a reader (and a model).
  const normalised = /[^\x00-\x7f]/.test(value) ? [value, value.normalize('NFC'), value.normalize('NFD')] : [value];
  for (const text of normalised) {
    add(text);
    add(jsonEscaped(text));
    add(jsonEscaped(jsonEscaped(text)));
    try {
      add(encodeURIComponent(text));
    } catch {
      // A lone surrogate has no percent-encoding.
    }
  }
  return forms;
}

function encodedKnownSecrets(known: KnownSecret[]): Map<string, Category> {
  const out = new Map<string, Category>();
  for (const k of known) {
    if (typeof k?.value !== 'string' || k.value.length < MIN_REPEATED_SECRET_LENGTH) continue;
    for (const form of encodedForms(k.value)) if (!out.has(form)) out.set(form, k.category ?? 'ENV');
  }
  return out;
}

function buildDetector(options: SessionOptions): Detector {
  const known = options.knownSecrets ?? [];
  if (options.detector !== undefined) {
    if (known.length > 0 || options.config !== undefined) {
      throw new TakumoError('TAKUMO_E_CONFIG', 'createSession(): pass either a detector or a config with knownSecrets, not both');
    }
    return options.detector;
  }
  const config = options.config ?? {};
  if (known.length === 0) return createDetector(config);
  return createDetector({ ...config, knownSecrets: [...(config.knownSecrets ?? []), ...known] });
}

/**
 * Sorted, non-overlapping, non-empty spans; overlapping ones become one span covering both.
 * A merged span is learned only when one of its spans to learn covers all of it (a union
 * of two overlapping secrets is not itself a secret value).
 */
function mergeSpans(spans: Span[], length: number): Span[] {
  const sorted = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.start < last.end) {
      if (span.end > last.end) {
        // Sorted by start, longest first: no span starting where `last` does reaches this far.
        last.end = span.end;
        last.learn = false;
      } else if (span.learn && span.start === last.start && span.end === last.end) {
        last.learn = true;
      }
      continue;
    }
    merged.push({ ...span });
  }
  return merged;
}

/** True when [start, end) lies inside one of the sorted, merged spans. */
function isCovered(spans: Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (start < s.start) hi = mid - 1;
    else if (start >= s.end) lo = mid + 1;
    else return end <= s.end;
  }
  return false;
}

function segmentAt(segments: Segment[], offset: number): Segment | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid] as Segment;
    if (offset < s.outStart) hi = mid - 1;
    else if (offset >= s.outEnd) lo = mid + 1;
    else return s;
  }
  return undefined;
}
