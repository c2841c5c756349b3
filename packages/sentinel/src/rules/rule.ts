import type { Flow } from '../flow.js';
import type { Language, SentinelCategory, Severity } from '../types.js';

/** Where a match sits, handed to a rule's own check. */
export interface RuleMatch {
  /** Offset of the match in the snippet, and its end. */
  start: number;
  end: number;
  groups: RegExpExecArray;
  flow: Flow;
}

/** The outcome of a custom check: drop the match, keep it, or keep it at another place/severity. */
export type CheckResult = false | true | { at?: number; end?: number; severity?: Severity; message?: string };

/**
 * A Sentinel rule is data with its own proof (examples run by one test, like the core
 * detector's rules). Patterns run on code with comments blanked; unless `inString`, a match
 * that starts inside a string literal is ignored.
 */
export interface SinkRule {
  id: string;
  category: SentinelCategory;
  cwe: string;
  severity: Severity;
  languages: readonly Language[];
  /** Lower-case literals; the rule runs only when one occurs in the snippet. */
  keywords: readonly string[];
  /** Linear-time pattern. For call sinks it ends at the call's `(`. */
  pattern: RegExp;
  inString?: boolean;
  /**
   * How the match becomes a finding:
   * - `always`: context-free (the construct is unsafe whatever surrounds it);
   * - `args`: the call's arguments (`args` picks them) must be injectable;
   * - `assign`: the right-hand side of the assignment the pattern ends at must be injectable;
   * - a function: the rule decides.
   */
  when: 'always' | 'args' | 'assign' | ((m: RuleMatch) => CheckResult);
  /** For `args`: which arguments reach the sink (default: the first). */
  args?: number | 'all' | 'rest';
  /**
   * For `args`/`assign`: what counts: any non-constant value (default), input or parameters
   * (`input`), or only request/user input (`source`, for sinks where a parameter is the
   * normal case, such as a file path).
   */
  taint?: 'any' | 'input' | 'source';
  /** The call text (match to closing paren) must / must not match these. */
  requires?: RegExp;
  unless?: RegExp;
  message: string;
  fix?: string;
  examples: { language: Language; match: string[]; noMatch: string[] };
}

/** HTML is covered through its <script> blocks, which are scanned as JavaScript. */
export const JS_LIKE: readonly Language[] = ['javascript', 'typescript'];
export const ALL_CODE: readonly Language[] = ['javascript', 'typescript', 'python', 'java', 'go', 'php', 'ruby', 'csharp', 'html', 'c', 'shell', 'config', 'text'];
