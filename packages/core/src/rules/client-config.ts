import { hasBrowserBundledPrefix, namesClientShippedValue } from '../client-shipped.js';
import { searchQualifiesKey, splitWords } from '../key-name.js';

/**
 * Keys that vendors make to be shipped to browsers and apps, told by where they sit: the
 * object or call their entry is in (`Bugsnag.start({ apiKey })`, `"amplitude": { "apiKey" }`,
 * `var _rollbarConfig = { accessToken }`, `NREUM.info = { licenseKey }`, a Firebase web
 * config) and the entry's own name. Each vendor's server-side secret beside them (Amplitude's
 * secret key, Mixpanel's API secret, a Rollbar server token, a Firebase service account)
 * keeps its own name and stays a finding.
 */

/** How far back the opening brace of the enclosing object is looked for. */
const LOOK_BACK = 1500;

/**
 * The words of what opens the object or array a name at `at` sits in: the text on the line
 * before its unmatched `{` or `[` (`const firebaseConfig: FirebaseOptions = {` → const,
 * firebase, config, firebase, options; `'pusher' => [` → pusher; `Bugsnag.start({` →
 * bugsnag, start). A name that is a call's labelled argument, with no brace between
 * (Swift's and Kotlin's `Mixpanel.initialize(token: …)`, Python's `Pusher(key=…)`), sits in
 * that call: the text before its unmatched `(`. Empty when the name is at the top level.
 * Brackets inside string literals are rare in configuration objects and are not told apart.
 */
export function enclosingObjectWords(text: string, at: number): string[] {
  const opener = enclosingObjectOpener(text, at);
  return opener === undefined ? [] : splitWords(opener);
}

/** The text on the line before the unmatched bracket a name at `at` sits in (see `enclosingObjectWords`); undefined at the top level. */
function enclosingObjectOpener(text: string, at: number): string | undefined {
  const open = enclosingBracket(text, at);
  return open === -1 ? undefined : textBefore(text, open);
}

/** Where the unmatched `{`, `[` or `(` a name at `at` sits in is (see `enclosingObjectWords`); -1 at the top level. */
function enclosingBracket(text: string, at: number): number {
  let depth = 0;
  // Parentheses closed between the call's `(` and the name (`URL(string: …)!,`), counted outside nested braces only:
  // a stray `)` then cannot hide the brace the name sits in.
  let parens = 0;
  const stop = Math.max(0, at - LOOK_BACK);
  for (let i = at - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (depth === 0 && c === 0x29 /* ) */) parens++;
    else if (depth === 0 && c === 0x28 /* ( */) {
      if (parens === 0) return i;
      parens--;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth++;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/** How far after its opening bracket an object's entries are read for a sibling of the name being judged. */
const OBJECT_REACH = 1500;

/** The entries of the object or call opened at `open`: the text up to its closing bracket, at most OBJECT_REACH characters. */
function bracketedBody(text: string, open: number): string {
  let depth = 0;
  const stop = Math.min(text.length, open + 1 + OBJECT_REACH);
  for (let i = open + 1; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */ || c === 0x28 /* ( */) depth++;
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */ || c === 0x29 /* ) */) {
      if (depth === 0) return text.slice(open + 1, i);
      depth--;
    }
  }
  return text.slice(open + 1, stop);
}

/**
 * A Firebase web app's id (`1:<project number>:web:<hex>`), as the console's config snippet gives it beside the API key
 * (`appId: "1:4759…:web:1fa9…"`). Android's and iOS's ids say `android` and `ios` instead.
 */
const FIREBASE_WEB_APP_ID = /["'`]1:\d{6,20}:web:[0-9a-f]{6,40}["'`]/;

/**
 * Whether an `apiKey` whose object or call opens at `open` is a Firebase web config's key: the object also holds the web
 * app's id, whatever the object is called (`firebase: { apiKey, projectId, appId }` nested in an app's `config`, an Expo
 * config's `extra.firebase`). Firebase ships that key to every browser and guards data with security rules and App Check.
 * The key of an Android or iOS app's options, and an `apiKey` beside a project id alone, are judged by their names.
 */
function isFirebaseWebConfigKey(text: string, open: number, nameWords: readonly string[]): boolean {
  const namesApiKey = nameWords.length === 1 ? nameWords[0] === 'apikey' : nameWords.length === 2 && nameWords[0] === 'api' && nameWords[1] === 'key';
  return namesApiKey && FIREBASE_WEB_APP_ID.test(bracketedBody(text, open));
}

/** The text on the line before the opening bracket at `open`, at most 120 characters of it. */
function textBefore(text: string, open: number): string {
  // Bounded, like the scan itself: a search for the line start is quadratic on one long line of `{` and names.
  const lineStart = lineStartWithin(text, open - 1, Math.max(0, open - 120));
  return text.slice(Math.max(lineStart, open - 120), open);
}

/**
 * A type's declaration (`public final class AdyenClientFactory {`, `internal sealed class StripeClient`, Python's
 * `class PaymentsClient:`, Kotlin's `object AdyenGateway {`, `struct`, `record`, `enum`, `trait`). Its name says what the
 * type does (builds a vendor's API client, wraps a gateway), not whose browser its fields are shipped to: a server's code
 * names its API client classes `…Client` too. The fields of a type's body are judged by their own names only.
 */
const TYPE_DECLARATION = /(?:^|[^\w$.])(?:class|interface|struct|record|enum|trait|object)[ \t]{1,4}[A-Z_$][\w$]{0,80}/;

/** Words that name a key kept on the server; an HMAC key signs or checks messages between servers, never a browser's key. */
const SERVER_WORDS = new Set(['secret', 'private', 'master', 'admin', 'server', 'personal', 'management', 'hmac']);

/**
 * Every word one of isPublicClientKey's answers of `true` needs among the context's or the name's words (a vendor's, or
 * what the key is for): without any of them it answers `false`, and does so at once. Most names it is asked about carry
 * none (a bare `token` in prose, read for its qualifiers, is most of them), and the full test built a Set of the words
 * each time: 23 ms of a cold detection pass over the bench tree (bench/scan.bench.mjs), ~1 ms with this check first.
 * A word added to isPublicClientKey's tests must be added here.
 */
const CLIENT_KEY_VENDOR_WORDS = new Set([
  'adyen', 'worldpay', 'mixpanel', 'paddle', 'amplitude', 'bugsnag', 'pusher', 'dropbox', 'storefront', 'shopify', 'rollbar',
  'nreum', 'newrelic', 'relic', 'intercom', 'firebase', 'segment', 'facebook', 'fb', 'algolia', 'typesense', 'docsearch',
  'branch', 'conviva', 'tokenization', 'seatsio', 'seats',
]);

function namesClientKeyVendor(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (CLIENT_KEY_VENDOR_WORDS.has(words[i]!)) return true;
  return false;
}

/** Words after a key's name that say which deployment's copy it is. */
const STAGE_WORDS = new Set(['live', 'test', 'prod', 'production', 'sandbox', 'staging', 'dev']);

/**
 * Whether a key named `nameWords` inside an object opened by `contextWords` is one its vendor
 * documents as public: Adyen's and Worldpay's client keys, Mixpanel's project token, Amplitude's and
 * Bugsnag's API keys, Dropbox's and Pusher's app keys, Shopify's API key, Rollbar's client-side (post_client_item)
 * token, the New Relic browser agent's key and mobile agent's token, a Firebase web config's API key, Facebook's client token, Algolia's
 * search key, Branch's key, Conviva's customer key, Braintree's tokenization key and Seats.io's public workspace key.
 */
export function isPublicClientKey(contextWords: readonly string[], allNameWords: readonly string[]): boolean {
  if (!namesClientKeyVendor(contextWords) && !namesClientKeyVendor(allNameWords)) return false;
  // A stage after the name (Adyen's Magento `client_key_live`, `client_key_test`) picks one of the key's copies.
  const nameWords = allNameWords.length >= 3 && STAGE_WORDS.has(allNameWords[allNameWords.length - 1]!) ? allNameWords.slice(0, -1) : allNameWords;
  if (nameWords.length === 0 || nameWords.some((w) => SERVER_WORDS.has(w) || w.includes('secret'))) return false;
  const words = new Set([...contextWords, ...nameWords]);
  const last = nameWords[nameWords.length - 1]!;
  const isKey = last === 'key' || last === 'apikey';
  const isToken = last === 'token' || last.endsWith('token');
  if (words.has('adyen')) return isKey && words.has('client');
  // Worldpay's client key (`T_C_`/`L_C_` + a UUID) is what worldpay.js encrypts card details with in the browser;
  // the service key (`T_S_`/`L_S_`) is the secret.
  if (words.has('worldpay')) return isKey && words.has('client');
  if (words.has('mixpanel')) return isToken;
  // Paddle's client-side token (`live_`/`test_` + 27 characters) is what Paddle.js is initialised with on the checkout page;
  // the API key (pdl_…_apikey_…) is the secret.
  if (words.has('paddle')) return isToken && words.has('client');
  if (words.has('amplitude') || words.has('bugsnag') || words.has('pusher')) return isKey;
  // Dropbox's app key is the OAuth client id, in every authorisation URL the app opens.
  if (words.has('dropbox')) return isKey && words.has('app');
  // A storefront's access token (Shopify's public Storefront API token, BigCommerce's storefront token) is made for
  // the shop's browser code and can only read what the shop shows; a private one (`…_PRIVATE_TOKEN`) is server-side.
  if (words.has('storefront')) return isToken;
  // Shopify's API key is the app's OAuth client id, in every install URL; its secrets carry prefixes (shpss_, shpat_).
  if (words.has('shopify')) return isKey;
  // The browser snippet's `_rollbarConfig`, or a token the name says is the client-side one. The snippet's variable is
  // the two words side by side: the Ruby gem's `Rollbar.configure do |config|` (rollbar, configure, do, config) holds
  // the server's post_server_item token.
  if (words.has('rollbar')) return isToken && (words.has('client') || namesRollbarConfig(contextWords));
  if (contextWords.includes('nreum')) return isKey;
  // The New Relic mobile agent's application token (`com.newrelic.mobile.token`, `…-NRMA`) is built into the app it
  // reports for and only lets that app send data; New Relic's license and user keys are the secrets.
  if ((words.has('newrelic') || (words.has('new') && words.has('relic'))) && words.has('mobile')) return isToken;
  // Intercom's mobile SDK keys (`android_sdk-…`, `ios_sdk-…`) are built into the app; its access token is the secret.
  if (words.has('intercom')) return isKey && (words.has('android') || words.has('ios') || words.has('sdk') || words.has('mobile'));
  if (contextWords.includes('firebase') && contextWords.includes('config')) return isKey;
  // The same key as a web build reads it from its environment: a framework inlines a variable under its public prefix
  // (`NEXT_PUBLIC_FIREBASE_API_KEY`, `VITE_FIREBASE_API_KEY`, `REACT_APP_FIREBASE_API_KEY`) into the browser bundle,
  // which is where Firebase means its web API key to be. A Google key under another name (a Maps server key, a server's
  // `FIREBASE_API_KEY`) stays a finding.
  if (nameWords.includes('firebase') && hasBrowserBundledPrefix(nameWords)) return isKey;
  // Segment's write key the same way (`VITE_SEGMENT_WRITE_KEY`, `NEXT_PUBLIC_SEGMENT_WRITE_KEY`): analytics.js is loaded
  // with it in every page, and Segment documents it as public there. A server's `SEGMENT_WRITE_KEY` stays a finding.
  if (nameWords.includes('segment') && nameWords.includes('write') && hasBrowserBundledPrefix(nameWords)) return isKey;
  // Facebook's client token is built into every app that logs in with Facebook, which Meta says is not meant to be
  // secret; the app secret (and any access token) is the secret.
  if (words.has('facebook') || words.has('fb')) return isToken && nameWords.includes('client');
  // Algolia's, Typesense's and DocSearch's search keys are search-only keys made for front ends, named so by the entry
  // or by the object they sit in (`algolia: { searchKey }`); the admin key is the secret.
  if (words.has('algolia') || words.has('typesense') || words.has('docsearch')) return isKey && searchQualifiesKey([...contextWords, ...nameWords]);
  // Branch's key (`key_live_…`) is built into every app that makes Branch links; the Branch secret is the secret.
  if (words.has('branch')) return isKey && nameWords.includes('branch');
  // Conviva's customer key is what its player and app SDKs are initialised with to send viewing data, so every app and
  // page that reports to Conviva ships it; its Metrics API key and secret are the secrets.
  if (words.has('conviva')) return isKey && nameWords.includes('customer');
  // Braintree's tokenization key is made for the client SDKs, which only tokenize payment details with it.
  if (nameWords.includes('tokenization')) return isKey;
  // Seats.io's public workspace key is what its seating chart renderer is given in the browser
  // (`new seatsio.SeatingChart({ workspaceKey })`); the secret workspace key (`secretKey`) is the secret.
  if (words.has('seatsio') || (words.has('seats') && words.has('io'))) return isKey && nameWords.includes('workspace');
  return false;
}

/** Whether the words hold `rollbar` right before `config`, as `_rollbarConfig` and `rollbar_config` split. */
function namesRollbarConfig(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (words[i] === 'rollbar' && words[i + 1] === 'config') return true;
  return false;
}

/**
 * The words of the name of the XML element that holds a tag starting at `lt` (`<adyen_abstract>` around
 * `<client_key_live>…`), skipping closed siblings; empty at the root or beyond 1,500 characters back.
 */
export function enclosingXmlElementWords(text: string, lt: number): string[] {
  let depth = 0;
  // The nearest `>` after the position looked at: read backwards, the last one passed.
  let end = -1;
  const stop = Math.max(0, lt - LOOK_BACK);
  for (let i = lt - 1; i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */) end = i;
    if (c !== 0x3c /* < */ || end === -1) continue;
    const next = text.charCodeAt(i + 1);
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) continue;
    if (next === 0x2f /* / */) {
      depth++;
      continue;
    }
    if (text.charCodeAt(end - 1) === 0x2f /* / */) continue;
    if (depth > 0) {
      depth--;
      continue;
    }
    const name = XML_TAG_NAME.exec(text.slice(i + 1, Math.min(end, i + 62)));
    return name === null ? [] : splitWords(name[0].replace(/^[\w.-]+:/, ''));
  }
  return [];
}

const XML_TAG_NAME = /^[A-Za-z][\w:.-]{0,60}/;

/**
 * Client keys whose value says whose they are, wherever they sit: Adyen's (`test_`/`live_` + 32 upper-case letters and
 * digits) and Worldpay's (`T_C_`/`L_C_` + a UUID). Both are made for the checkout page; the API key and the service key
 * beside them are the secrets, and have other shapes. A feature-flag SDK's client key (Statsig's `client-…`) is what its
 * browser and mobile SDKs are initialised with; the server's is `secret-…`.
 */
const VENDOR_CLIENT_KEY_VALUE = /^(?:(?:test|live)_[A-Z0-9]{32}|client-[A-Za-z0-9]{20,64}|[TL]_C_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/**
 * An Android manifest's `<meta-data android:name="applovin.sdk.key" android:value="…"/>`: the manifest is built into the
 * APK every user downloads, so an SDK's key, app key, id or client token there is a client value by design (AppLovin's
 * SDK key, ironSource's app key, Facebook's client token), readable by anyone who unpacks the app. A name that says
 * secret, password, private, admin, server or master (`com.acme.crash.UPLOAD_SECRET`) still holds a secret someone
 * shipped by mistake; a value a provider's rule knows by its prefix (`AIza…`, a live secret key) is that rule's to report.
 */
export function isShippedManifestClientKey(file: string | undefined, tag: string, name: string): boolean {
  if (file === undefined || !ANDROID_MANIFEST.test(file) || !/^<meta-data\b/i.test(tag)) return false;
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (last === undefined || !MANIFEST_CLIENT_KEY_WORDS.has(last)) return false;
  return !words.some((w) => SERVER_WORDS.has(w) || /secret|pass|pwd|cred|signing/.test(w));
}
const ANDROID_MANIFEST = /(?:^|[\\/])AndroidManifest\.xml$/;
/** The last word of a manifest entry's name that says it is an SDK's key or token (`sdk.key`, `APP_KEY`, `ClientToken`, `API_KEY`). */
const MANIFEST_CLIENT_KEY_WORDS = new Set(['key', 'token', 'appkey', 'sdkkey', 'apikey', 'clienttoken']);

/**
 * Mailgun's public validation key (`pubkey-` and 32 hex digits): made to be put in a web page, where its e-mail
 * validation widget checks addresses with it; it sends nothing. The private API key beside it is `key-…`.
 */
const MAILGUN_PUBLIC_KEY_VALUE = /^pubkey-[0-9a-f]{32}$/;

/**
 * New Relic's browser agent key (`NRJS-` or `NRBR-` and 19 hex digits): every page's agent snippet carries it, so its
 * copy under a name that says it is the browser's (`js_license_key` under `browser_monitoring:`, `NEW_RELIC_BROWSER_KEY`)
 * is public, as a publishable key is. The ingest license key beside it (`…NRAL`) is the secret.
 */
const NEW_RELIC_BROWSER_KEY_VALUE = /^NR(?:JS|BR)-[a-f0-9]{19}$/;

/**
 * Whether a value under a client key's name (`clientKey`, `CLIENT_KEY`, `client_key_live`) is a vendor's public client key by its shape;
 * Mailgun's public validation key under any name; New Relic's browser key under a name for the browser's copy.
 */
export function isVendorClientKeyValue(name: string, value: string): boolean {
  if (MAILGUN_PUBLIC_KEY_VALUE.test(value)) return true;
  if (NEW_RELIC_BROWSER_KEY_VALUE.test(value) && namesClientShippedValue(name)) return true;
  if (CAPTCHA_SITE_KEY_VALUE.test(value) && namesSiteKey(splitWords(name))) return true;
  if (UUID_VALUE.test(value)) {
    const words = splitWords(name);
    return namesIntegrationKey(words) || namesAppCenterSecret(words);
  }
  if (DUO_INTEGRATION_KEY_VALUE.test(value)) return namesDuoIntegrationKey(splitWords(name));
  if (WEB_PUSH_PUBLIC_KEY_VALUE.test(value) && namesWebPushPublicKey(splitWords(name))) return true;
  if (!VENDOR_CLIENT_KEY_VALUE.test(value)) return false;
  const words = splitWords(name);
  return words.includes('client') && words.includes('key') && !words.some((w) => SERVER_WORDS.has(w) || w.includes('secret'));
}

/**
 * Duo's integration key (`DI` and 18 capitals and digits) names the application to Duo, as a client id does: Duo's Web
 * SDK sends it with every request and its Universal Prompt calls it the client id. The secret key beside it (`skey`, 40
 * characters) is the secret.
 */
const DUO_INTEGRATION_KEY_VALUE = /^DI[A-Z0-9]{18}$/;
/** `ikey`, `duo_ikey`, `integration_key`, `duo_integration_key`, `DUO_CLIENT_ID`: the names Duo's SDKs and modules give it. */
function namesDuoIntegrationKey(words: readonly string[]): boolean {
  const n = words.length;
  const last = words[n - 1];
  return last === 'ikey' || (n >= 2 && words[n - 2] === 'integration' && last === 'key') || (n >= 2 && words[n - 2] === 'client' && last === 'id');
}
/**
 * A Web Push application server's public key (`vapidKey` of Firebase's `getToken`, `applicationServerKey` of the Push API,
 * `VAPID_KEY`): an uncompressed P-256 point in base64url, opening with `B` (0x04), 87 characters when whole. Browsers are
 * handed it to subscribe. The private key beside it is 32 bytes, 43 characters: a name that says private or secret, or a
 * value of that length, is still judged as a secret's.
 */
const WEB_PUSH_PUBLIC_KEY_VALUE = /^B[A-Za-z0-9_-]{63,99}$/;
function namesWebPushPublicKey(words: readonly string[]): boolean {
  const n = words.length;
  if (words[n - 1] !== 'key' || words.some((w) => w === 'private' || w === 'priv' || w.includes('secret'))) return false;
  return words.includes('vapid') || (n >= 3 && words[n - 3] === 'application' && words[n - 2] === 'server');
}
const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * A CAPTCHA's site key by its shape: reCAPTCHA's (`6L` and 38 more letters, digits, `_` and `-`), Turnstile's (`0x4AAAA…`),
 * hCaptcha's (a UUID). Under a name that ends in `site key` it is the key pages embed, whatever product prefixes the name.
 */
const CAPTCHA_SITE_KEY_VALUE = /^(?:6L[\w-]{36,42}|0x4[\w-]{16,30}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
function namesSiteKey(words: readonly string[]): boolean {
  const n = words.length;
  return (n >= 2 && words[n - 1] === 'key' && words[n - 2] === 'site') || words[n - 1] === 'sitekey';
}
/** Words that may stand beside `integration key` in the name of DocuSign's: the vendor, and which environment's app it is. */
const INTEGRATION_KEY_WORDS = new Set(['docusign', 'ds', 'esign', 'demo', 'account', ...STAGE_WORDS]);

/**
 * An integration key that is a UUID (`INTEGRATION_KEY`, `DOCUSIGN_INTEGRATION_KEY`, `docuSignIntegrationKey`, `integration_key` under `[docusign]`)
 * is DocuSign's: the app's OAuth client id, sent in every consent URL (`…/oauth/auth?client_id=<integration key>`). The
 * app's secret key and its RSA key are the secrets. Other vendors' integration keys have other shapes (PagerDuty's 32
 * hex digits, Duo's `DI…`), and a name that names another vendor (`OPSGENIE_INTEGRATION_KEY`) is not read so.
 */
function namesIntegrationKey(words: readonly string[]): boolean {
  const n = words.length;
  if (n < 2 || words[n - 1] !== 'key' || words[n - 2] !== 'integration') return false;
  for (let i = 0; i < n - 2; i++) {
    // camelCase splits the vendor's name in two (`docuSignIntegrationKey` → docu, sign): read them as one word.
    if (words[i] === 'docu' && words[i + 1] === 'sign') i++;
    else if (!INTEGRATION_KEY_WORDS.has(words[i]!)) return false;
  }
  return true;
}

/**
 * Visual Studio App Center's app secret (`app_center_secret`, `appcenter_secret`, `AppCenterSecret`): a UUID that names
 * the app to the SDK, which ships it in every build (`AppCenter.start("<uuid>", …)`); Microsoft documents it as no secret.
 * The API tokens that manage App Center (`APPCENTER_API_TOKEN`) are the secrets, and a value of another shape is judged
 * as any secret's.
 */
function namesAppCenterSecret(words: readonly string[]): boolean {
  const n = words.length;
  if (n < 2 || words[n - 1] !== 'secret') return false;
  // `appcenter_secret`, `app_center_secret`, `app_center_app_secret`, `ms_appcenter_secret`, `APPCENTER_IOS_SECRET`.
  let i = n - 2;
  if (i >= 0 && (words[i] === 'app' || STAGE_WORDS.has(words[i]!) || PLATFORM_WORDS.has(words[i]!))) i--;
  return i >= 0 && (words[i] === 'appcenter' || (i >= 1 && words[i] === 'center' && words[i - 1] === 'app'));
}
const PLATFORM_WORDS = new Set(['android', 'ios', 'windows', 'macos', 'uwp']);

/** `isPublicClientKey` for a whole name on its own (`BRANCH_KEY`, `ADYEN_CLIENT_KEY`), with no object around it. */
export function namesVendorClientKey(name: string): boolean {
  return isPublicClientKey([], splitWords(name));
}

/**
 * The words of the line an indented entry at `at` sits under, for formats that nest by
 * indentation instead of braces: YAML's `pusher:` over `  key: …`, Elixir's
 * `config :app, :pusher,` over `  key: "…"`. Empty at the top level; at most 40 lines back.
 */
function parentLineWords(text: string, at: number): string[] {
  // Bounded look-backs: an unbounded search for the line start is quadratic on one long line of candidates.
  let lineStart = lineStartWithin(text, at - 1, Math.max(0, at - ENTRY_LINE_REACH));
  if (lineStart === -1) return [];
  const floor = Math.max(0, lineStart - PARENT_LOOK_BACK);
  const indent = indentationAt(text, lineStart);
  if (indent === 0) return [];
  for (let lines = 0; lineStart > 0 && lines < 40; lines++) {
    const previous = lineStartWithin(text, lineStart - 2, floor);
    if (previous === -1) return [];
    const width = indentationAt(text, previous);
    const first = text.charCodeAt(previous + width);
    const blank = first === 10 || first === 13 || previous + width >= lineStart - 1;
    if (!blank && width < indent) {
      const line = text.slice(previous, Math.min(lineStart, previous + 120));
      return TYPE_DECLARATION.test(line) ? [] : splitWords(line);
    }
    lineStart = previous;
  }
  return [];
}

/** How far before an entry's name its line may start (indentation, a list dash, quotes). */
const ENTRY_LINE_REACH = 240;
/** How far above an entry its parent line is looked for. */
const PARENT_LOOK_BACK = 4000;

/** The start of the line holding `from`, looking back no further than `floor`; -1 when the line starts before it. */
function lineStartWithin(text: string, from: number, floor: number): number {
  // Decided before the walk, so that the comparison runs on every call: after it, it had not run yet
  // (every line start had been found) when TurboFan compiled this, and the first miss deoptimized it.
  const before = floor === 0 ? 0 : -1;
  for (let i = from; i >= floor; i--) if (text.charCodeAt(i) === 10) return i + 1;
  return before;
}

function indentationAt(text: string, lineStart: number): number {
  let i = lineStart;
  while (i < text.length && i - lineStart < 200 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i - lineStart;
}

/** `isPublicClientKey` for a value at `at` whose entry's name is `name`; outside braces, under the line it is indented below. */
export function isPublicClientKeyAt(text: string, at: number, name: string): boolean {
  const open = enclosingBracket(text, at);
  const opener = open === -1 ? undefined : textBefore(text, open);
  const nameWords = splitWords(name);
  // In a type's body the enclosing words are the type's name, which is no configuration object's (see TYPE_DECLARATION).
  if (opener !== undefined && TYPE_DECLARATION.test(opener)) return isPublicClientKey([], nameWords);
  const enclosing = opener === undefined ? [] : splitWords(opener);
  if (isPublicClientKey(enclosing.length > 0 ? enclosing : parentLineWords(text, at), nameWords)) return true;
  if (searchQualifiesKey(nameWords) && namesSearchVendor(text)) return true;
  if (isApiKeyBesideShopifySecrets(text, at, nameWords)) return true;
  // Asked last: reading the object's entries costs more than the words before it.
  return open !== -1 && (isFirebaseWebConfigKey(text, open, nameWords) || isAppKeyBesideAppSecret(text, open, nameWords));
}

/** A Shopify app's secret or token by its prefix: the API secret key (`shpss_`), an Admin API, custom or partner app token. */
const SHOPIFY_SECRET_PREFIX = /\bshp(?:ss|at|ca|pa)_[a-f0-9]{32}\b/i;
/** `API` as the word before a key's name in prose (`API key: …`). */
const API_WORD_BEFORE = /(?:^|[^\w])api[ \t]$/i;
/** How far around an `API key` its Shopify siblings are looked for: the few lines an app's credentials take in a mail or a note. */
const SHOPIFY_SIBLING_REACH = 300;

/**
 * Whether a plain `API key` is a Shopify app's, given beside the app's secrets as the partner dashboard lists them and
 * agencies forward them ("Admin API access token: shpat_…" / "API key: …" / "API secret key: shpss_…"): Shopify's API key is
 * the app's OAuth client id, in every install URL, and the secrets carry their prefixes. No object or vendor word names
 * it there; the prefixed siblings a few lines around do.
 */
function isApiKeyBesideShopifySecrets(text: string, at: number, nameWords: readonly string[]): boolean {
  const n = nameWords.length;
  // Prose's label names it in two words, of which the assignment's name is the last (`API key: …`).
  const namesApiKey =
    n === 1 ? nameWords[0] === 'apikey' || (nameWords[0] === 'key' && API_WORD_BEFORE.test(text.slice(Math.max(0, at - 5), at))) : n === 2 && nameWords[0] === 'api' && nameWords[1] === 'key';
  return namesApiKey && SHOPIFY_SECRET_PREFIX.test(text.slice(Math.max(0, at - SHOPIFY_SIBLING_REACH), at + SHOPIFY_SIBLING_REACH));
}

/** An app secret's entry name in an object's body (`"AppSecret":`, `app_secret =`, `appSecret:`), as the key's sibling. */
const APP_SECRET_ENTRY = /(?:^|[^A-Za-z0-9])app[_-]?secret["']?[ \t]{0,4}(?::|=)/i;

/**
 * Whether an `AppKey` whose object or call opens at `open` is the id half of an app's key and secret: the same object holds
 * an `AppSecret` (`"DJI": { "AppKey": "…", "AppSecret": "…" }`). Platforms that register an app this way (DJI, DingTalk,
 * Alibaba Cloud's API Gateway, Taobao, JPush, Sinch) make the app key its public id, built into the app or sent in the clear
 * with each signed request, and the app secret the credential that signs or logs in; the pair is OAuth's client id and
 * secret by other names. An app key alone (Datadog's, which is a credential) has no such sibling and is judged by its name.
 */
function isAppKeyBesideAppSecret(text: string, open: number, nameWords: readonly string[]): boolean {
  const n = nameWords.length;
  const namesAppKey = n === 1 ? nameWords[0] === 'appkey' : n === 2 && nameWords[0] === 'app' && nameWords[1] === 'key';
  return namesAppKey && APP_SECRET_ENTRY.test(bracketedBody(text, open));
}

/** A hosted search's name whose search keys are made for front ends (Algolia's, Typesense's, DocSearch's). */
const SEARCH_VENDOR = /algolia|typesense|docsearch/i;

/**
 * Whether the text names a hosted search whose search keys are public (`import algoliasearch from 'algoliasearch'`): there a
 * key named for searching alone (`SEARCH_KEY`, `searchOnlyApiKey`) is that search's search-only key, as under
 * `ALGOLIA_SEARCH_KEY`; its admin key is named admin. Another search's key (an Azure AI Search or Meilisearch key, both
 * secrets) sits in text that names no such vendor. Read once per text (see `textFacts`).
 */
function namesSearchVendor(text: string): boolean {
  const facts = textFacts(text);
  facts.searchVendor ??= SEARCH_VENDOR.test(text);
  return facts.searchVendor;
}

/** The entry name just before a value (`apiKey: '`, `"licenseKey": "`, `key => '`), read back from the value. */
const NAME_BEFORE_VALUE = /["']?([A-Za-z_$][\w$.-]{0,60})["']?[ \t]{0,4}(?::|=>?)[ \t]{0,4}["'`]?$/;

/** `isPublicClientKey` for a value at `valueStart`, for rules that match the value by its shape (`AIza…`, `NRJS-…`). */
export function isPublicClientValueAt(text: string, valueStart: number): boolean {
  const before = text.slice(Math.max(0, valueStart - 100), valueStart);
  const m = NAME_BEFORE_VALUE.exec(before);
  if (m === null) return false;
  return isPublicClientKeyAt(text, valueStart - before.length + m.index, m[1]!);
}

/**
 * A Segment write key that the page loads analytics.js (or Analytics Next) with ships to every visitor: Segment
 * documents it as public in the browser, where it only lets events be sent. Loaded means the key, or the
 * constant that holds it, is what `analytics.load(…)` or `AnalyticsBrowser.load({ writeKey: … })` is given;
 * the same key used anywhere else (a server's HTTP API calls) is still reported. So is a key under a framework's public
 * prefix (`VITE_SEGMENT_WRITE_KEY`): the build ships it to the browser.
 */
const BROWSER_LOADS = ['AnalyticsBrowser.load', 'analytics.load'];
/** The load's argument: the key's literal, or the constant holding it, maybe as an options object's `writeKey`. */
const LOAD_ARGUMENT = /^[ \t]{0,4}\([ \t]{0,4}(?:\{[^}]{0,200}?\bwriteKey[ \t]{0,4}:[ \t]{0,4})?(?:["'`]([A-Za-z0-9]{1,64})["'`]|([A-Za-z_$][\w$]{0,60}))/;
/** The constant the value is assigned to, read back from the value's opening quote. */
const HOLDING_NAME = /([A-Za-z_$][\w$]{0,60})["']?[ \t]{0,4}(?::|=)[ \t]{0,4}["'`]?$/;

/**
 * Whether the write key `secret` at `valueStart` is what the page loads Segment's browser library with, or sits in
 * the source of a front-end build (see `isBrowserBuildSource`), which ships its constants to every visitor. What it
 * reads of the whole text (the loads' arguments, a front-end build's marks) is read once per text (see `textFacts`):
 * a file holds many write keys, and searching it again at each one made a scan quadratic.
 */
export function isBrowserLoadedWriteKey(text: string, valueStart: number, secret: string, file?: string): boolean {
  if (isBrowserBuildSource(text, file)) return true;
  const loads = browserLoadArguments(text);
  if (loads.literals.has(secret)) return true;
  const holder = HOLDING_NAME.exec(text.slice(Math.max(0, valueStart - 80), valueStart))?.[1];
  if (holder === undefined) return false;
  // `VITE_SEGMENT_WRITE_KEY=…`, `NEXT_PUBLIC_SEGMENT_WRITE_KEY=…`: a variable under a front-end framework's public prefix
  // is inlined into the bundle every visitor loads, which is where Segment means its write key to be.
  return loads.names.has(holder) || hasBrowserBundledPrefix(splitWords(holder));
}

/** The arguments the text loads Segment's browser library with: the first 20 loads of each kind, as literals and as names. */
interface BrowserLoads {
  literals: Set<string>;
  names: Set<string>;
}

function browserLoadArguments(text: string): BrowserLoads {
  const facts = textFacts(text);
  if (facts.loads !== undefined) return facts.loads;
  const loads: BrowserLoads = { literals: new Set(), names: new Set() };
  for (const load of BROWSER_LOADS) {
    for (let at = text.indexOf(load), n = 0; at !== -1 && n < 20; at = text.indexOf(load, at + load.length), n++) {
      const argument = LOAD_ARGUMENT.exec(text.slice(at + load.length, at + load.length + 240));
      if (argument?.[1] !== undefined) loads.literals.add(argument[1]);
      else if (argument?.[2] !== undefined) loads.names.add(argument[2]);
    }
  }
  facts.loads = loads;
  return loads;
}

/** What is read of a whole text, once: each fact is filled on first use. */
interface TextFacts {
  text: string;
  loads?: BrowserLoads;
  buildMarks?: boolean;
  searchVendor?: boolean;
}
let lastTextFacts: TextFacts | undefined;

/**
 * The facts of `text`, kept for the text's scan: its values are judged one after another, in one synchronous call. The
 * text holds the user's secrets, so it is let go as soon as that call returns (a microtask runs only then), and a
 * different text replaces it.
 */
function textFacts(text: string): TextFacts {
  if (lastTextFacts?.text === text) return lastTextFacts;
  if (lastTextFacts === undefined) queueMicrotask(forgetTextFacts);
  lastTextFacts = { text };
  return lastTextFacts;
}

function forgetTextFacts(): void {
  lastTextFacts = undefined;
}

/** Script sources a front-end bundler builds for the browser. */
const SCRIPT_SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/i;
/**
 * What only code built for the browser reads: a variable under the prefix a front-end framework inlines into the
 * bundle (Vite's `import.meta.env.VITE_`, Astro's `import.meta.env.PUBLIC_`, Next.js's `process.env.NEXT_PUBLIC_`,
 * Create React App's `REACT_APP_`, Gatsby's, Vue CLI's and Nuxt's), SvelteKit's public env module, or a Next.js
 * client component's `"use client"`. A bare `import.meta.env` is not enough: Bun gives server code one too.
 */
const BROWSER_BUILD_MARKS = [
  'import.meta.env.VITE_',
  'import.meta.env.PUBLIC_',
  'process.env.NEXT_PUBLIC_',
  'process.env.REACT_APP_',
  'process.env.GATSBY_',
  'process.env.VUE_APP_',
  'process.env.NUXT_PUBLIC_',
  '$env/static/public',
  '$env/dynamic/public',
];
const USE_CLIENT = /^(?:[ \t]{0,20}(?:\/\/[^\n]{0,300})?\r?\n){0,20}[ \t]{0,20}["']use client["']/;
/**
 * A statement at a script's top level (a line's start, no indent) that reads or sets the page's globals
 * (`window.intercomSettings = {…}`, `document.addEventListener(…)`): a script that runs in the page.
 */
const PAGE_GLOBAL_STATEMENT = /(?:^|\n)(?:window|document)\.[A-Za-z_$]/;
/**
 * An import of an SDK's browser build (`mixpanel-browser`, `@sentry/browser`, `@datadog/browser-rum`,
 * `@amplitude/analytics-browser`): a package made to run in the page, which server code has its own builds for.
 */
const BROWSER_PACKAGE_IMPORT =
  /(?:\bfrom[ \t]{1,4}|\brequire\([ \t]{0,4}|^import[ \t]{1,4})["'](?:@[\w.-]{1,60}\/(?:[\w.-]{1,60}-)?browser(?:-[\w.-]{1,60})?|[\w.-]{1,60}-browser)["']/m;

/**
 * Whether `text` is the source of a front-end build: a script file that reads what only a browser bundle is given,
 * that reads or sets the page's `window`/`document` at its top level, or that imports an SDK's browser build. Mobile
 * apps and configuration files are not read so: keys in them are labelled either way and stay findings.
 */
export function isBrowserBuildSource(text: string, file: string | undefined): boolean {
  if (file === undefined || !SCRIPT_SOURCE.test(file)) return false;
  const facts = textFacts(text);
  facts.buildMarks ??= BROWSER_BUILD_MARKS.some((mark) => text.includes(mark)) || USE_CLIENT.test(text) || PAGE_GLOBAL_STATEMENT.test(text) || BROWSER_PACKAGE_IMPORT.test(text);
  return facts.buildMarks;
}
