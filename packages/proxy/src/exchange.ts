import type { Rehydrator, Session } from '@takumo/core';
import type { SentinelFinding, Severity } from '@takumo/sentinel';
import { rewriteJsonStringLiterals } from './json-literals.js';
import { ProxyError } from './provider-errors.js';
import type { TokenizeCache } from './tokenize-cache.js';

/** What a Sentinel scanner looks like to the proxy (injectable for tests). */
export type AnswerScanner = (text: string, options: { filename?: string; language?: string }) => SentinelFinding[];

export type SentinelMode = 'off' | 'report' | 'block';

export interface SentinelPolicy {
  mode: SentinelMode;
  /** Findings at or above this severity block the answer in `block` mode. */
  threshold: Severity;
  scan: AnswerScanner;
}

/** How a text channel is restored: `text` gets raw values, `json` JSON-escaped ones. */
export type ChannelKind = 'text' | 'json';

/** What a channel's text is, for Sentinel: prose/code, tool-call JSON, or free-form tool input. */
export type ScanKind = 'text' | 'tool-json' | 'tool-raw';

export interface FindingSummary {
  category: string;
  rule: string;
  severity: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3, critical: 4 };

/** One streamed block of answer text: restores as it goes and remembers the raw text. */
export class Channel {
  private readonly rehydrator: Rehydrator;
  private raw = '';
  private ended = false;

  constructor(
    private readonly exchange: Exchange,
    readonly kind: ChannelKind,
    private readonly scanKind: ScanKind,
    private readonly hint: ScanHint,
  ) {
    this.rehydrator = exchange.session.rehydrator({ json: kind === 'json' });
  }

  push(chunk: string): string {
    // A late chunk for a finished block is restored whole, escaped like the block was.
    if (this.ended) return this.exchange.session.rehydrate(chunk, { json: this.kind === 'json' });
    this.raw += chunk;
    return this.rehydrator.push(chunk);
  }

  /** Flushes the held tail (never dropped) and scans the completed block. */
  end(): string {
    if (this.ended) return '';
    this.ended = true;
    const rest = this.rehydrator.end();
    this.exchange.completeBlock(this.raw, this.scanKind, this.hint, this.rehydrator.restored, this.rehydrator.unrestored.length);
    this.raw = '';
    return rest;
  }

  get isOpen(): boolean {
    return !this.ended;
  }
}

export interface ScanHint {
  filename?: string;
}

/**
 * Everything that happens to one request/response pair: the tokenization (counted by
 * category and rule, never values), the restores, Sentinel findings, and the block
 * decision. Adapters talk to it; the server turns it into the log line and events.
 */
export class Exchange {
  readonly tokenized = new Map<string, number>();
  readonly rules = new Map<string, { category: string; count: number }>();
  restored = 0;
  unrestorable = 0;
  readonly findings: FindingSummary[] = [];
  blockedBy: FindingSummary[] | undefined;
  private readonly channels = new Map<string, Channel>();

  constructor(
    readonly session: Session,
    readonly sentinel: SentinelPolicy,
    private readonly cache?: TokenizeCache,
  ) {}

  // ----- outbound -----

  /** Tokenizes one client string. Any failure is fatal for the request (fail closed). */
  tokenize(value: string): string {
    if (value.length === 0) return value;
    const cacheable = this.cache !== undefined && value.length >= this.cache.minLength;
    // The vault only grows. A text tokenized before the session learned a secret may
    // hold that secret (the session replaces known secrets wherever they appear), so an
    // entry made with fewer secrets in the vault is not reused.
    const secrets = cacheable ? this.session.stats().secrets : 0;
    const cached = cacheable ? this.cache!.get(value) : undefined;
    if (cached && cached.secrets === secrets) {
      this.count(cached.findings);
      return cached.text;
    }
    let result;
    try {
      result = this.session.tokenize(value);
    } catch (error) {
      const code = (error as { code?: unknown })?.code;
      throw new ProxyError(
        'TAKUMO_E_TOKENIZE_FAILED',
        `tokenizing the request failed${typeof code === 'string' ? ` (${code})` : ''}; nothing was sent to the provider`,
      );
    }
    this.count(result.findings);
    if (cacheable) {
      const entry = { text: result.text, secrets: this.session.stats().secrets, findings: result.findings.map((f) => ({ category: f.category, rule: f.rule })) };
      this.cache!.set(value, entry);
    }
    return result.text;
  }

  private count(findings: ReadonlyArray<{ category: string; rule: string }>): void {
    for (const f of findings) {
      this.tokenized.set(f.category, (this.tokenized.get(f.category) ?? 0) + 1);
      const r = this.rules.get(f.rule) ?? { category: f.category, count: 0 };
      r.count++;
      this.rules.set(f.rule, r);
    }
  }

  /** Tokenizes the string literals of a JSON source (tool-call arguments in history). */
  tokenizeJsonSource(source: string): string {
    // Arguments that are not JSON (truncated, or plain text from a non-conforming client)
    // can carry a value outside any literal: the text between literals is tokenized too.
    return rewriteJsonStringLiterals(source, (v) => this.tokenize(v), isJson(source) ? undefined : (t) => this.tokenize(t));
  }

  // ----- inbound -----

  /** The channel for `key`, created on first use. */
  channel(key: string, kind: ChannelKind, scanKind: ScanKind = kind === 'json' ? 'tool-json' : 'text', hint: ScanHint = {}): Channel {
    let c = this.channels.get(key);
    if (!c || !c.isOpen) {
      // A key reused after its block ended starts a fresh channel.
      c = new Channel(this, kind, scanKind, hint);
      this.channels.set(key, c);
    }
    return c;
  }

  existingChannel(key: string): Channel | undefined {
    const c = this.channels.get(key);
    return c?.isOpen ? c : undefined;
  }

  /** Open channels whose key starts with `prefix` (to flush a choice or an item). */
  openChannels(prefix = ''): Array<[string, Channel]> {
    const out: Array<[string, Channel]> = [];
    for (const [k, c] of this.channels) if (c.isOpen && k.startsWith(prefix)) out.push([k, c]);
    return out;
  }

  get openChannelCount(): number {
    let n = 0;
    for (const c of this.channels.values()) if (c.isOpen) n++;
    return n;
  }

  /** Restores a complete answer block that arrived in one piece (non-streaming bodies). */
  restoreBlock(raw: string, kind: ChannelKind, scanKind: ScanKind = kind === 'json' ? 'tool-json' : 'text', hint: ScanHint = {}): string {
    const c = new Channel(this, kind, scanKind, hint);
    return c.push(raw) + c.end();
  }

  /** Restores a snapshot copy of text already counted through a channel (`.done`, `response.completed`). */
  restoreSnapshot(raw: string, kind: ChannelKind = 'text'): string {
    return this.session.rehydrate(raw, { json: kind === 'json' });
  }

  /** Called when a block is complete: counts restores and runs Sentinel on the raw text. */
  completeBlock(raw: string, scanKind: ScanKind, hint: ScanHint, restored: number, unrestorable: number): void {
    this.restored += restored;
    this.unrestorable += unrestorable;
    if (this.sentinel.mode === 'off' || raw.trim().length === 0) return;
    const found: FindingSummary[] = [];
    let pieces: ScanPiece[];
    try {
      pieces = scanPieces(raw, scanKind, hint);
    } catch {
      // Tool JSON too deeply nested to walk (a hostile answer): scan it as one text.
      pieces = [{ text: raw }];
    }
    for (const piece of pieces) {
      let results: SentinelFinding[];
      try {
        results = this.sentinel.scan(piece.text, piece.filename === undefined ? {} : { filename: piece.filename });
      } catch {
        // A scanner failure must not break the user's answer; it is reported as a finding-less scan.
        results = [];
      }
      for (const f of results) found.push({ category: f.category, rule: f.rule, severity: f.severity });
    }
    this.findings.push(...found);
    if (this.sentinel.mode === 'block') {
      const over = found.filter((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[this.sentinel.threshold]);
      if (over.length > 0) this.blockedBy = [...(this.blockedBy ?? []), ...over];
    }
  }

  get blocked(): boolean {
    return this.blockedBy !== undefined;
  }

  /** Why an answer was blocked, from metadata only. */
  blockMessage(): string {
    // Sentinel's rule ids already carry their category (`sqli/python-execute`).
    const list = (this.blockedBy ?? []).map((f) => `${f.rule.startsWith(`${f.category}/`) ? f.rule : `${f.category}/${f.rule}`} (${f.severity})`);
    return `the answer was blocked by Sentinel: ${list.join(', ')} at or above severity "${this.sentinel.threshold}". Run without --sentinel block to receive it, or ask for a different approach.`;
  }
}

function isJson(source: string): boolean {
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

interface ScanPiece {
  text: string;
  filename?: string;
}

/**
 * Text blocks are scanned as they are; tool-call JSON is parsed and each long-enough
 * string value scanned on its own (a `content` argument holds the file the model writes,
 * with `file_path` / `path` naming it), so findings point at code, not JSON escapes.
 */
function scanPieces(raw: string, kind: ScanKind, hint: ScanHint): ScanPiece[] {
  if (kind === 'tool-raw') {
    // Codex's apply_patch: the file the patch writes names the language.
    const file = /^\*\*\* (?:Add|Update) File: (.+)$/m.exec(raw)?.[1]?.trim() ?? hint.filename;
    return [{ text: raw, ...(file ? { filename: file } : {}) }];
  }
  if (kind !== 'tool-json') return [{ text: raw, ...(hint.filename ? { filename: hint.filename } : {}) }];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [{ text: raw }];
  }
  const pieces: ScanPiece[] = [];
  const filename = pickFilename(parsed);
  collectStrings(parsed, (s) => {
    if (s.length >= 8) pieces.push({ text: s, ...(filename ? { filename } : {}) });
  });
  return pieces;
}

function pickFilename(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  for (const k of ['file_path', 'path', 'filename', 'file']) if (typeof o[k] === 'string') return o[k] as string;
  return undefined;
}

function collectStrings(value: unknown, visit: (s: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) collectStrings(v, visit);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectStrings(v, visit);
}
