import type { Category, Rule, Span } from '../../types.js';
import { hasCountingRun } from '../../secret-value.js';
import { commentSaysNoSecret } from '../value-comments.js';

/**
 * Building blocks for provider rules. Every pattern built here is linear-time: each
 * quantifier is bounded, nothing repeats a group that itself repeats, and the leading
 * part of a context pattern is a literal key name, so the regex engine only does real
 * work where the prefilter keyword already occurs.
 */

/** Characters that may continue a token; a match must not stop or start inside such a run. */
const TOKEN_CHAR = String.raw`[\w\-]`;

/**
 * What may follow a value in an assignment: a quote, space, separator, markup, escape or the end. An escaped quote
 * closes a literal inside another one (Gradle's `buildConfigField "String", "MAPS_KEY", "\"AIza…\""`, JSON in a string).
 */
const VALUE_END = String.raw`(?=$|[\s"'\x60;,)\]}<>&|]|\\[nrt"'\x60])`;

/**
 * Between a key name and its value: the rest of the name (`DATADOG_API_KEY`,
 * `datadog.apiKey`, `"datadogKey": `, `key="DatadogKey" value=`), an operator (a type
 * annotation such as `: str =` or Rust's `: &str =` included), quotes. Before the operator
 * up to 40 blanks: gofmt and Terraform pad a block's names to align its `=` in a column.
 * The gap may not cross a newline, so a provider word on one line cannot vouch for a value
 * on another — except for the first key of a block the provider's name opens (below).
 */
const NAME_TAIL = String.raw`[\w.\-]{0,32}`;
const OPERATOR = String.raw`["'\x60\]]{0,2}(?:[ \t]{0,40}(?:[:=]{1,4}|\?=|=>|\|\||,|>|[ \t]value=|:[ \t]{0,4}&?[A-Za-z_][\w.\[\]|]{0,24}[ \t]{0,4}=)|[ \t]{1,4})[ \t]{0,4}`;
const OPEN_QUOTE = String.raw`[("'\x60 \t]{0,4}`;
/**
 * An SDK client built on the provider's name with its key as the first argument (`new postmark.ServerClient('…')`,
 * Ruby's `Mailgun::Client.new('…')`, Go's `mailgun.NewMailgun(domain, "…")`, `MailgunClient.config("https://…", "…")`,
 * `Acme.init("…")`): the callee ends in a word that builds or configures a client, or is the provider's name after
 * `new`/`New` or after its module's (`mandrill.Mandrill('…')`, the class the module is named for), so an ordinary
 * method's argument (`airtable.table("app…")`) is not read. A base URL or a domain given
 * before the key, as some SDKs take it, is stepped over; any other first argument is not.
 */
const CLIENT_CALLEE_WORDS = 'client|api|sdk|config|configure|init|initialize|new|connect';
const CALL_ARGUMENT = String.raw`[ \t]{0,4}\([ \t]{0,4}(?:\r?\n[ \t]{0,40})?(?:["'](?:https?:\/\/[^"'\s]{1,200}|[A-Za-z0-9][\w\-]{0,62}\.[\w.\-]{1,190})["'][ \t]{0,4},[ \t]{0,4}(?:\r?\n[ \t]{0,40})?)?`;
/**
 * Key names that hold a secret inside a provider's block. A block opened by the provider's
 * name may hold its secret on the next line (`datadog:\n  api_key: …`, `[datadog]\napi_key
 * = …`, `"datadog": {"apiKey": …}`): only the first key of the block is read, and only when
 * its name says it is a secret.
 */
const SECRET_KEY_WORDS = 'key|token|secret|pass|pwd|auth|cred';

/**
 * `datadog` → `[dD][aA]…`: the key name is matched in any case while the value keeps its
 * case (the engine adds no `i` flag). Escapes and bracket classes are left as written, so
 * a name may be a small regex such as `new[_.\\-]?relic`.
 */
export function anyCase(source: string): string {
  // Built once per distinct source: hundreds of rules share names and key words, and all of
  // them are built before the first scan.
  let folded = anyCaseCache.get(source);
  if (folded === undefined) anyCaseCache.set(source, (folded = foldCase(source)));
  return folded;
}
const anyCaseCache = new Map<string, string>();

function foldCase(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      out += ch + source.charAt(i + 1);
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (isAsciiLetter(ch) && !endsInGroupSyntax(out)) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Whether `out` ends in `(?`, `(?<`, `(?=`, `(?!`, `(?<=` or `(?<!`: a letter there is group syntax, not a name. */
export function endsInGroupSyntax(out: string): boolean {
  let end = out.length;
  if (end > 0 && (out.charCodeAt(end - 1) === 0x3d || out.charCodeAt(end - 1) === 0x21)) end--; // = !
  if (end > 0 && out.charCodeAt(end - 1) === 0x3c) end--; // <
  return end >= 2 && out.charCodeAt(end - 1) === 0x3f && out.charCodeAt(end - 2) === 0x28; // (?
}

function isAsciiLetter(ch: string): boolean {
  const c = ch.charCodeAt(0) | 32;
  return c >= 97 && c <= 122;
}

export interface ContextOptions {
  /** Regex source of what must precede the value (a provider name, e.g. `datadog`), matched in any case. */
  names: string[];
  /** Regex source of the value itself; it becomes capture group 1. */
  value: string;
  /** Regex source that must follow the provider name before the operator (e.g. `[\w.\-]{0,12}(?:secret)`). */
  nameTail?: string;
  /** Match the names exactly as written (for names that are also everyday words, e.g. `Sumo`/`sumOf`). */
  exactNames?: boolean;
}

/**
 * A value that only means something next to the provider's name:
 * `<name>…[:=]…<value>` on one line, with bounded gaps.
 */
export function inContext({ names, value, nameTail, exactNames }: ContextOptions): RegExp {
  const name = `(?:${(exactNames ? names : names.map(anyCase)).join('|')})`;
  const tail = nameTail === undefined ? NAME_TAIL : String.raw`[\w.\-]{0,24}?(?:${anyCase(nameTail)})[\w.\-]{0,16}`;
  const nestedKey = String.raw`[\w.\-]{0,24}?(?:${anyCase(nameTail ?? SECRET_KEY_WORDS)})[\w.\-]{0,16}`;
  const nested = String.raw`[\w.\-]{0,16}(?:["']?[ \t]{0,4}:[ \t]{0,4}\{?|\])[ \t]{0,4}\r?\n?[ \t]{0,16}["']?${nestedKey}["']?[ \t]{0,4}[:=][ \t]{0,4}`;
  // A rule whose name must say secret (`nameTail`) is not read from a call: its provider's public ids share the shape.
  const callee = String.raw`(?:[\w.:\-]{0,24}?(?:${anyCase(CLIENT_CALLEE_WORDS)})(?:\.[A-Za-z]{1,16})?|\.${name}|(?<=(?:\bnew[ \t]{1,4}|New)${name}))`;
  const call = nameTail === undefined ? `|${callee}${CALL_ARGUMENT}` : '';
  return new RegExp(`${name}(?:${tail}${OPERATOR}|${nested}${call})${OPEN_QUOTE}(?<![\\w+/])(${value})${VALUE_END}`);
}

/**
 * A self-identifying token: a literal prefix plus a body, not glued to other token
 * characters on either side.
 */
export function prefixed(prefix: string, body: string, options: { tail?: string; lead?: string } = {}): RegExp {
  const lead = options.lead ?? `(?<!${TOKEN_CHAR})`;
  const tail = options.tail ?? `(?!${TOKEN_CHAR})`;
  return new RegExp(`${lead}(${prefix}${body})${tail}`);
}

/** A token that ends where an assignment value would end (quote, space, separator, end). */
export function prefixedValue(prefix: string, body: string): RegExp {
  return prefixed(prefix, body, { tail: VALUE_END });
}

/**
 * Obvious stand-ins that documentation and tests put where a real token would go:
 * runs of `x`/`X`/`*`/`#`/`0`, `<…>`/`${…}`/`$VAR`/`%VAR%` templates, "your token here"
 * wording, and values that say "example" (AWS's documented keys, docs that copy them).
 */
export function isPlaceholder(secret: string): boolean {
  if (/(?:x{6}|X{6}|\*{4}|#{4}|\.{4}|0{12}|_{6})/.test(secret)) return true;
  if (/[<>{}]|\$\{|^\$[A-Za-z_(]|^%.*%$/.test(secret)) return true;
  if (/example/i.test(secret)) return true;
  if (/YOUR|_HERE|PLACEHOLDER|REDACTED|REPLACE_?ME|INSERT/i.test(secret)) return true;
  return false;
}

/** Validator for rules whose format is strong enough that only placeholders must be dropped. */
export function notPlaceholder(secret: string): boolean {
  return !isPlaceholder(secret);
}

/**
 * Validator for a key known by its shape alone, with no prefix of its own (Mailchimp's 32 hex + `-usN`): besides the
 * placeholders, a value counted up by hand (`0123456789abcdef0123456789abcdef-us14`) is a format shown, not a key,
 * and nothing else in it says "key". A prefixed token keeps its prefix's word for it: scanners' own test suites fill
 * `dapi…`/`glpat-…` bodies with counting runs and expect them caught, so `notPlaceholder` does not look for runs.
 */
export function notPlaceholderNorCounted(secret: string): boolean {
  return !isPlaceholder(secret) && !hasCountingRun(secret);
}

/** True when the text mixes at least `classes` of: lower case, upper case, digits. */
export function mixesClasses(secret: string, classes: number): boolean {
  let n = 0;
  if (/[a-z]/.test(secret)) n++;
  if (/[A-Z]/.test(secret)) n++;
  if (/[0-9]/.test(secret)) n++;
  return n >= classes;
}

/** Validator: not a placeholder and mixing at least two character classes. */
export function looksRandom(secret: string): boolean {
  return notPlaceholder(secret) && mixesClasses(secret, 2);
}

/** Common value shapes (regex source). */
export const HEX = (n: number | string) => `[a-f0-9]{${n}}`;
export const HEX_ANY = (n: number | string) => `[a-fA-F0-9]{${n}}`;
export const ALNUM = (n: number | string) => `[A-Za-z0-9]{${n}}`;
export const LOWER_ALNUM = (n: number | string) => `[a-z0-9]{${n}}`;
export const UUID = `[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}`;

/**
 * The literal text every match of `source` starts with: escaped punctuation unescaped,
 * up to the first construct that is not a plain character (a class, group, quantifier…).
 * A character a quantifier applies to is not part of it (`ab?` → `a`).
 */
export function leadingLiteral(source: string): string {
  let end = 0;
  let out = '';
  while (end < source.length) {
    const ch = source.charAt(end);
    const escaped = ch === '\\';
    const literal = escaped ? source.charAt(end + 1) : ch;
    // An escaped letter or digit is a class or an assertion (\d, \w, \b); a bare
    // punctuation character may be an operator: only plain runs and escaped punctuation count.
    if (escaped ? literal === '' || isWordChar(literal) : !isWordChar(ch) && !PLAIN_PUNCTUATION.includes(ch)) break;
    const width = escaped ? 2 : 1;
    const next = source.charAt(end + width);
    if (next !== '' && QUANTIFIERS.includes(next)) break;
    out += literal;
    end += width;
  }
  return out;
}

const PLAIN_PUNCTUATION = '_-:/!@#%&=,;\'"<> ';
const QUANTIFIERS = '?*+{';

function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** `a|b` outside any group or class: then the source's literal start says nothing of its other branches. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) return true;
  }
  return false;
}

/** A zero-width lead (a look-behind or `\b`): the match then starts at the prefix itself. */
function isZeroWidth(lead: string | undefined): boolean {
  return lead === undefined || lead === '\\b' || /^\(\?<[!=]/.test(lead);
}

/**
 * True when a match of a pattern opening with one of `starts` (regex sources) always
 * begins where one of `keywords` occurs: each keyword is a prefix of some start's literal
 * text, and each start's literal text begins with some keyword.
 */
export function opensWithKeyword(starts: readonly string[], keywords: readonly string[]): boolean {
  if (keywords.length === 0) return false;
  if (starts.some(hasTopLevelAlternation)) return false;
  const literals = starts.map((s) => leadingLiteral(s).toLowerCase());
  const lowered = keywords.map((k) => k.toLowerCase());
  return (
    literals.every((lit) => lowered.some((k) => k.length > 0 && lit.startsWith(k))) &&
    lowered.every((k) => literals.some((lit) => lit.startsWith(k)))
  );
}

/**
 * `rule` with a `pattern` built by `build` the first time it is read, then kept. A provider rule's pattern is a
 * regex source put together from parts (`inContext` case-folds every name): built at load, the ~345 of them (~190K
 * characters, each parsed by V8) were ~30 M of the ~1,057 M instructions the main thread of `takumo scan` of an empty
 * folder takes (callgrind), and most never run on a small input. The detector reads a pattern when the rule first runs.
 */
export function withPatternOnFirstRead(build: () => RegExp, rule: Omit<Rule, 'pattern'>): Rule {
  let pattern: RegExp | undefined;
  return Object.defineProperty(rule, 'pattern', { get: () => (pattern ??= build()), enumerable: true }) as Rule;
}

type RuleExamples = { match: string[]; noMatch: string[] };
type RuleOptions = Partial<Pick<Rule, 'category' | 'confidence' | 'minEntropy' | 'validate' | 'keywords' | 'paths'>>;

/**
 * A rule for a self-identifying token: `prefix` + `body`. Placeholders are dropped by
 * default; the keyword is the lower-cased literal prefix unless given. `lead: ''` opens the
 * pattern with no look-behind at all (a URL may follow anything, `${HOOK:-https://…}` too).
 */
export function tokenRule(
  id: string,
  description: string,
  prefix: string,
  body: string,
  examples: RuleExamples,
  options: RuleOptions & { literal?: string; tail?: string; lead?: string } = {},
): Rule {
  const literal = options.literal ?? prefix.replace(/\\/g, '');
  const keywords = options.keywords ?? [literal.toLowerCase()];
  const pattern = (): RegExp => prefixed(prefix, body, { ...(options.tail ? { tail: options.tail } : {}), ...(options.lead === undefined ? {} : { lead: options.lead }) });
  return withPatternOnFirstRead(pattern, {
    id,
    category: options.category ?? 'KEY',
    description,
    keywords,
    ...(isZeroWidth(options.lead) && opensWithKeyword([prefix], keywords) ? { startsAtKeyword: true } : {}),
    secretGroup: 1,
    ...(options.minEntropy === undefined ? {} : { minEntropy: options.minEntropy }),
    validate: options.validate ?? (literal === '' ? notPlaceholderNorCounted : notPlaceholder),
    confidence: options.confidence ?? 'high',
    ...(options.paths ? { paths: options.paths } : {}),
    examples,
  });
}

/**
 * Dependency lock files: every name in them is a package's, and what follows it is a version, a
 * checksum or a source (CocoaPods' `SPEC CHECKSUMS:` list `DatadogCore: <sha1>`, Bundler's, Cargo's,
 * pub's, Swift's and npm's locks). A provider's name there is a package named after the provider, so
 * a rule that reads a value next to the name would take the package's checksum for its key; the rules
 * that know a secret by its own shape (a registry token, a URL's password) still run.
 */
export const LOCK_FILE =
  /(?:^|[\\/])(?:Podfile\.lock|Manifest\.lock|Gemfile\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|composer\.lock|pubspec\.lock|mix\.lock|flake\.lock|uv\.lock|yarn\.lock|pnpm-lock\.yaml|bun\.lock|package-lock\.json|npm-shrinkwrap\.json|packages\.lock\.json|Package\.resolved|Cartfile\.resolved|go\.sum|gradle\.lockfile|\.terraform\.lock\.hcl)$/;

/**
 * A rule for a value that only counts next to the provider's name. Keywords default to the
 * plain names; the value must not be a placeholder and must mix character classes unless
 * `validate` says otherwise.
 */
export function contextRule(
  id: string,
  description: string,
  names: string[],
  value: string,
  examples: RuleExamples,
  options: RuleOptions & { nameTail?: string; exactNames?: boolean } = {},
): Rule {
  const keywords = options.keywords ?? names.map((n) => n.toLowerCase());
  const pattern = (): RegExp => inContext({ names, value, ...(options.nameTail ? { nameTail: options.nameTail } : {}), exactNames: options.exactNames ?? false });
  return withPatternOnFirstRead(pattern, {
    id,
    category: options.category ?? 'KEY',
    description,
    keywords,
    ...(opensWithKeyword(names, keywords) ? { startsAtKeyword: true } : {}),
    secretGroup: 1,
    ...(options.minEntropy === undefined ? {} : { minEntropy: options.minEntropy }),
    validate: notUnderPublicName(options.validate ?? looksRandom, options.category ?? 'KEY'),
    confidence: options.confidence ?? 'medium',
    skipPaths: LOCK_FILE,
    examples,
  });
}

/**
 * A provider's key under a name that says it is public (`DISCORD_PUBLIC_KEY`, `paddle.publicKey`,
 * `STRIPE_PUBLISHABLE_KEY`) is the half made to be shared: a verifying key or a client-side id,
 * though it has the secret's shape. The name is read from the match, up to the value.
 */
const PUBLIC_KEY_NAME = /public[_.\-]?key|publishable/i;
/**
 * A name that ends by calling its value an identifier (`splunk_index_guid`, `LOGGLY_SOURCE_UUID`) and
 * says nothing of a secret: a UUID under it names a thing, though a provider's token has that shape too.
 */
const IDENTIFIER_NAME = /(?:^|[^A-Za-z])[gu]uid["'\]]{0,2}[ \t]{0,4}[:=]/i;
const SECRET_NAME_WORD = /token|key|secret|pass|auth|cred/i;
/**
 * A name that ends by calling its value a checksum (`SENTRY_PROPERTIES_HASH`, `bundleChecksum`, `ARTIFACT_SHA256`,
 * `token_digest`): a digest of a file or of a secret, which has a token's hex shape but lets no one in.
 */
const CHECKSUM_NAME = /(?:hash|checksum|digest|sha(?:1|256|384|512)?|md5)["'\]]{0,2}[ \t]{0,4}[:=]/i;

function notUnderPublicName(validate: NonNullable<Rule['validate']>, category: Category): NonNullable<Rule['validate']> {
  return (secret, context) => {
    const nameEnd = context.matchEnd - secret.length;
    if (nameEnd > context.matchStart) {
      const name = context.text.slice(context.matchStart, nameEnd);
      if (PUBLIC_KEY_NAME.test(name)) return false;
      if (IDENTIFIER_NAME.test(name) && !SECRET_NAME_WORD.test(name)) return false;
      if (CHECKSUM_NAME.test(name)) return false;
    }
    if (!validate(secret, context)) return false;
    // Its author's comment that the key is none (`// analytics, client-side by design`, `# not a secret`): the name
    // beside it made it a finding, as a generic assignment's does, and the same word clears it. Never a password's.
    return category === 'PASS' || !commentSaysNoSecret(context.text, nameEnd, context.matchEnd, secret);
  };
}

/** What `findShapeAfterWords` looks for: the words that name a provider or its key, and the key's shape. */
export interface ShapeAfterWords {
  /** Sticky: tried at each keyword offset, it must match there for the words to count. */
  words: RegExp;
  /** Global: the key's shape, bounded on both sides so that it cannot start or stop inside a longer run. */
  shape: RegExp;
  /** How far after the words, and over how many line breaks, the key may stand. */
  reach: number;
  lines: number;
  /** The last say on a value of the shape (a stand-in, a counting run, too few kinds of character). */
  accept: (value: string) => boolean;
  /**
   * For a shape that ids and digests share (hex, a UUID): what the text right before the value (up to `NAMED_REACH`
   * characters) must end with, the noun that calls the value the key (`the admin key `, `token I used … was `). A commit,
   * a trace id or a checksum a line after the provider's name is then left, though it has the key's shape.
   */
  namedBy?: RegExp;
}

/** How far before a value `ShapeAfterWords.namedBy` reads: a noun and a short clause after it. */
const NAMED_REACH = 100;
/** How long the clause between the noun and the value may be (`key for the hint experiment `, `token I used to check the log was `). */
const NAMED_GAP = 70;
/**
 * In that clause, a sentence's stop, an assignment (the noun named the value set there), another key's noun (`admin key \`…\`
 * — the search-only key `) or a word that makes the value another thing's (`token fine, trace id `, `key rotated at commit
 * `): the noun then named something before it, not the value.
 */
const OTHER_THING_BETWEEN = /[.!?=]|\b(?:keys?|tokens?|secrets?|ids?|hash|commit|sha(?:1|256)?|checksum|digest|fingerprint|trace|request|message|build|release|version|revision|uuid)\b/i;

/**
 * The nouns of a key in prose (regex source, e.g. `admin[ -]?key`), as `namedBy` takes them: whole words, in any case, not
 * part of a name (`ALGOLIA_ADMIN_KEY=` names its own value, which the provider's configuration rules read). The last one
 * before a value names it when only a short clause stands between, with no stop and no other thing's word.
 */
export function keyNoun(nouns: string): RegExp {
  return new RegExp(`(?<![\\w.])(?:${nouns})s?(?![\\w.])`, 'gi');
}

/** Whether the text right before `start` names the value there as `find` asks, if it asks at all. */
function isNamedBefore(text: string, start: number, find: ShapeAfterWords): boolean {
  if (find.namedBy === undefined) return true;
  const before = text.slice(Math.max(0, start - NAMED_REACH), start);
  const nounEnd = lastNounEnd(before, find.namedBy);
  if (nounEnd !== -1 && before.length - nounEnd <= NAMED_GAP && namesValueAfter(before.slice(nounEnd))) return true;
  return answersQuestionAbove(text, start, find.namedBy) || isNamedByCommentAfter(text, start, find);
}

/**
 * A comment after a literal value on its line, its first words the noun (`"…"   # admin key — needed for reindex job`,
 * `"…", // write key`): code passing a key by position (`Algolia::SearchClient.create(app_id, "…")`) names it so. Sticky
 * right after the value; `c` is the comment's text.
 */
const COMMENT_AFTER_VALUE = /["'`]?[ \t]{0,40},?[ \t]{0,40}(?:#|\/\/|--|\/\*)[ \t]{0,4}(?<c>[^\r\n]{1,100})/y;

/** Whether a comment that opens after the value at `start` on its line names it by `find`'s noun among its first words. */
function isNamedByCommentAfter(text: string, start: number, find: ShapeAfterWords): boolean {
  let end = start;
  while (end < text.length && end - start < 200 && !/[\s"'`,]/.test(text.charAt(end))) end++;
  COMMENT_AFTER_VALUE.lastIndex = end;
  const comment = COMMENT_AFTER_VALUE.exec(text)?.groups!['c'];
  if (comment === undefined) return false;
  find.namedBy!.lastIndex = 0;
  const noun = find.namedBy!.exec(comment);
  return noun !== null && noun.index <= NAMED_GAP && !OTHER_THING_BETWEEN.test(comment.slice(0, noun.index));
}

/** A question that ends right before the value it asks about: its clause, the mark and a blank or two. */
const QUESTION_BEFORE_VALUE = /^([^?]{0,70})\?[ \t]{1,3}$/;

/**
 * Whether the clause between a key's noun and a value lets the noun name the value: no other thing's word and no stop
 * in it, or one question mark that ends it, as a chat asks about the key it pastes ("cohere one still works as a
 * fallback? <key>", "is this the right stripe key? <key>").
 */
function namesValueAfter(between: string): boolean {
  const question = QUESTION_BEFORE_VALUE.exec(between);
  return !OTHER_THING_BETWEEN.test(question === null ? between : question[1]!);
}

/** Where the last of the nouns in `text` ends, or -1. */
function lastNounEnd(text: string, nouns: RegExp): number {
  let end = -1;
  nouns.lastIndex = 0;
  for (let m = nouns.exec(text); m !== null; m = nouns.exec(text)) end = m.index + m[0].length;
  return end;
}

/**
 * What may stand before a value that answers a question, at its message's start: the line's start or the end of a
 * chat's header (`[08:12] tom: `, an export's `"text": "`, a column of blanks after a time), then at most three short
 * words (`use `, `it's `, `try the `), no other thing's word among them (`build `, `checksum `).
 */
const ANSWER_LEAD = /(?:^|[:"'>\]][ \t]{0,4}|[ \t]{2})(?:[A-Za-z']{1,12}[ \t]{1,2}){0,3}$/;

/**
 * A chat's answer: the line before asks for the key by its noun (`also the datadog key for the yard pi? the old one
 * 401s`), and the value opens the reply on the next line after a few words at most (`use … for now`). The question
 * mark must follow the noun within a short clause, and no other thing's word may stand before the value in the reply.
 */
function answersQuestionAbove(text: string, start: number, nouns: RegExp): boolean {
  const line = lineStartBefore(text, start, NAMED_REACH);
  if (line <= 0 || text.charCodeAt(line - 1) !== 0x0a) return false;
  const lead = text.slice(line, start);
  const words = ANSWER_LEAD.exec(lead);
  if (words === null || OTHER_THING_BETWEEN.test(words[0])) return false;
  const above = text.slice(lineStartBefore(text, line - 1, NAMED_REACH * 3), line - 1);
  const nounEnd = lastNounEnd(above, nouns);
  if (nounEnd === -1) return false;
  const clause = above.slice(nounEnd, nounEnd + NAMED_GAP);
  const mark = clause.indexOf('?');
  return mark !== -1 && !OTHER_THING_BETWEEN.test(clause.slice(0, mark).replace(/[.!]/g, ''));
}

/** The start of the line holding `at`, looked for at most `reach` characters back (that far back when not found). */
function lineStartBefore(text: string, at: number, reach: number): number {
  const from = Math.max(0, at - reach);
  let i = at;
  while (i > from && text.charCodeAt(i - 1) !== 0x0a) i--;
  return i;
}

/**
 * A key of a shape distinctive enough to stand bare in prose or chat a line or two after words that name its provider
 * or its kind (a chat's "build agent PAT expired, …" and then "already used it locally: <52 base32 characters>"). The
 * text after each place the words stand, up to `reach` characters and `lines` line breaks, is searched for the shape;
 * a stretch already searched is not searched again, so the text is read at most once however often the words recur.
 */
export function findShapeAfterWords(text: string, offsets: readonly number[], find: ShapeAfterWords): Span[] {
  const spans: Span[] = [];
  const breaks = new LineBreaksAhead(text, false);
  const chatBreaks = new LineBreaksAhead(text, true);
  const reported = new Set<number>();
  let searchedTo = 0;
  for (const offset of offsets) {
    find.words.lastIndex = offset;
    if (!find.words.test(text)) continue;
    const end = breaks.endOfReach(offset, find.reach, find.lines);
    // A chat exported as JSON reaches further, its scaffolding lines not counted, for a value in a message's text.
    const chatEnd = Math.max(end, chatBreaks.endOfReach(offset, find.reach, find.lines));
    const from = Math.max(offset, searchedTo);
    if (from >= chatEnd) continue;
    // Only the reach that every value has is marked searched: the next words' reach may take what a chat's missed.
    searchedTo = Math.max(searchedTo, end);
    // The stretch with one character either side, so that the shape's own bounds see what stands next to it.
    const lead = from > 0 ? 1 : 0;
    const stretch = text.slice(from - lead, Math.min(text.length, chatEnd + 1));
    find.shape.lastIndex = 0;
    for (let m = find.shape.exec(stretch); m !== null; m = find.shape.exec(stretch)) {
      const start = from - lead + m.index;
      // Cut off by the reach's end: the next words' reach searches it again from its start.
      if (start + m[0].length > chatEnd) {
        searchedTo = Math.min(searchedTo, start);
        break;
      }
      if (start + m[0].length > end && !isInChatMessageText(text, start)) continue;
      if (reported.has(start)) continue;
      if (find.accept(m[0]) && isNamedBefore(text, start, find)) {
        spans.push({ start, end: start + m[0].length });
        reported.add(start);
      }
    }
  }
  return spans;
}

/** The members a chat's JSON export keeps a message's text under (Slack's `text`, Teams' `body`, …): a regex alternation. */
export const JSON_MESSAGE_MEMBERS = 'text|body|message|content|msg';

/** A JSON export's message string opened on a line and not closed before the end of `prefix` (`"text": "use …`). */
const OPEN_MESSAGE_TEXT = new RegExp(`"(?:${JSON_MESSAGE_MEMBERS})"[ \\t]{0,3}:[ \\t]{0,3}"[^"\\r\\n]{0,200}$`);

/** Whether the value at `start` stands inside a JSON export's message text on its line. */
function isInChatMessageText(text: string, start: number): boolean {
  return OPEN_MESSAGE_TEXT.test(text.slice(lineStartBefore(text, start, 300), start));
}

/**
 * A line of a JSON export's scaffolding between two messages: brackets alone (`},`, `{`), or one member that is no
 * message's text (`"ts": "1745298388.940642",`, `"user": "U07DAN",`, `"type": "message",`). A chat exported as indented
 * JSON spends four or five such lines on each message, so for a value in a message's text they are not counted as the
 * lines a key may stand below its provider's name: the answer to "who has the okta API token?" is the next message, not
 * six lines down. Elsewhere (a lock file's `"resolved": "12.19.1",` above a `"contentHash"`) every line counts.
 */
const JSON_SCAFFOLD_LINE = new RegExp(
  `^[ \\t]{0,40}(?:[\\[\\]{},]{1,3}|"(?!(?:${JSON_MESSAGE_MEMBERS})")[\\w.$-]{1,40}"[ \\t]{0,3}:[ \\t]{0,3}(?:"[^"\\\\\\r\\n]{0,80}"|[\\w.+-]{1,40}|[\\[{])[ \\t]{0,3},?)[ \\t]{0,3}\\r?$`,
);
/** How long a scaffolding line may be: longer lines are text. */
const JSON_SCAFFOLD_REACH = 200;

/** Whether the line that ends at the line break `lineEnd` is JSON scaffolding (see JSON_SCAFFOLD_LINE). */
function isJsonScaffoldLine(text: string, lineEnd: number): boolean {
  let start = lineEnd;
  while (start > 0 && lineEnd - start < JSON_SCAFFOLD_REACH && text.charCodeAt(start - 1) !== 0x0a) start--;
  if (start > 0 && text.charCodeAt(start - 1) !== 0x0a) return false;
  return JSON_SCAFFOLD_LINE.test(text.slice(start, lineEnd));
}

/**
 * The line breaks ahead of positions asked in increasing order: each character is read once, however close together
 * the positions are (a reach of 400 characters asked at every `PAT` of a line would read it again each time).
 */
class LineBreaksAhead {
  private readonly found: number[] = [];
  private head = 0;
  private readTo = 0;
  /** `skipsScaffold`: the breaks that end a JSON export's scaffolding lines are not counted. */
  constructor(
    private readonly text: string,
    private readonly skipsScaffold: boolean,
  ) {}

  /** Where a reach of `reach` characters and `lines` line breaks from `at` ends (`at` no less than the last one asked). */
  endOfReach(at: number, reach: number, lines: number): number {
    const limit = Math.min(this.text.length, at + reach);
    while (this.head < this.found.length && this.found[this.head]! < at) this.head++;
    for (let i = Math.max(this.readTo, at); i < limit; i++) {
      if (this.text.charCodeAt(i) === 0x0a && !(this.skipsScaffold && isJsonScaffoldLine(this.text, i))) this.found.push(i);
    }
    this.readTo = Math.max(this.readTo, limit);
    const cut = this.found[this.head + lines];
    return cut !== undefined && cut < limit ? cut : limit;
  }
}
