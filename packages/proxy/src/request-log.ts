import type { ProxyStats, RequestRecord } from './proxy.js';

/**
 * The terminal line for one request: method, route, status, duration, what was tokenized
 * by category, how many tokens were restored, Sentinel findings. Built from metadata
 * only — there is no code path from a request's text to this line.
 */
export function formatRequestLine(r: RequestRecord): string {
  const parts = [r.method.padEnd(4), r.route, String(r.status), `${Math.round(r.durationMs)}ms`];
  const cats = Object.entries(r.tokenized)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([c, n]) => `${c}×${n}`);
  parts.push(cats.length > 0 ? `tokenized ${cats.join(' ')}` : 'tokenized none');
  parts.push(`restored ${r.restored}`);
  if (r.unrestorable > 0) parts.push(`unrestorable ${r.unrestorable}`);
  if (r.sentinel.length > 0) {
    const counts = new Map<string, number>();
    for (const f of r.sentinel) counts.set(`${f.category}:${f.severity}`, (counts.get(`${f.category}:${f.severity}`) ?? 0) + 1);
    parts.push(`sentinel ${[...counts].map(([k, n]) => `${k}×${n}`).join(' ')}${r.blocked ? ' BLOCKED' : ''}`);
  }
  if (r.error) parts.push(r.error);
  if (r.aborted) parts.push('client disconnected');
  return parts.join('  ');
}

/** One JSON object per line (`--json-log`). */
export function formatRequestJson(r: RequestRecord): string {
  return JSON.stringify({ ts: new Date().toISOString(), ...r });
}

export function formatSummary(s: ProxyStats): string {
  const cats = Object.entries(s.tokenized)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  return (
    `takumo proxy: ${s.requests} request${s.requests === 1 ? '' : 's'}, ` +
    `tokenized ${cats || 'none'}, restored ${s.restored}` +
    (s.unrestorable ? `, unrestorable ${s.unrestorable}` : '') +
    `, sentinel findings ${s.sentinelFindings}` +
    (s.blocked ? `, blocked ${s.blocked}` : '') +
    (s.errors ? `, errors ${s.errors}` : '') +
    (s.aborted ? `, disconnected ${s.aborted}` : '')
  );
}
