import { isDigitCode, isLetterCode } from '../char-codes.js';
import { isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * FIX (Financial Information eXchange), the protocol of order gateways and trading venues. A message is
 * `tag=value` fields that open with the header `8=FIX.4.4` (or `8=FIXT.1.1`) and are separated by SOH
 * (0x01), which logs print as `|` or `^A`. The Logon message (`35=A`) carries the session's credentials:
 * tag 554 is Password, 925 NewPassword, and 96 RawData (a venue's logon credential, when it asks for one).
 * Engines such as QuickFIX log every message they send, so a gateway's log holds the password in clear.
 *
 * A session's settings name the same RawData (`RawData=` in QuickFIX's `[SESSION]` blocks, a
 * `fix.session.logon.rawdata=` property beside `fix.session.sendercompid=`).
 */

/** The header field and the separator after it: SOH, `|`, or the two characters `^A` a log writes for SOH. */
const FIX_HEADER = /8=FIXT?\.\d{1,2}\.\d{1,2}(?:SP\d{1,2})?(\x01|\||\^A)/y;
/** Fields whose value is a credential: Password, NewPassword; RawData only in a Logon. */
const PASSWORD_TAGS = new Set(['554', '925']);
const RAW_DATA_TAG = '96';
/** How far one message is read: FIX messages are short, a Logon a few hundred characters. */
const MESSAGE_REACH = 4096;
/** The longest value taken from a field. */
const VALUE_REACH = 512;

/** True when the character before `at` cannot be part of a longer tag (`18=FIX…` is not a header). */
function opensHeader(text: string, at: number): boolean {
  if (at === 0) return true;
  const c = text.charCodeAt(at - 1);
  return !(isDigitCode(c) || isLetterCode(c));
}

/** A RawData value (a venue's logon credential) judged as a quoted credential. */
function isPlausibleRawData(value: string, file: string | undefined): boolean {
  return isPlausibleSecret(value, { category: 'CRED', quoted: true, ...(file === undefined ? {} : { file }) });
}

/** The end of the line (or of the reach) that starts searching at `from`. */
function lineEnd(text: string, from: number, reach: number): number {
  const limit = Math.min(text.length, from + reach);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return limit;
}

function findFixPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (let k = 0; k < offsets.length; k++) {
    const offset = offsets[k]!;
    if (!opensHeader(text, offset)) continue;
    FIX_HEADER.lastIndex = offset;
    const m = FIX_HEADER.exec(text);
    if (m === null) continue;
    const separator = m[1]!;
    // The message ends at the line's end, or where the next header on the same line starts.
    let end = lineEnd(text, FIX_HEADER.lastIndex, MESSAGE_REACH);
    const next = offsets[k + 1];
    if (next !== undefined && next < end) end = next;
    const message = text.slice(FIX_HEADER.lastIndex, end);
    const fields = message.split(separator);
    const logon = fields.includes('35=A');
    let at = FIX_HEADER.lastIndex;
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq > 0 && eq <= 4) {
        const tag = field.slice(0, eq);
        const value = field.slice(eq + 1, eq + 1 + VALUE_REACH);
        const isPassword = PASSWORD_TAGS.has(tag);
        const isRawData = tag === RAW_DATA_TAG && logon;
        if (
          (isPassword && isPlausiblePassword(value, options.file)) ||
          (isRawData && isPlausibleRawData(value, options.file))
        ) {
          spans.push({ start: at + eq + 1, end: at + eq + 1 + value.length, category: isPassword ? 'PASS' : 'CRED' });
        }
      }
      at += field.length + separator.length;
    }
  }
  return spans;
}

/**
 * A settings key that ends in `RawData` and its value: `RawData=…` in a QuickFIX session block, or
 * `fix.session.logon.rawdata = …` in a properties file.
 */
const RAW_DATA_SETTING = /rawdata[ \t]{0,8}[=:][ \t]{0,8}["']?([^\s"']{1,512})/iy;
/** Names of a FIX session's settings, one of which must stand in the file beside a bare `RawData`. */
const FIX_SESSION_SETTINGS = /\b(?:BeginString[ \t]{0,8}=[ \t]{0,8}FIX|SenderCompID|TargetCompID)\b/i;
/** The key's own characters before `rawdata` (`fix.session.logon.`, `Logon_`). */
const KEY_CHAR = /[\w.-]/;

function findRawDataSettings(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let sessionFile: boolean | undefined;
  for (const offset of offsets) {
    // The whole key: back over its characters to the line's start (after indentation), within a key's length.
    let start = offset;
    while (start > 0 && offset - start < 64 && KEY_CHAR.test(text[start - 1]!)) start--;
    if (start > 0 && !/[ \t\r\n]/.test(text[start - 1]!)) continue;
    const prefix = text.slice(start, offset).toLowerCase();
    RAW_DATA_SETTING.lastIndex = offset;
    const m = RAW_DATA_SETTING.exec(text);
    if (m === null) continue;
    // `fix.session.logon.rawdata`: the key says it is FIX's; a bare `RawData` needs a FIX session's settings in the file.
    if (prefix !== '') {
      if (!/(?:^|[._-])fix[._-]/.test(prefix)) continue;
    } else {
      sessionFile ??= FIX_SESSION_SETTINGS.test(text);
      if (!sessionFile) continue;
    }
    const value = m[1]!;
    if (!isPlausibleRawData(value, options.file)) continue;
    const valueStart = RAW_DATA_SETTING.lastIndex - value.length;
    spans.push({ start: valueStart, end: valueStart + value.length, category: 'CRED' });
  }
  return spans;
}

export const fixProtocolRules: Rule[] = [
  {
    id: 'fix-logon-password',
    category: 'PASS',
    description: 'The password in a FIX message (tag 554 Password, 925 NewPassword, 96 RawData of a Logon), as an order gateway logs it',
    keywords: ['8=fix'],
    pattern: FIX_HEADER,
    find: findFixPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        '12:00:01 OUT 8=FIX.4.4|9=112|35=A|49=DESK7|56=VENUE|553=DESK7_OMS|554=wQ8#tLz2Rv!m9Kp|98=0|108=30|10=201|',
        '8=FIXT.1.1^A35=A^A49=ACME^A56=XCH^A96=Zr4pT9qWm2XbLk7VnC3s^A98=0^A',
      ],
      noMatch: [
        '12:00:01 OUT 8=FIX.4.4|9=112|35=A|49=DESK7|56=VENUE|553=DESK7_OMS|554=********|98=0|108=30|10=201|',
        '8=FIX.4.4|35=D|49=DESK7|56=VENUE|11=ORD123|96=Zr4pT9qWm2XbLk7VnC3s|55=MSFT|',
        '554=wQ8#tLz2Rv!m9Kp',
      ],
    },
  },
  {
    id: 'fix-session-raw-data',
    category: 'CRED',
    description: "A FIX session's logon RawData in its settings (QuickFIX's `RawData=`, `fix.session.logon.rawdata=`)",
    keywords: ['rawdata'],
    pattern: RAW_DATA_SETTING,
    find: findRawDataSettings,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'fix.session.targetcompid=VENUE\nfix.session.logon.rawdata=Hq2nW8vRt5Lm9PzXc4Kd\n',
        '[SESSION]\nBeginString=FIX.4.2\nSenderCompID=DESK7\nRawData=Hq2nW8vRt5Lm9PzXc4Kd\n',
      ],
      noMatch: [
        'RawData=Hq2nW8vRt5Lm9PzXc4Kd\n',
        'sensor.rawdata=Hq2nW8vRt5Lm9PzXc4Kd\n',
        'fix.session.logon.rawdata=${FIX_RAWDATA}\n',
      ],
    },
  },
];
