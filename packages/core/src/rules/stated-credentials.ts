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

/**
 * A value written right after the noun phrase that names it as a credential, with no colon or verb between: an audit
 * table's "API token 9f…c2 in job config", a log's "loaded signing key 4e…0b for kid=…", a note's "secret key Kq…7Z".
 * The phrase must name a secret (an API token or key, an access, auth, bearer, admin, refresh or session token, a
 * secret, signing, private, master or encryption key, a client, API or app secret), not one public by name (`public
 * signing key`, `site key`); the value must look generated — letters and digits mixed, 16 or more, no word — and be
 * neither a UUID (an id) nor 40 hex digits (a commit, a SHA-1, a PGP fingerprint). A digest's words (`sha256`,
 * `checksum`, `fingerprint`) after the phrase are the value tried and are no value.
 */
const STATED_NOUN_VALUE =
  /(?<!(?:public|publishable|site|verification|verifying|pgp|gpg)[ \t_-])(?:api[ \t](?:token|key|secret)|(?:access|auth|bearer|admin|refresh|session)[ \t]token|(?:secret|signing|private|master|encryption|session)[ \t]key|(?:client|app)[ \t]secret)[ \t]{1,2}(?<v>[A-Za-z0-9][A-Za-z0-9+\/=_.-]{14,198}[A-Za-z0-9+\/=_-])(?=[\s,;)\]|]|\.(?:\s|$)|$)/iy;

/** A UUID: an id, whatever it names. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value stated after a credential's noun looks generated: letters and digits, no UUID, no 40-hex digest, no name. */
function isStatedNounValue(v: string, file: string | undefined): boolean {
  return /\d/.test(v) && /[A-Za-z]/.test(v) && (v.match(/\d+/g) ?? []).length >= 3 && !UUID.test(v) && !/^[0-9a-f]{40}$/i.test(v) &&
    !SCREAMING_NAME.test(v) && notPlaceholder(v) && isPlausibleSecret(v, { category: 'KEY', quoted: false, file });
}

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
  {
    id: 'stated-credential-value',
    category: 'KEY',
    description:
      'A generated value written right after the words that name it a credential, with no colon between (`API token 9f…c2 in job config`, `loaded signing key 4e…0b`, `secret key Kq…7Z`)',
    keywords: [
      'api token', 'api key', 'api secret', 'access token', 'auth token', 'bearer token', 'admin token', 'refresh token', 'session token',
      'secret key', 'signing key', 'private key', 'master key', 'encryption key', 'session key', 'client secret', 'app secret',
    ],
    startsAtKeyword: true,
    pattern: STATED_NOUN_VALUE,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (v, ctx) => isStatedNounValue(v, ctx.file),
    confidence: 'medium',
    examples: {
      match: [
        '| Billing | svc | API token 3fa94c0d17be52e8a6d09c4b71f2e835 left in a wiki page |',
        '2024-03-01T10:00:00Z INFO [jwt] loaded signing key 7d2e90b4c15a3f86e0d71b29c4a58f3e6b0d19a7c2e54f81b3a06d9e7c41f25b for kid=a1',
        'The old secret key Qm7vLp2Zx9Tn4Wk8Rb3Hc still works on staging.',
      ],
      noMatch: [
        'Verify the public signing key 7d2e90b4c15a3f86e0d71b29c4a58f3e6b0d19a7c2e54f81b3a06d9e7c41f25b first.',
        'Rotate the API token every 90 days.',
        'signing key fingerprint 3f6249dd97cd7fc95657128f99b889818aa7c5dc4b8c188647c768f5eabe090d',
        'API key 0c6f1b8e-2d4a-4f7b-9e13-5a8c2d7e9b41 belongs to the partner account.',
        'The signing key 6A010C5166006599AA17F08146C2130DFD2497F5 is the release fingerprint.',
        'Set the API token API_TOKEN_FROM_VAULT before the run.',
        'the access token expires_in_seconds is 3600',
      ],
    },
  },
];
