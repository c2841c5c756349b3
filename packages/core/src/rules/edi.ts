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

/**
 * A translator's or a claims service's setting for the header it writes: ISA02, the authorization information (the X12
 * standard's "information used for additional identification or authorization of the interchange sender", a code the
 * trading partner issues to each sender), or ISA04, the security information (a password when ISA03 is `01`). Named
 * for the element (`isa02`, `isa_04`) or for what it holds (`isa_auth_info`, `ISA_SECURITY_INFORMATION`, `isaAuthInfo`),
 * its value at most the element's 10 characters. A qualifier's setting (`isa_auth_info_qualifier = 03`) is another name.
 */
const ISA_CREDENTIAL_SETTING =
  /isa[_.-]?(?:0[24]|auth(?:orization)?[_.-]?info(?:rmation)?|security[_.-]?info(?:rmation)?)["']?[ \t]{0,4}(?:=|:|=>)[ \t]{0,4}(?:"(?<dq>[^"\s]{1,10})"|'(?<sq>[^'\s]{1,10})'|(?<bare>[^\s"'#;,]{1,10})(?=[\s,;#}]|$))/iy;

/** A code of letters and digits both, not all one character: no sender id spelled out (`SENDERID`), no zero fill. */
function isIsaCredential(value: string, file: string | undefined): boolean {
  return /[A-Za-z]/.test(value) && /\d/.test(value) && !/^(.)\1*$/.test(value) && isPlausiblePassword(value, file);
}

function findIsaCredentialSettings(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // `isa` must open the name (`x12_isa02`, `"isa_auth_info"`), not end a word (`visa02`).
    if (offset > 0 && /[A-Za-z0-9]/.test(text[offset - 1]!)) continue;
    ISA_CREDENTIAL_SETTING.lastIndex = offset;
    const m = ISA_CREDENTIAL_SETTING.exec(text);
    if (m === null) continue;
    const bare = m.groups!['bare'];
    const value = bare ?? m.groups!['dq'] ?? m.groups!['sq']!;
    if (!isIsaCredential(value, options.file)) continue;
    const start = offset + m[0].length - (bare === undefined ? 1 : 0) - value.length;
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
  {
    id: 'x12-isa-credential-setting',
    category: 'PASS',
    description:
      "A setting for an X12 interchange header's credentials: ISA02, the authorization information the trading partner issues the sender, or ISA04, the security information (`isa_auth_info = …`, `isa04: …`, `ISA_SECURITY_INFORMATION=…`), a code of letters and digits",
    keywords: ['isa'],
    pattern: ISA_CREDENTIAL_SETTING,
    find: findIsaCredentialSettings,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['[x12]\nisa_auth_info = 7QKD2MWR5T\n', 'isa04: "Pw8Lk3Vz"', 'ISA_SECURITY_INFORMATION=H4nTq9XbR2\n', '{"isaAuthInfo": "T6m2Wq8PzK"}'],
      noMatch: [
        'isa_sender_id = 7QKD2MWR5T',
        'isa_auth_info_qualifier = 03',
        'isa_auth_info = SENDERID',
        'isa_security_info = 0000000000',
        'isa_auth_info = 7QKD2MWR5TX9',
        'visa04 = Pw8Lk3Vz',
        'isa_security_info = ${ISA_PASSWORD}',
      ],
    },
  },
];
