import fc from 'fast-check';
import { createSession, type Session } from '@takumo/core';
import { afterAll, describe, expect, it } from 'vitest';
import { anthropicMessages } from './adapters/anthropic-messages.js';
import { openaiChat } from './adapters/openai-chat.js';
import { openaiResponses } from './adapters/openai-responses.js';
import type { ProtocolAdapter } from './adapters/adapter.js';
import { Exchange, type SentinelPolicy } from './exchange.js';
import type { SseEvent } from './sse.js';
import { CANARIES, CANARY_KNOWN_SECRETS } from './test-support/canaries.js';
import { chunkingsOf } from './test-support/chunkings.js';

const session: Session = createSession({ knownSecrets: CANARY_KNOWN_SECRETS });
afterAll(() => session.destroy());
const REPORT_OFF: SentinelPolicy = { mode: 'off', threshold: 'high', scan: () => [] };

const tok = (secret: string): string => session.tokenize(`x ${secret} y`).text.slice(2, -2);
const T = { github: tok(CANARIES.github), pem: tok(CANARIES.pem), quoted: tok(CANARIES.quoted) };
const TEXT = `key ${T.github} then ${T.pem}!`;
const TEXT_REAL = `key ${CANARIES.github} then ${CANARIES.pem}!`;
const ARGS = JSON.stringify({ k: T.quoted, pem: T.pem, n: 1 });
const ARGS_REAL = { k: CANARIES.quoted, pem: CANARIES.pem, n: 1 };

const ev = (event: string | undefined, data: unknown): SseEvent => ({ ...(event ? { event } : {}), data: JSON.stringify(data) });

function run(adapter: ProtocolAdapter, events: SseEvent[], policy: SentinelPolicy = REPORT_OFF): { out: SseEvent[]; ex: Exchange } {
  const ex = new Exchange(session, policy);
  const rw = adapter.streamRewriter(ex);
  const out: SseEvent[] = [];
  for (const e of events) out.push(...rw.event(e));
  out.push(...rw.end());
  return { out, ex };
}
const datas = (out: SseEvent[]): any[] => out.filter((e) => e.data && e.data.startsWith('{')).map((e) => JSON.parse(e.data!));

function anthropicEvents(textPieces: string[], argPieces: string[], close = true): SseEvent[] {
  const e: SseEvent[] = [ev('message_start', { type: 'message_start', message: { id: 'm', content: [] } })];
  e.push(ev('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } }));
  e.push(ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: `raw ${T.github}` } }));
  e.push(ev('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature: 'sig+/==' } }));
  e.push(ev('content_block_stop', { type: 'content_block_stop', index: 0 }));
  e.push(ev('content_block_start', { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }));
  for (const p of textPieces) e.push(ev('content_block_delta', { type: 'content_block_delta', index: 1, delta: { type: 'text_delta', text: p } }));
  if (!close) return e;
  e.push(ev('content_block_stop', { type: 'content_block_stop', index: 1 }));
  e.push(ev('content_block_start', { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 't', name: 'n', input: {} } }));
  for (const p of argPieces) e.push(ev('content_block_delta', { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: p } }));
  e.push(ev('content_block_stop', { type: 'content_block_stop', index: 2 }));
  e.push(ev('message_delta', { type: 'message_delta', delta: { stop_reason: 'tool_use' } }));
  e.push(ev('message_stop', { type: 'message_stop' }));
  return e;
}

function collectAnthropic(out: SseEvent[]): { text: string; args: string; order: string[] } {
  let text = '';
  let args = '';
  const order: string[] = [];
  for (const d of datas(out)) {
    order.push(d.type === 'content_block_delta' ? `${d.type}:${d.index}` : `${d.type}${d.index === undefined ? '' : `:${d.index}`}`);
    if (d.type === 'content_block_delta' && d.delta.type === 'text_delta') text += d.delta.text;
    if (d.type === 'content_block_delta' && d.delta.type === 'input_json_delta') args += d.delta.partial_json;
  }
  return { text, args, order };
}

/** Cuts `s` at every offset into two pieces. */
const everySplit = (s: string): Array<[string, string]> => Array.from({ length: s.length + 1 }, (_, i) => [s.slice(0, i), s.slice(i)]);

describe('Anthropic stream rewriting', () => {
  it('restores a token split at every possible offset, in text and in tool-input JSON', () => {
    for (const [a, b] of everySplit(TEXT)) {
      const { text } = collectAnthropic(run(anthropicMessages, anthropicEvents([a, b], [ARGS])).out);
      expect(text).toBe(TEXT_REAL);
    }
    for (const [a, b] of everySplit(ARGS)) {
      const { args } = collectAnthropic(run(anthropicMessages, anthropicEvents([TEXT], [a, b])).out);
      expect(JSON.parse(args)).toEqual(ARGS_REAL);
    }
  });

  it('flushes each block inside the block: every delta comes before its content_block_stop, none after message_stop', () => {
    const { out } = run(anthropicMessages, anthropicEvents([TEXT.slice(0, TEXT.length - 3), TEXT.slice(-3)], [ARGS.slice(0, 9), ARGS.slice(9)]));
    const { order } = collectAnthropic(out);
    const stop1 = order.indexOf('content_block_stop:1');
    expect(order.slice(stop1 + 1).some((o) => o === 'content_block_delta:1')).toBe(false);
    expect(order.at(-1)).toBe('message_stop');
  });

  it('leaves thinking and signature events byte-identical', () => {
    const input = anthropicEvents([TEXT], [ARGS]);
    const { out } = run(anthropicMessages, input);
    for (const e of input.filter((x) => x.data!.includes('thinking_delta') || x.data!.includes('signature_delta'))) {
      expect(out.some((o) => o.data === e.data)).toBe(true);
    }
  });

  it('a stream that ends mid-block delivers what it holds (the raw partial token)', () => {
    const cut = TEXT.indexOf(T.pem) + 10;
    const { out } = run(anthropicMessages, anthropicEvents([TEXT.slice(0, cut)], [], false));
    expect(collectAnthropic(out).text).toBe(TEXT_REAL.slice(0, TEXT_REAL.indexOf(CANARIES.pem)) + T.pem.slice(0, 10));
  });

  it('property: any slicing of text and tool JSON gives the batch result', () => {
    fc.assert(
      fc.property(chunkingsOf(TEXT, 10), chunkingsOf(ARGS, 10), (tp, ap) => {
        const { text, args } = collectAnthropic(run(anthropicMessages, anthropicEvents(tp, ap)).out);
        expect(text).toBe(TEXT_REAL);
        expect(JSON.parse(args)).toEqual(ARGS_REAL);
      }),
    );
  });
});

function chatEvents(textPieces: string[], argPieces: string[], finish = true): SseEvent[] {
  const base = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
  const e = [ev(undefined, { ...base, choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] })];
  for (const p of textPieces) e.push(ev(undefined, { ...base, choices: [{ index: 0, delta: { content: p }, finish_reason: null }] }));
  e.push(ev(undefined, { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call', type: 'function', function: { name: 'f', arguments: '' } }] }, finish_reason: null }] }));
  for (const p of argPieces) e.push(ev(undefined, { ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: p } }] }, finish_reason: null }] }));
  if (finish) e.push(ev(undefined, { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] }));
  e.push({ data: '[DONE]' });
  return e;
}

function collectChat(out: SseEvent[]): { text: string; args: string; finishIndex: number; lastDeltaIndex: number } {
  let text = '';
  let args = '';
  let finishIndex = -1;
  let lastDeltaIndex = -1;
  datas(out).forEach((d, i) => {
    const c = d.choices[0];
    if (c.delta?.content) {
      text += c.delta.content;
      lastDeltaIndex = i;
    }
    for (const tc of c.delta?.tool_calls ?? []) {
      if (tc.function?.arguments) {
        args += tc.function.arguments;
        lastDeltaIndex = i;
      }
    }
    if (c.finish_reason) finishIndex = i;
  });
  return { text, args, finishIndex, lastDeltaIndex };
}

describe('OpenAI Chat stream rewriting', () => {
  it('restores a token split at every offset, in content and in tool-call arguments (JSON-escaped)', () => {
    for (const [a, b] of everySplit(TEXT)) expect(collectChat(run(openaiChat, chatEvents([a, b], [ARGS])).out).text).toBe(TEXT_REAL);
    for (const [a, b] of everySplit(ARGS)) expect(JSON.parse(collectChat(run(openaiChat, chatEvents([TEXT], [a, b])).out).args)).toEqual(ARGS_REAL);
  });

  it('flushes held text no later than the finish_reason chunk', () => {
    const r = collectChat(run(openaiChat, chatEvents([TEXT], [ARGS.slice(0, -4), ARGS.slice(-4)])).out);
    expect(r.lastDeltaIndex).toBeLessThanOrEqual(r.finishIndex);
  });

  it('without finish_reason, held text goes out before [DONE]', () => {
    const { out } = run(openaiChat, chatEvents([TEXT.slice(0, -5)], [], false));
    expect(collectChat(out).text).toBe(session.rehydrate(TEXT.slice(0, -5)));
    expect(out.at(-1)!.data).toBe('[DONE]');
  });

  it('property: any slicing gives the batch result', () => {
    fc.assert(
      fc.property(chunkingsOf(TEXT, 10), chunkingsOf(ARGS, 10), (tp, ap) => {
        const r = collectChat(run(openaiChat, chatEvents(tp, ap)).out);
        expect(r.text).toBe(TEXT_REAL);
        expect(JSON.parse(r.args)).toEqual(ARGS_REAL);
      }),
    );
  });
});

function responsesEvents(textPieces: string[], patchPieces: string[]): SseEvent[] {
  let seq = 0;
  const e = (type: string, d: Record<string, unknown>) => ev(type, { type, sequence_number: seq++, ...d });
  const out = [e('response.created', { response: { id: 'r', output: [] } })];
  out.push(e('response.output_item.added', { output_index: 0, item: { type: 'reasoning', id: 'rs', encrypted_content: 'enc+/=', summary: [{ type: 'summary_text', text: T.github }] } }));
  out.push(e('response.output_item.added', { output_index: 1, item: { type: 'message', id: 'msg', content: [] } }));
  for (const p of textPieces) out.push(e('response.output_text.delta', { item_id: 'msg', output_index: 1, content_index: 0, delta: p }));
  out.push(e('response.output_text.done', { item_id: 'msg', output_index: 1, content_index: 0, text: textPieces.join('') }));
  out.push(e('response.output_item.done', { output_index: 1, item: { type: 'message', id: 'msg', content: [{ type: 'output_text', text: textPieces.join(''), annotations: [] }] } }));
  for (const p of patchPieces) out.push(e('response.custom_tool_call_input.delta', { item_id: 'ctc', output_index: 2, delta: p }));
  out.push(e('response.custom_tool_call_input.done', { item_id: 'ctc', output_index: 2, input: patchPieces.join('') }));
  out.push(e('response.completed', { response: { id: 'r', output: [{ type: 'message', id: 'msg', content: [{ type: 'output_text', text: textPieces.join('') }] }] } }));
  return out;
}

describe('OpenAI Responses stream rewriting', () => {
  const PATCH = `*** Begin Patch\n+KEY=${T.pem}\n*** End Patch`;
  const PATCH_REAL = `*** Begin Patch\n+KEY=${CANARIES.pem}\n*** End Patch`;

  it('restores at every offset; deltas, .done and snapshots agree; custom tool input restored raw', () => {
    for (const [a, b] of everySplit(TEXT)) {
      const d = datas(run(openaiResponses, responsesEvents([a, b], [PATCH])).out);
      const text = d.filter((x) => x.type === 'response.output_text.delta').map((x) => x.delta).join('');
      expect(text).toBe(TEXT_REAL);
      expect(d.find((x) => x.type === 'response.output_text.done').text).toBe(TEXT_REAL);
      expect(d.find((x) => x.type === 'response.output_item.done').item.content[0].text).toBe(TEXT_REAL);
      expect(d.find((x) => x.type === 'response.completed').response.output[0].content[0].text).toBe(TEXT_REAL);
      const seqs = d.map((x) => x.sequence_number);
      expect(seqs).toEqual(seqs.map((_: number, i: number) => i));
    }
    for (const [a, b] of everySplit(PATCH)) {
      const d = datas(run(openaiResponses, responsesEvents([TEXT], [a, b])).out);
      expect(d.filter((x) => x.type === 'response.custom_tool_call_input.delta').map((x) => x.delta).join('')).toBe(PATCH_REAL);
      expect(d.find((x) => x.type === 'response.custom_tool_call_input.done').input).toBe(PATCH_REAL);
    }
  });

  it('never touches reasoning items (encrypted_content, summaries)', () => {
    const d = datas(run(openaiResponses, responsesEvents([TEXT], [PATCH])).out);
    const rs = d.find((x) => x.item?.type === 'reasoning').item;
    expect(rs).toEqual({ type: 'reasoning', id: 'rs', encrypted_content: 'enc+/=', summary: [{ type: 'summary_text', text: T.github }] });
  });
});

describe('Sentinel on streamed answers (injected scanner)', () => {
  const flagging: SentinelPolicy = {
    mode: 'block',
    threshold: 'high',
    scan: (text) => (text.includes('AKIA') ? [{ category: 'secret', rule: 'aws-access-key', severity: 'critical', line: 1, endLine: 1, column: 1, message: 'm', cwe: 'CWE-798' }] : []),
  };

  it('scans each completed block before rehydration and marks the exchange blocked', () => {
    const seen: string[] = [];
    const policy: SentinelPolicy = { ...flagging, scan: (t, o) => (seen.push(t), flagging.scan(t, o)) };
    const { ex } = run(anthropicMessages, anthropicEvents([`const k = "AKIAZ7VQ3KXPL2M9QR4T"; ${T.github}`], [ARGS]), policy);
    expect(seen[0]).toContain(T.github); // before rehydration: the user's secret is still a token
    expect(ex.blocked).toBe(true);
    expect(ex.blockMessage()).toContain('secret/aws-access-key (critical)');
    expect(ex.blockMessage()).not.toContain('AKIA');
  });

  it('scans tool-call JSON by its string values, with the file name from the arguments', () => {
    const seen: Array<{ text: string; filename?: string }> = [];
    const policy: SentinelPolicy = { mode: 'report', threshold: 'high', scan: (text, o) => (seen.push({ text, ...o }), []) };
    run(anthropicMessages, anthropicEvents(['hi'], [JSON.stringify({ file_path: 'src/app.py', content: 'print("hello world")' })]), policy);
    expect(seen).toContainEqual({ text: 'print("hello world")', filename: 'src/app.py' });
  });
});

describe('restore bookkeeping', () => {
  it('counts restored tokens once per block and reports token-shaped text no vault entry matches', () => {
    const unknown = '__TAKUMO_v1_KEY_0badf00d__';
    const { ex } = run(anthropicMessages, anthropicEvents([`${TEXT} and ${unknown}`], [ARGS]));
    expect(ex.restored).toBe(4); // two in the text, two in the tool input
    expect(ex.unrestorable).toBe(1);
  });

  it('scans a Codex patch with the file name it writes', () => {
    const seen: Array<{ filename?: string }> = [];
    const policy: SentinelPolicy = { mode: 'report', threshold: 'high', scan: (_t, o) => (seen.push(o), []) };
    run(openaiResponses, responsesEvents(['ok'], ['*** Begin Patch\n*** Add File: src/db.py\n+x = 1\n*** End Patch']), policy);
    expect(seen).toContainEqual({ filename: 'src/db.py' });
  });
});
