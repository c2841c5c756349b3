import { decodeBase64 } from '../base64.js';
import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Passwords in an SMTP session's transcript, as mail libraries print it in debug mode (PHPMailer's
 * `CLIENT -> SERVER:`, Python's `smtplib` `send:`, `swaks`) and tickets quote it: SMTP AUTH sends
 * the password base64-encoded, which hides it from no one.
 */

/**
 * AUTH LOGIN's password prompt: the reply code 334 and base64 of `Password:` (or `password:`). The client's
 * next line ends with the password in base64.
 */
const PASSWORD_PROMPT = /334[ \t](?:UGFzc3dvcmQ6|cGFzc3dvcmQ6)[ \t]{0,4}\r?\n/y;
/** One base64 word: the whole of what the client sends back. */
const BASE64_WORD = /^[A-Za-z0-9+/]{4,400}={0,2}$/;

/** What a password decodes to: printable text on one line. */
function decodedPassword(encoded: string): string | undefined {
  const decoded = decodeBase64(encoded);
  return decoded !== undefined && /^[\x20-\x7e]{1,300}$/.test(decoded) ? decoded : undefined;
}

function findLoginPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    PASSWORD_PROMPT.lastIndex = offset - 4;
    if (offset < 4 || !PASSWORD_PROMPT.test(text)) continue;
    // The client's answer is the next line's last word (after a log's timestamp and direction, if any).
    const lineStart = PASSWORD_PROMPT.lastIndex;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart > 600) continue;
    const line = text.slice(lineStart, lineEnd).trimEnd();
    const wordStart = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t')) + 1;
    const word = line.slice(wordStart);
    if (!BASE64_WORD.test(word)) continue;
    const password = decodedPassword(word);
    if (password === undefined || !isPlausiblePassword(password, options.file)) continue;
    spans.push({ start: lineStart + wordStart, end: lineStart + wordStart + word.length });
  }
  return spans;
}

export const smtpRules: Rule[] = [
  {
    id: 'smtp-auth-login-password',
    category: 'PASS',
    description: "The password of an SMTP AUTH LOGIN exchange: the client's base64 answer to the server's `334 UGFzc3dvcmQ6` (`Password:`)",
    keywords: ['ugfzc3dvcmq6', 'cgfzc3dvcmq6'],
    pattern: PASSWORD_PROMPT,
    find: findLoginPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'S: 334 VXNlcm5hbWU6\nC: b3BzQGV4YW1wbGUub3Jn\nS: 334 UGFzc3dvcmQ6\nC: UWs3LVJpdmVyLU1pbnQ0NA==\nS: 235 2.7.0 Authentication successful\n',
        '2025-01-09 08:12:44 SERVER -> CLIENT: 334 UGFzc3dvcmQ6\n2025-01-09 08:12:44 CLIENT -> SERVER: VGg0bmtzLUJhbmpvIzI=\n',
      ],
      noMatch: [
        // The password's name in base64 alone, as a server's banner or a tutorial explains it.
        'S: 334 UGFzc3dvcmQ6\nC: <base64 of your password>\n',
        // base64 of `password`: a stand-in.
        'S: 334 UGFzc3dvcmQ6\nC: cGFzc3dvcmQ=\n',
        'echo UGFzc3dvcmQ6 | base64 -d\n',
      ],
    },
  },
  {
    id: 'smtp-auth-plain-credentials',
    category: 'CRED',
    description: 'The credentials of an SMTP (or IMAP, POP3) `AUTH PLAIN` command: base64 of `\\0user\\0password`',
    keywords: ['auth plain'],
    pattern: /auth plain[ \t]{1,4}(?<v>[A-Za-z0-9+/]{8,600}={0,2})(?![A-Za-z0-9+/=])/iy,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (value, ctx) => {
      const decoded = decodeBase64(value);
      const parts = decoded?.split('\0');
      if (parts === undefined || parts.length !== 3 || parts[1] === '') return false;
      const password = parts[2]!;
      return /^[\x20-\x7e]{1,300}$/.test(password) && isPlausiblePassword(password, ctx.file);
    },
    confidence: 'high',
    examples: {
      match: ['C: AUTH PLAIN AG9wc0BleGFtcGxlLm9yZwBRazctUml2ZXItTWludDQ0\n', 'a002 AUTHENTICATE PLAIN\nsend: \'AUTH PLAIN AHJlbGF5AFRoNG5rcy1CYW5qbyMy\\r\\n\''],
      noMatch: ['C: AUTH PLAIN AHVzZXIAcGFzc3dvcmQ=\n', '250-AUTH PLAIN LOGIN CRAM-MD5\n', 'C: AUTH PLAIN\n'],
    },
  },
];
