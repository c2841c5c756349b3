/**
 * ASCII character classes by character code, for the loops that read names, schemes and
 * words one character at a time (a one-character regex test there costs a call each).
 */
export const isUpperCode = (c: number): boolean => c >= 0x41 && c <= 0x5a;
export const isLowerCode = (c: number): boolean => c >= 0x61 && c <= 0x7a;
export const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** `[ \t]`: a space or a tab. */
export const isBlankCode = (c: number): boolean => c === 0x20 || c === 0x09;
export const isLetterCode = (c: number): boolean => isLowerCode(c) || isUpperCode(c);
/** `\w` without the `u` flag: [A-Za-z0-9_]. */
export const isWordCode = (c: number): boolean => isLetterCode(c) || isDigitCode(c) || c === 0x5f;
/** A name's characters in configs and code: [\w.-]. */
export const isIdentifierCode = (c: number): boolean => isWordCode(c) || c === 0x2e || c === 0x2d;
/** A quote that opens or closes a string literal: `"`, `'` or a backtick. */
export const isQuoteCode = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x60;

/** A space, a tab or a line break (`\r`, `\n`): the blanks between a call's arguments, however a formatter wraps them. */
export const isSpaceOrBreakCode = (c: number): boolean => isBlankCode(c) || c === 0x0a || c === 0x0d;

/**
 * The character code at `i`, or -1 before the start or past the end (where `charCodeAt` gives NaN,
 * which no comparison with a code matches either). In a hot function a read past either end makes
 * TurboFan throw away the code it compiled on the guess that none happens ("out of bounds") and
 * compile the function again; reading through this keeps that guess true.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** Where the blanks and line breaks at `at` end, reading forward at most `max` characters. */
export function skipBlanksForward(text: string, at: number, max = 40): number {
  let i = at;
  while (i < text.length && i - at < max && isSpaceOrBreakCode(text.charCodeAt(i))) i++;
  return i;
}

/** Where the blanks and line breaks that end at `at` start, reading back at most `max` characters. */
export function skipBlanksBack(text: string, at: number, max = 40): number {
  let i = at;
  while (i > 0 && at - i < max && isSpaceOrBreakCode(text.charCodeAt(i - 1))) i--;
  return i;
}
