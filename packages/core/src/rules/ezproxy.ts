import { linesFrom, startsItsLine } from '../line-index.js';
import { isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * EZproxy (OCLC's proxy for libraries' licensed databases) reads its logins from `user.txt`
 * (once `ezproxy.usr`) in blocks that open with `::Method` and close with `/Method`. Ticket
 * authentication lets another program log users in with a signed URL: the `::Ticket` block names
 * the digest (`MD5`, `SHA1`, `SHA256`, `SHA512`) followed by the secret shared with that program,
 * and whoever holds it can sign a ticket for any user. The block's other lines (`TimeValid 10`,
 * `AcceptGroups General+Legal`, `Expired; Deny expired.html`) hold no secret. The LDAP and SIP
 * blocks' `BindPassword …` and `SIPLoginPassword …` are the generic assignment rule's, as the
 * directives of such a file.
 */

/** `::Ticket` opening its line, to the line's end. */
const TICKET_BLOCK = /::ticket[ \t]{0,8}(?:\r?\n|$)/iy;
/** A line of the block that gives the digest and the shared secret (one word, maybe a comment after it). */
const TICKET_SECRET_LINE = /^(?<pre>[ \t]{0,8}(?:MD5|SHA1|SHA256|SHA512)[ \t]{1,8})(?<v>[^\s#]{1,256})[ \t]{0,8}(?:#.{0,300})?$/i;
/** The block's end (`/Ticket`) or another block's start (`::LDAP`). */
const BLOCK_BOUNDARY = /^[ \t]{0,8}(?:\/ticket\b|::)/i;
/** How many lines of a block are read. */
const MAX_BLOCK_LINES = 40;

/** A shared secret: random enough for a key, or a password of letters with digits or symbols (the docs' `somekey` is neither). */
function isSharedSecret(value: string, file: string | undefined): boolean {
  if (isPlausibleSecret(value, { category: 'KEY', quoted: true, file })) return true;
  return /[A-Za-z]/.test(value) && /[^A-Za-z]/.test(value) && isPlausiblePassword(value, file);
}

function findTicketSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readUntil = 0;
  for (const offset of offsets) {
    if (offset < readUntil || !startsItsLine(text, offset, 8)) continue;
    TICKET_BLOCK.lastIndex = offset;
    if (!TICKET_BLOCK.test(text)) continue;
    readUntil = TICKET_BLOCK.lastIndex;
    for (const line of linesFrom(text, TICKET_BLOCK.lastIndex, MAX_BLOCK_LINES)) {
      // A line that opens another block is read by its own keyword, if it is one.
      readUntil = line.start;
      if (BLOCK_BOUNDARY.test(line.text)) break;
      readUntil = line.start + line.text.length;
      const m = TICKET_SECRET_LINE.exec(line.text);
      if (m === null) continue;
      const value = m.groups!['v']!;
      if (!isSharedSecret(value, options.file)) continue;
      const start = line.start + m.groups!['pre']!.length;
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

export const ezproxyRules: Rule[] = [
  {
    id: 'ezproxy-ticket-secret',
    category: 'KEY',
    description:
      "The secret EZproxy shares with a program that signs its login tickets: the word after `MD5`, `SHA1`, `SHA256` or `SHA512` in a `::Ticket` … `/Ticket` block of `user.txt` (with it anyone can sign a ticket for any user)",
    keywords: ['::ticket'],
    pattern: TICKET_BLOCK,
    find: findTicketSecrets,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['::Ticket\nTimeValid 10\nMD5 Wq4Rz8Tn2Lp6Vx9K\nExpired; Deny expired.html\n/Ticket\n', '::Ticket\r\nAcceptGroups Staff+Walkin\r\nSHA512 p7N!c2Rw-Hollow41\r\n/Ticket\r\n'],
      noMatch: [
        '::Ticket\nTimeValid 10\nMD5 somekey\nExpired; Deny expired.html\n/Ticket\n',
        '::Ticket\nTimeValid 10\n/Ticket\nMD5 Wq4Rz8Tn2Lp6Vx9K\n',
        'See ::Ticket\nMD5 Wq4Rz8Tn2Lp6Vx9K\n',
        '::Ticket\nTimeValid 10\nMD5 $TICKET_SECRET\n/Ticket\n',
      ],
    },
  },
];
