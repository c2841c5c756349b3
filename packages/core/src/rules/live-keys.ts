import type { Rule } from '../types.js';
import { fake } from './providers/fake.js';
import { notPlaceholder } from './providers/shape.js';

/**
 * Keys of a map that are themselves live API keys: a service that issues its own keys to partners or tenants often keeps
 * them, before they move to a database, in a literal map from key to owner (`{ "ork_live_…": "agri-insights" }`,
 * `'acme_live_…' => 'tenant-a'`) that a middleware looks the request's key up in. The `<vendor>_live_` prefix is the
 * convention of secret keys (Stripe's `sk_live_`, and the many APIs that copied it), and a map's key is read by no
 * assignment rule: the name there is the value. Publishable and client keys (`pk_live_`, `pub_live_`, Branch's
 * `key_live_`) are made for browsers and stay out.
 */
const LIVE_KEY_AS_MAP_KEY =
  /(?<![\w$])["'](?<v>(?!(?:pk|pub|publishable|key|client)_live_)[a-z][a-z0-9]{0,11}_live_[A-Za-z0-9]{24,64})["'][ \t]{0,4}(?::|=>)[ \t]{0,4}["'\w[{]/;

const BODY = fake('alnum', 40, 9811);

export const liveKeyRules: Rule[] = [
  {
    id: 'live-key-map-key',
    category: 'KEY',
    description:
      'A live API key (`<vendor>_live_` and a random tail) that is the key of a map entry (`"acme_live_…": "partner-name"`, `\'acme_live_…\' => \'tenant\'`): a key-to-owner table of issued keys',
    keywords: ['_live_'],
    pattern: LIVE_KEY_AS_MAP_KEY,
    secretGroup: 'v',
    minEntropy: 3.5,
    // Generated: letters of both cases and a digit in the tail, no stand-in.
    validate: (v) => {
      const tail = v.slice(v.indexOf('_live_') + 6);
      return notPlaceholder(v) && /\d/.test(tail) && /[a-z]/.test(tail) && /[A-Z]/.test(tail);
    },
    confidence: 'medium',
    examples: {
      match: [
        `const TENANTS = {\n  "acme_live_${BODY}": "north-farms",\n};`,
        `KEYS = {'hx_live_${BODY}': 'partner-a'}`,
        `$keys = ['zz_live_${BODY}' => 'tenant-b'];`,
      ],
      noMatch: [
        `{ "pk_live_${BODY}": "shop" }`,
        `{ "acme_live_${'x'.repeat(40)}": "north-farms" }`,
        `{ "acme_live_events_enabled_for_partner_accounts": true }`,
        `const key = "acme_live_${BODY}";`,
        `{ "acme_live_${BODY.toLowerCase()}": "north-farms" }`,
      ],
    },
  },
];
