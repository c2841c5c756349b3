import { isUtf8 } from 'node:buffer';

/** How a file's bytes were turned into text, or why they were not. */
export type DecodedContent =
  | { kind: 'text'; text: string; encoding: 'utf8' | 'utf16le' | 'utf16be' }
  /** Not valid UTF-8 but mostly text (Latin-1, a stray byte): scanned, bad bytes become U+FFFD. */
  | { kind: 'text'; text: string; encoding: 'lossy-utf8' }
  | { kind: 'binary' };

/** Bytes looked at to decide binary vs text, like git's own heuristic. */
const SNIFF_BYTES = 8000;

/**
 * Decides whether bytes are text and decodes them. Binary means: a NUL byte in the first
 * 8000 bytes (git's rule) without a UTF-16 byte-order mark, or, when the bytes are not
 * valid UTF-8, more than 10% control bytes or undecodable sequences in that sample.
 * Text that is only partly valid UTF-8 is still scanned: the secret next to a bad byte
 * is still a secret.
 */
export function decodeContent(bytes: Uint8Array): DecodedContent {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { kind: 'text', text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf16be' };
  }
  const sample = bytes.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return { kind: 'binary' };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isUtf8(buffer)) return { kind: 'text', text: buffer.toString('utf8', bom), encoding: 'utf8' };
  if (looksBinary(sample)) return { kind: 'binary' };
  return { kind: 'text', text: buffer.toString('utf8', bom), encoding: 'lossy-utf8' };
}

function looksBinary(sample: Uint8Array): boolean {
  let control = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) control++;
  }
  if (control * 10 > sample.length) return true;
  const decoded = Buffer.from(sample).toString('utf8');
  let replaced = 0;
  for (let i = decoded.indexOf('\uFFFD'); i !== -1; i = decoded.indexOf('\uFFFD', i + 1)) replaced++;
  return replaced * 10 > decoded.length;
}
