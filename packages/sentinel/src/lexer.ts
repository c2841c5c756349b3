import type { Language } from './types.js';

/** A string literal in the source: its span (quotes included) and whether it interpolates code. */
export interface StringLiteral {
  start: number;
  end: number;
  interpolated: boolean;
  /** The literal text between the quotes, interpolations included as written. */
  content: string;
  /** Backtick command string (Ruby/PHP/shell): the literal itself runs a shell. */
  command: boolean;
}

/**
 * Code with comments blanked and string contents masked, same length and line breaks as the
 * source, so a pattern run on `masked` cannot fire inside a comment or a string, and a
 * position in `masked` is the same position in the source. Interpolated parts
 * (`${x}`, f"{x}", "#{x}", "$x") stay visible: they are code.
 */
export interface LexedCode {
  source: string;
  /** Comments blanked, strings kept. */
  code: string;
  /** Comments blanked and string contents masked (interpolations kept). */
  masked: string;
  strings: StringLiteral[];
}

interface Style {
  lineComments: string[];
  blockComment: boolean;
  /** Python-style triple quotes. */
  triple: boolean;
  /** Backtick: 'template' (JS), 'raw' (Go), 'command' (Ruby/PHP/shell) or none. */
  backtick: 'template' | 'raw' | 'command' | 'none';
  /** How double-quoted strings interpolate. */
  doubleInterp: 'none' | 'ruby' | 'php' | 'shell';
  /** Single quotes delimit strings (not Rust/Go char literals, which are harmless either way). */
  singleQuote: boolean;
  /** String prefixes that make an f-string / interpolated string (`f` in Python, `$` in C#). */
  fPrefix: RegExp | null;
}

const C_LIKE: Style = { lineComments: ['//'], blockComment: true, triple: false, backtick: 'none', doubleInterp: 'none', singleQuote: true, fPrefix: null };

const STYLES: Partial<Record<Language, Style>> = {
  javascript: { ...C_LIKE, backtick: 'template' },
  typescript: { ...C_LIKE, backtick: 'template' },
  java: { ...C_LIKE, triple: true },
  go: { ...C_LIKE, backtick: 'raw' },
  c: C_LIKE,
  csharp: { ...C_LIKE, fPrefix: /\$@?$|@\$$/ },
  php: { ...C_LIKE, lineComments: ['//', '#'], backtick: 'command', doubleInterp: 'php' },
  python: { lineComments: ['#'], blockComment: false, triple: true, backtick: 'none', doubleInterp: 'none', singleQuote: true, fPrefix: /(?:^|[^\w])[rRbB]?[fF][rRbB]?$/ },
  ruby: { lineComments: ['#'], blockComment: false, triple: false, backtick: 'command', doubleInterp: 'ruby', singleQuote: true, fPrefix: null },
  shell: { lineComments: ['#'], blockComment: false, triple: false, backtick: 'command', doubleInterp: 'shell', singleQuote: true, fPrefix: null },
};

const NL = 10;
const SPACE = 32;

function decode(units: Uint16Array): string {
  return Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le');
}

/** Cap on the work per literal so hostile input stays linear. */
const MAX_INTERP_DEPTH = 8;

export function lex(source: string, language: Language): LexedCode {
  const style = STYLES[language];
  if (!style) return { source, code: source, masked: source, strings: [] };
  // Code units, edited in place and decoded once (joining an array of 40k one-character
  // strings is far slower).
  const out = new Uint16Array(source.length);
  for (let k = 0; k < source.length; k++) out[k] = source.charCodeAt(k);
  const commentless = out.slice();
  const strings: StringLiteral[] = [];
  const n = source.length;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++)
      if (out[k] !== NL) {
        out[k] = SPACE;
        commentless[k] = SPACE;
      }
  };
  // Jump from one character that can open a comment or a string to the next (native search).
  const interesting = style.lineComments.includes('#') ? /[/#"'`]/g : /[/"'`]/g;
  let i = 0;
  while (i < n) {
    interesting.lastIndex = i;
    const next = interesting.exec(source);
    if (!next) break;
    i = next.index;
    const ch = source[i]!;
    // Comments.
    if (style.blockComment && ch === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      blank(i, stop);
      i = stop;
      continue;
    }
    if ((ch === '#' ? style.lineComments.includes('#') && !(language === 'php' && source[i + 1] === '[') : ch === '/' && source[i + 1] === '/' && style.lineComments.includes('//'))) {
      // `#` inside a shell word like `a#b` or Ruby `#{` outside strings is not a comment start we care about.
      let end = source.indexOf('\n', i);
      if (end < 0) end = n;
      blank(i, end);
      i = end;
      continue;
    }
    if (ch === '"' || (ch === "'" && style.singleQuote) || ch === '`') {
      if (ch === '`' && style.backtick === 'none') {
        i++;
        continue;
      }
      // Rust/C lifetimes and Go runes are short; a lone quote that never closes ends at the line.
      const prefix = source.slice(Math.max(0, i - 3), i);
      const isF = !!style.fPrefix && style.fPrefix.test(prefix);
      const triple = style.triple && source.startsWith(ch.repeat(3), i);
      const quote = triple ? ch.repeat(3) : ch;
      const interp: 'none' | 'brace' | 'template' | 'ruby' | 'php' | 'shell' =
        ch === '`'
          ? style.backtick === 'template'
            ? 'template'
            : style.backtick === 'command'
              ? style.doubleInterp === 'none' ? 'none' : style.doubleInterp
              : 'none'
          : isF
            ? 'brace'
            : ch === '"' && style.doubleInterp !== 'none'
              ? style.doubleInterp
              : 'none';
      const multiline = triple || ch === '`';
      const raw = (ch === '`' && style.backtick === 'raw') || (language === 'python' && /[rR][bB]?$/.test(prefix)) || (language === 'csharp' && /@\$?$/.test(prefix));
      const start = i;
      let j = i + quote.length;
      let interpolated = false;
      let closed = false;
      while (j < n) {
        const c = source[j]!;
        if (!raw && c === '\\') {
          out[j] = SPACE;
          if (j + 1 < n && source[j + 1] !== '\n') out[j + 1] = SPACE;
          j += 2;
          continue;
        }
        if (source.startsWith(quote, j)) {
          closed = true;
          break;
        }
        if (c === '\n' && !multiline) break;
        // Interpolations: skip over the embedded expression, leaving it unmasked.
        let exprStart = -1;
        if (interp === 'template' && c === '$' && source[j + 1] === '{') exprStart = j + 2;
        else if (interp === 'ruby' && c === '#' && source[j + 1] === '{') exprStart = j + 2;
        else if (interp === 'brace' && c === '{') {
          if (source[j + 1] === '{') {
            j += 2;
            continue;
          }
          exprStart = j + 1;
        } else if ((interp === 'php' || interp === 'shell') && c === '{' && source[j + 1] === '$') exprStart = j + 1;
        else if (interp === 'shell' && c === '$' && source[j + 1] === '(') exprStart = j + 2;
        else if ((interp === 'php' || interp === 'shell') && c === '$' && /[A-Za-z_{]/.test(source[j + 1] ?? '')) {
          // "$name", "$obj->prop", "$arr[...]" / "${NAME}".
          let k = j + 1;
          if (source[k] === '{') k++;
          while (k < n && /\w/.test(source[k]!)) k++;
          if (interp === 'php') {
            if (source.startsWith('->', k)) {
              k += 2;
              while (k < n && /\w/.test(source[k]!)) k++;
            } else if (source[k] === '[') {
              const close = source.indexOf(']', k);
              if (close > 0 && close - k < 60) k = close + 1;
            }
          }
          if (source[k] === '}') k++;
          interpolated = true;
          j = k;
          continue;
        }
        if (exprStart >= 0) {
          interpolated = true;
          let depth = 1;
          let k = exprStart;
          while (k < n && depth > 0 && depth < MAX_INTERP_DEPTH) {
            const d = source[k]!;
            if (d === '{') depth++;
            else if (d === '}') depth--;
            else if (d === '\n' && !multiline && interp !== 'template') break;
            if (depth > 0) k++;
          }
          j = k + 1;
          continue;
        }
        out[j] = c === '\n' ? NL : SPACE;
        j++;
      }
      const end = closed ? j + quote.length : Math.min(j, n);
      strings.push({
        start,
        end,
        interpolated,
        content: source.slice(start + quote.length, closed ? j : end),
        command: ch === '`' && style.backtick === 'command',
      });
      i = end;
      continue;
    }
    i++;
  }
  return { source, code: decode(commentless), masked: decode(out), strings };
}
