import { isAbsolute, relative, sep } from 'node:path';
import type { Writable } from 'node:stream';
import type { EventMetadata } from '@takumo/cloud';
import { CloudClient, CloudClientError } from './cloud-client.js';
import { agentId, loadCredentials, type Credentials } from './credentials.js';
import { EventQueue, type FlushResult, type QueueOptions } from './event-queue.js';
import { refreshPolicy } from './policy.js';

/**
 * What `scan`, `proxy` and `run` use to report audit events to the team cloud.
 *
 * Without a configured cloud it is inert: nothing is queued, written or sent. With one,
 * events are queued in memory and `close()` sends them within a bounded time (default
 * 2.5 s): a cloud that is down or slow costs the local command at most that, and the
 * events wait in the on-disk queue for the next run.
 */
export interface CloudReporter {
  readonly enabled: boolean;
  /** Queues one event; fields beyond the metadata allow-list are dropped. */
  report(event: ReportedEvent): void;
  /** Queues one `detection` event per finding (rule, category, file, line — no value). */
  reportFindings(findings: Iterable<FindingLike>, options: { tool: string; cwd?: string; type?: string }): void;
  /** Queues the audit-relevant proxy events (detections, Sentinel findings) as metadata. */
  reportProxyEvent(event: ProxyEventLike): void;
  /**
   * For long-running commands (`proxy`, `run`): also deliver every `intervalMs` while
   * running. The timer never keeps the process alive.
   */
  startAutoFlush(intervalMs?: number): void;
  /** Sends what is queued (bounded by the deadline) and stops auto-flushing; never throws. */
  close(options?: { deadlineMs?: number }): Promise<ReporterSummary | undefined>;
}

/** The proxy's metadata events (structurally the `ProxyEvent` of @takumo/proxy). */
export type ProxyEventLike =
  | { type: 'detection'; provider: string; rule: string; category: string; count: number }
  | { type: 'sentinel'; provider: string; rule: string; category: string; severity: string; blocked: boolean }
  | { type: 'request' };

/** An event as a command reports it; the reporter stamps `agentReportedAt` when it is missing. */
export interface ReportedEvent extends EventMetadata {
  type: string;
}

/** The subset of a core `Finding` the reporter reads (metadata only). */
export interface FindingLike {
  rule: string;
  category: string;
  file?: string;
  line?: number;
}

export interface ReporterSummary extends Omit<FlushResult, 'receipts'> {
  receipts: number;
}

export interface ReporterOptions extends QueueOptions {
  /** Where a one-line note goes when events could not be delivered (e.g. the command's stderr). */
  stderr?: Writable;
  deadlineMs?: number;
}

export function createCloudReporter(env: NodeJS.ProcessEnv, options: ReporterOptions = {}): CloudReporter {
  let credentials: Credentials | undefined;
  try {
    credentials = loadCredentials(env);
  } catch {
    credentials = undefined; // an unreadable credentials file must not break a scan
  }
  if (!credentials) return inertReporter;
  return new ActiveReporter(env, credentials, options);
}

const inertReporter: CloudReporter = {
  enabled: false,
  report: () => undefined,
  reportFindings: () => undefined,
  reportProxyEvent: () => undefined,
  startAutoFlush: () => undefined,
  close: async () => undefined,
};

/** Maps a proxy event to an audit event; `request` records are not audit events. */
export function proxyAuditEvent(event: ProxyEventLike, now = new Date().toISOString()): ReportedEvent | undefined {
  if (event.type === 'detection') {
    return {
      type: 'tokenization',
      agentReportedAt: now,
      rule: event.rule,
      category: event.category,
      counts: { [event.category]: event.count },
      tool: `proxy/${event.provider}`,
    };
  }
  if (event.type === 'sentinel') {
    return {
      type: event.blocked ? 'sentinel_block' : 'sentinel_finding',
      agentReportedAt: now,
      rule: event.rule,
      category: event.category,
      tool: `proxy/${event.provider}`,
    };
  }
  return undefined;
}

class ActiveReporter implements CloudReporter {
  readonly enabled = true;
  private readonly queue: EventQueue;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<unknown> | undefined;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly credentials: Credentials,
    private readonly options: ReporterOptions,
  ) {
    this.queue = new EventQueue(env, options);
  }

  report(event: ReportedEvent): void {
    if (this.closed) return;
    this.queue.add({ ...event, agentReportedAt: event.agentReportedAt ?? new Date().toISOString() });
  }

  reportFindings(findings: Iterable<FindingLike>, options: { tool: string; cwd?: string; type?: string }): void {
    const now = new Date().toISOString();
    for (const finding of findings) {
      this.report({
        type: options.type ?? 'detection',
        agentReportedAt: now,
        rule: finding.rule,
        category: finding.category,
        ...(finding.file !== undefined && { file: repositoryPath(finding.file, options.cwd) }),
        ...(finding.line !== undefined && { line: finding.line }),
        tool: options.tool,
      });
    }
  }

  reportProxyEvent(event: ProxyEventLike): void {
    const audit = proxyAuditEvent(event);
    if (audit) this.report(audit);
  }

  startAutoFlush(intervalMs = 30_000): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => {
      if (this.flushing || this.queue.pending === 0) return;
      this.flushing = this.deliver(5_000).finally(() => (this.flushing = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async close(options: { deadlineMs?: number } = {}): Promise<ReporterSummary | undefined> {
    if (this.closed) return undefined;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.flushing;
    return this.deliver(options.deadlineMs ?? this.options.deadlineMs ?? 2_500);
  }

  private async deliver(deadlineMs: number): Promise<ReporterSummary | undefined> {
    const started = Date.now();
    try {
      const client = new CloudClient({ url: this.credentials.cloud, token: this.credentials.token });
      // Ask the cloud whether the organisation is ZDR now (it can change after login).
      let zdr = this.credentials.org?.zdr ?? true;
      let orgId = this.credentials.org?.id ?? 'unknown';
      try {
        const me = await withTimeout(client.me(), Math.min(1_500, deadlineMs));
        zdr = me.org.zdr;
        orgId = me.org.id;
      } catch (error) {
        // Unreachable: keep everything queued for the next run, without waiting further.
        this.queue.persist();
        this.note(error);
        return undefined;
      }
      const result = await this.queue.flush(client, {
        agentId: agentId(this.env),
        zdr,
        deadlineMs: Math.max(0, deadlineMs - (Date.now() - started)),
        cloudKey: receiptKey(this.credentials.cloud, orgId),
      });
      if (result.remaining > 0 || result.rejected > 0) this.note(result.error, result);
      // The cloud answered: refresh the cached policy (ETag, usually a 304) with the time left,
      // so the next command applies the organisation's current policy without waiting for it.
      const left = deadlineMs - (Date.now() - started);
      if (left > 100) await refreshPolicy(this.env, { timeoutMs: Math.min(left, 1_500) });
      return { ...result, receipts: result.receipts.length };
    } catch (error) {
      // Last line of defence: local work never fails because of reporting.
      try {
        this.queue.persist();
      } catch {
        // Nothing more we can do; the note below says so.
      }
      this.note(error);
      return undefined;
    }
  }

  private note(error: unknown, result?: FlushResult): void {
    if (!this.options.stderr) return;
    const reason = error instanceof CloudClientError ? error.message : 'the cloud could not be reached';
    const queued = result ? `${result.remaining} event(s) kept for the next run` : 'events kept for the next run';
    const rejected = result && result.rejected > 0 ? `; ${result.rejected} rejected by the cloud` : '';
    this.options.stderr.write(`takumo: audit events not delivered (${reason}); ${queued}${rejected}\n`);
  }
}

/** Receipts and audit state are kept per log: one cloud, one organisation. */
export function receiptKey(cloud: string, orgId: string): string {
  return `${cloud}#${orgId}`;
}

/** Paths go to the cloud relative to the working directory, with forward slashes. */
function repositoryPath(file: string, cwd: string | undefined): string {
  const rel = isAbsolute(file) && cwd ? relative(cwd, file) : file;
  return rel.split(sep).join('/');
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CloudClientError('timeout', `the cloud did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
