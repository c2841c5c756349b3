import { randomBytes } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CloudClientError, type AgentEvent, type CloudClient, type Receipt } from './cloud-client.js';
import { ensureHomeDir, homeFile, readStateFile, takumoHome, writeStateFile } from './home.js';

/**
 * The agent's outbox of audit events.
 *
 * Decision: the queue is persisted in TAKUMO_HOME/queue.jsonl (mode 0600). It only ever
 * holds metadata (event type, time, category, rule id, file path, line, counts, tool) —
 * `sanitizeEvent` keeps exactly those fields and drops everything else — so keeping it on
 * disk leaks nothing a scan report would not show, and events from a run while the cloud
 * was down are delivered by a later run instead of being lost at exit.
 *
 * - Bounded: at most `maxEvents` are kept; beyond that the oldest are dropped and counted
 *   (TAKUMO_HOME/queue-state.json, shown by `takumo status`).
 * - Flushing sends batches of `batchSize`, retrying retryable failures (cloud down, 5xx,
 *   429) with exponential backoff and full jitter, and never runs past its deadline: what
 *   is not sent by then goes back to the file for next time.
 * - Concurrent processes: a flush claims the file by renaming it (atomic), so two runs never
 *   send the same events; a claim left by a crashed process is adopted by the next flush.
 * - ZDR organisations accept only {type, agentReportedAt, counts}: `zdrEvents` folds the
 *   queue into per-type category counts before sending.
 */
export const QUEUE_FILE = 'queue.jsonl';
const QUEUE_STATE_FILE = 'queue-state.json';
const RECEIPTS_FILE = 'receipts.json';
const MAX_RECEIPTS_PER_LOG = 10_000;

export interface QueueOptions {
  maxEvents?: number;
  batchSize?: number;
  /** First retry delay; doubles per attempt up to maxDelayMs, each scaled by random jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

export interface FlushResult {
  sent: number;
  remaining: number;
  droppedNow: number;
  rejected: number;
  receipts: Receipt[];
  error?: CloudClientError;
}

interface QueueState {
  dropped: number;
  rejected: number;
  lastFlushAt?: string;
  lastError?: string;
}

// The same shapes the cloud accepts (packages/cloud events route), so a batch is never
// refused for a field the agent could have checked first.
const TYPE = /^[a-z][a-z0-9_.]{0,63}$/;
const CATEGORY = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;
const RULE = /^[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,127}$/;
const TOOL = /^[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,63}$/;
const COUNT_KEY = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/;
const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9_.\/-]{0,255}$/;
const MAX_COUNT = 1_000_000_000;
const MAX_LINE = 10_000_000;

/**
 * Keeps only the metadata fields an event may carry, each checked for shape; returns
 * undefined when the event is unusable. Anything else — a value, a snippet, a hash — has
 * no field to travel in.
 */
export function sanitizeEvent(input: unknown): AgentEvent | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const e = input as Record<string, unknown>;
  if (typeof e.type !== 'string' || !TYPE.test(e.type)) return undefined;
  const reportedAt = typeof e.agentReportedAt === 'string' && !Number.isNaN(Date.parse(e.agentReportedAt)) ? e.agentReportedAt : undefined;
  if (!reportedAt) return undefined;
  const event: AgentEvent = { type: e.type, agentReportedAt: new Date(reportedAt).toISOString() };
  if (typeof e.category === 'string' && CATEGORY.test(e.category)) event.category = e.category;
  if (typeof e.rule === 'string' && RULE.test(e.rule)) event.rule = e.rule;
  if (typeof e.file === 'string' && isRelativePath(e.file)) event.file = e.file;
  if (Number.isSafeInteger(e.line) && (e.line as number) > 0 && (e.line as number) <= MAX_LINE) event.line = e.line as number;
  if (typeof e.repository === 'string' && REPOSITORY.test(e.repository)) event.repository = e.repository;
  if (typeof e.tool === 'string' && TOOL.test(e.tool)) event.tool = e.tool;
  if (typeof e.counts === 'object' && e.counts !== null && !Array.isArray(e.counts)) {
    const counts: Record<string, number> = {};
    for (const [key, value] of Object.entries(e.counts as Record<string, unknown>).slice(0, 64)) {
      if (COUNT_KEY.test(key) && Number.isSafeInteger(value) && (value as number) >= 0) {
        counts[key] = Math.min(value as number, MAX_COUNT);
      }
    }
    if (Object.keys(counts).length > 0) event.counts = counts;
  }
  return event;
}

/** Repository-relative paths only: an absolute path would tell the cloud the user's home directory. */
function isRelativePath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= 1024 &&
    !path.startsWith('/') &&
    !/^[A-Za-z]:[\\/]/.test(path) &&
    !path.startsWith('\\') &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(path)
  );
}

/**
 * Zero Data Retention: one event per type carrying only counts (per category, plus the
 * number of events folded in). No path, line, rule, repository or tool survives.
 */
export function zdrEvents(events: AgentEvent[]): AgentEvent[] {
  const byType = new Map<string, AgentEvent & { counts: Record<string, number> }>();
  for (const e of events) {
    let folded = byType.get(e.type);
    if (!folded) {
      folded = { type: e.type, agentReportedAt: e.agentReportedAt, counts: {} };
      byType.set(e.type, folded);
    }
    if (e.agentReportedAt > folded.agentReportedAt) folded.agentReportedAt = e.agentReportedAt;
    const counts = e.counts ?? (e.category ? { [e.category]: 1 } : { events: 1 });
    for (const [key, value] of Object.entries(counts)) folded.counts[key] = Math.min(MAX_COUNT, (folded.counts[key] ?? 0) + value);
  }
  return [...byType.values()];
}

export class EventQueue {
  private readonly memory: AgentEvent[] = [];
  private droppedInMemory = 0;
  private readonly maxEvents: number;
  private readonly batchSize: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly random: () => number;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    options: QueueOptions = {},
  ) {
    this.maxEvents = options.maxEvents ?? 10_000;
    this.batchSize = options.batchSize ?? 100;
    this.baseDelayMs = options.baseDelayMs ?? 250;
    this.maxDelayMs = options.maxDelayMs ?? 4_000;
    this.random = options.random ?? Math.random;
  }

  /** Adds an event (sanitized; an unusable one is ignored). Returns whether it was kept. */
  add(input: unknown): boolean {
    const event = sanitizeEvent(input);
    if (!event) return false;
    this.memory.push(event);
    if (this.memory.length > this.maxEvents) {
      this.memory.shift();
      this.droppedInMemory++;
    }
    return true;
  }

  get pending(): number {
    return this.memory.length;
  }

  /** Writes the in-memory events to the queue file without sending (no cloud reachable). */
  persist(): void {
    const events = this.memory.splice(0);
    this.bumpState({ dropped: this.droppedInMemory });
    this.droppedInMemory = 0;
    if (events.length > 0) this.appendToFile(events);
    this.trimFile();
  }

  /**
   * Sends the queued events (file + memory) to the cloud until done or `deadlineMs` has
   * passed; whatever is left is written back to the queue file.
   */
  async flush(client: CloudClient, options: { agentId: string; zdr: boolean; deadlineMs: number; cloudKey: string }): Promise<FlushResult> {
    const deadline = Date.now() + options.deadlineMs;
    const claimed = this.claimFile();
    let events = [...claimed.events, ...this.memory.splice(0)];
    let droppedNow = this.droppedInMemory;
    this.droppedInMemory = 0;
    if (events.length > this.maxEvents) {
      droppedNow += events.length - this.maxEvents;
      events = events.slice(events.length - this.maxEvents);
    }
    if (options.zdr) events = zdrEvents(events);

    const result: FlushResult = { sent: 0, remaining: 0, droppedNow, rejected: 0, receipts: [] };
    let index = 0;
    let attempt = 0;
    while (index < events.length) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const batch = events.slice(index, index + this.batchSize);
      try {
        const { receipts } = await client.postEvents(options.agentId, batch, Math.max(1, Math.min(left, 5_000)));
        result.receipts.push(...receipts);
        result.sent += batch.length;
        index += batch.length;
        attempt = 0;
      } catch (error) {
        const failure =
          error instanceof CloudClientError ? error : new CloudClientError('protocol', 'unexpected failure while sending events');
        result.error = failure;
        if (failure.kind === 'rejected' && failure.status !== 429) {
          // The cloud refuses this batch as malformed: retrying cannot help, and keeping it
          // would block every later event. Count it and move on.
          result.rejected += batch.length;
          index += batch.length;
          continue;
        }
        if (!failure.retryable) break; // unauthorized/forbidden: keep the events for after a new login
        const delay = this.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** attempt);
        attempt++;
        if (Date.now() + delay >= deadline) break;
        await sleep(delay);
      }
    }
    const unsent = events.slice(index);
    result.remaining = unsent.length;
    if (unsent.length > 0) this.appendToFile(unsent);
    claimed.release();
    this.trimFile();
    this.bumpState({
      dropped: droppedNow,
      rejected: result.rejected,
      lastFlushAt: new Date().toISOString(),
      ...(result.error && result.remaining > 0 && { lastError: result.error.message }),
      ...(!result.error && { lastError: undefined }),
    });
    if (result.receipts.length > 0) recordReceipts(this.env, options.cloudKey, result.receipts);
    return result;
  }

  // ---- files ----------------------------------------------------------------------------

  private appendToFile(events: AgentEvent[]): void {
    ensureHomeDir(takumoHome(this.env));
    appendFileSync(homeFile(this.env, QUEUE_FILE), events.map((e) => `${JSON.stringify(e)}\n`).join(''), { mode: 0o600 });
  }

  /** Keeps the file within maxEvents (drops the oldest, counted). */
  private trimFile(): void {
    const path = homeFile(this.env, QUEUE_FILE);
    const lines = readLines(path);
    if (lines.length <= this.maxEvents) return;
    const claim = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.trim`;
    try {
      renameSync(path, claim);
    } catch {
      return; // another process got there first
    }
    const again = readLines(claim);
    const kept = again.slice(again.length - this.maxEvents);
    rmSync(claim, { force: true });
    this.bumpState({ dropped: again.length - kept.length });
    appendFileSync(path, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  }

  private claimFile(): { events: AgentEvent[]; release: () => void } {
    const home = takumoHome(this.env);
    const path = homeFile(this.env, QUEUE_FILE);
    const claims: string[] = [];
    const mine = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.claim`;
    try {
      renameSync(path, mine);
      claims.push(mine);
    } catch {
      // No queue file (or another process claimed it): nothing to adopt.
    }
    // Claims of processes that died mid-flush.
    let names: string[] = [];
    try {
      names = readdirSync(home);
    } catch {
      names = [];
    }
    for (const name of names) {
      const m = new RegExp(`^${basename(path).replace('.', '\\.')}\\.(\\d+)\\.[0-9a-f]{8}\\.claim$`).exec(name);
      if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
      const adopted = `${mine}.adopted.${claims.length}`;
      try {
        renameSync(join(home, name), adopted);
        claims.push(adopted);
      } catch {
        // Adopted by someone else.
      }
    }
    const events: AgentEvent[] = [];
    for (const claim of claims) {
      for (const line of readLines(claim)) {
        try {
          const event = sanitizeEvent(JSON.parse(line));
          if (event) events.push(event);
        } catch {
          // A torn line (a crash mid-append): skip it.
        }
      }
    }
    return { events, release: () => claims.forEach((c) => rmSync(c, { force: true })) };
  }

  private bumpState(change: { dropped?: number; rejected?: number; lastFlushAt?: string; lastError?: string | undefined }): void {
    const hasChange = Boolean(change.dropped) || Boolean(change.rejected) || 'lastFlushAt' in change || 'lastError' in change;
    if (!hasChange) return;
    const path = homeFile(this.env, QUEUE_STATE_FILE);
    const state = readStateFile<QueueState>(path) ?? { dropped: 0, rejected: 0 };
    state.dropped = (state.dropped ?? 0) + (change.dropped ?? 0);
    state.rejected = (state.rejected ?? 0) + (change.rejected ?? 0);
    if (change.lastFlushAt) state.lastFlushAt = change.lastFlushAt;
    if ('lastError' in change) {
      if (change.lastError === undefined) delete state.lastError;
      else state.lastError = change.lastError;
    }
    writeStateFile(path, state);
  }
}

/** What `takumo status` shows about the queue. */
export function queueStatus(env: NodeJS.ProcessEnv): { length: number; dropped: number; rejected: number; lastFlushAt?: string; lastError?: string } {
  const state = readStateFile<QueueState>(homeFile(env, QUEUE_STATE_FILE)) ?? { dropped: 0, rejected: 0 };
  return {
    length: readLines(homeFile(env, QUEUE_FILE)).length,
    dropped: state.dropped ?? 0,
    rejected: state.rejected ?? 0,
    ...(state.lastFlushAt && { lastFlushAt: state.lastFlushAt }),
    ...(state.lastError && { lastError: state.lastError }),
  };
}

// ---- receipts -------------------------------------------------------------------------

interface ReceiptStore {
  logs: Record<string, Receipt[]>;
}

/** Receipts are kept per log (cloud URL + organisation), the newest MAX_RECEIPTS_PER_LOG. */
export function recordReceipts(env: NodeJS.ProcessEnv, cloudKey: string, receipts: Receipt[]): void {
  const path = homeFile(env, RECEIPTS_FILE);
  const store = readStateFile<ReceiptStore>(path) ?? { logs: {} };
  const list = [...(store.logs[cloudKey] ?? []), ...receipts.map((r) => ({ seq: r.seq, leafHash: r.leafHash }))];
  store.logs[cloudKey] = list.slice(Math.max(0, list.length - MAX_RECEIPTS_PER_LOG));
  writeStateFile(path, store);
}

export function loadReceipts(env: NodeJS.ProcessEnv, cloudKey: string): Receipt[] {
  return readStateFile<ReceiptStore>(homeFile(env, RECEIPTS_FILE))?.logs?.[cloudKey] ?? [];
}

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
  } catch {
    return [];
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Drops every queued event (logout, or a login to another cloud); returns how many. */
export function discardQueue(env: NodeJS.ProcessEnv): number {
  const path = homeFile(env, QUEUE_FILE);
  const count = readLines(path).length;
  rmSync(path, { force: true });
  return count;
}
