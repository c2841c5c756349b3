import { isWordCode } from '../../char-codes.js';
import { isClientShippedFile, namesClientShippedValue } from '../../client-shipped.js';
import { shannonEntropy } from '../../entropy.js';
import { indexOfBelow, lastIndexOfAbove, lineAround } from '../../line-index.js';
import { hasCountingRun, isPlausibleSecret } from '../../secret-value.js';
import type { DetectOptions, Rule, RuleContext, Span } from '../../types.js';
import { isBrowserLoadedWriteKey, isPublicClientValueAt } from '../client-config.js';
import { fake } from './fake.js';
import { ALNUM, HEX, UUID, anyCase, contextRule, findShapeAfterWords, keyNoun, looksRandom, mixesClasses, notPlaceholder, notPlaceholderNorCounted, tokenRule, type ShapeAfterWords } from './shape.js';

/**
 * A Sentry DSN with the project's public key alone (`https://<32 hex>@o1.ingest.sentry.io/42`, a self-hosted host and
 * path prefix alike; the key is group 1). GlitchTip and Bugsink take the same DSNs. The legacy form with a secret key
 * after a colon (`https://<pub>:<secret>@…`) is a URL with a password, found with the URL rules everywhere.
 */
const SENTRY_DSN = /\bhttps?:\/\/([0-9a-f]{32})@[A-Za-z0-9.-]{1,253}(?::\d{1,5})?(?:\/[\w.-]{1,60})?\/\d{1,20}\/?(?![\w.\/-])/;

/** How far back on its line the name a value is given under is looked for. */
const VALUE_NAME_REACH = 200;
/** The name a value is assigned to, at the end of the text before it (`NEW_RELIC_BROWSER_KEY=`, `"jsLicenseKey": "`, `--env NEXT_PUBLIC_NR_KEY=`). */
const NAME_BEFORE_VALUE = /([A-Za-z_$][\w.$-]{0,100})["'\]]?[ \t]{0,8}(?:=>|=|:|,)[ \t]{0,8}["'(]?$/;

/**
 * Sentry documents a DSN as safe to expose, since browsers and apps must ship it to send their events; it is reported
 * all the same, in a client's files (front-end config, Android manifests and strings.xml, `VITE_`/`NEXT_PUBLIC_`
 * .env files) as in a server's: whoever holds the key posts events into the project (quota abuse, spoofed errors and
 * releases), and the people who label secrets count it as one wherever it stands. The key is tokenised and the proxy
 * restores it in the answer, so the code the AI reads stays whole. Stand-ins (`examplePublicKey`, all zeros) stay quiet.
 */
function isSentryDsnKey(key: string): boolean {
  return notPlaceholderNorCounted(key);
}

/**
 * Whether the value at `at` is the copy made for clients: in a file shipped to them (`isClientShippedFile`), or under a
 * name on its line that says so (`VITE_NEW_RELIC_KEY=`, `js_license_key: '`, `NEW_RELIC_BROWSER_KEY=`).
 */
function isClientCopyAt(text: string, at: number, file: string | undefined): boolean {
  if (isClientShippedFile(file)) return true;
  const lineStart = lastIndexOfAbove(text, '\n', at - 1, Math.max(0, at - VALUE_NAME_REACH)) + 1;
  const name = NAME_BEFORE_VALUE.exec(text.slice(Math.max(lineStart, at - VALUE_NAME_REACH), at))?.[1];
  return name !== undefined && namesClientShippedValue(name);
}

/** A New Relic browser key that is neither a stand-in, nor in the agent's page snippet, nor the browser's copy by name or file. */
function isServerSideBrowserAgentKey(key: string, ctx: RuleContext): boolean {
  const at = ctx.text.indexOf(key, ctx.matchStart);
  return notPlaceholder(key) && !isPublicClientValueAt(ctx.text, at) && !isClientCopyAt(ctx.text, at, ctx.file);
}

/**
 * A map named for PagerDuty, opened on the same line: Terraform `pagerduty_services = {`, a JSON
 * `"pagerduty_keys": {`, a Ruby `PAGERDUTY_KEYS = {`. Its entries are read up to the closing brace.
 */
const PAGERDUTY_MAP_OPEN = /pager[_.\-]?duty[\w.\-]{0,40}["']?[ \t]{0,4}(?:=>|=|:)[ \t]{0,4}\{/iy;
/** One `name = "…"` / `"name": "…"` entry of such a map whose value is 32 hex digits (an Events API integration key). */
const MAP_ENTRY_HEX32 = /["']?[\w.\-]{1,64}["']?[ \t]{0,4}(?:=>|=|:)[ \t]{0,4}["']([a-f0-9]{32})["']/g;
/** How far a map's entries are read: a closing brace ends it sooner. */
const MAP_WINDOW = 2000;

/**
 * PagerDuty integration keys kept one per service in a map named for PagerDuty
 * (`locals { pagerduty_services = { payments = "…", claims = "…" } }`): the map's name says
 * whose keys its values are, though no entry's name says key.
 */
function findPagerDutyMapKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    if (offset < readTo) continue;
    PAGERDUTY_MAP_OPEN.lastIndex = offset;
    const open = PAGERDUTY_MAP_OPEN.exec(text);
    if (open === null) continue;
    const from = offset + open[0].length;
    // The closing and a nested opening brace are looked for within the window only: a map never closed must not cost a
    // search to the text's end at each PagerDuty name after it.
    const close = indexOfBelow(text, '}', from, from + MAP_WINDOW + 1);
    const end = close === -1 ? Math.min(text.length, from + MAP_WINDOW) : close;
    const nested = indexOfBelow(text, '{', from, end);
    const body = text.slice(from, nested !== -1 ? nested : end);
    readTo = from + body.length;
    MAP_ENTRY_HEX32.lastIndex = 0;
    for (let m = MAP_ENTRY_HEX32.exec(body); m !== null; m = MAP_ENTRY_HEX32.exec(body)) {
      const key = m[1]!;
      if (shannonEntropy(key) < 3 || !notPlaceholder(key)) continue;
      const start = from + m.index + m[0].length - 1 - key.length;
      spans.push({ start, end: start + key.length });
    }
  }
  return spans;
}

/** A line's words for a PagerDuty Events key (`routing key`, `integration key`, `service key`, `Events v2 key`). */
const PAGERDUTY_KEY_WORDS = /(?:routing|integration|service|events?(?:[ _-]?v2)?)[ _-]?keys?\b/i;
/** 32 hex digits standing alone (in backticks, quotes or bare): the shape of an Events integration key. */
const LONE_HEX32 = /(?<![0-9A-Za-z_\-])([0-9a-f]{32})(?![0-9A-Za-z_\-])/g;

/**
 * A PagerDuty integration key given in a sentence: a runbook's or ticket's line that names PagerDuty
 * and its routing (integration, service) key, with the key somewhere on it
 * (`Alert routing key for PagerDuty service "SMSC": \`…\``). The words between name and key are
 * free, so the line is read as a whole, once however often it names PagerDuty.
 */
function findPagerDutyKeysInLines(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    if (offset < readTo) continue;
    const { start, end } = lineAround(text, offset, 300);
    readTo = end;
    const line = text.slice(start, end);
    if (!PAGERDUTY_KEY_WORDS.test(line)) continue;
    LONE_HEX32.lastIndex = 0;
    for (let m = LONE_HEX32.exec(line); m !== null; m = LONE_HEX32.exec(line)) {
      if (shannonEntropy(m[0]) < 3 || !notPlaceholder(m[0])) continue;
      spans.push({ start: start + m.index, end: start + m.index + 32 });
    }
  }
  return spans;
}

/**
 * PagerDuty named in a runbook, a ticket or chat and an Events integration key (32 hex) below it, a few words after the key's
 * noun (a runbook's `PagerDuty service "Checkout".` then `Integration key for manual triggers:` over the key in code marks):
 * the line-bound rule above wants the name and the key on one line. Incidents, traces and commits near the name are hex
 * too, so the noun must name the value.
 */
const PAGERDUTY_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Pp]ager[ _.-]?[Dd]uty|PAGER[_.-]?DUTY/y,
  shape: LONE_HEX32,
  reach: 400,
  lines: 2,
  accept: (v) => notPlaceholder(v) && shannonEntropy(v) >= 3,
  namedBy: keyNoun('(?:routing|integration|service|events?(?:[ -]?v2)?)[ -]?key'),
};
/**
 * A routing key of PagerDuty's Event Orchestration (`R0` and 30 letters and digits) a few lines after PagerDuty or a routing
 * or integration key is named (a postmortem's "The alert routing key was pasted … For the record it was `R0…`"): the
 * prefix says what it is, so no noun need stand right before it.
 */
const PAGERDUTY_ROUTING_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Pp]ager[ _.-]?[Dd]uty|PAGER[_.-]?DUTY|[Rr]outing[ _-][Kk]ey|[Ii]ntegration[ _-][Kk]ey|ROUTING_KEY|INTEGRATION_KEY/y,
  shape: /(?<![A-Za-z0-9_-])(R0[0-9A-Za-z]{30})(?![A-Za-z0-9_-])/g,
  reach: 400,
  lines: 3,
  accept: (v) => /\d/.test(v.slice(2)) && mixesClasses(v.slice(2), 2) && shannonEntropy(v) >= 3.5 && notPlaceholder(v) && !hasCountingRun(v),
};

/** The text between a provider's name and its value when the name ends in an id word (`OPSGENIE_TEAM_ID = "`, `teamId: `). */
const NAME_ENDS_IN_ID = /(?:[_.\-]id|[a-z]Id|ID)["']?[ \t]{0,40}[:=][ \t]{0,4}["']?$/;

/** QRadar named within a few lines of a match (before it, or just after on a request's own line). */
function namesQradarNear(text: string, start: number, end: number): boolean {
  return /qradar/i.test(text.slice(Math.max(0, start - 1500), Math.min(text.length, end + 300)));
}

/**
 * Whether the log layout pattern at `at` sits in an appender that ships to Datadog: the text from the
 * appender's opening tag to the pattern names Datadog (its intake host, the appender's name).
 */
function inDatadogAppender(text: string, at: number): boolean {
  const from = Math.max(0, at - 3000);
  // Both searches stop at the 3,000 characters an appender is read back: a pattern outside any appender costs no more.
  const open = lastIndexOfAbove(text, '<appender', at, from);
  if (open === -1 || lastIndexOfAbove(text, '</appender>', at, open + 1) !== -1) return false;
  return /datadog/i.test(text.slice(open, at));
}

/**
 * After `app key` / `application key` (40 hex digits) or `API key` (32) in a sentence: a few words (`the new app key,
 * using …`, `API key is …`), then the key. No full stop between them: the sentence must still be the key's. A list that
 * names Datadog may leave `key` off when the key follows the kind at once (`- Datadog: API <32 hex>, app <40 hex>`).
 */
const KEY_PHRASE = /^(?:app(?:lication)?|api)(?:[ \t]key|(?=[ \t]{1,2}[0-9a-f]{32}))/i;
const DATADOG_PROSE_KEY = /[^\r\n.!?]{0,40}?(?<![0-9A-Za-z])([0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])/y;

/** Datadog's own name, or the variables its agent and clients read their keys from (`DD_API_KEY=…`, `DD_APP_KEY`). */
const DATADOG_NAME = /datadog|(?<![A-Za-z0-9])DD_(?:API|APP|APPLICATION)_KEY(?![A-Za-z0-9])/i;

/**
 * Whether the line at `at`, or the one before it, names Datadog: a chat's reply ("DD_API_KEY=… and app key …") under the
 * message that asked for "the Datadog API key".
 */
function namesDatadogNear(text: string, at: number): boolean {
  const line = lineAround(text, at, 300);
  if (DATADOG_NAME.test(text.slice(line.start, line.end))) return true;
  if (line.start === 0 || text.charCodeAt(line.start - 1) !== 0x0a) return false;
  const above = lineAround(text, line.start - 1, 300);
  return DATADOG_NAME.test(text.slice(above.start, above.end));
}

/**
 * A Datadog key handed over in a sentence that names Datadog (a chat message, a ticket: "the Datadog monitor needs
 * the new app key, using …"), or the line before does (a chat's question and its reply): Datadog's application keys
 * are 40 hex digits and its API keys 32, so the kind the sentence names must have its length; a commit hash in the
 * same line names neither.
 */
function findDatadogProseKeys(text: string, _options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let done = -1;
  for (const offset of offsets) {
    if (offset < done || (offset > 0 && isWordCode(text.charCodeAt(offset - 1)))) continue;
    // Long enough for the phrase, or for the kind and the key it is followed by at once (`API <32 hex>`).
    const phrase = KEY_PHRASE.exec(text.slice(offset, offset + 48));
    if (phrase === null) continue;
    DATADOG_PROSE_KEY.lastIndex = offset + phrase[0].length;
    const m = DATADOG_PROSE_KEY.exec(text);
    if (m === null) continue;
    const key = m[1]!;
    if (key.length !== (/^api/i.test(phrase[0]) ? 32 : 40) || shannonEntropy(key) < 3 || !notPlaceholder(key)) continue;
    if (!namesDatadogNear(text, offset)) continue;
    const start = DATADOG_PROSE_KEY.lastIndex - key.length;
    spans.push({ start, end: start + key.length });
    done = start + key.length;
  }
  return spans;
}

/**
 * Datadog named in chat or prose and an API key (32 hex) or application key (40 hex) within two lines after it, a few
 * words after a key's noun ("the datadog key for the yard pi is …"), or opening the reply to a message that asked for
 * it by that noun ("also the datadog key for the yard pi?" / "use … for now"). Hex is also a commit's, a trace's or a
 * checksum's: the noun must name the value, with no other thing's word between.
 */
const DATADOG_KEY_AFTER_WORDS: ShapeAfterWords = {
  words: /[Dd]atadog|DATADOG/y,
  shape: /(?<![A-Za-z0-9_-])([a-f0-9]{40}|[a-f0-9]{32})(?![A-Za-z0-9_-])/g,
  reach: 400,
  lines: 2,
  accept: (v) => shannonEntropy(v) >= 3 && notPlaceholder(v),
  namedBy: keyNoun('(?:api[ -]?|app(?:lication)?[ -]?)?key'),
};

/**
 * A Datadog client built with its two keys by position, the API key first and the application key second, as
 * Datadog's clients take them (Ruby's `Dogapi::Client.new(api_key, app_key)`, a Rust or Go wrapper's
 * `datadog::Client::new("…", "…")`): the second argument, 40 hex digits, is the application key. The first
 * may be the API key's literal (32 hex digits, which datadog-api-key reports) or a name that holds it.
 */
const DATADOG_CLIENT_APP_KEY = new RegExp(
  `(?:${anyCase('datadog')}|${anyCase('dogapi')})[\\w.:]{0,40}\\([ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?` +
    `(?:["'][0-9a-f]{32}["']|[A-Za-z_][\\w.:]{0,60}(?:\\[[^\\]\\r\\n]{1,60}\\]|\\([^()\\r\\n]{0,60}\\))?)` +
    `[ \\t]{0,4},[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?["']([0-9a-f]{40})["']`,
);

/** The callee after the provider's name builds or configures a client (`::Client::new`, `.new`, `Api(`), not a method taking data. */
function buildsDatadogClient(match: string): boolean {
  const callee = match.slice(0, match.indexOf('(')).replace(/^(?:datadog|dogapi)/i, '');
  return /client|api|new|init|configure/i.test(callee);
}

/**
 * GameAnalytics' two keys given to its SDK by position, the game key (32 hex digits, public: it ships in the client) and then
 * the secret key (40 hex digits) that signs the events (`GameAnalytics.initialize("…", "…")`, Android's
 * `GameAnalytics.initialize(activity, "…", "…")`, a wrapper's `new GAKeys("…", "…")`): the second literal is the secret.
 */
const GAMEANALYTICS_SECRET_KEY = new RegExp(
  `(?:${anyCase('gameanalytics')}|${anyCase('gakeys')})[\\w.:]{0,40}\\([ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?(?:[A-Za-z_][\\w.]{0,40}[ \\t]{0,4},[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?)?` +
    `@?["'][0-9a-f]{32}["'][ \\t]{0,4},[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,40})?@?["']([0-9a-f]{40})["']`,
);

/** Monitoring, logging, error tracking and analytics services. */
/**
 * A token field in a Logz.io shipper's settings: `<token>…</token>` in a logback or log4j appender, `'token': '…'` in
 * Python's `LogzioHandler`, `LOGZIO_TOKEN=…`, a listener URL's `?token=…`. Its value is 32 letters.
 */
const LOGZIO_TOKEN_FIELD = /(?<![\w.-])[\w.-]{0,40}?(?:token|Token|TOKEN)["']?(?:>|[ \t]{0,4}(?:=>|=|:)[ \t]{0,4}["']?)[ \t]{0,4}([A-Za-z]{32})(?![\w])/g;
/** How far before and after a Logz.io name (an appender's class, a handler's, the listener's host) its token field is read. */
const LOGZIO_REACH_BEFORE = 400;
const LOGZIO_REACH_AFTER = 600;

/**
 * Thirty-two small letters drawn at random, as Logz.io issues some of its shipping tokens: few vowels (a draw holds about
 * one in four, words two in five), or a few more with a run of consonants no word holds. `yourlogziotokenfromsettings…`
 * and other stand-ins written in words have both the vowels and no such run.
 */
function isDrawnSmallLetters(v: string): boolean {
  let vowels = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < v.length; i++) {
    if ('aeiouy'.includes(v[i]!)) {
      vowels++;
      run = 0;
    } else longestRun = Math.max(longestRun, ++run);
  }
  if (shannonEntropy(v) < 3.8) return false;
  return vowels * 100 <= v.length * 34 || (vowels * 100 <= v.length * 42 && longestRun >= 5);
}

/**
 * Logz.io shipping tokens in the settings block that names Logz.io: an appender whose class is `io.logz.…`, a handler's
 * `logzio.handler.LogzioHandler`, a Fluentd output of `@type logzio_buffered`. The field says only `token`; the vendor's
 * name is a line or two away, and the token may be all small letters, which no name-less rule reads as generated.
 */
function findLogzioBlockTokens(text: string, options: DetectOptions, offsets: readonly number[] = []): Span[] {
  const spans: Span[] = [];
  let readTo = 0;
  for (const offset of offsets) {
    const from = Math.max(readTo, offset - LOGZIO_REACH_BEFORE, 0);
    const to = Math.min(text.length, offset + LOGZIO_REACH_AFTER);
    if (from >= to) continue;
    readTo = to;
    const window = text.slice(from, to);
    LOGZIO_TOKEN_FIELD.lastIndex = 0;
    for (let m = LOGZIO_TOKEN_FIELD.exec(window); m !== null; m = LOGZIO_TOKEN_FIELD.exec(window)) {
      const value = m[1]!;
      const lower = /^[a-z]+$/.test(value);
      if (lower ? !isDrawnSmallLetters(value) || !notPlaceholder(value) : !isPlausibleSecret(value, { category: 'TOKEN', quoted: true, file: options.file })) continue;
      const start = from + m.index + m[0].length - value.length;
      spans.push({ start, end: start + value.length });
    }
  }
  return spans;
}

export const observabilityRules: Rule[] = [
  contextRule('datadog-api-key', 'Datadog API key (32 hex) next to a Datadog name', ['datadog', 'dd[_.\\-]?api', 'dd[_.\\-]?client[_.\\-]?api'], HEX(32), {
    match: [`DATADOG_API_KEY=${fake('hex', 32, 600)}`, `DD_API_KEY: "${fake('hex', 32, 601)}"`],
    noMatch: [`DD_SITE: "${fake('hex', 32, 600)}x"`, 'DATADOG_API_KEY=<api-key>'],
  }, { keywords: ['datadog', 'dd_api', 'dd-api', 'dd.api', 'ddapi', 'dd_client'], minEntropy: 3, validate: notPlaceholder, confidence: 'high' }),
  contextRule('datadog-app-key', 'Datadog application key (40 hex) next to a Datadog name', ['datadog', 'dd[_.\\-]?app', 'dd[_.\\-]?application'], '[a-f0-9]{40}', {
    match: [`DD_APP_KEY=${fake('hex', 40, 602)}`],
    noMatch: [`DD_APP_KEY=${fake('hex', 30, 602)}`],
  }, { keywords: ['datadog', 'dd_app', 'dd-app', 'dd.app', 'ddapp', 'dd_application'], minEntropy: 3, validate: notPlaceholder, confidence: 'high' }),
  {
    id: 'datadog-app-key-positional',
    category: 'KEY',
    description: 'A Datadog application key (40 hex) given second to a Datadog client, after the API key: `Dogapi::Client.new(api_key, "…")`, `datadog::Client::new("<api key>", "…")`',
    keywords: ['datadog', 'dogapi'],
    startsAtKeyword: true,
    pattern: DATADOG_CLIENT_APP_KEY,
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret, ctx) => notPlaceholder(secret) && buildsDatadogClient(ctx.text.slice(ctx.matchStart, ctx.matchEnd)),
    confidence: 'high',
    examples: {
      match: [
        `let dd = datadog::Client::new("${fake('hex', 32, 9320)}", "${fake('hex', 40, 9321)}");`,
        `dog = Dogapi::Client.new(ENV['DD_API_KEY'], '${fake('hex', 40, 9322)}')`,
      ],
      noMatch: [
        `let dd = datadog::Client::new(api_key, app_key);`,
        `dog = Dogapi::Client.new(api_key, '${'0'.repeat(40)}')`,
        `report = datadog.Event("deploy", "${fake('hex', 40, 9324)}")`,
        `datadog.trace(span, "${fake('hex', 40, 9325)}")`,
      ],
    },
  },
  {
    id: 'gameanalytics-secret-key-positional',
    category: 'KEY',
    description: "GameAnalytics' secret key (40 hex) given to its SDK after the game key (32 hex): `GameAnalytics.initialize(\"<game key>\", \"…\")`, `new GAKeys(\"<game key>\", \"…\")`",
    keywords: ['gameanalytics', 'gakeys'],
    startsAtKeyword: true,
    pattern: GAMEANALYTICS_SECRET_KEY,
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret) => notPlaceholder(secret),
    confidence: 'high',
    examples: {
      match: [
        `gameanalytics.GameAnalytics.initialize("${fake('hex', 32, 9330)}", "${fake('hex', 40, 9331)}");`,
        `GameAnalytics.initialize(this, "${fake('hex', 32, 9332)}", "${fake('hex', 40, 9333)}");`,
        `var keys = new GAKeys("${fake('hex', 32, 9334)}", "${fake('hex', 40, 9335)}");`,
      ],
      noMatch: [
        `GameAnalytics.initialize(gameKey, secretKey);`,
        `GameAnalytics.initialize("${fake('hex', 32, 9336)}", "${'0'.repeat(40)}");`,
        `GameAnalytics.addDesignEvent("${fake('hex', 32, 9337)}");`,
      ],
    },
  },
  {
    id: 'datadog-api-key-log-pattern',
    category: 'KEY',
    description:
      "A Datadog API key at the head of a logback/log4j layout pattern (`<pattern>KEY %mdc{…}</pattern>`), as Datadog documents for sending logs straight to its TCP intake, or of a syslog appender's `<suffixPattern>` (the intake reads the key as each line's prefix); only inside an appender that names Datadog",
    keywords: ['<pattern>', '<suffixpattern>'],
    startsAtKeyword: true,
    pattern: /<(?:[Pp]attern|suffixPattern)>([a-f0-9]{32})[ \t]/,
    secretGroup: 1,
    minEntropy: 3,
    validate: (secret, ctx) => notPlaceholder(secret) && inDatadogAppender(ctx.text, ctx.matchStart),
    confidence: 'high',
    examples: {
      match: [
        `<appender name="DD" class="net.logstash.logback.appender.LogstashTcpSocketAppender">\n  <destination>intake.logs.datadoghq.com:10516</destination>\n  <encoder class="net.logstash.logback.encoder.LogstashEncoder">\n    <prefix class="ch.qos.logback.core.encoder.LayoutWrappingEncoder">\n      <layout class="ch.qos.logback.classic.PatternLayout">\n        <pattern>${fake('hex', 32, 640)} %mdc{keyThatDoesNotExist}</pattern>\n      </layout>\n    </prefix>\n  </encoder>\n</appender>`,
        `<appender name="DD_SYSLOG" class="ch.qos.logback.core.net.SyslogAppender">\n  <syslogHost>intake.logs.datadoghq.com</syslogHost>\n  <port>10514</port>\n  <suffixPattern>${fake('hex', 32, 9391)} %msg</suffixPattern>\n</appender>`,
      ],
      noMatch: [
        `<appender name="FILE" class="ch.qos.logback.core.FileAppender">\n  <encoder>\n    <pattern>${fake('hex', 32, 641)} %d %msg%n</pattern>\n  </encoder>\n</appender>`,
        `<appender name="DATADOG" class="net.logstash.logback.appender.LogstashTcpSocketAppender">\n  <destination>intake.logs.datadoghq.eu:443</destination>\n  <encoder><pattern>%d{ISO8601} %-5level %msg%n</pattern></encoder>\n</appender>`,
        `<appender name="SYSLOG" class="ch.qos.logback.core.net.SyslogAppender">\n  <syslogHost>logs.internal.example</syslogHost>\n  <suffixPattern>${fake('hex', 32, 9392)} %logger %msg</suffixPattern>\n</appender>`,
      ],
    },
  },
  {
    id: 'datadog-key-in-prose',
    category: 'KEY',
    description: 'A Datadog application key (40 hex) or API key (32 hex) a few words after `app key` / `API key` in a sentence that names Datadog, or right after `app` / `API` there (`Datadog: API …, app …`)',
    keywords: ['application key', 'app ', 'api '],
    pattern: /(?:app(?:lication)?|api)(?:[ \t]key[^\r\n.!?]{0,40}?|[ \t]{1,2})(?<![0-9A-Za-z])([0-9a-f]{40}|[0-9a-f]{32})(?![0-9A-Za-z])/i,
    secretGroup: 1,
    find: findDatadogProseKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `ok, the Datadog dashboard wants the new app key, using ${fake('hex', 40, 9311)} from now on`,
        `Datadog API key for staging is ${fake('hex', 32, 9312)}.`,
        `- Datadog: API ${fake('hex', 32, 9318)}, app ${fake('hex', 40, 9319)}`,
        `[09:01] ana: who has the Datadog keys for the render box?\n[09:03] raj: DD_API_KEY is in the vault, and app key ${fake('hex', 40, 9317)}`,
      ],
      noMatch: [
        `Datadog app key rotated. Deploy of api ${fake('hex', 40, 9313)} succeeded`,
        `the app key, using ${fake('hex', 40, 9314)} (no vendor named)`,
        `Datadog API key check ran at commit ${fake('hex', 40, 9315)}`,
        `Datadog app ${fake('hex', 32, 9320)} crashed`,
        `Datadog: API deploy of app commit ${fake('hex', 40, 9321)}`,
        `[09:01] ana: the Datadog bill came in\n[09:02] raj: ok\n[09:03] ana: the app key, using ${fake('hex', 40, 9316)} from now on`,
      ],
    },
  },
  {
    id: 'datadog-key-near-words',
    category: 'KEY',
    description: 'A Datadog API key (32 hex) or application key (40 hex) in chat or prose within two lines after Datadog is named: a few words after a key\'s noun, or opening the reply to a message that asked for the key ("the datadog key for the yard pi?" / "use … for now")',
    keywords: ['datadog'],
    pattern: DATADOG_KEY_AFTER_WORDS.shape,
    secretGroup: 1,
    find: (text, _options, offsets = []) => findShapeAfterWords(text, offsets, DATADOG_KEY_AFTER_WORDS),
    anchored: true,
    // Low: the words find keys that a name or a phrase beside them (`APIKey: "…"`, "that's the … key") reports as well;
    // on the same span that rule's finding is kept, named for how the key was written.
    confidence: 'low',
    examples: {
      match: [
        `[08:10] lea: what's the datadog key for the kiosk agent?\n[08:12] tom: try ${fake('hex', 32, 9331)}, it should still work`,
        `The Datadog key for the greenhouse pi is ${fake('hex', 32, 9332)} until we rotate it`,
      ],
      noMatch: [
        `[08:10] lea: is the datadog agent on the kiosk yet?\n[08:12] tom: yes, build ${fake('hex', 32, 9333)}`,
        `[08:10] lea: what's the datadog key for the kiosk agent?\n[08:12] tom: checksum of the installer is ${fake('hex', 32, 9334)}`,
        `Datadog key rotated in commit ${fake('hex', 40, 9335)}`,
      ],
    },
  },
  contextRule('datadog-access-token', 'Datadog access token (40 characters) next to a Datadog name', ['datadog'], '[a-z0-9]{40}', {
    match: [`datadog_access_token = "${fake('lowernum', 40, 603)}"`],
    noMatch: ['datadog_access_token = "short"'],
  }, { minEntropy: 3 }),
  tokenRule('new-relic-user-api-key', 'New Relic user API key (NRAK-)', 'NRAK-', '[A-Z0-9]{27}', {
    match: [`NEW_RELIC_API_KEY=NRAK-${fake('uppernum', 27, 604)}`],
    noMatch: ['NRAK-short'],
  }, { minEntropy: 3 }),
  tokenRule('new-relic-admin-api-key', 'New Relic admin API key (NRAA-)', 'NRAA-', '[a-f0-9]{27}', {
    match: [`NRAA-${fake('hex', 27, 605)}`],
    noMatch: ['NRAA-short'],
  }, { minEntropy: 3 }),
  // The browser agent's key goes into every page's snippet: its copy under a name or in a file that says so is public, as
  // a publishable key is; the same key with nothing to say whose it is (a list of keys, a chat) is still reported.
  tokenRule('new-relic-browser-api-token', 'New Relic browser ingest key (NRJS-/NRBR-); not inside the browser agent\'s own `NREUM.info` snippet, which every page ships, nor under a name or in a file that says it is the browser\'s copy (`js_license_key`, `NEW_RELIC_BROWSER_KEY`, front-end code)', 'NR(?:JS|BR)-', '[a-f0-9]{19}', {
    match: [`NRJS-${fake('hex', 19, 606)}`, `newrelic_ingest_key: NRJS-${fake('hex', 19, 606)}`],
    noMatch: ['NRJS-short', `NREUM.info = { beacon: "bam.nr-data.net", licenseKey: "NRJS-${fake('hex', 19, 607)}", sa: 1 };`, `browser_monitoring:\n  js_license_key: 'NRJS-${fake('hex', 19, 608)}'`, `NEW_RELIC_BROWSER_KEY=NRJS-${fake('hex', 19, 609)}`],
  }, { keywords: ['nrjs-', 'nrbr-'], minEntropy: 3, validate: (s, ctx) => isServerSideBrowserAgentKey(s, ctx) }),
  tokenRule('new-relic-insert-key', 'New Relic Insights insert key (NRII-)', 'NRII-', '[\\w-]{32}', {
    match: [`NEW_RELIC_INSERT_KEY=NRII-${fake('b64url', 32, 607)}`],
    noMatch: ['NRII-short'],
  }, { minEntropy: 3 }),
  tokenRule('new-relic-insights-query-key', 'New Relic Insights query key (NRIQ-)', 'NRIQ-', '[\\w-]{32}', {
    match: [`NRIQ-${fake('b64url', 32, 608)}`],
    noMatch: ['NRIQ-short'],
  }, { minEntropy: 3 }),
  tokenRule('new-relic-license-key', 'New Relic ingest license key (40 characters ending in NRAL)', '', '[a-z0-9]{36}NRAL', {
    match: [`NEW_RELIC_LICENSE_KEY=${fake('hex', 36, 609)}NRAL`],
    noMatch: [`${fake('hex', 30, 609)}NRAL`],
  }, { keywords: ['nral'], minEntropy: 3, lead: '\\b', tail: '\\b' }),
  {
    id: 'new-relic-license-key-entry',
    category: 'KEY',
    description:
      "A New Relic license key (40 hex, or 36 hex and `NRAL`) under `license` / `license_key` inside an entry named for New Relic (PHP's `'newrelic' => ['license' => '…']`, `newrelic: { license: '…' }`, YAML under `newrelic:`)",
    keywords: ['newrelic', 'new_relic', 'new-relic'],
    // `license` says nothing alone (a product's licence, an SPDX id); inside the agent's entry it is the ingest key,
    // and the value must have its shape. The entry's other members are read up to 400 characters, not past a bracket.
    pattern:
      /new[_\-]?relic[\w\-]{0,40}["']?[ \t]{0,4}(?:=>|=|:)[ \t]{0,4}(?:[\[{(]|array[ \t]{0,4}\()?[^\[\]{}()]{0,400}?\blicen[cs]e(?:[_\-]?key|Key)?["']?[ \t]{0,4}(?:=>|=|:)[ \t]{0,4}["']?([0-9a-f]{40}|[0-9a-f]{36}NRAL)(?![\w\-])/i,
    startsAtKeyword: true,
    secretGroup: 1,
    minEntropy: 3,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        `$agents = ['newrelic' => ['license' => '${fake('hex', 40, 9401)}']];`,
        `const agents = { newRelic: { appName: 'checkout', license: "${fake('hex', 36, 9402)}NRAL" } };`,
        `newrelic:\n  app_name: checkout\n  license: ${fake('hex', 40, 9403)}\n`,
      ],
      noMatch: [
        `$agents = ['newrelic' => ['license' => getenv('NEW_RELIC_LICENSE_KEY')]];`,
        `$agents = ['newrelic' => ['appname' => 'checkout'], 'sentry' => ['license' => '${fake('hex', 40, 9404)}']];`,
        `newrelic:\n  license: 0000000000000000000000000000000000000000\n`,
        `"newrelic": "^11.2.0",\n"license": "MIT"`,
      ],
    },
  },
  contextRule('new-relic-user-api-id', 'New Relic legacy API key (64 characters) next to a New Relic name', ['new[_\\-]?relic'], '[a-z0-9]{64}', {
    match: [`NEWRELIC_API_KEY=${fake('lowernum', 64, 610)}`],
    noMatch: ['NEWRELIC_APP_NAME=my-app'],
  }, { keywords: ['newrelic', 'new-relic', 'new_relic'], minEntropy: 3.5 }),
  {
    id: 'sentry-org-token',
    category: 'KEY',
    description: 'Sentry organization auth token (sntrys_ + base64 JSON claims + signature)',
    keywords: ['sntrys_eyjpyxqio'],
    pattern: /\b(sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,800}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/])/,
    secretGroup: 1,
    minEntropy: 4.5,
    confidence: 'high',
    examples: {
      match: [`SENTRY_AUTH_TOKEN=sntrys_eyJpYXQiOjE3MjkyNzg1ODEuMDgxMTUzLCJ1cmwiOiJodHRwczovL3NlbnRyeS5pbyIsInJlZ2lvbl91cmwiOiJodHRwczovL3VzLnNlbnRyeS5pbyIsIm9yZyI6ImFjbWUifQ==_${fake('b64', 43, 611)}`],
      noMatch: ['sntrys_eyJpYXQiOshort_abc'],
    },
  },
  tokenRule('sentry-user-token', 'Sentry user auth token (sntryu_)', 'sntryu_', HEX(64), {
    match: [`SENTRY_AUTH_TOKEN=sntryu_${fake('hex', 64, 612)}`],
    noMatch: ['sntryu_short'],
  }, { minEntropy: 3.5 }),
  contextRule('sentry-access-token', 'Sentry legacy auth token (64 hex) next to a Sentry name', ['sentry'], HEX(64), {
    match: [`SENTRY_AUTH_TOKEN=${fake('hex', 64, 613)}`],
    noMatch: [`SENTRY_RELEASE=${fake('hex', 40, 613)}`, `SENTRY_BUNDLE_CHECKSUM=${fake('hex', 64, 9613)}`],
  }, { minEntropy: 3, validate: notPlaceholder, confidence: 'high' }),
  {
    id: 'sentry-dsn-key',
    category: 'KEY',
    description:
      "Sentry DSN's key (`https://<32 hex>@o1.ingest.sentry.io/42`), in a server's configuration and in the copies clients ship alike (front-end config, app manifests, `VITE_SENTRY_DSN`): anyone holding it posts events into the project",
    keywords: ['sentry', 'dsn'],
    pattern: SENTRY_DSN,
    secretGroup: 1,
    minEntropy: 3,
    validate: isSentryDsnKey,
    confidence: 'medium',
    examples: {
      match: [
        `SENTRY_DSN=https://${fake('hex', 32, 9620)}@o448812.ingest.sentry.io/5513377`,
        `sentry:\n  dsn: "https://${fake('hex', 32, 9621)}@o4505112.ingest.us.sentry.io/4505112240"`,
        `sentry_sdk.init(dsn="https://${fake('hex', 32, 9622)}@o4506712.ingest.sentry.io/4506712380", traces_sample_rate=0.2)`,
        `ENV SENTRY_DSN=https://${fake('hex', 32, 9623)}@sentry.acme.corp/7`,
        `VITE_SENTRY_DSN=https://${fake('hex', 32, 9624)}@o4505123.ingest.sentry.io/4505124001`,
        `NEXT_PUBLIC_SENTRY_DSN: "https://${fake('hex', 32, 9625)}@o450123.ingest.sentry.io/5512345"`,
        `<meta-data android:name="io.sentry.dsn" android:value="https://${fake('hex', 32, 9626)}@o4507.ingest.sentry.io/4507923175" />`,
      ],
      noMatch: [
        'Sentry.init({ dsn: "https://<key>@o0.ingest.sentry.io/0" })',
        'SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0',
        'SENTRY_DSN=https://00000000000000000000000000000000@o0.ingest.sentry.io/0',
        `SENTRY_DSN=https://${fake('hex', 32, 9627)}:${fake('hex', 32, 9628)}@sentry.acme.corp/7`,
        `SENTRY_RELEASE=${fake('hex', 40, 9629)}`,
      ],
    },
  },
  tokenRule('grafana-api-key', 'Grafana API key (base64 JSON starting eyJrIjoi)', 'eyJrIjoi', '[A-Za-z0-9]{70,400}={0,3}', {
    match: [`GRAFANA_API_KEY=eyJrIjoi${fake('alnum', 90, 614)}`],
    noMatch: ['eyJrIjoishort'],
  }, { keywords: ['eyjrijoi'], minEntropy: 3, tail: '(?![A-Za-z0-9+/=])' }),
  tokenRule('grafana-cloud-api-token', 'Grafana Cloud access policy / API token (glc_)', 'glc_', '[A-Za-z0-9+/]{32,400}={0,3}', {
    match: [`loki_key: glc_eyJvIjoi${fake('b64', 80, 615)}==`],
    noMatch: ['API_KEY="glc_111111111111111111111111111111111111111111="', 'static void GLC_CreateLightmapTextureArray(void);'],
  }, { minEntropy: 3, tail: '(?![A-Za-z0-9+/=])' }),
  tokenRule('grafana-service-account-token', 'Grafana service account token (glsa_)', 'glsa_', '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}', {
    match: [`'Authorization': 'Bearer glsa_${fake('alnum', 32, 616)}_${fake('hex', 8, 617)}'`],
    noMatch: ['glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA'],
  }, { minEntropy: 3 }),
  // Today's keys carry a 26-character key id and a 32-character secret after the prefix; the prefix
  // alone names the key, so a body of a secret's length or more is one whatever the split.
  tokenRule('honeycomb-ingest-key', 'Honeycomb ingest or configuration key (hcaik_/hcxik_/hcamk_/hcxmk_)', 'hc[ax](?:ik|mk|lk)_', '[a-z0-9]{32,64}', {
    match: [`HONEYCOMB_API_KEY=hcaik_${fake('lowernum', 58, 618)}`, `x-honeycomb-team: hcxik_${fake('lowernum', 50, 9611)}`],
    noMatch: ['hcaik_short', `hcaik_${fake('lowernum', 24, 9612)}`],
  }, { keywords: ['hcaik_', 'hcxik_', 'hcamk_', 'hcxmk_', 'hcalk_', 'hcxlk_'], minEntropy: 3.5 }),
  // An environment's configuration key is 22 letters and digits; a classic key 32, issued as hex and written as any
  // 32 letters and digits (lower case only in an OpenTelemetry collector's `x-honeycomb-team:` header): the header is
  // sent with nothing but the key.
  contextRule('honeycomb-api-key', 'Honeycomb API key (22 or 32 letters and digits) next to a Honeycomb name', ['honeycomb', 'x-honeycomb-team'], '[A-Za-z0-9]{22}|[A-Za-z0-9]{32}', {
    match: [
      `HONEYCOMB_API_KEY=${fake('alnum', 22, 619)}`,
      `      x-honeycomb-team: ${fake('lowernum', 32, 9613)}`,
      `OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=${fake('alnum', 32, 9614)},x-honeycomb-dataset=prod"`,
      `req.Header.Set("X-Honeycomb-Team", "${fake('hex', 32, 9618)}")`,
    ],
    noMatch: [
      'HONEYCOMB_DATASET=prod',
      'x-honeycomb-team: ${HONEYCOMB_API_KEY}',
      'x-honeycomb-dataset: trackside-telemetry-pipeline-2024',
      'honeycomb_query_url = https://ui.honeycomb.io/acme/environments/prod',
      `x-honeycomb-team: ${'x'.repeat(32)}`,
      'x-honeycomb-team: thequickbrownfoxjumpsoverthelazy',
    ],
  }, { keywords: ['honeycomb'], minEntropy: 3.5 }),
  tokenRule('dynatrace-api-token', 'Dynatrace API token (dt0c01.)', 'dt0c01\\.', '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}', {
    match: [`DT_API_TOKEN=dt0c01.${fake('uppernum', 24, 620)}.${fake('uppernum', 64, 621)}`],
    noMatch: ['dt0c01.short.short'],
  }, { keywords: ['dt0c01.'], minEntropy: 4 }),
  contextRule('lightstep-access-token', 'Lightstep / ServiceNow Cloud Observability access token next to a Lightstep name', ['lightstep'], '[A-Za-z0-9+/=]{84,200}', {
    match: [`LIGHTSTEP_ACCESS_TOKEN=${fake('b64', 100, 622)}`],
    noMatch: ['LIGHTSTEP_ACCESS_TOKEN=short'],
  }, { minEntropy: 4 }),
  contextRule('rollbar-access-token', 'Rollbar access token (32 hex) next to a Rollbar name', ['rollbar'], HEX(32), {
    match: [`ROLLBAR_ACCESS_TOKEN=${fake('hex', 32, 623)}`],
    noMatch: ['ROLLBAR_ENV=production'],
  }, { minEntropy: 3, validate: notPlaceholder, confidence: 'high' }),
  contextRule('bugsnag-api-key', 'Bugsnag API key (32 hex) next to a Bugsnag name', ['bugsnag'], HEX(32), {
    match: [`BUGSNAG_API_KEY=${fake('hex', 32, 624)}`],
    noMatch: ['BUGSNAG_RELEASE_STAGE=prod'],
  }, { minEntropy: 3, validate: notPlaceholder }),
  contextRule('sumologic-access-id', 'Sumo Logic access id (su + 12) next to a Sumo name', ['[Ss]umo', 'SUMO'], 'su[A-Za-z0-9]{12}', {
    match: [`sumologic_access_id = "su${fake('alnum', 12, 625)}"`, `SUMO_ACCESS_ID = "su${fake('alnum', 12, 626)}"`],
    noMatch: ['sumObj = suGyI5imvADdvU', 'export SUMOLOGIC_ACCESSID=XXXXXXXXXXXXXX'],
  }, { keywords: ['sumo'], exactNames: true, minEntropy: 3, category: 'CRED' }),
  contextRule('sumologic-access-token', 'Sumo Logic access key (64 characters) next to a Sumo name', ['[Ss]umo', 'SUMO'], ALNUM(64), {
    match: [`SUMO_ACCESS_KEY: ${fake('alnum', 64, 627)}`],
    noMatch: [`sumOfExposures = ${fake('alnum', 64, 627)};`, `#   SUMO_ACCESS_KEY=${'x'.repeat(64)}`],
  }, { keywords: ['sumo'], exactNames: true, minEntropy: 3 }),
  contextRule('splunk-hec-token', 'Splunk HTTP Event Collector token (a UUID) next to a Splunk/HEC name', ['splunk', 'hec[_.\\-]?token'], UUID, {
    match: ['SPLUNK_HEC_TOKEN=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['SPLUNK_INDEX=main', 'splunk_index_guid: 4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
  }, { keywords: ['splunk', 'hec_token', 'hec-token', 'hectoken'], validate: notPlaceholder }),
  contextRule('logzio-token', 'Logz.io shipping or API token next to a Logz.io name', ['logz'], '[A-Za-z0-9]{32}|' + UUID, {
    match: [`LOGZIO_TOKEN=${fake('alnum', 32, 628)}`],
    noMatch: ['LOGZIO_LISTENER=listener.logz.io'],
  }, { minEntropy: 3.5 }),
  {
    id: 'logzio-token-in-block',
    category: 'TOKEN',
    description:
      'A Logz.io shipping token (32 letters, maybe all small) in the token field of settings that name Logz.io: a logback appender of class `io.logz.logback.LogzioLogbackAppender`, a Python `LogzioHandler`, a listener URL\'s `?token=`',
    keywords: ['logz'],
    pattern: LOGZIO_TOKEN_FIELD,
    secretGroup: 1,
    find: findLogzioBlockTokens,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        '<appender name="LOGZIO" class="io.logz.logback.LogzioLogbackAppender">\n    <token>qwnrtzkpbxvmhsdlcfgjytrwqknbzplm</token>\n    <logzioUrl>https://listener.logz.io:8071</logzioUrl>\n</appender>',
        "'logzio': {'class': 'logzio.handler.LogzioHandler', 'token': 'hvkdtrnwpzqbxlmsgfcjrtvkwnpqzhdb', 'logzio_type': 'api'}",
      ],
      noMatch: [
        '<appender name="LOGZIO" class="io.logz.logback.LogzioLogbackAppender">\n    <token>yourlogziopersonaltokenfromsetti</token>\n</appender>',
        '<appender name="LOGZIO" class="io.logz.logback.LogzioLogbackAppender">\n    <token>${LOGZIO_TOKEN}</token>\n</appender>',
        '<appender name="SLACK" class="com.github.maricn.logback.SlackAppender">\n    <token>qwnrtzkpbxvmhsdlcfgjytrwqknbzplm</token>\n</appender>',
      ],
    },
  },
  contextRule('loggly-token', 'Loggly customer token (a UUID) next to a Loggly name', ['loggly'], UUID, {
    match: ['LOGGLY_TOKEN=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['LOGGLY_TAG=web'],
  }, { validate: notPlaceholder }),
  {
    // QRadar's REST API takes its authorized-service token in a header of its own, `SEC: <uuid>`; the header's
    // short name says nothing by itself, so the file must name QRadar near it (the request's URL, a log line's words).
    id: 'qradar-sec-token',
    category: 'KEY',
    description: "IBM QRadar authorized-service token (a UUID) in its `SEC` header or field (`SEC: …`, `\"SEC\": \"…\"`, `SEC=…`) where QRadar is named nearby",
    keywords: ['sec:', 'sec=', '"sec"', "'sec'"],
    startsAtKeyword: true,
    pattern: /(?<![\w-])(?:"[Ss][Ee][Cc]"|'[Ss][Ee][Cc]'|[Ss][Ee][Cc])[ \t]{0,4}[:=][ \t]{0,4}["']?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![\w-])/,
    secretGroup: 1,
    validate: (secret, ctx) => notPlaceholder(secret) && namesQradarNear(ctx.text, ctx.matchStart, ctx.matchEnd),
    confidence: 'high',
    examples: {
      match: [
        "curl -s -H 'SEC: 3c9d2f61-8a47-4e0b-9b15-d27e6a40c8f3' https://qradar.corp.example/api/siem/offenses",
        'QRADAR_URL = "https://siem.example/api"\nheaders = {"SEC": "3c9d2f61-8a47-4e0b-9b15-d27e6a40c8f3", "Version": "19.0"}',
        'WARN qradar poll failed status=401 SEC=3c9d2f61-8a47-4e0b-9b15-d27e6a40c8f3',
      ],
      noMatch: [
        "curl -H 'SEC: 3c9d2f61-8a47-4e0b-9b15-d27e6a40c8f3' https://api.example.com/v1/items",
        'qradar poll took timeout_sec=3c9d2f61-8a47-4e0b-9b15-d27e6a40c8f3',
        "qradar: curl -H 'SEC: 00000000-0000-0000-0000-000000000000'",
      ],
    },
  },
  {
    // The HTTP/S event endpoints carry the customer token in the path, far from any `loggly` name a context rule reads.
    id: 'loggly-input-url-token',
    category: 'KEY',
    description: 'Loggly customer token in the path of an HTTP/S event endpoint (`logs-01.loggly.com/inputs/…` or `/bulk/…`)',
    keywords: ['loggly.com/inputs/', 'loggly.com/bulk/'],
    pattern: /\bloggly\.com\/(?:inputs|bulk)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/i,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: ['<Http name="Loggly" url="https://logs-01.loggly.com/inputs/788e9179-f740-4a4c-b988-b61b5b316de3/tag/http/">'],
      noMatch: ['https://logs-01.loggly.com/inputs/TOKEN/tag/http/', 'https://www.loggly.com/docs/http-endpoint/'],
    },
  },
  {
    // Backtrace's crash submission endpoints carry the submission token in the URL (Unreal's `DataRouterUrl`,
    // Crashpad's upload URL, a Unity or console SDK's config), where no name says token.
    id: 'backtrace-submission-url-token',
    category: 'KEY',
    description: 'Backtrace submission token (64 hex) in a crash upload URL (`submit.backtrace.io/<universe>/<token>/minidump`, `<universe>.sp.backtrace.io:6098/post?…&token=…`)',
    keywords: ['backtrace.io'],
    pattern: /\b(?:submit\.backtrace\.io\/[\w.-]{1,100}\/|\.sp\.backtrace\.io(?::\d{1,5})?\/post\?(?:[^\s"'#]{0,300}&)?token=)([0-9a-f]{64})(?![0-9a-z])/i,
    secretGroup: 1,
    validate: notPlaceholder,
    confidence: 'high',
    examples: {
      match: [
        'DataRouterUrl="https://submit.backtrace.io/skyforge/72d33b2d3e325fc91949f1ec3b170d8411d617ad9e1172fc7e63898bafe1f0dc/minidump"',
        'url: https://acme.sp.backtrace.io:6098/post?format=minidump&token=0648c8bd145732ce6a0b220973f7e3d64647331355963cac294da1294416a99a',
      ],
      noMatch: ['https://submit.backtrace.io/your-universe/YOUR_SUBMISSION_TOKEN/minidump', 'https://docs.saucelabs.com/error-reporting/platform-integrations/unreal/setup/', 'https://submit.backtrace.io/acme/0000000000000000000000000000000000000000000000000000000000000000/json'],
    },
  },
  contextRule('elastic-cloud-api-key', 'Elastic / Elastic Cloud API key next to an Elastic name', ['elastic'], '[A-Za-z0-9_=\\-]{40,120}', {
    match: [`ELASTIC_API_KEY=${fake('b64url', 60, 629)}==`.replace('==', '')],
    noMatch: ['ELASTIC_CLOUD_ID=my-deployment'],
  }, { nameTail: 'key|token|secret', minEntropy: 4 }),
  contextRule('mixpanel-api-secret', 'Mixpanel API secret (32 hex) next to a Mixpanel name', ['mixpanel'], HEX(32), {
    match: [`MIXPANEL_API_SECRET=${fake('hex', 32, 630)}`],
    noMatch: ['MIXPANEL_PROJECT=web'],
  }, { nameTail: 'secret|key', minEntropy: 3, validate: notPlaceholder }),
  contextRule('segment-write-key', 'Segment write key or public API token next to a Segment name', ['segment'], '[A-Za-z0-9]{32}|sgp_[A-Za-z0-9]{64}', {
    match: [`SEGMENT_WRITE_KEY=${fake('alnum', 32, 631)}`, `SERVER_SEGMENT_WRITE_KEY=${fake('alnum', 32, 640)}`],
    noMatch: [
      'SEGMENT_WRITE_KEY=short',
      `const SEGMENT_WRITE_KEY = "${fake('alnum', 32, 637)}";\nexport const analytics = AnalyticsBrowser.load({ writeKey: SEGMENT_WRITE_KEY });`,
      // Under a front-end framework's public prefix: built into the page's bundle, as Segment means it to be.
      `VITE_SEGMENT_WRITE_KEY=${fake('alnum', 32, 638)}`,
      `NEXT_PUBLIC_SEGMENT_WRITE_KEY=${fake('alnum', 32, 639)}`,
    ],
  }, { nameTail: 'key|token|secret', minEntropy: 3.5, validate: (secret, context) => looksRandom(secret) && !isBrowserLoadedWriteKey(context.text, context.matchEnd - secret.length, secret, context.file) }),
  // The Public API token manages a Segment workspace ("public" names the API, not the token). Its 64 mixed-case
  // characters tell it from Sourcegraph's sgp_ tokens (hex).
  tokenRule('segment-public-api-token', 'Segment Public API token (sgp_ + 64 letters and digits)', 'sgp_', '[A-Za-z0-9]{64}', {
    match: [`"publicApiToken": "sgp_${fake('alnum', 64, 635)}"`],
    noMatch: ['sgp_short', `sgp_${fake('hex', 40, 636)}`],
  }, { minEntropy: 4 }),
  // Amplitude's API key is the browser SDK's (public by Amplitude's own account); its secret key is the secret.
  contextRule('amplitude-api-key', 'Amplitude secret key (32 hex) next to an Amplitude name', ['amplitude'], HEX(32), {
    match: [`AMPLITUDE_SECRET_KEY=${fake('hex', 32, 632)}`],
    noMatch: ['AMPLITUDE_SERVER_ZONE=EU', `AMPLITUDE_API_KEY=${fake('hex', 32, 634)}`],
  }, { nameTail: 'secret', minEntropy: 3, validate: notPlaceholder }),
  tokenRule('posthog-personal-api-key', 'PostHog personal, secret, refresh or app key (phx_/phs_/phr_/pha_); project keys (phc_) are public', 'ph[xsra]_', '[A-Za-z0-9]{40,80}', {
    match: [`POSTHOG_PERSONAL_API_KEY=phx_${fake('alnum', 43, 633)}`],
    noMatch: [`NEXT_PUBLIC_POSTHOG_KEY=phc_${fake('alnum', 43, 633)}`],
  }, { keywords: ['phx_', 'phs_', 'phr_', 'pha_'], minEntropy: 4 }),
  contextRule('pagerduty-api-key', 'PagerDuty REST API key next to a PagerDuty name', ['pager[_.\\-]?duty'], '[\\w+\\-]{20}', {
    match: [`PAGERDUTY_API_KEY=${fake('b64url', 20, 634)}`],
    noMatch: ['PAGERDUTY_SERVICE=web'],
  }, { keywords: ['pagerduty', 'pager_duty', 'pager-duty', 'pager.duty'], minEntropy: 3.5 }),
  contextRule('pagerduty-integration-key', 'PagerDuty Events integration/routing key (32 hex) next to a PagerDuty name', ['pager[_.\\-]?duty'], HEX(32), {
    match: [`PAGERDUTY_ROUTING_KEY=${fake('hex', 32, 635)}`],
    noMatch: ['PAGERDUTY_ROUTING_KEY=short'],
  }, { keywords: ['pagerduty', 'pager_duty', 'pager-duty', 'pager.duty'], minEntropy: 3, validate: notPlaceholder }),
  {
    id: 'pagerduty-integration-key-map',
    category: 'KEY',
    description: 'PagerDuty integration/routing keys (32 hex) as the values of a map named for PagerDuty, one per service (Terraform `pagerduty_services = { payments = "…" }`, JSON `"pagerduty_keys": { … }`)',
    keywords: ['pagerduty', 'pager_duty', 'pager-duty', 'pager.duty'],
    pattern: MAP_ENTRY_HEX32,
    secretGroup: 1,
    find: findPagerDutyMapKeys,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `locals {\n  pagerduty_routing = {\n    checkout = "${fake('hex', 32, 640)}"\n    search   = "${fake('hex', 32, 641)}"\n  }\n}`,
        `{ "pagerdutyKeys": { "api": "${fake('hex', 32, 642)}" } }`,
      ],
      noMatch: [
        'pagerduty_services = {\n  checkout = "PX4K2QZ"\n  search   = "P9LM3TR"\n}',
        `pagerduty_services = {\n  checkout = var.checkout_key\n}\nother = { k = "${fake('hex', 32, 643)}" }`,
        'pagerduty_routing = {\n  checkout = "00000000000000000000000000000000"\n}',
      ],
    },
  },
  {
    id: 'pagerduty-integration-key-line',
    category: 'KEY',
    description: 'A PagerDuty integration/routing key (32 hex) on a line that names PagerDuty and its routing, integration or service key, in any words (`Alert routing key for PagerDuty service "SMSC": `…``)',
    keywords: ['pagerduty', 'pager duty', 'pager_duty', 'pager-duty'],
    pattern: LONE_HEX32,
    secretGroup: 1,
    find: findPagerDutyKeysInLines,
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [`- Routing key for the PagerDuty service "Checkout": \`${fake('hex', 32, 650)}\``, `The Pager Duty integration key of the billing service is ${fake('hex', 32, 651)}.`],
      noMatch: [`PagerDuty service "Checkout" (PX4K2QZ), runbook commit ${fake('hex', 40, 652)}`, `PagerDuty incident 4411 closed; artifact md5 ${fake('hex', 32, 653)}`],
    },
  },
  {
    id: 'pagerduty-key-near-words',
    category: 'KEY',
    description: 'A PagerDuty Events integration key (32 hex) a few words after its noun (routing, integration, service or Events key) within two lines after PagerDuty is named, or an Event Orchestration routing key (`R0` and 30 letters and digits) within three lines after PagerDuty or a routing or integration key is named',
    keywords: ['pagerduty', 'pager duty', 'pager_duty', 'pager-duty', 'pager.duty', 'routing key', 'routing-key', 'routing_key', 'integration key', 'integration-key', 'integration_key'],
    pattern: LONE_HEX32,
    secretGroup: 1,
    find: (text, _options, offsets = []) => [
      ...findShapeAfterWords(text, offsets, PAGERDUTY_KEY_AFTER_WORDS),
      ...findShapeAfterWords(text, offsets, PAGERDUTY_ROUTING_KEY_AFTER_WORDS),
    ],
    anchored: true,
    confidence: 'medium',
    examples: {
      match: [
        `3. Page the on-call: PagerDuty service "Boiler Room".\n   Integration key for the wall tablet:\n   \`${fake('hex', 32, 6541)}\``,
        `The alert routing key lived only in the console.\nFor the record it was \`R0${fake('alnum', 30, 6542)}\` until the rotation.`,
      ],
      noMatch: [
        `PagerDuty incident PX4K2QZ opened.\nTrace id of the job: ${fake('hex', 32, 6543)}`,
        `PagerDuty integration key rotated. Build ${fake('hex', 32, 6544)} is green.`,
        `The routing key is orders.created.\nRelease R0${'0'.repeat(30)}`,
      ],
    },
  },
  // Opsgenie names teams, schedules and integrations by UUIDs too: a UUID under a name that ends in id is one of those.
  contextRule('opsgenie-api-key', 'Opsgenie API key (a UUID) next to an Opsgenie name, not under a name ending in id (`OPSGENIE_TEAM_ID`)', ['opsgenie'], UUID, {
    match: ['OPSGENIE_API_KEY=4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['OPSGENIE_TEAM=ops', 'opsgenie_schedule_id = "9b2d54e0-7c1a-4f3e-8a65-2d0c41b7e9f3"', 'OPSGENIE_TEAM_ID: 9b2d54e0-7c1a-4f3e-8a65-2d0c41b7e9f3'],
  }, { validate: (s, ctx) => notPlaceholder(s) && !NAME_ENDS_IN_ID.test(ctx.text.slice(ctx.matchStart, ctx.matchEnd - s.length)) }),
  tokenRule('axiom-token', 'Axiom API or personal token (xaat-/xapt-)', 'xa[ap]t-', UUID, {
    match: ['AXIOM_TOKEN=xaat-4ea38b7b-f563-4709-8bae-87aeaf14f0c1'],
    noMatch: ['xaat-short'],
  }, { keywords: ['xaat-', 'xapt-'] }),
  tokenRule('coralogix-api-key', 'Coralogix send-your-data / API key (cxtp_/cxup_)', 'cx(?:tp|up)_', '[A-Za-z0-9]{30}', {
    match: [`CORALOGIX_PRIVATE_KEY=cxtp_${fake('alnum', 30, 636)}`],
    noMatch: ['cxtp_short'],
  }, { keywords: ['cxtp_', 'cxup_'], minEntropy: 3.5 }),
  contextRule('appdynamics-client-secret', 'AppDynamics API client secret or access key next to an AppDynamics name', ['appdynamics', 'appd'], '[A-Za-z0-9\\-]{36,64}', {
    match: [`APPDYNAMICS_AGENT_ACCOUNT_ACCESS_KEY=${fake('alnum', 36, 637)}`],
    noMatch: ['APPDYNAMICS_AGENT_ACCOUNT_NAME=acme'],
  }, { nameTail: 'secret|access_?key|token', minEntropy: 3.5 }),
  contextRule('instana-agent-key', 'Instana agent key or API token next to an Instana name', ['instana'], '[\\w\\-]{22,40}', {
    match: [`INSTANA_AGENT_KEY=${fake('b64url', 22, 638)}`],
    noMatch: ['INSTANA_ZONE=prod'],
  }, { nameTail: 'key|token', minEntropy: 3.5, validate: (s) => notPlaceholder(s) && mixesClasses(s, 2) }),
];
