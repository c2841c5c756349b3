import { decodeBase64 } from '../../base64.js';
import { hasCountingRun, isPlausibleSecret } from '../../secret-value.js';
import { isWordCode } from '../../char-codes.js';
import type { DetectOptions, Rule, RuleContext, Span } from '../../types.js';
import { enclosingObjectWords, isPublicClientValueAt } from '../client-config.js';
import { fake } from './fake.js';
import { ALNUM, HEX, UUID, findShapeAfterWords, inContext, isPlaceholder, looksRandom, mixesClasses, notPlaceholder, prefixed, prefixedValue, type ShapeAfterWords } from './shape.js';

/** Cloud and hosting platforms: AWS, Google Cloud, Azure, Alibaba, Tencent, DigitalOcean, … */
/** `R2_`, `cloudflareR2`, `r2.`: an R2 word just before a name that the match starts in. */
const R2_NAME_PREFIX = /(?:^|[^A-Za-z0-9])[rR]2[_.\-]?$|[a-z]R2[_.\-]?$/;
/** An INI/credentials section for R2 (`[r2]`, `[profile cloudflare-r2]`) that the name sits in. */
const R2_SECTION = /\[(?:profile[ \t]{1,4})?[\w.\-]{0,40}(?<![A-Za-z0-9])r2(?![A-Za-z0-9])[\w.\-]{0,40}\][^\[]{0,300}$/i;

/**
 * A secret access key of 64 hex digits, R2's: its secret half is the SHA-256 of the API token, written in hex, where other
 * S3-compatible stores' secrets are 40 characters of base64 or so (`--s3-secret-access-key <64 hex>`, `AWS_SECRET_ACCESS_KEY=…`).
 */
const R2_SECRET_ACCESS_KEY = /secret[_.\-]?access[_.\-]?key["']?[ 	]{0,4}[:=\s][ 	]{0,4}["']?[0-9a-f]{64}(?![\w+/=])/i;
/** How far on either side of the id its secret half is looked for: the same command, block or few lines. */
const R2_PAIR_REACH = 400;

/** Whether R2 vouches for the access key id whose name starts at `at`: its name, its section, an R2 endpoint in the file, or R2's secret half beside it. */
function isVouchedForByR2(text: string, at: number): boolean {
  if (R2_NAME_PREFIX.test(text.slice(Math.max(0, at - 16), at))) return true;
  if (R2_SECTION.test(text.slice(Math.max(0, at - 400), at))) return true;
  if (text.includes('.r2.cloudflarestorage.com')) return true;
  if (R2_SECRET_ACCESS_KEY.test(text.slice(Math.max(0, at - R2_PAIR_REACH), at + R2_PAIR_REACH))) return true;
  // A struct or object for R2 that the name is a field of (`R2 { access_key_id: "…" }`, `r2: { accessKeyId: … }`).
  return enclosingObjectWords(text, at).includes('r2');
}

/**
 * One Fly.io token at a keyword offset: an access token (`fo1_…`) or a macaroon (`fm1a_`/`fm1r_`/`fm2_` + base64).
 * The macaroon's base64 may come in its URL-safe alphabet (`-` and `_`), as tokens copied out of URLs and some
 * tools' configs carry it.
 */
const FLY_TOKEN = /(fo1_[\w-]{43}|(?:fm1[ar]|fm2)_[A-Za-z0-9+/_-]{100,4000}={0,3})(?![\w+/=-])/y;
/** The scheme `flyctl` prints before its macaroons (`FlyV1 fm2_…`), part of the header value. */
const FLY_SCHEME = /FlyV1[ \t]$/;

/**
 * Fly.io tokens, each macaroon read at its keyword; a macaroon that follows another after a
 * comma (`fm2_…,fm2_…`) joins it, and a `FlyV1 ` scheme before the first is taken in, so the
 * header value is one finding.
 */
function findFlyTokens(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let last: Span | undefined;
  for (const offset of offsets) {
    if (last !== undefined && offset < last.end) continue;
    FLY_TOKEN.lastIndex = offset;
    const m = FLY_TOKEN.exec(text);
    if (m === null || isPlaceholder(m[0])) continue;
    const end = offset + m[0].length;
    if (last !== undefined && offset === last.end + 1 && text.charCodeAt(last.end) === 0x2c /* , */) {
      last.end = end;
      continue;
    }
    let start = offset;
    if (FLY_SCHEME.test(text.slice(Math.max(0, offset - 6), offset))) start -= 6;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    if (isWordCode(before) || before === 0x2d /* - */) continue;
    last = { start, end };
    spans.push(last);
  }
  return spans;
}

/**
 * `"service_account"` as it lands in base64 at each of the three alignments a JSON text can put it at (the
 * characters that also hold its neighbours left out): a Google service account's key file encoded as a whole.
 */
const SERVICE_ACCOUNT_BASE64 = ['c2VydmljZV9hY2NvdW50', 'NlcnZpY2VfYWNjb3Vu', 'zZXJ2aWNlX2FjY291'];
/** How far a key file's base64 may run on either side of its `"type"` (a key file is about 2,400 bytes, so 3,200 characters). */
const KEY_FILE_BASE64_REACH = 20_000;

function isBase64Code(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/**
 * A Google service account's key file encoded in base64 as a whole, as Helm values (`credentialsJson:`), Kubernetes
 * Secrets and CI variables hold it: the run of base64 around `"service_account"` is read out and decoded, and must be
 * a JSON object holding a private key (an `external_account` file, which holds none, is no such secret).
 */
function findServiceAccountKeyBase64(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let done = -1;
  for (const offset of offsets) {
    if (offset < done) continue;
    let start = offset;
    while (start > 0 && offset - start < KEY_FILE_BASE64_REACH && isBase64Code(text.charCodeAt(start - 1))) start--;
    let end = offset;
    while (end < text.length && end - offset < KEY_FILE_BASE64_REACH && isBase64Code(text.charCodeAt(end))) end++;
    for (let pad = 0; pad < 2 && text.charCodeAt(end) === 0x3d /* = */; pad++) end++;
    done = end;
    // `{` opens the file: its base64 opens with `e`.
    if (text.charCodeAt(start) !== 0x65 /* e */) continue;
    const json = decodeBase64(text.slice(start, end));
    if (json === undefined || !json.trimStart().startsWith('{') || !json.includes('"private_key"')) continue;
    if (!/-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/.test(json)) continue;
    spans.push({ start, end });
  }
  return spans;
}

/**
 * How far from a key id its key file's other fields may sit: a key file is about 2,400 characters, its private key
 * most of them, and the id comes just before the key (or, in a file written out of order, anywhere in it).
 */
const KEY_FILE_REACH = 4_000;
/** A private key block's opening, as a key file holds it (the JSON string escapes its line breaks, which this does not need). */
const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/;

/**
 * A key id is reported with its key file only: the key file around it holds a private key and says it is a service
 * account's (`service_account`, or an `…iam.gserviceaccount.com` address). An id listed on its own (`gcloud iam
 * service-accounts keys list`, a key's metadata, a rotation log) names a key and opens nothing, and stays unreported.
 */
function isServiceAccountKeyFileId(_secret: string, ctx: RuleContext): boolean {
  const around = ctx.text.slice(Math.max(0, ctx.matchStart - KEY_FILE_REACH), Math.min(ctx.text.length, ctx.matchEnd + KEY_FILE_REACH));
  return PRIVATE_KEY_BLOCK.test(around) && (around.includes('service_account') || around.includes('gserviceaccount.com'));
}

/** A legacy Azure DevOps PAT: 52 characters of RFC 4648 base32 in lower case, not inside a longer run. */
const ADO_PAT_SHAPE = /(?<![A-Za-z0-9])([a-z2-7]{52})(?![A-Za-z0-9])/g;
/** Words that name an Azure DevOps PAT or its provider; `PAT` in capitals only (a `pat` is a name, a `path`). */
const ADO_PAT_WORDS = /(?<![A-Za-z0-9])PATs?(?![A-Za-z0-9])|[Pp]ersonal[ \t][Aa]ccess[ \t][Tt]okens?|[Dd]ev[Oo]ps|DEVOPS|VSTS|[Vv]sts|dev\.azure\.com|visualstudio\.com/y;
const ADO_PAT_AFTER_WORDS: ShapeAfterWords = {
  words: ADO_PAT_WORDS,
  shape: ADO_PAT_SHAPE,
  reach: 400,
  lines: 3,
  // A drawn token: digits among the letters (about one in five) and many distinct characters; not a stand-in.
  accept: (v) => (v.match(/[2-7]/g)?.length ?? 0) >= 3 && new Set(v).size >= 16 && looksRandom(v) && !hasCountingRun(v),
};

/**
 * An Azure storage account key (64 random bytes: 86 base64 characters and `==`) bare in prose or notes a line or two after
 * words that name it or its store: a note's "Account key used for generating these (rotate quarterly!): …" under the SAS
 * links it signed. The shape is long and drawn; a `sha512-` integrity hash of the same length is glued to its prefix.
 */
const AZURE_ACCOUNT_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Aa]ccount[ _-]?[Kk]ey|ACCOUNT[_-]?KEY|[Ss]torage[ _-]?[Kk]ey|STORAGE[_-]?KEY|[Aa]zure|AZURE|blob\.core\.windows\.net/y,
  shape: /(?<![A-Za-z0-9+/=_-])([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=_-])/g,
  reach: 400,
  lines: 2,
  accept: (v) => mixesClasses(v, 3) && notPlaceholder(v) && !hasCountingRun(v),
};

export const cloudRules: Rule[] = [
  {
    id: 'aws-access-key-id',
    category: 'KEY',
    description: 'AWS access key id (long-term AKIA, temporary ASIA, and the other IAM unique-id kinds)',
    keywords: ['akia', 'asia', 'abia', 'acca', 'a3t'],
    pattern: /\b((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b/,
    secretGroup: 1,
    minEntropy: 3,
    validate: (s) => notPlaceholder(s) && !s.endsWith('EXAMPLE'),
    confidence: 'high',
    examples: {
      match: ['aws_access_key_id = AKIAZ7VRSQ5TKQLMWP3B', `"AccessKeyId": "ASIA${fake('base32', 16, 3)}"`],
      noMatch: ['AKIA1234', 'aws_access_key: AKIAIOSFODNN7EXAMPLE', 'key = AKIAXXXXXXXXXXXXXXXX', 'TODAYINASIAASACKOFRICEFELLOVER'],
    },
  },
  {
    id: 'aws-secret-access-key',
    category: 'KEY',
    description: 'AWS secret access key (40 base64 characters) assigned to an AWS secret-key name',
    keywords: ['secret', 'aws', 'amazon'],
    startsAtKeyword: true,
    pattern: inContext({
      names: ['aws', 'secret[_.\\-]?access', 'amazon'],
      nameTail: 'secret|key',
      value: '[A-Za-z0-9/+]{40}',
    }),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => looksRandom(s) && !/EXAMPLEKEY$/.test(s),
    confidence: 'high',
    examples: {
      match: [
        `AWS_SECRET_ACCESS_KEY = ${fake('b64', 40, 5)}`,
        `aws_secret_key: "${fake('b64', 40, 6)}"`,
        `"SecretAccessKey": "${fake('b64', 40, 7)}"`,
      ],
      noMatch: [
        'AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AWS_SECRET_ACCESS_KEY = R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==',
        `checksum = ${fake('b64', 40, 8)}`,
      ],
    },
  },
  {
    id: 'aws-session-token',
    category: 'TOKEN',
    description: 'AWS STS session token (the base64 blob that starts with the service marker)',
    keywords: ['fwogzxivyxdz', 'iqojb3jpz2lux2vj'],
    pattern: prefixed('(?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)', '[A-Za-z0-9/+=]{100,2000}', { tail: '(?![A-Za-z0-9/+=])' }),
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`aws_session_token = IQoJb3JpZ2luX2Vj${fake('b64', 300, 9)}`],
      noMatch: ['IQoJb3JpZ2luX2VjEAAA'],
    },
  },
  {
    // Code that wraps a long session token at a column keeps the service marker in a literal of its own and joins the
    // rest after it (`"IQoJb3JpZ2luX2VjE" + "…"`, PHP's `.`, VB's `&`, literals side by side): no literal has the
    // whole token, and the marker alone is public. The continuation, the part that is secret, is reported.
    id: 'aws-session-token-joined',
    category: 'TOKEN',
    description: 'AWS STS session token whose service marker (`IQoJb3JpZ2luX2Vj…`, `FwoGZXIvYXdz…`) is a literal of its own with the rest joined after it: the rest',
    keywords: ['fwogzxivyxdz', 'iqojb3jpz2lux2vj'],
    startsAtKeyword: true,
    pattern:
      /(?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+]{0,200}["'`][ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:[+.&][ \t]{0,4}(?:\r?\n[ \t]{0,40})?)?["'`]([A-Za-z0-9/+]{16,2000}={0,2})["'`]/y,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => notPlaceholder(s) && mixesClasses(s, 3),
    confidence: 'high',
    examples: {
      match: [
        `AwsSessionCredentials.create(id, secret, "IQoJb3JpZ2luX2VjE" + "${fake('b64', 40, 9711)}");`,
        `$token = 'FwoGZXIvYXdzE' .\n    '${fake('b64', 120, 9712)}';`,
      ],
      noMatch: [
        `AwsSessionCredentials.create(id, secret, "IQoJb3JpZ2luX2VjE" + sessionTail);`,
        `token = "IQoJb3JpZ2luX2VjE" + "${'A'.repeat(40)}"`,
      ],
    },
  },
  {
    id: 'aws-session-token-assigned',
    category: 'TOKEN',
    description: 'AWS session token assigned to an AWS session-token name',
    keywords: ['aws', 'x-amz-security', 'session'],
    startsAtKeyword: true,
    pattern: inContext({ names: ['aws', 'x-amz-security', 'session'], nameTail: 'token', value: '[A-Za-z0-9/+]{100,2000}={0,2}' }),
    secretGroup: 1,
    minEntropy: 4.5,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: {
      match: [`export AWS_SESSION_TOKEN="${fake('b64', 220, 10)}"`],
      noMatch: ['AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}', `session_token = "${fake('b64', 60, 11)}"`],
    },
  },
  {
    id: 'aws-mws-key',
    category: 'KEY',
    description: 'Amazon Marketplace Web Service auth token',
    keywords: ['amzn.mws.'],
    pattern: prefixed('amzn\\.mws\\.', '[0-9a-z]{8}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{12}'),
    secretGroup: 1,
    confidence: 'high',
    examples: {
      match: ['mws_token = amzn.mws.4ea38b7b-f563-7709-4bae-87aeaf14f0c1'],
      noMatch: ['amzn.mws.1234'],
    },
  },
  {
    id: 'aws-bedrock-api-key-long-lived',
    category: 'KEY',
    description: 'Amazon Bedrock long-term API key (base64 of "BedrockAPIKey-" after the ABSK marker)',
    keywords: ['absk'],
    pattern: prefixed('ABSKQmVkcm9ja0FQSUtleS', '[A-Za-z0-9+/]{100,1000}={0,2}', { tail: '(?![A-Za-z0-9+/=])' }),
    secretGroup: 1,
    validate: (s) => !/EXAMPLE$/.test(s.replace(/=+$/, '')) && s.length <= 300,
    confidence: 'high',
    examples: {
      match: [`BEDROCK_KEY=ABSKQmVkcm9ja0FQSUtleS1${fake('b64', 108, 12)}=`],
      noMatch: ['ABSKQmVkcm9ja0FQSUtleS1EXAMPLE', `AXSKQmVkcm9ja0FQSUtleS1${fake('b64', 108, 12)}=`],
    },
  },
  {
    id: 'aws-bedrock-api-key-short-lived',
    category: 'TOKEN',
    description: 'Amazon Bedrock short-term API key (a presigned token for bedrock.amazonaws.com)',
    keywords: ['bedrock-api-key-'],
    pattern: prefixed('bedrock-api-key-', '(?:YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%&]{0,4000}|[A-Za-z0-9+/=%&]{32,4000})', { tail: '(?![A-Za-z0-9+/=%&])' }),
    secretGroup: 1,
    confidence: 'high',
    examples: {
      match: ['token = "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t"', `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249${fake('b64', 80, 13)}`],
      noMatch: ['bedrock-api-key-', 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29x'],
    },
  },
  {
    // Cloud Storage's HMAC keys (its S3-compatible XML API) pair an access id with a 40-character secret, as AWS pairs
    // `AKIA…` with its secret key: a service account's id is `GOOG1` and ~56 upper-case letters and digits. Like an AWS
    // access key id it names the key to sign with and is reported with it.
    id: 'gcs-hmac-access-id',
    category: 'KEY',
    description: 'Google Cloud Storage HMAC access id (`GOOG1` + upper-case letters and digits), the twin of an AWS access key id',
    keywords: ['goog1'],
    pattern: /\b(GOOG1[A-Z0-9]{50,70})\b/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => notPlaceholder(s) && !s.includes('EXAMPLE'),
    confidence: 'high',
    examples: {
      match: [`hmac_access_id = GOOG1${fake('base32', 56, 9721)}`, `"accessId": "GOOG1E${fake('base32', 55, 9722)}"`],
      noMatch: ['GOOG1EXAMPLE', `access_id = GOOG1${'X'.repeat(56)}`, `GOOG1${fake('base32', 20, 9723)}`],
    },
  },
  {
    id: 'gcp-api-key',
    category: 'KEY',
    description: 'Google Cloud / Firebase API key',
    keywords: ['aiza'],
    pattern: prefixedValue('AIza', '[\\w\\-]{35}'),
    secretGroup: 1,
    minEntropy: 4,
    // A Firebase web config's key (`const firebaseConfig = { apiKey: 'AIza…', authDomain: … }`) is public by design:
    // Firebase ships it to every browser and guards data with security rules and App Check.
    validate: (s, ctx) =>
      notPlaceholder(s) && !/abcdefgh|bcdefghi|ABCDEFGH/.test(s) && !isPublicClientValueAt(ctx.text, ctx.text.indexOf(s, ctx.matchStart)),
    confidence: 'high',
    examples: {
      match: [`apiKey: "AIzaSy${fake('b64url', 33, 14)}"`, 'AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk-', `const mapsConfig = {\n  apiKey: "AIzaSy${fake('b64url', 33, 15)}",\n};`],
      noMatch: [
        'AIzaSyabcdefghijklmnopqrstuvwxyz1234567',
        'apiKey: "AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
        'AIZASYCO2CXRMC9ELSKLHLHRMBSWDEVEDZTLO2O',
        `const firebaseConfig = {\n  apiKey: "AIzaSy${fake('b64url', 33, 16)}",\n  authDomain: "shop.firebaseapp.com",\n};`,
      ],
    },
  },
  {
    id: 'google-oauth-client-secret',
    category: 'CRED',
    description: 'Google OAuth client secret (GOCSPX- format)',
    keywords: ['gocspx-'],
    pattern: prefixed('GOCSPX-', '[\\w\\-]{28}'),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`"client_secret": "GOCSPX-${fake('b64url', 28, 16)}"`],
      noMatch: ['GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'GOCSPX-short'],
    },
  },
  {
    id: 'gcp-service-account-key-base64',
    category: 'CRED',
    description: "A Google service account's JSON key file encoded in base64 as a whole (`ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIs…`), as Helm values, Kubernetes Secrets and CI variables hold it; decoded, it must hold a private key",
    keywords: SERVICE_ACCOUNT_BASE64.map((k) => k.toLowerCase()),
    pattern: /(c2VydmljZV9hY2NvdW50|NlcnZpY2VfYWNjb3Vu|zZXJ2aWNlX2FjY291)/,
    secretGroup: 1,
    find: findServiceAccountKeyBase64,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        `credentialsJson: ${btoa(`{\n  "type": "service_account",\n  "project_id": "orchard-prod",\n  "private_key_id": "${fake('hex', 40, 9301)}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${fake('b64', 64, 9302)}\\n${fake('b64', 64, 9303)}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "loader@orchard-prod.iam.gserviceaccount.com"\n}`)}`,
        `GCP_SA_KEY=${btoa(`{"type":"service_account","project_id":"orchard-prod","private_key":"-----BEGIN PRIVATE KEY-----\\n${fake('b64', 64, 9304)}\\n-----END PRIVATE KEY-----\\n"}`)}`,
      ],
      noMatch: [
        `credentialsJson: ${btoa('{\n  "type": "external_account",\n  "audience": "//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/gh",\n  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/loader@orchard-prod.iam.gserviceaccount.com:generateAccessToken"\n}')}`,
        `note: ${btoa('{"type": "service_account", "project_id": "orchard-prod", "client_email": "loader@orchard-prod.iam.gserviceaccount.com"}')}`,
      ],
    },
  },
  {
    // Google publishes each key's id beside its public certificate, and a token the key signs carries it as `kid`: the
    // id alone opens nothing. In a key file it is half of the credential, as an AWS access key id is beside its secret
    // key: it names the very key to revoke, and engineers who label it mostly call it a secret. Of the ids in the
    // labelled sets, 77 are labelled secrets (66 sets), 32 look-alikes (28 sets) and 56 neither (46 sets); the sets
    // written since this rule came back lean the same way (31 sets, 9 and 11). So it is reported there, and only there.
    id: 'gcp-service-account-key-id',
    category: 'KEY',
    description:
      "The key id (`private_key_id`, 40 hex digits) of a Google service account's key file, reported with the file's private key: in JSON, a JSON string, a code object, YAML or TOML, when a private key and `service_account` (or an `…iam.gserviceaccount.com` address) sit in the same key file",
    keywords: ['private_key_id'],
    pattern: /private_key_id\\?["']?[ \t]{0,4}[:=][ \t]{0,4}\\?["']?([0-9a-f]{40})(?![0-9A-Za-z])/,
    secretGroup: 1,
    validate: isServiceAccountKeyFileId,
    confidence: 'medium',
    examples: {
      match: [
        `{\n  "type": "service_account",\n  "project_id": "orchard-prod",\n  "private_key_id": "${fake('hex', 40, 9311)}",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${fake('b64', 64, 9312)}\\n-----END PRIVATE KEY-----\\n",\n  "client_email": "loader@orchard-prod.iam.gserviceaccount.com"\n}`,
      ],
      noMatch: [
        `KEY_ID  CREATED_AT  EXPIRES_AT\nprivate_key_id: ${fake('hex', 40, 9313)}  2024-01-02T00:00:00Z  9999-12-31T23:59:59Z`,
      ],
    },
  },
  {
    id: 'google-oauth-access-token',
    category: 'TOKEN',
    description: 'Google OAuth 2.0 access token (ya29.)',
    keywords: ['ya29.'],
    pattern: prefixed('ya29\\.', '[\\w\\-]{30,2000}'),
    secretGroup: 1,
    minEntropy: 4,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`Authorization: Bearer ya29.a0${fake('b64url', 150, 17)}`],
      noMatch: ['ya29.short', 'ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'google-oauth-refresh-token',
    category: 'TOKEN',
    description: 'Google OAuth 2.0 refresh token (1//0…) next to a refresh-token name',
    keywords: ['refresh'],
    pattern: inContext({ names: ['refresh'], value: '1//0[\\w\\-]{40,400}' }),
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`"refresh_token": "1//0${fake('b64url', 99, 18)}"`],
      noMatch: ['"refresh_token": "1//0abc"'],
    },
  },
  {
    id: 'firebase-cloud-messaging-server-key',
    category: 'KEY',
    description: 'Firebase Cloud Messaging legacy server key',
    keywords: ['apa91b'],
    pattern: prefixed('AAAA[\\w\\-]{7}:APA91b', '[\\w\\-]{134}'),
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`FCM_SERVER_KEY=AAAA${fake('b64url', 7, 19)}:APA91b${fake('b64url', 134, 20)}`],
      noMatch: ['AAAAabcdefg:APA91bshort'],
    },
  },
  {
    id: 'azure-ad-client-secret',
    category: 'CRED',
    description: 'Microsoft Entra ID (Azure AD) application client secret (the "Q~" format)',
    keywords: ['q~'],
    pattern: /(?<![\w~.-])([\w~.]{3}\dQ~[\w~.-]{31,34})(?![\w~.-])/,
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`client_secret=bP88Q~${fake('b64url', 34, 21).replace(/-/g, '.')}`, 'QtT8Q~9C-_Ij~RouHVpD2Tuf3oHWGh.DQ3kcjbAn'],
      noMatch: ['client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~'],
    },
  },
  {
    id: 'azure-client-secret-assigned',
    category: 'CRED',
    description: 'Azure application client secret assigned to an Azure client-secret name',
    keywords: ['azure', 'arm_client'],
    pattern: inContext({ names: ['azure', 'arm_client'], nameTail: 'secret', value: '[\\w~.\\-]{32,44}' }),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: looksRandom,
    confidence: 'medium',
    examples: {
      match: [`var azureClientSecret := "${fake('alnum', 40, 22)}"`, `ARM_CLIENT_SECRET=${fake('b64url', 40, 23)}`],
      noMatch: ['AZURE_CLIENT_SECRET=${{ secrets.AZURE_CLIENT_SECRET }}', `azure_client_id = "${fake('alnum', 40, 22)}"`],
    },
  },
  {
    id: 'azure-storage-account-key',
    category: 'KEY',
    description: 'Azure Storage / Cosmos DB account key (88 base64 characters) next to an account-key name',
    keywords: ['azure', 'storage', 'accountkey', 'account_key', 'cosmos', 'primarykey', 'masterkey'],
    pattern: inContext({
      names: ['azure', 'storage', 'account[_.\\-]?key', 'cosmos', 'primary[_.\\-]?key', 'master[_.\\-]?key'],
      value: '[A-Za-z0-9+/]{86}==',
    }),
    secretGroup: 1,
    minEntropy: 4.5,
    confidence: 'high',
    examples: {
      match: [`AZURE_STORAGE_KEY="${fake('b64', 86, 24)}=="`, `"primaryKey": "${fake('b64', 86, 25)}=="`],
      noMatch: [`AZURE_STORAGE_KEY="${fake('b64', 40, 24)}=="`],
    },
  },
  {
    id: 'azure-storage-account-key-near-words',
    category: 'KEY',
    description: 'Azure storage account key (86 base64 characters and `==`) bare in prose or notes within two lines after an account or storage key, Azure or a blob endpoint is named ("Account key used for generating these: …")',
    keywords: ['account key', 'account-key', 'account_key', 'accountkey', 'storage key', 'storage-key', 'storage_key', 'storagekey', 'azure', 'blob.core.windows.net'],
    pattern: AZURE_ACCOUNT_KEY_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, AZURE_ACCOUNT_KEY_AFTER_WORDS),
    anchored: true,
    minEntropy: 4.5,
    confidence: 'medium',
    examples: {
      match: [`SAS links for the client below. Account key they were signed with (rotate monthly):\n${fake('b64', 86, 2401)}==`],
      noMatch: [`"integrity": "sha512-${fake('b64', 86, 2402)}=="`, `release notes\n${fake('b64', 86, 2403)}==`],
    },
  },
  {
    id: 'azure-storage-key-hadoop-property',
    category: 'KEY',
    description:
      "An Azure Storage account key set as Hadoop's `fs.azure.account.key.<account>.(blob|dfs).core.windows.net` property: as `name=value`, as the next argument of Spark's `conf.set(…)` or `hadoopConfiguration().set(…)` (maybe on the next line, the account maybe interpolated: `f\"fs.azure.account.key.{ACCOUNT}…\"`), or as the `<value>` of a `core-site.xml` property",
    keywords: ['fs.azure.account.key.'],
    startsAtKeyword: true,
    // The property's name runs to the separator (the account in it may be joined in: `"…key." + account + ".blob…"`); the value is the storage account's 64 bytes in base64.
    pattern:
      /fs\.azure\.account\.key\.[^\r\n=<,:]{1,160}["'`]?[ \t]{0,4}(?:[,=:][ \t]{0,4}(?:\r?\n[ \t]{0,40})?|<\/name>[ \t\r\n]{0,40}<value>[ \t]{0,4})["'`]?([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    minEntropy: 4.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        `spark.conf.set(\n    f"fs.azure.account.key.{STORAGE_ACCOUNT}.dfs.core.windows.net",\n    "${fake('b64', 86, 9611)}==",\n)`,
        `sc._jsc.hadoopConfiguration().set("fs.azure.account.key." + account + ".blob.core.windows.net", "${fake('b64', 86, 9612)}==")`,
        `spark.hadoop.fs.azure.account.key.lakehouse01.dfs.core.windows.net=${fake('b64', 86, 9613)}==`,
        `<property>\n  <name>fs.azure.account.key.lakehouse01.blob.core.windows.net</name>\n  <value>${fake('b64', 86, 9614)}==</value>\n</property>`,
      ],
      noMatch: [
        'spark.conf.set(f"fs.azure.account.key.{STORAGE_ACCOUNT}.dfs.core.windows.net", dbutils.secrets.get("kv", "lake-key"))',
        `spark.conf.set("fs.azure.account.key.lakehouse01.dfs.core.windows.net", "${fake('b64', 40, 9615)}==")`,
        `spark.conf.set("fs.azure.account.auth.type.lakehouse01.dfs.core.windows.net", "${fake('b64', 86, 9616)}==")`,
      ],
    },
  },
  {
    id: 'azure-shared-key-credential',
    category: 'KEY',
    description:
      "An Azure account key passed to the SDK's shared-key credential (`new StorageSharedKeyCredential(accountName, \"…\")`, `TableSharedKeyCredential`, `AzureNamedKeyCredential`; C#'s `StorageSharedKeyCredential cred = new(name, \"…\")`): the second argument is the account's key",
    keywords: ['sharedkeycredential', 'namedkeycredential'],
    startsAtKeyword: true,
    // The class, then its call, or a declaration of its type that C#'s target-typed `new(…)` builds (maybe on the next
    // line); the first argument is the account's name (a literal or a variable), the second the key: a storage
    // account's 64 bytes or a Service Bus or Event Hubs key's 32, in base64.
    pattern:
      /(?:Shared|Named)KeyCredential(?:[ \t]{1,4}[A-Za-z_]\w{0,40}[ \t]{0,4}=[ \t]{0,4}(?:\r?\n[ \t]{0,40})?new)?[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?[^,()\r\n]{1,120},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?@?["'`]([A-Za-z0-9+/]{86}==|[A-Za-z0-9+/]{43}=)["'`]/,
    secretGroup: 1,
    minEntropy: 4,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        `const cred = new StorageSharedKeyCredential(account, "${fake('b64', 86, 31)}==");`,
        `private static readonly StorageSharedKeyCredential Cred =\n        new(AccountName, "${fake('b64', 86, 32)}==");`,
        `var credential = new AzureNamedKeyCredential("RootManageSharedAccessKey", "${fake('b64', 43, 33)}=");`,
      ],
      noMatch: [
        'const cred = new StorageSharedKeyCredential(account, accountKey);',
        `new StorageSharedKeyCredential(account, "${fake('b64', 40, 31)}==")`,
        'new StorageSharedKeyCredential(account, Environment.GetEnvironmentVariable("STORAGE_KEY"))',
      ],
    },
  },
  {
    id: 'azure-storage-account-key-listed',
    category: 'KEY',
    description: 'An Azure Storage account key as `az storage account keys list` prints it: the 88-character value of `key1`/`key2` (`kerb1`/`kerb2`), as JSON or a table row',
    keywords: ['key1', 'key2', 'kerb1', 'kerb2'],
    startsAtKeyword: true,
    // The CLI's JSON sorts each key's members (keyName, permissions, value); a table or TSV row
    // reads `key1  FULL  …`.
    pattern:
      /(?<![\w-])(?:key|kerb)[12](?:"[ \t]{0,4},[ \t\r\n]{0,40}"permissions"[ \t]{0,4}:[ \t]{0,4}"[A-Za-z]{1,20}"[ \t]{0,4},[ \t\r\n]{0,40}"value"[ \t]{0,4}:[ \t]{0,4}"|[ \t]{1,20}(?:FULL|READ|Full|Read)[ \t]{1,20})([A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    minEntropy: 4.5,
    confidence: 'high',
    examples: {
      match: [
        `  {\n    "creationTime": "2025-03-11T10:22:05.318264+00:00",\n    "keyName": "key1",\n    "permissions": "FULL",\n    "value": "${fake('b64', 86, 26)}=="\n  }`,
        `2025-03-11T10:22:05.318264+00:00  key2       FULL           ${fake('b64', 86, 27)}==`,
      ],
      noMatch: [`"keyName": "key1", "permissions": "FULL", "value": "${fake('b64', 40, 26)}=="`, `monkey1 FULL ${fake('b64', 86, 28)}==`],
    },
  },
  {
    id: 'azure-shared-access-key',
    category: 'KEY',
    description: 'Azure Service Bus / Event Hubs / IoT Hub shared access key (SharedAccessKey=…)',
    keywords: ['sharedaccesskey'],
    pattern: /SharedAccessKey=([A-Za-z0-9+/]{42,43}=)/,
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=${fake('b64', 43, 26)}=`],
      noMatch: ['SharedAccessKey=<key>'],
    },
  },
  {
    id: 'azure-primary-secondary-key',
    category: 'KEY',
    description:
      "A key named primary or secondary (`\"primaryKey\": \"…\"`, `secondary_key: …`) whose value is base64 of exactly 32 or 64 bytes: Azure's pairs of keys (an IoT Hub device's or a DPS enrollment's symmetric keys, Event Hubs' and Service Bus' authorization rules as `listKeys` prints them). A table's primary key is a column's name, never such a value",
    keywords: ['primarykey', 'secondarykey', 'primary_key', 'secondary_key', 'primary-key', 'secondary-key'],
    startsAtKeyword: true,
    // Azure hands out its keys in pairs to rotate by: each is 32 bytes (44 base64 characters) or 64 (88); a database's
    // primary key is a column's name (`"primaryKey": "order_id"`), which holds no `+`/`/`-alphabet padding of those lengths.
    pattern: /(?:primary|secondary)[_-]?key["']?[ \t]{0,4}[:=][ \t]{0,4}["']?([A-Za-z0-9+/]{86}==|[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])/i,
    secretGroup: 1,
    minEntropy: 4,
    validate: looksRandom,
    confidence: 'high',
    examples: {
      match: [
        `{"deviceId": "probe-0042", "authentication": {"symmetricKey": {"primaryKey": "${fake('b64', 43, 9701)}=", "secondaryKey": "${fake('b64', 43, 9702)}="}}}`,
        `  "primaryKey": "${fake('b64', 86, 9703)}==",`,
        `secondary_key: ${fake('b64', 43, 9704)}=`,
      ],
      noMatch: [
        '"primaryKey": "order_id"',
        `"primaryKey": "${fake('b64', 40, 9705)}=="`,
        '"primaryKey": "<device-primary-key>"',
        `cacheKeyPrimaryKey = "${'A'.repeat(43)}="`,
      ],
    },
  },
  {
    id: 'azure-sas-token',
    category: 'TOKEN',
    description: 'Azure shared access signature: the sig= parameter of a SAS query string',
    keywords: ['sig='],
    pattern: /\bsv=\d{4}-\d{2}-\d{2}&[^\s"'<>]{0,400}?\bsig=([A-Za-z0-9%+/]{40,90}(?:=|%3[dD]){0,2})/,
    secretGroup: 1,
    minEntropy: 4,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`https://acct.blob.core.windows.net/c?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01T00:00:00Z&sig=${fake('alnum', 52, 27)}%3D`],
      noMatch: ['?sv=2022-11-02&sig=<signature>'],
    },
  },
  {
    id: 'azure-sas-signature-alone',
    category: 'TOKEN',
    description:
      "An Azure shared access signature's `sig=` quoted on its own, without the rest of its query string (a ticket, a chat): the base64 of an HMAC-SHA256, 43 characters and `=`, URL-encoded or not",
    keywords: ['sig='],
    startsAtKeyword: true,
    // Each repetition reads one character of the signature, plain or URL-encoded (`%2B`, `%2F`), so the count is the decoded length.
    pattern: /(?<![\w-])sig=((?:[A-Za-z0-9+/]|%2[BbFf]){43}(?:=|%3[dD]))(?![\w%=+/-])/,
    secretGroup: 1,
    minEntropy: 4,
    validate: (secret) => notPlaceholder(secret) && looksRandom(secret),
    confidence: 'medium',
    examples: {
      match: [`New SAS for the partner drop issued, sig=${fake('alnum', 20, 34)}%2B${fake('alnum', 22, 35)}%3D (expires 2025-01-31)`, `sig=${fake('b64', 43, 36)}=`],
      noMatch: ['sig=<signature>', `sig=${fake('alnum', 40, 37)}%3D`, `jwt_sig=${fake('alnum', 43, 38)}=`, `sig=${fake('alnum', 43, 39)}=${fake('alnum', 4, 40)}`],
    },
  },
  {
    id: 'azure-function-key',
    category: 'KEY',
    description:
      "An Azure Functions key in a function URL's `code=` parameter (`…azurewebsites.net/api/Fn?code=…==`), also as an IIS or App Service log's query field prints it: URL-safe base64 ending in `==`",
    keywords: ['code='],
    startsAtKeyword: true,
    // Opens a query (`?`, `&`) or a log's query field (after a space): `exit_code=`, `status_code=` are other names.
    pattern: /(?<![^?&\s])code=([A-Za-z0-9_-]{40,86}(?:==|%3[dD]%3[dD]))(?![\w%=-])/,
    secretGroup: 1,
    minEntropy: 4,
    validate: (secret) => notPlaceholder(secret) && looksRandom(secret),
    confidence: 'medium',
    examples: {
      match: [
        `https://func-claims.azurewebsites.net/api/StatusHook?code=${fake('b64url', 54, 41)}==`,
        `2025-01-02 00:02:17 10.1.2.3 POST /api/StatusHook code=${fake('b64url', 54, 42)}== 443 - 20.1.2.3 curl/8.5 202 0 0 61`,
      ],
      noMatch: [
        'https://func-claims.azurewebsites.net/api/StatusHook?code=<function-key>',
        `exit_code=${fake('b64url', 54, 43)}==`,
        `https://login.example.com/callback?code=${fake('b64url', 54, 44)}&state=abc`,
      ],
    },
  },
  {
    id: 'azure-devops-pat',
    category: 'KEY',
    description: 'Azure DevOps personal access token (legacy 52-character base32, next to an Azure DevOps name)',
    keywords: ['azure', 'devops', 'ado_', 'vsts', 'system_accesstoken'],
    pattern: inContext({ names: ['azure[_.\\-]?devops', 'devops', 'ado', 'vsts', 'azdo', 'azure'], value: '[a-z2-7]{52}' }),
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`AZURE_DEVOPS_PAT=${fake('abcdefghijklmnopqrstuvwxyz234567', 52, 28)}`],
      noMatch: [`AZURE_DEVOPS_PAT=${fake('abcdefghijklmnopqrstuvwxyz234567', 51, 28)}`],
    },
  },
  {
    id: 'azure-devops-pat-near-words',
    category: 'KEY',
    description:
      'Azure DevOps personal access token (legacy 52 characters of lower-case base32) bare in prose or chat up to three lines after words that name it or its provider: `PAT`, personal access token, Azure DevOps, VSTS, dev.azure.com ("build agent PAT expired, …" then "already used it locally: …")',
    keywords: ['pat', 'personal access token', 'devops', 'vsts', 'dev.azure.com', 'visualstudio.com'],
    pattern: ADO_PAT_SHAPE,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, ADO_PAT_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `[08:55] Priya: build agent PAT expired, I put a new one in the library group\n[08:57] Dmitri: sorry, already used it locally: ${fake('abcdefghijklmnopqrstuvwxyz234567', 52, 31)}`,
        `Azure DevOps pipeline token for the mirror job (expires Friday):\n\n    ${fake('abcdefghijklmnopqrstuvwxyz234567', 52, 32)}`,
      ],
      noMatch: [
        `path to the cache: ${fake('abcdefghijklmnopqrstuvwxyz234567', 52, 33)}`,
        `the PAT is in the library group, not here\nline two\nline three\nline four\nline five: ${fake('abcdefghijklmnopqrstuvwxyz234567', 52, 34)}`,
        `DevOps wiki page id ${fake('abcdefghijklmnopqrstuvwxyz', 52, 35)}`,
        'PAT: abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst',
      ],
    },
  },
  {
    id: 'azure-devops-pat-v2',
    category: 'KEY',
    description: 'Azure DevOps personal access token (84-character format carrying the AZDO signature)',
    keywords: ['azdo'],
    pattern: /\b([A-Za-z0-9]{76}AZDO[A-Za-z0-9]{4})\b/,
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`pat: ${fake('alnum', 76, 29)}AZDO${fake('alnum', 4, 30)}`],
      noMatch: [`${fake('alnum', 70, 29)}AZDO${fake('alnum', 4, 30)}`],
    },
  },
  {
    id: 'azure-cognitive-services-key',
    category: 'KEY',
    description: 'Azure OpenAI / Cognitive Services key next to an Azure AI name',
    keywords: ['azure', 'cognitive', 'ocp-apim'],
    pattern: inContext({
      names: ['azure[_.\\-]?(?:openai|ai|cognitive|speech|translator|search)', 'cognitive[_.\\-]?services?', 'ocp-apim-subscription'],
      value: '[a-f0-9]{32}|[A-Za-z0-9]{84}',
    }),
    secretGroup: 1,
    minEntropy: 3.2,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: {
      match: [`AZURE_OPENAI_API_KEY=${fake('hex', 32, 31)}`, `Ocp-Apim-Subscription-Key: ${fake('hex', 32, 32)}`],
      noMatch: ['AZURE_OPENAI_API_KEY=<your-key>'],
    },
  },
  {
    id: 'alibaba-access-key-id',
    category: 'KEY',
    description: 'Alibaba Cloud AccessKey ID (LTAI…)',
    keywords: ['ltai'],
    pattern: prefixedValue('LTAI', '[A-Za-z0-9]{12,20}'),
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI${fake('alnum', 20, 33)}`],
      noMatch: ['LTAI123', 'LTAIxxxxxxxxxxxxxxxxxxxx'],
    },
  },
  {
    id: 'alibaba-secret-key',
    category: 'KEY',
    description: 'Alibaba Cloud AccessKey secret next to an Alibaba/Aliyun name',
    keywords: ['alibaba', 'aliyun', 'alicloud'],
    pattern: inContext({ names: ['alibaba', 'aliyun', 'alicloud'], value: ALNUM(30) }),
    secretGroup: 1,
    minEntropy: 3,
    validate: looksRandom,
    confidence: 'high',
    examples: {
      match: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET="${fake('alnum', 30, 34)}"`],
      noMatch: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET="${fake('alnum', 29, 34)}"`],
    },
  },
  {
    id: 'tencent-secret-id',
    category: 'KEY',
    description: 'Tencent Cloud SecretId (AKID…)',
    keywords: ['akid'],
    pattern: prefixedValue('AKID', '[A-Za-z0-9]{32}'),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`TENCENTCLOUD_SECRET_ID=AKID${fake('alnum', 32, 35)}`],
      noMatch: ['AKIDshort'],
    },
  },
  {
    id: 'tencent-secret-key',
    category: 'KEY',
    description: 'Tencent Cloud SecretKey next to a Tencent name',
    keywords: ['tencent'],
    pattern: inContext({ names: ['tencent'], value: ALNUM(32) }),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: looksRandom,
    confidence: 'high',
    examples: {
      match: [`TENCENTCLOUD_SECRET_KEY="${fake('alnum', 32, 36)}"`],
      noMatch: ['TENCENTCLOUD_SECRET_KEY="${TENCENT_KEY}"'],
    },
  },
  {
    id: 'digitalocean-pat',
    category: 'KEY',
    description: 'DigitalOcean personal access token',
    keywords: ['dop_v1_'],
    pattern: prefixed('dop_v1_', HEX(64)),
    secretGroup: 1,
    minEntropy: 3,
    confidence: 'high',
    examples: { match: [`DIGITALOCEAN_TOKEN=dop_v1_${fake('hex', 64, 37)}`], noMatch: [`dop_v1_${fake('hex', 60, 37)}`] },
  },
  {
    id: 'digitalocean-access-token',
    category: 'TOKEN',
    description: 'DigitalOcean OAuth access token',
    keywords: ['doo_v1_'],
    pattern: prefixed('doo_v1_', HEX(64)),
    secretGroup: 1,
    minEntropy: 3,
    confidence: 'high',
    examples: { match: [`token: doo_v1_${fake('hex', 64, 38)}`], noMatch: ['doo_v1_abc'] },
  },
  {
    id: 'digitalocean-refresh-token',
    category: 'TOKEN',
    description: 'DigitalOcean OAuth refresh token',
    keywords: ['dor_v1_'],
    pattern: prefixed('dor_v1_', HEX(64)),
    secretGroup: 1,
    minEntropy: 3,
    confidence: 'high',
    examples: { match: [`refresh = "dor_v1_${fake('hex', 64, 39)}"`], noMatch: ['dor_v1_abc'] },
  },
  {
    id: 'digitalocean-spaces-access-key',
    category: 'KEY',
    description: 'DigitalOcean Spaces access key (`DO00` + 16 upper-case letters and digits), the id half of an S3-style key pair, reported like an AWS access key id',
    keywords: ['do00'],
    pattern: /\b(DO00[A-Z0-9]{16})\b/,
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`SPACES_ACCESS_KEY_ID=DO00${fake('uppernum', 16, 9801)}`, `s3cmd --access_key=DO00${fake('uppernum', 16, 9802)} ls`],
      noMatch: ['DO0012345', `DO00${fake('uppernum', 20, 9803)}`, 'DO00XXXXXXXXXXXXXXXX'],
    },
  },
  {
    id: 'digitalocean-spaces-secret',
    category: 'KEY',
    description: 'DigitalOcean Spaces secret key next to a Spaces name',
    keywords: ['spaces'],
    pattern: inContext({ names: ['spaces'], nameTail: 'secret', value: '[A-Za-z0-9/+]{43}' }),
    secretGroup: 1,
    minEntropy: 4,
    validate: looksRandom,
    confidence: 'medium',
    examples: { match: [`SPACES_SECRET_KEY=${fake('b64', 43, 40)}`], noMatch: ['SPACES_SECRET_KEY=changeme'] },
  },
  {
    // The id half of a B2 application key (`00` + the cluster digit + the 12-hex account id + a
    // key number): with the key it opens the bucket, and like AWS's AKIA… or Spaces' DO00… ids it
    // is reported as part of the pair. 25 hex is otherwise anything, so a B2 name must vouch for it.
    // Under that name a few characters fewer (22 to 24, copied short or typed by hand) is still the id.
    id: 'backblaze-b2-application-key-id',
    category: 'KEY',
    // rclone names the id `account` (`RCLONE_B2_ACCOUNT`).
    description: 'Backblaze B2 application key id (25 hex starting `00`, or a few short of it) under a key-id or account name that B2 or Backblaze opens (`B2_APPLICATION_KEY_ID`, `BACKBLAZE_KEY_ID`, rclone\'s `RCLONE_B2_ACCOUNT`)',
    keywords: ['b2_', 'backblaze'],
    startsAtKeyword: true,
    pattern: inContext({ names: ['b2_', 'backblaze'], nameTail: 'key[_.\\-]?id|account', value: `00${HEX('20,23')}` }),
    secretGroup: 1,
    validate: looksRandom,
    confidence: 'medium',
    examples: {
      match: [`B2_APPLICATION_KEY_ID=005${fake('hex', 22, 9831)}`, `backblaze:\n  key_id: "004${fake('hex', 22, 9832)}"`, `export BACKBLAZE_B2_KEY_ID='003${fake('hex', 22, 9833)}'`, `RCLONE_B2_ACCOUNT=004${fake('hex', 22, 9861)}`],
      noMatch: [`B2_BUCKET_ID=005${fake('hex', 22, 9834)}`, `AWS_ACCESS_KEY_ID=005${fake('hex', 22, 9835)}`, `B2_APPLICATION_KEY_ID=${fake('hex', 40, 9836)}`],
    },
  },
  {
    // The b2 CLI takes the pair by position: `b2 authorize-account <keyId> <key>` (v4: `b2 account authorize`),
    // as shell history and CI scripts keep it. The key itself is found by backblaze-b2-application-key.
    id: 'backblaze-b2-cli-key-id',
    category: 'KEY',
    description: 'Backblaze B2 application key id given to `b2 authorize-account` / `b2 account authorize`',
    keywords: ['b2 authorize-account', 'b2 account authorize'],
    startsAtKeyword: true,
    pattern: /b2 (?:authorize-account|account authorize)[ \t]{1,4}(00[a-f0-9]{20,23})(?![\w-])/,
    secretGroup: 1,
    validate: looksRandom,
    confidence: 'medium',
    examples: {
      match: [`b2 authorize-account 004${fake('hex', 22, 9837)} K004${fake('alnum', 27, 9838)}`, `b2 account authorize 005${fake('hex', 22, 9839)} "$B2_KEY"`],
      noMatch: ['b2 authorize-account "$B2_KEY_ID" "$B2_KEY"', `b2 authorize-account ${fake('hex', 12, 9840)} "$B2_KEY"`],
    },
  },
  {
    // An rclone remote of type b2 keeps the pair as `account = <key id>` and `key = <application key>` in rclone.conf.
    // `account` is a name elsewhere (an Azure storage account, at most 24 characters), so only B2's id shape counts.
    id: 'rclone-b2-account',
    category: 'KEY',
    description: 'Backblaze B2 application key id (25 hex starting `00`, or a few short of it) as the `account` of an rclone.conf remote',
    keywords: ['account'],
    paths: /(?:^|[\\/])rclone\.conf$/i,
    startsAtKeyword: true,
    pattern: /(?<![\w.-])account[ \t]{0,8}=[ \t]{0,8}(00[0-9a-f]{20,23})(?![\w-])/,
    secretGroup: 1,
    validate: looksRandom,
    confidence: 'medium',
    // Bound to rclone.conf: its examples run with that file name in cloud.test.ts.
    examples: { match: [], noMatch: [] },
  },
  {
    // `K` + three digits + 27 characters: the form B2 issues application keys in, self-identifying like a prefixed token.
    id: 'backblaze-b2-application-key',
    category: 'KEY',
    description: 'Backblaze B2 application key (`K` + three digits + 27 characters)',
    keywords: ['k00'],
    startsAtKeyword: true,
    pattern: /(?<![\w+/-])(K00[0-9][A-Za-z0-9+/]{27})(?![\w+/=-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (secret) => looksRandom(secret) && /[a-z]/.test(secret) && /[A-Z].*[A-Z]/.test(secret.slice(1)),
    confidence: 'medium',
    examples: {
      match: [`B2_APPLICATION_KEY=K005${fake('alnum', 27, 9846)}`, `b2 authorize-account 004${fake('hex', 22, 9847)} K004${fake('alnum', 27, 9848)}`],
      noMatch: [`K005${fake('lower', 27, 9849)}`, `K005${fake('alnum', 30, 9850)}`, 'K0051234567890123456789012345678'],
    },
  },
  {
    id: 'linode-api-token',
    category: 'KEY',
    description: 'Linode (Akamai) API token next to a Linode name',
    keywords: ['linode'],
    pattern: inContext({ names: ['linode'], value: HEX(64) }),
    secretGroup: 1,
    minEntropy: 3,
    confidence: 'high',
    examples: { match: [`LINODE_TOKEN=${fake('hex', 64, 41)}`], noMatch: [`LINODE_TOKEN=${fake('hex', 40, 41)}`] },
  },
  {
    id: 'vultr-api-key',
    category: 'KEY',
    description: 'Vultr API key next to a Vultr name',
    keywords: ['vultr'],
    pattern: inContext({ names: ['vultr'], value: '[A-Z0-9]{36}' }),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: { match: [`VULTR_API_KEY="${fake('uppernum', 36, 42)}"`], noMatch: [`VULTR_API_KEY="${fake('uppernum', 30, 42)}"`] },
  },
  {
    id: 'scaleway-access-key',
    category: 'KEY',
    description: 'Scaleway access key id (SCW…)',
    keywords: ['scw'],
    pattern: prefixedValue('SCW', '[A-Z0-9]{17}'),
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: { match: [`SCW_ACCESS_KEY=SCW${fake('uppernum', 17, 43)}`], noMatch: ['SCW_ACCESS_KEY=SCWXXXXXXXXXXXXXXXXX'] },
  },
  {
    id: 'scaleway-secret-key',
    category: 'KEY',
    description: 'Scaleway secret key (a UUID) next to a Scaleway secret-key name',
    keywords: ['scw', 'scaleway'],
    pattern: inContext({ names: ['scw', 'scaleway'], nameTail: 'secret|token', value: UUID }),
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: { match: ['SCW_SECRET_KEY=4d1e1c5e-2f6a-4b3c-9d8e-7f6a5b4c3d2e'], noMatch: ['SCW_DEFAULT_PROJECT_ID=4d1e1c5e-2f6a-4b3c-9d8e-7f6a5b4c3d2e'] },
  },
  {
    id: 'heroku-api-key',
    category: 'KEY',
    description: 'Heroku API key (a UUID) next to a Heroku name',
    keywords: ['heroku'],
    pattern: inContext({ names: ['heroku'], value: UUID }),
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: ['heroku_api_key = "832d2129-a846-4e27-99f4-7004b6ad53ef"', 'const HEROKU_KEY = "12345678-ABCD-ABCD-ABCD-1234567890AB"'],
      noMatch: ['heroku_app_name = "my-app"'],
    },
  },
  {
    id: 'heroku-api-key-v2',
    category: 'KEY',
    description: 'Heroku API key (HRKU-AA format)',
    keywords: ['hrku-'],
    pattern: prefixedValue('HRKU-', '[\\w\\-]{36,64}'),
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: { match: [`HEROKU_API_KEY=HRKU-AA${fake('b64url', 58, 44)}`], noMatch: ['HRKU-AAshort'] },
  },
  {
    id: 'flyio-access-token',
    category: 'TOKEN',
    // `flyctl tokens create` prints `FlyV1 fm2_…,fm2_…`: the scheme and every comma-joined macaroon are one token.
    description: 'Fly.io access or macaroon token (fo1_, fm1a_/fm1r_, fm2_), with its `FlyV1 ` scheme and comma-joined macaroons as one value',
    keywords: ['fo1_', 'fm1', 'fm2_'],
    pattern: FLY_TOKEN,
    secretGroup: 1,
    find: findFlyTokens,
    anchored: true,
    minEntropy: 4,
    confidence: 'high',
    examples: {
      match: [`Fly access token: fo1_${fake('b64url', 43, 45)}`, `FLY_API_TOKEN="FlyV1 fm2_${fake('b64', 240, 46)}"`, `FLY_API_TOKEN="FlyV1 fm2_${fake('b64', 180, 47)},fm2_${fake('b64', 160, 48)}"`, `access_token: FlyV1 fm2_${fake('b64url', 150, 9874)}`],
      noMatch: ['api_key = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'value="7SWa-Fo1_hsC6oovfBsJFLGPUl2EhkSWPbJhWANwgaJWBDl1vxd9VNqXTN"'],
    },
  },
  {
    id: 'cloudflare-api-key',
    category: 'KEY',
    description: 'Cloudflare API token (40 characters) next to a Cloudflare name',
    keywords: ['cloudflare', 'cf_api'],
    pattern: inContext({ names: ['cloudflare', 'cf_api'], value: '[\\w\\-]{40}' }),
    secretGroup: 1,
    minEntropy: 3,
    validate: looksRandom,
    confidence: 'high',
    examples: { match: [`CLOUDFLARE_API_KEY: ${fake('b64url', 40, 47)}`], noMatch: [`CLOUDFLARE_ZONE: ${fake('b64url', 32, 47)}`] },
  },
  {
    id: 'cloudflare-global-api-key',
    category: 'KEY',
    description: 'Cloudflare global API key (37 hex characters) next to a Cloudflare name',
    keywords: ['cloudflare', 'cf_api'],
    pattern: inContext({ names: ['cloudflare', 'cf_api'], value: HEX(37) }),
    secretGroup: 1,
    minEntropy: 3,
    confidence: 'high',
    examples: { match: [`cloudflare_global_api_key = "${fake('hex', 37, 48)}"`], noMatch: [`cloudflare_zone_id = "${fake('hex', 32, 48)}"`] },
  },
  {
    // The id half of an R2 API token, used as an S3 access key id; gitleaks-style tools flag
    // key ids (AWS's AKIA…) too. 32 hex is otherwise anything, so R2 must vouch for it.
    id: 'cloudflare-r2-access-key-id',
    category: 'KEY',
    description:
      'Cloudflare R2 access key id (32 hex) under an access-key-id name that R2 vouches for: an R2 name (`R2_ACCESS_KEY_ID`), an `[r2]` profile, or an R2 endpoint (`….r2.cloudflarestorage.com`) in the file',
    // Tried only where `access` starts a name (the pattern opens with it); R2 is checked after.
    keywords: ['access'],
    startsAtKeyword: true,
    pattern: inContext({ names: ['access[_.\\-]?key[_.\\-]?id'], value: HEX(32) }),
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret, ctx) => looksRandom(secret) && isVouchedForByR2(ctx.text, ctx.matchStart),
    confidence: 'medium',
    examples: {
      match: [
        `const R2_ACCESS_KEY_ID: &str = "${fake('hex', 32, 9510)}";`,
        `CLOUDFLARE_R2_ACCESS_KEY_ID=${fake('hex', 32, 9511)}`,
        `cloudflareR2AccessKeyId: '${fake('hex', 32, 9512)}'`,
        `[r2]\naws_access_key_id = ${fake('hex', 32, 9519)}`,
        `AWS_ACCESS_KEY_ID=${fake('hex', 32, 9525)}\nAWS_ENDPOINT_URL_S3=https://${fake('hex', 32, 9526)}.r2.cloudflarestorage.com`,
        `fn storage() -> R2 {\n    R2 {\n        access_key_id: "${fake('hex', 32, 9528)}".into(),\n    }\n}`,
        // R2's secret half beside it: 64 hex digits, the SHA-256 of the token.
        `rclone copy out remote:media --s3-access-key-id ${fake('hex', 32, 9530)} --s3-secret-access-key ${fake('hex', 64, 9531)}`,
        `AWS_ACCESS_KEY_ID=${fake('hex', 32, 9532)}\nAWS_SECRET_ACCESS_KEY=${fake('hex', 64, 9533)}`,
      ],
      noMatch: [
        `R2_ACCOUNT_ID = "${fake('hex', 32, 9513)}"`,
        `PR2_ACCESS_KEY_ID=${fake('hex', 32, 9514)}`,
        `R2_ACCESS_KEY_ID=${'0'.repeat(32)}`,
        `# r2 later\nMINIO_ACCESS_KEY_ID=${fake('hex', 32, 9527)}`,
        `Spaces {\n    access_key_id: "${fake('hex', 32, 9529)}".into(),\n}`,
        // A secret half of another store's shape (40 characters of base64) vouches for nothing.
        `MINIO_ACCESS_KEY_ID=${fake('hex', 32, 9534)}\nMINIO_SECRET_ACCESS_KEY=${fake('b64', 40, 9535)}`,
      ],
    },
  },
  {
    // AWS's shape without AWS's prefix: Wasabi, MinIO, Linode and other S3-compatible stores issue 20 upper-case
    // letters and digits as the id half of the key pair. Reported like AKIA ids (the pair opens the bucket).
    id: 's3-compatible-access-key-id',
    category: 'KEY',
    // MinIO names the id half its root user (`MINIO_ROOT_USER`, formerly `MINIO_ACCESS_KEY`): under that name a value of the
    // id's shape is the access key, not a person's login (`minioadmin`, `admin` are words and stay).
    description: 'An S3-compatible storage access key id (20 upper-case letters and digits, as Wasabi, MinIO and Linode issue) under an access-key-id name or MinIO\'s root user (`MINIO_ROOT_USER`, `MINIO_ACCESS_KEY`), reported like an AWS access key id',
    keywords: ['access', 'minio'],
    startsAtKeyword: true,
    pattern: inContext({ names: ['access[_.\\-]?key[_.\\-]?id', 'minio[_.\\-]?(?:root[_.\\-]?user|access[_.\\-]?key)'], value: '[A-Z0-9]{20}' }),
    secretGroup: 1,
    minEntropy: 3,
    validate: (s) => notPlaceholder(s) && /[A-Z]/.test(s) && /[0-9]/.test(s),
    confidence: 'medium',
    examples: {
      match: [`'access-key-id' => '${fake('uppernum', 20, 9540)}',`, `WASABI_ACCESS_KEY_ID=${fake('uppernum', 20, 9541)}`, `    environment:\n      MINIO_ROOT_USER: ${fake('uppernum', 20, 9544)}`, `MINIO_ACCESS_KEY=${fake('uppernum', 20, 9545)}`],
      noMatch: [`ACCESS_KEY_ID=${fake('upper', 20, 9542)}`, 'access_key_id: "XXXXXXXXXXXXXXXXXXXX"', `access_key_id = "${fake('uppernum', 24, 9543)}"`, 'MINIO_ROOT_USER: minioadmin', 'MINIO_ROOT_USER=storage-admin-01'],
    },
  },
  {
    // The id half of an HMAC key pair drawn in both cases (CME's API and iLink 3 access key ids, 20 letters and digits,
    // issued with a 43-character secret key): reported as AWS's and the S3-compatible stores' ids are, the pair's other
    // half. Digits and both cases keep words and upper-case ids (which the rule above reads) out.
    id: 'mixed-case-access-key-id',
    category: 'KEY',
    description: 'The id half of an HMAC key pair drawn in both cases, 20 letters and digits under an access-key-id name (`CmeAccessKeyId=…` in a QuickFIX/J session file), reported like an AWS access key id',
    keywords: ['access'],
    startsAtKeyword: true,
    pattern: inContext({ names: ['access[_.\\-]?key[_.\\-]?id'], value: '[A-Za-z0-9]{20}' }),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => notPlaceholder(s) && /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s),
    confidence: 'medium',
    examples: {
      match: [`CmeAccessKeyId=${fake('alnum', 20, 9550)}`, `"accessKeyId": "${fake('alnum', 20, 9551)}"`],
      noMatch: ['CmeAccessKeyId=AccessKeyIdentifierX', `access_key_id = "${fake('alnum', 24, 9552)}"`, 'accessKeyId: aaaaaaaaaaaaaaaaaaa1', 'AccessKeyId=${CME_ACCESS_KEY_ID}'],
    },
  },
  {
    id: 'cloudflare-origin-ca-key',
    category: 'KEY',
    description: 'Cloudflare Origin CA key',
    keywords: ['v1.0-'],
    pattern: prefixed('v1\\.0-', `${HEX(24)}-${HEX(146)}`),
    secretGroup: 1,
    minEntropy: 3,
    confidence: 'high',
    examples: { match: [`CLOUDFLARE_ORIGIN_CA: v1.0-${fake('hex', 24, 49)}-${fake('hex', 146, 50)}`], noMatch: ['v1.0-abc-def'] },
  },
  {
    id: 'cloudflare-api-token-v2',
    category: 'KEY',
    description: 'Cloudflare account/user API token or API key in the prefixed format (cfat_, cfut_, cfk_)',
    keywords: ['cfat_', 'cfut_', 'cfk_'],
    pattern: /(?<![A-Za-z0-9])(cf(?:at|ut|k)_[A-Za-z0-9]{44,52})(?![A-Za-z0-9])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`CLOUDFLARE_API_TOKEN=cfat_${fake('alnum', 40, 51)}${fake('hex', 8, 52)}`],
      noMatch: ['cfat_tooshort', `cf_${fake('alnum', 40, 51)}${fake('hex', 8, 52)}`],
    },
  },
  {
    id: 'ibm-cloud-api-key',
    category: 'KEY',
    description: 'IBM Cloud API key next to an IBM name',
    keywords: ['ibm'],
    pattern: inContext({ names: ['ibm'], value: '[\\w\\-]{44}' }),
    secretGroup: 1,
    minEntropy: 4,
    validate: looksRandom,
    confidence: 'medium',
    examples: { match: [`IBMCLOUD_API_KEY=${fake('b64url', 44, 53)}`], noMatch: [`IBMCLOUD_REGION=${fake('b64url', 12, 53)}`] },
  },
  {
    id: 'openshift-user-token',
    category: 'TOKEN',
    description: 'OpenShift user/OAuth token (sha256~)',
    keywords: ['sha256~'],
    pattern: /\b(sha256~[\w-]{43})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`oc login --token=sha256~${fake('b64url', 43, 54)}`],
      noMatch: ['--token="sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX"', 'oc login --token=sha256~_xxxxxx_xxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxx-X'],
    },
  },
  {
    id: 'hetzner-api-token',
    category: 'KEY',
    description: 'Hetzner Cloud API token next to a Hetzner/hcloud name',
    keywords: ['hetzner', 'hcloud'],
    pattern: inContext({ names: ['hetzner', 'hcloud'], value: ALNUM(64) }),
    secretGroup: 1,
    minEntropy: 4,
    validate: looksRandom,
    confidence: 'high',
    examples: { match: [`HCLOUD_TOKEN=${fake('alnum', 64, 55)}`], noMatch: [`HCLOUD_TOKEN=${fake('alnum', 40, 55)}`] },
  },
  {
    id: 'oracle-cloud-auth-token',
    category: 'KEY',
    description: 'Oracle Cloud (OCI) auth token next to an OCI/Oracle name',
    keywords: ['oci_', 'oracle'],
    pattern: inContext({ names: ['oci', 'oracle'], nameTail: 'token|secret|pass', value: '[A-Za-z0-9:()<>.+_#\\-]{20}' }),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (s) => looksRandom(s) && /[^A-Za-z0-9]/.test(s),
    confidence: 'low',
    examples: { match: ['OCI_AUTH_TOKEN="a8X:b(Q2.k+Zr9#Lm_0T"'], noMatch: ['OCI_AUTH_TOKEN="abcdefghijklmnopqrst"'] },
  },
  {
    id: 'tailscale-key',
    category: 'KEY',
    description: 'Tailscale API, auth, OAuth client, SCIM or webhook key (tskey-…)',
    keywords: ['tskey-'],
    pattern: /(?<![A-Za-z])(tskey-[a-z]{3,12}-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{16,48})(?![A-Za-z0-9])/,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`TS_AUTHKEY=tskey-auth-${fake('alnum', 12, 56)}-${fake('alnum', 30, 57)}`, `MY_tskey-api-${fake('alnum', 12, 58)}-${fake('alnum', 24, 59)}`],
      noMatch: ['A short string like tskey-foo is not a key.', `xtskey-api-${fake('alnum', 12, 58)}-${fake('alnum', 24, 59)}`],
    },
  },
  {
    id: 'age-secret-key',
    category: 'PKEY',
    description: 'age file-encryption secret key (bech32, AGE-SECRET-KEY-1…)',
    keywords: ['age-secret-key-1'],
    pattern: /(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Z0-9])/,
    secretGroup: 1,
    confidence: 'high',
    examples: {
      match: [`AGE-SECRET-KEY-1${fake('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58, 60)}`],
      noMatch: ['AGE-SECRET-KEY-1BADBADBAD', `AGE-SECRET-KEY-1${fake('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 40, 60)}`],
    },
  },
  {
    id: 'aws-bedrock-api-key',
    category: 'KEY',
    description: 'Amazon Bedrock long-term API key (ABSK + base64), any encoded service name',
    keywords: ['absk'],
    pattern: /(?<![A-Za-z0-9+/])(ABSK[A-Za-z0-9+/]{100,1000}={0,2})(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    minEntropy: 4.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`ABSK${fake('b64', 128, 61)}`],
      noMatch: [`AXSK${fake('b64', 128, 61)}`, 'ABSKshort'],
    },
  },
  {
    id: 'aws-appsync-api-key',
    category: 'KEY',
    description: 'AWS AppSync GraphQL API key (da2-)',
    keywords: ['da2-'],
    pattern: prefixedValue('da2-', '[a-z0-9]{26}'),
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: { match: [`apiKey: "da2-${fake('lowernum', 26, 62)}"`], noMatch: ['da2-short'] },
  },
  {
    id: 'azure-annotated-key',
    category: 'KEY',
    description: 'Azure key in the 84-character annotated format (JQQJ9 signature), e.g. storage, Cognitive Services, Cosmos DB',
    keywords: ['jqqj9'],
    pattern: /(?<![A-Za-z0-9+/])([A-Za-z0-9]{52}JQQJ9[A-Za-z0-9]{20,40}(?:==)?)(?![A-Za-z0-9+/=])/,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: notPlaceholder,
    confidence: 'high',
    examples: { match: [`AZURE_KEY=${fake('alnum', 52, 63)}JQQJ99ALACAAAAAAAAAAAAASAZDO${fake('alnum', 6, 64)}==`], noMatch: ['JQQJ99short'] },
  },
  {
    id: 'akamai-edgegrid-token',
    category: 'CRED',
    description: 'Akamai EdgeGrid client or access token (akab-…)',
    keywords: ['akab-'],
    // The API host an `.edgerc` names (`host = akab-….luna.akamaiapis.net`) opens with the same shape: a host name's
    // first label, followed by a dot and the next, is where the client sends its requests, not a token.
    pattern: prefixed('akab-', '[a-z0-9]{16}-[a-z0-9]{16}', { tail: String.raw`(?![\w\-]|\.[a-z])` }),
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [`client_token = akab-${fake('lowernum', 16, 65)}-${fake('lowernum', 16, 66)}`, `access_token = akab-${fake('lowernum', 16, 65)}-${fake('lowernum', 16, 66)}.`],
      noMatch: ['akab-short-token', `host = akab-${fake('lowernum', 16, 65)}-${fake('lowernum', 16, 66)}.luna.akamaiapis.net`],
    },
  },
  {
    id: 'docker-swarm-join-token',
    category: 'TOKEN',
    description: 'Docker Swarm join token (SWMTKN-1-…)',
    keywords: ['swmtkn-'],
    pattern: prefixed('SWMTKN-1-', '[a-z0-9]{50}-[a-z0-9]{25}'),
    secretGroup: 1,
    minEntropy: 3.5,
    confidence: 'high',
    examples: { match: [`docker swarm join --token SWMTKN-1-${fake('lowernum', 50, 67)}-${fake('lowernum', 25, 68)} 10.0.0.1:2377`], noMatch: ['SWMTKN-1-short'] },
  },
  {
    id: 'docker-swarm-unlock-key',
    category: 'KEY',
    description: 'Docker Swarm unlock key (SWMKEY-1-…)',
    keywords: ['swmkey-'],
    pattern: prefixed('SWMKEY-1-', '[A-Za-z0-9+/]{43}', { tail: '(?![A-Za-z0-9+/=])' }),
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: { match: [`SWMKEY-1-${fake('b64', 43, 69)}`], noMatch: ['SWMKEY-1-short'] },
  },
  {
    id: 'nats-nkey-seed',
    category: 'PKEY',
    description: 'NATS NKEY seed (private key: S + role letter + base32)',
    keywords: ['nkey', 'nats', 'seed'],
    pattern: /\b(S[UOANCX][A-Z2-7]{56})\b/,
    secretGroup: 1,
    minEntropy: 4,
    confidence: 'high',
    examples: { match: [`seed: SU${fake('base32', 56, 70)}`, `NATS_NKEY=SA${fake('base32', 56, 71)}`], noMatch: [`SU${fake('base32', 40, 70)}`] },
  },
  {
    id: 'terraform-password',
    category: 'PASS',
    description: 'Password literal assigned in a Terraform/HCL file',
    keywords: ['password'],
    pattern: /(?:administrator_login_password|password)[ \t]{0,20}=[ \t]{0,4}"([A-Za-z0-9=_\-!@#%^&*.]{8,64})"/i,
    secretGroup: 1,
    minEntropy: 2,
    // Judged as generic-assignment judges a password: `changeme`, `password123` and the like are stand-ins.
    validate: (secret, ctx) => isPlausibleSecret(secret, { category: 'PASS', quoted: true, file: ctx.file }),
    paths: /\.(?:tf|hcl|tfvars)$/i,
    confidence: 'medium',
    examples: { match: [], noMatch: [] },
  },
];
