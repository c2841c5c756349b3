import { hasBrowserBundledPrefix } from './client-shipped.js';
import { classifyKey, namesPublicClientKey, splitWords } from './key-name.js';
import { isVendorClientKeyValue, namesVendorClientKey } from './rules/client-config.js';
import { AIRTABLE_OBJECT_ID } from './rules/providers/databases.js';
import { isInternalHost } from './rules/network.js';
import { isPublishedSample } from './published-samples.js';
import { isPlaceholder, isPlausiblePassword, isPublicValue, isRubyDuration, isStandInNote } from './secret-value.js';
import type { Category, KnownSecret } from './types.js';

/**
 * Dotenv files by base name: `.env`, `.env.<anything>`, `<name>.env`, and R's `.Renviron`
 * (and `Renviron.site`), which are `NAME=value` lines read the same way. One definition for the
 * rules (a bare value there is a literal) and for the scan (whose values it learns).
 */
const DOTENV_FILE_NAME = /^(?:\.env(?:\.[\w.-]{1,40})?|[\w.-]{1,80}\.env|\.?Renviron(?:\.site)?)$/i;

export function isDotenvFileName(baseName: string): boolean {
  return DOTENV_FILE_NAME.test(baseName);
}

/**
 * Reads dotenv files (`.env`, `.env.*`, `*.env`) into known secrets: every value is
 * matched exactly wherever it later appears, whatever its shape, except values that are
 * plainly not secrets (ports, booleans, log levels, environment names, short words,
 * public or loopback URLs, paths). Dropping those matters: a known value is replaced
 * everywhere, and replacing every `production` or `3000` would garble the code.
 */

export interface DotenvEntry {
  name: string;
  value: string;
  /** 1-based line of the name. */
  line: number;
}

const LINE_START = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]{0,200})[ \t]*(?:=|:[ \t])[ \t]*/;

/** Parses dotenv syntax: `export`, comments, single/double/backtick quotes, multi-line quoted values. */
export function parseDotenvEntries(text: string): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = LINE_START.exec(line);
    if (!m) continue;
    const name = m[1]!;
    const lineNo = i + 1;
    let rest = line.slice(m[0].length);
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // Quoted: may continue over several lines until the closing quote.
      let body = rest.slice(1);
      let close = findClosingQuote(body, quote);
      let j = i;
      while (close === -1 && j + 1 < lines.length && j - i < 1000) {
        j++;
        body += '\n' + lines[j]!;
        close = findClosingQuote(body, quote);
      }
      if (close === -1) {
        // No closing quote: dotenv takes the line as it stands.
        entries.push({ name, value: rest.trim(), line: lineNo });
        continue;
      }
      i = j;
      let value = body.slice(0, close);
      if (quote === '"') value = unescapeDoubleQuoted(value);
      entries.push({ name, value, line: lineNo });
      continue;
    }
    // Unquoted: an inline comment starts at ` #`.
    const hash = rest.search(/[ \t]#/);
    if (hash !== -1) rest = rest.slice(0, hash);
    entries.push({ name, value: rest.trim(), line: lineNo });
  }
  return entries;
}

function findClosingQuote(body: string, quote: string): number {
  for (let k = 0; k < body.length; k++) {
    if (body[k] === '\\' && quote === '"') {
      k++;
      continue;
    }
    if (body[k] === quote) return k;
  }
  return -1;
}

function unescapeDoubleQuoted(value: string): string {
  return value.replace(/\\([nrt"\\$])/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

const BOOLEANS = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'enabled', 'disabled', 'none', 'null', 'nil', 'undefined']);
const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'information', 'notice', 'warn', 'warning', 'error', 'fatal', 'critical', 'crit', 'silent', 'verbose', 'all', 'emerg', 'alert']);
const ENVIRONMENTS = new Set(['production', 'prod', 'development', 'dev', 'develop', 'staging', 'stage', 'test', 'testing', 'local', 'qa', 'uat', 'preview', 'sandbox', 'ci', 'demo']);

/** True when a value is plainly not a secret, whatever the variable is called. */
export function isPlainlyNotSecret(name: string, value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return true;
  const lower = v.toLowerCase();
  if (BOOLEANS.has(lower) || LOG_LEVELS.has(lower) || ENVIRONMENTS.has(lower)) return true;
  if (/^[\d\s.,:_+-]+$/.test(v)) return true; // ports, numbers, versions, times
  // `ADMIN_ALLOWED_CIDR=203.0.113.0/24`, `VPC_CIDR=10.88.0.0/16`, `PEER=fd00:1::/64`: an address or a network is in every
  // route, firewall rule and log line that names it. A private one is found where it is written by the host rules;
  // learnt, it would be tokenized in every configuration and document that routes to it.
  if (IP_ADDRESS_OR_NETWORK.test(v)) return true;
  // `LANG=en_US.UTF-8`, `LC_ALL=de_DE@euro`: a locale names a language and a country.
  if (LOCALE.test(v)) return true;
  if (/^(?:\d{1,6}(?:ms|s|m|h|d|kb|mb|gb|k|%)?)$/i.test(v)) return true;
  if (isRubyDuration(v)) return true; // `PASSWORD_RESET_WITHIN=6.hours`: a Rails app's duration
  if (/^(?:\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(v)) return true; // paths
  if (/^[^\s@:/]{1,64}@[a-z0-9.-]{1,253}\.[a-z]{2,24}$/i.test(v)) return true; // an e-mail address
  // `CDN_INTEGRITY=sha512-…`: a subresource-integrity hash is printed in every page that loads the file, whatever its name.
  if (/^sha(?:256|384|512)-[A-Za-z0-9+/]{43,86}={0,2}$/.test(v)) return true;
  // `isPlaceholder` takes a value copied from code that reads the variable too (`VIRUSTOTAL_KEY=process.env.VIRUSTOTAL_KEY`,
  // `API_KEY=os.getenv("API_KEY")`): the lookup, not its value. Learnt, it would be tokenized in every line of code that reads it.
  if (isPlaceholder(v)) return true;
  // `JWT_SECRET=test-jwt-secret-not-used-in-prod`, `STRIPE_WEBHOOK_SECRET=whsec_test`: a test suite's dotenv says in
  // words that the value is a stand-in. Learnt, the words would be tokenized wherever the code and docs use them.
  if (isStandInNote(v)) return true;
  if (isPublicValue(v)) return true; // `pk_live_…`: made to be published, replacing it everywhere would garble the front end
  if (isPublishedSample(v)) return true; // an emulator's fixed key, a vendor's documentation sample
  // `STRIPE_PUBLISHABLE_KEY`, `NEXT_PUBLIC_SUPABASE_ANON_KEY`, `JWT_PUBLIC_KEY`: shipped to browsers or meant to be
  // shared. A real secret put there by mistake is still found by the rules that know its shape.
  if (/(?:^|_)(?:PUBLISHABLE|PUBLIC)(?:_|$)/i.test(name)) return true;
  // `CSP_NONCE_HASH=<hex>`, `app.assetDigest = <hex>`: a name whose last word says the value is a hash holds what was
  // computed from something, published or compared against, not a credential. A password's hash is still learnt.
  if (/(?:hash|digest|checksum)$/i.test(name) && !/pass|pwd|secret|key|token/i.test(name) && /^[0-9a-f]{32,128}$/i.test(v)) return true;
  // reCAPTCHA/hCaptcha/Turnstile site keys and Supabase anon keys are embedded in public pages (their secret keys are not).
  if (/(?:^|_)(?:SITE|ANON)_?KEY$/i.test(name)) return true;
  const url = /^([a-z][a-z0-9+.-]{1,20}):\/\/([^/?#\s]{1,300})/i.exec(v);
  if (url) {
    const authority = url[2]!;
    const at = authority.lastIndexOf('@');
    const host = authority.slice(at + 1).replace(/:\d{1,5}$/, '').replace(/^\[|\]$/g, '');
    const loopback = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0)$/i.test(host);
    if (at !== -1) {
      // Credentials in the URL: learnt, unless a test database on this machine has a stand-in password
      // (`postgres://test:test_password@127.0.0.1/app_test`), which would only garble every test fixture that repeats it.
      const colon = authority.indexOf(':');
      const password = colon !== -1 && colon < at ? authority.slice(colon + 1, at) : '';
      return loopback && !isPlausiblePassword(safeDecode(password));
    }
    if (loopback) return true;
    return !isInternalHost(host); // a public URL is no secret; an internal one is
  }
  if (/^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1)(?::\d{1,5})?$/i.test(v)) return true;
  // `PUSHER_APP_KEY`, `SENTRY_DSN_KEY`: keys that client code ships by design.
  // `BRANCH_KEY`, `ADYEN_CLIENT_KEY`, `MIXPANEL_TOKEN`, `ALGOLIA_SEARCH_KEY`: the vendor builds it into every client.
  if (namesPublicClientKey(name) || namesVendorClientKey(name) || isVendorClientKeyValue(name, v)) return true;
  // `BASIC_AUTH_USERNAME`, `SMTP_AUTH_USER`: a name that ends in an account's name holds that name, whatever secret word
  // it says first; only the name classified on its own words (none for these) makes it a secret's.
  const secretName = classifyKey(name) !== undefined || (SECRET_ENV_NAME.test(name) && !ACCOUNT_NAME_ENV.test(name));
  // `COOKIE_DOMAIN=.acme.io`, `SMTP_HOST=smtp.acme.io`: a public domain name is printed in every URL; an internal one is
  // kept. Under a secret's name a dotted word may be a password (`summer.horse`), unless the name says it holds a host.
  const domain = PUBLIC_DOMAIN.exec(v);
  if (domain !== null && (!secretName || HOST_NAME.test(name)) && !isInternalHost(domain[1]!)) return true;
  // `ALGOLIA_APP_ID`, `GOOGLE_CLIENT_ID`, `GA_MEASUREMENT_ID`: the public id of an app, project or site, shipped in front ends.
  // Other ids (`WEBHOOK_ID`) may be half of a credential, and a name that says key (`AWS_ACCESS_KEY_ID`) is one: still learnt.
  if (!secretName && PUBLIC_ID_NAME.test(name)) return true;
  // `TRUSTED_PROXIES=127.0.0.1,REMOTE_ADDR`, `CORS_ORIGINS=https://acme.io,https://www.acme.io`: a comma list whose
  // every item is plainly no secret (loopback addresses, public URLs, names) is none either.
  if (!secretName && isListOfPlainValues(v)) return true;
  // `APP_STORE_CONNECT_API_KEY_KEY_ID=…`, `APNS_KEY_ID=…`: Apple's keys are `.p8` private keys named by an id of ten
  // upper-case letters and digits, the `kid` in the header of every token they sign (and in the key file's name,
  // `AuthKey_<id>.p8`); the key file is the secret. An access key's id (AWS's twenty characters) is not this shape.
  if (/(?:^|_)KEY_ID$/i.test(name) && APPLE_KEY_ID.test(v)) return true;
  // `APP_STORE_CONNECT_API_KEY_ISSUER_ID=…`, `JWT_ISSUER_ID=…`: who issues signed tokens is their `iss` claim, readable
  // in every token by whoever holds one.
  if (/(?:^|_)ISSUER_ID$/i.test(name) && /^[A-Za-z0-9_-]{4,64}$/.test(v)) return true;
  // `PLANETSCALE_SERVICE_TOKEN_ID=…`, `API_TOKEN_ID=…`: the id that names a token, sent beside it in the clear
  // (the token itself is the `…_TOKEN`). A key's id (`AWS_ACCESS_KEY_ID`) is still learnt: it is half of the key.
  if (/(?:^|_)TOKEN_ID$/i.test(name) && /^[A-Za-z0-9_-]{4,64}$/.test(v)) return true;
  // `TRUELAYER_SIGNING_KEY_ID=…`, `JWT_KID=…`: the id of a signing or verifying key is the `kid` every signed token
  // and the public JWKS carry; the key itself is elsewhere. (An access key's id, `AWS_ACCESS_KEY_ID`, is not this.)
  if (SIGNING_KEY_ID_NAME.test(name) && /^[A-Za-z0-9_-]{4,64}$/.test(v)) return true;
  // `OPENAI_MODEL=gpt-4o-mini`, `DEFAULT_MODEL=claude-3-5-sonnet-20241022`, `EMBEDDING_MODEL_NAME=text-embedding-3-large`:
  // the name of a model is in every request and in its provider's catalogue. Learnt, it would be tokenized in every
  // prompt, code line and document that names the model.
  if (!secretName && MODEL_NAME.test(name) && MODEL_VALUE.test(v)) return true;
  // `AIRTABLE_BASE=app…`: the id of an Airtable base, table or view, in the URL of every page of it.
  if (!secretName && AIRTABLE_OBJECT_ID.test(v)) return true;
  // `CLOUDFLARE_ZONE_ID`, `AZURE_SUBSCRIPTION_ID`, `DISCORD_GUILD_ID`: the id of the account, zone, tenant or workspace a
  // credential acts on, in dashboard URLs and API paths; without the key beside it, it opens nothing.
  if (!secretName && SCOPE_ID_NAME.test(name) && /^[A-Za-z0-9_-]{4,64}$/.test(v)) return true;
  // `SENDGRID_TEMPLATE_ID=d-8f2b…`, `POSTMARK_WELCOME_TEMPLATE=welcome-v2`: a mail or message template's id is passed
  // with the API call the key authorises and shown in the provider's console; it sends nothing on its own.
  if (!secretName && TEMPLATE_ID_NAME.test(name) && /^[A-Za-z0-9_.:-]{1,100}$/.test(v)) return true;
  // Short words and identifiers: only a secret when the name says so (`DB_PASSWORD=hunter2`).
  if (!secretName && /^[A-Za-z][A-Za-z0-9]{0,15}(?:[-_.][A-Za-z0-9]{1,15}){0,3}$/.test(v) && !/\d.*[A-Za-z]|[A-Za-z].*\d/.test(v)) return true;
  if (!secretName && /^[a-z]{2}-[a-z]{2,12}-\d$/.test(v)) return true; // cloud region
  // `WARDEN_ENV_TYPE=magento2`, `RUNTIME=python3`, `CACHE_BACKEND=redis7`: a lower-case word and a version names a product
  // or a kind; a generated value mixes its digits in. Under a secret's name (`DB_PASSWORD=summer24`) it is still learnt.
  if (!secretName && /^[a-z]{3,20}\d{1,2}$/.test(v)) return true;
  // `MAILCHIMP_SERVER_PREFIX=us14`, `DATADOG_REGION=eu1`, `MAILGUN_DC=eu`: a data centre is in every API host the
  // account calls (`https://us14.api.mailchimp.com`); learnt, it would be tokenized inside those URLs.
  if (!secretName && /(?:^|_)(?:REGION|DC|DATA_?CENTER|SERVER_PREFIX)$/i.test(name) && /^[a-z]{2,4}-?\d{0,3}$/i.test(v)) return true;
  // `JAVA_TIMEZONE=Europe/Berlin`, `TZ=America/New_York`: a zone of the tz database names a place.
  if (!secretName && TIME_ZONE.test(v)) return true;
  // `AIRFLOW_IMAGE_NAME=apache/airflow:2.9.3-python3.11`, `BASE_IMAGE=ghcr.io/acme/app:v1.4`: a container image and its
  // version tag are pulled by name from a registry. Learnt, the tag would be tokenized in every Dockerfile and compose file.
  if (!secretName && IMAGE_REFERENCE.test(v) && (v.includes('/') || IMAGE_NAME.test(name))) return true;
  // `PINECONE_INDEX=tickets-v3-3072`, `QUEUE=ingest-v2`: a slug of lower-case words, numbers and versions names an index,
  // a queue or a bucket; a generated value mixes letters and digits inside its parts.
  if (!secretName && /^[a-z]{2,20}(?:[-_](?:[a-z]{2,20}|v?\d{1,6})){1,5}$/.test(v)) return true;
  // `TURBO_CACHE=remote:rw`, `LOG_FORMAT=json:pretty`: lower-case words joined by colons name a mode.
  if (!secretName && /^[a-z]{2,15}(?::[a-z]{1,15}){1,2}$/.test(v)) return true;
  // `APP_NAME="Acme Partner Portal"`, `MAIL_FROM_NAME=Acme Support`, `APP_NAME="Kindred Paws PMS"`: a title of capitalised
  // words, maybe with an acronym after the first, names something.
  if (!secretName && TITLE_WORDS.test(v)) return true;
  // `FEATURE_FLAGS=guilds,ranked_s3`, `LOCALES=en,de,fr`: a comma list of lower-case words names features or options.
  if (!secretName && /^[a-z][a-z0-9_.-]{0,40}(?:,[ \t]{0,2}[a-z][a-z0-9_.-]{0,40}){1,40}$/.test(v)) return true;
  // `SENTRY_RELEASE=c54e…`, `GIT_SHA=…`: a build's release, version or commit id is printed in logs and URLs, not kept secret.
  if (!secretName && (/(?:^|_)(?:RELEASE|VERSION|SHA|COMMIT|REVISION|REV|BUILD|BUILD_ID|TAG)$/i.test(name) || /^[0-9a-f]{40}$/.test(v))) return true;
  // `DATASET_SHA256=…`, `ARTIFACT_CHECKSUM=…`: a digest that anyone holding the file can compute. A certificate's or a
  // key's thumbprint or fingerprint (`OPCUA_SERVER_CERT_THUMBPRINT=F9C2…`, `SSH_HOST_FINGERPRINT=SHA256:…` or colon pairs)
  // is a digest of what the peer shows every client: pinned, printed by every certificate tool, not a credential.
  // The last word rules over the words before it (`API_KEY_FINGERPRINT`, OCI's: the fingerprint of the key, not the key).
  if ((!secretName || PRINT_NAME.test(name)) && DIGEST_NAME.test(name) && DIGEST_VALUE.test(v)) return true;
  // `RUN_ID=4f86c075-…`, `TENANT_ID=…`, `TENANT_DEFAULT=…`, `REQUEST_ID_NAMESPACE=…`: a UUID under a name that says
  // nothing of a secret identifies a record, it does not authenticate (a v5 UUID's namespace is itself an id). Under a
  // secret's name (`HEROKU_API_KEY`, `WEBHOOK_SIGNING_KEY`) it is still learnt.
  if (!secretName && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true;
  // `TWILIO_ACCOUNT_SID=AC…`, `TWILIO_MESSAGING_SERVICE_SID=MG…`, `TWILIO_VERIFY_SERVICE_SID=VA…`: the SID of a Twilio
  // account, service, phone number or app is in the path of every API call that uses it and in the console's URLs; the
  // auth token beside it is the secret. (An API key's SID, `SK…`, names a key and stays learnt.)
  if (!secretName && /(?:^|_)SID$/i.test(name) && TWILIO_RESOURCE_SID.test(v)) return true;
  // `VITE_OUTAGE_LAYER_ID=fb07…`, `NEXT_PUBLIC_FORM_ID=…`: a front-end build inlines every variable of its public prefix
  // into the bundle it ships to browsers, so an id there is read by every visitor. A secret's name under the prefix
  // (`VITE_STRIPE_SECRET_KEY`, a mistake that leaks it) is still learnt.
  if (!secretName && /_ID$/i.test(name) && hasBrowserBundledPrefix(splitWords(name)) && /^[A-Za-z0-9_.:-]{1,100}$/.test(v)) return true;
  // `USPS_USER_ID=ACME4821`, `SFTP_USERNAME=ingest7`: the account a credential logs in as, named beside it and printed in
  // logs and audit trails; the password or key that goes with it is the secret.
  if (!secretName && ACCOUNT_NAME_ENV.test(name) && /^[A-Za-z0-9][\w.@+-]{0,63}$/.test(v)) return true;
  if (secretName && /^[a-z]{1,5}$/i.test(v)) return true; // too short to match exactly without garbling code
  return false;
}

/** An IPv4 address or network (`203.0.113.0/24`), or an IPv6 one (`fd00:1::/64`): hex groups of up to four, colons between. */
const IP_ADDRESS_OR_NETWORK = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d{1,3})?)$/i;
/** A POSIX locale: language, country, maybe a character set and a modifier (`en_US.UTF-8`, `de_DE@euro`). */
const LOCALE = /^[a-z]{2,3}_[A-Z]{2}(?:\.[A-Za-z0-9-]{1,20})?(?:@[a-z]{1,20})?$/;

/** A name whose last word says its value is a digest: of a file, a release, a certificate or a public key. */
const DIGEST_NAME = /(?:^|_)(?:SHA\d{0,3}|MD5|CHECKSUM|DIGEST|THUMBPRINT|FINGERPRINT)$/i;
const PRINT_NAME = /(?:^|_)(?:THUMBPRINT|FINGERPRINT)$/i;
/** Hex of a digest's length, bare, after `sha256:`/`SHA256:` or in colon-parted pairs as certificate tools print it. */
const DIGEST_VALUE = /^(?:(?:sha\d{1,3}|md5)[:-])?(?:[0-9a-f]{32,128}|[0-9a-f]{2}(?::[0-9a-f]{2}){15,63})$/i;

/** A comma list of two to forty items, each plainly no secret by its value alone. */
function isListOfPlainValues(v: string): boolean {
  if (!v.includes(',') || v.length > 2000) return false;
  const items = v.split(',');
  if (items.length < 2 || items.length > 40) return false;
  return items.every((item) => item.trim() !== '' && !item.includes(',') && isPlainlyNotSecret('', item));
}

/** A URL's percent-encoded part as text (as it was when there is a stray `%`). */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/**
 * A domain name alone, maybe with a cookie's leading dot and a port: letters in its last label
 * (an address is judged as a host elsewhere). Group 1 is the host.
 */
const PUBLIC_DOMAIN = /^\.?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.){1,8}[a-z]{2,24})(?::\d{1,5})?$/i;
/** Names that hold a host or domain (`COOKIE_DOMAIN`, `SMTP_HOST`, `CORS_ORIGIN`). */
const HOST_NAME = /(?:^|_)(?:DOMAIN|HOST|HOSTNAME|ORIGIN)S?$/i;
/** Two to eight capitalised words (`Larkspur Partner Portal`), acronyms among them after the first (`Kindred Paws PMS`): a title, not a random value. */
const TITLE_WORDS = /^[A-Z][a-z]{1,20}(?: (?:[A-Z][a-z]{0,20}|[A-Z]{2,5}|&|of|and|for|the)){1,7}$/;

/** The id of an Apple key (App Store Connect API, APNs, Sign in with Apple): ten upper-case letters and digits, both. */
const APPLE_KEY_ID = /^(?=[A-Z0-9]{0,9}[A-Z])(?=[A-Z0-9]{0,9}\d)[A-Z0-9]{10}$/;

/** Names of the ids of what a credential is scoped to: an account, zone, tenant, subscription, organisation, workspace, channel. */
/** The id of a key that signs or verifies (`SIGNING_KEY_ID`, `JWT_KID`, `PUBLIC_KEY_ID`): a JWS header's `kid`. */
const SIGNING_KEY_ID_NAME = /(?:^|_)(?:(?:SIGNING|SIGNATURE|VERIFICATION|VERIFY|PUBLIC|JWK|JWKS|JWT)_KEY_ID|(?:JWT_|JWK_|JWS_|SIGNING_)?KID)$/i;
const SCOPE_ID_NAME = /(?:^|_)(?:ZONE|ACCOUNT|TENANT|SUBSCRIPTION|ORG|ORGANI[SZ]ATION|WORKSPACE|TEAM|ENV|ENVIRONMENT|INSTANCE|DATABASE|GUILD|CHANNEL|AUDIENCE|LIST|SPACE)_?ID$/i;

/** Names of a template's id or alias (`SENDGRID_TEMPLATE_ID`, `RESET_EMAIL_TEMPLATE`, `SMS_TEMPLATE_KEY` is a key's, not this). */
const TEMPLATE_ID_NAME = /(?:^|_)TEMPLATE(?:_?(?:ID|ALIAS|NAME))?$/i;

/** Names that hold which model to use (`OPENAI_MODEL`, `CHAT_MODEL_ID`, `MODEL_NAME`), and a model's name or id (`gpt-4o-2024-08-06`, `meta-llama/Llama-3.1-8B`, `ft:gpt-4o-mini:acme::9xQ2`). */
const MODEL_NAME = /(?:^|_)MODEL(?:_NAME|_ID)?$/i;
const MODEL_VALUE = /^[A-Za-z0-9][\w.:/@-]{0,120}$/;

/** A time zone of the tz database (`Europe/Berlin`, `America/Argentina/Buenos_Aires`, `Etc/UTC`). */
const TIME_ZONE = /^(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)(?:\/[A-Z][A-Za-z0-9_+-]{0,30}){1,2}$/;
/**
 * A container image reference with a version tag: lower-case repository path (maybe a registry host and port first),
 * `:` and a tag that is a version (`2.9.3-python3.11`, `v1.4`) or `latest`, maybe pinned by a digest; or pinned by its
 * digest alone (`quay.io/jupyter/base-notebook@sha256:…`), which anyone who pulls the image can read.
 */
const IMAGE_REFERENCE =
  /^(?:[a-z0-9.-]{1,100}(?::\d{1,5})?\/)?[a-z0-9][a-z0-9._-]{0,100}(?:\/[a-z0-9][a-z0-9._-]{0,100}){0,4}(?::(?:v?\d{1,6}(?:[._-][A-Za-z0-9]{1,30}){0,8}|latest|stable|edge|[a-z]{2,20}-v?\d{1,6}(?:[._-][A-Za-z0-9]{1,30}){0,8})(?:@sha256:[0-9a-f]{64})?|@sha256:[0-9a-f]{64})$/;
/** Names that hold a container image (`AIRFLOW_IMAGE_NAME`, `BASE_IMAGE`, `SPARK_IMAGE_REF`). */
const IMAGE_NAME = /(?:^|_)IMAGE(?:_NAME|_REF|_REFERENCE|_URI|_URL)?$/i;

/** Names of the public ids of an app, OAuth client, project, analytics property, payment profile (Mollie's `pfl_…`, which Mollie.js is started with in the browser) or game title (PlayFab's, the host of every API call: `https://<title id>.playfabapi.com`). */
const PUBLIC_ID_NAME = /(?:^|_)(?:APP|APPLICATION|CLIENT|CLIENT_SIDE|PROJECT|MEASUREMENT|TRACKING|PIXEL|SITE|PROFILE|TITLE)_?ID$/i;

/** A Twilio SID of anything but an API key: two capitals naming the kind (`AC`, `MG`, `PN`, `VA`…) and 32 hex. */
const TWILIO_RESOURCE_SID = /^(?!SK)[A-Z]{2}[0-9a-f]{32}$/;

/** Names that end in an account's name or id (`BASIC_AUTH_USERNAME`, `SMTP_AUTH_USER`, `AUTH_LOGIN`, `TOKEN_OWNER_EMAIL`, `USPS_USER_ID`). */
const ACCOUNT_NAME_ENV = /(?:^|_)(?:USER|USERNAME|USER_NAME|USER_?ID|LOGIN|EMAIL)$/i;

/** Environment variable names that hold secrets (`*_KEY`, `*_TOKEN`, `*_SECRET`, `*PASSWORD*`, `DATABASE_URL`, `*_DSN`…). */
export const SECRET_ENV_NAME =
  /(?:^|_)(?:KEY|APIKEY|TOKEN|SECRET|PASS|PASSWD|PWD|PASSPHRASE|CREDENTIALS?|AUTH|DSN|SALT|SEED|COOKIE)(?:_|$)|PASSWORD|SECRET|TOKEN|^DATABASE_URL$|_DATABASE_URL$|_CONNECTION_STRING$|_CONN_STR$/i;

function categoryFor(name: string, value: string): Category {
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\/[^/\s]{0,200}@/i.test(value) || /(?:DATABASE_URL|_DSN|CONNECTION_STRING)$/i.test(name)) return 'CONN';
  return 'ENV';
}

/**
 * `GITHUB_ID=…` beside `GITHUB_SECRET=…` (NextAuth's convention for every OAuth provider: `GOOGLE_ID`, `DISCORD_ID`): an
 * id named like its secret, in the same file, is the OAuth client's id, sent in every sign-in URL; the secret is the
 * secret. A name that says key (`AWS_ACCESS_KEY_ID`) or secret is no client's id and stays learnt.
 */
const PAIRED_ID_NAME = /^([A-Za-z][A-Za-z0-9]{0,40}(?:_[A-Za-z0-9]{1,40}){0,4})_ID$/i;
const ID_VALUE = /^[A-Za-z0-9._-]{4,100}$/;
function isClientIdBesideItsSecret(entry: DotenvEntry, names: ReadonlySet<string>): boolean {
  const m = PAIRED_ID_NAME.exec(entry.name);
  if (m === null || !ID_VALUE.test(entry.value.trim())) return false;
  if (classifyKey(entry.name) !== undefined || SECRET_ENV_NAME.test(entry.name)) return false;
  return names.has(`${m[1]!.toUpperCase()}_SECRET`);
}

/**
 * Dotenv files that document the variables rather than set them: `.env.example`,
 * `.env.sample`, `.env.template`, `.env.dist`, `example.env`. Their values are stand-ins
 * (`postgres://user:password@localhost/app`); learning them would replace that text
 * everywhere. A real-looking value left in one is still found by the rules.
 */
const DOTENV_TEMPLATE_NAME =
  /^(?:\.env(?:\.[\w-]{1,40})?[._-](?:example|sample|template|dist|tpl)(?:\.[\w-]{1,40})?|(?:[\w-]{1,80}\.)?(?:example|sample|template)\.env|[\w.-]{1,80}\.env\.(?:example|sample|template|dist|tpl))$/i;

/** True when a dotenv file's name (or path) says it is an example or template. */
export function isDotenvTemplateName(name: string): boolean {
  const slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
  return DOTENV_TEMPLATE_NAME.test(name.slice(slash + 1));
}

/**
 * The known secrets of a dotenv file. `sourceName` names the file (`.env`, or a path to
 * it); each secret's source is `<sourceName>:<NAME>`, never the value. An example or
 * template file (`.env.example`) contributes none.
 */
export function parseDotenv(text: string, sourceName: string): KnownSecret[] {
  if (isDotenvTemplateName(sourceName)) return [];
  const out: KnownSecret[] = [];
  const seen = new Set<string>();
  const entries = parseDotenvEntries(text);
  const names = new Set(entries.map((e) => e.name.toUpperCase()));
  for (const entry of entries) {
    if (isPlainlyNotSecret(entry.name, entry.value) || isClientIdBesideItsSecret(entry, names)) continue;
    if (seen.has(entry.value)) continue;
    seen.add(entry.value);
    out.push({ value: entry.value, source: `${sourceName}:${entry.name}`, category: categoryFor(entry.name, entry.value) });
  }
  return out;
}
