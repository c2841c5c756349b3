import { codeAt, isBlankCode, isQuoteCode, isUpperCode, isWordCode, skipBlanksBack, skipBlanksForward } from '../char-codes.js';
import { shannonEntropy } from '../entropy.js';
import { classifyKey, splitWords } from '../key-name.js';
import { lastIndexOfAbove, lineAround } from '../line-index.js';
import { UUID, characterSwitches, isPlaceholder, isPlausiblePassword, isPlausibleSecret } from '../secret-value.js';
import type { Category, DetectOptions, Rule, RuleContext, Span } from '../types.js';

/**
 * Secrets passed to a call by position, with no name beside them: what says "secret" is
 * the call itself or the argument next to it. An AWS secret key given right after its
 * access key id (`new BasicAWSCredentials("AKIA…", "…")`), an API key given as the first
 * argument of a provider SDK's client constructor (`cohere.Client("…")`).
 */

/**
 * An access key id literal, then the next literal argument: 40 characters of base64, the
 * secret key. Or the second argument of a credentials constructor whose first is a variable.
 * S3-compatible stores take the same pair through the same SDK calls: a DigitalOcean Spaces
 * key id (`DO00` + 16) comes with a 43-character secret. Notes give the pair as two code spans
 * joined by a slash (`` `AKIA…` / `…` ``), the way they give a user and a password.
 */
const AWS_KEY_PAIR =
  /(?:(?:AKIA|ASIA|DO00)[A-Z0-9]{16}["'`]|(?:BasicAWSCredentials|BasicSessionCredentials|AwsBasicCredentials\.create|AwsSessionCredentials\.create|NewStaticCredentials(?:Provider)?|AWS\.Credentials|StaticCredentialsProvider)[ \t]{0,4}\([ \t]{0,4}[\w$.]{1,80}(?:\(\))?)[ \t]{0,4}(?:,|(?<=`[ \t]{0,4})\/)[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:[\w]{1,40}[ \t]{0,4}=[ \t]{0,4})?["'`](?<v>[A-Za-z0-9/+]{40}(?:[A-Za-z0-9/+]{3})?)["'`]/;

/**
 * An access key id and its secret written bare side by side, as notes, chat and files made for tools hand them over: a
 * spaced slash or a table's pipe between them (`AKIA… / …`), s3fs's password file's colon (`AKIA…:…`), the IAM console's
 * credentials CSV's comma (`…,AKIA…,…,https://…`), or blanks. The secret is 40 base64 characters that end there (a path
 * after a slash goes on). Quoted, the pair is `AWS_KEY_PAIR`'s.
 */
const AWS_KEY_PAIR_BARE = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?:[ \t]{0,4}[\/|,:][ \t]{0,4}|[ \t]{1,4})(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/;

/**
 * Temporary credentials: an STS access key id (`ASIA…`, never a long-term `AKIA…`), its secret key, then a third literal,
 * the session token that only temporary credentials have (`Aws::Credentials.new('ASIA…', '…', '…')`,
 * `new BasicSessionCredentials("ASIA…", "…", "…")`, Go's `NewStaticCredentials("ASIA…", "…", "…")`).
 */
const AWS_SESSION_TRIPLE =
  /ASIA[A-Z0-9]{16}["'`][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'`][A-Za-z0-9/+]{40}["'`][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'`](?<v>[A-Za-z0-9/+]{40,2000}={0,2})["'`]/;

/**
 * The same pair for the clouds whose key ids say whose they are: a Tencent Cloud SecretId
 * (`AKID` + 32) then its 32-character SecretKey (`common.NewCredential("AKID…", "…")`,
 * `credential.Credential("AKID…", "…")`), an Alibaba AccessKey ID (`LTAI…`) then its
 * 30-character secret (`NewClientWithAccessKey(region, "LTAI…", "…")`). The next literal
 * argument after the id is the secret, whatever the call is named.
 */
const CLOUD_KEY_PAIR =
  /(?:AKID[A-Za-z0-9]{32}|LTAI[A-Za-z0-9]{12,20})["'`][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'`](?<v>[A-Za-z0-9]{30,32})["'`]/;

/**
 * Client constructors of provider SDKs whose first positional argument is the API key
 * (Python, JS, Ruby, Go): `cohere.Client("…")`, `anthropic.Anthropic("…")`,
 * `OpenAI("…")`, `Groq("…")`, `new Replicate("…")`, and lookup APIs' (`shodan.Shodan("…")`, `PyHunter("…")`). The argument must be one literal
 * with the randomness of a generated key; a variable or a placeholder is no secret.
 */
const SDK_NAMES = [
  'cohere\\.(?:Async)?Client(?:V2)?',
  'CohereClient(?:V2)?',
  'anthropic\\.(?:Async)?Anthropic',
  'openai\\.(?:Async)?OpenAI',
  '(?:Async)?OpenAI',
  '(?:Async)?Anthropic',
  'groq\\.(?:Async)?Groq',
  '(?:Async)?Groq',
  'Mistral(?:Client)?',
  'Together',
  'Replicate',
  'replicate\\.Client',
  'Pinecone',
  'voyageai\\.Client',
  'Fireworks',
  'ElevenLabs',
  'AssemblyAI',
  'Deepgram(?:Client)?',
  // Go clients: `openai.NewClient("…")`.
  '(?:openai|cohere|groq|mistral|anthropic|together)\\.NewClient',
  // Threat-intelligence and lookup APIs whose Python clients take the key alone: Shodan's `shodan.Shodan("…")`,
  // Hunter.io's `PyHunter("…")`, VirusTotal's `vt.Client("…")`, AlienVault OTX's `OTXv2("…")`.
  'shodan\\.Shodan',
  'PyHunter',
  'vt\\.Client',
  'OTXv2',
];
const SDK_CLIENT = new RegExp(
  `(?<![\\w.])(?:new[ \\t]{1,4})?(?:${SDK_NAMES.join('|')})[ \\t]{0,4}\\([ \\t]{0,4}` +
    // The quotes may be escaped: a notebook keeps its code cells as JSON strings.
    `\\\\?["'](?<v>[A-Za-z0-9_\\-.+/=:]{32,200})\\\\?["'][ \\t]{0,4}[,)]`,
);

/**
 * A module of one of those SDKs imported or required (`from cohere import Client`), so a bare `Client("…")` is its client;
 * Deepgram's JavaScript SDK (`import { createClient } from '@deepgram/sdk'`) makes its client with `createClient("…")`.
 */
const SDK_IMPORT = /\b(?:import|from|require\()[ \t]{0,4}["']?@?(?:cohere|anthropic|openai|groq|mistralai|together|replicate|pinecone|voyageai|deepgram)\b/;
const BARE_CLIENT =
  /(?<![\w.])(?:new[ \t]{1,4})?(?:(?:Async)?Client(?:V2)?|createClient)[ \t]{0,4}\([ \t]{0,4}\\?["'](?<v>[A-Za-z0-9_\-.+/=:]{32,200})\\?["'][ \t]{0,4}[,)]/g;
/** Some providers' keys are hex (Deepgram's: 40 digits): judged as hex, which `looksGenerated`'s entropy floor turns down. */
const HEX_KEY = /^[0-9a-f]{32,64}$/;

function findSdkClientKeys(text: string): Span[] {
  const spans: Span[] = [];
  const patterns = [new RegExp(SDK_CLIENT.source, 'g')];
  if (SDK_IMPORT.test(text)) patterns.push(BARE_CLIENT);
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const value = m.groups!['v']!;
      if (value.includes('://')) continue;
      if (!looksGenerated(value) && !(HEX_KEY.test(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true }))) continue;
      const start = m.index + m[0].lastIndexOf(value);
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

/** A literal with the randomness of a generated key, not words joined by punctuation. */
function looksGenerated(value: string): boolean {
  if (isPlaceholder(value)) return false;
  return characterSwitches(value) >= 8 && shannonEntropy(value) >= 4;
}

/** Hex digits of a key's length, in one case. */
const HEX_DIGITS = /^(?:[0-9a-f]{32,128}|[0-9A-F]{32,128})$/;

/** A literal a key is built from: hex digits of a key's length or generated-looking, and a plausible key where it stands. */
function isHexOrGeneratedKey(value: string, file: string | undefined): boolean {
  return (HEX_DIGITS.test(value) || looksGenerated(value)) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file });
}

/** A rule's check of a key given by position: generated-looking, and a plausible key where it stands. */
function isGeneratedKey(value: string, ctx: RuleContext): boolean {
  return looksGenerated(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file: ctx.file });
}

/**
 * An OAuth client's secret given by position: generated-looking, or hex digits, as some providers issue them (GitHub's
 * OAuth apps' 40, Facebook's app secrets' 32), which `looksGenerated`'s entropy floor turns down.
 */
function isClientSecretValue(value: string, ctx: RuleContext): boolean {
  return isGeneratedKey(value, ctx) || (HEX_KEY.test(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file: ctx.file }));
}

/**
 * PayPal's Checkout SDKs build their environment from the app's client id and then its secret:
 * Java `new PayPalEnvironment.Sandbox(clientId, "…")`, Node `new paypal.core.LiveEnvironment(clientId, "…")`,
 * .NET and Python `SandboxEnvironment(clientId, "…")`, PHP `new ProductionEnvironment($clientId, '…')`, and the
 * wrappers apps write around them (`new PayPalClient('<client id>', '…')`). The client id is public (the JS SDK's
 * script URL carries it), so only the second argument is read; the id may be a literal split in pieces and joined
 * (`"AbC…" + "…"`, PHP's `'…' . '…'`), as a line kept short or a scanner dodged writes it: read as the quotes around
 * the argument with no comma between them.
 */
const PAYPAL_ENVIRONMENT =
  /(?:PayPalEnvironment\.(?:Sandbox|Live)|(?:Sandbox|Live|Production)Environment|PayPalClient)[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"[^"\r\n]{0,200}"|"[^,\r\n]{0,300}"|'[^'\r\n]{0,200}'|'[^,\r\n]{0,300}'|[\w$.]{1,80}(?:\(\))?)[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:client_secret[ \t]{0,4}=[ \t]{0,4})?["'](?<v>[\w-]{40,100})["']/;

/**
 * OAuth client constructors that take the client's id first and its secret second: Globus's
 * `ConfidentialAppAuthClient(client_id, "…")`, MSAL's `ConfidentialClientApplication(client_id, "…")`,
 * requests-oauthlib's `OAuth1(key, "…")` / `OAuth1Session(key, "…")`, Tweepy's `OAuthHandler(key, "…")`
 * / `OAuth1UserHandler(key, "…")`, Ruby's oauth2 gem's `OAuth2::Client.new(id, "…", site: …)` and oauth gem's
 * `OAuth::Consumer.new(key, "…", site: …)`. The id is no secret; the second argument, a literal, is.
 */
const OAUTH_CLIENT_SECRET_SECOND =
  /(?<![\w])(?:ConfidentialAppAuthClient|ConfidentialClientApplication|OAuth1(?:Session)?|OAuth1UserHandler|OAuthHandler|OAuth2::Client\.new|OAuth::Consumer\.new)[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|[\w$.]{1,80}(?:\[["'][\w.-]{1,60}["']\]|\(\))?)[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:(?:client_secret|client_credential|consumer_secret)[ \t]{0,4}=[ \t]{0,4})?["'](?<v>[A-Za-z0-9_\-.+/=~]{16,200})["']/;

/**
 * Azure.Identity's `ClientSecretCredential` takes the tenant's id, the app's client id, then the client secret, by position:
 * C# and JS `new ClientSecretCredential(tenantId, clientId, "…")`, Python's `ClientSecretCredential(tenant, client, "…")`,
 * Go's `azidentity.NewClientSecretCredential(tenant, client, "…", nil)`. The two ids are no secret; the third argument,
 * a literal, is.
 */
const ARGUMENT = String.raw`(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|[\w$.]{1,80}(?:\[["'][\w.:-]{1,60}["']\]|\(\))?)`;
const ARGUMENT_GAP = String.raw`[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?`;
const AZURE_CLIENT_SECRET_CREDENTIAL = new RegExp(
  String.raw`ClientSecretCredential[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:tenant_id[ \t]{0,4}=[ \t]{0,4})?${ARGUMENT}${ARGUMENT_GAP}(?:client_id[ \t]{0,4}=[ \t]{0,4})?${ARGUMENT}${ARGUMENT_GAP}` +
    String.raw`(?:client_secret[ \t]{0,4}=[ \t]{0,4})?["'\x60](?<v>[A-Za-z0-9_\-.+/=~]{16,200})["'\x60]`,
);

/**
 * A client built from a credential's id read from the environment and, beside it, a literal: the literal is the id's
 * secret (`NewMuxClient(os.Getenv("MUX_TOKEN_ID"), "…")`, `new Client(process.env.APP_CLIENT_ID, "…")`,
 * `auth=(os.environ["API_KEY_ID"], "…")`, `Twilio::REST::Client.new(ENV["TWILIO_ACCOUNT_SID"], "…")`). Only an
 * environment name that says it is a credential's id (a key's, a token's, a client's, an app's, an account's SID) counts:
 * beside a `PROJECT_ID` or a `TENANT_ID` a literal is as often a name or a record's id. An API key read so counts too
 * (`NewMonitor(os.Getenv("VENDOR_API_KEY"), "…")`): a vendor that gives out a key and a second value to go with it
 * (Datadog's application key, a partner app's client secret) is built from the pair; the literal must still be generated.
 */
const ENV_ID_NAME = String.raw`[A-Z][A-Z0-9_]{0,60}?(?:(?:TOKEN|KEY|CLIENT|APP|API|ACCESS|CONSUMER|ACCOUNT)_?S?ID|API_?KEY)`;
const ENV_ID_THEN_LITERAL = new RegExp(
  String.raw`(?:[Gg]et[Ee]nv[ \t]{0,4}\([ \t]{0,4}["']${ENV_ID_NAME}["'][ \t]{0,4}\)` +
    String.raw`|GetEnvironmentVariable[ \t]{0,4}\([ \t]{0,4}"${ENV_ID_NAME}"[ \t]{0,4}\)` +
    String.raw`|process\.env(?:\.${ENV_ID_NAME}(?![\w$])|\[["'\x60]${ENV_ID_NAME}["'\x60]\])` +
    String.raw`|os\.environ(?:\[["']${ENV_ID_NAME}["']\]|\.get[ \t]{0,4}\([ \t]{0,4}["']${ENV_ID_NAME}["'][ \t]{0,4}\))` +
    String.raw`|ENV(?:\[["']${ENV_ID_NAME}["']\]|\.fetch[ \t]{0,4}\([ \t]{0,4}["']${ENV_ID_NAME}["'][ \t]{0,4}\)))` +
    String.raw`[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'\x60](?<v>[A-Za-z0-9_\-.+/=~]{16,200})["'\x60][ \t]{0,4}[,)\]]`,
);

/**
 * OmniAuth's strategies take the OAuth client's id, then its secret, by position: `provider :github, "…", "…"` in an
 * `OmniAuth::Builder` block, Devise's `config.omniauth :facebook, "…", "…"`. The id is public (every sign-in URL
 * carries it), given as a literal or looked up (`ENV["GITHUB_KEY"]`, `ENV.fetch("GOOGLE_CLIENT_ID", "…")`,
 * `credentials.dig(:github, :id)`); the second argument, a literal or a lookup's literal default, is the secret,
 * whatever its shape (ORCID's client secrets are UUIDs, Facebook's app secrets 32 hex digits).
 */
const OMNIAUTH_FIRST_ARGUMENT = String.raw`(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|[\w.:]{1,80}(?:\([^()\r\n]{0,200}\)|\[[^\[\]\r\n]{0,100}\])?)`;
const OMNIAUTH_GAP = String.raw`[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?`;
const OMNIAUTH_PROVIDER = new RegExp(
  String.raw`(?:provider|omniauth)[ \t]{0,4}\(?[ \t]{0,4}:[A-Za-z_]\w{0,40}${OMNIAUTH_GAP}${OMNIAUTH_FIRST_ARGUMENT}${OMNIAUTH_GAP}` +
    String.raw`(?:ENV\.fetch\([ \t]{0,4}["'][\w.-]{1,80}["'][ \t]{0,4},[ \t]{0,4})?["'](?<v>[^"'\\\r\n]{1,200})["'][ \t]{0,4}(?:\)[ \t]{0,4})?(?:[,)]|\r?\n|$)`,
  'i',
);

/**
 * HTTP Basic authentication with an empty password: APIs that take their secret key as the Basic user (Stripe's, LawPay's,
 * Chargebee's, Recurly's) are called so, the key first and `''` second: Laravel's `Http::withBasicAuth('…', '')`,
 * requests' `auth=('…', '')` and `HTTPBasicAuth('…', '')`, Guzzle's `'auth' => ['…', '']`, Spring's
 * `setBasicAuth("…", "")`. With no password beside it, a generated user is the credential; a login name is not.
 * Read from the `auth` of the call's or the option's name.
 */
const BASIC_AUTH_KEY_AS_USER =
  /auth["']?[ \t]{0,2}(?:\(|=[ \t]{0,2}\(|=>[ \t]{0,2}\[|:[ \t]{0,2}\[)[ \t]{0,4}["'](?<v>[A-Za-z0-9_\-.]{16,128})["'][ \t]{0,4},[ \t]{0,4}(?:""|'')[ \t]{0,4}[)\]]/iy;

/**
 * Algolia's clients are built from the application's id (ten capitals and digits) and then an API key (32 hex digits):
 * `algoliasearch("…", "…")`, Ruby's `Algolia::Search::Client.create("…", "…")`, Python's and PHP's
 * `SearchClient.create("…", "…")` / `SearchClient::create(…)`, Java's `DefaultSearchClient.create(…)`, Go's
 * `search.NewClient(…)`, the older Java, Android and .NET clients' `new AlgoliaClient("…", "…")` (CommonJS calls the
 * module itself: `require('algoliasearch')("…", "…")`). Servers build it with the admin key, to index; front ends with a
 * search-only key, public by design. A name or a comment that calls the key search-only is no proof (an admin key looks
 * the same, and is pasted where the search key was meant), so a key is left only where the code itself can do nothing
 * but search: a lite client, or a page or component's file that a browser loads.
 */
const ALGOLIA_CLIENT =
  /(?<![\w$])(?<callee>algoliasearch|liteClient|AlgoliaClient|(?:[\w$]{1,40}(?:\.|::))?(?:create|Create|NewClient))(?:["']\))?[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'][A-Z0-9]{10}["'][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'](?<v>[a-f0-9]{32})["']/g;
/** Files that a browser loads or renders. */
const PAGE_FILE = /\.(?:vue|svelte|astro|html?|[jt]sx)$/i;

/** The names and separators (`Algolia::Search::`) right before `at`, at most 60 characters of them. */
function chainBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 60 && /[\w$.:]/.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}

/**
 * An Algolia client built from a name that says admin (`algoliasearch(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_ADMIN_KEY)`,
 * `SearchClient.create(APP_ID, adminKey)`): the code keeps its admin key there.
 */
const ADMIN_NAMED_CLIENT =
  /(?<![\w$])(?:algoliasearch|AlgoliaClient|[\w$]{1,40}(?:\.|::)(?:create|Create|NewClient))[ \t]{0,4}\([ \t]{0,4}[^(),\r\n]{1,80},[ \t]{0,4}(?:process\.env\.|ENV\[["']|os\.environ\[["']|(?:os\.)?getenv\(["'])?[\w$.]{0,40}admin/i;
/** What the client built from a literal is assigned to (`const admin = `, `@indexer ||= `), read back from the call's chain. */
const CLIENT_HOLDER = /([A-Za-z_$@][\w$]{0,60})[ \t]{0,4}(?:\|\|)?=[ \t]{0,4}(?:new[ \t]{1,4})?$/;
/** Words of a holder's name that say the client writes: its key is the admin key whatever else the code holds. */
const WRITING_CLIENT_WORDS = new Set(['admin', 'write', 'writer', 'indexer', 'indexing', 'sync']);

/** Whether the client built at `at` is assigned to a name that says it writes (`const admin = algoliasearch("…", "…")`). */
function isHeldAsWritingClient(text: string, at: number): boolean {
  // The call's chain (`Algolia::Search::`) stands between the holder and the callee.
  const callStart = at - chainBefore(text, at).length;
  const holder = CLIENT_HOLDER.exec(text.slice(Math.max(0, callStart - 80), callStart))?.[1];
  return holder !== undefined && splitWords(holder).some((w) => WRITING_CLIENT_WORDS.has(w));
}

function findAlgoliaAdminKeys(text: string, options: DetectOptions): Span[] {
  if (options.file !== undefined && PAGE_FILE.test(options.file)) return [];
  const lite = /algoliasearch\/lite|liteClient/.test(text);
  // Searched for once, and only when a client call is found: most files that say `algolia` build none.
  let adminNamedFound: boolean | undefined;
  const adminNamed = (): boolean => (adminNamedFound ??= ADMIN_NAMED_CLIENT.test(text));
  const spans: Span[] = [];
  for (const m of text.matchAll(ALGOLIA_CLIENT)) {
    const callee = m.groups!['callee']!;
    // A lite client can only search, unless its holder is named for writing: then the admin key was pasted into it
    // (`// const admin = algoliasearch("…", "…")` left in a page's search module). Likewise the search client beside an
    // admin client: when the text builds another client from a name that says admin, the admin key is that name's, and
    // the literal is the other key, the search-only one, unless its own holder's name says it writes.
    const searchOnly = callee === 'liteClient' || (callee === 'algoliasearch' && lite);
    if ((searchOnly || adminNamed()) && !isHeldAsWritingClient(text, m.index)) continue;
    // Any `create`/`NewClient` call must be Algolia's: its module or class named in the chain it is called on
    // (`Algolia::Search::Client.create`, `SearchClient.create`, `search.NewClient`).
    if (callee !== 'algoliasearch' && !/algolia|search/i.test(callee + chainBefore(text, m.index))) continue;
    const value = m.groups!['v']!;
    if (isPlaceholder(value) || shannonEntropy(value) < 3) continue;
    const start = m.index + m[0].length - 1 - value.length;
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** One argument of a T-SQL procedure call: a (Unicode) string literal, NULL, a variable or a word. */
const TSQL_ARG = "(?:[nN]?'[^'\\r\\n]{0,128}'|NULL|[\\w@]{1,64})[ \\t]{0,4},[ \\t]{0,4}";
/** `sp_addlinkedsrvlogin 'srv', 'false', NULL, 'user', 'password'`: the fifth argument is the remote password. */
const LINKED_SERVER_LOGIN = new RegExp(`\\bsp_addlinkedsrvlogin[ \\t]{1,4}${TSQL_ARG}${TSQL_ARG}${TSQL_ARG}${TSQL_ARG}[nN]?'(?<v>[^'\\r\\n]{1,128})'`, 'gi');

/** One positional argument of a Python call: a string literal or a plain expression. */
const PY_ARG = `(?:"[^"\\r\\n]{0,200}"|'[^'\\r\\n]{0,200}'|[\\w.$]{1,100})[ \\t]{0,4},[ \\t]{0,4}`;
const PY_PASSWORD = `(?:"(?<v>[^"\\r\\n]{1,200})"|'(?<v2>[^'\\r\\n]{1,200})')[ \\t]{0,4}[,)]`;
/**
 * Python database drivers called positionally: MySQLdb / PyMySQL / pymssql take
 * `(host, user, password, db)`, cx_Oracle / python-oracledb `(user, password, dsn)`.
 */
const PY_DB_CONNECT = new RegExp(
  `\\b(?:(?:MySQLdb|pymysql|pymssql|_mssql)\\.connect[ \\t]{0,4}\\([ \\t]{0,4}${PY_ARG}${PY_ARG}|(?:cx_Oracle|oracledb)\\.connect[ \\t]{0,4}\\([ \\t]{0,4}${PY_ARG})${PY_PASSWORD}`,
  'g',
);

/**
 * The second argument of a Twilio client is its secret: after an account SID (`AC…`) it is
 * the auth token, after an API key SID (`SK…`) the key's secret, and the Node helper
 * `twilio(accountSid, "…")` / `new Twilio(sid, "…")`, the Java/Kotlin SDK's `Twilio.init(sid, "…")` and .NET's
 * `TwilioClient.Init(sid, "…")` take the token second whatever the first is, even a lookup (`System.getenv("…")`).
 * Python's `Client(…)` (from `twilio.rest`) takes it second after an SID held elsewhere: a name that ends in `sid`
 * (`Client(account_sid, "…")`, `Client(SUBACCOUNT_SID, "…")`) or a lookup of one (`Client(os.environ["TWILIO_ACCOUNT_SID"], "…")`).
 * The place says what it is, so its length is not held to Twilio's 32: a key secret pasted
 * short or long is still the secret (entropy and the stand-in test judge it). An SID joined from its
 * prefix and hex (PHP's `'AC' . '…'`, JavaScript's `'AC' + '…'`) is still the SID.
 */
const TWILIO_PAIR =
  /(?:\b(?:AC|SK)(?:["'][ \t]{0,4}[.+][ \t]{0,4}["'])?[a-f0-9]{32}["'`]|(?<![\w.$])(?:new[ \t]{1,4})?(?:[Tt]wilio|Twilio\.init|TwilioClient\.Init)[ \t]{0,4}\([ \t]{0,4}[\w$.]{1,80}(?:\((?:[ \t]{0,4}["'][\w.\-]{1,60}["'][ \t]{0,4})?\))?|(?<![\w.$])Client[ \t]{0,4}\([ \t]{0,4}(?:[\w$.]{0,60}(?:SID|[Ss]id)|[\w$.]{1,40}(?:\[|\([ \t]{0,4})["'][\w.\-]{0,60}(?:SID|[Ss]id)["'](?:\]|[ \t]{0,4}\))))[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'`](?<v>[A-Za-z0-9]{16,64})["'`]/;

/**
 * A Go byte-slice literal handed straight to a call that takes a signing or HMAC key:
 * `NewSigner([]byte("…"))`, `jwt.NewHS256([]byte("…"))`, `token.SignedString([]byte("…"))`,
 * `hmac.New(sha256.New, []byte("…"))`. Read at each `[]byte(`: the literal after it, then
 * the call it is an argument of, on the same line before it (first or later argument).
 */
const GO_BYTE_LITERAL = /\[\]byte\([ \t]{0,4}(?:"(?<dq>(?:[^"\\\r\n]|\\[^\r\n]){1,200})"|`(?<bq>[^`\r\n]{1,200})`)[ \t]{0,4}\)/y;
const CALL_BEFORE_ARGUMENT = /(?<![\w.])(?<call>[A-Za-z_][\w]{0,60}(?:\.[A-Za-z_]\w{0,60}){0,3})[ \t]{0,4}\((?:[^()\r\n]{0,80}(?:\(\))?,[ \t]{0,4})?$/;
/** Calls whose byte-slice argument is a key: signer and key constructors, HMAC, jwt-go's `SignedString`. */
const KEY_TAKING_CALL = /(?:Signer|SigningKey|Key|Secret|HS(?:256|384|512)|Hmac|HMAC)$|(?:^|\.)(?:SignedString|hmac\.New)$/;

function findSigningKeyBytes(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    GO_BYTE_LITERAL.lastIndex = offset;
    const m = GO_BYTE_LITERAL.exec(text);
    if (m === null) continue;
    const lineStart = lineAround(text, offset, 200).start; // the line's start, or 200 back
    const call = CALL_BEFORE_ARGUMENT.exec(text.slice(lineStart, offset))?.groups?.['call'];
    if (call === undefined || !KEY_TAKING_CALL.test(call) || /public|verif/i.test(call)) continue;
    const value = m.groups!['dq'] ?? m.groups!['bq']!;
    if (!isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const start = m.index + m[0].indexOf(value, 7);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * .NET builds a signing or HMAC key from a literal's bytes: ASP.NET's JWT bearer
 * `IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))`, `new HMACSHA256(Encoding.ASCII.GetBytes("…"))`.
 * The literal is the key. Read at each `.GetBytes(`: the literal after it, then the encoding and the key's constructor
 * right before it; the literal must look generated (or be hex digits of a key's length), so a sample phrase stays out.
 */
const DOTNET_BYTES_LITERAL = /\.GetBytes\([ \t]{0,4}"(?<v>[^"\\\r\n]{16,200})"[ \t]{0,4}\)/y;
// The constructor is named (`new SymmetricSecurityKey(`), or C# 9's target-typed `new(` takes its type from the
// declaration on its left (`static readonly SymmetricSecurityKey SigningKey =\n    new(Encoding.UTF8.GetBytes("…"))`).
const KEY_FROM_ENCODED_BYTES =
  /(?:new[ \t]{1,4}(?:[A-Za-z_]\w{0,40}\.){0,4}(?:SymmetricSecurityKey|HMAC(?:SHA(?:1|256|384|512)|MD5))|(?:SymmetricSecurityKey|HMAC(?:SHA(?:1|256|384|512)|MD5))[ \t]{1,4}[A-Za-z_]\w{0,60}[ \t]{0,4}=[ \t]{0,4}(?:\r?\n[ \t]{0,40})?new)[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:System\.)?(?:Text\.)?Encoding\.(?:UTF8|ASCII|Unicode|Default)$/;
/** How far before `.GetBytes(` the constructor and the encoding are read. */
const ENCODED_BYTES_REACH = 160;

function findDotnetKeyBytes(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    DOTNET_BYTES_LITERAL.lastIndex = offset;
    const m = DOTNET_BYTES_LITERAL.exec(text);
    if (m === null) continue;
    if (!KEY_FROM_ENCODED_BYTES.test(text.slice(Math.max(0, offset - ENCODED_BYTES_REACH), offset))) continue;
    const value = m.groups!['v']!;
    if (!isHexOrGeneratedKey(value, options.file)) continue;
    const start = m.index + m[0].indexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * `sed -i "s/xxx/…/g" /etc/agent.cfg`: a set-up script writing a secret into a config file over the
 * placeholder the file ships with (Buildkite's agent token over `xxx`, a token over `__TOKEN__` or
 * `<your-token>`). The replacement is the secret when what it replaces is a placeholder and it has
 * the randomness of a generated key. Delimited by `/`, `|` or `#`.
 */
const SED_SUBSTITUTION =
  /sed[ \t]{1,4}(?:-[A-Za-z]{1,4}[ \t]{1,4})?(?:-[A-Za-z]{1,4}[ \t]{1,4})?["']?s(?:\/(?<f1>[^/\r\n"']{1,80})\/(?<v1>[^/\r\n"'\\&$]{8,200})\/|\|(?<f2>[^|\r\n"']{1,80})\|(?<v2>[^|\r\n"'\\&$]{8,200})\||#(?<f3>[^#\r\n"']{1,80})#(?<v3>[^#\r\n"'\\&$]{8,200})#)/y;
/** What a config file ships where its secret goes: `xxx`, `<token>`, `{{TOKEN}}`, `@TOKEN@`, `changeme`, … */
const SHIPPED_PLACEHOLDER = /^(?:x{3,40}|X{3,40}|<[^<>]{1,60}>|\{\{[^{}]{1,60}\}\}|@[A-Za-z_]{1,40}@|%[A-Za-z_]{1,40}%|change_?me|replace_?me|placeholder)$/i;
/** An upper-case name that says secret (`TOKEN`, `__AGENT_TOKEN__`, `API_KEY`), put in a template to be replaced. */
const SECRET_NAME_PLACEHOLDER = /^_{0,2}[A-Z][A-Z0-9_]{0,40}$/;

function findSedSecrets(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    SED_SUBSTITUTION.lastIndex = offset;
    const m = SED_SUBSTITUTION.exec(text);
    if (m === null) continue;
    const g = m.groups!;
    const from = g['f1'] ?? g['f2'] ?? g['f3']!;
    const value = g['v1'] ?? g['v2'] ?? g['v3']!;
    const placeholder = SHIPPED_PLACEHOLDER.test(from) || (SECRET_NAME_PLACEHOLDER.test(from) && /TOKEN|SECRET|PASS|PWD|KEY/.test(from));
    if (!placeholder || !looksGenerated(value)) continue;
    const end = m.index + m[0].length - 1;
    spans.push({ start: end - value.length, end });
  }
  return spans;
}

/**
 * A mail relay written as one tuple or list: a mail host's name, a submission port, the account, the password
 * (`("smtp.eu.mailgun.org", 587, "postmaster@…", "…")`, `['mail.example.lan', 25, 'relay', '…']`), as scripts
 * keep one entry per relay. The port between them says what the last item is: an SMTP login's password.
 */
const SMTP_RELAY_TUPLE =
  /[([{][ \t]{0,4}["'](?:smtp|mail|relay|mx|email-smtp)[\w.-]{0,100}["'][ \t]{0,4},[ \t]{0,4}(?:25|465|587|2525)[ \t]{0,4},[ \t]{0,4}["'](?<user>[^"'\s]{1,100})["'][ \t]{0,4},[ \t]{0,4}["'](?<v>[^"'\r\n]{4,128})["'][ \t]{0,4}[)\]}]/g;

/** A UUID: Postmark's SMTP login is a server token of this shape, as user and as password. */
const UUID_VALUE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The tuple read from its opening bracket, which the search below finds from the host's keyword. */
const SMTP_RELAY_TUPLE_AT = new RegExp(SMTP_RELAY_TUPLE.source, 'y');

/**
 * The opening bracket of a tuple whose first item is the quoted host that starts at `at` (a keyword's
 * offset; `email-smtp` is found by its `mail`), or -1. Read backwards from the keyword so the tuple's
 * pattern runs only where a mail host opens one: run over the whole text it tried every bracket.
 */
function tupleStartBefore(text: string, at: number): number {
  let quote = at - 1;
  if (codeAt(text, quote) === 0x65 /* e of email-smtp */) quote--;
  const q = codeAt(text, quote);
  if (q !== 0x22 /* " */ && q !== 0x27 /* ' */) return -1;
  let bracket = quote - 1;
  for (let spaces = 0; spaces < 4 && (text[bracket] === ' ' || text[bracket] === '\t'); spaces++) bracket--;
  return bracket >= 0 && '([{'.includes(text[bracket]!) ? bracket : -1;
}

function findSmtpRelayTuples(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    if (offset < readTo) continue;
    const start = tupleStartBefore(text, offset);
    if (start < 0) continue;
    SMTP_RELAY_TUPLE_AT.lastIndex = start;
    const m = SMTP_RELAY_TUPLE_AT.exec(text);
    if (m === null) continue;
    readTo = m.index + m[0].length;
    const user = m.groups!['user']!;
    const value = m.groups!['v']!;
    const valueStart = m.index + m[0].lastIndexOf(value);
    // Services that log in with a token take it as the user too (Postmark's server token): a user that is a UUID is one.
    if (UUID_VALUE.test(user) && !isPlaceholder(user)) {
      const userStart = m.index + m[0].lastIndexOf(user, valueStart - m.index - 2);
      spans.push({ start: userStart, end: userStart + user.length, category: 'TOKEN' });
    }
    if (!isPlausiblePassword(value, options.file)) continue;
    spans.push({ start: valueStart, end: valueStart + value.length });
  }
  return spans;
}

/**
 * A Python function defined with a parameter named for a secret (`def create_ds(name, url, user, password):`), and the
 * literals passed at that parameter's position by the calls of the same file (`create_ds('DS', 'jdbc:…', 'app', '…')`):
 * WLST and other admin scripts wrap their setup in such helpers and call them with each account's password. A class's
 * `__init__` is called by the class's name: an API client built with its credentials by position
 * (`def __init__(self, client_id, client_secret):` … `AcmeClient("app-id", "…")`, often in the class's own docstring).
 */
const PY_DEF = /def[ \t]{1,4}(?<fn>[A-Za-z_]\w{0,60})[ \t]{0,4}\((?<params>[^()\r\n]{0,400})\)[ \t]{0,4}(?:->[^:\r\n]{0,80})?:/y;
/** One argument of a call: a literal, or a name, a member chain or a call of one, then the comma or the closing parenthesis. */
const CALL_ARGUMENT = /[ \t]{0,8}(?:\\?\r?\n[ \t]{0,60})?(?:'(?<sq>[^'\r\n\\]{0,200})'|"(?<dq>[^"\r\n\\]{0,200})"|[\w.]{1,80}(?:\([^()\r\n]{0,200}\))?)[ \t]{0,8}(?<end>[,)])/y;

/** What a secret parameter's name holds (`password`, `db_pwd`, `passwd`, `pw`, `client_secret`, `api_key`, `token`). */
const SECRET_SPELLING = /pass|pw|psw|secret|token|key/i;
const SELF_OR_CLS: ReadonlySet<string> = new Set(['self', 'cls']);
/** A call's name and its opening parenthesis. */
const CALL_OPENING = /(?<![\w.])([A-Za-z_]\w{0,60})\(/g;
/** A class statement's keyword and name. */
const CLASS_STATEMENT = /class[ \t]{1,4}([A-Za-z_]\w{0,60})/y;
/** How far above an `__init__` its class statement is looked for. */
const CLASS_LOOK_BACK = 4000;

/** The name of the class whose `__init__` is defined on the line at `lineStart`, indented `indent` deep: the nearest class statement above it that is indented less. */
function classOfInit(text: string, lineStart: number, indent: number): string | undefined {
  const floor = Math.max(0, lineStart - CLASS_LOOK_BACK);
  // Each search stops at the look-back's floor: a text with no class above its `__init__`s is not read back to its start at each.
  for (let at = lastIndexOfAbove(text, 'class', lineStart - 1, floor); at !== -1; at = at === 0 ? -1 : lastIndexOfAbove(text, 'class', at - 1, floor)) {
    let i = at;
    while (i > floor && at - i < indent && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
    if (at - i >= indent || (i > 0 && text[i - 1] !== '\n')) continue;
    CLASS_STATEMENT.lastIndex = at;
    const m = CLASS_STATEMENT.exec(text);
    if (m !== null) return m[1];
  }
  return undefined;
}

interface SecretParameter {
  index: number;
  category: Category;
}

function findPythonHelperSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  // The helpers defined, each with the positions of its secret parameters and where its definition's name stands.
  const helpers = new Map<string, { params: SecretParameter[]; at: number }>();
  for (const at of offsets) {
    if (at > 0 && /[\w.]/.test(text[at - 1]!)) continue;
    PY_DEF.lastIndex = at;
    const m = PY_DEF.exec(text);
    if (m === null) continue;
    // Only a parameter list that spells a secret is read word by word.
    if (!SECRET_SPELLING.test(m.groups!['params']!)) continue;
    // Trimmed in place, not by `map`: TurboFan's own `map` makes a holey array where the interpreter's is packed,
    // and the array of the other kind deoptimized the compiled finder at its first read.
    const params = m.groups!['params']!.split(',');
    for (let i = 0; i < params.length; i++) params[i] = params[i]!.trim().replace(/[:=][^]*$/, '').trim();
    let fn = m.groups!['fn']!;
    // Compared once for every definition, so that the comparison meets all kinds of names before TurboFan compiles
    // this: compared only after `self`, the names it had seen were all interned strings, and the first other deoptimized it.
    const isInit = fn === '__init__';
    // A method is called on its object (`client.login(…)`), which no call below is read as; a class's `__init__` by the class's name.
    // A set, not `===`: the first lists began with a one-character or empty name (strings V8 keeps interned), so the
    // compiled comparison expected interned strings, and the first `self` (a substring) deoptimized the finder.
    if (SELF_OR_CLS.has(params[0]!)) {
      if (!isInit) continue;
      params.shift();
    }
    const secrets: SecretParameter[] = [];
    params.forEach((p, index) => {
      const key = /^[A-Za-z_]\w*$/.test(p) ? classifyKey(p) : undefined;
      if (key !== undefined && !key.weak) secrets.push({ index, category: key.category });
    });
    if (secrets.length === 0) continue;
    if (isInit) {
      let lineStart = at;
      while (lineStart > 0 && at - lineStart < 40 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
      const owner = lineStart === 0 || text[lineStart - 1] === '\n' ? classOfInit(text, lineStart, at - lineStart) : undefined;
      if (owner === undefined) continue;
      fn = owner;
    }
    helpers.set(fn, { params: secrets, at: at + m[0].indexOf(m.groups!['fn']!) });
  }
  if (helpers.size === 0) return [];
  const spans: Span[] = [];
  const file = options.file === undefined ? {} : { file: options.file };
  // One pass over the calls of the text (not one search per helper: a file may define thousands).
  for (const c of text.matchAll(CALL_OPENING)) {
    const helper = helpers.get(c[1]!);
    if (helper === undefined || c.index === helper.at) continue;
    const last = helper.params[helper.params.length - 1]!.index;
    let pos = c.index + c[0].length;
    for (let i = 0; i <= last; i++) {
      CALL_ARGUMENT.lastIndex = pos;
      const a = CALL_ARGUMENT.exec(text);
      if (a === null) break;
      const value = a.groups!['sq'] ?? a.groups!['dq'];
      const param = helper.params.find((p) => p.index === i);
      if (param !== undefined && value !== undefined && isPlausibleSecret(value, { category: param.category, quoted: true, ...file })) {
        const start = pos + a[0].lastIndexOf(value + (a.groups!['sq'] !== undefined ? "'" : '"'));
        spans.push({ start, end: start + value.length, category: param.category });
      }
      if (a.groups!['end'] === ')') break;
      pos += a[0].length;
    }
  }
  return spans;
}

/**
 * A type declared by its fields, in a line of code: a Kotlin `data class`, a Scala `case class`, a Java or C# `record`
 * (`data class Partner(val host: String, val user: String, val password: String)`, `record Login(String user, String
 * password)`). Such types are built by position, often from literals in a table of them (`listOf(Partner("sftp.acme.com",
 * "edi", "…"), …)`), and the declaration names what stands at each place. Read at each keyword; `params` is the fields.
 */
const DATA_TYPE_DECLARATION =
  /(?:data[ \t]{1,4}class|case[ \t]{1,4}class|record)[ \t]{1,4}(?<name>[A-Z]\w{0,60})[ \t]{0,4}(?:<[^<>()\r\n]{0,100}>[ \t]{0,4})?\((?<params>[^()]{0,600})\)/y;
/** How many data types of one text are read for secret fields, and how many of its calls are tried. */
const DATA_TYPES_READ = 16;
const DATA_TYPE_CALLS_READ = 500;

/** The fields of a declaration as its parameters (`val password: String`, `String password`), or undefined where one is not read. */
function declaredFields(raw: string): DeclaredParameter[] | undefined {
  const fields: DeclaredParameter[] = [];
  for (const part of raw.trim() === '' ? [] : raw.split(',')) {
    const one = part.replace(/[\r\n]/g, ' ').trim();
    if (one === '') continue; // Kotlin's trailing comma
    const p = (one.includes(':') ? KOTLIN_PARAMETER : JAVA_PARAMETER).exec(one);
    if (p === null) return undefined;
    fields.push({ name: p.groups!['n']!, stringy: STRING_TYPE.test(p.groups!['t']!) });
  }
  return fields;
}

/** The string fields of a data type named for a secret (not weakly: `key` alone may be a lookup's), with their places. */
function secretFields(fields: readonly DeclaredParameter[]): SecretParameter[] {
  const secrets: SecretParameter[] = [];
  fields.forEach((f, index) => {
    const key = f.stringy ? classifyKey(f.name) : undefined;
    if (key !== undefined && !key.weak) secrets.push({ index, category: key.category });
  });
  return secrets;
}

function findDataTypeSecrets(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  // The data types declared, each with its number of fields, its secret fields and where its declaration's name stands.
  const types = new Map<string, { arity: number; secrets: SecretParameter[]; at: number }>();
  for (const at of offsets) {
    if (types.size >= DATA_TYPES_READ) break;
    if (at > 0 && isWordCode(text.charCodeAt(at - 1))) continue;
    DATA_TYPE_DECLARATION.lastIndex = at;
    const m = DATA_TYPE_DECLARATION.exec(text);
    if (m === null) continue;
    const fields = declaredFields(m.groups!['params']!);
    if (fields === undefined) continue;
    const secrets = secretFields(fields);
    if (secrets.length === 0) continue;
    types.set(m.groups!['name']!, { arity: fields.length, secrets, at: at + m[0].indexOf(m.groups!['name']!) });
  }
  if (types.size === 0) return [];
  const spans: Span[] = [];
  const file = options.file === undefined ? {} : { file: options.file };
  let calls = 0;
  // One pass over the calls of the text (not one search per type).
  for (const c of text.matchAll(CALL_OPENING)) {
    const type = types.get(c[1]!);
    if (type === undefined || c.index === type.at) continue;
    if (++calls > DATA_TYPE_CALLS_READ) break;
    // Every argument is read, and the call must give as many as the type has fields: then each is the field at its place
    // (a call with named arguments, fewer or more is another constructor's, or not one at all).
    const literals: { value: string; start: number; index: number }[] = [];
    let pos = c.index + c[0].length;
    let count = 0;
    let closed = false;
    while (count < type.arity) {
      CALL_ARGUMENT.lastIndex = pos;
      const a = CALL_ARGUMENT.exec(text);
      if (a === null) break;
      const value = a.groups!['sq'] ?? a.groups!['dq'];
      if (value !== undefined) literals.push({ value, start: pos + a[0].lastIndexOf(value + (a.groups!['sq'] !== undefined ? "'" : '"')), index: count });
      count++;
      pos += a[0].length;
      if (a.groups!['end'] === ')') {
        closed = true;
        break;
      }
    }
    if (!closed || count !== type.arity) continue;
    for (const l of literals) {
      const field = type.secrets.find((p) => p.index === l.index);
      if (field === undefined || !isPlausibleSecret(l.value, { category: field.category, quoted: true, ...file })) continue;
      spans.push({ start: l.start, end: l.start + l.value.length, category: field.category });
    }
  }
  return spans;
}

/**
 * An API client built from its base URL and its key, by position: `NewFeedClient("https://api.example.com/v2", "…")`
 * in Go, `new Api_Client('https://…', '…')` in PHP, `ApiClient("https://…", "…")` anywhere. Read at each quoted
 * `http` that opens a call's first argument; the next argument, a literal, is the key when it has the randomness of a
 * generated one in letters of both cases and digits. Hex is left alone: after a URL it is as often a download's
 * checksum or a commit (`fetch_archive("https://…/v1.2.tar.gz", "9f86d0…")`). An account's literal may stand between
 * them (`new PositivePayClient("https://…", "ACME_CLAIMS", "…")`: the endpoint, the account, its key); it is judged
 * the same way, so a key id there is still read. After an account the last literal may be its password, in symbols as
 * well (`new HrClient("https://…", "ISU_SYNC", "…")`): letters, a digit and a symbol no name or path has. A class named
 * for a client (`…Client`, `…Api`, `…Sdk`) is given no checksum, so there a key of 16 to 32 hex digits is read too. After
 * an OAuth token endpoint and a client's id, the literal is the client's secret even as a UUID (HMRC issues them so):
 * there the URL and the order say what it is, where elsewhere a UUID is as often a tenant's, a request's or a record's id.
 * A JDBC URL names a database, and a call given it, a user and a literal takes a data source's login in JDBC's own order
 * (`DriverManager.getConnection(url, user, password)`): `new DataSourceConfig("jdbc:postgresql://…", "app", "…")`. There the
 * last literal is the user's password in any alphabet that a password plausibly has. So it is after a Windows domain
 * account (`open_share("https://…", "CORP\\\\svc_share", "…")`), and in a `return` of an endpoint, a user and a literal
 * (`return "http://…", "CORP\\\\svc", "…"`: a function handing back where and how to log in).
 */
const URL_THEN_LITERAL =
  /(?:"(?:https?:\/\/|jdbc:[a-z0-9]{1,20}:)[^"\s\\]{1,200}"|'(?:https?:\/\/|jdbc:[a-z0-9]{1,20}:)[^'\s\\]{1,200}')[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:(?:"(?<adq>[\w.@-]{1,64}(?:\\{1,2}[\w.@-]{1,64})?)"|'(?<asq>[\w.@-]{1,64}(?:\\{1,2}[\w.@-]{1,64})?)')[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?)?(?:"(?<dq>[^"\s\\]{8,100})"|'(?<sq>[^'\s\\]{8,100})')[ \t]{0,4}(?:(?:\r?\n[ \t]{0,40})?(?<close>[,)\]])|;|\r?\n|$)/y;
/** A Windows domain account, `DOMAIN\\user` as code writes it (the backslash escaped or not): a login's user. */
const DOMAIN_ACCOUNT = /^[\w.-]{1,64}\\{1,2}[\w.@-]{1,64}$/;
/**
 * True when a `return` statement's values open at `at`, maybe in a tuple's or a list's bracket (`return "…", "…", "…"` in
 * Go and Python, `return ("…", "…", "…")`, `return ["…", "…"];`): a function that hands back an endpoint and its login.
 */
function opensReturnedValues(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i < 8 && isBlankCode(text.charCodeAt(i))) i--;
  const c = text.charCodeAt(i);
  if (c === 0x28 /* ( */ || c === 0x5b /* [ */) {
    i--;
    while (i >= 0 && at - i < 16 && isBlankCode(text.charCodeAt(i))) i--;
  }
  return i >= 5 && text.startsWith('return', i - 5) && (i < 6 || !isWordCode(text.charCodeAt(i - 6)));
}
/** True when a call's name and its opening parenthesis stand before `at`, maybe with blanks and one line break between. */
function opensCallArgument(text: string, at: number): boolean {
  let i = at - 1;
  const floor = Math.max(0, at - 48);
  while (i >= floor && (isBlankCode(text.charCodeAt(i)) || text.charCodeAt(i) === 0x0a || text.charCodeAt(i) === 0x0d)) i--;
  if (i < floor || text.charCodeAt(i) !== 0x28 /* ( */) return false;
  i--;
  while (i >= 0 && at - i < 56 && isBlankCode(text.charCodeAt(i))) i--;
  return i >= 0 && (isWordCode(text.charCodeAt(i)) || text.charCodeAt(i) === 0x24 /* $ */);
}
/** Letters of both cases and a digit: a key, not a word, a slug or a hex digest. */
const MIXED_KEY = /^(?=[^a-z]{0,99}[a-z])(?=[^A-Z]{0,99}[A-Z])(?=\D{0,99}\d)/;

function findUrlThenKey(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // `return (…` reads as a call of `return`: it is tried first.
    const returned = opensReturnedValues(text, offset);
    if (!returned && !opensCallArgument(text, offset)) continue;
    URL_THEN_LITERAL.lastIndex = offset;
    const m = URL_THEN_LITERAL.exec(text);
    if (m === null) continue;
    const account = m.groups!['adq'] ?? m.groups!['asq'];
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    // A call's arguments end at a comma or its parenthesis; a returned endpoint comes with its login, an account's literal.
    if (returned ? account === undefined : m.groups!['close'] === undefined || m.groups!['close'] === ']') continue;
    if (text.startsWith('jdbc:', offset + 1)) {
      if (account !== undefined && isDataSourcePassword(value, options.file)) {
        const start = m.index + m[0].lastIndexOf(value);
        spans.push({ start, end: start + value.length, category: 'PASS' });
      }
      continue;
    }
    if (account !== undefined && isUrlClientKey(account, options.file)) {
      const quote = m.groups!['adq'] !== undefined ? '"' : "'";
      const start = m.index + m[0].indexOf(quote + account + quote) + 1;
      spans.push({ start, end: start + account.length });
    }
    let category: Category | undefined;
    if (KEY_CHARACTERS.test(value)) {
      if (
        isUrlClientKey(value, options.file) ||
        (CLIENT_HEX_KEY.test(value) && CLIENT_CLASS.test(calleeBefore(text, offset)) && isClientHexKey(value, options.file)) ||
        (account !== undefined && UUID.test(value) && OAUTH_TOKEN_URL.test(m[0].slice(1, m[0].indexOf(m[0][0]!, 1))) && !HTTP_METHOD.test(account) && isClientHexKey(value, options.file))
      ) {
        category = 'KEY';
      }
    } else if (account !== undefined && !HTTP_METHOD.test(account) && isUrlClientPassword(value, options.file)) {
      category = 'PASS';
    } else if (account !== undefined && (returned || DOMAIN_ACCOUNT.test(account)) && !HTTP_METHOD.test(account) && isDataSourcePassword(value, options.file)) {
      // A domain account (`CORP\\svc_sync`), or a user handed back with its endpoint, is a login: the literal after it is its
      // password in any alphabet a password plausibly has, as after a JDBC URL.
      category = 'PASS';
    }
    if (category === undefined) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length, ...(category === 'PASS' ? { category } : {}) });
  }
  return spans;
}

/**
 * A login given to a session or a client by position after its URL held in a variable: `Session(LOGIN_URL, "feed", "…")`
 * (rets-python's, and alike), `new Connector(baseUrl, "svc", "…")`. The variable's name says the first argument is an
 * endpoint; two literals right after it are, in the order every such call takes them, the user and the password. The
 * password must be one: letters, digits and maybe symbols switching as a generated one does, not a word, a path or hex.
 */
const URL_NAME_THEN_LOGIN =
  /,[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"(?<udq>[\w.@-]{1,64})"|'(?<usq>[\w.@-]{1,64})')[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"(?<dq>[^"\s\\]{8,100})"|'(?<sq>[^'\s\\]{8,100})')[ \t]{0,4}(?:\r?\n[ \t]{0,40})?[,)]/y;
/** A variable named for an endpoint: `url`, `LOGIN_URL`, `login_url`, `loginUrl`, `baseURI` (not `curl`). */
const URL_VARIABLE = /^(?:url|uri|URL|URI)$|_(?:url|uri|URL|URI)$|[a-z0-9](?:Url|Uri|URL|URI)$/;
const HEX_ONLY = /^[0-9a-fA-F]+$/;

/**
 * Whether the keyword hit at `offset` (`url`/`uri`, 3 letters) ends a variable named for an endpoint that is a call's
 * argument: `Session(LOGIN_URL, …`, `new Connector(baseUrl, …`. The name is read back at most 60 characters.
 */
function isUrlVariableArgument(text: string, offset: number): boolean {
  let start = offset;
  while (start > 0 && offset - start < 60 && (isWordCode(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 0x24 /* $ */)) start--;
  return URL_VARIABLE.test(text.slice(start, offset + 3)) && opensCallArgument(text, start);
}

function findUrlNameThenLogin(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (!isUrlVariableArgument(text, offset)) continue;
    URL_NAME_THEN_LOGIN.lastIndex = offset + 3;
    const m = URL_NAME_THEN_LOGIN.exec(text);
    if (m === null) continue;
    const user = m.groups!['udq'] ?? m.groups!['usq']!;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    if (HTTP_METHOD.test(user) || HEX_ONLY.test(value) || value.includes('/') || value === user) continue;
    if (!isDataSourcePassword(value, options.file) && !isUrlClientPassword(value, options.file)) continue;
    const at = m.index + m[0].lastIndexOf(value);
    spans.push({ start: at, end: at + value.length });
  }
  return spans;
}

/**
 * An API key given to a client by position right after its URL held in a variable: `influxdb2.NewClient(influxURL, "…")`,
 * `new FeedClient(baseUrl, "…")`, as `url-then-key-positional` reads it after a literal URL. The literal must be the
 * call's second argument and look generated as such a key does (both cases and digits); not hex, which a download's
 * checksum is as often, and not a subresource-integrity digest (`"sha384-…"`).
 */
const URL_NAME_THEN_KEY =
  /,[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"(?<dq>[^"\s\\]{20,100})"|'(?<sq>[^'\s\\]{20,100})')[ \t]{0,4}(?:\r?\n[ \t]{0,40})?[,)]/y;
const INTEGRITY_DIGEST = /^sha(?:256|384|512)-/;

function findUrlNameThenKey(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (!isUrlVariableArgument(text, offset)) continue;
    URL_NAME_THEN_KEY.lastIndex = offset + 3;
    const m = URL_NAME_THEN_KEY.exec(text);
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    if (!KEY_CHARACTERS.test(value) || INTEGRITY_DIGEST.test(value) || !isUrlClientKey(value, options.file)) continue;
    const at = m.index + m[0].lastIndexOf(value);
    spans.push({ start: at, end: at + value.length });
  }
  return spans;
}

/** A key's characters: letters, digits and base64's symbols, 20 or more of them, or 16 hex digits or more. */
const KEY_CHARACTERS = /^(?:[A-Za-z0-9_+/=-]{20,100}|[0-9a-fA-F]{16,19})$/;
/** A key a provider issues in hex, shorter than a digest (an MD5's 32 is as long as it goes). */
const CLIENT_HEX_KEY = /^(?:[0-9a-f]{16,32}|[0-9A-F]{16,32})$/;
/**
 * An OAuth token endpoint (`…/oauth/token`, `…/oauth2/v2.0/token`, `…/connect/token`, `…/as/token.oauth2`): what is given
 * after it and a client's id is that client's secret, whatever its shape.
 */
const OAUTH_TOKEN_URL = /\/(?:oauth2?|connect|as|openid-connect)(?:\/[\w.-]{1,40}){0,3}\/token(?:\.oauth2)?\/?(?:[?#]|$)/i;
/** A class's name that says it is a client of an API. */
const CLIENT_CLASS = /(?:Client|Api|API|Sdk|SDK)$/;
/** An HTTP method's name, which a request builder takes where a client takes its account. */
const HTTP_METHOD = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/i;
/** A password's characters: a letter, a digit, and a symbol that no name, slug, path or key has. */
const PASSWORD_SYMBOLS = /^(?=[^A-Za-z]{0,99}[A-Za-z])(?=\D{0,99}\d)(?=[\w./:-]{0,99}[^\w./:-])/;

/** The name called right before the `(` that opens the argument at `at` (empty when there is none). */
function calleeBefore(text: string, at: number): string {
  let i = at - 1;
  const floor = Math.max(0, at - 48);
  while (i >= floor && text.charCodeAt(i) !== 0x28 /* ( */) i--;
  if (i < floor) return '';
  let end = i;
  while (end > 0 && at - end < 56 && isBlankCode(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && end - start < 80 && isWordCode(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** Hex digits given to a client: both digits and letters, and no run that a stand-in repeats. */
function isClientHexKey(value: string, file: string | undefined): boolean {
  return /\d/.test(value) && /[a-f]/i.test(value) && shannonEntropy(value) >= 3 && isPlausibleSecret(value, { category: 'KEY', quoted: true, file });
}

/** A password given to a client after its account: mixed characters with a symbol, not words joined by one. */
function isUrlClientPassword(value: string, file: string | undefined): boolean {
  return PASSWORD_SYMBOLS.test(value) && characterSwitches(value) >= 4 && shannonEntropy(value) >= 3 && isPlausiblePassword(value, file);
}

/**
 * The password after a JDBC URL and its user: not a word or a name, changing between letters, digits and symbols. A
 * generated one may switch less often when it runs in blocks (`KQWZR58_3TdmX`): 12 characters or more with upper case,
 * lower case and digits all in it, at a generated string's entropy, is not a name (`routes_v1`) or a word with digits.
 */
function isDataSourcePassword(value: string, file: string | undefined): boolean {
  const switches = characterSwitches(value);
  const generated = switches >= 3 && value.length >= 12 && MIXED_KEY.test(value) && shannonEntropy(value) >= 3.5;
  return (switches >= 4 || generated) && shannonEntropy(value) >= 3 && isPlausiblePassword(value, file);
}

/** A literal given to a client after its URL that is a key: generated-looking, in letters of both cases and digits. */
function isUrlClientKey(value: string, file: string | undefined): boolean {
  return MIXED_KEY.test(value) && looksGenerated(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file });
}

/**
 * ltijs, the Node LTI 1.3 tool provider, is set up with its encryption key first: `lti.setup('…', { url: … }, {…})`
 * (`Provider.setup` in its docs). The key encrypts the platforms' keys and the tokens it keeps in its database. Read in
 * a text that loads ltijs; the literal must look generated.
 */
const LTIJS_SETUP =
  /(?<![\w$])[A-Za-z_$][\w$]{0,40}\.setup\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:'(?<sq>[^'\s\\]{16,200})'|"(?<dq>[^"\s\\]{16,200})")[ \t]{0,4},/g;

function findLtijsKeys(text: string, options: DetectOptions): Span[] {
  const spans: Span[] = [];
  if (!/\bltijs\b/.test(text)) return spans;
  for (const m of text.matchAll(LTIJS_SETUP)) {
    const value = m.groups!['sq'] ?? m.groups!['dq']!;
    if (!looksGenerated(value) || !isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * A client built from an id and a secret, both literals: `new HmrcFilingClient("ACME-CHARITY", "…")`,
 * `new ShipmentsApi('acct_ops', '…')`, `new PaymentGateway("MERCHANT01", "…")`. A class named for a client (`…Client`,
 * `…Api`, `…Gateway`), or for the credentials themselves (`new PayPalCredentials("<client id>", "…")`,
 * `new StoreCredential("id", "…")`), constructed with exactly two literals takes its account first and what proves it second: the second
 * is the secret when it has a generated key's randomness in letters of both cases and digits (a name, a region, a path
 * or a word there is left). A class named for credentials takes a user and a password as often (`new
 * UserCredentials("0917", "…")`, `new NetworkCredential("svc", "…")`): there a shorter second literal, 8 characters or
 * more, is that password when it is password-shaped (letters of both cases and digits, no word). Read at each
 * `client(`, `api(`, `gateway(`, `credentials(` or `credential(` that ends a capitalised name after `new`.
 */
const CLIENT_ID_THEN_SECRET =
  /\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"[\w.@:-]{2,64}"|'[\w.@:-]{2,64}')[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:"(?<dq>[^"\s\\]{8,100})"|'(?<sq>[^'\s\\]{8,100})')[ \t]{0,4}(?:\r?\n[ \t]{0,40})?\)/y;
/** Whether a credentials class's second literal shorter than a key's is a password: both cases and digits, no word, a password's randomness. */
function isCredentialsPassword(value: string, file: string | undefined): boolean {
  return MIXED_KEY.test(value) && !isPlaceholder(value) && characterSwitches(value) >= 4 && shannonEntropy(value) >= 2.8 && isPlausiblePassword(value, file);
}
const CLIENT_CLASS_WORD = /^(?:client|api|gateway|credentials?)$/i;
/** `new` before the class's name, which a namespace may qualify (`new Acme.Filing.`, `new \Acme\`, `new Acme::`). */
const NEW_BEFORE = /(?:^|[^\w$.])new[ \t]{1,4}\\?(?:[A-Za-z_]\w{0,40}(?:\.|::|\\)){0,4}$/;

function findClientIdThenSecret(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // The keyword is the class name's last word and its `(`: the word ends at the bracket.
    const open = text.indexOf('(', offset);
    if (open === -1 || open - offset > 11 || !CLIENT_CLASS_WORD.test(text.slice(offset, open))) continue;
    let start = offset;
    while (start > 0 && offset - start < 60 && isWordCode(text.charCodeAt(start - 1))) start--;
    if (!isUpperCode(text.charCodeAt(start)) || !NEW_BEFORE.test(text.slice(Math.max(0, start - 60), start))) continue;
    CLIENT_ID_THEN_SECRET.lastIndex = open;
    const m = CLIENT_ID_THEN_SECRET.exec(text);
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    // A credentials class's second literal is its secret; one of a key's length without a key's randomness (16 characters
    // of which some repeat) is read as a password is.
    const credentials = /^credentials?$/i.test(text.slice(offset, open));
    if (value.length < 16 || (credentials && !looksGenerated(value))) {
      if (!credentials || !isCredentialsPassword(value, options.file)) continue;
      // A long one must still switch between cases and digits as a drawn value does, not as a camel-cased name (`SandboxKey1`).
      if (value.length >= 16 && characterSwitches(value) < 8) continue;
      const at = m.index + m[0].lastIndexOf(value);
      spans.push({ start: at, end: at + value.length, category: 'PASS' });
      continue;
    }
    if (!MIXED_KEY.test(value) || !looksGenerated(value) || !isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const at = m.index + m[0].lastIndexOf(value);
    spans.push({ start: at, end: at + value.length });
  }
  return spans;
}

/**
 * A socket client's password given right after the server's address: obs-websocket-js's `obs.connect("ws://…:4455", "…")`,
 * and any `.connect(url, "…")` whose first argument is a `ws://`, `wss://` or `tcp://` address (a literal, maybe joined
 * with `+` to a host's). Such a call's second literal is what the server checks; written as a one-item array read at
 * once (`["…"][0]`) it is the same literal. It is reported when password-shaped — letters of both cases and digits, no
 * word — so a client id (`"sensor-01"`), a protocol's name or an options object stays out.
 */
const SOCKET_ADDRESS = /\.connect\([ \t]{0,4}(?:"(?:wss?|tcp):\/\/[^"\r\n]{0,200}"|'(?:wss?|tcp):\/\/[^'\r\n]{0,200}'|`(?:wss?|tcp):\/\/[^`\r\n]{0,200}`)/y;
/** One more part joined to the address with `+`: a literal or a variable. */
const JOINED_ADDRESS_PART = /[ \t]{0,4}\+[ \t]{0,4}(?:"[^"\r\n]{0,200}"|'[^'\r\n]{0,200}'|[\w$.]{1,80})/y;
/** The second argument: a literal, or a one-item array of one indexed at once (`["…"][0]`). */
const SOCKET_PASSWORD_ARGUMENT =
  /[ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?<open>\[[ \t]{0,4})?(?:"(?<dq>[^"\s\\]{8,128})"|'(?<sq>[^'\s\\]{8,128})')(?<close>[ \t]{0,4}\][ \t]{0,4}\[[ \t]{0,4}0[ \t]{0,4}\])?[ \t]{0,4}[,)]/y;

function findSocketConnectPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    SOCKET_ADDRESS.lastIndex = offset;
    if (SOCKET_ADDRESS.exec(text) === null) continue;
    let at = SOCKET_ADDRESS.lastIndex;
    for (let parts = 0; parts < 6; parts++) {
      JOINED_ADDRESS_PART.lastIndex = at;
      if (JOINED_ADDRESS_PART.exec(text) === null) break;
      at = JOINED_ADDRESS_PART.lastIndex;
    }
    SOCKET_PASSWORD_ARGUMENT.lastIndex = at;
    const m = SOCKET_PASSWORD_ARGUMENT.exec(text);
    // A one-item array is read only when indexed at once: a bare list there is a list of protocols.
    if (m === null || (m.groups!['open'] === undefined) !== (m.groups!['close'] === undefined)) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    if (!isCredentialsPassword(value, options.file)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/**
 * An API client built from one literal: `new ClioClient("…")`, `new LedgerApi('…')`, Kotlin's and Python's
 * `BillingSdk("…")`. A class named for a client of an API (`…Client`, `…Api`, `…Sdk`) constructed with a single
 * argument takes the one thing it cannot work without, its key, when that argument has a generated key's length and
 * randomness: 30 characters or more, letters of both cases and digits. A base URL, a service's or a region's name
 * (`new S3Client("eu-west-1")`, `new Client("my-service")`) or an id in one case (a UUID) is left. Read at each `client(`,
 * `api(` or `sdk(` that ends a capitalised name, after `new` or where nothing is called on (not a method `x.fooClient(…)`).
 */
const CLIENT_SOLE_LITERAL =
  /\([ \t]{0,4}(?:"(?<dq>[A-Za-z0-9_\-+/=.~]{30,200})"|'(?<sq>[A-Za-z0-9_\-+/=.~]{30,200})')[ \t]{0,4}\)/y;
const SOLE_KEY_CLASS_WORD = /^(?:client|api|sdk)$/i;

function findClientSoleKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const open = text.indexOf('(', offset);
    if (open === -1 || open - offset > 6 || !SOLE_KEY_CLASS_WORD.test(text.slice(offset, open))) continue;
    let start = offset;
    while (start > 0 && offset - start < 60 && isWordCode(text.charCodeAt(start - 1))) start--;
    if (!isUpperCode(text.charCodeAt(start))) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    if (!NEW_BEFORE.test(before) && /[\w$.:\\]$/.test(before)) continue;
    CLIENT_SOLE_LITERAL.lastIndex = open;
    const m = CLIENT_SOLE_LITERAL.exec(text);
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    if (!MIXED_KEY.test(value) || !looksGenerated(value) || !isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const at = m.index + m[0].lastIndexOf(value);
    spans.push({ start: at, end: at + value.length });
  }
  return spans;
}

/**
 * Go's constructor of a client handed one literal: `vendors.NewSolarView("…")`, `NewLedger("…")`. A `New<Name>` given a
 * single argument takes what the thing cannot be built without; when that argument is a generated key (30 characters or
 * more of letters and digits, in one case or both, random: no word, no URL, no region) it is the key the client is built
 * from. Constructors of values that are public or data (`NewPublicKey`, `NewAddress`, `NewReader`, `NewInt`, `NewUUID`) are left.
 */
const GO_NEW_SOLE_LITERAL = /New[A-Z][A-Za-z0-9]{1,40}\([ \t]{0,4}"([A-Za-z0-9]{30,200})"[ \t]{0,4}\)/y;
const GO_NEW_OF_PUBLIC_VALUE = /Public|Address|Reader|Buffer|Int|Float|Decimal|UUID|Uuid|ID$|Id$|Hash|Digest|Hex|Base(?:32|58|64)|Bytes|String|Name|Path|URL|Url|Regexp|Error/;

function findGoConstructorSoleKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // `New` opens the name: not inside another identifier (`MustNew…` is a helper of its own, `renew` a word).
    if (offset > 0 && isWordCode(text.charCodeAt(offset - 1))) continue;
    GO_NEW_SOLE_LITERAL.lastIndex = offset;
    const m = GO_NEW_SOLE_LITERAL.exec(text);
    if (m === null) continue;
    const value = m[1]!;
    const name = m[0].slice(3, m[0].indexOf('('));
    if (GO_NEW_OF_PUBLIC_VALUE.test(name) || !/[A-Za-z]/.test(value) || !/\d/.test(value)) continue;
    if (!looksGenerated(value) || !isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) continue;
    const at = m.index + m[0].lastIndexOf(value);
    spans.push({ start: at, end: at + value.length });
  }
  return spans;
}

/**
 * A class named for HMAC built with one literal: `new HmacValidator("…")`, `HmacSigner("…")`, Go's
 * `NewHmacVerifier("…")`. An HMAC signer or checker is made from its key, so that lone argument is the key (a
 * payment provider's notification key is 64 hex digits). So is a signer's or a signing key's (`new JwtSigner("…")`,
 * `UrlSigner("…")`, `new SymmetricSigningKey("…")`): what a class that signs is built from alone is its secret.
 * Read at each `hmac`, `signer` or `signingkey` inside a capitalised name.
 */
const HMAC_CLASS_SOLE_LITERAL =
  /[ \t]{0,4}\([ \t]{0,4}(?:"(?<dq>[A-Za-z0-9_\-+/=.~!@#$%^&*]{16,200})"|'(?<sq>[A-Za-z0-9_\-+/=.~!@#$%^&*]{16,200})')[ \t]{0,4}\)/y;

function findHmacClassKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    // A name read once is not read again from its next `hmac` (`HmacHmacHmac…`).
    if (offset < readTo) continue;
    let start = offset;
    while (start > 0 && offset - start < 60 && isWordCode(text.charCodeAt(start - 1))) start--;
    let end = offset + 4;
    while (end < text.length && end - offset < 60 && isWordCode(text.charCodeAt(end))) end++;
    readTo = end;
    // A class's name (`HmacValidator`, `NewHmacSigner`), not a function's (`createHmac`, `hash_hmac`) nor a member's.
    if (!isUpperCode(text.charCodeAt(start)) || (start > 0 && text.charCodeAt(start - 1) === 0x2e /* . */)) continue;
    HMAC_CLASS_SOLE_LITERAL.lastIndex = end;
    const m = HMAC_CLASS_SOLE_LITERAL.exec(text);
    if (m === null) continue;
    const value = m.groups!['dq'] ?? m.groups!['sq']!;
    if (!isHexOrGeneratedKey(value, options.file)) continue;
    const at = m.index + m[0].lastIndexOf(value);
    spans.push({ start: at, end: at + value.length });
  }
  return spans;
}

/**
 * An enum named for keys, tokens, secrets or credentials whose constants carry a literal each: Java's and Kotlin's
 * `enum PartnerKeys { ACME("…"), GLOBEX("…"); private final String key; … }`, TypeScript's `enum ApiTokens { Acme = "…" }`.
 * The enum's name says what its constants hold and each constant names a service, so a constant's last literal is that
 * service's key when it looks generated (a stand-in such as `"REPLACE_ME"`, a label or a path is left). Read from each
 * `enum` whose name ends in such a word, over its constants up to the `;` or `}` that ends them.
 */
const SECRET_ENUM_AT = /enum[ \t]{1,4}(?:class[ \t]{1,4})?(?<name>[A-Za-z_]\w{0,60})[^{;\r\n]{0,200}\{/y;
const SECRET_ENUM_NAME = /(?:keys?|tokens?|secrets?|credentials?)$/i;
/** One constant: its name, then its arguments (one line, no nested call) or `= literal`, then `,`, `;` or `}`; comments between. */
const ENUM_CONSTANT =
  /(?:[ \t\r\n]{0,200}\/\/[^\r\n]{0,200}){0,5}[ \t\r\n]{0,200}(?<c>[A-Za-z_]\w{0,60})[ \t]{0,4}(?:\((?<args>[^()\r\n]{0,300})\)|=[ \t]{0,4}(?<tv>"[^"\\\r\n]{0,200}"|'[^'\\\r\n]{0,200}'))?[ \t]{0,4}(?<end>[,;}])/y;
const ENUM_LITERAL = /"([^"\\\r\n]{16,200})"|'([^'\\\r\n]{16,200})'/g;
const ENUM_CONSTANTS = 100;

function findSecretEnumKeys(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    if (offset > 0 && isWordCode(text.charCodeAt(offset - 1))) continue;
    SECRET_ENUM_AT.lastIndex = offset;
    const head = SECRET_ENUM_AT.exec(text);
    if (head === null || !SECRET_ENUM_NAME.test(head.groups!['name']!)) continue;
    let at = SECRET_ENUM_AT.lastIndex;
    for (let n = 0; n < ENUM_CONSTANTS; n++) {
      ENUM_CONSTANT.lastIndex = at;
      const c = ENUM_CONSTANT.exec(text);
      if (c === null) break;
      at = ENUM_CONSTANT.lastIndex;
      const source = c.groups!['args'] ?? c.groups!['tv'];
      if (source !== undefined) {
        const base = c.index + c[0].lastIndexOf(source);
        let last: RegExpMatchArray | undefined;
        for (const lit of source.matchAll(ENUM_LITERAL)) last = lit;
        const value = last === undefined ? undefined : (last[1] ?? last[2]!);
        // The constant's last literal, and the last of its arguments (`ACME("acme-id", "…")`).
        if (last !== undefined && value !== undefined && source.slice(last.index! + last[0].length).trim() === '' && looksGenerated(value) && isPlausibleSecret(value, { category: 'KEY', quoted: true, file: options.file })) {
          const start = base + last.index! + 1;
          spans.push({ start, end: start + value.length });
        }
      }
      if (c.groups!['end'] !== ',') break;
    }
  }
  return spans;
}

/**
 * Java's cryptography APIs take passwords as `char[]`, so code hands a literal over as `"…".toCharArray()`: a
 * keystore's password to `KeyStore.load(in, …)`, `store(out, …)`, `getKey(alias, …)`, `setKeyEntry(…)`, a key's to
 * `KeyManagerFactory.init(ks, …)`, Apache HttpClient's `loadKeyMaterial(ks, …)` and `loadTrustMaterial(file, …)`, and
 * `new PasswordProtection(…)`, `new PBEKeySpec(…)`, and a client's keystore or truststore setter, given the store's path
 * and its password (`c.setKeystore("/opt/app/client.jks", …)`, `.trustStore(path, …)`, `.withKeyStore(…)`). The literal
 * is read where it is an argument of such a call on its line.
 */
const CHAR_ARRAY_PASSWORD_CALL =
  /(?:\.(?:load|store|getKey|getEntry|setKeyEntry|init|loadKeyMaterial|loadTrustMaterial|(?:set|with)?(?:[Kk]ey|[Tt]rust)[Ss]tore)|new[ \t]{1,4}(?:KeyStore\.)?(?:PasswordProtection|PBEKeySpec))[ \t]{0,4}\([ \t]{0,4}(?:(?:[^;()\r\n]{0,80}\([^;()\r\n]{0,80}\))?[^;()\r\n]{0,80},[ \t]{0,4})?$/;
/**
 * Any call given a keystore's path as a literal and, right after it, the password (`new KeyStoreLoader("/opt/keys/as2.p12",
 * "…".toCharArray())`, `loadStore("client.jks", …)`): whatever the helper is named, the password opens the store at that path.
 */
const KEYSTORE_PATH_ARGUMENT = /\([^;()\r\n]{0,80}["'][^"'\r\n]{1,160}\.(?:p12|pfx|jks|jceks|keystore|truststore|bcfks)["'][ \t]{0,4},[ \t]{0,4}$/i;
/** How far before `.toCharArray()` its literal and the call are read. */
const CHAR_ARRAY_REACH = 240;

function findCharArrayPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // `"…".toCharArray()`: the keyword right after a closing quote and a dot.
    if (offset < 3 || text.charCodeAt(offset - 1) !== 0x2e || text.charCodeAt(offset - 2) !== 0x22) continue;
    const close = offset - 2;
    const from = Math.max(0, close - CHAR_ARRAY_REACH);
    const before = text.slice(from, close);
    const open = before.lastIndexOf('"');
    if (open === -1) continue;
    const value = before.slice(open + 1);
    if (value.length === 0 || /[\\\r\n]/.test(value)) continue;
    const head = before.slice(0, open);
    const line = head.slice(head.lastIndexOf('\n') + 1);
    if (!CHAR_ARRAY_PASSWORD_CALL.test(line) && !KEYSTORE_PATH_ARGUMENT.test(line)) continue;
    if (!isPlausiblePassword(value, options.file)) continue;
    spans.push({ start: from + open + 1, end: close });
  }
  return spans;
}

/**
 * A constructor that hands literals to another constructor of its class: Java's and C#'s `this("…", …)` (C#'s
 * `public CoverClient() : this("…") { }`, Kotlin's `constructor() : this("…")`). Each literal goes to the parameter at
 * its place in the class's constructor that takes as many arguments, and that parameter's name says what it is
 * (`CoverClient(String key)`, `ArcClient(String clientId, String clientSecret)`, Kotlin's
 * `class CoverClient(private val key: String)`): a default credential built into the class. Read at each `this(`; the
 * class is the nearest `class` statement above it, and its constructor of that arity must be the only one declared
 * (overloads whose parameter at a literal's place is typed as other than a string do not count).
 */
const THIS_CALL_LITERAL = /this[ \t]{0,4}\([^()\r\n]{0,400}?"(?<v>[^"\\\r\n]{1,200})"[^()\r\n]{0,400}\)/y;
/** `this` and its opening parenthesis, where the arguments are read from. */
const THIS_CALL_OPENING = /this[ \t]{0,4}\(/y;
/** How many arguments of a `this(` call are read. */
const THIS_CALL_MAX_ARGUMENTS = 8;
/** How far above a `this(` its class statement is looked for. */
const THIS_CLASS_LOOK_BACK = 6000;
const CLASS_NAME_AT = /class[ \t]{1,4}([A-Z]\w{0,60})/y;
/** How many `class` words above a `this(` are tried (in comments, `getClass`), and how many classes one text has looked up. */
const CLASS_WORDS_TRIED = 16;
const CLASSES_LOOKED_UP = 8;
/** How many declarations of one class's constructors are read. */
const CONSTRUCTORS_READ = 16;

/** The nearest class statement's name above `at`, within the look-back. */
function enclosingClassName(text: string, at: number): string | undefined {
  const floor = Math.max(0, at - THIS_CLASS_LOOK_BACK);
  let tried = 0;
  // Each search stops at the look-back's floor: `this(` calls in a text with no class above them are not read back to its start at each.
  for (let i = lastIndexOfAbove(text, 'class', at, floor); i !== -1 && tried < CLASS_WORDS_TRIED; i = i === 0 ? -1 : lastIndexOfAbove(text, 'class', i - 1, floor)) {
    tried++;
    if (i > 0 && isWordCode(text.charCodeAt(i - 1))) continue;
    CLASS_NAME_AT.lastIndex = i;
    const m = CLASS_NAME_AT.exec(text);
    if (m !== null) return m[1];
  }
  return undefined;
}

/** One parameter of a constructor's declaration: its name, and whether its type is a string's or not said (Kotlin's `val key: String`, Java's `String key`, C#'s `string key`). */
interface DeclaredParameter {
  name: string;
  stringy: boolean;
}
/** A Java or C# parameter after its modifiers (`final String key`; one with an annotation's arguments is not read). */
const JAVA_PARAMETER = /^(?:[\w \t]{0,60}[ \t])?(?<t>[A-Za-z_][\w.<>?\[\]]{0,60})[ \t]{1,4}(?<n>[A-Za-z_]\w{0,60})$/;
/** A Kotlin (or TypeScript) parameter after its modifiers (`private val key: String = ""`). */
const KOTLIN_PARAMETER = /^(?:[\w \t]{0,60}[ \t])?(?<n>[A-Za-z_]\w{0,60})[ \t]{0,4}:[ \t]{0,4}(?<t>[A-Za-z_][\w.<>?]{0,60})(?:[ \t]{0,4}=[^,]{0,200})?$/;
const STRING_TYPE = /^(?:String|string|CharSequence|String\?)$/;

/**
 * The constructors the class declares (`Name(String a, String b) {`, `Name(string a) : this(…)`, `Name(…) throws X {`,
 * Kotlin's `class Name(val a: String)`), each as its parameters. A call (`new Name(…)`, `return Name(…)`) is not one.
 */
function declaredConstructors(text: string, className: string): DeclaredParameter[][] {
  const re = new RegExp(`(?<![\\w.$])${className}[ \\t]{0,4}\\((?<params>[^()]{0,600})\\)`, 'g');
  const found: DeclaredParameter[][] = [];
  for (const m of text.matchAll(re)) {
    if (found.length >= CONSTRUCTORS_READ) break;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (/\bnew[ \t]{1,4}$/.test(before)) continue;
    const classHeader = /\bclass[ \t]{1,4}$/.test(before);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
    if (!classHeader && !/^[ \t\r\n]{0,40}(?:throws[ \t]{1,4}[\w., \t]{1,80}[ \t\r\n]{0,40})?[{:]/.test(after)) continue;
    const raw = m.groups!['params']!.trim();
    const params: DeclaredParameter[] = [];
    let ok = true;
    for (const part of raw === '' ? [] : raw.split(',')) {
      const one = part.replace(/[\r\n]/g, ' ').trim();
      const p = (one.includes(':') ? KOTLIN_PARAMETER : JAVA_PARAMETER).exec(one);
      if (p === null) {
        ok = false;
        break;
      }
      params.push({ name: p.groups!['n']!, stringy: STRING_TYPE.test(p.groups!['t']!) });
    }
    if (ok) found.push(params);
  }
  return found;
}

function findConstructorDelegationLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  // Each class's constructors are read once, however many `this(` a file holds.
  const constructorsOf = new Map<string, DeclaredParameter[][]>();
  for (const offset of offsets) {
    if (offset > 0 && (isWordCode(text.charCodeAt(offset - 1)) || text.charCodeAt(offset - 1) === 0x2e /* . */)) continue;
    THIS_CALL_OPENING.lastIndex = offset;
    const opening = THIS_CALL_OPENING.exec(text);
    if (opening === null) continue;
    // The arguments: each a literal (kept with its offset) or any other short expression; the call must close.
    const args: ({ value: string; start: number } | undefined)[] = [];
    let pos = offset + opening[0].length;
    let closed = false;
    while (args.length < THIS_CALL_MAX_ARGUMENTS) {
      CALL_ARGUMENT.lastIndex = pos;
      const a = CALL_ARGUMENT.exec(text);
      if (a === null) break;
      const value = a.groups!['dq'];
      args.push(value === undefined ? undefined : { value, start: pos + a[0].lastIndexOf('"' + value + '"') + 1 });
      pos += a[0].length;
      if (a.groups!['end'] === ')') {
        closed = true;
        break;
      }
    }
    if (!closed || !args.some((a) => a !== undefined && a.value !== '')) continue;
    const className = enclosingClassName(text, offset);
    if (className === undefined) continue;
    if (!constructorsOf.has(className)) {
      // Each lookup reads the whole text: a text of endless classes stops being read after a few.
      if (constructorsOf.size >= CLASSES_LOOKED_UP) continue;
      constructorsOf.set(className, declaredConstructors(text, className));
    }
    // The one constructor of that arity that can take a string at each literal's place.
    const candidates = constructorsOf
      .get(className)!
      .filter((params) => params.length === args.length && args.every((a, i) => a === undefined || params[i]!.stringy));
    if (candidates.length !== 1) continue;
    const params = candidates[0]!;
    args.forEach((a, i) => {
      if (a === undefined) return;
      const key = classifyKey(params[i]!.name);
      if (key === undefined) return;
      if (!isPlausibleSecret(a.value, { category: key.category, quoted: true, weakKey: key.weak, file: options.file })) return;
      spans.push({ start: a.start, end: a.start + a.value.length, category: key.category });
    });
  }
  return spans;
}

/**
 * Well-known ports of services that take a user name and a password: FTP (21, FTPS 990), SSH/SFTP (22), Telnet (23),
 * SMTP (25, 465, 587, 2525), POP3 (110, 995), IMAP (143, 993), LDAP (389, 636), SQL Server (1433), Oracle (1521),
 * MySQL (3306), PostgreSQL (5432), AMQP (5672), Redis (6379), MongoDB (27017).
 */
const LOGIN_PORTS = ['21', '22', '23', '25', '110', '143', '389', '465', '587', '636', '990', '993', '995', '1433', '1521', '2525', '3306', '5432', '5672', '6379', '27017'];
/**
 * From a login port given as an argument on: the port, then a user literal and a password literal, the call closing or
 * going on with no other literal (`new BacsBureau("10.4.3.5", 22, "user", "…")`, `SftpClient(host, port, user, password)`
 * written out, `Connect("mail.example.org", 587, "user", "…")`).
 */
const LOGIN_TAIL = new RegExp(
  `(?:${[...LOGIN_PORTS].sort((a, b) => b.length - a.length).join('|')})[ \\t]{0,4},[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?` +
    `["'](?<user>[^"'\\\\\\s]{1,100})["'][ \\t]{0,4},[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?` +
    `["'](?<v>[^"'\\\\\\s]{4,128})["'][ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?<close>[),])`,
  'y',
);
/** How far back from its closing quote a host literal's opening quote is looked for. */
const HOST_LITERAL_REACH = 256;
/** A host as a literal names it: an IPv4 address, a dotted name, or `localhost`. */
const HOST_LITERAL = /^(?:\d{1,3}(?:\.\d{1,3}){3}|(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z][A-Za-z0-9-]{0,62}|localhost)$/;
/** A made password: letters and a digit, and a symbol or both cases (a database's or a display name is not one). */
const MADE_PASSWORD = /^(?=[^A-Za-z]{0,128}[A-Za-z])(?=\D{0,128}\d)(?:(?=[A-Za-z0-9_]{0,128}[^A-Za-z0-9_])|(?=[^a-z]{0,128}[a-z])(?=[^A-Z]{0,128}[A-Z]))/;


/**
 * A call whose first arguments are a host literal, a login port, a user literal and a password literal: a login, whatever
 * the class or function is called (`new BacsBureau("10.40.30.5", 22, "svc", "…")`). Read at each port between commas
 * (the keyword's first character is the space or comma before it): back over the host's literal to the call's `(`
 * and its name, then on over the user and the password.
 */
function findHostPortLogins(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // The comma before the port, then the host literal's closing quote.
    const comma = skipBlanksBack(text, offset + 1) - 1;
    if (comma < 0 || text.charCodeAt(comma) !== 0x2c /* , */) continue;
    let close = comma;
    while (close > 0 && comma - close < 4 && isBlankCode(text.charCodeAt(close - 1))) close--;
    close--;
    const quote = text[close];
    if (quote !== '"' && quote !== "'") continue;
    let open = close - 1;
    while (open >= 0 && close - open <= HOST_LITERAL_REACH && text[open] !== quote && text.charCodeAt(open) !== 0x0a) open--;
    if (open < 0 || text[open] !== quote) continue;
    const host = text.slice(open + 1, close);
    if (!HOST_LITERAL.test(host)) continue;
    // The host is the call's first argument: `(` right before it, a name right before that.
    const paren = skipBlanksBack(text, open) - 1;
    if (paren < 1 || text.charCodeAt(paren) !== 0x28 /* ( */) continue;
    let callee = paren;
    while (callee > 0 && paren - callee < 4 && isBlankCode(text.charCodeAt(callee - 1))) callee--;
    if (callee === 0 || !isWordCode(text.charCodeAt(callee - 1))) continue;
    LOGIN_TAIL.lastIndex = offset + 1;
    const m = LOGIN_TAIL.exec(text);
    if (m === null) continue;
    const g = m.groups!;
    const value = g['v']!;
    // Another literal after the four: the order may be (host, port, database, user, …), so the fourth says nothing.
    if (g['close'] === ',') {
      const next = text.charAt(skipBlanksForward(text, m.index + m[0].length));
      if (next === '"' || next === "'") continue;
    }
    if (value === g['user'] || !MADE_PASSWORD.test(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}


/**
 * A call's first three arguments as literals: a host, a user and a password, then the call closes or goes on (a database's
 * name after them, as `new mysqli('db1.acme.lan', 'app', '…', 'shop')` takes it). Clients written this way: PHP-EWS's
 * `new Client('mail.acme.corp', 'bot', '…')`, Python's `ftplib.FTP('ftp.acme.com', 'user', '…')`, Ruby's
 * `Net::FTP.new(…)`, `mysqli_connect(…)`. Sticky at the call's `(`; `user` and `v` are the literals.
 */
const HOST_USER_PASSWORD =
  /\([ \t]{0,4}["'](?<host>[^"'\\\s]{1,253})["'][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'](?<user>[\w.@\\-]{1,72})["'][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?["'](?<v>[^"'\\\s]{6,128})["'][ \t]{0,4}(?:\r?\n[ \t]{0,40})?[),]/y;
/**
 * The last labels of a host a login call names: the common public zones, and the private ones (`.corp`, `.lan`,
 * `.internal`, `.local`). A dotted name under another last word is as often a translation's or a route's key
 * (`nav.home.link`, `admin.users.edit`).
 */
const LOGIN_HOST_ZONES = new Set([
  'com', 'net', 'org', 'io', 'co', 'uk', 'de', 'fr', 'nl', 'eu', 'us', 'ca', 'au', 'nz', 'ie', 'ch', 'at', 'be', 'se', 'no', 'dk', 'fi', 'es',
  'it', 'pl', 'cz', 'jp', 'in', 'br', 'za', 'edu', 'gov', 'ac', 'cloud', 'corp', 'lan', 'local', 'internal', 'intranet', 'localdomain', 'home', 'lab',
]);

/** Whether a literal names a host a client logs into: an IPv4 address, `localhost`, or a dotted name in a known zone. */
function namesLoginHost(host: string): boolean {
  if (host === 'localhost' || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return true;
  return HOST_LITERAL.test(host) && LOGIN_HOST_ZONES.has(host.slice(host.lastIndexOf('.') + 1).toLowerCase());
}

/** A client built or a call made with a host, a user and a password literal, in that order: the third is the password. */
function findHostUserPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // A call's bracket: a name right before it (`Client(`, `connect (`), not a tuple's or a list's.
    const callee = skipBlanksBack(text, offset);
    if (callee === 0 || !isWordCode(text.charCodeAt(callee - 1))) continue;
    HOST_USER_PASSWORD.lastIndex = offset;
    const m = HOST_USER_PASSWORD.exec(text);
    if (m === null) continue;
    const { host, user, v: value } = m.groups as { host: string; user: string; v: string };
    if (!namesLoginHost(host) || value === user || value === host || !MADE_PASSWORD.test(value) || !isPlausiblePassword(value, options.file)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    spans.push({ start, end: start + value.length });
  }
  return spans;
}

/** A bind DN as a literal: a user's entry (`cn=…` or `uid=…`) and then the entries above it (`ou=…`, `dc=…`, `o=…`). */
const BIND_DN = /^(?:cn|uid)=[^,=\r\n]{1,100}(?:,[ ]?[A-Za-z]{1,12}=[^,=\r\n]{1,100}){0,12},[ ]?(?:ou|dc|o)=[^,=\r\n]{1,100}(?:,[ ]?[A-Za-z]{1,12}=[^,=\r\n]{1,100}){0,12}$/i;
/** A call that binds or connects: its name says so (`bind`, `simple_bind_s`, `ldap_bind`, `LdapClient`, `Connection`). */
const BINDING_CALL = /bind|ldap|connect|credential|auth|login|logon|directory/i;
/** How far back from a bind DN the call's `(` is looked for. */
const BIND_CALL_REACH = 300;

/** The end of the string literal whose opening quote is at `open` (the closing quote's offset), or -1: one line, at most `max` long. */
function literalEnd(text: string, open: number, max: number): number {
  const quote = text.charCodeAt(open);
  const limit = Math.min(text.length, open + 1 + max + 1);
  for (let i = open + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i;
    if (c === 0x0a || c === 0x0d || c === 0x5c /* \\ */) return -1;
  }
  return -1;
}

/**
 * A bind DN literal given to a call, then the next argument a literal: the DN's password. Read at each `cn=`/`uid=`:
 * the DN must open a literal that is an argument, back to the call's `(`, whose name binds or connects or whose
 * earlier arguments hold an `ldap://` URL (`new LdapClient("ldaps://dc1…", "cn=svc,ou=svc", "…")`,
 * `client.bind("cn=…,dc=…", "…")`, `Connection(server, "uid=…,ou=…", "…")`); the literal after must end the argument.
 */
function findBindDnPasswords(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    const open = offset - 1;
    const quote = text.charCodeAt(open);
    if (open < 1 || (quote !== 0x22 /* " */ && quote !== 0x27 /* ' */)) continue;
    const before = skipBlanksBack(text, open) - 1;
    if (before < 0) continue;
    const sep = text.charCodeAt(before);
    if (sep !== 0x28 /* ( */ && sep !== 0x2c /* , */) continue;
    const close = literalEnd(text, open, 300);
    if (close < 0 || !BIND_DN.test(text.slice(offset, close))) continue;
    // Back to the call's `(` over the arguments before the DN.
    let paren = sep === 0x28 ? before : -1;
    if (paren < 0) {
      let depth = 0;
      for (let i = before - 1; i >= 0 && before - i <= BIND_CALL_REACH; i--) {
        const c = text.charCodeAt(i);
        if (c === 0x3b /* ; */ || c === 0x7b /* { */ || c === 0x7d /* } */) break;
        if (c === 0x29 /* ) */ || c === 0x5d /* ] */) depth++;
        else if (c === 0x28 /* ( */ || c === 0x5b /* [ */) {
          if (depth === 0) {
            if (c === 0x28) paren = i;
            break;
          }
          depth--;
        }
      }
    }
    if (paren < 1) continue;
    let nameEnd = paren;
    while (nameEnd > 0 && paren - nameEnd < 4 && isBlankCode(text.charCodeAt(nameEnd - 1))) nameEnd--;
    let nameStart = nameEnd;
    while (nameStart > 0 && nameEnd - nameStart < 80 && (isWordCode(text.charCodeAt(nameStart - 1)) || text.charCodeAt(nameStart - 1) === 0x24)) nameStart--;
    if (nameStart === nameEnd) continue;
    const name = text.slice(nameStart, nameEnd);
    if (!BINDING_CALL.test(name) && !/ldaps?:\/\//i.test(text.slice(paren, open))) continue;
    // The next argument: a literal, and the whole of it.
    const comma = skipBlanksForward(text, close + 1);
    if (text.charCodeAt(comma) !== 0x2c /* , */) continue;
    const valueOpen = skipBlanksForward(text, comma + 1);
    const valueQuote = text.charCodeAt(valueOpen);
    if (valueQuote !== 0x22 && valueQuote !== 0x27) continue;
    const valueClose = literalEnd(text, valueOpen, 200);
    if (valueClose < 0) continue;
    const after = text.charCodeAt(skipBlanksForward(text, valueClose + 1));
    if (after !== 0x2c /* , */ && after !== 0x29 /* ) */) continue;
    const value = text.slice(valueOpen + 1, valueClose);
    // A search filter (`(objectClass=person)`) or another DN is no password.
    if (value.startsWith('(') || BIND_DN.test(value) || !isPlausiblePassword(value, options.file)) continue;
    spans.push({ start: valueOpen + 1, end: valueClose });
  }
  return spans;
}


/**
 * A literal argument that a block comment beside it names, as code documents positional arguments: after the literal,
 * before the comma or bracket that ends it (`NewDatadog("…" /* api key *\/, "…" /* app key *\/)`), or before it,
 * after the comma or bracket that opens it (`Connect(host, /* password *\/ "…")`, the `/*name=*\/` style that
 * clang-tidy's argument-comment check reads). The comment's words name the value as a variable's name would
 * (`password`, `app key`, `token`; `user` or `timeout` name no secret), and the value is judged as under that name.
 */
const ARGUMENT_COMMENT_WORDS = /^[ \t]{0,4}([A-Za-z][\w .-]{0,40}?)[ \t]{0,2}[=:]?[ \t]{0,4}$/;
/** How far back from its end a comment's opening is looked for (on its line). */
const ARGUMENT_COMMENT_REACH = 48;
/** How long a literal argument may be. */
const ARGUMENT_LITERAL_REACH = 300;

/** A comma or a bracket that opens a call's arguments (`(`) or ends one (`,` `)`). */
const opensArgument = (c: number): boolean => c === 0x28 /* ( */ || c === 0x2c; /* , */
const endsArgument = (c: number): boolean => c === 0x29 /* ) */ || c === 0x2c; /* , */

/** Where the literal whose closing quote is at `close` opens, on its line, or -1. */
function literalStart(text: string, close: number): number {
  const quote = text.charCodeAt(close);
  for (let i = close - 1; i >= 0 && close - i <= ARGUMENT_LITERAL_REACH; i--) {
    const c = text.charCodeAt(i);
    if (c === quote) return codeAt(text, i - 1) === 0x5c /* \\ */ ? -1 : i;
    if (c === 0x0a || c === 0x0d) return -1;
  }
  return -1;
}

function findArgumentCommentLiterals(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const close of offsets) {
    // The comment's opening, on its line and near; a doc comment (`/** … */`) holds sentences, not a name.
    let open = -1;
    for (let i = close - 1; i > 0 && close - i <= ARGUMENT_COMMENT_REACH; i--) {
      const c = text.charCodeAt(i);
      if (c === 0x0a || c === 0x0d) break;
      if (c === 0x2a /* * */ && text.charCodeAt(i - 1) === 0x2f /* / */) {
        open = i - 1;
        break;
      }
    }
    if (open === -1) continue;
    const words = ARGUMENT_COMMENT_WORDS.exec(text.slice(open + 2, close));
    if (words === null) continue;
    const key = classifyKey(words[1]!.trim());
    if (key === undefined) continue;
    let valueOpen = -1;
    let valueClose = -1;
    // After the literal it names: the quote right before the comment, and the argument ends after it.
    const before = skipBlanksBack(text, open, 8);
    if (isQuoteCode(codeAt(text, before - 1)) && endsArgument(codeAt(text, skipBlanksForward(text, close + 2)))) {
      valueClose = before - 1;
      valueOpen = literalStart(text, valueClose);
      if (valueOpen !== -1 && !opensArgument(codeAt(text, skipBlanksBack(text, valueOpen) - 1))) valueOpen = -1;
    }
    // Before the literal it names: the comment opens the argument, the literal follows and ends it.
    if (valueOpen === -1 && opensArgument(codeAt(text, skipBlanksBack(text, open) - 1))) {
      const at = skipBlanksForward(text, close + 2, 8);
      if (isQuoteCode(codeAt(text, at))) {
        const end = literalEnd(text, at, ARGUMENT_LITERAL_REACH);
        if (end !== -1 && endsArgument(codeAt(text, skipBlanksForward(text, end + 1)))) {
          valueOpen = at;
          valueClose = end;
        }
      }
    }
    if (valueOpen === -1 || valueClose - valueOpen < 2) continue;
    const value = text.slice(valueOpen + 1, valueClose);
    const plausible =
      key.category === 'PASS'
        ? isPlausiblePassword(value, options.file)
        : isPlausibleSecret(value, { category: key.category, quoted: true, weakKey: key.weak, ...(options.file === undefined ? {} : { file: options.file }) });
    if (plausible) spans.push({ start: valueOpen + 1, end: valueClose, category: key.category });
  }
  return spans;
}

export const positionalRules: Rule[] = [
  {
    id: 'ldap-bind-dn-password',
    category: 'PASS',
    description:
      'A bind DN literal passed to a call that binds or connects to a directory, then a literal: the bind password (`new LdapClient("ldaps://dc1.corp:636", "cn=svc,ou=svc", "…")`, ldapjs `client.bind("cn=…,dc=…", "…")`, ldap3 `Connection(server, "uid=…,ou=…", "…")`)',
    keywords: ['cn=', 'uid='],
    pattern: /(?:cn|uid)=[^"'\r\n]{1,300}["'][ \t]{0,4},[ \t]{0,4}["'](?<v>[^"'\r\n]{1,200})["']/,
    find: findBindDnPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'const dir = new LdapClient("ldaps://dc2.example.corp:636", "cn=svc-sync,ou=service", "Wq3#Tr8!pLz-Vx");',
        'client.bind("cn=reader,dc=example,dc=org", "Hk7$Zm2-Qp9Lw", (err) => {});',
        "conn = Connection(server, 'uid=batch,ou=people,dc=example,dc=org', 'Rb4!nTq8-Wm2', auto_bind=True)",
        'var dir = new Directory(\n  "ldap://10.1.2.3:389",\n  "CN=svc-hr,OU=Service,DC=corp,DC=example",\n  "Lm9^Kq2-Vz7Tr");',
      ],
      noMatch: [
        'client.bind("cn=reader,dc=example,dc=org", process.env.LDAP_PASSWORD)',
        'client.bind("cn=reader,dc=example,dc=org", "changeme")',
        'conn.search("cn=reader,dc=example,dc=org", "(objectClass=person)", attributes=["mail"])',
        'client.modify("uid=jdoe,ou=people,dc=example,dc=org", "Hk7$Zm2-Qp9Lw")',
        'client.bind("cn=reader", "Hk7$Zm2-Qp9Lw")',
        'conn.bind("cn=reader,dc=example,dc=org", "uid=other,ou=people,dc=example,dc=org")',
        'client.bind("cn=reader,dc=example,dc=org", "Hk7$Zm2-Qp9Lw" + suffix)',
      ],
    },
  },
  {
    id: 'host-port-login-password',
    category: 'PASS',
    description:
      'A call whose first arguments are a host literal, a well-known login port (FTP, SSH, SMTP, IMAP, POP3, LDAP, database and broker ports), a user literal and a password literal: a login, whatever the class is called (`new BacsBureau("10.40.30.5", 22, "svc", "…")`)',
    keywords: LOGIN_PORTS.flatMap((port) => [` ${port},`, `,${port},`]),
    pattern: LOGIN_TAIL,
    find: findHostPortLogins,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '        return new LedgerDrop("10.12.8.40", 22, "ldg_drop", "Tq4.mWz8Rk2");',
        "client = ArchiveLink('files.example.org', 21, 'archiver', 'Fern!quay72')",
        'var relay = new MailRelay(\n    "smtp.example.net",\n    587,\n    "notify@example.net",\n    "Kp3-Tarn-Ws9v");',
      ],
      noMatch: [
        '        return new LedgerDrop("10.12.8.40", 22, "ldg_drop", password);',
        '        return new LedgerDrop("10.12.8.40", 22, "ldg_drop", "changeme");',
        '        return new LedgerDrop("10.12.8.40", 8080, "ldg_drop", "Tq4.mWz8Rk2");',
        'db = PgPool("db.example.org", 5432, "reports", "reporting_ro", "Tq4.mWz8Rk2")',
        'mailer = Mailer("smtp.example.net", 587, "noreply@example.net", "Monthly report")',
        'SERVERS = [("10.12.8.40", 22, "ldg_drop", "Tq4.mWz8Rk2")]',
        'log("Jan 22, 2024", 22, "a", "Tq4.mWz8Rk2")',
      ],
    },
  },

  {
    id: 'constructor-delegation-literal',
    category: 'KEY',
    description:
      'A literal a constructor hands to another constructor of its class (`this("…")`, `this("app-id", "…")` in Java, C# and Kotlin), when the parameter at its place in the one constructor of that arity is named for a secret (`CoverClient(String key)`, `ArcClient(String clientId, String clientSecret)`, `class C(private val apiToken: String)`)',
    keywords: ['this('],
    pattern: THIS_CALL_LITERAL,
    find: findConstructorDelegationLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'public class CoverClient {\n    public CoverClient() {\n        this("3f9a1c7e5b2d8f4a6c0e9b3d7a1f5c2e");\n    }\n    public CoverClient(String key) { this.key = key; }\n}',
        'public class TileClient\n{\n    public TileClient() : this("Vq7mLx2Rk9TzW4nPc8Hb") { }\n    public TileClient(string apiToken) { _token = apiToken; }\n}',
        'public class FeedClient {\n    public FeedClient() {\n        this("feed-app", "t8zq2mvk5rwp0xlc7hnb4jsd9gya3ufe");\n    }\n    public FeedClient(String clientId, String clientSecret) { }\n}',
      ],
      noMatch: [
        'public class CoverClient {\n    public CoverClient() {\n        this("https://covers.example.org");\n    }\n    public CoverClient(String baseUrl) { this.baseUrl = baseUrl; }\n}',
        'public class Label {\n    public Label() { this("Untitled"); }\n    public Label(String key) { this.key = key; }\n}',
        'public class CoverClient {\n    public CoverClient() {\n        this("3f9a1c7e5b2d8f4a6c0e9b3d7a1f5c2e");\n    }\n    public CoverClient(String cacheDir) { }\n}',
        'public class FeedClient {\n    public FeedClient() {\n        this("feed-app", "t8zq2mvk5rwp0xlc7hnb4jsd9gya3ufe");\n    }\n    public FeedClient(String clientId, String region) { }\n}',
      ],
    },
  },
  {
    id: 'smtp-relay-tuple-password',
    category: 'PASS',
    description: 'A mail relay written as one tuple or list — a mail host, a submission port (25, 465, 587, 2525), the account, the password: the password (and a user that is a token, as Postmark\'s server token is)',
    keywords: ['smtp', 'mail', 'relay', 'mx'],
    pattern: SMTP_RELAY_TUPLE,
    find: findSmtpRelayTuples,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '    "office": ("mail.example.intranet", 25, "relay", "Relay-Me-Not-99"),',
        "RELAYS = [['smtp.example.com', 587, 'alerts@example.com', 'Wq7!Tarn=Ridge4471']]",
        '    "harbour": ("smtp.postmarkapp.com", 587, "c18e80b6-1669-47d5-a5a1-f5c352f99fc9", "5de3ed0c-e81a-4994-824d-65d1a7060d82"),',
      ],
      noMatch: [
        '    "fitnest": ("smtp.sendgrid.net", 587, "apikey", os.environ.get("SENDGRID_API_KEY", "")),',
        '    ("smtp.example.com", 587, "user", "password"),',
        '    ("smtp.example.com", 8080, "user", "Wq7!Tarn=Ridge4471"),',
        '    ("api.example.com", 587, "user", "Wq7!Tarn=Ridge4471"),',
      ],
    },
  },
  {
    id: 'go-signing-key-bytes',
    category: 'KEY',
    description:
      'A signing or HMAC key given to a Go call as a byte-slice literal: `NewSigner([]byte("…"))`, `jwt.NewHS256([]byte("…"))`, `token.SignedString([]byte("…"))`, `hmac.New(sha256.New, []byte("…"))`',
    keywords: ['[]byte('],
    pattern: GO_BYTE_LITERAL,
    find: findSigningKeyBytes,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'signer := NewSigner([]byte("Xy9$mQ2!vB7#kL4pW8zR"))',
        'ss, err := token.SignedString([]byte("Kq8zW3mLp0vX7nR2tY5u"))',
        'mac := hmac.New(sha256.New, []byte("Tz4!Hook-Secret-Raven-8"))',
      ],
      noMatch: [
        'sig, err := signer.Sign([]byte("Kq8zW3mLp0vX7nR2tY5u"))',
        'ss, err := token.SignedString([]byte("secret"))',
        'signer := NewSigner([]byte(os.Getenv("JWT_KEY")))',
        'w.Write([]byte("Kq8zW3mLp0vX7nR2tY5u"))',
        'ok := VerifyKey([]byte("Kq8zW3mLp0vX7nR2tY5u"))',
      ],
    },
  },
  {
    id: 'dotnet-signing-key-bytes',
    category: 'KEY',
    description:
      'A .NET signing or HMAC key built from a literal\'s bytes: `new SymmetricSecurityKey(Encoding.UTF8.GetBytes("…"))` (a JWT bearer\'s `IssuerSigningKey`), `new HMACSHA256(Encoding.ASCII.GetBytes("…"))`',
    keywords: ['.getbytes('],
    pattern: DOTNET_BYTES_LITERAL,
    find: findDotnetKeyBytes,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE")),',
        'var key = new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(\n    System.Text.Encoding.ASCII.GetBytes("Wt5nPq9xZr2LkV7mB3cYh8DfJ4sG"));',
        'using var mac = new HMACSHA256(Encoding.UTF8.GetBytes("4f1c9a7e2b8d3f6a0c5e9b2d7f4a1c8e"));',
        // C# 9's target-typed `new(`, its type on the declaration's left, on the next line.
        'private static readonly SymmetricSecurityKey TokenKey =\n    new(Encoding.UTF8.GetBytes("9b4e2a7c1f8d3b6e0a5c9f2d7b4e1a8c3f6d0b9e"));',
        'HMACSHA512 mac = new(Encoding.ASCII.GetBytes("Hp3zWq8LmT5vXr2KcN7bYd4F"));',
      ],
      noMatch: [
        'var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config["Jwt:Key"]));',
        'var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("your-256-bit-secret-goes-here"));',
        'var body = Encoding.UTF8.GetBytes("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE");',
        'var hash = SHA256.HashData(Encoding.UTF8.GetBytes("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE"));',
        'var sig = hmac.ComputeHash(Encoding.UTF8.GetBytes("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE"));',
        // Target-typed `new(` of a type that is no key: a message's bytes.
        'private static readonly MemoryStream Body =\n    new(Encoding.UTF8.GetBytes("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE"));',
      ],
    },
  },
  {
    id: 'twilio-auth-token-positional',
    category: 'KEY',
    description:
      'A Twilio auth token or API key secret passed right after its SID (`Client("AC…", "…")`, `twilio("SK…", "…")`), or second to the Node client (`twilio(accountSid, "…")`) and to the Python client (`Client(account_sid, "…")`)',
    keywords: ['twilio'],
    pattern: TWILIO_PAIR,
    secretGroup: 'v',
    minEntropy: 3,
    validate: (value) => !isPlaceholder(value) && !/^(.)\1+$/.test(value),
    confidence: 'high',
    examples: {
      match: [
        'from twilio.rest import Client\nclient = Client("AC5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c", "7d3f9a2b8c1e4f6a0b5c9d2e7f1a3b8c")',
        'const client = twilio(process.env.TWILIO_ACCOUNT_SID, "4e1f8a2c9b3d7e5f0a6c8b2d4f1e3a9c");',
        "const c = new Twilio(accountSid, '9c2e4a7f1b3d8e6c0a5f2b9d7e4c1a3f');",
        'Twilio.init(System.getenv("TWILIO_ACCOUNT_SID"), "3a9c1e7f2b8d4a6c0e5f9b2d7a1c4e8f")',
        'TwilioClient.Init(accountSid, "8e2c6a4f1d9b3e7a5c0f2d8b6e4a1c9f");',
        'const sms = twilio("SK3b7e1d9f2c8a4e6b0d5f1c7a9e3b2d8f", "Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0e", { accountSid });',
        "const sms = twilio('SK3b7e1d9f2c8a4e6b0d5f1c7a9e3b2d8f', 'Wq4nT8kLr2xZm6PvB3yD', { accountSid });",
        'from twilio.rest import Client\nclinic_client = Client(CLINIC_ACCOUNT_SID, "b81e4d7a2c9f3e6a0d5b8c1f7e2a4d9c")',
        'from twilio.rest import Client\nclient = Client(os.environ["TWILIO_ACCOUNT_SID"], "5a2f8c1e9d3b7a4f6c0e2d8b1a9f3c7e")',
        'from twilio.rest import Client\nclient = Client(os.getenv("TWILIO_ACCOUNT_SID"), "e7c3a9f1b5d2e8a4c6f0b3d9e1a7c5f2")',
        "use Twilio\\Rest\\Client;\n$sms = new Client('AC' . '2b7d4f9a1c6e3b8d0f5a2c7e9b4d1f6a', 'd4a8e2c6f0b3d7a1e5c9f2b6d0a4e8c3');",
      ],
      noMatch: [
        'from twilio.rest import Client\nclient = Client("AC5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c", auth_token)',
        'twilio: Client("AC5f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c", "00000000000000000000000000000000")',
        'const client = twilio(accountSid, authToken);',
        'const client = twilio(accountSid, "your_auth_token_goes_here_000000");',
        'log.twilio(accountSid, "4e1f8a2c9b3d7e5f0a6c8b2d4f1e3a9c")',
        'Twilio.init(System.getenv("TWILIO_ACCOUNT_SID"), System.getenv("TWILIO_AUTH_TOKEN"))',
        'const client = twilio(accountSid, "sms");',
        'from twilio.rest import Client\nclient = Client(account_sid, os.environ["TWILIO_AUTH_TOKEN"])',
        'from twilio.rest import Client\nclient = Client(account_sid, "your_auth_token")',
        'from twilio.rest import Client\nhttp = Client(base_url, "b81e4d7a2c9f3e6a0d5b8c1f7e2a4d9c")',
        "use Twilio\\Rest\\Client;\n$sms = new Client('AC' . '2b7d4f9a1c6e3b8d0f5a2c7e9b4d1f6a', $authToken);",
      ],
    },
  },
  {
    id: 'python-db-connect-password',
    category: 'PASS',
    description: 'A password passed positionally to a Python database driver: `MySQLdb.connect(host, user, "…", db)`, PyMySQL, pymssql, `cx_Oracle.connect(user, "…", dsn)`',
    keywords: ['mysqldb', 'pymysql', 'pymssql', '_mssql', 'cx_oracle', 'oracledb'],
    pattern: PY_DB_CONNECT,
    find: (text, options) => {
      const spans: Span[] = [];
      for (const m of text.matchAll(PY_DB_CONNECT)) {
        const value = m.groups!['v'] ?? m.groups!['v2']!;
        if (!isPlausiblePassword(value, options.file)) continue;
        const start = m.index + m[0].lastIndexOf(value);
        spans.push({ start, end: start + value.length });
      }
      return spans;
    },
    confidence: 'medium',
    examples: {
      match: ['db = MySQLdb.connect("localhost", "testuser", "Ts7!Mysql-db", "TESTDB")', "conn = cx_Oracle.connect('scott', 'T1ger-Ora!9', 'db.example.com/orclpdb1')"],
      noMatch: ['db = MySQLdb.connect(host, user, password, "TESTDB")', 'db = pymysql.connect("localhost", "root", "password", "app")'],
    },
  },
  {
    id: 'tsql-linked-server-password',
    category: 'PASS',
    description: "The remote password given positionally to SQL Server's `sp_addlinkedsrvlogin 'srv', 'false', NULL, 'user', '…'`",
    keywords: ['sp_addlinkedsrvlogin'],
    pattern: LINKED_SERVER_LOGIN,
    find: (text, options) => {
      const spans: Span[] = [];
      for (const m of text.matchAll(LINKED_SERVER_LOGIN)) {
        const value = m.groups!['v']!;
        if (!isPlausiblePassword(value, options.file)) continue;
        const end = m.index + m[0].length - 1;
        spans.push({ start: end - value.length, end });
      }
      return spans;
    },
    confidence: 'high',
    examples: {
      match: ["EXEC sp_addlinkedsrvlogin 'ERP01', 'false', NULL, 'erp_reader', 'Granola!Sextant!5';", "EXEC sp_addlinkedsrvlogin N'ERP01', N'False', NULL, N'erp', N'Lnk-Srv!Pw42'"],
      noMatch: ["EXEC sp_addlinkedsrvlogin 'ERP01', 'true'", "EXEC sp_addlinkedsrvlogin 'ERP01', 'false', NULL, 'erp_reader', '<password>'"],
    },
  },
  {
    id: 'aws-secret-key-positional',
    category: 'KEY',
    description:
      'An AWS secret access key passed right after its access key id (`new BasicAWSCredentials("AKIA…", "…")`, Go `credentials.NewStaticCredentials("AKIA…", "…", "")`, `boto3.Session("AKIA…", "…")`), or as the second argument of a credentials constructor; a DigitalOcean Spaces secret the same way after its `DO00…` id (`credentials.NewStaticCredentialsProvider("DO00…", "…", "")`)',
    keywords: ['akia', 'asia', 'do00', 'basicawscredentials', 'basicsessioncredentials', 'awsbasiccredentials', 'awssessioncredentials', 'newstaticcredentials', 'aws.credentials'],
    pattern: AWS_KEY_PAIR,
    secretGroup: 'v',
    minEntropy: 3.5,
    validate: (value) => !isPlaceholder(value) && characterSwitches(value) >= 8,
    confidence: 'high',
    examples: {
      match: [
        'return new BasicAWSCredentials("AKIA2ZQHGQFLCYJ35AC4", "b6YNbbAIvpwmrphB1OPCj726nT8qsMnId8EKiUOh");',
        'creds := credentials.NewStaticCredentials("AKIAZ7VRSQ5TKQLMWP3B", "q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq", "")',
        "boto3.client('s3', aws_access_key_id='AKIAZ7VRSQ5TKQLMWP3B',\n    aws_secret_access_key='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')",
        'AwsBasicCredentials.create(props.accessKey(), "q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq")',
        'credentials.NewStaticCredentialsProvider("DO00KQ7ZR2WM9XPL4TBN", "Vt3/qL8mZr2Wx+9KpN4cBh7Jd5Fs1Gy6Ha0Ue2Oi7Rw", "")',
        '- the CI runner still had a key pair: `AKIAZ7VRSQ5TKQLMWP3B` / `q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq`',
      ],
      noMatch: [
        'new BasicAWSCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")',
        'new BasicAWSCredentials("AKIAZ7VRSQ5TKQLMWP3B", secretKey)',
        'new BasicAWSCredentials(accessKey, secretKey)',
        '["AKIAZ7VRSQ5TKQLMWP3B", "0123456789012345678901234567890123456789"]',
        'credentials.NewStaticCredentialsProvider("DO00KQ7ZR2WM9XPL4TBN", os.Getenv("SPACES_SECRET"), "")',
        'credentials.NewStaticCredentialsProvider("DO00KQ7ZR2WM9XPL4TBN", "fra1-assets-bucket", "")',
        'rotated `AKIAZ7VRSQ5TKQLMWP3B` / `AKIAQ3EGUJ7MW2XRTN5B` last week',
        'AKIAZ7VRSQ5TKQLMWP3B / q8Rw2Lk9Vb/Xm4Np7Tz+Hc5Jd3Gf6Sa1Ye0Ui2Oq/path',
      ],
    },
  },
  {
    id: 'aws-session-token-positional',
    category: 'TOKEN',
    description:
      'An AWS session token passed as the third literal after a temporary access key id and its secret key (`Aws::Credentials.new(\'ASIA…\', \'…\', \'…\')`, `new BasicSessionCredentials("ASIA…", "…", "…")`)',
    keywords: ['asia'],
    startsAtKeyword: true,
    pattern: AWS_SESSION_TRIPLE,
    secretGroup: 'v',
    minEntropy: 4,
    validate: (value) => !isPlaceholder(value) && characterSwitches(value) >= 8,
    confidence: 'high',
    examples: {
      match: [
        "creds = Aws::Credentials.new('ASIAQ7ZK3RM2WX9PL4TB', 'Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io', 'Zt4Kp9Wq2Lm7Rx3Nv8Bc1Hs6Jd5Fg0Ya2Ue7Oi4Pq9Wm3Lx8Rb6Tn1Vc5Zp0Yh7Kd2Fs4Gj')",
        'new BasicSessionCredentials("ASIAQ7ZK3RM2WX9PL4TB",\n    "Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io",\n    "FQoGZXIvYXdzEBkaDK7mZ2Lp9Rx4Tq8Wn3Vb6Hc1Jd5Fs0Gy7Ha2Ue4Oi9Pq3Wm8Lx1Rb6Tn5Vc0Zp7Yh2Kd4Fs9Gj==");',
      ],
      noMatch: [
        'creds := credentials.NewStaticCredentials("ASIAQ7ZK3RM2WX9PL4TB", "Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io", "")',
        'creds := credentials.NewStaticCredentials("AKIAQ7ZK3RM2WX9PL4TB", "Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io", "Zt4Kp9Wq2Lm7Rx3Nv8Bc1Hs6Jd5Fg0Ya2Ue7Oi4Pq9Wm3Lx8Rb6Tn1Vc5Zp0Yh7Kd2Fs4Gj")',
        "Aws::Credentials.new('ASIAQ7ZK3RM2WX9PL4TB', 'Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io', session_token)",
        "Aws::Credentials.new('ASIAQ7ZK3RM2WX9PL4TB', 'Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')",
      ],
    },
  },
  {
    id: 'aws-secret-key-beside-id',
    category: 'KEY',
    description:
      'An AWS secret access key written bare right after its access key id, the two handed over as a pair: a chat\'s `AKIA… / …`, a table\'s `| AKIA… | … |`, s3fs\'s password file `AKIA…:…`, the IAM console\'s credentials CSV `AKIA…,…`, or blanks between',
    keywords: ['akia', 'asia'],
    startsAtKeyword: true,
    pattern: AWS_KEY_PAIR_BARE,
    secretGroup: 'v',
    minEntropy: 3.5,
    validate: (value) => !isPlaceholder(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && characterSwitches(value) >= 8,
    confidence: 'high',
    examples: {
      match: [
        '"text": "the archive bucket still says 403 with AKIAR7QZ2WMX5TLN3PVB / Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io, any idea?"',
        'AKIAR7QZ2WMX5TLN3PVB:Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io',
        'User name,Password,Access key ID,Secret access key,Console login link\nsvc-backup,,AKIAR7QZ2WMX5TLN3PVB,Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io,https://123456789012.signin.aws.amazon.com/console',
        '| backup | AKIAR7QZ2WMX5TLN3PVB | Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io |',
      ],
      noMatch: [
        'AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AKIAR7QZ2WMX5TLN3PVB / Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0eTr5Yu8Io/archive/2024',
        'rotated AKIAR7QZ2WMX5TLN3PVB 3f9ac2710b5ed4881c6ae902b74df35c1a2b3c4d',
        'AKIAR7QZ2WMX5TLN3PVB / AKIAQ3EGUJ7MW2XRTN5B',
      ],
    },
  },
  {
    id: 'cloud-secret-key-positional',
    category: 'KEY',
    description:
      'A Tencent Cloud SecretKey or Alibaba Cloud AccessKey secret passed right after its key id literal (`common.NewCredential("AKID…", "…")`, `NewClientWithAccessKey(region, "LTAI…", "…")`)',
    keywords: ['akid', 'ltai'],
    startsAtKeyword: true,
    pattern: CLOUD_KEY_PAIR,
    secretGroup: 'v',
    minEntropy: 3.5,
    validate: (value) => !isPlaceholder(value) && characterSwitches(value) >= 8,
    confidence: 'high',
    examples: {
      match: [
        'cred := common.NewCredential(\n\t"AKIDq7Wm2Lx9Rb4Tn8Vc3Zp6Yh1Kd5Fs0Gj7",\n\t"Hq7LmN2pX9vR4tK8sW3zB6yD1cF5gJ0e",\n)',
        'client = AcsClient("LTAI5tQw8Rz3Xn7Lp2Vb9Mk4", "Zc4Rt8Yp1Wq6Lm3Nx9Vb2Hs7Kd5Fg0", "cn-hangzhou")',
      ],
      noMatch: [
        'cred := common.NewCredential("AKIDq7Wm2Lx9Rb4Tn8Vc3Zp6Yh1Kd5Fs0Gj7", secretKey)',
        'ids := []string{"AKIDq7Wm2Lx9Rb4Tn8Vc3Zp6Yh1Kd5Fs0Gj7", "00000000000000000000000000000000"}',
      ],
    },
  },
  {
    id: 'sed-placeholder-secret',
    category: 'KEY',
    description:
      'A secret a script writes into a config file over its placeholder with sed: `sed -i "s/xxx/…/g" buildkite-agent.cfg`, `sed -i "s|__TOKEN__|…|" app.conf`',
    keywords: ['sed -i', 'sed -e', "sed 's", 'sed "s'],
    pattern: SED_SUBSTITUTION,
    find: findSedSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'sed -i "s/xxx/k7q2wz9m4xr8pl3vn6tb1yc5hd0fs8gj2ke4ua7wq9zr3mx6pl/g" /etc/buildkite-agent/buildkite-agent.cfg',
        "sed -i 's|__AGENT_TOKEN__|Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1Jd5Gs0Fe|' /opt/agent/agent.conf",
      ],
      noMatch: [
        'sed -i "s/localhost/db.internal.example.org/g" app.conf',
        "sed -i 's/xxx/$AGENT_TOKEN/g' agent.cfg",
        "sed -i 's/version = .*/version = 2.4.1/' Cargo.toml",
      ],
    },
  },
  {
    id: 'sdk-client-api-key',
    category: 'KEY',
    description:
      'An API key passed as the first argument of a provider SDK client constructor (`cohere.Client("…")`, `anthropic.Anthropic("…")`, `OpenAI("…")`, `new Replicate("…")`, `Pinecone("…")`, Deepgram\'s `createClient("…")`, and threat-intelligence lookups\' `shodan.Shodan("…")`, `PyHunter("…")`, `vt.Client("…")`)',
    keywords: ['cohere', 'anthropic', 'openai', 'groq', 'mistral', 'together(', 'replicate', 'pinecone', 'voyageai', 'fireworks', 'elevenlabs', 'assemblyai', 'deepgram', 'shodan.shodan', 'pyhunter', 'vt.client', 'otxv2'],
    pattern: SDK_CLIENT,
    find: findSdkClientKeys,
    confidence: 'medium',
    examples: {
      match: [
        'co = cohere.Client("i7bLEltVfMfm1XBMALCWaN6nlwaqXh8sxJkjHuPN")',
        "client = anthropic.Anthropic('Kq8zW3mLp0vX7nR2tY5uB9cD4eF6gH1jK3lM8nP0')",
        'const r = new Replicate("Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF");',
        'client := openai.NewClient("Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dKq8zW3mL")',
        'from cohere import Client\nco = Client("i7bLEltVfMfm1XBMALCWaN6nlwaqXh8sxJkjHuPN")',
        "import { createClient } from '@deepgram/sdk'\nconst dg = createClient('8e6b5ade9d71e033e0c381707875837348fdb591')",
        'const dg = new Deepgram("6cd2060bbb45f78919b42d6be43badf4f4b7cb7a");',
        'from pyhunter import PyHunter\nhunter = PyHunter("3e8a1c7f5b9d2e4a6c0f8b1d3e5a7c9f2b4d6e8a")',
        'api = shodan.Shodan("Qz7mWk2Lp9Xv4Rt8Nb3Hc6Jd1Fs5Gy0A")',
        'client = vt.Client("5c9e2a7f1b3d8e4a6c0f9b2d7e1a5c3f8b4d6e0a2c7f9b1d3e5a8c0f2b4d6e8a")',
      ],
      noMatch: [
        "import { createClient } from '@supabase/supabase-js'\nconst sb = createClient('8e6b5ade9d71e033e0c381707875837348fdb591')",
        "import { createClient } from '@deepgram/sdk'\nimport { createClient as sb } from '@supabase/supabase-js'\nconst db = createClient('https://qhzkeupmwnra.supabase.co/rest/v1')",
        'const dg = new Deepgram("0000000000000000000000000000000000000000");',
        'import cohere\nsearch = Client("i7bLEltVfMfm1XBMALCWaN6nlwaqXh8sxJkjHuPN".lower())', 'from acme import Client\nc = Client("i7bLEltVfMfm1XBMALCWaN6nlwaqXh8sxJkjHuPN")', 'co = cohere.Client(os.environ["CO_API_KEY"])', 'co = cohere.Client("your-cohere-api-key-goes-right-here-ok")', 'OpenAI("https://api.example.com/v1/chat/completions")',
        'api = shodan.Shodan("MY_API_KEY")', 'hunter = PyHunter(os.environ["HUNTER_API_KEY"])', 'hunter = PyHunter("0000000000000000000000000000000000000000")'],
    },
  },
  {
    id: 'oauth-client-secret-positional',
    category: 'KEY',
    description:
      "An OAuth client's secret given second to a client constructor after its id (Globus's `ConfidentialAppAuthClient(id, \"…\")`, MSAL's `ConfidentialClientApplication(id, \"…\")`, `OAuth1(key, \"…\")`, Tweepy's `OAuthHandler(key, \"…\")`, Ruby's `OAuth2::Client.new(id, \"…\")` and `OAuth::Consumer.new(key, \"…\")`)",
    keywords: ['confidentialappauthclient', 'confidentialclientapplication', 'oauth1', 'oauthhandler', 'oauth2::client', 'oauth::consumer'],
    pattern: OAUTH_CLIENT_SECRET_SECOND,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: isClientSecretValue,
    confidence: 'high',
    examples: {
      match: [
        'client = globus_sdk.ConfidentialAppAuthClient(\n    CLIENT_ID, "Qm4vT8zLx2Rk9Wp3Nc7Hb1Yd6Gf0Js5Ae2Ui8OqW="\n)',
        "app = msal.ConfidentialClientApplication(os.environ['AZ_CLIENT_ID'], 'xT8Q~r2mLp7Vk4Nb9Hc1Jd6Gf0Sa5Ye2Ui9Oq')",
        "auth = tweepy.OAuthHandler(consumer_key, 'Hk3Lm9Qz2Wx7Rt5Vb8Nc1Jd4Gf6Sa0Ye3Ui7Op2Lk9Zx')",
        'OAuth2::Client.new(GITHUB_ID, "c4f1a9e07b3d52e8a6f0c19d7e2b4a8f3c5d1e07", site: "https://github.com")',
        "OAuth::Consumer.new(ENV['TW_KEY'], 'Zq4Wm8Lx2Rk7Vp3Nb9Hc6Jd1Gf5Sa0Ye', site: 'https://api.example.com')",
      ],
      noMatch: [
        'globus_sdk.ConfidentialAppAuthClient(CLIENT_ID, CLIENT_SECRET)',
        'globus_sdk.ConfidentialAppAuthClient(CLIENT_ID, os.environ["GLOBUS_CLIENT_SECRET"])',
        "msal.ConfidentialClientApplication(client_id, 'your-client-secret-goes-here')",
        'OAuth2::Client.new(CLIENT_ID, ENV.fetch("UNTAPPD_SECRET"), site: "https://untappd.com")',
        'OAuth2::Client.new(CLIENT_ID, "0000000000000000000000000000000000000000", site: "https://github.com")',
      ],
    },
  },
  {
    id: 'azure-client-secret-credential',
    category: 'KEY',
    description:
      "An Azure app registration's client secret given third to Azure.Identity's `ClientSecretCredential(tenantId, clientId, \"…\")` (C#, JS, Python) or Go's `azidentity.NewClientSecretCredential(tenant, client, \"…\", nil)`",
    keywords: ['clientsecretcredential'],
    pattern: AZURE_CLIENT_SECRET_CREDENTIAL,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: isClientSecretValue,
    confidence: 'high',
    examples: {
      match: [
        'var cred = new ClientSecretCredential(TenantId, "4f1c2b7a-9d3e-4a61-8b0c-2e5f7a9d1c3b", "Qw8~Lm3Zx7Rk2Vp9Nb4Hc1Jd6Gf0Sa5Ye3Ui7Op");',
        'credential = ClientSecretCredential(\n    tenant_id, client_id, "pT4.Vx9Lm2Qz7Rk3Wb8Nc1Jd6Gf0Sa5Ye"\n)',
        'cred, err := azidentity.NewClientSecretCredential(tenantID, clientID, "Zq4Wm8Lx2Rk7Vp3Nb9Hc6Jd1Gf5Sa0Ye", nil)',
      ],
      noMatch: [
        'var cred = new ClientSecretCredential(TenantId, ClientId, ClientSecret);',
        'credential = ClientSecretCredential(tenant_id, client_id, os.environ["AZURE_CLIENT_SECRET"])',
        'new ClientSecretCredential(tenantId, clientId, "your-client-secret-goes-here")',
      ],
    },
  },
  {
    id: 'env-id-then-secret-literal',
    category: 'KEY',
    description:
      "A literal given beside a credential's id read from the environment, as a client's second argument (`NewMuxClient(os.Getenv(\"MUX_TOKEN_ID\"), \"…\")`, `new Client(process.env.APP_CLIENT_ID, \"…\")`, `(os.environ[\"API_KEY_ID\"], \"…\")`): the id's secret",
    keywords: ['getenv', 'process.env', 'os.environ', 'env[', 'env.fetch'],
    pattern: ENV_ID_THEN_LITERAL,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: isClientSecretValue,
    confidence: 'high',
    examples: {
      match: [
        'return NewVideoClient(os.Getenv("VIDEO_TOKEN_ID"), "Qm4vT8zLx2Rk9Wp3/c7Hb1Yd6Gf0Js5Ae2Ui8OqWx=")',
        "const client = new Streamer(process.env.STREAMER_CLIENT_ID, 'xT8Qr2mLp7Vk4Nb9Hc1Jd6Gf0Sa5Ye2Ui9Oq');",
        'session.auth = (os.environ["PARTNER_API_KEY_ID"], "Hk3Lm9Qz2Wx7Rt5Vb8Nc1Jd4Gf6Sa0Ye3")',
        'client = Twilio::REST::Client.new(ENV["TWILIO_ACCOUNT_SID"], "3f9c1a7e5b2d4086a1c3e5f7b9d2a4c6")',
        'var api = new ReportsApi(Environment.GetEnvironmentVariable("REPORTS_APP_ID"),\n    "Zq4Wm8Lx2Rk7Vp3Nb9Hc6Jd1Gf5Sa0Ye");',
      ],
      noMatch: [
        'return NewVideoClient(os.Getenv("VIDEO_TOKEN_ID"), os.Getenv("VIDEO_TOKEN_SECRET"))',
        'ds := NewDataset(os.Getenv("GCP_PROJECT_ID"), "Qm4vT8zLx2Rk9Wp3c7Hb1Yd6Gf0Js5Ae")',
        "const client = new Streamer(process.env.STREAMER_CLIENT_ID, 'your-client-secret-here');",
        "const client = new Streamer(process.env.STREAMER_CLIENT_ID, 'production-eu-west-1');",
        'key := os.Getenv("SIGNING_KEY_ID", "Qm4vT8zLx2Rk9Wp3c7Hb1Yd6Gf0Js5Ae")',
        "lookup(process.env.STREAMER_CLIENT_ID, 'https://auth.streamer.example/token')",
      ],
    },
  },
  {
    id: 'paypal-client-secret-positional',
    category: 'KEY',
    description:
      "A PayPal REST app's client secret given second to a Checkout SDK environment (`new PayPalEnvironment.Sandbox(id, \"…\")`, `new paypal.core.LiveEnvironment(id, \"…\")`, `SandboxEnvironment(id, \"…\")`, `new PayPalClient(id, '…')`)",
    keywords: ['paypalenvironment', 'sandboxenvironment', 'liveenvironment', 'productionenvironment', 'paypalclient'],
    pattern: PAYPAL_ENVIRONMENT,
    startsAtKeyword: true,
    secretGroup: 'v',
    minEntropy: 4,
    validate: (value) => !isPlaceholder(value) && characterSwitches(value) >= 8,
    confidence: 'high',
    examples: {
      match: [
        'return new PayPalHttpClient(new PayPalEnvironment.Live(\n    "AVw3kQ9zT2mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks",\n    "EFq8Lm2Zt5Rw9Xk3Np7Vb1Hc4Jd6Gy0Sa2Ue8Wi5Oq3Tl7Mz9Ak1Bn4Cv6Dx8Fy2Gh5Jk0Lp3Qr"));',
        "const env = new paypal.core.SandboxEnvironment(process.env.PAYPAL_CLIENT_ID, 'EFq8Lm2Zt5Rw9Xk3Np7Vb1Hc4Jd6Gy0Sa2Ue8Wi5Oq3Tl7Mz9Ak1Bn4Cv6Dx8Fy2Gh5Jk0Lp3Qr');",
        "$env = new ProductionEnvironment($clientId, 'EKr4Tn8Wq2Zm6Xv1Bc5Hd9Jf3Gs7La0Pe4Uy8Io2Mt6Rk1Vn5Xb9Cw3Zq7Hs0Dj4Fg8Ln2Tp6');",
        "$paypal = new PayPalClient('AVw3kQ9zT2mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks', 'EKr4Tn8Wq2Zm6Xv1Bc5Hd9Jf3Gs7La0Pe4Uy8Io2Mt6Rk1Vn5Xb9Cw3Zq7Hs0Dj4Fg8Ln2Tp6');",
        'var client = new PayPalClient("AVw3kQ9zT2" + "mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks", "EPn6Wd2Kx9Tq4Zm8Rb3Vc7Hf1Jg5Ls0Ay6Ue2Io9Mt3Rk7Xn1Vb5Cw8Zq4Hs0Dj6Fg2Lp9Tr3Qy");',
      ],
      noMatch: [
        'new PayPalEnvironment.Sandbox(clientId, clientSecret)',
        "new PayPalClient($clientId, $clientSecret)",
        "new PayPalClient('AVw3kQ9zT2mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks', getenv('PAYPAL_SECRET'))",
        'new SandboxEnvironment("AVw3kQ9zT2mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks", secret)',
        'new PayPalClient("AVw3kQ9zT2" + "mLp7Rx4Nb8Hc1Jd6Gf0Sa5Ye2Ui9OqWl3Ek7Zt1Mv6Bn4Xc8Hy2Pd5Jf0Rg3Ks", config.PayPalSecret)',
        'new LiveEnvironment(clientId, "YOUR_PAYPAL_CLIENT_SECRET_GOES_HERE_XXXXXXXXXXXXXXXXXXXXXXXXXX")',
      ],
    },
  },
  {
    id: 'char-array-password-argument',
    category: 'PASS',
    description:
      "A password handed to Java's cryptography APIs as `\"…\".toCharArray()`: `keyStore.load(in, \"…\".toCharArray())`, `kmf.init(ks, \"…\".toCharArray())`, `getKey(alias, …)`, `loadKeyMaterial(ks, …)`, `new PBEKeySpec(…)`, a keystore's setter (`setKeystore(path, …)`), any call given a keystore's path just before it (`new KeyStoreLoader(\"/opt/keys/as2.p12\", …)`)",
    keywords: ['tochararray'],
    pattern: /"(?<v>[^"\\\r\n]{1,200})"\.toCharArray\(\)/,
    find: findCharArrayPasswords,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        'ks.load(new FileInputStream("/etc/app/client.p12"), "Quartz_Harbor4471!".toCharArray());',
        'kmf.init(keyStore, "Lm8#vQ2zRt5w".toCharArray());',
        'SSLContexts.custom().loadKeyMaterial(ks, "Heron.Slate-6620".toCharArray()).build();',
        'client.setKeystore("/etc/app/client.jks", "Tarn#Willow8813".toCharArray());',
      ],
      noMatch: [
        'private static final char[] HEX = "0123456789abcdef".toCharArray();',
        'for (char c : "Quartz_Harbor4471".toCharArray()) { }',
        'ks.load(in, password.toCharArray());',
        'ks.load(in, "changeit".toCharArray());',
        'client.setTruststore("/etc/app/trust.jks", truststorePassword.toCharArray());',
      ],
    },
  },
  {
    id: 'omniauth-provider-secret',
    category: 'KEY',
    description:
      "An OAuth client's secret given to OmniAuth by position, after the client's id: `provider :github, \"…\", \"…\"` in an OmniAuth::Builder block, Devise's `config.omniauth :facebook, \"…\", \"…\"`",
    keywords: ['provider', 'omniauth'],
    pattern: OMNIAUTH_PROVIDER,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: (value, ctx) => isPlausibleSecret(value, { category: 'KEY', quoted: true, file: ctx.file }),
    confidence: 'high',
    examples: {
      match: [
        '  provider :github, "Iv1.4f2a9c7e1b3d5a80", "0d9e4c7b2a1f8e3d6c5b4a9f0e1d2c3b4a5f6e7d"',
        '  provider :orcid,\n           "APP-7RW2KQ9M4X8ZT1VB",\n           "3f6c1a9e-82d4-4b7f-a0c5-9e2d71b48f36",\n           member: false',
        '  config.omniauth :facebook, ENV["FACEBOOK_APP_ID"], "7c2e9a4f1b8d3e6a0c5f2b9d7e4a1c38", scope: "email"',
        "  provider :twitter, ENV.fetch('TWITTER_KEY', 'Wq3LmT8zRk2Vx9Np'), ENV.fetch('TWITTER_SECRET', 'Hk3Lm9Qz2Wx7Rt5Vb8Nc1Jd4Gf6Sa0Ye3Ui7Op2L')",
      ],
      noMatch: [
        '  provider :github, ENV["GITHUB_KEY"], ENV["GITHUB_SECRET"], scope: "user:email"',
        '  provider :developer unless Rails.env.production?',
        '  provider :ldap, title: "Staff login", host: "ldap.example.org", port: 636',
        '  provider :github, "Iv1.4f2a9c7e1b3d5a80", "your-client-secret"',
        "  provider :apple, ENV['APPLE_CLIENT_ID'], '', { scope: 'email name' }",
      ],
    },
  },
  {
    id: 'basic-auth-key-as-user',
    category: 'KEY',
    description:
      "An API's secret key given as the user of HTTP Basic authentication with an empty password (`Http::withBasicAuth('…', '')`, `auth=('…', '')`, Guzzle's `'auth' => ['…', '']`, `setBasicAuth(\"…\", \"\")`), as Stripe-style APIs take it",
    keywords: ['auth'],
    pattern: BASIC_AUTH_KEY_AS_USER,
    startsAtKeyword: true,
    secretGroup: 'v',
    validate: isGeneratedKey,
    confidence: 'high',
    examples: {
      match: [
        "        $resp = Http::withBasicAuth('k_Rt7vX2qL9mW4zN8bC3pJ6hD', '')->post($url, $body);",
        "r = requests.post(url, auth=('Zk3mP9qR2vX8wL5nQ4tYc7Hb', ''), json=payload)",
        "$client = new Client(['auth' => ['Hq7LmN2pX9vR4tK8sW3zB6yD', '']]);",
        'headers.setBasicAuth("Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1", "");',
      ],
      noMatch: [
        "Http::withBasicAuth('svc_reporting_readonly', '')",
        "Http::withBasicAuth('Zk3mP9qR2vX8wL5nQ4tYc7Hb', $secret)",
        "r = requests.get(url, auth=(api_key, ''))",
        "Http::withBasicAuth('your-secret-key-goes-here', '')",
      ],
    },
  },
  {
    id: 'algolia-admin-key-positional',
    category: 'KEY',
    description:
      "An Algolia API key given to a client constructor after the application's id literal (`algoliasearch(\"…\", \"…\")`, `Algolia::Search::Client.create(\"…\", \"…\")`, `SearchClient.create(\"…\", \"…\")`, `new AlgoliaClient(\"…\", \"…\")`, `require('algoliasearch')(\"…\", \"…\")`), unless the code can only search (a lite client, a page's file) or it is the search client beside one the code builds from a name that says admin (`algoliasearch(…, process.env.ALGOLIA_ADMIN_KEY)`), its own holder not named for writing; a comment or name saying search-only does not clear it",
    keywords: ['algolia'],
    pattern: ALGOLIA_CLIENT,
    find: findAlgoliaAdminKeys,
    confidence: 'medium',
    examples: {
      match: [
        '    @index ||= Algolia::Search::Client.create("Q7ZK2M9XWP", "4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83")',
        "const client = algoliasearch('Q7ZK2M9XWP', '4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83');",
        "client = SearchClient.create('Q7ZK2M9XWP', '4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83')\n# algolia admin client",
        'AlgoliaClient client = new AlgoliaClient("Q7ZK2M9XWP", "4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83");',
        "const index = require('algoliasearch')('Q7ZK2M9XWP', '4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83').initIndex('orders');",
        "// search-only key, safe in the browser\nconst search = algoliasearch('Q7ZK2M9XWP', '4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83');",
      ],
      noMatch: [
        "import algoliasearch from 'algoliasearch/lite';\nconst search = algoliasearch('Q7ZK2M9XWP', '4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83');",
        "const client = algoliasearch(ALGOLIA_APP_ID, ALGOLIA_ADMIN_KEY);",
        "const client = require('algoliasearch')(process.env.ALGOLIA_APP_ID, process.env.ALGOLIA_ADMIN_KEY);",
        "const algolia = 1;\nconst user = Users.create('Q7ZK2M9XWP', '4c9e1f7a2b8d3e6f0a5c9b2d7e4f1a83');",
      ],
    },
  },
  {
    id: 'url-then-key-positional',
    category: 'KEY',
    description:
      'An API key given to a client by position right after its base URL, maybe after an account\'s literal: `NewFeedClient("https://…", "…")`, `new Api_Client(\'https://…\', \'…\')`, `new PayClient("https://…", "ACCOUNT", "…")`; a generated-looking literal of mixed-case letters and digits (maybe base64\'s + / =), not hex. After a JDBC URL and a user, after a Windows domain account (`DOMAIN\\\\user`), or in a `return` of a URL, a user and a literal (`return "http://…", "CORP\\\\svc", "…"`), the literal is the user\'s password (`new DataSourceConfig("jdbc:postgresql://…", "app", "…")`)',
    keywords: ['"http', "'http", '"jdbc:', "'jdbc:"],
    pattern: URL_THEN_LITERAL,
    find: findUrlThenKey,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'feed := NewDepotFeed("https://feeds.example.net/api/v3", "Tq7mW2xKp9RvL4nZ8cYb3HdJ6fGs")',
        "        $this->client = new Acme_Rest_Client(\n            'https://api.example.org',\n            'pR4kXw9ZmT2vLq7NcB5yHs8D'\n        );",
        'client = RouteApi("https://routes.example.com", "Nv3qLk8TzW5mRx2PcJ7bYh4G", timeout=10)',
        'return new LockboxClient(\n        "https://bank.example.com/lockbox/v1",\n        "ACME_PAYABLES",\n        "Wq7+Lk2zRm9/XtB4nVc8Hp3J");',
        'tokens = new ClientCredentials(\n        "https://auth.example.gov/oauth/token",\n        "tX4mQ8vLz2RkP7wN3cYb",\n        "b7e2c9a4-1f3d-4e86-9a05-3c8d7f1e2b64");',
        'return new PoolSettings("jdbc:mysql://db.example.internal:3306/orders", "orders_rw", "Fw_8kLq2Rz7nTp3V");',
        'return new PoolSettings("jdbc:mysql://10.4.7.21:3306/orders_v2", "orders", "QKZRW582_7TdmX");',
        // An endpoint handed back with its login, and a domain account's password.
        'func archiveFarm() (string, string, string) {\n\treturn "http://files.example.corp", "ACME\\\\svc_archive", "rV8mKq3TzL2wNp"\n}',
        'def portal():\n    return ("https://portal.example.org/login", "exporter", "Tb4kWz9qLm2R")',
        'session = open_share("https://share.example.corp/sites/legal", "ACME\\\\svc_share", "pL7nXc2VqR9kTm")',
      ],
      noMatch: [
        'feed := NewDepotFeed("https://feeds.example.net/api/v3", os.Getenv("FEED_KEY"))',
        'archive := fetchArchive("https://downloads.example.com/tool-1.4.2.tar.gz", "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a3c8b6d0e9f")',
        'link = make_link("https://docs.example.com/guide", "getting-started-with-the-api")',
        'window.open("https://help.example.com", "helpWindowPopupFrame01")',
        'pair = ("https://api.example.com", "Nv3qLk8TzW5mRx2PcJ7bYh4G")',
        'return new LockboxClient("https://bank.example.com/lockbox/v1", "ACME_PAYABLES", System.getenv("LOCKBOX_KEY"));',
        'record = fetchRecord("https://api.example.gov/v2/records", "svc-records", "b7e2c9a4-1f3d-4e86-9a05-3c8d7f1e2b64");',
        'tokens = new ClientCredentials("https://auth.example.gov/oauth/token", "POST", "b7e2c9a4-1f3d-4e86-9a05-3c8d7f1e2b64");',
        'return new PoolSettings("jdbc:mysql://db.example.internal:3306/orders", "orders_rw", "orders_rw");',
        'return new PoolSettings("jdbc:mysql://10.4.7.21:3306/orders_v2", "orders", "orders_v2");',
        'return new PoolSettings("jdbc:mysql://10.4.7.21:3306/orders_v2", "orders", "Password1234");',
        'return new PoolSettings("jdbc:mysql://10.4.7.21:3306/orders_v2", "orders", "orders2024_v2");',
        'return new PoolSettings("jdbc:mysql://db.example.internal:3306/orders", "org.mariadb.jdbc.Driver");',
        // What a function hands back beside a URL is a login only with an account's literal and a password's shape.
        'func docs() (string, string, string) {\n\treturn "https://docs.example.com", "guide", "getting-started"\n}',
        'def portal():\n    return ("https://portal.example.org/login", "exporter", os.environ["PORTAL_PASSWORD"])',
        'def feed():\n    return "https://feeds.example.net/api/v3", "Tq7mW2xKp9RvL4nZ8cYb3HdJ6fGs"',
        'session = open_share("https://share.example.corp/sites/legal", "ACME\\\\svc_share", "quarterly_reports")',
        'returned = ("https://portal.example.org/login", "exporter", "Tb4kWz9qLm2R")',
      ],
    },
  },
  {
    id: 'url-variable-then-login',
    category: 'PASS',
    description:
      'A user and a password literal given to a session or client right after a variable named for its URL: `Session(LOGIN_URL, "feed", "…")` (rets-python), `new Connector(baseUrl, "svc", "…")`; the password, when it is not a word, a path or hex',
    keywords: ['url,', 'uri,'],
    pattern: URL_NAME_THEN_LOGIN,
    find: findUrlNameThenLogin,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        's = Session(LOGIN_URL, "ACME_FEED", "pq7.Lm2zRk9.TxWn", version="1.7.2")',
        'var c = new FeedConnector(baseUrl,\n    "svc-feed", "Hv4#kTz9Qm2p");',
      ],
      noMatch: [
        's = Session(LOGIN_URL, "ACME_FEED", os.environ["FEED_PASSWORD"])',
        'r = requests.request(API_URL, "POST", "Hv4#kTz9Qm2p")',
        'path = urljoin(BASE_URL, "reports", "monthly-summary")',
        'ok = download(ARCHIVE_URL, "tool", "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a3c")',
        'run = curl(url_list, "svc-feed", "Hv4#kTz9Qm2p")',
      ],
    },
  },
  {
    id: 'url-variable-then-key',
    category: 'KEY',
    description:
      'An API key given to a client by position right after a variable named for its URL: `influxdb2.NewClient(influxURL, "…")`, `new FeedClient(baseUrl, "…")`; a generated-looking literal of mixed-case letters and digits (maybe base64\'s + / = - _), not hex or an integrity digest',
    keywords: ['url,', 'uri,'],
    pattern: URL_NAME_THEN_KEY,
    find: findUrlNameThenKey,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'client := influxdb2.NewClient(metricsURL, "Pq4Wnvcz82KLOBt7xaRmu-kfQ55shp3yN_8WtDEgZZAcRM==")',
        'var feed = new FeedClient(baseUrl,\n    "Tq7mW2xKp9RvL4nZ8cYb3HdJ6fGs");',
        "api = Client(API_URL, 'Nv3qLk8TzW5mRx2PcJ7bYh4G', timeout=10)",
      ],
      noMatch: [
        'client := influxdb2.NewClient(metricsURL, os.Getenv("INFLUX_TOKEN"))',
        'ok = download(ARCHIVE_URL, "9f2c4e7a1b8d3f6e0a5c9b2d7e4f1a3c8b6d0e9f")',
        'tag = script(CDN_URL, "sha384-Pq4Wnvcz82KLOBt7xaRmukfQ55shp3yNWtDEgZZAcRM8Lq2zXv")',
        'path = urljoin(BASE_URL, "reports/monthly-summary-2024")',
        'run = curl(url_list, "Tq7mW2xKp9RvL4nZ8cYb3HdJ6fGs")',
        'pair = (API_URL, "Tq7mW2xKp9RvL4nZ8cYb3HdJ6fGs")',
      ],
    },
  },
  {
    id: 'ltijs-encryption-key',
    category: 'KEY',
    description: "ltijs' encryption key, the first argument of its provider's setup (`lti.setup('…', { url: … })`) in a text that loads ltijs: it encrypts the platforms' keys and tokens the tool keeps",
    keywords: ['ltijs'],
    pattern: LTIJS_SETUP,
    find: findLtijsKeys,
    confidence: 'high',
    examples: {
      match: ["const lti = require('ltijs').Provider;\nlti.setup('Wq8zL3kR7vN2mX9pT4bY6cH1jF5dS0gA', { url: 'mongodb://db/lti' }, { appRoute: '/' });"],
      noMatch: [
        "const lti = require('ltijs').Provider;\nlti.setup(process.env.LTI_KEY, { url: process.env.MONGO_URL });",
        "const lti = require('ltijs').Provider;\nlti.setup('your-encryption-key-here', { url: 'mongodb://db/lti' });",
        "wizard.setup('Wq8zL3kR7vN2mX9pT4bY6cH1jF5dS0gA', { steps: 3 });",
      ],
    },
  },
  {
    id: 'socket-connect-password',
    category: 'PASS',
    description:
      'A password given to a socket client\'s `connect` right after a `ws://`, `wss://` or `tcp://` address (obs-websocket-js\'s `obs.connect("ws://…:4455", "…")`), also as a one-item array read at once (`["…"][0]`); a password-shaped literal of both cases and digits',
    keywords: ['.connect('],
    pattern: SOCKET_ADDRESS,
    find: findSocketConnectPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'await studio.connect("ws://10.0.8.14:4455", "Wm3xRt8qLz2KpV7c");',
        "await rig.connect('wss://' + host + ':4455', ['b7TqLw2mXz9RkP4n'][0]);",
        'ok := c.connect("tcp://relay.example.net:7000",\n    "Hq4vZp9Lm2Tx")',
      ],
      noMatch: [
        'await studio.connect("ws://10.0.8.14:4455", process.env.OBS_PASSWORD);',
        'client.connect("tcp://broker.example.net:1883", "sensor-gateway-01");',
        'await studio.connect("ws://10.0.8.14:4455", ["graphql-transport-ws", "Wm3xRt8qLz2KpV7c"]);',
        'await studio.connect("http://10.0.8.14:4455", "Wm3xRt8qLz2KpV7c");',
        'await studio.connect("ws://10.0.8.14:4455", "your-password-here");',
      ],
    },
  },
  {
    id: 'client-id-then-secret-positional',
    category: 'KEY',
    description:
      "A client's secret given second to its constructor after the client's id, both literals: `new HmrcFilingClient(\"ACME-CHARITY\", \"…\")`, `new ShipmentsApi('acct_ops', '…')`, `new PaymentGateway(\"MERCHANT01\", \"…\")`; a generated-looking literal of mixed-case letters and digits",
    keywords: ['client(', 'api(', 'gateway(', 'credentials(', 'credential('],
    pattern: CLIENT_ID_THEN_SECRET,
    find: findClientIdThenSecret,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'var filing = new HmrcFilingClient("ACME-CHARITY", "Kq7mX2vLp9RzT4wN8cYbH3dJ");',
        "const ship = new ShipmentsApi('acct_ops',\n    'Zp4Lq9Wm2Tx7Rk5VcN8bHd3F');",
        '$gw = new \\Acme\\PaymentGateway("MERCHANT01", "Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1");',
        'return new WalletCredentials(\n    "Bq4xTz8LmR2vW7nKc3YpH9dJ-f6Gs5Ue1Oa0Ni",\n    "Hz3Kq8Lm_2Rv7Wx4Nc9Bp6Yt1Df5Gs0Ja-Ue8Oi3Pq7Zk2");',
        'var login = new NetworkCredential("svc-ledger", "Mv7qL2zRk9Tx4WnB8cYp");',
        'return new OperatorCredentials("4410", "qTbm7Hw2Lzc5").asHeader();',
        'var sms = new MessagingCredentials("71c0e9a2", "tRKq7LmWzqPXv3Kb");',
      ],
      noMatch: [
        'var filing = new HmrcFilingClient("ACME-CHARITY", Environment.GetEnvironmentVariable("HMRC_SECRET"));',
        'var pubsub = new PubSubClient("acme-prod", "orders-created-subscription");',
        'var filing = new HmrcFilingClient("ACME-CHARITY", "Kq7mX2vLp9RzT4wN8cYbH3dJ", timeout);',
        'var filing = HmrcFilingClient.Create("ACME-CHARITY", "Kq7mX2vLp9RzT4wN8cYbH3dJ");',
        'var filing = new HmrcFilingClient("ACME-CHARITY", "your-client-secret-goes-here");',
        'return new WalletCredentials("Bq4xTz8LmR2vW7nKc3YpH9dJ", System.getenv("WALLET_SECRET"));',
        'var login = new NetworkCredential("svc-ledger", "ledger-service-account");',
        'var scope = new CredentialsScope("billing", "ledger.read.write.admin");',
        'return new OperatorCredentials("4410", "Password2024").asHeader();',
        'return new OperatorCredentials("4410", "operator").asHeader();',
        'var sms = new MessagingCredentials("71c0e9a2", "messaging-sandbox-key");',
        'var sms = new MessagingCredentials("71c0e9a2", "MessagingSandboxKey1");',
        'var filing = new HmrcFilingClient("ACME-CHARITY", "qTbm7Hw2Lzc5");',
      ],
    },
  },
  {
    id: 'go-constructor-sole-key',
    category: 'KEY',
    description:
      "The one literal a Go constructor (`New<Name>`) is given, when it is a generated key: `vendors.NewSolarView(\"…\")`, `NewLedger(\"…\")`; 30 characters or more of letters and digits, random; constructors of public values (`NewPublicKey`, `NewAddress`, `NewReader`) are left",
    keywords: ['new'],
    paths: /\.go$/,
    pattern: GO_NEW_SOLE_LITERAL,
    find: findGoConstructorSoleKeys,
    anchored: true,
    confidence: 'medium',
    // Only Go files are read (`paths`), and rule examples run without a file: tested in positional-helpers.test.ts.
    examples: { match: [], noMatch: [] },
  },
  {
    id: 'client-sole-key-positional',
    category: 'KEY',
    description:
      "The one literal an API client's class (`…Client`, `…Api`, `…Sdk`) is constructed with, its key: `new ClioClient(\"…\")`, `new LedgerApi('…')`; a generated-looking literal of 30 characters or more in mixed-case letters and digits",
    keywords: ['client(', 'api(', 'sdk('],
    pattern: CLIENT_SOLE_LITERAL,
    find: findClientSoleKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'var docs = new DocketClient("Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe");',
        "$api = new \\Acme\\Ledger\\LedgerApi('Zp4Lq9Wm2Tx7Rk5VcN8bHd3F6yGs1Ja0Ue');",
        'val sdk = PayoutsSdk("Hz3Kq8Lm2Rv7Wx4Nc9Bp6Yt1Df5Gs0Ja")',
      ],
      noMatch: [
        'var http = new HttpClient("https://api.example.com/v2/");',
        'var c = new Client("my-service");',
        'var s3 = new S3Client("eu-west-1");',
        'var c = new Client("c0ffee00-1234-4abc-9def-0123456789ab");',
        'var docs = new DocketClient("Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe", timeout);',
        'var docs = factory.docketClient("Tq8Lm2Zw7Rx4Vb9Nc3Kp6Hy1Df5Gs0JaUe");',
        'var docs = new DocketClient("docket-service-production-eu-west");',
        'var docs = new DocketClient("<DOCKET_ACCESS_TOKEN_GOES_HERE_1234>");',
      ],
    },
  },
  {
    id: 'hmac-class-key',
    category: 'KEY',
    description:
      'The one literal a class named for HMAC or for signing is built with, its key: `new HmacValidator("…")`, `HmacSigner("…")`, `NewHmacVerifier("…")`, `new JwtSigner("…")`, `new SymmetricSigningKey("…")`',
    keywords: ['hmac', 'signer', 'signingkey'],
    pattern: HMAC_CLASS_SOLE_LITERAL,
    find: findHmacClassKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'return new HmacValidator("3F9A1C7E5B2D8F4A6C0E9B3D7F1A5C8E2B6D0F4A9C3E7B1D5F8A2C6E0B4D9F3A");',
        'signer = WebhookHmacSigner("Lq8vR3nXz7KpT2wM9cYh4BdF")',
        'v := NewHmacVerifier("d41f7c9a2e8b3f6a0c5d9e2b7f4a1c8e")',
        'return new JwtSigner("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE");',
        'key := NewSigningKey("Wt5nPq9xZr2LkV7mB3cYh8DfJ4sG")',
      ],
      noMatch: [
        'return new JwtSigner(System.getenv("JWT_SIGNING_SECRET"));',
        'var s = new PdfSigner("/etc/signing/keystore.p12");',
        'var s = new RequestSigner("execute-api-gateway");',
        'ok := signer.Verify("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE")',
        'return new HmacValidator(props.getHmacKey());',
        'Mac mac = Mac.getInstance("HmacSHA256");',
        'const digest = createHmac("sha256", key).update(body).digest("hex");',
        'return new HmacValidator("YOUR_HMAC_KEY_GOES_HERE");',
        'ok := validator.ValidateHmac("d41f7c9a2e8b3f6a0c5d9e2b7f4a1c8e")',
        'v := NewHmacVerifier("d41f7c9a2e8b3f6a0c5d9e2b7f4a1c8e", body)',
      ],
    },
  },
  {
    id: 'secret-enum-constant',
    category: 'KEY',
    description:
      'The literal each constant of an enum named for keys, tokens, secrets or credentials carries, when generated: Java\'s and Kotlin\'s `enum PartnerKeys { ACME("…"), GLOBEX("…"); … }`, TypeScript\'s `enum ApiTokens { Acme = "…" }`; a stand-in (`"REPLACE_ME"`) is left',
    keywords: ['enum'],
    pattern: SECRET_ENUM_AT,
    find: findSecretEnumKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'public enum VendorKeys {\n    ACME("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE"),\n    // second vendor\n    GLOBEX("Wt5nPq9xZr2LkV7mB3cYh8DfJ4sG"),\n    INITECH("REPLACE_ME");\n    private final String key;\n}',
        'enum class ApiToken(val value: String) { MAPS("Zk3mP9qR2vX8wL5nQ4tY7uI0oP1aS2dF"), GEO("Tq3Lm8Zw2Rx7Vb4Nc9Kp6Hy1") }',
        'export enum PartnerSecrets {\n  Acme = "Hq7LmN2pX9vR4tK8sW3zB6yD",\n}',
      ],
      noMatch: [
        'public enum VendorKeys {\n    ACME("REPLACE_ME"),\n    GLOBEX(System.getenv("GLOBEX_KEY"));\n}',
        'public enum Region {\n    EU("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE");\n}',
        'public enum SortKeys {\n    CREATED("createdAtDescendingOrder"),\n    TITLE("titleAscendingOrderOnly");\n}',
        'public enum VendorKeys { ACME("Rq8vLz2KmX7pT4wN9cYb3HdJ6fGsQ1aE".toLowerCase()) }',
      ],
    },
  },
  {
    id: 'argument-comment-literal',
    category: 'KEY',
    description:
      'A literal argument named by a block comment beside it, as code documents positional arguments: `NewDatadog("…" /* api key */, "…" /* app key */)`, `Connect(host, /*password=*/ "…")`; the comment\'s words say what the value is, as a variable\'s name would',
    keywords: ['*/'],
    pattern: /["'`][ \t]{0,8}\/\*[ \t]{0,4}[A-Za-z][\w .-]{0,40}\*\/|\/\*[ \t]{0,4}[A-Za-z][\w .-]{0,40}[=:]?[ \t]{0,4}\*\/[ \t]{0,8}["'`]/,
    find: findArgumentCommentLiterals,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'dd := NewMonitor("3c8f1a6e9b2d4c7f0a5e8b1d6c9f2a4e" /* api key */, "7e2a9c4f1b8d6e3a0c5f9b2d7e4a1c8f6b3d9e0a" /* app key */)',
        'conn := Dial("db01:5432", "report" /* user */, "Vq7!mLz2-Tr9x" /* password */)',
        'auto client = Client(endpoint, /*token=*/"Zr8TqW2mXk5vLp9NcB3hYd6J");',
      ],
      noMatch: [
        'conn := Dial("db01:5432", "report" /* user */, "changeme" /* password */)',
        'auto client = Client(endpoint, /*timeout=*/"30s");',
        'conn := Dial("db01:5432", "report" /* user */, pw /* password */)',
        'x := f("Vq7!mLz2-Tr9x" /* password */ + suffix)',
        '/** The api key */\nconst label = "Vq7!mLz2-Tr9x";',
      ],
    },
  },
  {
    id: 'data-type-secret-field',
    category: 'PASS',
    description:
      "A literal built by position into a data type's field named for a secret, the type declared in the same file (Kotlin `data class Partner(val user: String, val password: String)` then `Partner(\"edi\", \"…\")`; Scala's `case class`, Java's and C#'s `record`); the call must give every field",
    keywords: ['data class', 'case class', 'record'],
    pattern: DATA_TYPE_DECLARATION,
    find: findDataTypeSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        'data class Partner(val scac: String, val host: String, val user: String, val password: String, val inbox: String)\n\nval all = listOf(\n    Partner("CHXM", "sftp.chemexmidwest.com", "gpor_edi", "Tanker417!Q3", "/in/404"),\n)',
        'record Login(String host, String user, String password) {}\nstatic final Login LEGACY = new Login("ftp.acme.corp", "drop", "Wren#Ledger-77");',
        'public record ApiAccount(string Name, string ApiSecret);\nvar a = new ApiAccount("feeds", "t8zq2mvk5rwp0xlc7hnb4jsd9gya3ufe");',
      ],
      noMatch: [
        'data class Partner(val scac: String, val host: String, val inbox: String)\nval p = Partner("CHXM", "sftp.chemexmidwest.com", "Tanker417!Q3")',
        'data class Login(val user: String, val password: String)\nval l = Login("edi", System.getenv("EDI_PW"))',
        'data class Login(val user: String, val password: String)\nval l = Login("edi", "password")',
        'data class Login(val user: String, val password: String, val port: Int = 22)\nval l = Login("edi", "Tanker417!Q3")',
        'data class Login(val user: String, val passwordLength: Int)\nval l = Login("edi", "Tanker417!Q3")',
      ],
    },
  },
  {
    id: 'python-helper-secret-argument',
    category: 'PASS',
    description:
      "A secret literal passed to a Python helper at the position of its secret parameter (`def create_ds(name, url, user, password):` … `create_ds('DS', 'jdbc:…', 'app', '…')`, as WLST scripts do), or to a class whose `__init__` takes one (`AcmeClient(\"app-id\", \"…\")` for `def __init__(self, client_id, client_secret)`)",
    keywords: ['def '],
    pattern: PY_DEF,
    find: findPythonHelperSecrets,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "def add_user(name, password, group):\n    pass\n\nadd_user('ops', 'Lv8#qTz3Wm6p', 'Operators')\n",
        'class FareClient:\n    """client = FareClient("fares-prod", "Qm7RtZx2Lp9KwV4n")"""\n\n    def __init__(self, client_id, client_secret):\n        self.client_id = client_id\n',
      ],
      noMatch: ["def add_user(name, password, group):\n    pass\n\nadd_user('ops', os.environ['OPS_PW'], 'Operators')\n", "def add_user(name, group):\n    pass\n\nadd_user('ops', 'Lv8#qTz3Wm6p')\n"],
    },
  },
  {
    id: 'host-user-password-positional',
    category: 'PASS',
    description:
      "A call whose first three arguments are a host literal (an IP address, `localhost`, a dotted name in a public or private zone), a user literal and a password literal, whatever the client is called (`new \\PhpEws\\Client('mail.acme.corp', 'bot', '…')`, `ftplib.FTP('ftp.acme.com', 'user', '…')`, `new mysqli('localhost', 'app', '…', 'shop')`); the password made of letters and a digit and a symbol or both cases",
    keywords: ["('", '("', "( '", '( "'],
    pattern: HOST_USER_PASSWORD,
    find: findHostUserPasswords,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        "$ews = new \\jamesiarmes\\PhpEws\\Client('mail.harbour.corp', 'rota-bot', 'Tide&Lock2021');",
        "ftp = ftplib.FTP('ftp.quayside.co.uk', 'uploads', 'Gull-Pier-58')",
        '$db = new mysqli("10.4.2.18", "shop_app", "Kelp.Net-4471", "shop");',
      ],
      noMatch: [
        "ftp = ftplib.FTP('ftp.quayside.co.uk', 'uploads', password)",
        "ftp = ftplib.FTP('ftp.quayside.co.uk', 'uploads', 'changeme')",
        "t('nav.home.link', 'Home', 'Go-Home2!')",
        "SERVERS = [('10.4.2.18', 'shop_app', 'Kelp.Net-4471')]",
        "db = connect('db.quayside.com', 'reports', 'reporting')",
      ],
    },
  },
];
