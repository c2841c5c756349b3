import { codeAt } from '../char-codes.js';

/**
 * Markdown's emphasis around a value (`New password: **…**`, `| bob | *…* |`): the markers are
 * markup, not part of the secret. Read in Markdown, and `*` in any prose, where notes and chat
 * messages use the same markup; `_` only in Markdown files, since elsewhere it opens and closes
 * names (`__TOKEN__`) and placeholders.
 */

/** A Markdown file, by its name. */
export const MARKDOWN_FILE = /\.(?:md|markdown|mdx)$/i;

/** Punctuation that may close the sentence after the closing markers (`**…**.`). */
const CLOSING_PUNCTUATION = '.,;:!?)';

/** The value inside emphasis markers and its offset in `value`, or undefined when `value` is not wrapped in them. */
export function withoutEmphasis(value: string, file: string | undefined): { value: string; offset: number } | undefined {
  const marker = codeAt(value, 0);
  if (marker !== 42 /* * */ && marker !== 95 /* _ */) return undefined;
  if (marker === 95 && (file === undefined || !MARKDOWN_FILE.test(file))) return undefined;
  // One to three markers open it (more are a mask: `****`), and the same run closes it.
  let run = 1;
  while (run <= 3 && codeAt(value, run) === marker) run++;
  if (run > 3) return undefined;
  let end = value.length;
  while (value.length - end < 3 && end > 0 && CLOSING_PUNCTUATION.includes(value.charAt(end - 1))) end--;
  let close = 0;
  while (close <= run + 1 && close < end && value.charCodeAt(end - close - 1) === marker) close++;
  // One marker more than opened it closes a value that ends in that character itself (`**…8814***`): the
  // last `run` markers are the emphasis, the one before them the value's. Bold italic (`***…***`) opens with three.
  if (close !== run && (close !== run + 1 || run === 3)) return undefined;
  const innerEnd = end - run;
  if (innerEnd <= run) return undefined;
  const inner = value.slice(run, innerEnd);
  return /\s/.test(inner) ? undefined : { value: inner, offset: run };
}
