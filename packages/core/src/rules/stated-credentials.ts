import type { Rule } from '../types.js';
import { isPlausiblePassword } from '../secret-value.js';
import { mixesClasses } from './providers/shape.js';

/**
 * A `user:password` or `user / password` pair right after words that say it is a login: a log line that prints the
 * credentials it failed with (`auth failed for solr_admin:…`, `login failed for deploy:…`) and a note that states them
 * (`credentials (staging): rpcuser / …`). The words make the pair a login; the password must still look generated —
 * letters of both cases and a digit, password-shaped — so `host:port`, `user:42`, a time and prose stay out.
 */
const STATED_PAIR =
  /(?:auth(?:entication)? failed for|login(?: failed)? for|credentials(?:[ \t]{1,2}\([\w .,-]{1,30}\))?:?)[ \t]{1,3}(?:user[ \t]{1,3})?["'`]?[A-Za-z][\w.@-]{0,40}(?::|[ \t]\/[ \t])(?<v>[^\s:'"`/]{10,64})(?=["'`]?(?:[\s,;)]|\.?$|\.\s))/i;

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
];
