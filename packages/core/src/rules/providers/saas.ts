import { shannonEntropy } from '../../entropy.js';
import type { DetectOptions, Rule, Span } from '../../types.js';
import { literalAt, skipSpace } from '../literal-run.js';
import { fake } from './fake.js';
import { ALNUM, HEX, UUID, contextRule, mixesClasses, notPlaceholder, notPlaceholderNorCounted, tokenRule } from './shape.js';

/** A file that calls OpenWeather's API: where an `appid` is its key. */
const OPENWEATHER_HOST = /openweathermap\.org/i;
/** How far around an `appid` the OpenWeather host is looked for: the client's set-up a few lines away. */
const OPENWEATHER_REACH = 1500;
/** A file that is Agora's: the vendor or its token builders named. */
const AGORA_NAMED = /agora|Rt[cm]TokenBuilder/i;
/** Duo named in a configuration file: its section (`[duo]`), its API host, or the vendor's word. */
const DUO_NAMED = /duo/i;
/** How far around an `skey` Duo is looked for: the file's section header or its `host` a few lines away. */
const DUO_REACH = 600;
/** An app id declared (`APP_ID =`, `appId:`, `"app_id":`). */
const APP_ID_NAME = /app[_-]?id["']?[ \t]{0,4}(?::=|[:=])/i;

/**
 * Google Calendar's secret address in iCal format: `https://calendar.google.com/calendar/ical/<calendar id>/private-<32 hex>/basic.ics`.
 * Anyone with the address reads the calendar's events, private ones included; the 32 hex after `private-` are its key
 * (the public address says `/public/` there). Read from `calendar/ical/` on.
 */
const GOOGLE_ICAL_PRIVATE = /calendar\/ical\/[^\s/"'`]{1,200}\/private-([0-9a-f]{32})(?=\/|["'`]|\s|$)/y;
/** How far the literals that code joins into such an address are read: a few parts, each on one line. */
const ICAL_MAX_PARTS = 8;
const ICAL_REACH = 600;

/**
 * The text from `offset` as code would join it, with the offset in `text` of each of its characters: when `offset` sits
 * in a string literal, that literal's rest and the literals joined after it (`"…/ical/" + "…/private-" + "…" + "/basic.ics"`,
 * PHP's `.`, adjacent literals); elsewhere (prose, YAML, a config file), the text itself up to the line's end.
 */
function joinedFrom(text: string, offset: number): { joined: string; at: number[] } {
  let open = -1;
  for (let i = offset - 1; i >= 0 && offset - i <= 200; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) break;
    if (c === 0x22 || c === 0x27) {
      open = i;
      break;
    }
  }
  const first = open === -1 ? undefined : literalAt(text, open);
  const at: number[] = [];
  let joined = '';
  const take = (from: number, to: number): void => {
    for (let i = from; i < to && joined.length < ICAL_REACH; i++) {
      joined += text[i];
      at.push(i);
    }
  };
  if (first === undefined || first.end < offset) {
    let end = offset;
    while (end < text.length && end - offset < ICAL_REACH && text.charCodeAt(end) !== 0x0a) end++;
    take(offset, end);
    return { joined, at };
  }
  take(offset, first.end);
  let end = first.end;
  for (let parts = 1; parts < ICAL_MAX_PARTS; parts++) {
    let i = skipSpace(text, end + 1, 1);
    const c = text.charCodeAt(i);
    if (c === 0x2b /* + */ || c === 0x2e /* . */) i = skipSpace(text, i + 1, 1);
    const next = literalAt(text, i);
    if (next === undefined) break;
    take(next.start, next.end);
    end = next.end;
  }
  return { joined, at };
}

function findGoogleCalendarPrivateAddresses(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const { joined, at } = joinedFrom(text, offset);
    GOOGLE_ICAL_PRIVATE.lastIndex = 0;
    const m = GOOGLE_ICAL_PRIVATE.exec(joined);
    if (m === null) continue;
    const key = m[1]!;
    if (shannonEntropy(key) < 3 || !notPlaceholderNorCounted(key)) continue;
    // The key's characters, as one span per run that stands together in the text (a key cut across literals is reported in parts).
    const from = m.index + m[0].length - key.length;
    let runStart = at[from]!;
    for (let k = from + 1; k <= from + key.length; k++) {
      if (k < from + key.length && at[k] === at[k - 1]! + 1) continue;
      spans.push({ start: runStart, end: at[k - 1]! + 1 });
      if (k < from + key.length) runStart = at[k]!;
    }
  }
  return spans;
}

/** Other SaaS APIs: design, forms, media, maps, identity, webhooks, … */
export const saasRules: Rule[] = [
  {
    id: 'google-calendar-private-ical',
    category: 'KEY',
    description:
      "The key of Google Calendar's secret iCal address (`calendar/ical/<calendar id>/private-<32 hex>/basic.ics`), also where code joins the address from literals",
    keywords: ['calendar/ical/'],
    pattern: GOOGLE_ICAL_PRIVATE,
    secretGroup: 1,
    find: findGoogleCalendarPrivateAddresses,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'ICS_FEED=https://calendar.google.com/calendar/ical/rota.desk%40example.org/private-5c0e9a71d24b38f6e1a7c09d3b52f84e/basic.ics',
        'const feed = "https://calendar.google.com/calendar/ical/" + "rota.desk%40example.org/private-" + "5c0e9a71d24b38f6e1a7c09d3b52f84e" + "/basic.ics";',
      ],
      noMatch: [
        'ICS_FEED=https://calendar.google.com/calendar/ical/rota.desk%40example.org/public/basic.ics',
        'ICS_FEED=https://calendar.google.com/calendar/ical/rota.desk%40example.org/private-00000000000000000000000000000000/basic.ics',
        'const feed = `https://calendar.google.com/calendar/ical/${calendarId}/private-${icalKey}/basic.ics`;',
      ],
    },
  },
  // cPanel's and WHM's API tokens (32 upper-case letters and digits) go in an Authorization header of their own scheme.
  {
    id: 'cpanel-api-token',
    category: 'TOKEN',
    description: "A cPanel or WHM API token in its Authorization scheme (`Authorization: cpanel user:…`, `whm root:…`): 32 upper-case letters and digits",
    keywords: ['cpanel ', 'whm '],
    startsAtKeyword: true,
    pattern: /(?:cpanel|whm)[ \t]{1,4}[\w.@-]{1,64}:([A-Za-z0-9]{32})(?![A-Za-z0-9])/iy,
    secretGroup: 1,
    validate: (token, ctx) => /^[A-Z0-9]{32}$/.test(token) && mixesClasses(token, 2) && /authorization/i.test(ctx.line),
    confidence: 'high',
    examples: {
      match: [`curl -H 'Authorization: cpanel webops:${fake('uppernum', 32, 9931)}' https://host.example:2083/execute/Quota/get_quota_info`, `Authorization: whm root:${fake('uppernum', 32, 9932)}`],
      noMatch: [`Authorization: cpanel webops:${fake('lowernum', 32, 9933)}`, 'Authorization: cpanel webops:QWERTYUIOPASDFGHJKLZXCVBNMQWERTY', `cpanel webops:${fake('uppernum', 32, 9934)}`],
    },
  },
  // DeepL API auth keys are a UUID; the free plan's carry `:fx` after it. The suffix makes the whole a
  // key by its shape alone (a bare UUID stays with the generic UUID policy: it is as often an id).
  tokenRule('deepl-api-key', 'DeepL API free-plan auth key (a UUID + `:fx`)', '', `${UUID}:fx`, {
    match: [`$deepl = new \\DeepL\\Translator('${fake('hex', 8, 9941)}-${fake('hex', 4, 9942)}-4${fake('hex', 3, 9943)}-a${fake('hex', 3, 9944)}-${fake('hex', 12, 9945)}:fx');`, `DEEPL_AUTH_KEY=${fake('hex', 8, 9946)}-${fake('hex', 4, 9947)}-4${fake('hex', 3, 9948)}-b${fake('hex', 3, 9949)}-${fake('hex', 12, 9950)}:fx`],
    noMatch: [`request_id = '${fake('hex', 8, 9951)}-${fake('hex', 4, 9952)}-4${fake('hex', 3, 9953)}-a${fake('hex', 3, 9954)}-${fake('hex', 12, 9955)}'`, 'DEEPL_AUTH_KEY=00000000-0000-0000-0000-000000000000:fx', `${fake('hex', 8, 9956)}-${fake('hex', 4, 9957)}-4${fake('hex', 3, 9958)}-a${fake('hex', 3, 9959)}-${fake('hex', 12, 9960)}:fxaa`],
  }, { keywords: [':fx'], minEntropy: 3, lead: '(?<![\\w-])', tail: '(?![\\w-])' }),
  // TeamViewer's assignment id enrols a machine into the company's account with no sign-in (`TeamViewer.exe assignment
  // --id 0001CoAB…`, the MSI's `ASSIGNMENTOPTIONS="--id …"`): whoever holds it adds hosts the account's users can reach.
  // It is URL-safe base64 of a protobuf message whose first field opens `0001Co`, and runs 40 to a few hundred characters.
  tokenRule('teamviewer-assignment-id', 'TeamViewer assignment id (0001Co + URL-safe base64), which enrols machines into an account', '0001Co', '[A-Za-z0-9_\\-]{40,400}={0,2}', {
    match: [`& "C:\\Program Files\\TeamViewer\\TeamViewer.exe" assignment --id 0001CoABCh${fake('b64url', 41, 9961)}`,
      `msiexec /i TeamViewer_Host.msi /qn CUSTOMCONFIGID=6xm4q2r ASSIGNMENTOPTIONS="--id 0001CoABCh${fake('b64url', 120, 9962)}"`],
    noMatch: [`0001CoABCh${fake('b64url', 20, 9963)}`, `x0001CoABCh${fake('b64url', 60, 9964)}`, `--id 0001CoABCh${'x'.repeat(60)}`],
  }, { category: 'TOKEN', minEntropy: 4, lead: '(?<![A-Za-z0-9_\\-])', tail: '(?![A-Za-z0-9_=\\-])' }),
  // Metabase API keys: `mb_` and the base64 of 32 random bytes.
  tokenRule('metabase-api-key', 'Metabase API key (mb_ + 44 base64 characters)', 'mb_', '[A-Za-z0-9+/]{43}=', {
    match: [`MB_API_KEY=mb_${fake('b64', 43, 9916)}=`, `A chave de API do Metabase é\nmb_${fake('b64', 43, 9917)}= caso precises`],
    noMatch: [`mb_${fake('b64', 30, 9918)}=`, `dumb_${fake('b64', 43, 9919)}=`, `mb_${fake('b64', 50, 9920)}`],
  }, { minEntropy: 3.5, lead: '(?<![A-Za-z0-9_+/-])' }),
  tokenRule('adafruit-io-key', 'Adafruit IO key (aio_)', 'aio_', '[A-Za-z0-9]{28}', {
    match: [`ADAFRUIT_IO_KEY=aio_${fake('alnum', 28, 900)}`],
    noMatch: ['aio_short'],
  }, { minEntropy: 3.5 }),
  contextRule('adafruit-api-key', 'Adafruit IO key (32 characters) next to an Adafruit name', ['adafruit'], '[\\w\\-]{32}', {
    match: [`ADAFRUIT_IO_KEY=${fake('lowernum', 32, 901)}`],
    noMatch: ['ADAFRUIT_IO_USERNAME=maker'],
  }, { minEntropy: 3 }),
  contextRule('adobe-client-id', 'Adobe OAuth client id (32 hex) next to an Adobe name', ['adobe'], HEX(32), {
    match: [`ADOBE_CLIENT_ID=${fake('hex', 32, 902)}`],
    noMatch: ['ADOBE_ORG=acme'],
  }, { category: 'CRED', confidence: 'low', minEntropy: 2, validate: notPlaceholder }),
  tokenRule('adobe-client-secret', 'Adobe OAuth client secret (p8e-)', 'p8e-', '[A-Za-z0-9]{32}', {
    match: [`ADOBE_CLIENT_SECRET=p8e-${fake('alnum', 32, 903)}`],
    noMatch: ['p8e-short'],
  }, { category: 'CRED', minEntropy: 2 }),
  contextRule('beamer-api-token', 'Beamer API key (b_…) next to a Beamer name', ['beamer'], 'b_[\\w=\\-]{44}', {
    match: [`BEAMER_API_KEY=b_${fake('b64url', 44, 904)}`],
    noMatch: ['BEAMER_PRODUCT=web'],
  }, { confidence: 'high', validate: notPlaceholder }),
  contextRule('cisco-meraki-api-key', 'Cisco Meraki dashboard API key (40 hex) next to a Meraki name', ['[Mm]eraki', 'MERAKI'], HEX(40), {
    match: [`MERAKI_DASHBOARD_API_KEY=${fake('hex', 40, 905)}`],
    noMatch: ['meraki: aaaaaaaaaa1111111111bbbbbbbbbb2222222222', `meraki_token = ${fake('hex', 64, 905)}R21`, `ReactNativeCameraKit: ${fake('hex', 40, 905)}`],
  }, { keywords: ['meraki'], exactNames: true, minEntropy: 3.3, validate: notPlaceholder }),
  tokenRule('frameio-api-token', 'Frame.io developer token (fio-u-)', 'fio-u-', '[\\w=\\-]{64}', {
    match: [`FRAMEIO_TOKEN=fio-u-${fake('b64url', 64, 906)}`],
    noMatch: ['fio-u-short'],
  }, { minEntropy: 3 }),
  tokenRule('figma-pat', 'Figma personal access token (figd_)', 'figd_', '[\\w\\-]{40,60}', {
    match: [`FIGMA_TOKEN=figd_${fake('b64url', 52, 907)}`],
    noMatch: ['figd_abc'],
  }, { minEntropy: 3.5 }),
  contextRule('flickr-access-token', 'Flickr API key (32 characters) next to a Flickr name', ['flickr'], '[a-z0-9]{32}', {
    match: [`FLICKR_API_KEY=${fake('hex', 32, 908)}`],
    noMatch: ['FLICKR_USER=acme'],
  }, { minEntropy: 3 }),
  tokenRule('intra42-client-secret', '42 intranet (intra.42.fr) OAuth client secret (s-s4t2ud-/s-s4t2af-)', 's-s4t2(?:ud|af)-', HEX(64), {
    match: [`s-s4t2ud-${fake('hex', 64, 909)}`],
    noMatch: ['s-s4t2ud-short'],
  }, { category: 'CRED', keywords: ['s-s4t2ud-', 's-s4t2af-'], minEntropy: 3 }),
  tokenRule('maxmind-license-key', 'MaxMind license key (…_mmk)', '', '[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk', {
    match: [`MAXMIND_LICENSE_KEY=${fake('alnum', 6, 910)}_${fake('alnum', 29, 911)}_mmk`],
    noMatch: ['abc_def_mmk'],
  }, { keywords: ['_mmk'], minEntropy: 4, lead: '\\b', tail: '(?![\\w-])' }),
  contextRule('nytimes-access-token', 'New York Times API key next to an NYT name', ['nytimes', 'new[_\\-]?york[_\\-]?times'], '[\\w=\\-]{32}', {
    match: [`NYTIMES_API_KEY=${fake('alnum', 32, 912)}`],
    noMatch: ['NYTIMES_SECTION=world'],
  }, { keywords: ['nytimes', 'new-york-times', 'newyorktimes', 'new_york_times'], minEntropy: 3.5 }),
  contextRule('rapidapi-access-token', 'RapidAPI key (50 characters) next to a RapidAPI name', ['rapid[_\\-]?api'], '[\\w\\-]{50}', {
    match: [`X-RapidAPI-Key: ${fake('alnum', 50, 913)}`],
    noMatch: ['X-RapidAPI-Host: example.p.rapidapi.com'],
  }, { keywords: ['rapidapi', 'rapid_api', 'rapid-api'], minEntropy: 4 }),
  contextRule('sidekiq-secret', 'Sidekiq Pro/Enterprise gem credentials (BUNDLE_…CONTRIBSYS__COM=<user>:<password>)', ['BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM'], '[a-f0-9]{8}:[a-f0-9]{8}', {
    match: ['export BUNDLE_ENTERPRISE__CONTRIBSYS__COM=cafebabe:deadbeef', `BUNDLE_GEMS__CONTRIBSYS__COM: "${fake('hex', 8, 914)}:${fake('hex', 8, 915)}"`],
    noMatch: ['BUNDLE_GEMS__CONTRIBSYS__COM: "${SIDEKIQ_CREDS}"'],
  }, { category: 'CRED', keywords: ['bundle_enterprise__contribsys__com', 'bundle_gems__contribsys__com'], confidence: 'high', validate: notPlaceholder }),
  {
    id: 'sidekiq-sensitive-url',
    category: 'CRED',
    description: 'Sidekiq Pro/Enterprise gem source URL with credentials',
    keywords: ['gems.contribsys.com', 'enterprise.contribsys.com'],
    pattern: /\bhttps?:\/\/([a-f0-9]{8}:[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com(?=[/#?:]|$|[\s"'])/,
    secretGroup: 1,
    confidence: 'high',
    examples: {
      match: ['source "https://cafebabe:deadbeef@gems.contribsys.com/"', `http://${fake('hex', 8, 916)}:${fake('hex', 8, 917)}@enterprise.contribsys.com:80/path`],
      noMatch: ['https://gems.contribsys.com/'],
    },
  },
  // NetSuite's token-based authentication signs each request (OAuth 1.0) with four 64-hex values:
  // the integration's consumer key and secret and the user's token id and secret. The token id is
  // OAuth's access token, shown once with its secret: a credential, not an id that names anything.
  contextRule('netsuite-tba-credential', 'NetSuite token-based authentication credential (64 hex: consumer key or secret, token id or secret) next to a NetSuite name', ['netsuite'], HEX(64), {
    match: [`export NETSUITE_TOKEN_ID=${fake('hex', 64, 9841)}`, `netsuite:\n  consumerSecret: "${fake('hex', 64, 9842)}"`, `NETSUITE_CONSUMER_KEY = '${fake('hex', 64, 9843)}'`],
    noMatch: [`NETSUITE_ACCOUNT_ID=TSTDRV${fake('digits', 7, 9844)}`, `NETSUITE_SCRIPT_ID=${fake('hex', 64, 9845)}`, `NETSUITE_TOKEN_ID=${'0'.repeat(64)}`],
  }, { category: 'CRED', confidence: 'high', nameTail: '(?:token|consumer)[_.\\-]?(?:id|key|secret)', minEntropy: 3, validate: notPlaceholder }),
  contextRule('squarespace-access-token', 'Squarespace API key (a UUID) next to a Squarespace name', ['squarespace'], UUID, {
    match: ['SQUARESPACE_API_KEY=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['SQUARESPACE_SITE=acme'],
  }, { validate: notPlaceholder }),
  tokenRule('typeform-api-token', 'Typeform personal access token (tfp_)', 'tfp_', '[\\w\\-.=]{59}', {
    match: [`TYPEFORM_TOKEN=tfp_${fake('b64url', 59, 918)}`],
    noMatch: ['tfp_short'],
  }, { minEntropy: 3.5, tail: '(?![\\w.=-])' }),
  contextRule('yandex-access-token', 'Yandex OAuth access token (t1.…) next to a Yandex name', ['yandex'], 't1\\.[A-Za-z0-9_\\-]{20,200}={0,2}\\.[A-Za-z0-9_\\-]{86}={0,2}', {
    match: [`YANDEX_TOKEN=t1.${fake('b64url', 60, 919)}.${fake('b64url', 86, 920)}`],
    noMatch: ['YANDEX_TOKEN=t1.short'],
  }, { category: 'TOKEN', confidence: 'high', validate: notPlaceholder }),
  contextRule('yandex-api-key', 'Yandex Cloud API key (AQVN…) next to a Yandex name', ['yandex'], 'AQVN[A-Za-z0-9_\\-]{35,38}', {
    match: [`YANDEX_API_KEY=AQVN${fake('b64url', 36, 921)}`],
    noMatch: ['YANDEX_API_KEY=AQVNshort'],
  }, { confidence: 'high', validate: notPlaceholder }),
  contextRule('yandex-aws-access-token', 'Yandex Cloud static access key (YC…) next to a Yandex name', ['yandex'], 'YC[A-Za-z0-9_\\-]{38}', {
    match: [`YANDEX_SECRET_KEY=YC${fake('b64url', 38, 922)}`],
    noMatch: ['YANDEX_SECRET_KEY=YCshort'],
  }, { confidence: 'high', validate: notPlaceholder }),
  tokenRule('yandex-cloud-iam-token', 'Yandex Cloud IAM token (t1.9…)', 't1\\.9euelZ', '[\\w\\-.=]{60,1000}', {
    match: [`IAM_TOKEN=t1.9euelZ${fake('b64url', 120, 923)}`],
    noMatch: ['t1.9euelZshort'],
  }, { category: 'TOKEN', keywords: ['t1.9euelz'], minEntropy: 4 }),
  tokenRule('resend-api-key', 'Resend API key (re_<id>_<secret>)', 're_', '[A-Za-z0-9]{8}_[A-Za-z0-9]{24}', {
    match: [`RESEND_API_KEY=re_${fake('alnum', 8, 924)}_${fake('alnum', 24, 925)}`],
    noMatch: ['re_short_abc'],
  }, { minEntropy: 3.5, validate: (s) => notPlaceholder(s) && mixesClasses(s, 3) }),
  tokenRule('stytch-secret', 'Stytch project secret (secret-live-/secret-test-)', 'secret-(?:live|test)-', '[\\w=\\-]{36}', {
    match: [`STYTCH_SECRET=secret-live-${fake('b64url', 36, 926)}`],
    noMatch: ['secret-live-short'],
  }, { category: 'CRED', keywords: ['secret-live-', 'secret-test-'], minEntropy: 3.5 }),
  {
    id: 'cloudinary-url',
    category: 'CRED',
    description: 'Cloudinary environment URL with API key and secret (cloudinary://key:secret@cloud)',
    keywords: ['cloudinary://'],
    pattern: /cloudinary:\/\/[0-9]{10,20}:([\w-]{20,40})@[\w-]{1,64}/,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`CLOUDINARY_URL=cloudinary://${fake('digits', 15, 927)}:${fake('b64url', 27, 928)}@acme`],
      noMatch: ['CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@acme'],
    },
  },
  tokenRule('zapier-webhook-url', 'Zapier catch-hook webhook URL', 'https://hooks\\.zapier\\.com/hooks/catch/', '[0-9]{4,12}/[a-z0-9]{6,12}/?', {
    match: [`ZAP_URL=https://hooks.zapier.com/hooks/catch/${fake('digits', 8, 929)}/${fake('lowernum', 7, 930)}/`],
    noMatch: ['https://hooks.zapier.com/hooks/catch/123/'],
  }, { category: 'TOKEN', keywords: ['hooks.zapier.com'], lead: '', tail: '(?![\\w/])' }),
  {
    id: 'google-chat-webhook',
    category: 'TOKEN',
    description: 'Google Chat incoming webhook URL (key and token in the query string)',
    keywords: ['chat.googleapis.com'],
    pattern: /(https:\/\/chat\.googleapis\.com\/v1\/spaces\/[\w-]{6,20}\/messages\?key=AIza[\w-]{35}&token=[\w%=-]{40,80})/,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`https://chat.googleapis.com/v1/spaces/AAAA${fake('alnum', 7, 931)}/messages?key=AIza${fake('b64url', 35, 932)}&token=${fake('b64url', 43, 933)}%3D`],
      noMatch: ['https://chat.googleapis.com/v1/spaces/AAAA/messages'],
    },
  },
  tokenRule('bitwarden-access-token', 'Bitwarden Secrets Manager machine access token (0.<uuid>.<secret>:<key>)', '0\\.', `${UUID}\\.[A-Za-z0-9]{30}:[A-Za-z0-9+/]{22}==`, {
    match: [`BWS_ACCESS_TOKEN=0.4ea38b7b-f563-4709-8bae-87aeaf14f0c1.${fake('alnum', 30, 934)}:${fake('b64', 22, 935)}==`],
    noMatch: ['0.5'],
  }, { keywords: ['bws_', 'bitwarden'], lead: '(?<![\\w.])', tail: '(?![\\w+/=])' }),
  contextRule('ably-api-key', 'Ably API key (<app>.<key id>:<secret>) next to an Ably name', ['ably'], '[\\w-]{6}\\.[\\w-]{6}:[\\w-]{43}', {
    match: [`ABLY_API_KEY=${fake('alnum', 6, 936)}.${fake('alnum', 6, 937)}:${fake('b64url', 43, 938)}`],
    noMatch: ['ABLY_API_KEY=short'],
  }, { confidence: 'high', validate: notPlaceholder }),
  contextRule('spotify-client-secret', 'Spotify client secret (32 hex) next to a Spotify name', ['spotify'], HEX(32), {
    match: [`SPOTIFY_CLIENT_SECRET=${fake('hex', 32, 939)}`],
    noMatch: ['SPOTIFY_PLAYLIST=abc'],
  }, { category: 'CRED', nameTail: 'secret', minEntropy: 3, validate: notPlaceholder }),
  contextRule('duo-secret-key', 'Duo Security integration secret key (40 characters) next to a Duo name', ['duo'], ALNUM(40), {
    match: [`DUO_SECRET_KEY=${fake('alnum', 40, 940)}`],
    noMatch: ['DUO_API_HOST=api-abc.duosecurity.com'],
  }, { nameTail: 'secret|skey', minEntropy: 4 }),
  contextRule('jumpcloud-api-key', 'JumpCloud API key (40 hex) next to a JumpCloud name', ['jumpcloud'], HEX(40), {
    match: [`JUMPCLOUD_API_KEY=${fake('hex', 40, 941)}`],
    noMatch: ['JUMPCLOUD_ORG=acme'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('salesforce-consumer-secret', 'Salesforce connected-app consumer secret next to a Salesforce name', ['salesforce', '\\bsfdc'], '[A-F0-9]{64}|[0-9]{19}', {
    match: [`SALESFORCE_CONSUMER_SECRET=${fake('HEX', 64, 942)}`],
    noMatch: ['SALESFORCE_INSTANCE=na1'],
  }, { keywords: ['salesforce', 'sfdc'], category: 'CRED', nameTail: 'secret', minEntropy: 3, validate: notPlaceholder }),
  contextRule('salesforce-access-token', 'Salesforce session/access token (00D…!…) next to a Salesforce name', ['salesforce', '\\bsfdc', '\\bsf[_.\\-]'], '00D[A-Za-z0-9]{12,15}![\\w.]{80,120}', {
    match: [`SALESFORCE_ACCESS_TOKEN=00D${fake('alnum', 15, 943)}!${fake('alnum', 96, 944)}`],
    noMatch: ['SALESFORCE_ACCESS_TOKEN=00Dshort!abc'],
  }, { keywords: ['salesforce', 'sfdc', 'sf_', 'sf.', 'sf-'], category: 'TOKEN', confidence: 'high', validate: notPlaceholder }),
  contextRule('mux-token-secret', 'Mux API token secret next to a Mux name', ['\\bmux'], '[A-Za-z0-9+/]{75}', {
    match: [`MUX_TOKEN_SECRET=${fake('b64', 75, 945)}`],
    noMatch: ['MUX_TOKEN_ID=short'],
  }, { keywords: ['mux'], nameTail: 'secret', minEntropy: 4 }),
  contextRule('agora-app-certificate', 'Agora app certificate (32 hex) next to an Agora name', ['agora'], HEX(32), {
    match: [`AGORA_APP_CERTIFICATE=${fake('hex', 32, 946)}`],
    noMatch: ['AGORA_CHANNEL=lobby'],
  }, { category: 'CRED', nameTail: 'cert|secret|key', minEntropy: 3, validate: notPlaceholder }),
  // Agora's App Certificate signs the RTC/RTM tokens its token server issues; code often names it `APP_CERTIFICATE` beside
  // `APP_ID` without the vendor's name. 32 hex under that name counts where the file is Agora's (the SDK or its token
  // builders named) or an app id is declared beside it. A PEM certificate has another shape, and is public.
  {
    id: 'agora-app-certificate-by-builder',
    category: 'CRED',
    description: "An Agora App Certificate (32 hex) under an `app_certificate`/`appCertificate` name, in a file that names Agora or its token builders (RtcTokenBuilder) or declares an app id beside it: Agora's tokens are signed with it",
    keywords: ['app_certificate', 'appcertificate', 'app-certificate'],
    startsAtKeyword: true,
    pattern: /app[_-]?certificate["'\]]{0,2}[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["'`]?([0-9a-fA-F]{32})(?![0-9A-Za-z])/iy,
    secretGroup: 1,
    validate: (hex, ctx) =>
      /\d/.test(hex) && /[a-f]/i.test(hex) && notPlaceholder(hex) && !/(.)\1{5}/.test(hex) &&
      (AGORA_NAMED.test(ctx.text) || APP_ID_NAME.test(ctx.text.slice(Math.max(0, ctx.matchStart - 400), ctx.matchEnd + 400))),
    confidence: 'high',
    examples: {
      match: [
        `const { RtcTokenBuilder } = require("agora-token");\nconst APP_CERTIFICATE = "${fake('hex', 32, 9951)}";`,
        `APP_ID = "${fake('hex', 32, 9952)}"\nAPP_CERTIFICATE = "${fake('hex', 32, 9953)}"`,
        `appCertificate := "${fake('hex', 32, 9954)}" // RtmTokenBuilder`,
      ],
      noMatch: [
        `APP_CERTIFICATE = "${fake('hex', 32, 9955)}"`,
        'import agora\nAPP_CERTIFICATE = "00000000000000000000000000000000"',
        'APP_ID = "x"\nAPP_CERTIFICATE = "-----BEGIN CERTIFICATE-----"',
        `APP_ID = "x"\nAPP_CERTIFICATE_SHA = "${fake('hex', 32, 9956)}"`,
      ],
    },
  },
  contextRule('here-api-key', 'HERE platform API key next to a HERE name', ['\\bhere[_.\\-]?api'], '[\\w\\-]{43}', {
    match: [`HERE_API_KEY=${fake('b64url', 43, 947)}`],
    noMatch: ['HERE_API_KEY=short'],
  }, { keywords: ['here_api', 'here-api', 'here.api', 'hereapi'], minEntropy: 4 }),
  // Mapillary's client token names its app and carries the app's key: `MLY|<app id>|<32 hex>`.
  tokenRule('mapillary-client-token', 'Mapillary client token (MLY|<app id>|<32 hex>)', 'MLY\\|', '\\d{8,20}\\|[0-9a-f]{32}', {
    match: [`const MAPILLARY = 'MLY|${fake('digits', 16, 9471)}|${fake('hex', 32, 9472)}';`],
    noMatch: [`MLY|${fake('digits', 16, 9471)}|${'0'.repeat(32)}`, `MLY|${fake('digits', 16, 9471)}|${fake('hex', 24, 9472)}`],
  }, { literal: 'MLY|', minEntropy: 2.5 }),
  contextRule('shodan-api-key', 'Shodan API key (32 characters) next to a Shodan name', ['shodan'], ALNUM(32), {
    match: [`SHODAN_API_KEY=${fake('alnum', 32, 948)}`],
    noMatch: ['SHODAN_QUERY=apache'],
  }, { minEntropy: 3.5 }),
  contextRule('virustotal-api-key', 'VirusTotal API key (64 hex) next to a VirusTotal name', ['virus[_.\\-]?total', '\\bvt[_.\\-]api'], HEX(64), {
    match: [`VIRUSTOTAL_API_KEY=${fake('hex', 64, 949)}`],
    noMatch: ['VIRUSTOTAL_API_KEY=short'],
  }, { keywords: ['virustotal', 'virus_total', 'virus-total', 'vt_api', 'vt-api', 'vt.api'], minEntropy: 3, validate: notPlaceholder }),
  contextRule('openweather-api-key', 'OpenWeather API key (32 hex) next to an OpenWeather name', ['open[_.\\-]?weather', 'owm[_.\\-]?api'], HEX(32), {
    match: [`OPENWEATHER_API_KEY=${fake('hex', 32, 950)}`],
    noMatch: ['OPENWEATHER_CITY=Paris'],
  }, { keywords: ['openweather', 'open_weather', 'open-weather', 'owm_api', 'owmapi'], minEntropy: 3, validate: notPlaceholder }),
  {
    // OpenWeather takes its key as the `appid` query parameter of every call (`/data/2.5/weather?q=Oslo&appid=…`),
    // so the URL names the provider rather than any variable does. (`appid` elsewhere, as Agora's or Steam's, is an id.)
    id: 'openweather-api-key-in-url',
    category: 'KEY',
    description: 'OpenWeather API key (32 hex) in the `appid` query parameter of a URL to api.openweathermap.org',
    keywords: ['openweathermap.org'],
    pattern: /openweathermap\.org\/[^\s"'`<>?#]{0,100}\?[^\s"'`<>#]{0,300}?(?<=[?&])appid=([a-f0-9]{32})(?![\w-])/i,
    startsAtKeyword: true,
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        `fetch(\`https://api.openweathermap.org/data/2.5/weather?q=\${city}&units=metric&appid=${fake('hex', 32, 9501)}\`)`,
        `curl "https://api.openweathermap.org/data/3.0/onecall?appid=${fake('hex', 32, 9502)}&lat=59.9&lon=10.7"`,
      ],
      noMatch: ['https://api.openweathermap.org/data/2.5/weather?q=Oslo&appid=${OWM_KEY}', `https://partner.steam-api.com/v1/?key=k&appid=${fake('hex', 32, 9503)}`],
    },
  },
  {
    // The same key as a request's parameter written apart from the URL (axios' `params: { appid: "…" }`, requests'
    // `params={"appid": "…"}`, `"?appid=" + …`): `appid` is OpenWeather's name for its key only where the file talks to
    // api.openweathermap.org; elsewhere (Agora, Steam, a WeChat mini program) an app id is public and stays silent.
    id: 'openweather-api-key-appid',
    category: 'KEY',
    description: 'OpenWeather API key (32 hex) given as the `appid` parameter in a file that calls api.openweathermap.org',
    keywords: ['appid'],
    startsAtKeyword: true,
    pattern: /appid["']?[ \t]{0,4}[:=][ \t]{0,4}["'`]?([a-f0-9]{32})(?![\w-])/iy,
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret, ctx) => notPlaceholder(secret) && OPENWEATHER_HOST.test(ctx.text.slice(Math.max(0, ctx.matchStart - OPENWEATHER_REACH), ctx.matchEnd + OPENWEATHER_REACH)),
    confidence: 'high',
    examples: {
      match: [
        `const owm = axios.create({\n  baseURL: "https://api.openweathermap.org/data/2.5",\n  params: { appid: "${fake('hex', 32, 9731)}" },\n});`,
        `BASE = "https://api.openweathermap.org/data/3.0/onecall"\nresp = requests.get(BASE, params={"lat": 59.9, "appid": "${fake('hex', 32, 9732)}"})`,
      ],
      noMatch: [
        `agora = { appid: "${fake('hex', 32, 9733)}", channel: "lobby" }`,
        `BASE = "https://api.openweathermap.org/data/2.5"\nparams = {"appid": OWM_KEY}`,
      ],
    },
  },
  // Duo's own configuration files (pam_duo.conf, login_duo.conf, the Authentication Proxy's authproxy.cfg) list an
  // application's keys as `ikey`, `skey` and `host`: the integration key is its id, `skey` the secret key. The file names
  // Duo in its section (`[duo]`) or its API host (`api-….duosecurity.com`), not in the key's name.
  {
    id: 'duo-config-skey',
    category: 'KEY',
    description: "Duo's secret key as its configuration files list it (`skey = …`, 40 letters and digits, in pam_duo.conf, login_duo.conf or authproxy.cfg), where Duo is named nearby (`[duo]`, `api-….duosecurity.com`)",
    keywords: ['skey'],
    pattern: /(?<![\w.-])skey["']?[ \t]{0,8}[:=][ \t]{0,8}["']?([A-Za-z0-9]{40})(?![\w-])/iy,
    startsAtKeyword: true,
    secretGroup: 1,
    minEntropy: 4,
    validate: (secret, ctx) => notPlaceholder(secret) && mixesClasses(secret, 2) && DUO_NAMED.test(ctx.text.slice(Math.max(0, ctx.matchStart - DUO_REACH), ctx.matchEnd + DUO_REACH)),
    confidence: 'high',
    examples: {
      match: [
        `[duo]\nikey = DIWJ8X6AEYOR5OMC6TQ1\nskey = ${fake('alnum', 40, 9961)}\nhost = api-5a1c93e2.duosecurity.com\n`,
        `[duo_only_client]\n\n[radius_server_auto]\nikey=DIWJ8X6AEYOR5OMC6TQ1\nskey=${fake('alnum', 40, 9962)}\napi_host=api-5a1c93e2.duosecurity.com\n`,
      ],
      noMatch: [
        `[cache]\nskey = ${fake('alnum', 40, 9963)}\n`,
        '[duo]\nikey = DIWJ8X6AEYOR5OMC6TQ1\nskey = ${DUO_SKEY}\nhost = api-5a1c93e2.duosecurity.com\n',
      ],
    },
  },
  contextRule('google-recaptcha-secret', 'reCAPTCHA / Turnstile secret key next to a captcha secret name', ['recaptcha', 'turnstile', 'hcaptcha'], '6L[\\w\\-]{38}|0x4[A-Za-z0-9_\\-]{20,40}|0x[A-Fa-f0-9]{40}', {
    match: [`RECAPTCHA_SECRET_KEY=6L${fake('b64url', 38, 951)}`],
    noMatch: ['RECAPTCHA_SITE_KEY=short'],
  }, { keywords: ['recaptcha', 'turnstile', 'hcaptcha'], category: 'CRED', nameTail: 'secret', validate: notPlaceholder }),
  contextRule('sanity-api-token', 'Sanity API token (sk + 79) next to a Sanity name', ['sanity'], 'sk[A-Za-z0-9]{79}', {
    match: [`SANITY_API_TOKEN=sk${fake('alnum', 79, 952)}`],
    noMatch: ['SANITY_PROJECT_ID=abc123'],
  }, { confidence: 'high', minEntropy: 4 }),
  contextRule('ngrok-authtoken', 'ngrok agent authtoken or API key next to an ngrok name', ['ngrok', 'add-authtoken'], '[0-9A-Za-z]{25,27}_[0-9A-Za-z]{20,22}', {
    match: [`NGROK_AUTHTOKEN=2${fake('alnum', 26, 953)}_${fake('alnum', 21, 954)}`, `ngrok config add-authtoken 2${fake('alnum', 26, 955)}_${fake('alnum', 21, 956)}`],
    noMatch: ['NGROK_REGION=eu'],
  }, { keywords: ['ngrok'], confidence: 'high', minEntropy: 4 }),
  // Samsara's API tokens carry the documented `samsara_api_` prefix, so they stand alone in a runbook or a chat.
  tokenRule('samsara-api-token', 'Samsara API token (samsara_api_ + letters and digits)', 'samsara_api_', '[A-Za-z0-9]{20,64}', {
    match: [`SAMSARA_API_TOKEN=samsara_api_${fake('alnum', 30, 4511)}`, `pasted the new token by hand: \`samsara_api_${fake('alnum', 30, 4512)}\``],
    noMatch: ['samsara_api_token_url', `samsara_api_${'x'.repeat(30)}`, 'samsara_api_client_version_for_fleet_sync'],
  }, { category: 'TOKEN', minEntropy: 3.5, lead: '(?<![A-Za-z0-9_])', tail: '(?![A-Za-z0-9_])', validate: (s) => notPlaceholder(s) && mixesClasses(s.slice('samsara_api_'.length), 2) }),
  tokenRule('trigger-dev-secret-key', 'Trigger.dev secret key of an environment (tr_dev_/tr_stg_/tr_prod_ + 20) or personal access token (tr_pat_ + 40)', 'tr_(?:dev|stg|prod|preview|pat)_', '[A-Za-z0-9]{20,40}', {
    match: [`TRIGGER_SECRET_KEY=tr_prod_${fake('alnum', 20, 4501)}`, `Authorization: "Bearer " + "tr_dev_${fake('alnum', 20, 4502)}"`, `tr_pat_${fake('alnum', 40, 4503)}`],
    noMatch: ['tr_prod_migration_step', `str_prod_${fake('alnum', 20, 4504)}`, `tr_prod_${'a'.repeat(20)}`],
  }, { keywords: ['tr_dev_', 'tr_stg_', 'tr_prod_', 'tr_preview_', 'tr_pat_'], minEntropy: 3, validate: (s) => notPlaceholder(s) && mixesClasses(s.slice(s.indexOf('_', 3) + 1), 2) }),
  // Loops' API keys are 32 hex characters: read next to a Loops key name, or as the argument its SDK's client is built on.
  contextRule('loops-api-key', 'Loops API key (32 hex) next to a Loops key name', ['loops'], HEX(32), {
    match: [`LOOPS_API_KEY=${fake('hex', 32, 4505)}`],
    noMatch: [`LOOPS_CHECKSUM=${fake('hex', 32, 4506)}`, 'LOOPS_API_KEY=changeme'],
  }, { nameTail: 'key|token', minEntropy: 3 }),
  {
    id: 'loops-client-key',
    category: 'KEY',
    description: "Loops API key (32 hex) passed to the SDK's client (`new LoopsClient(\"…\")`)",
    keywords: ['loopsclient'],
    startsAtKeyword: true,
    pattern: /LoopsClient\([ \t]{0,4}["'`]([a-f0-9]{32})["'`]/,
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`export const loops = new LoopsClient("${fake('hex', 32, 4507)}");`],
      noMatch: ['new LoopsClient(process.env.LOOPS_API_KEY!)', `new LoopsClient("${'0'.repeat(32)}")`],
    },
  },
  // Inngest's event key: 64 random bytes in base64url (86 characters), under an event key's name in a text that names Inngest
  // (`INNGEST_EVENT_KEY=…`, `new Inngest({ id, eventKey: "…" })`). Its signing key (signkey-…) has a rule of its own.
  {
    id: 'inngest-event-key',
    category: 'KEY',
    description: 'Inngest event key (86 base64url characters) under an event key name, in a text that names Inngest',
    keywords: ['inngest'],
    pattern: /(?<![A-Za-z0-9])[eE][vV][eE][nN][tT][_-]?[kK][eE][yY]["'`]?[ \t]{0,4}[:=][ \t]{0,4}["'`]?([A-Za-z0-9_-]{86})(?![A-Za-z0-9_-])/,
    secretGroup: 1,
    minEntropy: 4,
    validate: (s) => notPlaceholder(s) && mixesClasses(s, 3),
    confidence: 'high',
    examples: {
      match: [`import { Inngest } from "inngest";\nexport const inngest = new Inngest({\n  id: "shop",\n  eventKey: "${fake('b64url', 86, 4508)}",\n});`, `INNGEST_EVENT_KEY=${fake('b64url', 86, 4509)}`],
      noMatch: [`const eventKey = "${fake('b64url', 86, 4510)}"; // no provider named`, 'inngest: { eventKey: process.env.INNGEST_EVENT_KEY }'],
    },
  },
  // The Things Stack (The Things Network's LoRaWAN server) writes an API key as `NNSXS.<key id>.<secret>`: 39 then 52
  // characters of upper-case base32. The prefix is the product's own, so the key is taken wherever it stands (a .tfvars
  // value, a firmware build flag, a bare line in onboarding notes). Lengths are given a little play: hand-written copies
  // (and some docs) drop or add a character, and digits outside base32 appear in pasted copies.
  tokenRule('things-stack-api-key', 'The Things Stack / The Things Network API key (NNSXS.<id>.<secret>, upper-case base32)', 'NNSXS\\.', '[A-Z0-9]{36,42}\\.[A-Z0-9]{48,56}', {
    match: [
      `  NNSXS.${fake('base32', 39, 4511)}.${fake('base32', 52, 4512)}`,
      `ttn_api_key = "NNSXS.${fake('uppernum', 39, 4513)}.${fake('uppernum', 52, 4514)}"`,
    ],
    noMatch: ['NNSXS.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'TTN_API_KEY=NNSXS.', `NNSXS.${fake('uppernum', 39, 4515)}`],
  }, { minEntropy: 3 }),
  // Postmark's server and account tokens are UUIDs: read as the argument of the SDK's clients in a text that names Postmark
  // (`import { ServerClient } from "postmark"` … `new ServerClient("…")`), as a UUID is nothing on its own.
  {
    id: 'postmark-client-token',
    category: 'TOKEN',
    description: "Postmark server or account token (a UUID) passed to its SDK's ServerClient or AccountClient, in a text that names Postmark",
    keywords: ['postmark'],
    pattern: new RegExp(`\\bnew[ \\t]{1,4}(?:postmark\\.)?(?:Server|Account)Client\\([ \\t]{0,4}["'\`](${UUID})["'\`]`),
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: {
      match: [`import { ServerClient } from "postmark";\nconst client = new ServerClient("${'4c1f2e9a-7b3d-4e8f-a9c2-5d6e7f8a9b0c'}");`],
      noMatch: [`import { ServerClient } from "@acme/rpc";\nconst client = new ServerClient("4c1f2e9a-7b3d-4e8f-a9c2-5d6e7f8a9b0c");`, 'import { AccountClient } from "postmark";\nnew AccountClient(process.env.POSTMARK_ACCOUNT_TOKEN!)'],
    },
  },
];
