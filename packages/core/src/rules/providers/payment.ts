import { lineAround } from '../../line-index.js';
import type { DetectOptions, Rule, Span } from '../../types.js';
import { fake } from './fake.js';
import { ALNUM, HEX, HEX_ANY, UUID, contextRule, findShapeAfterWords, looksRandom, notPlaceholder, notPlaceholderNorCounted, tokenRule, type ShapeAfterWords } from './shape.js';

/** Letters and at least three digits, as a random base32 key has: not a snake_case or run-together word. */
function isRandomBase32Body(body: string): boolean {
  return /[a-z]/.test(body) && (body.match(/[0-9]/g)?.length ?? 0) >= 3;
}

/** Vertex, the tax engine, named in a text (its SOAP namespace `urn:vertexinc:…`, `Vertex O Series`). */
const VERTEX_NAMED = /vertex/i;

/** An Adyen API key's two base64 parts, without the printable tail after them: what is asked whether it is a stand-in. */
const ADYEN_KEY_BASE64_PARTS = /^[A-Za-z0-9+/]{1,210}={0,2}-[A-Za-z0-9+/]{32,60}={0,2}/;

/** An Adyen API key as `adyen-api-key` reads it under a name: `AQE` and 60 to 250 key characters, not inside a longer run. */
const ADYEN_KEY_SHAPE = /(?<![\w+/=.-])(AQE[A-Za-z0-9+/=._-]{60,250})(?![\w+/=.-])/g;
/**
 * Adyen named in a mail or a note, and its API key set off a line or a few below (a go-live mail's "the API key for the
 * web service user … is:" and the key alone on a line): the words carry a key copied with characters its own shape
 * (`adyen-api-key-format`) does not expect. It must look drawn and be no stand-in.
 */
const ADYEN_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Aa]dyen|ADYEN/y,
  shape: ADYEN_KEY_SHAPE,
  reach: 600,
  lines: 4,
  accept: (v) => looksRandom(v) && notPlaceholder(v),
};

/**
 * A FedEx API key, the client id of a project on FedEx's developer portal that its secret key pairs with for an OAuth
 * token: `l7` (its Layer7 gateway's mark) and lower-case hex, 32 digits in the keys seen in public code. FedEx documents
 * no length, so 30 to 32 are read. Little else opens with `l7` and runs on in hex, but the shape is read only near
 * FedEx's name: alone it is too short a mark to tell a key by.
 */
const FEDEX_API_KEY = /(?<![\w.+/-])(l7[0-9a-f]{30,32})(?![\w+/-])/g;
/** How far from the start of the line that names FedEx a key is looked for: a few lines of a config block or a constructor. */
const FEDEX_WINDOW = 400;
/** The longest key and the character after it. */
const FEDEX_KEY_MAX = 35;

/**
 * The FedEx API keys from the line that names FedEx (`FEDEX_CLIENT_ID`, `fedex:`, `class FedexRates`) to a few lines
 * below it, up to a blank line: `fedex_client_id: l7…`, `@client_id = client_id || "l7…"` under `ENV["FEDEX_CLIENT_ID"]`.
 * Each stretch of text is read once, however many names of FedEx it holds.
 */
function findFedexApiKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    let end = Math.min(text.length, offset + FEDEX_WINDOW);
    if (end <= readTo) continue;
    // Read from the start of the name's line (no line break stands between), or from where the last window ended.
    const from = readTo >= offset ? readTo : Math.max(lineAround(text, offset, 200).start, readTo);
    const blank = /\n[ \t]{0,40}\r?\n/.exec(text.slice(from, end));
    if (blank !== null) end = from + blank.index;
    readTo = end;
    if (end <= from) continue;
    // A key that starts in the window is read whole (it may run past the window's end), and the character before the
    // window is read too, so that no key is cut in two nor a longer run taken for one.
    const at = Math.max(0, from - 1);
    const window = text.slice(at, Math.min(text.length, end + FEDEX_KEY_MAX));
    FEDEX_API_KEY.lastIndex = from - at;
    for (let m = FEDEX_API_KEY.exec(window); m !== null && at + m.index < end; m = FEDEX_API_KEY.exec(window)) {
      const hex = m[1]!.slice(2);
      if (!/[0-9]/.test(hex) || !/[a-f]/.test(hex) || !notPlaceholderNorCounted(hex)) continue;
      spans.push({ start: at + m.index, end: at + m.index + m[1]!.length });
    }
  }
  return spans;
}

/** Payments, commerce, finance and crypto exchanges. Publishable keys (pk_…) are deliberately absent. */
export const paymentRules: Rule[] = [
  {
    id: 'stripe-secret-key',
    category: 'KEY',
    description: 'Stripe secret or restricted API key (sk_/rk_ live, test or prod); publishable pk_ keys are public',
    keywords: ['sk_live', 'sk_test', 'sk_prod', 'rk_live', 'rk_test', 'rk_prod'],
    pattern: /\b((?:sk|rk)_(?:live|test|prod)_[A-Za-z0-9]{24,247})(?![A-Za-z0-9])/,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`STRIPE_SECRET_KEY=sk_live_51${fake('alnum', 96, 200)}`, `rk_test_${fake('alnum', 24, 201)}`],
      noMatch: [`pk_live_${fake('alnum', 24, 202)}`, 'sk_live_short', `xsk_live_${fake('alnum', 24, 203)}`, `sk_test_${'x'.repeat(24)}`],
    },
  },
  tokenRule('stripe-webhook-secret', 'Stripe webhook signing secret', 'whsec_', '[A-Za-z0-9+/]{32,64}', {
    match: [`STRIPE_WEBHOOK_SECRET=whsec_${fake('alnum', 32, 204)}`],
    noMatch: ['whsec_short', `whsec_${'x'.repeat(32)}`],
  }, { category: 'CRED', minEntropy: 3.5 }),
  tokenRule('square-access-token', 'Square access token (sq0atp- or the EAAA production format)', '(?:sq0atp-|EAAA)', '[\\w\\-]{22,60}', {
    match: [`ARG token=sq0atp-${fake('b64url', 22, 205)}`, `SQUARE_ACCESS_TOKEN=EAAA${fake('b64url', 60, 206)}`],
    noMatch: ['aws-cli@sha256:eaaa7b11777babe28e6133a8b19ff71cea687e0d7f05158dee95a71f76ce3d00', 'sq0atp-short'],
  }, { keywords: ['sq0atp-', 'eaaa'], minEntropy: 3, literal: 'sq0atp-' }),
  tokenRule('square-oauth-secret', 'Square OAuth application secret (sq0csp-)', 'sq0csp-', '[\\w\\-]{40,50}', {
    match: [`value: "sq0csp-${fake('b64url', 43, 207)}"`],
    noMatch: ['sq0csp-short'],
  }, { category: 'CRED', minEntropy: 3 }),
  tokenRule('braintree-access-token', 'PayPal Braintree access token (access_token$production$…)', 'access_token\\$(?:production|sandbox)\\$', '[0-9a-z]{16}\\$[0-9a-f]{32}', {
    match: [`BT_TOKEN=access_token$production$${fake('lowernum', 16, 208)}$${fake('hex', 32, 209)}`],
    noMatch: ['access_token$production$abc$def'],
  }, { keywords: ['access_token$'], lead: '(?<![\\w$])', tail: '(?![\\w$])', validate: (s) => !/x{6}/i.test(s) }),
  // PayPal's OAuth access tokens (REST API, valid for hours) start `A21AA` and run about a hundred URL-safe characters:
  // what a checkout plugin's debug log prints from the token response and each request's Bearer header.
  tokenRule('paypal-access-token', 'PayPal OAuth access token (A21AA + 80-160 URL-safe characters)', 'A21AA', '[\\w\\-]{80,160}', {
    match: [`"access_token":"A21AA${fake('b64url', 92, 2101)}"`, `Authorization: Bearer A21AA${fake('b64url', 86, 2102)}`],
    noMatch: [`A21AA${fake('b64url', 40, 2103)}`, `XA21AA${fake('b64url', 92, 2104)}`],
  }, { keywords: ['a21aa'], minEntropy: 4, validate: looksRandom }),
  // A PayPal client id has the secret's shape (80 characters) but is public (the JS SDK's script URL carries it):
  // the name must say secret, key, password or credential.
  contextRule('paypal-client-secret', 'PayPal REST client secret next to a PayPal name that says secret', ['paypal'], '[\\w\\-]{80}', {
    match: [`PAYPAL_CLIENT_SECRET=${fake('b64url', 80, 210)}`, `paypal:\n  client_secret: ${fake('b64url', 80, 211)}`],
    noMatch: [`PAYPAL_CLIENT_SECRET=${fake('b64url', 40, 210)}`, `PAYPAL_CLIENT_ID=${fake('b64url', 80, 210)}`],
  }, { category: 'CRED', minEntropy: 4, nameTail: 'secret|key|pass|pwd|cred' }),
  contextRule('adyen-api-key', 'Adyen API key next to an Adyen name', ['adyen'], 'AQE[A-Za-z0-9+/=._\\-]{60,250}', {
    match: [`ADYEN_API_KEY=AQE${fake('b64', 120, 211)}`],
    noMatch: ['ADYEN_API_KEY=AQEshort'],
  }, { minEntropy: 4, confidence: 'high' }),
  {
    id: 'adyen-api-key-near-words',
    category: 'KEY',
    description:
      'An Adyen API key (`AQE` and 60 to 250 key characters) up to four lines after Adyen is named: a mail or a note that hands one over on a line of its own ("Adyen have switched us to live. … the API key for the web service user is:" and the key)',
    keywords: ['adyen'],
    pattern: ADYEN_KEY_SHAPE,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, ADYEN_KEY_AFTER_WORDS),
    anchored: true,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`Adyen moved us to live today. The API key for ws_204911@Company.Harbour is:\n\nAQE${fake('b64', 60, 2131)}_${fake('b64url', 50, 2132)}=-${fake('b64', 43, 2133)}=-${fake('alnum', 16, 2134)}\n`],
      noMatch: [
        'Adyen moved us to live today. The API key is:\n\nAQExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n',
        `We left Adyen last year.\n1\n2\n3\n4\n5\nAQE${fake('b64', 60, 2131)}_${fake('b64url', 50, 2132)}\n`,
      ],
    },
  },
  // An Adyen API key has a shape of its own: `AQE`, base64 ending `==`, a dash, 43 base64 characters and `=` (32
  // bytes), a dash and a short random tail. Log lines and tickets print it with no Adyen name beside it. The tail is
  // drawn from all printable characters (braces and `%` among them), so only the base64 parts are asked whether
  // they are a stand-in. Keys copied short or written by hand keep the joint that no other base64 has, padding then a
  // dash (`…=-…`): with it, the second part may be of another length (32 to 60) and unpadded. The tail may hold `<`
  // or `>` too (`=-jJ1et>sy1Lz{`); one that opens a closing tag or ends the text (`=-Qm7t</key>`, `<AQE…=-Qm7t>`) is markup's.
  tokenRule('adyen-api-key-format', 'Adyen API key by its own shape (AQE…==-<43 base64>=-…, or AQE…=-<base64> joined at padding and a dash)', 'AQE', `[A-Za-z0-9+/]{40,200}(?:={0,2}-[A-Za-z0-9+/]{43}=|={1,2}-[A-Za-z0-9+/]{32,60}={0,2})(?:-(?:[^\\s"'\x60<>]|[<>](?=[^\\s"'\x60<>/])){4,40})?`, {
    match: [`Auth failed using key AQE${fake('b64', 88, 2111)}==-${fake('b64', 43, 2112)}=-QGJ9YV%zP6q8VGgI`, `x-api-key: AQE${fake('b64', 60, 2113)}==-${fake('b64', 43, 2114)}=`,
      `$client->setXApiKey('AQE${fake('b64', 88, 2116)}==-${fake('b64', 43, 2117)}=-q{7Tz]Wm2}Lx9');`,
      `new Client("AQE${fake('b64', 84, 2119)}=-${fake('alnum', 40, 2120)}", Environment.LIVE);`,
      `adyen.api-key=AQE${fake('b64', 70, 2123)}==-${fake('b64', 43, 2124)}=-jJ1et>sy1Lz{`, `<apiKey>AQE${fake('b64', 70, 2125)}==-${fake('b64', 43, 2126)}=-q<7Tz]Wm2</apiKey>`],
    noMatch: ['AQEshort==-abc=', `AQE${fake('b64', 88, 2115)}`, `AQE${fake('b64', 60, 2118)}==-${'x'.repeat(43)}=-{tail}`,
      // No padding before the dash: a hyphenated id or a joined pair of words, not the key's joint.
      `AQE${fake('alnum', 60, 2121)}-${fake('alnum', 40, 2122)}`],
  }, { keywords: ['aqe'], minEntropy: 4, lead: '(?<![A-Za-z0-9+/])', tail: '(?![A-Za-z0-9+/=])', validate: (secret) => notPlaceholder(ADYEN_KEY_BASE64_PARTS.exec(secret)?.[0] ?? secret) }),
  // Marqeta's Core API authenticates with an application token and an admin access token, both UUIDs: read under a
  // Marqeta name that says which (its users' and cards' own tokens, also UUIDs, are ids).
  contextRule('marqeta-access-token', 'Marqeta application or admin access token (a UUID) next to a Marqeta name that says app, admin or access token', ['marqeta'], UUID, {
    match: ['MarqetaAdmin:    "db9bec5e-422f-4587-b766-a93e85766d7a",', 'MARQETA_ADMIN_ACCESS_TOKEN=f24cf109-f63b-4bd9-a000-c2ac18979cb6'],
    noMatch: ['marqeta_card_token: db9bec5e-422f-4587-b766-a93e85766d7a', 'MARQETA_USER_TOKEN=f24cf109-f63b-4bd9-a000-c2ac18979cb6'],
  }, { category: 'TOKEN', nameTail: 'admin|app(?:lication)?[_.\\-]?token|access[_.\\-]?token|master', validate: notPlaceholder }),
  // Vertex O Series (tax calculation) logs a caller in with a Trusted ID in place of a user name and password
  // (`<Login><TrustedId>…</TrustedId></Login>`): a credential despite its name. Read only where the text names Vertex,
  // as other products' "trusted ids" name devices and issuers.
  contextRule('vertex-trusted-id', 'Vertex O Series Trusted ID (its login credential) under a trusted-id name, in a text that names Vertex', ['trusted[_.\\-]?id'], '[A-Za-z0-9!#$%*+.=?@^_~\\-]{8,64}', {
    match: ['// Vertex O Series login\nprivate static final String TRUSTED_ID = "9F2C7A1E4B6D8035C1E7A9F2B4D6C8E0";', '<!-- vertex -->\n<Login><TrustedId>Qm7tR2vLx9Kp4Wz8</TrustedId></Login>'],
    noMatch: ['private static final String TRUSTED_ID = "9F2C7A1E4B6D8035C1E7A9F2B4D6C8E0";', '// Vertex\n<TrustedId>${VERTEX_TRUSTED_ID}</TrustedId>'],
  }, { keywords: ['trustedid', 'trusted_id', 'trusted-id', 'trusted.id'], category: 'CRED', validate: (secret, ctx) => looksRandom(secret) && VERTEX_NAMED.test(ctx.text) }),
  contextRule('razorpay-key-secret', 'Razorpay key secret next to a Razorpay name', ['razorpay', 'rzp'], ALNUM(24), {
    match: [`RAZORPAY_KEY_SECRET=${fake('alnum', 24, 212)}`],
    noMatch: [`RAZORPAY_KEY_SECRET=${fake('alnum', 20, 212)}`],
  }, { category: 'CRED', nameTail: 'secret', minEntropy: 3.5 }),
  // No rule for a Razorpay key id (rzp_live_/rzp_test_): Checkout takes it in the browser (`key: 'rzp_live_…'`), like a publishable key.
  tokenRule('flutterwave-secret-key', 'Flutterwave secret key (FLWSECK-… / FLWSECK_TEST-…)', 'FLWSECK(?:_TEST)?-', '[a-hA-H0-9]{32}-X', {
    match: [`FLW_SECRET_KEY=FLWSECK_TEST-${fake('abcdefgh0123456789', 32, 214)}-X`, `FLWSECK-${fake('abcdefgh0123456789', 32, 215)}-X`],
    noMatch: ['FLWSECK_TEST-abc-X', `FLWPUBK_TEST-${fake('abcdefgh0123456789', 32, 216)}-X`],
  }, { keywords: ['flwseck'], minEntropy: 2 }),
  tokenRule('flutterwave-encryption-key', 'Flutterwave encryption key (FLWSECK_TEST + 12 characters)', 'FLWSECK_TEST', '[a-hA-H0-9]{12}', {
    match: [`FLW_ENCRYPTION_KEY=FLWSECK_TEST${fake('abcdefgh0123456789', 12, 217)}`],
    noMatch: ['FLWSECK_TESTabc'],
  }, { category: 'CRED', minEntropy: 2 }),
  tokenRule('shopify-access-token', 'Shopify Admin API access token (shpat_)', 'shpat_', '[A-Za-z0-9]{32,38}', {
    match: [`SHOPIFY_TOKEN=shpat_${fake('hex', 32, 218)}`],
    noMatch: ['shpat_short', 'shpssSSSSS_SSSS_sssss is not api key'],
  }, { minEntropy: 2 }),
  tokenRule('shopify-custom-access-token', 'Shopify custom app access token (shpca_)', 'shpca_', '[A-Za-z0-9]{32,38}', {
    match: [`shpca_${fake('hex', 32, 219)}`],
    noMatch: ['shpca_short'],
  }, { minEntropy: 2 }),
  tokenRule('shopify-private-app-access-token', 'Shopify private app password (shppa_)', 'shppa_', '[A-Za-z0-9]{32,38}', {
    match: [`shppa_${fake('hex', 32, 220)}`],
    noMatch: ['shppa_short'],
  }, { minEntropy: 2 }),
  tokenRule('shopify-shared-secret', 'Shopify app shared secret (shpss_)', 'shpss_', '[A-Za-z0-9]{32,38}', {
    match: [`SHOPIFY_API_SECRET=shpss_${fake('hex', 32, 221)}`],
    noMatch: ['shpss_short'],
  }, { category: 'CRED', minEntropy: 2 }),
  contextRule('coinbase-access-token', 'Coinbase API secret/access token next to a Coinbase name', ['coinbase'], '[\\w\\-]{64}', {
    match: [`COINBASE_API_SECRET=${fake('b64url', 64, 222)}`],
    noMatch: [`COINBASE_API_SECRET=${fake('b64url', 32, 222)}`],
  }, { minEntropy: 3.5 }),
  // Plaid issues its other tokens in the same shape: a Link token (`link-…`, hours) opens Link for a user, and a
  // public token (`public-…`, minutes) is what the app exchanges, with its secret, for an access token.
  tokenRule('plaid-access-token', 'Plaid access, Link or public token (access-|link-|public-<environment>-<uuid>)', '(?:access|link|public)-(?:sandbox|development|production)-', UUID, {
    match: [
      `PLAID_ACCESS_TOKEN=access-production-4ea38b7b-f563-4709-8bae-87aeaf14f0c1`,
      'Link token for the test user: link-production-5b972525-bf40-4985-b269-00e3ca6b9115',
      '{"public_token": "public-sandbox-0c919002-7cf1-4506-b343-19d2c9710f35"}',
    ],
    noMatch: ['access-production-1234', 'link-production-eu-west-1', 'public-sandbox-00000000'],
  }, {
    keywords: ['access-sandbox-', 'access-development-', 'access-production-', 'link-sandbox-', 'link-development-', 'link-production-', 'public-sandbox-', 'public-development-', 'public-production-'],
    category: 'TOKEN',
  }),
  // No rule for a Plaid client_id: a public identifier of the Plaid account; the secret beside it is the credential.
  contextRule('plaid-secret-key', 'Plaid secret next to a Plaid name', ['plaid'], '[a-z0-9]{30}', {
    match: [`PLAID_SECRET=${fake('hex', 30, 224)}`],
    noMatch: [`PLAID_SECRET=${fake('hex', 28, 224)}`],
  }, { minEntropy: 3 }),
  contextRule('gocardless-api-token', 'GoCardless access token next to a GoCardless name', ['gocardless'], '(?:live|sandbox)_[\\w=\\-]{40}', {
    match: [`GOCARDLESS_TOKEN=live_${fake('b64url', 40, 225)}`],
    noMatch: ['GOCARDLESS_TOKEN=live_short'],
  }, { minEntropy: 3, confidence: 'high' }),
  contextRule('lob-api-key', 'Lob API secret key next to a Lob name', ['lob'], '(?:live|test)_[a-f0-9]{35}', {
    match: [`LOB_API_KEY=live_${fake('hex', 35, 226)}`],
    noMatch: [`LOB_API_KEY=live_pub_${fake('hex', 31, 226)}`],
  }, { confidence: 'high', validate: notPlaceholder }),
  // Checkout.com's current secret keys are `sk_sbox_` (sandbox) or `sk_` (live) and 27 base32 characters, the last
  // a check character; copies are seen with a few more or fewer. A live key's prefix is short, so its body must mix
  // letters and digits, as a random base32 string does and an identifier (`sk_validation_message`) does not.
  tokenRule('checkout-secret-key', 'Checkout.com secret key (sk_sbox_ sandbox, or sk_ live, + 26-28 lower-case letters and digits)', 'sk_(?:sbox_)?', '[a-z0-9]{26,28}', {
    match: [`CKO_SECRET_KEY=sk_sbox_${fake('lowernum', 26, 227)}`, `| Checkout.com live key | \`sk_${fake('lowernum', 28, 2271)}\` | rotated |`],
    noMatch: ['sk_sbox_short', 'sk_abcdefghijklmnopqrstuvwxyz', 'sk_isolationforestmodelname', `pk_${fake('lowernum', 28, 2272)}`, `ask_${fake('lowernum', 28, 2273)}`],
  }, { keywords: ['sk_'], minEntropy: 3, validate: (secret) => notPlaceholder(secret) && isRandomBase32Body(secret.slice(secret.startsWith('sk_sbox_') ? 8 : 3)) }),
  contextRule('mollie-api-key', 'Mollie API key next to a Mollie name', ['mollie'], '(?:live|test)_[A-Za-z0-9]{30}', {
    match: [`MOLLIE_API_KEY=live_${fake('alnum', 30, 228)}`],
    noMatch: ['MOLLIE_API_KEY=live_short'],
  }, { confidence: 'high' }),
  contextRule('paystack-secret-key', 'Paystack secret key next to a Paystack name', ['paystack'], 'sk_(?:live|test)_[a-f0-9]{40}', {
    match: [`PAYSTACK_SECRET_KEY=sk_live_${fake('hex', 40, 229)}`],
    noMatch: [`PAYSTACK_PUBLIC_KEY=pk_live_${fake('hex', 40, 229)}`],
  }, { confidence: 'high', validate: notPlaceholder }),
  {
    id: 'freemius-secret-key',
    category: 'KEY',
    description: 'Freemius SDK secret key in a PHP config array',
    keywords: ['secret_key'],
    pattern: /["']secret_key["'][ \t]{0,8}=>[ \t]{0,8}["'](sk_[^\s"']{29})["']/,
    secretGroup: 1,
    validate: notPlaceholder,
    paths: /\.php$/i,
    confidence: 'high',
    examples: { match: [], noMatch: [] },
  },
  tokenRule('easypost-api-token', 'EasyPost production API key (EZAK)', 'EZAK', '[A-Za-z0-9]{54}', {
    match: [`EASYPOST_API_KEY=EZAK${fake('alnum', 54, 230)}`],
    noMatch: ['...6wqX6fNUXA/rYqRvfQ+EZAKGqQRiRyqAFRQshGPWOIAwNWGORfKHSBnVNFtVmWYoW6PH23lkqbbDWep95C/3VmWq/edti6...'],
  }, { minEntropy: 2, lead: '\\b', tail: '\\b' }),
  tokenRule('easypost-test-api-token', 'EasyPost test API key (EZTK)', 'EZTK', '[A-Za-z0-9]{54}', {
    match: [`EASYPOST_TEST_KEY=EZTK${fake('alnum', 54, 231)}`],
    noMatch: ['EZTKshort'],
  }, { minEntropy: 2, lead: '\\b', tail: '\\b' }),
  tokenRule('shippo-api-token', 'Shippo API token (shippo_live_/shippo_test_)', 'shippo_(?:live|test)_', HEX_ANY(40), {
    match: [`SHIPPO_TOKEN=shippo_live_${fake('hex', 40, 232)}`],
    noMatch: ['shippo_live_short'],
  }, { keywords: ['shippo_'], minEntropy: 2 }),
  {
    id: 'fedex-api-key',
    category: 'KEY',
    description: "FedEx API key (a developer portal project's client id, `l7` and hex) within a few lines of FedEx's name",
    keywords: ['fedex'],
    pattern: FEDEX_API_KEY,
    secretGroup: 1,
    find: findFedexApiKeys,
    anchored: true,
    minEntropy: 3,
    confidence: 'high',
    examples: {
      match: [
        `FEDEX_CLIENT_ID=l7${fake('hex', 32, 9901)}`,
        `fedex:\n  client_id: l7${fake('hex', 30, 9902)}\n  account: "510087780"`,
        `def initialize(client_id: ENV["FEDEX_CLIENT_ID"])\n  @client_id = client_id || "l7${fake('hex', 30, 9903)}"\nend`,
      ],
      noMatch: [
        `UPS_CLIENT_ID=l7${fake('hex', 32, 9904)}`,
        'FEDEX_CLIENT_ID=l7xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'fedex.client-id=l7xx1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d',
        `# FedEx rates\n\nCLIENT_ID=l7${fake('hex', 32, 9905)}`,
        `FEDEX_LABEL=dl7${fake('hex', 32, 9906)}`,
      ],
    },
  },
  tokenRule('duffel-api-token', 'Duffel API access token (duffel_live_/duffel_test_)', 'duffel_(?:test|live)_', '[\\w=\\-]{43}', {
    match: [`DUFFEL_ACCESS_TOKEN=duffel_test_${fake('b64url', 43, 233)}`],
    noMatch: ['duffel_test_short'],
  }, { keywords: ['duffel_'], minEntropy: 2 }),
  contextRule('etsy-access-token', 'Etsy API key next to an Etsy name', ['etsy'], '[a-z0-9]{24}', {
    match: [`ETSY_API_KEY=${fake('lowernum', 24, 234)}`],
    noMatch: ['sysctlBridgeCallIPTables = 1'],
  }, { minEntropy: 3 }),
  contextRule('finicity-api-token', 'Finicity app key next to a Finicity name', ['finicity'], HEX(32), {
    match: [`FINICITY_APP_KEY=${fake('hex', 32, 235)}`],
    noMatch: ['FINICITY_APP_KEY=changeme'],
  }, { minEntropy: 3 }),
  contextRule('finicity-client-secret', 'Finicity partner secret next to a Finicity name', ['finicity'], '[a-zA-Z0-9]{20}', {
    match: [`finicity_partner_secret: ${fake('alnum', 20, 236)}`],
    noMatch: ['finicity_partner_secret: short'],
  }, { category: 'CRED', minEntropy: 3 }),
  contextRule('finnhub-access-token', 'Finnhub API token next to a Finnhub name', ['finnhub'], '[a-z0-9]{20}', {
    match: [`FINNHUB_TOKEN=${fake('lowernum', 20, 237)}`],
    noMatch: ['FINNHUB_TOKEN=short'],
  }, { minEntropy: 3 }),
  contextRule('alpha-vantage-api-key', 'Alpha Vantage API key next to an Alpha Vantage name', ['alpha[_.\\-]?vantage', 'alphavantage'], '[A-Z0-9]{16}', {
    match: [`ALPHA_VANTAGE_KEY=${fake('uppernum', 16, 238)}`],
    noMatch: ['ALPHA_VANTAGE_KEY=DEMO'],
  }, { keywords: ['vantage'], minEntropy: 3 }),
  contextRule('kraken-access-token', 'Kraken exchange API secret next to a Kraken name', ['kraken'], '[A-Za-z0-9/=_+\\-]{80,90}', {
    match: [`KRAKEN_API_SECRET=${fake('b64', 88, 239)}`],
    noMatch: [`KRAKEN_API_SECRET=${fake('b64', 40, 239)}`],
  }, { minEntropy: 4 }),
  contextRule('kucoin-access-token', 'KuCoin API key next to a KuCoin name', ['kucoin'], '[a-f0-9]{24}', {
    match: [`KUCOIN_API_KEY=${fake('hex', 24, 240)}`],
    noMatch: [`KUCOIN_API_KEY=${fake('hex', 20, 240)}`],
  }, { minEntropy: 3 }),
  contextRule('kucoin-secret-key', 'KuCoin API secret (a UUID) next to a KuCoin name', ['kucoin'], UUID, {
    match: ['KUCOIN_API_SECRET=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['KUCOIN_API_SECRET=short'],
  }, { validate: notPlaceholder }),
  contextRule('bittrex-access-key', 'Bittrex API key or secret next to a Bittrex name', ['bittrex'], ALNUM(32), {
    match: [`BITTREX_API_KEY=${fake('alnum', 32, 241)}`],
    noMatch: [`BITTREX_API_KEY=${fake('alnum', 16, 241)}`],
  }, { minEntropy: 3 }),
  contextRule('binance-api-key', 'Binance API key or secret next to a Binance name', ['binance'], ALNUM(64), {
    match: [`BINANCE_API_SECRET=${fake('alnum', 64, 242)}`],
    noMatch: [`BINANCE_API_SECRET=${fake('alnum', 30, 242)}`],
  }, { minEntropy: 4 }),
  contextRule('bitfinex-api-key', 'Bitfinex API key or secret next to a Bitfinex name', ['bitfinex'], ALNUM(43), {
    match: [`BITFINEX_API_SECRET=${fake('alnum', 43, 243)}`],
    noMatch: [`BITFINEX_API_SECRET=${fake('alnum', 30, 243)}`],
  }, { minEntropy: 4 }),
  contextRule('gemini-exchange-api-secret', 'Gemini exchange API secret next to a Gemini exchange name', ['gemini[_.\\-]?(?:exchange|api[_.\\-]?secret)'], ALNUM('27,28'), {
    match: [`GEMINI_API_SECRET=${fake('alnum', 28, 244)}`],
    noMatch: ['GEMINI_API_SECRET=short'],
  }, { keywords: ['gemini'], minEntropy: 3.5 }),
  contextRule('freshbooks-access-token', 'FreshBooks API access token (64 characters) next to a FreshBooks name', ['freshbooks'], '[a-z0-9]{64}', {
    match: [`FRESHBOOKS_ACCESS_TOKEN=${fake('lowernum', 64, 245)}`],
    noMatch: ['FRESHBOOKS_ACCOUNT_ID=abc123'],
  }, { minEntropy: 3.5 }),
  // Open Exchange Rates calls its API key the App ID (`?app_id=…` on every request, billed to the plan): an id by name, a key by use.
  // Code often abbreviates the name OXR (`OXR_APP_ID`, `oxrAppID`, as client libraries named `oxr` do): read so only before the app id's name.
  contextRule('openexchangerates-app-id', 'Open Exchange Rates App ID, its API key (32 hex), next to an Open Exchange Rates name (or OXR before an app id\'s)', ['open[_.\\-]?exchange', '(?<![A-Za-z0-9])oxr[_.\\-]?app[_.\\-]?id'], HEX(32), {
    match: [`OPEN_EXCHANGE_RATES_APP_ID=${fake('hex', 32, 246)}`, `private val OpenExchangeAppId = "${fake('hex', 32, 247)}"`, `\toxrAppID     = "${fake('hex', 32, 9601)}"`, `OXR_APP_ID=${fake('hex', 32, 9602)}`],
    noMatch: ['OPEN_EXCHANGE_RATES_BASE=USD', `OPEN_EXCHANGE_RATES_APP_ID=${'0'.repeat(32)}`, `OXR_BASE_CURRENCY_HASH=${fake('hex', 32, 9603)}`, `boxr_app_ident = "${fake('hex', 32, 9604)}"`],
  }, { keywords: ['openexchange', 'open_exchange', 'open-exchange', 'open.exchange', 'oxr'], minEntropy: 3 }),
  // WooCommerce REST API keys are issued as a pair, consumer key ck_ and consumer secret cs_, each 40 lower-case hex.
  // Both halves are sent together (Basic credentials or query parameters) and read and write the shop's orders and
  // customers, so each is reported. The prefixes are short, but each rule runs sticky where its prefix starts a word.
  tokenRule('woocommerce-consumer-key', 'WooCommerce REST API consumer key (ck_ + 40 hex)', 'ck_', HEX(40), {
    match: [`WC_CONSUMER_KEY=ck_${fake('hex', 40, 248)}`, `new WooCommerceAPI({ consumerKey: "ck_${fake('hex', 40, 249)}" })`],
    noMatch: [`stack_${fake('hex', 40, 250)}`, `ck_${fake('hex', 32, 251)}`, `ck_${fake('hex', 40, 252)}ab`, 'ck_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }, { category: 'CRED', minEntropy: 3 }),
  tokenRule('woocommerce-consumer-secret', 'WooCommerce REST API consumer secret (cs_ + 40 hex)', 'cs_', HEX(40), {
    match: [`consumer_secret: 'cs_${fake('hex', 40, 253)}'`, `curl -u ck_${fake('hex', 40, 254)}:cs_${fake('hex', 40, 255)} https://shop.test/wp-json/wc/v3/orders`],
    noMatch: [`docs_${fake('hex', 40, 256)}`, `cs_${fake('hex', 39, 257)}`, 'cs_0000000000000000000000000000000000000000'],
  }, { category: 'CRED', minEntropy: 3 }),
  // Paddle Billing's API keys: pdl_ + live or sdbx + apikey_ + a ULID + two random parts; its notification (webhook) secrets: pdl_ntfset_.
  tokenRule('paddle-api-key', 'Paddle Billing API key (pdl_live_apikey_/pdl_sdbx_apikey_)', 'pdl_(?:live|sdbx)_apikey_', '[0-9a-z]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}', {
    match: [`new Paddle("pdl_live_apikey_01${fake('lowernum', 24, 4530)}_${fake('alnum', 22, 4531)}_${fake('alnum', 3, 4532)}")`],
    noMatch: ['pdl_live_apikey_short', `pdl_live_apikey_01${fake('lowernum', 24, 4533)}`],
  }, { keywords: ['pdl_live_apikey_', 'pdl_sdbx_apikey_'], minEntropy: 3.5 }),
  tokenRule('paddle-webhook-secret', 'Paddle notification (webhook) secret key (pdl_ntfset_)', 'pdl_ntfset_', '[0-9a-z]{26}_[A-Za-z0-9+/=]{32}', {
    match: [`PADDLE_WEBHOOK_SECRET=pdl_ntfset_01${fake('lowernum', 24, 4534)}_${fake('alnum', 32, 4535)}`],
    noMatch: ['pdl_ntfset_short', `ntf_01${fake('lowernum', 24, 4536)}`],
  }, { minEntropy: 3.5 }),
];

