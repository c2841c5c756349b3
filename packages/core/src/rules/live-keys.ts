import { isWordCode } from '../char-codes.js';
import { isGeneratedTail } from '../secret-value.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { fake } from './providers/fake.js';
import { notPlaceholder, notPlaceholderNorCounted } from './providers/shape.js';

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

/**
 * A vendor-style token in a literal: a short lower-case prefix (the vendor's, 2 to 10 letters), a word for the kind of
 * credential (`pat`, `reg`, `live`, `secret`, …) and a random tail of 30 or more letters and digits (`acme_pat_…`,
 * `rhq_reg_…`), the shape Stripe's `sk_live_` made common and that many vendors we have no rule for copied. The kind word
 * is what makes it a credential: an object's id (Stripe's `cus_…`, `evt_…`) has a type prefix and no such word, and a
 * name in snake case (`user_id_…`) or a digest (`sha256_…`) has no random tail of mixed case. Publishable and client
 * keys (`pk_live_`, `pub_live_`, Branch's `key_live_`) are made for browsers and stay out.
 */
const PREFIXED_TOKEN = /["'`](?<v>[a-z]{2,10}_(?:pat|reg|live|prod|secret|token|api|sk|sec|srv|tok|priv)_[A-Za-z0-9]{30,100})["'`]/;
const KIND_WORD = /_(?:pat|reg|live|prod|secret|token|api|sk|sec|srv|tok|priv)_/y;
const RANDOM_TAIL = /[A-Za-z0-9]{30,100}(?![A-Za-z0-9_])/y;
const PUBLIC_PREFIX = /^(?:pk|pub|publishable|public|client|key|test|example|sample|dummy|fake)$/;
/**
 * A live or production key set off on a line of its own, as a mail or a doc hands a partner its key ("Your key for the feed
 * is below." over an indented `acme_live_…`): the line holds nothing else, so it is no name, and a key the vendor drew in
 * lower case and digits only (`mrk_live_kwn3…`) counts as well, its tail mixing letters and digits.
 */
const SET_OFF_KIND = /^_(?:live|prod)_$/;
const BLANKS = /^[ \t]*$/;

function standsAloneOnLine(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = text.length;
  return start - lineStart <= 40 && lineEnd - end <= 40 && BLANKS.test(text.slice(lineStart, start)) && BLANKS.test(text.slice(end, lineEnd).replace(/\r$/, ''));
}

/** A drawn tail in one case with digits: letters and digits both, spread (no run of either longer than the tail's third). */
function isLowerDrawnTail(tail: string): boolean {
  return /^[a-z0-9]+$/.test(tail) && /\d/.test(tail) && /[g-z]/.test(tail) && !/[a-z]{12}|\d{12}/.test(tail);
}

/**
 * An unquoted live or production key: set off on a line of its own (its tail drawn in one case or both), or anywhere in
 * prose when its tail is drawn in both cases with digits ("(The one you sent, acme_live_…, I've already stored in the
 * vault.)"), a word boundary before its prefix. A snake-case name never has such a tail.
 */
function isUnquotedLiveKey(text: string, start: number, end: number, tail: string): boolean {
  if (standsAloneOnLine(text, start, end)) return isGeneratedTail(tail) || isLowerDrawnTail(tail);
  return (start === 0 || !isWordCode(text.charCodeAt(start - 1))) && isGeneratedTail(tail);
}

function findPrefixedTokens(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let skipUntil = -1;
  for (const offset of offsets) {
    if (offset < skipUntil) continue;
    KIND_WORD.lastIndex = offset;
    if (!KIND_WORD.test(text)) continue;
    // The prefix: 2 to 10 lower-case letters back to the literal's opening quote.
    let start = offset;
    while (start > 0 && offset - start < 11) {
      const c = text.charCodeAt(start - 1);
      if (c < 97 || c > 122) break;
      start--;
    }
    const quote = text.charAt(start - 1);
    const quoted = quote === '"' || quote === "'" || quote === '`';
    if (offset - start < 2 || offset - start > 10) continue;
    // Unquoted, only a live or production key set off on its own line counts: its kind word is tested before anything
    // else, as `_token_`, `_api_` and `_secret_` are in every snake_case name (`access_token_url`).
    if (!quoted && !SET_OFF_KIND.test(text.slice(offset, KIND_WORD.lastIndex))) continue;
    if (PUBLIC_PREFIX.test(text.slice(start, offset))) continue;
    RANDOM_TAIL.lastIndex = KIND_WORD.lastIndex;
    if (!RANDOM_TAIL.test(text)) continue;
    const end = RANDOM_TAIL.lastIndex;
    const tail = text.slice(KIND_WORD.lastIndex, end);
    if (quoted ? text.charAt(end) !== quote || !isGeneratedTail(tail) : !isUnquotedLiveKey(text, start, end, tail)) continue;
    if (!notPlaceholderNorCounted(text.slice(start, end))) continue;
    spans.push({ start, end });
    skipUntil = end;
  }
  return spans;
}

export const liveKeyRules: Rule[] = [
  {
    id: 'prefixed-token-literal',
    category: 'TOKEN',
    description:
      'A vendor-style token in a literal: a short lower-case prefix, a kind word (`pat`, `reg`, `live`, `secret`, `token`, …) and 30 or more random letters and digits of mixed case (`new Client("acme_pat_…")`), or an unquoted live or production key: set off on a line of its own, as a mail hands it over (its tail may be lower case and digits), or in prose with a tail of both cases and digits; publishable `pk_`/`pub_` keys, object ids without a kind word and snake-case names stay out',
    keywords: ['_pat_', '_reg_', '_live_', '_prod_', '_secret_', '_token_', '_api_', '_sk_', '_sec_', '_srv_', '_tok_', '_priv_'],
    pattern: PREFIXED_TOKEN,
    secretGroup: 'v',
    find: findPrefixedTokens,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `return new AcmeClient("acme_pat_${BODY}");`,
        `client = Fleet('zq_reg_${BODY}')`,
        'const t = `vnd_secret_' + BODY + '`;',
        `Your key for the feed is below.\n\n  acme_live_${fake('lowernum', 32, 9812)}\n\nEndpoint: https://example.org/feed`,
        `(The one you mailed, acme_live_${BODY}, is in the vault now.)`,
        `Rotated the feed key to acme_prod_${BODY} this morning.`,
      ],
      noMatch: [
        `const key = "pk_live_${BODY}";`,
        `const name = "user_id_for_the_primary_account_lookup_table";`,
        `const d = "sha256_${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}";`,
        `stripe.customers.retrieve("cus_${BODY}")`,
        `const t = "acme_pat_${BODY.toLowerCase()}";`,
        `const t = "acme_pat_${'aB3'.repeat(12)}";`,
        `const t = "acme_pat_ThisIsTheDefaultPersonalAccessToken1";`,
        `see acme_live_${fake('lowernum', 32, 9813)} in the table`,
        `  acme_pat_${fake('lowernum', 32, 9814)}`,
        '  acme_live_feature_flag_for_the_partner_portal_v2',
        `see acme_secret_${BODY} in the table`,
        `set X_acme_live_${BODY} first`,
        'toggle acme_live_FeatureFlagForThePartnerPortal2 first',
        `(The one you mailed, pk_live_${BODY}, goes in the page.)`,
      ],
    },
  },
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
