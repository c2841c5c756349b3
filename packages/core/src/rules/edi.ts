import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * X12 EDI interchanges open with an ISA segment of fixed-width elements: ISA01/ISA02 are the
 * authorization information (a qualifier and a 10-character value), ISA03/ISA04 the security
 * information. A security qualifier of `01` says ISA04 is a password, which the receiving
 * translator checks before it accepts the interchange; `00` leaves it blank. The element
 * separator is whatever character follows `ISA`, so it is read from there.
 */

/**
 * `ISA`, its element separator, and the first four elements, fixed at 2, 10, 2 and 10 characters; the
 * separators after them must be the first one again (checked after the match).
 */
const ISA_HEAD = /ISA([^\w\s])(\d{2})[^\w\s][^\r\n]{10}[^\w\s](\d{2})[^\w\s]([^\r\n]{10})[^\w\s]/y;
/** Where the separators after ISA01, ISA02, ISA03 and ISA04 stand, from the segment's start. */
const SEPARATOR_OFFSETS = [6, 17, 20, 31];
/** A blank or zero-filled security information element: nothing is set. */
const EMPTY_ELEMENT = /^(?:0+|\s*)$/;

/** True when `ISA` at `at` opens a segment: the start of the text or of a line, or right after a segment terminator. */
function opensSegment(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return c === 0x0a || c === 0x0d || c === 0x7e /* ~ */;
}

function findIsaPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (!opensSegment(text, offset)) continue;
    ISA_HEAD.lastIndex = offset;
    const m = ISA_HEAD.exec(text);
    if (m === null || m[3] !== '01' || SEPARATOR_OFFSETS.some((at) => text[offset + at] !== m[1])) continue;
    const element = m[4]!;
    const value = element.trim();
    if (EMPTY_ELEMENT.test(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = offset + 21 + element.indexOf(value);
    spans.push({ start, end: start + value.length, category: 'PASS' });
  }
  return spans;
}

export const ediRules: Rule[] = [
  {
    id: 'x12-isa-password',
    category: 'PASS',
    description: "The password in an X12 interchange header: ISA04 (security information) where ISA03 is `01`, the code for a password",
    keywords: ['isa'],
    pattern: ISA_HEAD,
    find: findIsaPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['ISA*00*          *01*Kq7Tw2Rz9P*ZZ*SENDERID       *ZZ*RECEIVERID     *240304*1105*U*00401*000004410*0*P*>~'],
      noMatch: [
        'ISA*00*          *00*          *ZZ*SENDERID       *ZZ*RECEIVERID     *240502*2215*^*00501*000004821*0*P*:~',
        'ISA*03*Kq7Tw2Rz9P*00*          *ZZ*SENDERID       *ZZ*RECEIVERID     *240502*2215*^*00501*000004821*0*P*:~',
      ],
    },
  },
];
