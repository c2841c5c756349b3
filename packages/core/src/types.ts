/** Token categories of the design (`__TAKUMO_v1_<CAT>_<8 hex>__`). */
export const CATEGORIES = ['KEY', 'PASS', 'CONN', 'URL', 'HOST', 'JWT', 'TOKEN', 'PKEY', 'CRED', 'ENV'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Confidence = 'high' | 'medium' | 'low';

/**
 * A detection. Metadata only: it locates the secret (offsets, line, column) but never
 * carries the value, so a finding can be logged, printed or sent to the cloud as is.
 */
export interface Finding {
  rule: string;
  category: Category;
  confidence: Confidence;
  file?: string;
  /** 1-based line and column of the first character of the secret. */
  line: number;
  column: number;
  /** 1-based line and column of the last character of the secret (inclusive). */
  endLine: number;
  endColumn: number;
  /** UTF-16 offsets into the scanned text: the secret is text.slice(start, end). */
  start: number;
  end: number;
}

/** Context a rule validator may use; never includes anything beyond the scanned text. */
export interface RuleContext {
  file?: string;
  /** The line holding the start of the secret, clipped to 1,000 characters each side (computed on first use). */
  line: string;
  /** The whole scanned text and where the regex match starts/ends in it. */
  text: string;
  matchStart: number;
  matchEnd: number;
  /** Named capture groups of the match, when the pattern has any. */
  groups?: Record<string, string | undefined>;
}

/** A span of the scanned text, as UTF-16 offsets (`text.slice(start, end)`). */
export interface Span {
  start: number;
  end: number;
  /** Overrides the rule's category for this span (a rule may find several kinds). */
  category?: Category;
}

/**
 * A detection rule is data that carries its own proof: the examples are run by one test,
 * and the rules table in the docs is generated from the same objects.
 */
export interface Rule {
  id: string;
  category: Category;
  description: string;
  /**
   * Lower-case literals for the prefilter: the rule is only run when one of them occurs
   * in the (lower-cased) text. An empty list means the rule always runs — avoid it, except
   * for a rule bound to files by `paths`: the path is then its prefilter (a one-character
   * keyword such as `:` or `,` would stop the prefilter on nearly every line of every file).
   * `NON_ASCII_TEXT` (exported by the rules) stands for "any character beyond ASCII", for
   * rules about names written in other scripts.
   */
  keywords: string[];
  /** Linear-time pattern (bounded quantifiers, no nested repetition). Flags are added by the engine. */
  pattern: RegExp;
  /** Capture group holding the secret (number or name); default: the whole match. */
  secretGroup?: number | string;
  /** Minimum Shannon entropy (bits per char) of the secret. */
  minEntropy?: number;
  /**
   * Extra check on the secret; return false to drop the match. It may also return a
   * category, which then replaces the rule's own for this match (a generic assignment
   * rule tells a password from a token by the key name).
   */
  validate?: (secret: string, context: RuleContext) => boolean | Category;
  /**
   * Custom finder for secrets a single regex cannot bound in linear time (multi-line
   * private keys, hosts found from their suffix). When present the engine calls it
   * instead of running `pattern`; `pattern` still documents what it looks for and is
   * checked for safety like any other.
   */
  find?: (text: string, options: DetectOptions, keywordOffsets?: readonly number[]) => Span[];
  /**
   * With `find`: the engine passes the sorted start offsets of the rule's keywords in the
   * text (found by the prefilter's single pass anyway), so the finder can try its pattern
   * only there instead of scanning the whole text.
   */
  anchored?: boolean;
  /**
   * With `anchored`: the keywords whose offsets the finder is given, when they are not the ones that decide whether
   * the rule runs (`keywords` still do). For a pattern whose every match holds one of these words, but whose
   * keywords are what a match more often holds: the rule runs as before, and its finder searches only near them.
   */
  anchors?: string[];
  /**
   * With `startsAtKeyword` and `anchors`: every match holds one of `anchors` starting at most this many characters after
   * the match's own start (a bound read off the pattern, its working shown where it is set). The pattern is then tried
   * only at the keyword offsets with an anchor that near: it cannot match at the others. A keyword such as `account` or
   * `as ` stands in most texts, where the word the pattern needs further on (`/`, `password`) seldom follows it.
   */
  anchorReach?: number;
  /**
   * Without `find`: every match of `pattern` begins exactly where one of `keywords` occurs
   * (in any case), so the engine tries the pattern only at those offsets (a sticky match
   * at each) instead of searching the whole text. Set by the rule builders when the
   * pattern opens with its keyword; a rule test checks both ways find the same matches.
   */
  startsAtKeyword?: boolean;
  confidence: Confidence;
  /** Only run on files whose path matches (e.g. `.npmrc`). */
  paths?: RegExp;
  /** Skip files whose path matches (e.g. lock files for a hash-like rule). */
  skipPaths?: RegExp;
  examples: { match: string[]; noMatch: string[] };
}

export interface AllowlistConfig {
  /** Regular expressions (source text) matched against the secret value. */
  patterns?: string[];
  /** Glob-like path patterns whose files are not scanned. */
  paths?: string[];
  /** Exact values that are never secrets. */
  values?: string[];
  /** Rule ids to switch off. */
  disabledRules?: string[];
}

export interface DetectorConfig {
  allowlist?: AllowlistConfig;
  /** Extra rules from config; their pattern must be linear-time too. */
  extraRules?: Rule[];
  /** Domains the user declares internal: hosts under them are `HOST`, URLs `URL`. */
  internalDomains?: string[];
  /**
   * Values known to be secret (from the workspace's .env files, the environment):
   * matched exactly wherever they appear, whatever their shape.
   */
  knownSecrets?: KnownSecret[];
}

export interface KnownSecret {
  value: string;
  /** Where the value came from, e.g. `.env:DATABASE_URL` (a name, never the value). */
  source: string;
  category?: Category;
}

export interface DetectOptions {
  file?: string;
}

/** The keyword that triggers a rule on any text holding a character beyond ASCII. */
export const NON_ASCII_TEXT = '<non-ascii>';
