import type { Rule } from '../types.js';
import { isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import { mixesClasses, notPlaceholder } from './providers/shape.js';

/**
 * A `user:password` or `user / password` pair right after words that say it is a login: a log line that prints the
 * credentials it failed with (`auth failed for solr_admin:…`, `login failed for deploy:…`) and a note that states them
 * (`credentials (staging): rpcuser / …`). The words make the pair a login; the password must still look generated —
 * letters of both cases and a digit, password-shaped — so `host:port`, `user:42`, a time and prose stay out.
 */
const STATED_PAIR =
  /(?:auth(?:entication)? failed for|login(?: failed)? for|credentials(?:[ \t]{1,2}\([\w .,-]{1,30}\))?:?)[ \t]{1,3}(?:user[ \t]{1,3})?["'`]?[A-Za-z][\w.@-]{0,40}(?::|[ \t]\/[ \t])(?<v>[^\s:'"`/]{10,64})(?=["'`]?(?:[\s,;)]|\.?$|\.\s))/i;

/**
 * A pre-shared secret that prose states by name: a docstring or a note saying which token a peer expects
 * (`The rotator expects the pre-shared token K7…Q as the first frame`, `pre-shared key: …`). "Pre-shared" says
 * the value is a secret both ends hold; the value must look generated — letters and digits, 16 or more,
 * no word — so `pre-shared key authentication` and `the pre-shared key PSK_FROM_VAULT` stay out.
 */
const STATED_PRE_SHARED =
  /pre[- ]?shared[ \t]{1,2}(?:token|key|secret|passphrase)(?:[ \t]{1,3}(?:is|=|:)|:)?[ \t]{1,3}["'`]?(?<v>[A-Za-z0-9+/=_-]{16,128})(?=["'`]?(?:[\s,;)]|\.|$))/iy;

/** An identifier, not a value: `PSK_FROM_VAULT`, `ROTATOR_TOKEN_V2`. */
const SCREAMING_NAME = /^[A-Z][A-Z0-9]{0,30}(?:_[A-Z0-9]{1,30}){1,8}$/;

export const statedCredentialRules: Rule[] = [
  {
    id: 'stated-credential-pair',
    category: 'PASS',
    description:
      'The password of a `user:password` or `user / password` pair right after "auth failed for", "login failed for" or "credentials:" (a log line printing the login it tried, a note stating it)',
    keywords: ['auth failed for', 'authentication failed for', 'login failed for', 'login for', 'credentials'],
    startsAtKeyword: true,
    pattern: STATED_PAIR,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (v, ctx) => mixesClasses(v, 3) && isPlausiblePassword(v, ctx.file),
    confidence: 'medium',
    examples: {
      match: [
        '2024-05-02T10:11:12Z ERROR ldap auth failed for svc_sync:Qw7rTz2LmX9p',
        'WARN login failed for deploy:Hn4vR8kWq2Zs (attempt 3)',
        'Broker credentials (prod): mqadmin / Lp9xK3wRt7Vz on 10.0.0.12.',
      ],
      noMatch: [
        'ERROR auth failed for db01.internal:5432',
        'WARN login failed for deploy:1715011223',
        'login for alice:2024-05-02T10:11:12Z',
        'credentials: see the team vault / ask the on-call',
        'auth failed for svc_sync:${SYNC_PASSWORD}',
        'credentials: user / password',
      ],
    },
  },
  {
    id: 'stated-pre-shared-secret',
    category: 'KEY',
    description:
      'A generated value that prose names as a pre-shared token, key, secret or passphrase (`expects the pre-shared token K7…Q`, `pre-shared key: …`)',
    keywords: ['pre-shared', 'preshared', 'pre shared'],
    startsAtKeyword: true,
    pattern: STATED_PRE_SHARED,
    secretGroup: 'v',
    minEntropy: 3.5,
    validate: (v, ctx) =>
      /\d/.test(v) && /[A-Za-z]/.test(v) && !SCREAMING_NAME.test(v) && notPlaceholder(v) && isPlausibleSecret(v, { category: 'KEY', quoted: true, file: ctx.file }),
    confidence: 'medium',
    examples: {
      match: [
        '    The bridge sends the pre-shared token Q8WZT3KD5NPRV7HB2MFX before any command.',
        '# pre-shared key: `fR9kLp2QwZx7Tn4VbHs6`',
        'The controller expects the preshared secret is 7GkP2mXq9RtW4zLc, rotated yearly.',
      ],
      noMatch: [
        'Clients authenticate with a pre-shared key authentication handshake.',
        'The bridge sends the pre-shared token PSK_FROM_VAULT_V2 before any command.',
        'The pre-shared key 0000000000000000 is a stand-in.',
        'Use a pre-shared secret of at least 16 characters.',
      ],
    },
  },
];
