import type { Rule } from '../../types.js';
import { fake } from './fake.js';
import type { DetectOptions, Span } from '../../types.js';
import { ALNUM, HEX, UUID, contextRule, findShapeAfterWords, keyNoun, looksRandom, mixesClasses, notPlaceholder, tokenRule, type ShapeAfterWords } from './shape.js';
import { shannonEntropy } from '../../entropy.js';
import { literalAt, skipSpace } from '../literal-run.js';
import { isWordCode } from '../../char-codes.js';
import { forEachMatchNear, nearAnchors } from '../../sticky.js';
import { lineAround, lineEndBefore } from '../../line-index.js';

/**
 * A Discord bot token's three base64url segments (24 to 28 . 6 . 27 to 40), not inside a longer dotted run: the shape
 * `discord-bot-token-named` reads under a name, here looked for where no name stands beside it.
 */
const DISCORD_BOT_TOKEN_SHAPE = /(?<![\w.-])([\w-]{24,28}\.[\w-]{6}\.[\w-]{27,40})(?![\w.-])/g;
/**
 * Discord named in prose or chat, and a bot token a line or two after it (a channel's "who owns the discord bot? token's in
 * the channel topic: …"): the words carry it, whatever its first segment decodes to (a token copied with its id mangled,
 * or a newer id's). It must look drawn: letters of both cases and digits, spread (entropy 4), no stand-in.
 */
const DISCORD_BOT_TOKEN_AFTER_WORDS: ShapeAfterWords = {
  words: /[Dd]iscord|DISCORD/y,
  shape: DISCORD_BOT_TOKEN_SHAPE,
  reach: 400,
  lines: 3,
  accept: (v) => mixesClasses(v, 3) && shannonEntropy(v) >= 4 && notPlaceholder(v),
};

/** Mailgun's key shapes: `key-` and 32 hex (older), 32 hex and two groups of 8 (newer); not glued to other token characters. */
const MAILGUN_KEY_SHAPE = /(?<![\w-])(key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![\w-])/;
const MAILGUN_KEY_SHAPES = new RegExp(MAILGUN_KEY_SHAPE.source, 'g');
/** How far along the line after the name a key may stand. */
const MAILGUN_LINE_REACH = 300;

function findMailgunKeysOnLine(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let searched = 0;
  for (const offset of offsets) {
    const from = Math.max(offset, searched);
    // The line's end, looked for within the reach only: a search per name to the end of a long line was quadratic.
    const to = lineEndBefore(text, offset, Math.min(text.length, offset + MAILGUN_LINE_REACH));
    if (from >= to) continue;
    const line = text.slice(from, to);
    MAILGUN_KEY_SHAPES.lastIndex = 0;
    for (const m of line.matchAll(MAILGUN_KEY_SHAPES)) {
      // A key cut by the reach is left whole or not at all.
      if (m.index + m[0].length === line.length && to < text.length && text.charCodeAt(to) !== 0x0a) continue;
      if (m.index === 0 && from > 0 && /[\w-]/.test(text.charAt(from - 1))) continue;
      if (!notPlaceholder(m[0])) continue;
      spans.push({ start: from + m.index, end: from + m.index + m[0].length });
    }
    searched = to;
  }
  return spans;
}

/** A Pushover name that is a user's or a group's key (`PUSHOVER_USER_KEY`, `pushover.groupKey`), the address, not the token. */
function namesUserOrGroup(name: string): boolean {
  return /user|group/i.test(name);
}

const SLACK_ID = (seed: number) => fake('digits', 12, seed).replace(/^0/, '4');

/** Chat, e-mail, SMS and customer-messaging platforms. */

/**
 * Where code joins two string literals: a closing quote, then `+`, PHP's `.`, Lua's `..` or VB's `&` (or nothing, for
 * literals side by side), on the same line or the next, then an opening quote. Webhook URLs split this way keep their
 * token in the literal after it.
 */
const LITERAL_JOIN = '["\'`][ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:(?:\\+|\\.{1,2}|&)[ \\t]{0,4})?(?:\\r?\\n[ \\t]{0,40})?["\'`]';

/** What stands before `IncomingWebhook/` in a Teams webhook URL: its host, `webhookb2/`, the group's and the tenant's ids. */
const TEAMS_WEBHOOK_URL_HEAD = /\.webhook\.office\.com\/webhookb2\/[0-9a-fA-F-]{36}@[0-9a-fA-F-]{36}\/$/;

/**
 * A Slack webhook's base, everything but its token (`https://hooks.slack.com/services/T…/B…/`), kept in a named constant
 * that code later joins to the token's literal (`SLACK_BASE = "https://hooks.slack.com/services/T…/B…/"`, then
 * `requests.post(SLACK_BASE + "…")`, Go's `hookBase+"…"`, PHP's `.`, Lua's `..`, VB's `&`). The literal joined after the
 * constant's name is the webhook's secret; it is reported.
 */
const SLACK_WEBHOOK_BASE = /^(?:https?:\/\/)?hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/$/;
/** The name a literal is assigned to, read back from its opening quote: `NAME = `, `NAME := `, `NAME: str = `, `const NAME = `. */
const ASSIGNED_NAME = /(?<![\w$])([A-Za-z_$][\w$]{0,60})[ \t]{0,4}(?::[ \t]{0,4}[\w.]{1,40}[ \t]{0,4})?:?=[ \t]{0,4}$/;
const SLACK_WEBHOOK_TOKEN = /^[A-Za-z0-9]{20,40}$/;
/** How many uses of the constant's name are read for a join. */
const MAX_BASE_USES = 20;
/** How many bases a text is searched for (a file defines one or two), and how far after its definition a base is used. */
const MAX_BASES = 8;
const BASE_USE_REACH = 20000;

/** A character of a name in code: a word's, or `$`. */
const isNameChar = (c: number): boolean => isWordCode(c) || c === 0x24;

/** A webhook token's literal: generated (letters of both cases and a digit), no stand-in (`XXXXXXXX…`). */
function isWebhookToken(token: string): boolean {
  return SLACK_WEBHOOK_TOKEN.test(token) && notPlaceholder(token) && mixesClasses(token, 3);
}

function findSlackWebhookNamedBase(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let bases = 0;
  for (const offset of offsets) {
    // The base's literal opens at the host or at its scheme (`https://`, 8 characters).
    let open = offset - 1;
    while (open >= 0 && offset - open <= 9 && text.charCodeAt(open) !== 34 && text.charCodeAt(open) !== 39) open--;
    if (open < 0 || offset - open > 9) continue;
    const base = literalAt(text, open, 120);
    if (base === undefined || !SLACK_WEBHOOK_BASE.test(text.slice(base.start, base.end))) continue;
    const named = ASSIGNED_NAME.exec(text.slice(lineAround(text, open, 120).start, open));
    if (named === null) continue;
    const name = named[1]!;
    // A file holds a base or two: past a few, a text of bases alone is not searched again and again to its end.
    if (++bases > MAX_BASES) break;
    let from = base.end + 1;
    const reach = Math.min(text.length, from + BASE_USE_REACH);
    for (let uses = 0; uses < MAX_BASE_USES; uses++) {
      const at = text.indexOf(name, from);
      if (at < 0 || at + name.length > reach) break;
      from = at + name.length;
      if (isNameChar(text.charCodeAt(at - 1)) || isNameChar(text.charCodeAt(from))) continue;
      let i = skipSpace(text, from, 0, 8);
      const c = text.charCodeAt(i);
      if (c === 46 /* . */ && text.charCodeAt(i + 1) === 46) i += 2;
      else if (c === 43 /* + */ || c === 46 /* . */ || c === 38 /* & */) i++;
      else continue;
      const token = literalAt(text, skipSpace(text, i, 0, 8), 60);
      if (token !== undefined && isWebhookToken(text.slice(token.start, token.end))) spans.push(token);
    }
  }
  return spans;
}


/** The Bot API puts the token right after `/bot` in every method URL (and `/file/bot` for downloads). */
const TELEGRAM_BOT_TOKEN = /(?:(?<![\w:-])|(?<=\/bot))(\d{8,10}:AA[\w-]{33})(?![\w-])/;
/**
 * Every token holds its `:AA` (the keyword) 8 to 10 characters after its start, the bot's id before it: searched only
 * there. A search over each text holding `:aa` anywhere (a CSS colour, a MAC address, `::AAAA` records) was ~8 ms of
 * a warm pass over the bench tree, for 60 of its files.
 */
const TELEGRAM_BOT_TOKEN_SEARCH = nearAnchors(TELEGRAM_BOT_TOKEN, 10);

function findTelegramBotTokens(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  forEachMatchNear(TELEGRAM_BOT_TOKEN_SEARCH, text, offsets, (m) => {
    const token = m[1]!;
    if (!notPlaceholder(token)) return;
    // (Where the engine put a secret group's value: its last place in the match.)
    const start = m.index + m[0].lastIndexOf(token);
    spans.push({ start, end: start + token.length });
  });
  return spans;
}

/**
 * Postmark named in a ticket, a mail or a chat and its server or account token (a UUID) a few words after the token's noun
 * ("the Postmark token I used to check the bounce log was …"): Postmark's message ids, bounce ids and templates' ids are
 * UUIDs too, so the noun must name the value, with no id's word between.
 */
const POSTMARK_TOKEN_AFTER_WORDS: ShapeAfterWords = {
  words: /[Pp]ostmark|POSTMARK/y,
  shape: new RegExp(`(?<![\\w-])(${UUID})(?![\\w-])`, 'g'),
  reach: 300,
  lines: 2,
  accept: (v) => notPlaceholder(v) && shannonEntropy(v) >= 3,
  namedBy: keyNoun('(?:server[ -]?|account[ -]?|api[ -]?)?token'),
};

export const messagingRules: Rule[] = [
  tokenRule('slack-bot-token', 'Slack bot token (xoxb-<team>-<bot>-<secret>)', 'xoxb-', '[0-9]{10,13}-[0-9]{10,13}-?[A-Za-z0-9]{0,40}', {
    match: [`SLACK_BOT_TOKEN=xoxb-${SLACK_ID(300)}-${SLACK_ID(301)}-${fake('alnum', 24, 302)}`],
    noMatch: ['xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx', 'xoxb-12345-abcd234', 'xoxb-xoxb-my-bot-token'],
  }, { category: 'TOKEN', minEntropy: 3 }),
  tokenRule('slack-legacy-bot-token', 'Slack legacy bot token (xoxb-<id>-<secret>)', 'xoxb-', '[0-9]{8,14}-[A-Za-z0-9]{18,26}', {
    match: [`"bot_token": "xoxb-${SLACK_ID(303)}-${fake('alnum', 24, 304)}"`],
    noMatch: ['xoxb-xxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx', 'xoxb-abcdef-abcdef'],
  }, { category: 'TOKEN', minEntropy: 2, validate: (s) => notPlaceholder(s) && /[A-Za-z]/.test(s.slice(5)) }),
  tokenRule('slack-user-token', 'Slack user token (xoxp-/xoxe- with three numeric ids)', 'xox[pe]', '-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{28,34}', {
    match: [`"user_token": "xoxp-${SLACK_ID(305)}-${SLACK_ID(306)}-${SLACK_ID(307)}-${fake('hex', 32, 308)}"`],
    noMatch: ['"token1": "xoxp-1234567890"', '"token3": "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"'],
  }, { category: 'TOKEN', keywords: ['xoxp-', 'xoxe-'], minEntropy: 2 }),
  tokenRule('slack-app-token', 'Slack app-level token (xapp-)', 'xapp-', '\\d-[A-Z0-9]{9,14}-\\d{10,16}-[a-z0-9]{32,80}', {
    match: [`SLACK_APP_TOKEN=xapp-1-A${fake('uppernum', 10, 309)}-${fake('digits', 13, 310)}-${fake('hex', 64, 311)}`],
    noMatch: ['xapp-1-short'],
  }, { category: 'TOKEN', minEntropy: 2 }),
  tokenRule('slack-config-access-token', 'Slack app configuration access token (xoxe.xoxp-/xoxe.xoxb-)', 'xoxe\\.xox[bp]-', '\\d-[A-Za-z0-9]{163,166}', {
    match: [`"access_token": "xoxe.xoxp-1-${fake('alnum', 164, 312)}"`],
    noMatch: ['xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere', 'xoxe.xoxp-1-initial'],
  }, { category: 'TOKEN', keywords: ['xoxe.xoxb-', 'xoxe.xoxp-'], minEntropy: 2 }),
  tokenRule('slack-config-refresh-token', 'Slack app configuration refresh token (xoxe-1-)', 'xoxe-', '\\d-[A-Za-z0-9]{146}', {
    match: [`"refresh_token": "xoxe-1-${fake('alnum', 146, 313)}"`],
    noMatch: ['xoxe-1-xxx', 'XOxE-RROAmw, Home and Garden, 5:24, 20120323'],
  }, { category: 'TOKEN', minEntropy: 2 }),
  tokenRule('slack-legacy-token', 'Slack legacy user/session token (xoxo-/xoxs-)', 'xox[os]-', '\\d{1,14}-\\d{1,14}-\\d{1,14}-[a-fA-F0-9]{10,64}', {
    match: [`"access_token": "xoxs-${SLACK_ID(314)}-${fake('digits', 9, 315)}-${fake('digits', 10, 316)}-${fake('hex', 10, 317)}"`],
    noMatch: ['https://indieweb.org/images/3/35/2018-250-xoxo-indieweb-1.jpg'],
  }, { category: 'TOKEN', keywords: ['xoxo-', 'xoxs-'], minEntropy: 2 }),
  tokenRule('slack-legacy-workspace-token', 'Slack legacy workspace/refresh token (xoxa-/xoxr-)', 'xox[ar]-', '(?:\\d-)?[0-9A-Za-z-]{8,120}', {
    match: [`"access_token": "xoxa-2-${fake('digits', 9, 318)}-${fake('digits', 11, 319)}-${fake('hex', 18, 320)}"`],
    noMatch: ['https://github.com/xoxa-nyc/xoxa-nyc.github.io/blob/master/README.md'],
  }, { category: 'TOKEN', keywords: ['xoxa-', 'xoxr-'], minEntropy: 2.5, validate: (s) => notPlaceholder(s) && /\d{6}/.test(s) }),
  tokenRule('slack-token', 'Slack token of any kind (xox?-<numeric id>-…), including short legacy test forms', 'xox[abposre]-', '(?:(?:\\d-)?\\d{8,14}-[A-Za-z0-9-]{10,250}|\\d-[A-Za-z0-9]{100,300})', {
    match: ['token:xoxo-23984754863-2348975623113', `xoxa-${fake('digits', 11, 321)}-${fake('digits', 13, 322)}`],
    noMatch: ['"token4": "xoxp-572370529330-573807301142-572331691188-####################"', 'xoxb-12345-abcd234'],
  }, { category: 'TOKEN', keywords: ['xox'], minEntropy: 2.5, tail: '(?![\\w#*-])' }),
  // JSON may escape each `/` as `\\/` (PHP's json_encode, a Slack export's message text): the URL is the same.
  tokenRule('slack-webhook-url', 'Slack incoming webhook or workflow trigger URL, also with JSON-escaped slashes (`https:\\/\\/hooks.slack.com\\/services\\/…`)', '(?:https?:\\\\?/\\\\?/)?hooks\\.slack\\.com\\\\?/(?:services|workflows|triggers)\\\\?/', '(?:[A-Za-z0-9+/]|\\\\/){43,110}', {
    match: [`https://hooks.slack.com/services/T${fake('uppernum', 8, 323)}/B${fake('uppernum', 8, 324)}/${fake('alnum', 24, 325)}`, `"text": "<https:\\/\\/hooks.slack.com\\/services\\/T${fake('uppernum', 8, 326)}\\/B${fake('uppernum', 10, 327)}\\/${fake('alnum', 24, 328)}>"`],
    noMatch: ['https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX', 'https://api.slack.com/web', 'https:\\/\\/hooks.slack.com\\/services\\/TXXXXX\\/BXXXXX\\/XXXXXXXXXX'],
  }, { category: 'TOKEN', keywords: ['hooks.slack.com'], lead: '', tail: '(?![A-Za-z0-9+/])' }),
  {
    // Code splits a long URL over two literals joined (`"https://hooks.slack.com/services/T…/B…/" + "…"`, PHP's `.`, Lua's
    // `..`, VB's `&`, Python's literals side by side), so the whole URL never stands in one string. The literal after the
    // join holds the webhook's token, the part that lets anyone post: that literal is reported.
    id: 'slack-webhook-url-joined',
    category: 'TOKEN',
    description: 'Slack incoming webhook URL written as two joined literals (`"https://hooks.slack.com/services/T…/B…/" + "<token>"`): the literal after the join',
    keywords: ['hooks.slack.com'],
    startsAtKeyword: true,
    pattern: new RegExp(
      String.raw`hooks\.slack\.com\/services\/(?:T[A-Z0-9]{6,12}\/(?:B[A-Z0-9]{6,12}\/)?)?${LITERAL_JOIN}((?:T[A-Z0-9]{6,12}\/)?(?:B[A-Z0-9]{6,12}\/)?[A-Za-z0-9]{20,40})(?![A-Za-z0-9\/])`,
    ),
    secretGroup: 1,
    // The token's own part must look generated: letters of both cases and a digit, no stand-in (`XXXXXXXX…`).
    validate: (v) => {
      const token = v.slice(v.lastIndexOf('/') + 1);
      return notPlaceholder(token) && /\d/.test(token) && /[a-z]/.test(token) && /[A-Z]/.test(token);
    },
    minEntropy: 3,
    confidence: 'high',
    examples: {
      match: [
        `const HOOK = "https://hooks.slack.com/services/T${fake('uppernum', 8, 334)}/B${fake('uppernum', 10, 335)}/" + "${fake('alnum', 24, 336)}";`,
        `$hook = 'https://hooks.slack.com/services/' .\n    'T${fake('uppernum', 8, 337)}/B${fake('uppernum', 10, 338)}/${fake('alnum', 24, 339)}';`,
      ],
      noMatch: [
        'const HOOK = "https://hooks.slack.com/services/T00000000/B00000000/" + "XXXXXXXXXXXXXXXXXXXXXXXX";',
        'const HOOK = "https://hooks.slack.com/services/" + process.env.SLACK_HOOK_PATH;',
        'const HOOK = `https://hooks.slack.com/services/${team}/${bot}/${token}`;',
      ],
    },
  },
  {
    id: 'slack-webhook-url-named-base',
    category: 'TOKEN',
    description:
      'Slack incoming webhook URL whose base (`https://hooks.slack.com/services/T…/B…/`) a named constant holds, joined later to the token\'s literal (`SLACK_BASE + "<token>"`): the literal after the join',
    keywords: ['hooks.slack.com'],
    // What the finder reads where the constant is used (its definition, the base's literal, is checked first).
    pattern: /(?<![\w$])[A-Za-z_$][\w$]{0,60}[ \t]{0,8}(?:\.\.|[+.&])[ \t]{0,8}["']([A-Za-z0-9]{20,40})["']/,
    secretGroup: 1,
    find: findSlackWebhookNamedBase,
    anchored: true,
    minEntropy: 3,
    confidence: 'high',
    examples: {
      match: [
        `HOOK_BASE = "https://hooks.slack.com/services/T${fake('uppernum', 8, 9361)}/B${fake('uppernum', 10, 9362)}/"\n\ndef alert(msg):\n    requests.post(HOOK_BASE + "${fake('alnum', 24, 9363)}", json={"text": msg})`,
        `const hookBase = "https://hooks.slack.com/services/T${fake('uppernum', 8, 9364)}/B${fake('uppernum', 10, 9365)}/"\n\nfunc notify() { http.Post(hookBase+"${fake('alnum', 24, 9366)}", "application/json", nil) }`,
      ],
      noMatch: [
        // The token from the environment, a stand-in, or a name that only starts like the constant's.
        `HOOK_BASE = "https://hooks.slack.com/services/T${fake('uppernum', 8, 9361)}/B${fake('uppernum', 10, 9362)}/"\nrequests.post(HOOK_BASE + os.environ["SLACK_TOKEN"])`,
        `HOOK_BASE = "https://hooks.slack.com/services/T${fake('uppernum', 8, 9361)}/B${fake('uppernum', 10, 9362)}/"\nrequests.post(HOOK_BASE + "XXXXXXXXXXXXXXXXXXXXXXXX")`,
        `HOOK_BASE = "https://hooks.slack.com/services/T${fake('uppernum', 8, 9361)}/B${fake('uppernum', 10, 9362)}/"\nrequests.post(HOOK_BASE_V2 + "${fake('alnum', 24, 9363)}")`,
        // Not a base missing its token: the constant holds the whole URL, or only the host.
        `HOOK = "https://hooks.slack.com/services/"\nurl = HOOK + "${fake('alnum', 24, 9363)}"`,
      ],
    },
  },
  {
    id: 'discord-bot-token',
    category: 'TOKEN',
    description: 'Discord bot token (base64 user id . timestamp . HMAC)',
    keywords: ['discord', 'bot'],
    pattern: /(?<![\w-])([MNO][A-Za-z\d]{23,27}\.[\w-]{6}\.[\w-]{27,40})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 4,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: {
      match: [`DISCORD_BOT_TOKEN=MT${fake('alnum', 24, 326)}.${fake('b64url', 6, 327)}.${fake('b64url', 38, 328)}`],
      noMatch: ['DISCORD_BOT_TOKEN=MTxxx.abc.def'],
    },
  },
  {
    // A bot token's first segment is its user id in base64: old ids open with M, N or O, newer (longer) ids with other
    // characters. Bare text keeps that check; a call that logs a bot in (discord.js `client.login("…")`, discord.py
    // `bot.run("…")`) takes the three-segment shape whatever its first character.
    id: 'discord-bot-token-login',
    category: 'TOKEN',
    description: 'Discord bot token given to the call that logs the bot in (`client.login("…")`, `bot.run("…")`)',
    keywords: ['.login(', '.run('],
    startsAtKeyword: true,
    pattern: /\.(?:login|run)\([ \t]{0,4}["'`]([A-Za-z\d]{24,28}\.[\w-]{6}\.[\w-]{27,38})["'`]/,
    secretGroup: 1,
    minEntropy: 4,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: {
      match: [
        `client.login("${fake('alnum', 24, 3261).replace(/^./, 'x')}.${fake('b64url', 6, 3271)}.${fake('b64url', 38, 3281)}");`,
        `bot.run('${fake('alnum', 26, 3262).replace(/^./, 'q')}.${fake('b64url', 6, 3272)}.${fake('b64url', 30, 3282)}')`,
      ],
      noMatch: [
        'client.login(process.env.DISCORD_TOKEN);',
        'bot.run("app.settings.production")',
        `client.login("${fake('alnum', 24, 3261)}.${fake('b64url', 4, 3271)}.${fake('b64url', 38, 3281)}");`,
      ],
    },
  },
  {
    // Under a name that says Discord or bot token (`DISCORD_BOT = '…'`, `discordToken:`, `BOT_TOKEN=`), the three
    // base64url segments are the token whatever the first one decodes to (newer ids, a pasted token with `-` or `_`).
    id: 'discord-bot-token-named',
    category: 'TOKEN',
    description: 'Discord bot token (three base64url segments, 24+ . 6 . 27+) assigned to a name that says Discord or bot token',
    keywords: ['discord', 'bot_token', 'bot-token', 'bot.token', 'bottoken'],
    startsAtKeyword: true,
    pattern: /(?:discord|bot[_.-]?token)[\w.-]{0,30}["']?[ \t]{0,4}[:=][ \t]{0,4}["'`]?([\w-]{24,28}\.[\w-]{6}\.[\w-]{27,40})(?![\w.-])/i,
    secretGroup: 1,
    minEntropy: 4,
    validate: notPlaceholder,
    confidence: 'medium',
    examples: {
      match: [
        `const DISCORD_BOT = '${fake('b64url', 24, 3263).replace(/^./, 'k')}.${fake('b64url', 6, 3273)}.${fake('b64url', 38, 3283)}';`,
        `BOT_TOKEN=${fake('alnum', 26, 3264).replace(/^./, 'z')}.${fake('b64url', 6, 3274)}.${fake('b64url', 30, 3284)}`,
      ],
      noMatch: [
        `const DISCORD_BOT = '${fake('b64url', 24, 3263)}.${fake('b64url', 12, 3273)}.${fake('b64url', 38, 3283)}';`,
        `const RELEASE_NOTES = '${fake('b64url', 24, 3265).replace(/^./, 'k')}.${fake('b64url', 6, 3275)}.${fake('b64url', 38, 3285)}';`,
        'DISCORD_BOT_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxx',
      ],
    },
  },
  {
    id: 'discord-bot-token-near-words',
    category: 'TOKEN',
    description:
      'Discord bot token (three base64url segments, 24+ . 6 . 27+) up to three lines after Discord is named, whatever its first segment decodes to: a chat or a note that pastes one ("who owns the discord bot? token\'s in the channel topic: …")',
    keywords: ['discord'],
    pattern: DISCORD_BOT_TOKEN_SHAPE,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, DISCORD_BOT_TOKEN_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `[14:02] ana: the Discord bot for the league server stopped replying\n[14:05] raf: its token was pasted in #general earlier: ${fake('b64url', 26, 3291).replace(/^./, 'q')}.${fake('b64url', 6, 3292)}.${fake('b64url', 38, 3293)}`,
      ],
      noMatch: [
        `[14:02] ana: the Discord bot stopped replying\n[14:05] raf: token: xxxxxxxxxxxxxxxxxxxxxxxxxx.xxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
        `[14:02] ana: the build stopped replying\n[14:05] raf: token: ${fake('b64url', 26, 3291).replace(/^./, 'q')}.${fake('b64url', 6, 3292)}.${fake('b64url', 38, 3293)}`,
        'see the Discord docs at discord.com/developers/docs/topics/oauth2.html for the bot flow',
      ],
    },
  },
  tokenRule('discord-webhook-url', 'Discord webhook URL', 'https://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/', '\\d{17,20}/[\\w-]{60,68}', {
    match: [`https://discord.com/api/webhooks/${fake('digits', 18, 329)}/${fake('b64url', 68, 330)}`],
    noMatch: ['https://discord.com/api/webhooks/123/abc'],
  }, { category: 'TOKEN', keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'], lead: '' }),
  {
    // As a Slack webhook URL is, a Discord one is split over joined literals (`"https://discord.com/api/webhooks/" + "<id>" +
    // "/" + "<token>"`, PHP's `.`, Lua's `..`, VB's `&`, Python's literals side by side): the token, the part that lets anyone
    // post, is reported; the webhook's id beside it is a public number. The id itself may be cut between two literals
    // (`".../webhooks/1219" + "3847…/" + "<token>"`), as code wrapped at a column cuts it.
    id: 'discord-webhook-url-joined',
    category: 'TOKEN',
    description: 'Discord webhook URL written as joined literals (`"https://discord.com/api/webhooks/" + "<id>" + "/" + "<token>"`): the token',
    keywords: ['discord.com/api/webhooks', 'discordapp.com/api/webhooks'],
    startsAtKeyword: true,
    pattern: new RegExp(
      String.raw`discord(?:app)?\.com\/api\/webhooks\/(?:\d{1,19}${LITERAL_JOIN})?(?:\d{1,20}\/?)?${LITERAL_JOIN}(?:\d{17,20}\/?${LITERAL_JOIN})?(?:\/${LITERAL_JOIN})?(?:\d{17,20}\/)?([\w-]{40,68})(?![\w-])`,
    ),
    secretGroup: 1,
    // The token must look generated: letters of both cases and a digit, no stand-in. Discord issues 68 characters; one
    // cut shorter (a rotated or redacted-in-part copy) still sits where only the token goes, and is taken from 40.
    validate: (v) => notPlaceholder(v) && /\d/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v),
    minEntropy: 3.5,
    confidence: 'high',
    examples: {
      match: [
        `WEBHOOK = "https://discord.com/api/webhooks/" + "${fake('digits', 18, 3301)}" + "/" + "${fake('b64url', 68, 3302)}"`,
        `$hook = 'https://discordapp.com/api/webhooks/${fake('digits', 19, 3303)}/' .\n    '${fake('b64url', 68, 3304)}';`,
        `String hook = "https://discord.com/api/webhooks/${fake('digits', 5, 33051)}" + "${fake('digits', 13, 33061)}/" + "${fake('b64url', 68, 33071)}";`,
        `const ALERTS = "https://discord.com/api/webhooks/" + "${fake('digits', 19, 33081)}" + "/" + "${fake('b64url', 48, 33082)}";`,
      ],
      noMatch: [
        `WEBHOOK = "https://discord.com/api/webhooks/" + "${fake('digits', 18, 3301)}" + "/" + "${'x'.repeat(68)}"`,
        `WEBHOOK = "https://discord.com/api/webhooks/" + HOOK_ID + "/" + HOOK_TOKEN`,
        `WEBHOOK = "https://discord.com/api/webhooks/" + "${fake('digits', 18, 3301)}" + "/" + "${fake('b64url', 24, 33083)}"`,
      ],
    },
  },
  contextRule('discord-api-token', 'Discord API key (64 hex) next to a Discord name', ['discord'], HEX(64), {
    match: [`DISCORD_API_KEY=${fake('hex', 64, 331)}`],
    // An application's public key verifies the interactions Discord signs: it is shown on the app's page and shared.
    noMatch: [`DISCORD_API_KEY=${fake('hex', 40, 331)}`, `DISCORD_PUBLIC_KEY=${fake('hex', 64, 332)}`],
  }, { minEntropy: 3 }),
  // No rule for a Discord application (client) id: it is public, part of every OAuth and bot-invite URL.
  contextRule('discord-client-secret', 'Discord application client secret next to a Discord name', ['discord'], '[\\w=\\-]{32}', {
    match: [`DISCORD_CLIENT_SECRET=${fake('b64url', 32, 333)}`],
    noMatch: ['discord=00000000000000000000000000000000'],
  }, { category: 'CRED', minEntropy: 3 }),
  {
    id: 'telegram-bot-api-token',
    category: 'TOKEN',
    description: 'Telegram Bot API token (<bot id>:AA<35 characters>), also inside a Bot API URL (`https://api.telegram.org/bot<token>/sendMessage`)',
    keywords: [':aa'],
    pattern: TELEGRAM_BOT_TOKEN,
    // (Read by the finder, which reports this group; kept so the rule reads as every provider rule does.)
    secretGroup: 1,
    find: findTelegramBotTokens,
    anchored: true,
    minEntropy: 3.5,
    confidence: 'high',
    examples: {
      match: [`TELEGRAM_BOT_TOKEN=${fake('digits', 10, 334)}:AA${fake('b64url', 33, 335)}`, `curl -s "https://api.telegram.org/bot${fake('digits', 10, 334)}:AA${fake('b64url', 33, 335)}/sendMessage"`],
      noMatch: ['bot_token = 123456:AAbc', `https://api.telegram.org/robot${fake('digits', 10, 334)}:AA${fake('b64url', 33, 335)}/x`],
    },
  },
  contextRule('telegram-bot-api-token-assigned', 'Telegram bot token next to a Telegram name', ['telegr'], '[0-9]{5,16}:A[\\w-]{34}', {
    match: [`telegram_token = "${fake('digits', 9, 336)}:A${fake('b64url', 34, 337)}"`],
    noMatch: ['telegram_token = "123:abc"'],
  }, { category: 'TOKEN', confidence: 'high', minEntropy: 3 }),
  tokenRule('twilio-api-key', 'Twilio API key SID (SK + 32 hex)', 'SK', '(?:[a-f0-9]{32}|[A-F0-9]{32})', {
    match: [`TWILIO_API_KEY=SK${fake('hex', 32, 338)}`],
    noMatch: [`SK${fake('hex', 20, 338)}`, `ASK${fake('hex', 32, 338)}`],
  }, { keywords: ['sk'], minEntropy: 3, lead: '\\b', tail: '\\b' }),
  // Pushover's application token and a user's (or a group's) key share the shape; the user key only addresses the messages
  // an application token sends, so only a name that says app, token or API is read, never one that says user or group.
  contextRule('pushover-app-token', 'Pushover application API token (30 small letters and digits) under a Pushover name that says app, token or API (`PUSHOVER_APP`, `pushover_api_token`); not a user\'s or a group\'s key', ['pushover'], '[a-z0-9]{30}', {
    match: [`PUSHOVER_APP = "${fake('lowernum', 30, 9771)}"`, `pushover_api_token: ${fake('lowernum', 30, 9772)}`, `PUSHOVER_TOKEN=${fake('lowernum', 30, 9773)}`],
    noMatch: [`PUSHOVER_USER = "${fake('lowernum', 30, 9774)}"`, `pushover_user_key: ${fake('lowernum', 30, 9775)}`, `PUSHOVER_GROUP_TOKEN=${fake('lowernum', 30, 9776)}`, `PUSHOVER_APP = "${'x'.repeat(30)}"`],
  }, { minEntropy: 3, nameTail: 'app|token|api', validate: (secret, context) => looksRandom(secret) && !namesUserOrGroup(context.text.slice(context.matchStart, context.matchEnd - secret.length)) }),
  contextRule('twilio-auth-token', 'Twilio auth token or API secret (32 hex) next to a Twilio name', ['twilio'], HEX(32), {
    match: [`TWILIO_AUTH_TOKEN=${fake('hex', 32, 339)}`],
    noMatch: [`TWILIO_ACCOUNT_SID=AC${fake('hex', 32, 339)}`],
  }, { minEntropy: 3, nameTail: 'token|secret|auth|key' }),
  {
    // In chat and tickets the token follows its name in words (`twilio … SID AC… auth token f05b…`), far from the
    // vendor's name: read on a line that names Twilio, right after `auth token` (with `is`, `:` or `=` between).
    id: 'twilio-auth-token-in-text',
    category: 'KEY',
    description: 'Twilio auth token (32 hex) after the words "auth token" on a line that names Twilio',
    keywords: ['twilio'],
    pattern: /(?<![A-Za-z])auth[ _-]?token(?:[ \t]{1,4}(?:is|was)|[ \t]{0,4}[:=])?[ \t]{1,4}["'\x60]?([a-f0-9]{32})(?![A-Za-z0-9])/i,
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret, ctx) => looksRandom(secret) && /twilio/i.test(ctx.line),
    confidence: 'medium',
    examples: {
      match: [`twilio for OTP fallback is SID AC${fake('hex', 32, 3391)} auth token ${fake('hex', 32, 3392)}`, `Twilio: the auth token is \`${fake('hex', 32, 3393)}\``],
      noMatch: [`auth token ${fake('hex', 32, 3394)}`, `twilio auth token ${'0'.repeat(32)}`, 'twilio auth token rotated'],
    },
  },
  tokenRule('sendgrid-api-token', 'SendGrid API key (SG.<id>.<secret>)', 'SG\\.', '[\\w-]{22}\\.[\\w-]{43}', {
    match: [`SENDGRID_API_KEY=SG.${fake('b64url', 22, 340)}.${fake('b64url', 43, 341)}`],
    noMatch: ['SG.APhb3zgjtx3hajdas1TjBB.', `notSG.${fake('b64url', 22, 340)}.${fake('b64url', 43, 341)}`],
  }, { keywords: ['sg.'], minEntropy: 3, lead: '(?<![A-Za-z0-9])' }),
  contextRule('mailgun-private-api-token', 'Mailgun private API key (key-…) next to a Mailgun name', ['mailgun'], 'key-[a-f0-9]{32}', {
    match: [`MAILGUN_API_KEY=key-${fake('hex', 32, 342)}`],
    noMatch: [`MAILGUN_PUBLIC_KEY=pubkey-${fake('hex', 32, 342)}`],
  }, { confidence: 'high', validate: notPlaceholder }),
  contextRule('mailgun-api-key-v2', 'Mailgun API key, newer format, next to a Mailgun name', ['mailgun'], '[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8}', {
    match: [
      `MAILGUN_API_KEY=${fake('hex', 32, 343)}-${fake('hex', 8, 344)}-${fake('hex', 8, 345)}`,
      `MailgunClient.config("https://api.mailgun.net/", "${fake('hex', 32, 346)}-${fake('hex', 8, 347)}-${fake('hex', 8, 348)}")`,
    ],
    noMatch: ['MAILGUN_API_KEY=abc-def-ghi', `MailgunClient.config("eu", "${fake('hex', 32, 346)}-${fake('hex', 8, 347)}-${fake('hex', 8, 348)}")`],
  }, { confidence: 'high', validate: notPlaceholder }),
  // A DingTalk robot's signing secret ("加签"): `SEC` and 64 hex, the shape DingTalk issues; the webhook's
  // access_token is the other half.
  tokenRule('dingtalk-robot-secret', 'DingTalk robot signing secret (SEC + 64 hex)', 'SEC', HEX(64), {
    match: [`DINGTALK_SECRET=SEC${fake('hex', 64, 9907)}`, `加签密钥：\`SEC${fake('hex', 64, 9908)}\``],
    noMatch: [`SECTION${fake('hex', 64, 9907)}`, `XSEC${fake('hex', 64, 9909)}`, `SEC${fake('hex', 40, 9910)}`],
  }, { keywords: ['sec'], minEntropy: 3, lead: '(?<![A-Za-z0-9_-])' }),
  {
    // Notes and tickets name the provider and give the key later on the line, with no operator between
    // (`Mailgun is still configured in staging, key …`): either of Mailgun's key shapes, after the name.
    id: 'mailgun-api-key-on-line',
    category: 'KEY',
    description: 'A Mailgun API key (`key-` + 32 hex, or 32 hex + two groups of 8) later on a line that names Mailgun',
    keywords: ['mailgun'],
    pattern: MAILGUN_KEY_SHAPE,
    secretGroup: 1,
    find: findMailgunKeysOnLine,
    anchored: true,
    confidence: 'high',
    examples: {
      match: [
        `Mailgun still sends for staging, key ${fake('hex', 32, 9911)}-${fake('hex', 8, 9912)}-${fake('hex', 8, 9913)} (domain mg.example.org)`,
        `# mailgun (old account): key-${fake('hex', 32, 9914)}`,
      ],
      noMatch: [
        `Mailgun webhook id ${fake('hex', 32, 9915)}`,
        `Mailgun docs\nkey ${fake('hex', 32, 9911)}-${fake('hex', 8, 9912)}-${fake('hex', 8, 9913)}`,
        `Mailgun key ${'0'.repeat(32)}-${'0'.repeat(8)}-${'0'.repeat(8)}`,
      ],
    },
  },
  // Klaviyo's private API keys are `pk_` and 34 hex digits; its public key is the six-character site id. Stripe's and
  // Paystack's publishable `pk_live_`/`pk_test_` keys and Checkout.com's `pk_` + base32 keys have another shape.
  tokenRule('klaviyo-private-key', 'Klaviyo private API key (pk_ + 34 hex)', 'pk_', HEX(34), {
    match: [`Authorization: Klaviyo-API-Key pk_${fake('hex', 34, 3471)}`, `KLAVIYO_PRIVATE_KEY=pk_${fake('hex', 34, 3472)}`],
    noMatch: [`pk_live_${fake('hex', 34, 3473)}`, `pk_${fake('lowernum', 28, 3474)}`, `pk_${'0'.repeat(34)}`, `CONSTRAINT pk_${fake('hex', 34, 3475)}_extra`],
  }, { minEntropy: 3, validate: looksRandom }),
  tokenRule('mailchimp-api-key', 'Mailchimp API key (32 hex + data-centre suffix -usN)', '', '[a-f0-9]{32}-us[0-9]{1,2}', {
    match: [`mailchimp_api_key: ${fake('hex', 32, 346)}-us18`, `MailchimpSDK.initialize(token: ${fake('hex', 32, 347)}-us6)`],
    noMatch: [`${fake('hex', 30, 346)}-us18`],
  }, { keywords: ['-us1', '-us2', '-us3', '-us4', '-us5', '-us6', '-us7', '-us8', '-us9'], minEntropy: 3, lead: '\\b', tail: '\\b' }),
  contextRule('mailchimp-transactional-key', 'Mailchimp Transactional (Mandrill) API key next to a Mandrill name', ['mandrill'], '(?:md-)?[\\w-]{22}', {
    match: [`MANDRILL_API_KEY=md-${fake('b64url', 22, 348)}`, `mailer = mandrill.Mandrill('${fake('b64url', 22, 9351)}')`],
    noMatch: ['MANDRILL_API_KEY=short', `mandrill.Templates('${fake('b64url', 22, 9352)}')`],
  }, { minEntropy: 3.5 }),
  // Postmark's SMTP relay logs in with the server token as both user and password (its docs: "use your Server API token
  // as the username and password"): in a text that sends through smtp.postmarkapp.com, a UUID under a mail user's name
  // (Django's EMAIL_HOST_USER, SMTP_USER, MAIL_USERNAME, `user:` of a mailer's config) is the token.
  {
    id: 'postmark-smtp-user-token',
    category: 'KEY',
    description: "Postmark server token (a UUID) given as the SMTP user name in a text that sends through smtp.postmarkapp.com, which takes the token as user and password",
    keywords: ['postmarkapp'],
    pattern: new RegExp(`(?<![\\w.-])(?:[A-Za-z_][\\w.-]{0,40}?)?(?:user|username|login)["'\\]]{0,2}[ \\t]{0,40}(?:=>|[:=])[ \\t]{0,4}["'\\x60]?(${UUID})(?![\\w-])`, 'i'),
    secretGroup: 1,
    validate: (secret, context) => notPlaceholder(secret) && /smtp\.postmarkapp\.com/i.test(context.text),
    confidence: 'medium',
    examples: {
      match: [
        'EMAIL_HOST = "smtp.postmarkapp.com"\nEMAIL_HOST_USER = "4ea38b7b-f563-4709-8bae-87aeaf14f0c1"\nEMAIL_HOST_PASSWORD = EMAIL_HOST_USER',
        'smtp:\n  host: smtp.postmarkapp.com\n  port: 587\n  user: 7d2f4b91-3c6a-4e85-b0d7-2a9c1e6f8b43',
      ],
      noMatch: [
        'EMAIL_HOST = "smtp.mailgun.org"\nEMAIL_HOST_USER = "4ea38b7b-f563-4709-8bae-87aeaf14f0c1"',
        'api: https://api.postmarkapp.com\nuser_id: 4ea38b7b-f563-4709-8bae-87aeaf14f0c1',
        'EMAIL_HOST = "smtp.postmarkapp.com"\nEMAIL_HOST_USER = os.environ["POSTMARK_TOKEN"]',
      ],
    },
  },
  contextRule('postmark-server-token', 'Postmark server or account token (a UUID) next to a Postmark name', ['postmark'], UUID, {
    match: ['POSTMARK_SERVER_TOKEN=4ea38b7b-f563-4709-8bae-87aeaf14f0c1', "const mailer = new postmark.ServerClient('9c1e3a57-2b4d-4f86-a0c9-7e5d3b1f2a48');"],
    noMatch: ['POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST', "await postmark.getTemplate('9c1e3a57-2b4d-4f86-a0c9-7e5d3b1f2a48')", 'new postmark.ServerClient(process.env.POSTMARK_TOKEN)'],
  }, { validate: notPlaceholder }),
  {
    id: 'postmark-token-near-words',
    category: 'KEY',
    description: 'Postmark server or account token (a UUID) in prose, a ticket or chat a few words after the token\'s noun, within two lines after Postmark is named ("the Postmark token I used to check the bounce log was …"); not a message\'s or a template\'s id',
    keywords: ['postmark'],
    pattern: POSTMARK_TOKEN_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, POSTMARK_TOKEN_AFTER_WORDS),
    anchored: true,
    confidence: 'medium',
    examples: {
      match: ['> Support: we send through Postmark. The server token on the old droplet is still 7d2f4b91-3c6a-4e85-b0d7-2a9c1e6f8b43, rotate it.'],
      noMatch: ['Postmark bounced it: message id 7d2f4b91-3c6a-4e85-b0d7-2a9c1e6f8b43', 'Postmark token is fine. Template 7d2f4b91-3c6a-4e85-b0d7-2a9c1e6f8b43 is broken.'],
    },
  },
  // OneSignal's REST API keys since 2024 name their scope (an app's or an organisation's) and carry
  // their secret in lower-case base32 (`os_v2_app_…`, about 113 characters after the prefix). The prefix
  // is distinctive enough to read any lower-case letters and digits after it: copies retyped or
  // generated by hand do not keep to base32's alphabet, and they are still the key.
  tokenRule('onesignal-api-key', 'OneSignal REST API key (os_v2_app_/os_v2_org_ + base32)', 'os_v2_(?:app|org)_', '[a-z0-9]{90,130}', {
    match: [
      `ONESIGNAL_REST_API_KEY=os_v2_app_${fake('base32', 113, 3561).toLowerCase()}`,
      `return "Key " + "os_v2_org_${fake('base32', 104, 3562).toLowerCase()}";`,
      `return String.format("Basic %s", "os_v2_app_${fake('lowernum', 100, 3564)}");`,
    ],
    noMatch: ['os_v2_app_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'os_v2_app_key', `os_v2_app_${fake('base32', 60, 3563).toLowerCase()}`],
  }, { keywords: ['os_v2_'], minEntropy: 3.5, lead: '(?<![A-Za-z0-9_])', tail: '(?![a-z0-9])' }),
  tokenRule('sendinblue-api-token', 'Brevo (Sendinblue) API key (xkeysib-)', 'xkeysib-', '[a-f0-9]{64}-[A-Za-z0-9]{16}', {
    match: [`BREVO_API_KEY=xkeysib-${fake('hex', 64, 349)}-${fake('alnum', 16, 350)}`],
    noMatch: ['xkeysib-short'],
  }, { minEntropy: 2 }),
  tokenRule('sendinblue-smtp-key', 'Brevo (Sendinblue) SMTP key (xsmtpsib-)', 'xsmtpsib-', '[a-f0-9]{64}-[A-Za-z0-9]{16}', {
    match: [`SMTP_PASSWORD=xsmtpsib-${fake('hex', 64, 351)}-${fake('alnum', 16, 352)}`],
    noMatch: ['xsmtpsib-short'],
  }, { category: 'PASS', minEntropy: 2 }),
  contextRule('mailjet-api-secret', 'Mailjet API key or secret (32 hex) next to a Mailjet name', ['mailjet', '\\bmj_api'], HEX(32), {
    match: [`MAILJET_API_SECRET=${fake('hex', 32, 353)}`],
    noMatch: [`MAILJET_API_SECRET=${fake('hex', 20, 353)}`],
  }, { keywords: ['mailjet', 'mj_api'], minEntropy: 3 }),
  contextRule('sparkpost-api-key', 'SparkPost API key (40 hex) next to a SparkPost name', ['sparkpost'], HEX(40), {
    match: [`SPARKPOST_API_KEY=${fake('hex', 40, 354)}`],
    noMatch: [`SPARKPOST_API_KEY=${fake('hex', 30, 354)}`],
  }, { minEntropy: 3 }),
  {
    // A topic on the public ntfy.sh server has no password: whoever knows its name reads every message and publishes to it,
    // so ntfy tells its users to pick a name nobody can guess. A name with a generated part (`alerts-6721d835…`) is that secret;
    // a topic of words (`ntfy.sh/backup-alerts`) is a name anyone may choose, and a self-hosted server has its own access control.
    id: 'ntfy-topic-url',
    category: 'TOKEN',
    description: 'A topic on the public ntfy.sh server whose name holds a generated part (`https://ntfy.sh/signage-<32 hex>`): whoever knows the name reads and publishes to it',
    keywords: ['ntfy.sh/'],
    startsAtKeyword: true,
    pattern: /ntfy\.sh\/([A-Za-z0-9_-]{16,64})(?![\w-])/,
    secretGroup: 1,
    minEntropy: 3,
    validate: (v) => looksRandom(v) && v.split(/[_-]/).some((part) => part.length >= 16 && /\d/.test(part) && /[A-Za-z]/.test(part)),
    confidence: 'high',
    examples: {
      match: [
        `Environment=NTFY_URL=https://ntfy.sh/signage-${fake('hex', 32, 3601)}`,
        `curl -d "backup done" ntfy.sh/${fake('alnum', 24, 3602)}`,
      ],
      noMatch: [
        'curl -d "backup done" https://ntfy.sh/backup-alerts',
        'See https://ntfy.sh/docs/publish/ for the options.',
        'NTFY_URL=https://ntfy.sh/phil_alerts_2024',
        `NTFY_URL=https://ntfy.example.org/signage-${fake('hex', 32, 3603)}`,
      ],
    },
  },
  contextRule('mattermost-access-token', 'Mattermost personal access token next to a Mattermost name', ['mattermost'], '[a-z0-9]{26}', {
    match: [`MATTERMOST_TOKEN=${fake('lowernum', 26, 355)}`],
    noMatch: ['MATTERMOST_TOKEN=short'],
  }, { minEntropy: 3 }),
  {
    // A Mattermost incoming webhook is `https://<server>/hooks/<26 lowercase letters and digits>`: whoever has the URL posts
    // to the channel. Self-hosted, its server is anyone's, and `/hooks/` is in many URLs, so it is read only where the host
    // (`mattermost.example.org`) or the setting's name (`mattermost_webhook: https://chat.example.org/hooks/…`) says Mattermost.
    id: 'mattermost-webhook-url',
    category: 'TOKEN',
    description: "Mattermost incoming webhook URL (`https://<server>/hooks/<26 lowercase alnum>`) where its host or its setting's name says Mattermost: the hook's id",
    keywords: ['mattermost'],
    startsAtKeyword: true,
    pattern:
      /mattermost(?:[\w.-]{0,60}(?::\d{1,5})?|[\w.-]{0,40}["']?[ \t]{0,4}[:=][ \t]{0,4}["']?https?:\/\/[\w.-]{1,100}(?::\d{1,5})?)\/hooks\/([a-z0-9]{26})(?![A-Za-z0-9_-])/i,
    secretGroup: 1,
    minEntropy: 3,
    validate: (v) => notPlaceholder(v) && /\d/.test(v) && /[a-z]/.test(v),
    confidence: 'high',
    examples: {
      match: [
        `MATTERMOST_HOOK=https://mattermost.example.org/hooks/${fake('lowernum', 26, 3551)}`,
        `mattermost_webhook: "https://chat.example.org/hooks/${fake('lowernum', 26, 3552)}"`,
      ],
      noMatch: [
        `WEBHOOK=https://chat.example.org/hooks/${fake('lowernum', 26, 3553)}`,
        'mattermost_webhook: https://mattermost.example.org/hooks/xxxxxxxxxxxxxxxxxxxxxxxxxx',
        `mattermost_docs: https://mattermost.example.org/hooks/${fake('lowernum', 30, 3554)}`,
      ],
    },
  },
  {
    id: 'microsoft-teams-webhook',
    category: 'TOKEN',
    description: 'Microsoft Teams incoming webhook URL (webhook.office.com/webhookb2/…)',
    keywords: ['webhook.office.com', 'webhookb2', 'incomingwebhook'],
    pattern: new RegExp(
      `(https://[a-z0-9-]{1,60}\\.webhook\\.office\\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-zA-Z0-9]{32}/${UUID}(?:/[\\w-]{20,80})?)`,
    ),
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        'https://acme.webhook.office.com/webhookb2/4ea38b7b-f563-4709-8bae-87aeaf14f0c1@1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5/IncomingWebhook/9f8e7d6c5b4a39281706f5e4d3c2b1a0/7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
      ],
      noMatch: ['https://acme.webhook.office.com/webhookb2/abc'],
    },
  },
  {
    // The same URL with its secret (the 32 characters after `IncomingWebhook/`) joined in as a literal of its own:
    // no scanner sees the URL whole, so the literal is reported alone.
    id: 'microsoft-teams-webhook-joined',
    category: 'TOKEN',
    description: 'The secret part of a Microsoft Teams incoming webhook URL that code joins from literals (`"…/IncomingWebhook/" + "<32 characters>" + "/…"`)',
    keywords: ['incomingwebhook/'],
    startsAtKeyword: true,
    pattern: /IncomingWebhook\/["'`][ \t]{0,4}[+.&][ \t]{0,4}["'`]([a-zA-Z0-9]{32})["'`]/y,
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret, ctx) =>
      notPlaceholder(secret) && TEAMS_WEBHOOK_URL_HEAD.test(ctx.text.slice(Math.max(0, ctx.matchStart - 160), ctx.matchStart)),
    confidence: 'high',
    examples: {
      match: [
        `TeamsWebhook = "https://acme.webhook.office.com/webhookb2/4ea38b7b-f563-4709-8bae-87aeaf14f0c1@1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5/IncomingWebhook/" + "${fake('hex', 32, 3571)}" + "/7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";`,
      ],
      noMatch: [
        'TeamsWebhook = "https://acme.webhook.office.com/webhookb2/4ea38b7b-f563-4709-8bae-87aeaf14f0c1@1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5/IncomingWebhook/" + hookSecret + "/7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";',
        `route = "/api/IncomingWebhook/" + "${fake('hex', 32, 3572)}";`,
      ],
    },
  },
  contextRule('zendesk-secret-key', 'Zendesk API token next to a Zendesk name', ['zendesk'], ALNUM(40), {
    match: [`ZENDESK_API_TOKEN=${fake('alnum', 40, 356)}`],
    noMatch: [`ZENDESK_SUBDOMAIN=${fake('lower', 10, 356)}`],
  }, { minEntropy: 3.5 }),
  contextRule('messagebird-api-token', 'MessageBird API key next to a MessageBird name', ['message[_\\-]?bird'], ALNUM(25), {
    match: [`MESSAGEBIRD_API_KEY=${fake('alnum', 25, 357)}`],
    noMatch: ['MESSAGEBIRD_API_KEY=short'],
  }, { keywords: ['messagebird', 'message-bird', 'message_bird'], minEntropy: 3 }),
  contextRule('messagebird-client-id', 'MessageBird client id (a UUID) next to a MessageBird name', ['message[_\\-]?bird'], UUID, {
    match: ['const MessageBirdClientID = "4ea38b7b-f563-4709-8bae-87aeaf14f0c1"'],
    noMatch: ['const MessageBirdClientID = "abc"'],
  }, { keywords: ['messagebird', 'message-bird', 'message_bird'], category: 'CRED', confidence: 'low', validate: notPlaceholder }),
  contextRule('intercom-api-key', 'Intercom access token next to an Intercom name', ['intercom'], '[\\w=\\-]{60}', {
    match: [`INTERCOM_ACCESS_TOKEN=${fake('b64url', 60, 358)}`],
    noMatch: [`INTERCOM_ACCESS_TOKEN=${fake('b64url', 30, 358)}`],
  }, { minEntropy: 3.5 }),
  contextRule('sendbird-access-token', 'Sendbird API token (40 hex) next to a Sendbird name', ['sendbird'], HEX(40), {
    match: [`SENDBIRD_API_TOKEN=${fake('hex', 40, 359)}`],
    noMatch: [`SENDBIRD_API_TOKEN=${fake('hex', 30, 359)}`],
  }, { minEntropy: 3 }),
  contextRule('sendbird-access-id', 'Sendbird application id (a UUID) next to a Sendbird name', ['sendbird'], UUID, {
    match: ['SENDBIRD_APP_ID=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['SENDBIRD_APP_ID=abc'],
  }, { category: 'CRED', confidence: 'low', validate: notPlaceholder }),
  contextRule('pusher-app-secret', 'Pusher Channels app secret (20 hex) next to a Pusher name', ['pusher'], HEX(20), {
    match: [`PUSHER_APP_SECRET=${fake('hex', 20, 360)}`],
    noMatch: [`PUSHER_APP_SECRET=${fake('hex', 10, 360)}`],
  }, { category: 'CRED', nameTail: 'secret', minEntropy: 3 }),
  contextRule('vonage-api-secret', 'Vonage (Nexmo) API secret next to a Vonage/Nexmo name', ['vonage', 'nexmo'], ALNUM(16), {
    match: [`NEXMO_API_SECRET=${fake('alnum', 16, 361)}`],
    noMatch: ['NEXMO_API_SECRET=short'],
  }, { category: 'CRED', nameTail: 'secret', minEntropy: 3 }),
  contextRule('plivo-auth-token', 'Plivo auth token next to a Plivo name', ['plivo'], ALNUM(40), {
    match: [`PLIVO_AUTH_TOKEN=${fake('alnum', 40, 362)}`],
    noMatch: ['PLIVO_AUTH_TOKEN=short'],
  }, { minEntropy: 3.5 }),
  contextRule('telnyx-api-key', 'Telnyx API v2 key (KEY…) next to a Telnyx name', ['telnyx'], 'KEY[A-Za-z0-9_]{50,70}', {
    match: [`TELNYX_API_KEY=KEY${fake('alnum', 58, 363)}`],
    noMatch: ['TELNYX_API_KEY=KEYshort'],
  }, { confidence: 'high' }),
  contextRule('freshdesk-api-key', 'Freshdesk API key next to a Freshdesk name', ['freshdesk'], '[A-Za-z0-9]{20}', {
    match: [`FRESHDESK_API_KEY=${fake('alnum', 20, 364)}`],
    noMatch: ['FRESHDESK_DOMAIN=acme'],
  }, { minEntropy: 3.5 }),
  contextRule('helpscout-api-key', 'Help Scout API key or app secret next to a Help Scout name', ['help[_.\\-]?scout'], '[A-Za-z0-9]{32,40}', {
    match: [`HELPSCOUT_APP_SECRET=${fake('alnum', 32, 365)}`],
    noMatch: ['HELPSCOUT_APP_SECRET=short'],
  }, { keywords: ['helpscout', 'help_scout', 'help-scout', 'help.scout'], minEntropy: 3.5 }),
  contextRule('mailchimp-api-key-assigned', 'Mailchimp API key (32 characters + -usN) next to a Mailchimp name', ['mailchimp'], '[A-Za-z0-9]{32}-us[0-9]{1,2}', {
    match: [`mailchimp = "${fake('alnum', 32, 366)}-us36"`],
    noMatch: ['mailchimp = "abc-us1"'],
  }, { confidence: 'high' }),
  tokenRule('mailgun-api-key-bare', 'Mailgun private API key (key- + 32 hex) without context', 'key-', HEX(32), {
    match: [`key-${fake('hex', 32, 367)}`],
    noMatch: [`monkey-${fake('hex', 32, 367)}`, 'key-short'],
  }, { minEntropy: 3, confidence: 'medium', lead: '(?<![\\w-])' }),
  tokenRule('slack-client-token', 'Slack browser session (client) token (xoxc-)', 'xoxc-', '[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[a-f0-9]{64}', {
    match: [`token: xoxc-${SLACK_ID(371)}-${SLACK_ID(372)}-${SLACK_ID(373)}-${fake('hex', 64, 374)}`],
    noMatch: ['xoxc-123-short'],
  }, { category: 'TOKEN', minEntropy: 3 }),
  tokenRule('slack-session-cookie', 'Slack session cookie value (xoxd-, URL-encoded)', 'xoxd-', '[A-Za-z0-9%+/]{80,400}', {
    match: [`d=xoxd-${fake('alnum', 40, 375)}%2F${fake('alnum', 60, 376)}%3D%3D`],
    noMatch: ['xoxd-short'],
  }, { category: 'TOKEN', minEntropy: 4, tail: '(?![A-Za-z0-9%+/])' }),
];
