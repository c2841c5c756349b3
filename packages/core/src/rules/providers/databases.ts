import type { Rule } from '../../types.js';
import { decodeBase64 } from '../../base64.js';
import { fake } from './fake.js';
import { ALNUM, HEX, UUID, contextRule, findShapeAfterWords, keyNoun, looksRandom, mixesClasses, notPlaceholder, tokenRule, type ShapeAfterWords } from './shape.js';
import { shannonEntropy } from '../../entropy.js';

/**
 * Algolia named in chat or prose and its admin or write key (32 hex) a few words after that noun ("Algolia indexing job
 * stuck. restarting it with the admin key …"). Only the keys that write: a search-only key ships to browsers, and an
 * object's id, a task's or a commit's hex is named by no key's noun.
 */
const ALGOLIA_ADMIN_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Aa]lgolia|ALGOLIA/y,
  shape: /(?<![A-Za-z0-9_-])([a-f0-9]{32})(?![A-Za-z0-9_-])/g,
  reach: 300,
  lines: 2,
  accept: (v) => notPlaceholder(v) && shannonEntropy(v) >= 3,
  namedBy: keyNoun('(?:admin|write)[ -]?(?:api[ -]?)?key'),
};

/**
 * Okta named in a ticket, chat or mail and an API token (`00` and 40 characters of base64url) within two lines after it
 * ("Okta org: acme.okta.com" / "API token I used to check the logs: 00…"). Okta's object ids (`00u…`, `0oa…`) are 20
 * characters, so the length with the `00` says what it is without a noun; a drawn token mixes all three kinds.
 */
const OKTA_TOKEN_AFTER_WORDS: ShapeAfterWords = {
  words: /[Oo]kta|OKTA/y,
  shape: /(?<![\w+/=-])(00[\w-]{40})(?![\w+/=-])/g,
  reach: 300,
  lines: 2,
  accept: (v) => mixesClasses(v, 3) && shannonEntropy(v) >= 4 && notPlaceholder(v),
};

/**
 * Twitch named in prose, a wiki or a log, and a client secret or an OAuth token (30 small letters and digits) within two
 * lines after it, a few words after the noun that calls it one ("OAuth client secret for the overlay app: `…`", "twitch
 * overlay token refreshed (…)"). The app's client id has the same shape and is public: the noun must name the value, and
 * an `id` between the noun and the value makes it the id's.
 */
const TWITCH_SECRET_AFTER_WORDS: ShapeAfterWords = {
  words: /[Tt]witch|TWITCH/y,
  shape: /(?<![A-Za-z0-9_\-+/])([a-z0-9]{30})(?![A-Za-z0-9_\-+/])/g,
  reach: 300,
  lines: 2,
  accept: (v) => mixesClasses(v, 2) && shannonEntropy(v) >= 3.5 && notPlaceholder(v),
  namedBy: keyNoun('secret|token|oauth'),
};

/**
 * InfluxDB named in a runbook, a crontab or chat, and an API token within three lines after it: 64 random bytes in
 * base64url, 86 characters and `==` (`influx backup … -t …`, "Token for the Grafana datasource:" over an indented
 * line). The length, the padding and the URL-safe alphabet together are the token's; a digest's base64 carries `+` or
 * `/` (and a lock file's integrity a `sha512-` before it), and drawn bytes spread over all three kinds of character.
 */
const INFLUXDB_TOKEN_AFTER_WORDS: ShapeAfterWords = {
  words: /[Ii]nflux|INFLUX/y,
  shape: /(?<![A-Za-z0-9_\-+/=])([A-Za-z0-9_-]{86}==)(?![A-Za-z0-9_\-+/=])/g,
  reach: 400,
  lines: 3,
  accept: (v) => mixesClasses(v, 3) && shannonEntropy(v) >= 4.5 && notPlaceholder(v),
};

/** Airtable's object ids: a three-letter kind (base, table, view, field, record, user, workspace, …) and 14 characters. */
export const AIRTABLE_OBJECT_ID = /^(?:app|tbl|viw|fld|rec|usr|wsp|sel|att|ach)[A-Za-z0-9]{14}$/;

/**
 * An Upstash Redis REST token by its structure: base64 whose first byte is small (the token's version), then a header of
 * at most eight bytes, then the rest is text of at least 32 hex digits (a UUID and a hex secret, or `p1…` in newer tokens).
 */
function isUpstashRestToken(token: string): boolean {
  const bytes = decodeBase64(token.replace(/=+$/, ''));
  if (bytes === undefined || bytes.length < 36 || bytes.charCodeAt(0) > 3) return false;
  for (let start = 3; start <= 8; start++) {
    const rest = bytes.slice(start);
    if (/^[0-9a-fp-]{32,100}$/.test(rest) && (rest.match(/[0-9a-f]/g)?.length ?? 0) >= 32) return true;
  }
  return false;
}

/** A made-up Upstash REST token for the examples: a header, a UUID and 32 hex digits. */
function upstashToken(seed: number): string {
  const hex = fake('hex', 64, seed);
  const text = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}${fake('hex', 32, seed + 1)}`;
  return Buffer.from(`\x01\x5a\xc3\x01\x24\x20${text}`, 'latin1').toString('base64');
}

/**
 * A Meilisearch key: a generated API key (64 hex) or a master key that mixes letters and digits, under no name that calls
 * it the search key (made for front ends) or names an index, a host or an id.
 */
function isMeilisearchKey(value: string, name: string): boolean {
  if (/search[_.\-]?key|index|uid|host|url|[_.\-]id\b/i.test(name.replace(/meili(?:search)?/i, ''))) return false;
  if (!looksRandom(value)) return false;
  return /^[0-9a-f]{64}$/.test(value) || (mixesClasses(value, 3) && value.length >= 16);
}

/** Hosted databases, data platforms and search/queue services. */
export const databaseRules: Rule[] = [
  tokenRule('planetscale-api-token', 'PlanetScale service token (pscale_tkn_)', 'pscale_tkn_', '[\\w=.\\-]{32,64}', {
    match: [`PLANETSCALE_SERVICE_TOKEN=pscale_tkn_${fake('b64url', 43, 700)}`],
    noMatch: ['pscale_tkn_short'],
  }, { minEntropy: 3 }),
  tokenRule('planetscale-oauth-token', 'PlanetScale OAuth token (pscale_oauth_)', 'pscale_oauth_', '[\\w=.\\-]{32,64}', {
    match: [`pscale_oauth_${fake('b64url', 43, 701)}`],
    noMatch: ['pscale_oauth_short'],
  }, { category: 'TOKEN', minEntropy: 3 }),
  tokenRule('planetscale-password', 'PlanetScale database password (pscale_pw_)', 'pscale_pw_', '[\\w=.\\-]{32,64}', {
    match: [`DATABASE_PASSWORD=pscale_pw_${fake('b64url', 43, 702)}`],
    noMatch: ['pscale_pw_short'],
  }, { category: 'PASS', minEntropy: 3 }),
  tokenRule('databricks-api-token', 'Databricks personal access token (dapi + 32 hex)', 'dapi', '[a-fA-F0-9]{32}(?:-\\d)?', {
    match: [`DATABRICKS_TOKEN=dapi${fake('hex', 32, 703)}`, `token: "dapi${fake('hex', 32, 704)}-2"`],
    noMatch: ['dapi1234', `mydapi${fake('hex', 32, 703)}`, 'DATABRICKS_TOKEN=dapi123456789012345678a9bc01234defg5'],
  }, { minEntropy: 3 }),
  contextRule('mongodb-atlas-private-key', 'MongoDB Atlas API private key (a UUID) next to an Atlas name', ['mongodb[_.\\-]?atlas', 'atlas'], UUID, {
    match: ['MONGODB_ATLAS_PRIVATE_KEY=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['MONGODB_ATLAS_PROJECT_ID=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
  }, { keywords: ['atlas'], nameTail: 'private|secret', validate: notPlaceholder }),
  tokenRule('supabase-service-key', 'Supabase personal access token (sbp_, sbp_v0_)', 'sbp_(?:v0_)?', HEX(40), {
    match: [`SUPABASE_ACCESS_TOKEN=sbp_${fake('hex', 40, 705)}`],
    noMatch: ['sbp_short'],
  }, { keywords: ['sbp_'], minEntropy: 3 }),
  tokenRule('supabase-secret-key', 'Supabase secret API key (sb_secret_); sb_publishable_ keys are public', 'sb_secret_', '[\\w\\-]{20,64}', {
    match: [`SUPABASE_SECRET_KEY=sb_secret_${fake('b64url', 31, 706)}`],
    noMatch: [`SUPABASE_KEY=sb_publishable_${fake('b64url', 31, 706)}`],
  }, { minEntropy: 3.5 }),
  // A Confluent key id under a Confluent name is reported; the same id given as a Kafka client's SASL username is not.
  // There it is the user name of the pair, and the labelled sets read it so: of 16 sets with one there, 4 label it a
  // secret, 3 a look-alike and 9 leave it, while every 64-character secret beside such an id is labelled a secret.
  contextRule('confluent-access-token', 'Confluent Cloud API key (16 characters) next to a Confluent name', ['confluent'], '[A-Z0-9]{16}', {
    match: [`CONFLUENT_CLOUD_API_KEY=${fake('uppernum', 16, 707)}`],
    noMatch: ['CONFLUENT_ENV=dev'],
  }, { minEntropy: 3 }),
  contextRule('confluent-secret-key', 'Confluent Cloud API secret (64 characters) next to a Confluent name', ['confluent'], '[A-Za-z0-9+/]{64}', {
    match: [`CONFLUENT_CLOUD_API_SECRET=${fake('b64', 64, 708)}`],
    noMatch: ['CONFLUENT_CLOUD_API_SECRET=short'],
  }, { minEntropy: 4 }),
  contextRule('algolia-api-key', 'Algolia admin/write API key (32 hex) next to an Algolia name; search-only keys are public by design', ['algolia'], '[a-zA-Z0-9]{32}', {
    match: [`ALGOLIA_ADMIN_KEY=${fake('hex', 32, 709)}`],
    noMatch: ['ALGOLIA_INDEX=products', `const algoliaSearchOnlyKey = '${fake('hex', 32, 709)}';`],
  }, { minEntropy: 3, validate: (secret, ctx) => looksRandom(secret) && !/search[\W_]{0,2}only|search[\W_]{0,2}(?:api[\W_]{0,2})?key|public/i.test(ctx.line) }),
  {
    id: 'algolia-admin-key-near-words',
    category: 'KEY',
    description: 'Algolia admin or write API key (32 hex) in chat or prose a few words after "admin key" or "write key", within two lines after Algolia is named; a search-only key, public by design, is named otherwise',
    keywords: ['algolia'],
    pattern: ALGOLIA_ADMIN_KEY_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, ALGOLIA_ADMIN_KEY_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [`[09:40] ines: Algolia reindex failed overnight, I reran it by hand with the admin API key ${fake('hex', 32, 7091)} from the vault`],
      noMatch: [`[09:40] ines: Algolia search key for the widget is ${fake('hex', 32, 7092)}`, `Algolia admin key rotated. Task id ${fake('hex', 32, 7093)} done.`],
    },
  },
  tokenRule('airtable-pat', 'Airtable personal access token (pat<id>.<64 hex>)', 'pat', '[A-Za-z0-9]{14}\\.[a-f0-9]{64}', {
    match: [`AIRTABLE_TOKEN=pat${fake('alnum', 14, 710)}.${fake('hex', 64, 711)}`],
    noMatch: ['pat.short'],
  }, { keywords: ['pat'], minEntropy: 3.5 }),
  contextRule('airtable-api-key', 'Airtable legacy API key (key + 14) next to an Airtable name; not the ids of bases, tables, views, fields or records (app…, tbl…, viw…, fld…, rec…)', ['airtable'], '(?:key)?[A-Za-z0-9]{14,17}', {
    match: [`AIRTABLE_API_KEY=key${fake('alnum', 14, 712)}`],
    noMatch: ['AIRTABLE_BASE=short', `AIRTABLE_BASE=app${fake('alnum', 14, 713)}`, `airtable_table: "tbl${fake('alnum', 14, 714)}"`],
  }, { minEntropy: 3, validate: (s) => looksRandom(s) && !AIRTABLE_OBJECT_ID.test(s) }),
  tokenRule('contentful-pat', 'Contentful personal access token (CFPAT-)', 'CFPAT-', '[\\w\\-]{43}', {
    match: [`CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-${fake('b64url', 43, 713)}`],
    noMatch: ['CFPAT-short'],
  }, { minEntropy: 3.5 }),
  contextRule('contentful-delivery-api-token', 'Contentful delivery/preview token next to a Contentful name', ['contentful'], '[\\w=\\-]{43}', {
    match: [`CONTENTFUL_DELIVERY_TOKEN=${fake('b64url', 43, 714)}`],
    noMatch: ['CONTENTFUL_SPACE_ID=short'],
  }, { minEntropy: 3.5 }),
  tokenRule('notion-api-token', 'Notion integration token (ntn_ + 11 digits + 35 characters)', 'ntn_', '[0-9]{11}[A-Za-z0-9]{35}', {
    match: [`NOTION_TOKEN=ntn_${fake('digits', 11, 715)}${fake('alnum', 35, 716)}`],
    noMatch: ['ntn_12345678901abc', `ntn_${'1234567890'.repeat(6)}`, `NTN_${fake('digits', 11, 715)}${fake('alnum', 35, 716)}`],
  }, { minEntropy: 4, lead: '(?<![A-Za-z0-9_])', tail: '(?![A-Za-z0-9])' }),
  tokenRule('notion-legacy-secret', 'Notion legacy integration secret (secret_ + 43 characters)', 'secret_', ALNUM(43), {
    match: [`NOTION_API_KEY=secret_${fake('alnum', 43, 717)}`],
    noMatch: ['secret_abc123', `secret_${'x'.repeat(43)}`],
  }, { minEntropy: 4, validate: (s) => notPlaceholder(s) && mixesClasses(s, 3) }),
  tokenRule('linear-api-key', 'Linear personal API key (lin_api_)', 'lin_api_', ALNUM(40), {
    match: [`LINEAR_API_KEY=lin_api_${fake('alnum', 40, 718)}`],
    noMatch: ['lin_api_short'],
  }, { minEntropy: 2 }),
  tokenRule('linear-oauth-token', 'Linear OAuth access token (lin_oauth_)', 'lin_oauth_', HEX(64), {
    match: [`lin_oauth_${fake('hex', 64, 719)}`],
    noMatch: ['lin_oauth_short'],
  }, { category: 'TOKEN', minEntropy: 3 }),
  contextRule('linear-client-secret', 'Linear OAuth client secret (32 hex) next to a Linear name', ['linear'], HEX(32), {
    match: [`LINEAR_CLIENT_SECRET=${fake('hex', 32, 720)}`],
    noMatch: ['LINEAR_TEAM=eng'],
  }, { category: 'CRED', minEntropy: 2, validate: notPlaceholder }),
  tokenRule('asana-pat', 'Asana personal access token (<n>/<user id>:<32 hex> or 2/…/…:…)', '[0-2]/', '[0-9]{10,20}(?:/[0-9]{10,20})?:[a-f0-9]{32}', {
    match: [`ASANA_TOKEN=2/${fake('digits', 16, 721)}/${fake('digits', 16, 722)}:${fake('hex', 32, 723)}`],
    noMatch: ['1/2:abc'],
  }, { keywords: ['asana'], lead: '(?<![\\w/])', minEntropy: 3 }),
  contextRule('asana-client-id', 'Asana client id (16 digits) next to an Asana name', ['asana'], '[0-9]{16}', {
    match: [`ASANA_CLIENT_ID=${fake('digits', 16, 724)}`],
    noMatch: ['ASANA_CLIENT_ID=123'],
  }, { category: 'CRED', confidence: 'low', minEntropy: 2.5, validate: notPlaceholder }),
  contextRule('asana-client-secret', 'Asana client secret (32 characters) next to an Asana name', ['asana'], '[a-z0-9]{32}', {
    match: [`ASANA_CLIENT_SECRET=${fake('lowernum', 32, 725)}`],
    noMatch: ['ASANA_CLIENT_SECRET=short'],
  }, { category: 'CRED', minEntropy: 3 }),
  tokenRule('atlassian-api-token', 'Atlassian (Jira/Confluence/Bitbucket) API token (ATATT3…, its =CRC tail possibly escaped, read to its end)', 'ATATT3', '(?:[\\w\\-]{150,200}(?:=|\\\\=|%3[dD])[A-Za-z0-9]{8}|[\\w=\\-]{186})', {
    // The tail after `=` is read whole, hex or not: the token is reported through its end.
    match: [`jira_api_token = "ATATT3${fake('b64url', 186, 726)}"`, `Revoke ATATT3${fake('b64url', 180, 9905)}=${fake('alnum', 8, 9906)} now`],
    noMatch: ['ATATT3short'],
  }, { minEntropy: 3.5 }),
  contextRule('atlassian-api-token-legacy', 'Atlassian legacy API token (24 characters) next to a Jira/Confluence/Atlassian name', ['jira', 'confluence', 'atlassian'], '[A-Za-z0-9]{20}[A-Fa-f0-9]{4}', {
    match: [`JIRA_API_TOKEN=${fake('alnum', 20, 727)}${fake('HEX', 4, 728)}`],
    noMatch: ['getPagesInConfluenceSpace,searchConfluenceUsingCql'],
  }, { minEntropy: 3.5, validate: (s) => notPlaceholder(s) && mixesClasses(s, 3) }),
  contextRule('okta-access-token', 'Okta API token (00 + 40) next to an Okta name', ['[Oo]kta', 'OKTA'], '00[\\w=\\-]{40}', {
    match: [`"oktaApiToken": "00${fake('b64url', 40, 729)}",`],
    noMatch: ['oktaKey = 00000000000000000000000000000000000TUVWXYZ', 'rookTable = 0023452Lllk2KqjLBvaxANWEgTd7bqjsxjo8aZj0wd'],
  }, { keywords: ['okta'], exactNames: true, minEntropy: 4, confidence: 'high' }),
  {
    id: 'okta-token-near-words',
    category: 'TOKEN',
    description: 'Okta API token (00 + 40 characters) bare in a ticket, chat or mail within two lines after Okta is named',
    keywords: ['okta'],
    pattern: OKTA_TOKEN_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, OKTA_TOKEN_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [`Login fixed after the Okta app change (acme.okta.com).\nThe API token I checked the system log with: 00${fake('b64url', 40, 7301)}`],
      noMatch: [`Okta user 00u${fake('alnum', 17, 7302)} was locked out`, `Okta outage notes\nbuild 00${'x'.repeat(40)}`],
    },
  },
  {
    // `SSWS` is Okta's own authorization scheme: whatever follows it is an Okta API token, named or not.
    id: 'okta-ssws-token',
    category: 'KEY',
    description: 'Okta API token after its own `SSWS` authorization scheme (`Authorization: SSWS 00…`)',
    keywords: ['ssws'],
    pattern: /\b[Ss][Ss][Ww][Ss][ \t]{1,4}([\w\-]{30,64})(?![\w\-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (secret) => notPlaceholder(secret) && mixesClasses(secret, 3),
    confidence: 'high',
    examples: {
      match: [`private val oktaAuthHeader = "SSWS 00${fake('b64url', 40, 9501)}"`, `curl -H "Authorization: SSWS 00${fake('b64url', 40, 9502)}" https://acme.okta.com/api/v1/users`],
      noMatch: ['Authorization: SSWS ${OKTA_API_TOKEN}', 'Authorization: SSWS 00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'the SSWS scheme takes an API token'],
    },
  },
  {
    // The Okta Java SDK's credential object takes the API token as its one argument, whatever names surround it.
    id: 'okta-sdk-token-credentials',
    category: 'KEY',
    description: "Okta API token passed to the Okta SDK's `TokenClientCredentials(\"00…\")` constructor",
    keywords: ['tokenclientcredentials('],
    startsAtKeyword: true,
    pattern: /TokenClientCredentials\([ \t]{0,4}["']([\w\-]{30,64})["']/y,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (secret) => notPlaceholder(secret) && mixesClasses(secret, 3),
    confidence: 'high',
    examples: {
      match: [`.setClientCredentials(new com.okta.sdk.authc.credentials.TokenClientCredentials("00${fake('b64url', 40, 9503)}"))`, `var creds = new TokenClientCredentials('00${fake('b64url', 40, 9504)}');`],
      noMatch: ['new TokenClientCredentials(System.getenv("OKTA_API_TOKEN"))', 'new TokenClientCredentials("00xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")', 'new TokenClientCredentials(apiToken)'],
    },
  },
  contextRule('auth0-client-secret', 'Auth0 application client secret next to an Auth0 name', ['auth0'], '[\\w\\-]{64}', {
    match: [`AUTH0_CLIENT_SECRET=${fake('b64url', 64, 730)}`],
    noMatch: ['AUTH0_DOMAIN=acme.eu.auth0.com'],
  }, { category: 'CRED', minEntropy: 4 }),
  // Only under a name that says secret or token: a Twitch client id has the same shape and is public (sent as `Client-Id` on every API call).
  // Chat (IRC) logins write the token as `oauth:<token>`: the whole is the password.
  contextRule('twitch-api-token', 'Twitch client secret or OAuth token (30 characters, or a chat login\'s `oauth:` + 30) next to a Twitch name that says secret or token', ['twitch'], '(?:oauth:)?[a-z0-9]{30}', {
    match: [`TWITCH_CLIENT_SECRET=${fake('lowernum', 30, 731)}`, `twitchOauthToken = '${fake('lowernum', 30, 9731)}'`, `twitchChatOauth = "oauth:${fake('lowernum', 30, 9733)}"`],
    noMatch: ['TWITCH_CHANNEL=acme', `static const twitchClientId = '${fake('lowernum', 30, 9732)}';`],
  }, { minEntropy: 3, nameTail: 'secret|token|oauth|key|pass|auth' }),
  {
    id: 'influxdb-token-near-words',
    category: 'TOKEN',
    description: 'InfluxDB API token (86 base64url characters and `==`) within three lines after InfluxDB is named: an `influx` command\'s `-t`, a runbook\'s token on a line of its own',
    keywords: ['influx'],
    pattern: INFLUXDB_TOKEN_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, INFLUXDB_TOKEN_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `15 2 * * * influx backup /srv/backups/influx -t ${fake('b64url', 86, 9781)}== --host http://localhost:8086`,
        `Sensors write to InfluxDB (bucket \`barns\`). The write token:\n\n    ${fake('b64url', 86, 9782)}==\n`,
      ],
      noMatch: [
        `influx backup /srv/backups/influx -t ${'x'.repeat(86)}==`,
        `InfluxDB release notes\nsha512: ${fake('b64', 86, 9783).replace(/^./, '+')}==`,
        `"integrity": "sha512-${fake('b64url', 86, 9784)}==" influxdb-client`,
      ],
    },
  },
  {
    id: 'twitch-secret-near-words',
    category: 'KEY',
    description: 'Twitch client secret or OAuth token (30 small letters and digits) in prose, a wiki or a log a few words after a secret\'s or token\'s noun, within two lines after Twitch is named ("OAuth client secret for the overlay app: …"); not the public client id',
    keywords: ['twitch'],
    pattern: TWITCH_SECRET_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, TWITCH_SECRET_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `Our Twitch extension's client secret, for the backend:\n\`${fake('lowernum', 30, 9761)}\`.`,
        `2025-03-01 09:00:00 INFO twitch chat token refreshed (${fake('lowernum', 30, 9762)})`,
      ],
      noMatch: [
        `The Twitch app's client id is \`${fake('lowernum', 30, 9763)}\` (public, sent on every call).`,
        `Twitch secret rotated in commit ${fake('lowernum', 30, 9764)}`,
        `Twitch token: ${'x'.repeat(30)}`,
      ],
    },
  },
  {
    id: 'twitch-client-credentials-call',
    category: 'KEY',
    description:
      "A Twitch client built from the app's credentials (`NewTwitchClient(\"…\", \"…\")`, `new TwitchClient(clientId, '…')`, `twitch.NewClient(…)`): the argument after the client id, 30 small letters and digits, is the client secret",
    keywords: ['twitch'],
    startsAtKeyword: true,
    // The client id comes first (a literal of the same shape, or a variable), the secret second; a Twitch secret is
    // 30 characters of [a-z0-9], so the class is not widened by a case-insensitive flag.
    // The arguments may stand one a line (Python's `await Twitch(\n    "…",\n    "…",\n)` for twitchAPI's `Twitch(app_id, app_secret)`).
    pattern: /[Tt]witch[\w.]{0,40}\(\s{0,40}(?:["'`][a-z0-9]{30}["'`]|[A-Za-z_][\w.]{0,60})[ \t]{0,4},\s{0,40}["'`]([a-z0-9]{30})["'`]/,
    secretGroup: 1,
    minEntropy: 3,
    validate: looksRandom,
    confidence: 'medium',
    examples: {
      match: [
        `tw := NewTwitchClient("${fake('lowernum', 30, 9741)}", "${fake('lowernum', 30, 9742)}")`,
        `const tw = new TwitchClient(TWITCH_CLIENT_ID, '${fake('lowernum', 30, 9743)}');`,
        `twitch = await Twitch(\n    "${fake('lowernum', 30, 9745)}",\n    "${fake('lowernum', 30, 9746)}",\n)`,
      ],
      noMatch: [
        'tw := NewTwitchClient(os.Getenv("TWITCH_CLIENT_ID"), os.Getenv("TWITCH_CLIENT_SECRET"))',
        `tw := NewTwitchClient("${fake('lowernum', 30, 9744)}", secret)`,
        `twitch = await Twitch(\n    "${fake('lowernum', 30, 9747)}",\n    app_secret,\n)`,
        'tw := NewTwitchClient("abcdefghijklmnopqrstuvwxyz0123", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")',
      ],
    },
  },
  contextRule('twitter-bearer-token', 'Twitter/X app bearer token (22 A + 80-100) next to a Twitter name', ['twitter', '\\bx[_.\\-]?bearer'], 'A{22}[A-Za-z0-9%]{80,100}', {
    match: [`TWITTER_BEARER_TOKEN=${'A'.repeat(22)}${fake('alnum', 90, 732)}`],
    noMatch: ['TWITTER_BEARER_TOKEN=AAAAshort'],
  }, { keywords: ['twitter', 'bearer'], confidence: 'high', validate: notPlaceholder }),

  tokenRule('twitter-bearer-token-bare', 'Twitter/X app bearer token (22 A then percent-encoded base64), without context', 'A{22}', '[A-Za-z0-9%]{60,140}', {
    match: [`Bearer ${'A'.repeat(22)}${fake('alnum', 40, 733)}%3D${fake('alnum', 50, 734)}`],
    noMatch: [`${'A'.repeat(22)}short`],
  }, { keywords: ['aaaaaaaaaaaaaaaaaaaaaa'], minEntropy: 3.5, validate: (s) => notPlaceholder(s) && /%[0-9A-F]{2}/.test(s) }),
  contextRule('twitter-api-key', 'Twitter/X API key (25 characters) next to a Twitter name', ['twitter'], ALNUM(25), {
    match: [`TWITTER_API_KEY=${fake('alnum', 25, 735)}`],
    noMatch: ['TWITTER_HANDLE=acme'],
  }, { minEntropy: 3.5 }),
  contextRule('twitter-api-secret', 'Twitter/X API secret (50 characters) next to a Twitter name', ['twitter'], ALNUM(50), {
    match: [`TWITTER_API_SECRET=${fake('alnum', 50, 736)}`],
    noMatch: ['TWITTER_API_SECRET=short'],
  }, { category: 'CRED', minEntropy: 4 }),
  contextRule('twitter-access-token', 'Twitter/X user access token (<user id>-<secret>) next to a Twitter name', ['twitter'], '[0-9]{15,25}-[A-Za-z0-9]{20,40}', {
    match: [`TWITTER_ACCESS_TOKEN=${fake('digits', 18, 737)}-${fake('alnum', 30, 738)}`],
    noMatch: ['TWITTER_ACCESS_TOKEN=123-abc'],
  }, { category: 'TOKEN', minEntropy: 3.5 }),
  contextRule('twitter-access-secret', 'Twitter/X access token secret (45 characters) next to a Twitter name', ['twitter'], ALNUM(45), {
    match: [`TWITTER_ACCESS_SECRET=${fake('alnum', 45, 739)}`],
    noMatch: ['TWITTER_ACCESS_SECRET=short'],
  }, { category: 'CRED', minEntropy: 4 }),
  tokenRule('facebook-page-access-token', 'Facebook/Meta Graph API access token (EAA…)', 'EAA[B-Z]', '[A-Za-z0-9]{80,1000}', {
    match: [`FACEBOOK_TOKEN=EAAM${fake('alnum', 180, 740)}`],
    noMatch: ['eaaaC0b75a9329fded2ffa9a02b47e0117831b82', `EAAA${fake('alnum', 60, 741)}`],
  }, { category: 'TOKEN', keywords: ['eaa'], minEntropy: 4, lead: '(?<![A-Za-z0-9+/])', tail: '(?![A-Za-z0-9+/])' }),
  {
    id: 'facebook-access-token',
    category: 'TOKEN',
    description: 'Facebook app access token (<app id>|<app secret>) in text that mentions Facebook',
    keywords: ['facebook', 'graph.facebook', 'fb_'],
    pattern: /\b(\d{15,16}(?:\||%7[Cc])[\w-]{27,40})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`{"facebook access_token":"${fake('digits', 15, 742)}|${fake('b64url', 27, 743)}"}`],
      noMatch: ['facebook 1234|abc'],
    },
  },
  contextRule('facebook-secret', 'Facebook/Meta app secret (32 hex) next to a Facebook name', ['facebook', '\\bfb[_.\\-]?app', 'meta[_.\\-]?app'], HEX(32), {
    match: [`facebook_app_secret = "${fake('hex', 32, 744)}"`],
    noMatch: ['facebook_app_id = "1234567890"'],
  }, { keywords: ['facebook', 'fb_app', 'fb-app', 'fbapp', 'meta_app', 'metaapp'], category: 'CRED', minEntropy: 3, validate: notPlaceholder }),
  contextRule('linkedin-client-id', 'LinkedIn client id (14 characters) next to a LinkedIn name', ['linked[_\\-]?in'], '[a-z0-9]{14}', {
    match: [`LINKEDIN_CLIENT_ID=${fake('lowernum', 14, 745)}`],
    noMatch: ['LINKEDIN_CLIENT_ID=short'],
  }, { keywords: ['linkedin', 'linked_in', 'linked-in'], category: 'CRED', confidence: 'low', minEntropy: 3 }),
  contextRule('linkedin-client-secret', 'LinkedIn client secret (16 characters) next to a LinkedIn name', ['linked[_\\-]?in'], '[A-Za-z0-9]{16}', {
    match: [`LINKEDIN_CLIENT_SECRET=${fake('alnum', 16, 746)}`],
    noMatch: ['LINKEDIN_CLIENT_SECRET=short'],
  }, { keywords: ['linkedin', 'linked_in', 'linked-in'], category: 'CRED', minEntropy: 3 }),
  // Dropbox issues these at varying lengths (130 to 140-odd characters after `sl.`): 100 url-safe characters after
  // `sl.` with a token's entropy are nothing else.
  tokenRule('dropbox-short-lived-api-token', 'Dropbox short-lived access token (sl.…)', 'sl\\.', '[\\w=\\-]{100,1400}', {
    match: [`DROPBOX_TOKEN=sl.${fake('b64url', 140, 747)}`, `dbx = dropbox.Dropbox("sl.${fake('b64url', 128, 9872)}")`],
    noMatch: ['sl.short', `x = sl.${fake('b64url', 90, 9873)}`],
  }, { category: 'TOKEN', keywords: ['sl.'], minEntropy: 4, lead: '(?<![\\w.-])' }),
  // The app key is no secret: it is the OAuth client id, in every authorisation URL the app opens.
  contextRule('dropbox-api-token', 'Dropbox app secret (15 characters) next to a Dropbox secret name', ['dropbox'], '[a-z0-9]{15}', {
    match: [`DROPBOX_APP_SECRET=${fake('lowernum', 15, 748)}`],
    noMatch: ['DROPBOX_APP_SECRET=short', `DROPBOX_APP_KEY=${fake('lowernum', 15, 749)}`],
  }, { nameTail: 'secret|token', minEntropy: 3 }),
  contextRule('dropbox-long-lived-api-token', 'Dropbox long-lived access token next to a Dropbox name', ['dropbox'], '[a-zA-Z0-9]{11}AAAAAAAAAA[\\w=\\-]{43}', {
    match: [`DROPBOX_TOKEN=${fake('alnum', 11, 749)}AAAAAAAAAA${fake('b64url', 43, 750)}`],
    noMatch: ['DROPBOX_TOKEN=short'],
  }, { validate: notPlaceholder, confidence: 'high' }),
  // Not the client id beside them: an OAuth client's public id, of the same 32-character shape.
  contextRule('box-api-token', 'Box developer token or client secret (32 characters) next to a Box name that says secret, token or key', ['\\bbox[_.\\-]?(?:api|client|developer|access|app)'], ALNUM(32), {
    match: [`BOX_CLIENT_SECRET=${fake('alnum', 32, 751)}`, `BOX_DEVELOPER_TOKEN=${fake('alnum', 32, 752)}`],
    noMatch: ['BOX_FOLDER_ID=12345', `BOX_CLIENT_ID=${fake('lowernum', 32, 753)}`],
  }, { keywords: ['box'], nameTail: 'secret|token|key', minEntropy: 3.5 }),
  tokenRule('hubspot-private-app-token', 'HubSpot private app / personal access token (pat-na1-…/pat-eu1-…)', 'pat-(?:na|eu|ap)\\d-', UUID, {
    match: ['HUBSPOT_TOKEN=pat-na1-4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['pat-na1-short'],
  }, { keywords: ['pat-na', 'pat-eu', 'pat-ap'] }),
  contextRule('hubspot-api-key', 'HubSpot legacy API key (hapikey, a UUID) next to a HubSpot name', ['hubspot', 'hapikey'], UUID, {
    match: ['const hubspotKey = "4ea38b7b-f563-4709-8bae-87aeaf14f0c1"'],
    noMatch: ['const hubspotPortal = "12345"'],
  }, { validate: notPlaceholder, confidence: 'high' }),
  tokenRule('zoho-oauth-token', 'Zoho OAuth access or refresh token (1000.<32 hex>.<32 hex>)', '1000\\.', `${HEX(32)}\\.${HEX(32)}`, {
    match: [`ZOHO_REFRESH_TOKEN=1000.${fake('hex', 32, 752)}.${fake('hex', 32, 753)}`],
    noMatch: ['1000.5'],
  }, { category: 'TOKEN', keywords: ['1000.'], minEntropy: 3, lead: '(?<![\\w.])' }),
  contextRule('trello-api-key', 'Trello API key (32 hex) or token (64 hex) next to a Trello name', ['trello'], '[a-f0-9]{64}|[a-f0-9]{32}', {
    match: [`TRELLO_TOKEN=${fake('hex', 64, 754)}`],
    noMatch: ['TRELLO_BOARD=abc'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  tokenRule('trello-token', 'Trello user token (ATTA…)', 'ATTA', '[A-Fa-f0-9]{64}(?:[A-Fa-f0-9]{8})?', {
    match: [`TRELLO_TOKEN=ATTA${fake('hex', 64, 755)}${fake('HEX', 8, 756)}`],
    noMatch: ['ATTAshort'],
  }, { category: 'TOKEN', minEntropy: 3 }),
  contextRule('snowflake-password', 'Snowflake account password next to a Snowflake name', ['snowflake'], '[^\\s"\'\\x60;,)\\]}<>&|]{8,64}', {
    match: ['SNOWFLAKE_PASSWORD="Qz7-pL2m!x9Wk"'],
    noMatch: ['SNOWFLAKE_PASSWORD="${SNOWFLAKE_PASSWORD}"', 'SNOWFLAKE_ACCOUNT=acme-eu', 'val snowflakePassword = sys.env.getOrElse("SNOWFLAKE_PASSWORD", "")'],
    // A member call (`sys.env.getOrElse(`) is code reading the password, not the password.
  }, { category: 'PASS', nameTail: 'pass(?:word)?|pwd', minEntropy: 2.5, validate: (s) => notPlaceholder(s) && mixesClasses(s, 2) && !/^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,6}\($/.test(s) }),
  contextRule('clickhouse-cloud-api-key', 'ClickHouse Cloud API key secret (4b1d…)', ['clickhouse'], '4b1d[A-Za-z0-9]{38}', {
    match: [`CLICKHOUSE_API_SECRET=4b1d${fake('alnum', 38, 757)}`],
    noMatch: ['CLICKHOUSE_HOST=localhost'],
  }, { minEntropy: 3, confidence: 'high' }),
  tokenRule('clickhouse-cloud-api-secret-key', 'ClickHouse Cloud API secret key (4b1d + 38 characters)', '4b1d', '[A-Za-z0-9]{38}', {
    match: [`key = 4b1d${fake('alnum', 38, 758)}`],
    noMatch: [`key = 4b1d${'X'.repeat(38)}`, `key = adf4b1d${fake('alnum', 38, 758)}`],
  }, { minEntropy: 3, lead: '\\b', tail: '\\b' }),
  contextRule('redis-cloud-api-key', 'Redis Cloud API key or secret next to a Redis Cloud name', ['redis[_.\\-]?cloud', 'rediscloud'], '[A-Za-z0-9]{40,60}', {
    match: [`REDISCLOUD_API_SECRET=${fake('alnum', 50, 759)}`],
    noMatch: ['REDISCLOUD_SUBSCRIPTION=123'],
  }, { keywords: ['redis'], minEntropy: 4 }),
  contextRule('upstash-token', 'Upstash REST token next to an Upstash name', ['upstash'], '[A-Za-z0-9=_\\-]{40,120}', {
    match: [`UPSTASH_REDIS_REST_TOKEN=${fake('b64url', 80, 760)}`],
    noMatch: ['UPSTASH_REDIS_REST_URL=https://eu1.upstash.io'],
  }, { minEntropy: 4 }),
  contextRule('neon-api-key', 'Neon API key next to a Neon name', ['neon'], '[a-z0-9]{64}', {
    match: [`NEON_API_KEY=${fake('lowernum', 64, 761)}`],
    noMatch: ['NEON_PROJECT=short'],
  }, { nameTail: 'key|token', minEntropy: 3.5 }),
  contextRule('firebase-database-secret', 'Firebase Realtime Database legacy secret (40 characters) next to a Firebase name', ['firebase'], '[A-Za-z0-9]{40}', {
    match: [`FIREBASE_DATABASE_SECRET=${fake('alnum', 40, 762)}`],
    noMatch: ['FIREBASE_PROJECT=acme'],
  }, { nameTail: 'secret|token', minEntropy: 4 }),
  contextRule('mapbox-secret-token', 'Mapbox secret access token (sk.eyJ…); public pk. tokens are not secrets', ['mapbox'], 'sk\\.eyJ[\\w\\-]{30,400}\\.[\\w\\-]{20,30}', {
    match: [`MAPBOX_SECRET_TOKEN=sk.eyJ1Ijoi${fake('b64url', 60, 763)}.${fake('b64url', 22, 764)}`],
    noMatch: [`MAPBOX_TOKEN=pk.eyJ1Ijoi${fake('b64url', 60, 763)}.${fake('b64url', 22, 764)}`],
  }, { confidence: 'high', validate: notPlaceholder }),
  tokenRule('mapbox-secret-token-bare', 'Mapbox secret access token (sk.eyJ…) without context', 'sk\\.eyJ', '[\\w\\-]{30,400}\\.[\\w\\-]{20,30}', {
    // A short user name makes a short payload (`{"u":"ops","a":"…"}`): forty-odd characters after `eyJ`.
    match: [`sk.eyJ1Ijoi${fake('b64url', 60, 765)}.${fake('b64url', 22, 766)}`, `sk.eyJ1Ijoi${fake('b64url', 36, 765)}.${fake('b64url', 22, 766)}`],
    noMatch: ['sk.eyJshort.abc', `pk.eyJ1Ijoi${fake('b64url', 36, 765)}.${fake('b64url', 22, 766)}`],
  }, { keywords: ['sk.eyj'], minEntropy: 4 }),
  tokenRule('dropbox-long-lived-token-bare', 'Dropbox long-lived access token (the 10 A run after 11 characters), without context', '[a-zA-Z0-9]{11}AAAAAAAAAA', '[\\w=\\-]{43}', {
    match: [`'${fake('alnum', 11, 767)}AAAAAAAAAA${fake('b64url', 43, 768)}'`],
    noMatch: ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  }, { keywords: ['aaaaaaaaaa'], minEntropy: 4 }),
  tokenRule('instagram-access-token', 'Instagram Basic Display / Graph access token (IGQV…)', 'IGQV', '[\\w-]{100,400}', {
    match: [`INSTAGRAM_TOKEN=IGQV${fake('b64url', 160, 769)}`],
    noMatch: ['IGQVshort'],
  }, { category: 'TOKEN', minEntropy: 4 }),
  tokenRule('salesforce-access-token-bare', 'Salesforce session/access token (00D<org>!<secret>), without context', '00D', '[A-Za-z0-9]{12,15}![\\w.]{80,120}', {
    match: [`t_token 00D${fake('alnum', 12, 770)}!${fake('b64url', 100, 771).replace(/-/g, '.')}`],
    noMatch: ['00D123!abc'],
  }, { category: 'TOKEN', keywords: ['00d'], minEntropy: 4, tail: '(?![\\w.])' }),
  // Upstash Redis REST tokens: 'A' and the base64 of a small binary header, then the database's id and secret as text (a UUID and
  // 32 hex digits, or `p1` + 32 hex in newer ones). Read in a text that names Upstash, whatever the variable is called
  // (`KV_REST_API_READ_ONLY_TOKEN`, a literal inside a `Bearer ${…}` template).
  {
    id: 'upstash-redis-rest-token',
    category: 'TOKEN',
    description: 'Upstash Redis REST token (A + base64 of a binary header, the database id and its secret), in a text that names Upstash',
    keywords: ['upstash'],
    pattern: /(?<![\w+\/=-])(A[A-Za-z0-9+\/_-]{49,139}={0,2})(?![\w+\/=-])/,
    secretGroup: 1,
    validate: (s) => notPlaceholder(s) && isUpstashRestToken(s),
    confidence: 'high',
    examples: {
      match: [`url: "https://eu1-sure-gnat-31337.upstash.io",\ntoken: "${upstashToken(4540)}"`],
      noMatch: [`url: "https://eu1-sure-gnat-31337.upstash.io",\ntoken: "A${fake('b64', 99, 4541)}"`, `token: "${upstashToken(4542)}" // no provider named`],
    },
  },
  contextRule('meilisearch-key', 'Meilisearch master or API key next to a Meilisearch name, or passed to its client', ['meili(?:search)?'], '[A-Za-z0-9_\\-]{16,128}', {
    match: [`MEILI_MASTER_KEY=${fake('b64url', 32, 4543)}`, `client = meilisearch.Client("http://search-02.lan:7700", "${fake('hex', 64, 4544)}")`],
    noMatch: ['MEILI_INDEX_UID=products_2024_v1', `MEILI_SEARCH_KEY=${fake('hex', 64, 4545)}`, 'MEILI_HOST=http://localhost:7700'],
  }, { keywords: ['meili'], minEntropy: 3.2, validate: (s, context) => isMeilisearchKey(s, context.text.slice(context.matchStart, context.matchEnd - s.length)) }),
];
