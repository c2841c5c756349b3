import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeSseEvent, SseParser, type SseEvent } from './sse.js';
import { chunkingsOf } from './test-support/chunkings.js';

function parseAll(chunks: Array<string | Uint8Array>): SseEvent[] {
  const p = new SseParser();
  const out: SseEvent[] = [];
  for (const c of chunks) out.push(...p.push(c));
  out.push(...p.end());
  return out;
}

const STREAM =
  'event: message_start\r\ndata: {"type":"message_start"}\r\n\r\n' +
  ': keep-alive\n\n' +
  'event: content_block_delta\ndata: {"text":"h\u00e9llo \u{1F600}"}\n\n' +
  'data: line one\ndata: line two\n\n' +
  'id: 7\nretry: 1000\ndata:no-space\r\r' +
  'data: [DONE]\n\n';

describe('SseParser', () => {
  it('parses CRLF, CR and LF line ends, comments, multi-line data, id and retry', () => {
    expect(parseAll([STREAM])).toEqual([
      { event: 'message_start', data: '{"type":"message_start"}' },
      { comments: ['keep-alive'] },
      { event: 'content_block_delta', data: '{"text":"h\u00e9llo \u{1F600}"}' },
      { data: 'line one\nline two' },
      { id: '7', retry: '1000', data: 'no-space' },
      { data: '[DONE]' },
    ]);
  });

  it('gives the same events for a byte stream split at every offset (inside UTF-8 sequences and CRLF too)', () => {
    const bytes = Buffer.from(STREAM, 'utf8');
    const whole = parseAll([bytes]);
    for (let i = 0; i <= bytes.length; i++) {
      expect(parseAll([bytes.subarray(0, i), bytes.subarray(i)])).toEqual(whole);
    }
  });

  it('delivers a last frame that lacks its blank line at end of stream', () => {
    expect(parseAll(['data: {"a":1}'])).toEqual([{ data: '{"a":1}' }]);
  });

  it('property: any chunking of the bytes yields the same events', () => {
    const bytes = Buffer.from(STREAM, 'utf8');
    fc.assert(
      fc.property(chunkingsOf(bytes, 12), (chunks) => {
        expect(parseAll(chunks)).toEqual(parseAll([bytes]));
      }),
    );
  });

  it('property: serialising then parsing gives the events back', () => {
    const line = fc.string().map((s) => s.replace(/[\r\n]/g, ' '));
    const event = fc.record(
      { event: line.filter((s) => !s.startsWith(' ')), data: fc.array(line, { minLength: 1, maxLength: 3 }).map((l) => l.map((x) => x.replace(/^ /, '')).join('\n')) },
      { requiredKeys: ['data'] },
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 5 }), (events) => {
        const text = events.map((e) => serializeSseEvent(e)).join('');
        expect(parseAll([text])).toEqual(events);
      }),
    );
  });
});
