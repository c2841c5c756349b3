import { shannonEntropy } from '../entropy.js';
import type { DetectOptions, Rule, Span } from '../types.js';
import { literalAt, skipSpace } from './literal-run.js';
import { fake } from './providers/fake.js';
import { isPlaceholder, notPlaceholder } from './providers/shape.js';

/**
 * A provider's key of a fixed shape that code keeps cut into string literals, so that no scanner sees it whole:
 * joined (`"sk-ant-api03-…" + "…"`, adjacent literals) or kept as the items of a tuple or list that code joins
 * later (`KEY_PARTS = ("sk-ant-api03-…", "…")` then `"".join(KEY_PARTS)`). The first literal opens with the
 * key's prefix but is too short for the key; the literals after it complete the key's exact shape. Every
 * part is reported. Only shapes with a fixed length or a fixed marker are read, so the join is proven by the
 * shape, not guessed.
 */
const SPLIT_SHAPES: readonly RegExp[] = [
  /^sk-ant-(?:api|admin)\d\d-[\w-]{93}AA$/,
  /^sk-(?:proj|svcacct|admin)-[\w-]{20,160}T3BlbkFJ[\w-]{20,160}$/,
  /^gh[pousr]_[A-Za-z0-9]{36}$/,
  /^github_pat_\w{82}$/,
  /^MLY\|\d{8,20}\|[0-9a-f]{32}$/,
  // SendGrid's `SG.<22>.<43>`, GitLab's `glpat-<20>`, DigitalOcean's `dop_v1_<64 hex>`, Shopify's `shpat_<32 hex>` (and its kin).
  /^SG\.[\w-]{22}\.[\w-]{43}$/,
  /^glpat-[\w-]{20}$/,
  /^dop_v1_[0-9a-f]{64}$/,
  /^shp(?:at|ss|ca|pa)_[0-9a-fA-F]{32}$/,
  // JFrog Artifactory's `AKCp<69>`, npm's `npm_<36>`, Hugging Face's `hf_<34>`, Databricks' `dapi<32 hex>`: each provider rule's exact length.
  /^AKCp[A-Za-z0-9]{69}$/,
  /^npm_[A-Za-z0-9]{36}$/,
  /^hf_[A-Za-z0-9]{34}$/,
  /^dapi[0-9a-fA-F]{32}$/,
  // HubSpot's private app token: its `pat-<region>-` prefix, then a UUID (the part left when the prefix is cut off, an id's shape).
  /^pat-(?:na|eu|ap)\d-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
];
const KEYWORDS = ['sk-ant-api', 'sk-ant-admin', 'sk-proj-', 'sk-svcacct-', 'sk-admin-', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'mly|', 'sg.', 'glpat-', 'dop_v1_', 'shpat_', 'shpss_', 'shpca_', 'shppa_', 'akcp', 'npm_', 'hf_', 'dapi', 'pat-na', 'pat-eu', 'pat-ap'];

/** The longest a joined key may grow (OpenAI's keys, the longest shape above, stay under it). */
const MAX_JOINED = 360;
const MAX_PARTS = 4;
/** A token's characters; `|` joins the fields of Mapillary's `MLY|<app id>|<key>`, `.` those of SendGrid's `SG.<id>.<secret>`. */
const TOKEN_BODY = /^[\w|.-]{1,300}$/;
/** How far blanks (and one line break) between two parts are read. */
const BLANK_REACH = 80;

/**
 * The literal that continues a split key after the one closed at `close`: after `+`, PHP's `.`, Lua's `..`, Visual Basic's
 * `&`, a list's `,`, or nothing.
 */
function nextPart(text: string, close: number): { start: number; end: number } | undefined {
  let i = skipSpace(text, close + 1, 1, BLANK_REACH);
  const c = text.charCodeAt(i);
  if (c === 46 /* . */ && text.charCodeAt(i + 1) === 46) i = skipSpace(text, i + 2, 1, BLANK_REACH);
  else if (c === 43 /* + */ || c === 46 /* . */ || c === 44 /* , */ || c === 38 /* & */) i = skipSpace(text, i + 1, 1, BLANK_REACH);
  const part = literalAt(text, i, 300);
  return part !== undefined && TOKEN_BODY.test(text.slice(part.start, part.end)) ? part : undefined;
}

function findSplitTokens(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    if (offset < readTo || offset === 0) continue;
    const first = literalAt(text, offset - 1, 300);
    if (first === undefined || first.start !== offset) continue;
    let value = text.slice(first.start, first.end);
    // Whole in one literal (the provider's rule reports it), or no key's characters.
    if (!TOKEN_BODY.test(value) || SPLIT_SHAPES.some((shape) => shape.test(value))) continue;
    const parts = [first];
    for (let part = nextPart(text, first.end); part !== undefined && parts.length < MAX_PARTS; part = nextPart(text, part.end)) {
      value += text.slice(part.start, part.end);
      if (value.length > MAX_JOINED) break;
      parts.push(part);
      if (!SPLIT_SHAPES.some((shape) => shape.test(value))) continue;
      if (!isPlaceholder(value) && shannonEntropy(value) >= 3) for (const p of parts) spans.push({ start: p.start, end: p.end });
      break;
    }
    readTo = parts[parts.length - 1]!.end;
  }
  return spans;
}

const ANTHROPIC_HEAD = `sk-ant-api03-${fake('b64url', 30, 9330)}`;
const ANTHROPIC_TAIL = `${fake('b64url', 63, 9331)}AA`;

/**
 * A secret key's `sk_` prefix kept in a literal of its own and its body in the next, joined by `+` or PHP's `.`
 * (`return 'sk_' . '…';`, `"sk_live_" + "…"`): the shape a scanner keys on is cut off, what is left is the random
 * body. The prefix literal holds nothing else, so the join is plainly one key's; the body must look generated.
 */
const SK_PREFIX_JOINED =
  /(?<=["'])sk_(?:(?:live|test|prod)_)?["'][ \t]{0,4}(?:\r?\n[ \t]{0,40})?[+.][ \t]{0,4}(?:\r?\n[ \t]{0,40})?["']([A-Za-z0-9]{20,99})["']/;
const SK_BODY = fake('alnum', 40, 9341);

/**
 * Adyen's API key with its `AQE` prefix kept in a literal of its own and the rest in the next (`new Client("AQE" + "…",
 * Environment.LIVE)`): three capitals alone in a literal, joined to a long generated body, are the key's head.
 */
const AQE_PREFIX_JOINED =
  /(?<=["'])AQE["'][ \t]{0,4}(?:\r?\n[ \t]{0,40})?[+.][ \t]{0,4}(?:\r?\n[ \t]{0,40})?["']([A-Za-z0-9+/=_-]{30,250})["']/;
const AQE_BODY = fake('alnum', 44, 9342);

/**
 * Any provider's live key cut the same way: a literal that is only a prefix ending in `_live_` (`"orb_live_" + "…"`,
 * `'rk_live_' . '…'`), the form services give their production secret keys, joined by `+` or PHP's `.` to a literal of
 * the key's body. The prefix alone says a live key follows; the body must look generated. A publishable key's prefix
 * (`pk_live_`, `pub_live_`) opens a key that is public by design, and `sk_live_` is secret-key-prefix-joined's.
 */
const LIVE_PREFIX_JOINED =
  /(?<=["'])[A-Za-z][A-Za-z0-9]{0,11}_live_["'][ \t]{0,4}(?:\r?\n[ \t]{0,40})?[+.][ \t]{0,4}(?:\r?\n[ \t]{0,40})?["']([A-Za-z0-9_-]{20,99})["']/;
const LIVE_PREFIX_OWNER = /^[A-Za-z][A-Za-z0-9]{0,11}$/;
const LEFT_LIVE_PREFIX = /(?:^|[^a-z])(?:pk|pub|publishable|public)$|^sk$/i;
const LIVE_BODY = /^[A-Za-z0-9_-]{20,99}$/;
const LIVE_BODY_SAMPLE = fake('alnum', 32, 9343);

function findLivePrefixJoined(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  for (const offset of offsets) {
    // `_live_` ends its literal, which holds the prefix's owner and nothing else.
    const close = offset + 6;
    const quote = text.charCodeAt(close);
    if (quote !== 0x22 /* " */ && quote !== 0x27 /* ' */) continue;
    let open = offset - 1;
    while (open >= 0 && offset - open <= 13 && text.charCodeAt(open) !== quote) open--;
    if (open < 0 || text.charCodeAt(open) !== quote) continue;
    const owner = text.slice(open + 1, offset);
    if (!LIVE_PREFIX_OWNER.test(owner) || LEFT_LIVE_PREFIX.test(owner)) continue;
    let i = skipSpace(text, close + 1, 1, 80);
    const c = text.charCodeAt(i);
    if (c !== 43 /* + */ && c !== 46 /* . */) continue;
    i = skipSpace(text, i + 1, 1, 80);
    const body = literalAt(text, i, 100);
    if (body === undefined) continue;
    const value = text.slice(body.start, body.end);
    if (!LIVE_BODY.test(value) || !notPlaceholder(value) || !/\d/.test(value) || !/[a-z]/.test(value) || !/[A-Z]/.test(value)) continue;
    spans.push(body);
  }
  return spans;
}

export const splitTokenRules: Rule[] = [
  {
    id: 'live-key-prefix-joined',
    category: 'KEY',
    description:
      "A live secret key whose prefix (`orb_live_`, `rk_live_`: a name's letters then `_live_`) is a literal of its own, joined to the key's generated body: `\"orb_live_\" + \"…\"`; the body is reported. A publishable key's (`pk_live_`) is left",
    keywords: ['_live_'],
    pattern: LIVE_PREFIX_JOINED,
    find: findLivePrefixJoined,
    anchored: true,
    minEntropy: 3.5,
    confidence: 'high',
    examples: {
      match: [`return new AcmeClient("acme_live_" + "${LIVE_BODY_SAMPLE}");`, `$key = 'rk_live_' .\n  '${LIVE_BODY_SAMPLE}';`],
      noMatch: [
        `key = "acme_live_${LIVE_BODY_SAMPLE}"`,
        `stripe.init("pk_live_" + "${LIVE_BODY_SAMPLE}")`,
        `key = "acme_live_" + "${'x'.repeat(32)}"`,
        `label = "go_live_" + "checklistForTheReleaseTeam"`,
        `key = "acme_live_" + suffix`,
      ],
    },
  },
  {
    id: 'secret-key-prefix-joined',
    category: 'KEY',
    description: "A secret key whose `sk_` prefix (`sk_`, `sk_live_`, `sk_test_`) is a literal of its own, joined to the key's random body: `'sk_' . '…'`, `\"sk_live_\" + \"…\"`; the body is reported",
    keywords: ['sk_'],
    startsAtKeyword: true,
    pattern: SK_PREFIX_JOINED,
    secretGroup: 1,
    minEntropy: 3.5,
    // Generated: letters of both cases and a digit, no stand-in.
    validate: (v) => notPlaceholder(v) && /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v),
    confidence: 'high',
    examples: {
      match: [`return 'sk_' . '${SK_BODY}';`, `const key = "sk_live_" +\n  "${SK_BODY}";`],
      noMatch: [
        // Whole in one literal: the provider's rule judges it.
        `key = "sk_live_${SK_BODY}"`,
        `$name = 'sk_' . 'validationMessageForTheForm';`,
        `key = "sk_" + "${'x'.repeat(40)}"`,
        `prefix = "disk_" + "${SK_BODY}"`,
      ],
    },
  },
  {
    id: 'adyen-api-key-prefix-joined',
    category: 'KEY',
    description: "An Adyen API key whose `AQE` prefix is a literal of its own, joined to the key's generated body: `\"AQE\" + \"…\"`; the body is reported",
    keywords: ['aqe'],
    startsAtKeyword: true,
    pattern: AQE_PREFIX_JOINED,
    secretGroup: 1,
    minEntropy: 3.5,
    validate: (v) => notPlaceholder(v) && /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v),
    confidence: 'high',
    examples: {
      match: [`Client client = new Client("AQE" + "${AQE_BODY}", Environment.LIVE);`, `$key = 'AQE' .\n  '${AQE_BODY}';`],
      noMatch: [
        `key = "AQE${AQE_BODY}"`,
        `prefix = "AQE" + "${'x'.repeat(40)}"`,
        `code = "AQE" + "ThisIsTheBodyOfTheMessageWeSend"`,
        `flag = "XAQE" + "${AQE_BODY}"`,
      ],
    },
  },
  {
    id: 'token-split-literals',
    category: 'KEY',
    description:
      'A provider key of fixed shape (Anthropic, OpenAI, GitHub, Mapillary, SendGrid, GitLab, DigitalOcean, Shopify, JFrog Artifactory, npm, Hugging Face, Databricks, HubSpot) cut into string literals that code joins: `"sk-ant-api03-…" + "…"`, or a tuple of its parts joined later (`PARTS = ("sk-ant-api03-…", "…")`); each part is reported',
    keywords: KEYWORDS,
    pattern: /["'](?:sk-ant-(?:api|admin)|sk-(?:proj|svcacct|admin)-|gh[pousr]_|github_pat_|MLY\||SG\.|glpat-|dop_v1_|shp(?:at|ss|ca|pa)_|AKCp|npm_|hf_|dapi|pat-(?:na|eu|ap)\d-)[\w|.-]{0,300}["'][ \t]{0,4}(?:\.\.|[+.,&])?[ \t]{0,4}["'][\w|.-]{1,300}["']/,
    find: findSplitTokens,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        `_KEY_PARTS = ("${ANTHROPIC_HEAD}", "${ANTHROPIC_TAIL}")\nclient = anthropic.Anthropic(api_key="".join(_KEY_PARTS))`,
        `const key = "${ANTHROPIC_HEAD}" +\n  "${ANTHROPIC_TAIL}";`,
        `token := "ghp_${fake('alnum', 16, 9332)}" + "${fake('alnum', 20, 9333)}"`,
        `return "MLY|" + "${fake('digits', 15, 9335)}|" + "${fake('hex', 32, 9336)}"`,
        `sgMail.setApiKey("SG.${fake('b64url', 22, 9337)}.${fake('alnum', 10, 9338)}" + "${fake('alnum', 33, 9339)}");`,
        `local token = "glpat-${fake('alnum', 8, 9344)}" .. "${fake('alnum', 12, 9345)}"`,
        `Const Key As String = "shpat_${fake('hex', 12, 9346)}" & "${fake('hex', 20, 9347)}"`,
        `req.Header.Set("X-JFrog-Art-Api", "AKCp5" + "${fake('alnum', 68, 9348)}")`,
        `NPM_TOKEN = "npm_" + "${fake('alnum', 36, 9349)}"`,
        `hs = "pat-na1-" + "${fake('hex', 8, 9351)}-${fake('hex', 4, 9352)}-4${fake('hex', 3, 9353)}-a${fake('hex', 3, 9354)}-${fake('hex', 12, 9355)}"`,
      ],
      noMatch: [
        // Whole in one literal: the provider's own rule reports it.
        `key = "${ANTHROPIC_HEAD}${ANTHROPIC_TAIL}"`,
        // The parts do not make the key's shape (too short, or no AA at its end).
        `PARTS = ("${ANTHROPIC_HEAD}", "${fake('b64url', 40, 9334)}")`,
        `prefixes = ("sk-ant-api03-", "sk-proj-", "ghp_")`,
        `token := "ghp_" + "${'x'.repeat(36)}"`,
        `return "MLY|" + app_id + "|" + "${fake('hex', 32, 9336)}"`,
        // Not SendGrid's shape: the secret after the second dot is short.
        `key = "SG.${fake('b64url', 22, 9337)}.${fake('alnum', 10, 9338)}" + "${fake('alnum', 20, 9339)}"`,
        `log("msg." + "${fake('alnum', 40, 9340)}")`,
        // One character short of Artifactory's 73, and a path joined to a word that opens like a prefix.
        `key = "AKCp5" + "${fake('alnum', 67, 9348)}"`,
        `url = "dapi" + "/v2/${fake('hex', 32, 9350)}"`,
        // A HubSpot region's prefix before a bare UUID is the token; before a word or a partial UUID it is not.
        `prefix = "pat-eu1-" + "contacts"`,
        `hs = "pat-na1-" + "${fake('hex', 8, 9351)}-${fake('hex', 4, 9352)}"`,
      ],
    },
  },
];
