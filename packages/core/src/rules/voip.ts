import { isPlausiblePassword } from '../secret-value.js';
import type { Rule } from '../types.js';

/**
 * Asterisk's outbound registrations (`sip.conf`, `iax.conf`): `register => user[@domain]:secret[:authuser]@host[:port][/extension]`.
 * The secret is the trunk's password at the carrier or SBC, written inline, with no name beside it.
 */
const ASTERISK_REGISTER =
  /(?<![\w-])register[ \t]{0,4}=>[ \t]{0,4}(?:[\w-]{1,40}\?)?(?:(?:udp|tcp|tls|wss?):\/\/)?[^:@\s/;]{1,64}(?:@[^:@\s/;]{1,64})?:(?<v>[^:@\s/;]{1,128})(?::[^:@\s/;]{1,64})?@[A-Za-z0-9[][A-Za-z0-9.:\]-]{0,252}/iy;

export const voipRules: Rule[] = [
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
