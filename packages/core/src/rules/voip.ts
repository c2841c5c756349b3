import { isPlausiblePassword } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';

/**
 * Asterisk's outbound registrations (`sip.conf`, `iax.conf`): `register => user[@domain]:secret[:authuser]@host[:port][/extension]`.
 * The secret is the trunk's password at the carrier or SBC, written inline, with no name beside it.
 */
const ASTERISK_REGISTER =
  /(?<![\w-])register[ \t]{0,4}=>[ \t]{0,4}(?:[\w-]{1,40}\?)?(?:(?:udp|tcp|tls|wss?):\/\/)?[^:@\s/;]{1,64}(?:@[^:@\s/;]{1,64})?:(?<v>[^:@\s/;]{1,128})(?::[^:@\s/;]{1,64})?@[A-Za-z0-9[][A-Za-z0-9.:\]-]{0,252}/iy;

/**
 * coturn's long-term credentials (`turnserver.conf`): `user=name:password`, or `user=name:0x<key>` for the key derived
 * from it, one line per TURN user. Read only in a text that is coturn's configuration, known by its own options (a
 * `realm=`, `lt-cred-mech`, `use-auth-secret`, `static-auth-secret`, `listening-port=`, `relay-ip=`), as `user=` opens
 * lines of other formats too.
 */
const COTURN_USER = /user[ \t]{0,2}=[ \t]{0,2}(?<u>[^\s:=#;]{1,64}):(?<v>[^\s#;]{6,128})[ \t]{0,20}(?=\r?\n|$)/y;
const COTURN_OPTION = /^(?:lt-cred-mech|use-auth-secret|static-auth-secret[ \t]{0,2}=|realm[ \t]{0,2}=|listening-port[ \t]{0,2}=|relay-ip[ \t]{0,2}=|no-tcp-relay)/m;

function findCoturnUsers(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let coturn: boolean | undefined;
  for (const offset of offsets) {
    // The option opens its line.
    if (offset > 0 && text[offset - 1] !== '\n') continue;
    COTURN_USER.lastIndex = offset;
    const m = COTURN_USER.exec(text);
    if (m === null) continue;
    coturn ??= COTURN_OPTION.test(text);
    if (!coturn) return spans;
    const value = m.groups!['v']!;
    if (!/^0x[0-9a-f]{32}$/i.test(value) && !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].indexOf(':') + 1;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

export const voipRules: Rule[] = [
  {
    id: 'coturn-user-password',
    category: 'PASS',
    description: "A TURN user's password in coturn's configuration (`user=name:password` or `user=name:0x<key>` in turnserver.conf)",
    keywords: ['user=', 'user =', 'user\t='],
    pattern: COTURN_USER,
    find: findCoturnUsers,
    anchored: true,
    confidence: 'high',
    examples: {
      match: ['realm=turn.example.org\nlt-cred-mech\nuser=webrtc:Qv8!nTz2_Lw6mK'],
      noMatch: ['realm=turn.example.org\nlt-cred-mech\nuser=webrtc:${TURN_PASSWORD}', '[client]\nuser=webrtc:Qv8!nTz2_Lw6mK', 'realm=turn.example.org\n# user=webrtc:Qv8!nTz2_Lw6mK'],
    },
  },
  {
    id: 'asterisk-register-secret',
    category: 'PASS',
    description: "The secret of an Asterisk outbound registration (`register => user:secret@host/extension` in sip.conf or iax.conf)",
    keywords: ['register'],
    pattern: ASTERISK_REGISTER,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (secret, ctx) => isPlausiblePassword(secret, ctx.file),
    confidence: 'high',
    examples: {
      match: ['register => trunk01:Hq8vLm2Tz7Rw@sip.carrier.example.net/4000', 'register => tls://trunk01@carrier.example.net:Hq8vLm2Tz7Rw:authuser@sbc.example.net:5061'],
      noMatch: ['register => trunk01@sip.carrier.example.net/4000', ';register => user:secret@host', 'register => trunk01:${TRUNK_SECRET}@sip.example.net'],
    },
  },
];
