/**
 * Server-sent events, parsed incrementally and written back.
 *
 * Upstream reads split anywhere: inside a UTF-8 sequence, inside a line, between the CR
 * and LF of a CRLF. The parser keeps the unfinished line and the decoder state between
 * reads, so every event it emits is whole. Comments (`: keep-alive`) are kept as events
 * of their own so they can be forwarded and keep idle connections alive.
 */
export interface SseEvent {
  /** `event:` field; undefined when the frame had none (OpenAI Chat frames). */
  event?: string;
  /** `data:` lines joined with `\n`; undefined for a comment-only frame. */
  data?: string;
  id?: string;
  retry?: string;
  /** Comment lines (without the leading colon), in order. */
  comments?: string[];
}

/** A line longer than this is not SSE from a real provider: stop instead of buffering forever. */
export const MAX_SSE_LINE = 16 * 1024 * 1024;

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private partial = '';
  private skipLeadingLf = false;
  private current: SseEvent = {};
  private dataLines: string[] | undefined;

  /** Feeds raw bytes (or text); returns the events completed by them. */
  push(chunk: Uint8Array | string): SseEvent[] {
    const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.consume(text, false);
  }

  /** End of stream: a last frame without its blank line is still delivered. */
  end(): SseEvent[] {
    const rest = this.decoder.decode();
    const events = this.consume(rest, true);
    this.pushEvent(events);
    return events;
  }

  private consume(text: string, final: boolean): SseEvent[] {
    const events: SseEvent[] = [];
    let buffer = this.partial + text;
    let start = 0;
    if (this.skipLeadingLf && buffer.length > 0) {
      if (buffer[0] === '\n') start = 1;
      this.skipLeadingLf = false;
    }
    for (let i = start; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      this.line(buffer.slice(start, i), events);
      if (c === 13) {
        if (i + 1 < buffer.length) {
          if (buffer.charCodeAt(i + 1) === 10) i++;
        } else {
          this.skipLeadingLf = true;
        }
      }
      start = i + 1;
    }
    buffer = buffer.slice(start);
    if (buffer.length > MAX_SSE_LINE) throw new RangeError('SSE line longer than 16 MB');
    if (final && buffer.length > 0) {
      this.line(buffer, events);
      buffer = '';
    }
    this.partial = buffer;
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line.length === 0) {
      this.pushEvent(events);
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) {
      (this.current.comments ??= []).push(line.slice(1).replace(/^ /, ''));
      return;
    }
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.current.event = value;
        break;
      case 'data':
        (this.dataLines ??= []).push(value);
        break;
      case 'id':
        this.current.id = value;
        break;
      case 'retry':
        this.current.retry = value;
        break;
      default:
        // Unknown fields are ignored, as the SSE specification says.
        break;
    }
  }

  private pushEvent(events: SseEvent[]): void {
    if (this.dataLines) this.current.data = this.dataLines.join('\n');
    const e = this.current;
    if (e.data !== undefined || e.event !== undefined || e.comments || e.id !== undefined || e.retry !== undefined) {
      events.push(e);
    }
    this.current = {};
    this.dataLines = undefined;
  }
}

/** Writes one event back in SSE form (LF line ends, one `data:` line per data line). */
export function serializeSseEvent(e: SseEvent): string {
  let out = '';
  if (e.comments) for (const c of e.comments) out += `: ${c}\n`;
  if (e.event !== undefined) out += `event: ${e.event}\n`;
  if (e.id !== undefined) out += `id: ${e.id}\n`;
  if (e.retry !== undefined) out += `retry: ${e.retry}\n`;
  if (e.data !== undefined) {
    for (const line of e.data.split('\n')) out += `data: ${line}\n`;
  }
  return out + '\n';
}
