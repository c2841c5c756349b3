import type { LexedCode, StringLiteral } from './lexer.js';
import type { Language } from './types.js';

/**
 * Intra-snippet data flow over lexed code, shared by every language. It answers one
 * question for a sink argument: can what reaches it be influenced from outside? Yes when it
 * comes from request/user input, a function parameter, or a value of unknown origin built
 * into a string; no when every part is a constant (literal, upper-case constant, a variable
 * last assigned a constant) or passes through a sanitiser (int(), escape, quote, …).
 * Resolution follows the nearest preceding assignment, which is what snippets need
 * (`data = "foo"` just above a sink makes it safe, whatever happened in another function).
 */

/** Reads of user-controlled data, per language family (run on masked code). */
const SOURCES: Partial<Record<Language, RegExp>> & { default: RegExp } = {
  default: /\b(?:req|request)\s*\.\s*(?:query|params|body|cookies|headers|args|form|values|files|json|get_json|data|GET|POST|COOKIES|META|FILES|url|path|search)\b|\binput\s*\(/,
  javascript: /\b(?:req|request|ctx\.request|ctx)\s*\.\s*(?:query|params|body|cookies|headers|url|path|originalUrl|files?)\b|\b(?:location|document\.location|window\.location)\s*\.\s*(?:hash|search|href|pathname)\b|\bdocument\s*\.\s*(?:URL|cookie|referrer|documentURI)\b|\bprocess\.argv\b|\bevent\s*\.\s*(?:body|queryStringParameters|pathParameters)\b|\b(?:e|evt|event)\.target\.value\b|\bsearchParams\.get\s*\(|\bprompt\s*\(|\blocalStorage\.getItem\s*\(|\bwindow\.name\b|\buseParams\s*\(|\bURLSearchParams\b|\b(?:snapshot\.)?(?:queryParams|queryParamMap|paramMap)\b|\bsnapshot\.params\b/,
  python: /\brequest\s*\.\s*(?:args|form|values|json|get_json|data|files|cookies|headers|GET|POST|COOKIES|META|FILES|body|query_params|path_params|match_info|url|path|query_string)\b|\b(?:raw_)?input\s*\(|\bsys\.argv\b|\bsys\.stdin\b|\bos\.environ\b|\bos\.getenv\s*\(|\bself\.request\b|\bargparse\b|\bflask\.request\b/,
  java: /\b(?:request|req|httpRequest|servletRequest)\s*\.\s*(?:getParameter\w*|getHeader\w*|getCookies|getQueryString|getInputStream|getReader|getPathInfo|getRequestURI|getRemoteUser)\s*\(|\breadLine\s*\(|\bSystem\.(?:getenv|getProperty)\s*\(|\bnext(?:Line|Int)?\s*\(\s*\)|\bgetValue\s*\(\s*\)|\bargs\s*\[|\b(?:resultSet|rs)\.getString\s*\(|@(?:RequestParam|PathVariable|RequestBody|RequestHeader)\b|\bproperties\.getProperty\s*\(|\bgetInputStream\s*\(/,
  go: /\b\w+\.(?:URL\.Query\(\)|URL\.Path|URL\.RawQuery|FormValue|PostFormValue|FormFile|Form\b|PostForm\b|Body\b|Header\.Get|Cookie\()|\bc\.(?:Param|Query|PostForm|DefaultQuery|FormValue|GetHeader|Bind\w*)\s*\(|\bos\.Args\b|\bos\.Getenv\s*\(|\bmux\.Vars\s*\(|\bflag\.(?:String|Arg)\w*\s*\(|\bbufio\.NewReader\s*\(\s*os\.Stdin|\bctx\.(?:Param|Query)\s*\(/,
  php: /\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES|ENV)\b|\$argv\b|\bphp:\/\/input|\$request\s*->\s*(?:input|get|query|post|all|cookie)\s*\(|\bRequest::(?:input|get|query|all)\s*\(|\binput\s*\(|\bfilter_input\s*\(\s*INPUT_/,
  ruby: /\bparams\s*\[|\bparams\.(?:require|permit|fetch|dig)\b|\brequest\.(?:params|body|query_string|headers|cookies|path|url|env)\b|\bcookies\s*\[|\bARGV\b|\bgets\b|\bENV\s*\[|\bSTDIN\b/,
  csharp: /\bRequest\s*\.\s*(?:Query|Form|Params|QueryString|Headers|Cookies|Body|RouteValues)\b|\bRequest\s*\[|\bConsole\.ReadLine\s*\(|\bargs\s*\[|\bEnvironment\.GetEnvironmentVariable\s*\(|\[From(?:Query|Body|Route|Form|Header)\]/,
};

/** Calls whose result is safe to put in a query, a command or HTML, whatever goes in. */
const SANITISERS =
  /(?:^|[^\w$.])(?:[\w$]+\s*\.\s*)*(?:\w+\.Quote\w*|\w+\.quote\w*|int|float|bool|len|parseInt|parseFloat|Number|Boolean|Integer\.parseInt|Integer\.valueOf|Long\.parseLong|Long\.valueOf|Double\.parseDouble|UUID\.fromString|strconv\.(?:Atoi|ParseInt|ParseFloat|ParseBool|Itoa|Quote)|intval|floatval|(?:Convert\.)?ToInt32|int\.Parse|escape|html\.escape|cgi\.escape|escapeHtml|escapeHTML|escape_html|htmlEscape|html_escape|htmlspecialchars|htmlentities|strip_tags|encodeURIComponent|encodeURI|shlex\.quote|pipes\.quote|quote|escapeshellarg|escapeshellcmd|mysqli_real_escape_string|real_escape_string|mysql_real_escape_string|\w+\.quote|DOMPurify\.sanitize|sanitize\w*|bleach\.clean|markupsafe\.escape|CGI\.escapeHTML|ERB::Util\.html_escape|h|Shellwords\.escape|shellescape|template\.HTMLEscapeString|html\.EscapeString|url\.QueryEscape|url\.PathEscape|HttpUtility\.HtmlEncode|WebUtility\.HtmlEncode|HtmlEncoder\.Default\.Encode|Encode\.forHtml\w*|StringEscapeUtils\.escape\w+|ESAPI\.encoder\(\)\.encode\w+|filepath\.Base|path\.basename|os\.path\.basename|basename|secure_filename|Path\.GetFileName|FilenameUtils\.getName|typeof|sizeof|count|strlen|crypto\.randomUUID|uuid\w*)\s*\(/g;

/** A plain call (not a method of a literal, not a sanitiser already blanked) in string building. */
const UNKNOWN_CALL = /(?:^|[^\w$.\s]|[+%,(]\s*|\s)(?!(?:int|str|len|float|bool|range|new|String|Integer|Number|tuple|list|dict|set)\s*\()[A-Za-z_$][\w$]*\s*\(\s*\S/;

const KEYWORDS = new Set(
  (
    'true false null undefined None True False nil NULL this self super new return await yield typeof instanceof in of is not and or ' +
    'if else for while do switch case break continue function def func fn class struct var let const val static final public private protected ' +
    'import from as with try catch except finally throw throws raise lambda async void int long string String bool boolean float double char byte ' +
    'range go defer map chan interface type package echo print puts ' +
    'Object Array Math JSON Date console System fmt os sys strings strconv errors http Promise window document'
  ).split(' '),
);

export interface Taint {
  tainted: boolean;
  /** Why: user input, a parameter, or a value of unknown origin. */
  reason?: 'source' | 'parameter' | 'unknown';
}

const CLEAN: Taint = { tainted: false };
const MAX_DEPTH = 4;
const MAX_LOOKBACK_LINES = 400;

/** Per-snippet flow analysis (line index plus the lexed code); cheap to create. */
export class Flow {
  readonly lineStarts: number[] = [0];
  private readonly source: RegExp;
  private readonly cache = new Map<string, Taint>();
  private readonly lines: string[];
  /** Lines where a name is (possibly) assigned, bound by a loop or destructured; built on first use. */
  private definitions: Map<string, number[]> | undefined;
  /** Lines that look like function/block headers (parameters bind names there). */
  private headers: number[] | undefined;

  constructor(
    readonly code: LexedCode,
    readonly language: Language,
  ) {
    const m = code.masked;
    for (let i = m.indexOf('\n'); i >= 0; i = m.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.lines = m.split('\n');
    const family: Language = language === 'typescript' || language === 'html' ? 'javascript' : language;
    this.source = SOURCES[family] ?? SOURCES.default;
  }

  private imported: Set<string> | undefined;
  private literalsByStart: Map<number, StringLiteral> | undefined;

  /** The string literal starting at `pos`, if any (constant time after the first call). */
  stringAt(pos: number): StringLiteral | undefined {
    this.literalsByStart ??= new Map(this.code.strings.map((s) => [s.start, s]));
    return this.literalsByStart.get(pos);
  }

  /** Names bound by imports (modules and packages are code, not data). */
  private importedNames(): Set<string> {
    if (this.imported) return this.imported;
    const names = new Set<string>();
    const src = this.code.code;
    // Go: import "net/http" / import ( "os/exec" alias "x/y" )
    for (const m of src.matchAll(/^\s*(?:import\s+)?(?:(\w+)\s+)?"([\w./-]+)"\s*$/gm)) names.add(m[1] ?? m[2]!.split('/').pop()!);
    // Python: import a.b as c / from x import y as z
    // (names from `from x import y` are values of unknown origin, not modules)
    for (const m of src.matchAll(/^\s*import\s+([^\n#;]+)/gm)) {
      for (const part of m[1]!.replace(/[()]/g, '').split(',')) {
        const alias = /(?:^|\s)as\s+(\w+)\s*$/.exec(part)?.[1] ?? part.trim().split(/[.\s]/)[0];
        if (alias && /^\w+$/.test(alias)) names.add(alias);
      }
    }
    // Java/C#/PHP: import a.b.C; using X.Y; use A\B;
    for (const m of src.matchAll(/^\s*(?:import(?:\s+static)?|using|use)\s+([\w.\\]+)\s*;/gm)) names.add(m[1]!.split(/[.\\]/).pop()!);
    // Ruby: require 'x'
    for (const m of src.matchAll(/^\s*require(?:_relative)?\s*\(?\s*['"]([\w/]+)['"]/gm)) names.add(m[1]!.split('/').pop()!);
    this.imported = names;
    return names;
  }

  /** One pass over the snippet: which lines may define which names. */
  private index(): { definitions: Map<string, number[]>; headers: number[] } {
    if (this.definitions && this.headers) return { definitions: this.definitions, headers: this.headers };
    const definitions = new Map<string, number[]>();
    const headers: number[] = [];
    const add = (name: string, line: number) => {
      const list = definitions.get(name);
      if (!list) definitions.set(name, [line]);
      else if (list[list.length - 1] !== line) list.push(line);
    };
    const target = /(?:^|[^\w$.>])([\w$]+)\s*(?:\[[^\]\n]{0,80}\]\s*)?((?:,\s*[\w$]+\s*)*)(?:\+=|\.=|\|\|=|\?\?=|:=|=)(?![=~>])/g;
    for (let l = 0; l < this.lines.length; l++) {
      const text = this.lines[l]!;
      if (HEADER.test(text)) headers.push(l);
      if (/\bfor\b|\bforeach\b|^\s*(?:const|let|var|val)?\s*[{[]|\bas\s+\$/.test(text)) {
        for (const w of text.match(/[\w$]+/g) ?? []) add(w, l);
        continue;
      }
      if (!text.includes('=')) continue;
      target.lastIndex = 0;
      for (let m = target.exec(text); m; m = target.exec(text)) {
        add(m[1]!, l);
        for (const extra of (m[2] ?? '').match(/[\w$]+/g) ?? []) add(extra, l);
      }
    }
    this.definitions = definitions;
    this.headers = headers;
    return { definitions, headers };
  }

  /** Candidate lines for a name's definition, nearest first, from `atLine` back to `stop`. */
  private candidates(name: string, atLine: number, stop: number): number[] {
    const { definitions, headers } = this.index();
    const defs = definitions.get(name) ?? [];
    const out: number[] = [];
    let i = upperBound(defs, atLine) - 1;
    let j = upperBound(headers, atLine) - 1;
    while (i >= 0 || j >= 0) {
      const a = i >= 0 ? defs[i]! : -1;
      const b = j >= 0 ? headers[j]! : -1;
      const next = Math.max(a, b);
      if (next < stop) break;
      if (out[out.length - 1] !== next) out.push(next);
      if (a === next) i--;
      if (b === next) j--;
    }
    return out;
  }

  /** 0-based line of an offset. */
  lineOf(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineText(line: number): string {
    return this.lines[line] ?? '';
  }

  hasSource(text: string): boolean {
    return this.source.test(text);
  }

  /** Taint of the expression at [start, end) of the code. */
  expression(start: number, end: number, depth = 0): Taint {
    const text = blankSanitised(this.code.masked.slice(start, end));
    if (this.source.test(text)) return { tainted: true, reason: 'source' };
    // The strongest reason wins: user input over a parameter over a value of unknown origin.
    let weakest: Taint | undefined;
    for (const name of identifiersOf(text, this.language)) {
      const t = this.identifier(name, start, depth);
      if (!t.tainted) continue;
      if (t.reason === 'source') return t;
      if (!weakest || (t.reason === 'parameter' && weakest.reason !== 'parameter')) weakest = t;
    }
    if (weakest) return weakest;
    // A string built with the result of an unknown function call is not constant either.
    if (/["'`]/.test(text) && UNKNOWN_CALL.test(text)) return { tainted: true, reason: 'unknown' };
    return CLEAN;
  }

  /** Taint of a variable read at `at`: nearest preceding assignment, else parameter, else unknown. */
  identifier(name: string, at: number, depth: number): Taint {
    if (depth > MAX_DEPTH) return { tainted: true, reason: 'unknown' };
    if (/^[A-Z][A-Z0-9_]+$/.test(name)) return CLEAN; // CONSTANT_CASE
    const key = `${name}@${at}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    this.cache.set(key, { tainted: false }); // cycle guard
    const result = this.resolve(name, at, depth);
    this.cache.set(key, result);
    return result;
  }

  /** Scope-aware resolution for languages with a real parse; undefined: use the text heuristics. */
  protected resolveInScope(_name: string, _at: number, _depth: number): Taint | undefined {
    return undefined;
  }

  private resolve(name: string, at: number, depth: number): Taint {
    const scoped = this.resolveInScope(name, at, depth);
    if (scoped) return scoped;
    if (this.importedNames().has(name)) return CLEAN;
    const esc = name.replace(/[$]/g, '\\$');
    const assign = new RegExp(
      `(?:^|[^\\w$.>])${esc}\\s*(?:\\[[^\\]\\n]{0,80}\\]\\s*)?(?:,\\s*[\\w$]+\\s*)*(\\+=|\\.=|\\|\\|=|\\?\\?=|:=|=)(?![=~>])`,
    );
    const loop = new RegExp(`\\bfor\\s*\\(?\\s*(?:const|let|var|final\\s+\\w+|\\w+)?\\s*${esc}\\s+(?:in|of|:)\\s+|\\bforeach\\s*\\((.+)\\bas\\s+(?:\\$\\w+\\s*=>\\s*)?${esc}\\b`);
    const destructure = new RegExp(`[{\\[,]\\s*(?:\\w+\\s*:\\s*)?${esc}\\s*(?:=[^,}\\]]*)?[,}\\]][^=\\n]*=(?![=>])`);
    const word = new RegExp(`(?:^|[^\\w$])${esc}(?![\\w$])`);
    const atLine = this.lineOf(at);
    const stop = Math.max(0, atLine - MAX_LOOKBACK_LINES);
    const useIndent = indentOf(this.lineText(atLine));
    // A constant assigned in a deeper block (one branch of an if/try) does not settle it:
    // an earlier assignment may reach the use through the other branch.
    let settledByBranch = false;
    for (const line of this.candidates(name, atLine, stop)) {
      const lineStart = this.lineStarts[line]!;
      let text = this.lineText(line);
      if (line === atLine) text = text.slice(0, at - lineStart);
      if (!word.test(text)) continue;
      const a = assign.exec(text);
      if (a) {
        const rhsStart = lineStart + a.index + a[0].length;
        const rhsEnd = this.statementEnd(rhsStart);
        if (rhsStart >= at) continue;
        const rhs = this.expression(rhsStart, Math.min(rhsEnd, at), depth + 1);
        if (rhs.tainted) return rhs;
        if (a[1] !== '=' && a[1] !== ':=') return this.identifier(name, lineStart + a.index, depth + 1);
        if (line !== atLine && indentOf(text) > useIndent && INDENT_LANGS.has(this.language)) {
          settledByBranch = true;
          continue;
        }
        return CLEAN;
      }
      const l = loop.exec(text);
      if (l) {
        const exprStart = l[1] !== undefined ? lineStart + l.index + text.slice(l.index).indexOf(l[1]) : lineStart + l.index + l[0].length;
        const exprEnd = l[1] !== undefined ? exprStart + l[1].length : this.statementEnd(exprStart);
        return this.expression(exprStart, Math.min(exprEnd, at), depth + 1);
      }
      const d = destructure.exec(text);
      if (d && /^\s*(?:const|let|var|val)?\s*[{[]/.test(text)) {
        const eq = text.indexOf('=', d.index + d[0].length - 1);
        if (eq >= 0) return this.expression(lineStart + eq + 1, Math.min(this.statementEnd(lineStart + eq + 1), at), depth + 1);
      }
      const p = this.parameterIn(line, name);
      if (p) return p;
    }
    return settledByBranch ? CLEAN : { tainted: true, reason: 'unknown' };
  }

  /** If `line` opens a function or block whose parameters include `name`, its taint. */
  private parameterIn(line: number, name: string): Taint | undefined {
    const text = this.lineText(line);
    if (!HEADER.test(text)) return undefined;
    // Parameters may spill onto the next lines.
    let sig = text;
    for (let k = 1; k <= 4 && !/[)|]/.test(sig.slice(sig.indexOf('(') + 1)); k++) sig += ' ' + this.lineText(line + k);
    const params = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)|\|([^|]*)\||(?:^|[\s=(,])([\w$]+)\s*=>/.exec(sig);
    const list = params ? (params[1] ?? params[2] ?? params[3] ?? '') : '';
    for (const part of list.split(',')) {
      const esc = name.replace(/[$]/g, '\\$');
      if (!new RegExp(`(?:^|[^\\w$])${esc}(?![\\w$])`).test(part)) continue;
      // Numeric/boolean parameter types cannot carry an injection.
      if (/\b(?:int|long|short|float|double|bool|boolean|Integer|Long|Boolean|uint\d*|int\d+|float\d+|number|UUID)\b/.test(part.replace(name, ''))) return CLEAN;
      // A default value that is constant, e.g. `def f(x=5)`, still comes from the caller.
      return { tainted: true, reason: 'parameter' };
    }
    return undefined;
  }

  /** End offset of the statement starting at `pos`: the line, extended while brackets are open. */
  statementEnd(pos: number): number {
    const m = this.code.masked;
    let depth = 0;
    const limit = Math.min(m.length, pos + 4000);
    for (let i = pos; i < limit; i++) {
      const c = m[i]!;
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return i;
        depth--;
      } else if (depth === 0 && (c === ';' || (c === '\n' && !continues(m, i)))) return i;
    }
    return limit;
  }
}

/** Languages whose blocks are reliably indented (Python by syntax, the rest by habit). */
const INDENT_LANGS = new Set<Language>(['python', 'ruby', 'javascript', 'typescript', 'java', 'go', 'php', 'csharp']);

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

/** Lines that open a function or block with parameters. */
const HEADER =
  /\b(?:def|function|func|fn|sub|lambda)\b|=>|\bdo\s*\||\{\s*\|[^|]*\||^\s*(?:(?:public|private|protected|static|internal|async|override|final|virtual|synchronized|export|default)\s+)*[\w<>[\],.?]+\s+\w+\s*\([^)]*\)?\s*(?:throws [\w, .]+)?\s*\{?\s*$/;

function upperBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A line that ends in an operator or a backslash continues on the next one. */
function continues(masked: string, newline: number): boolean {
  let k = newline - 1;
  while (k >= 0 && (masked[k] === ' ' || masked[k] === '\t' || masked[k] === '\r')) k--;
  const c = masked[k];
  if (c === '+' || c === '\\' || c === ',' || c === '.' || c === '%' || c === '(') return true;
  let j = newline + 1;
  while (j < masked.length && (masked[j] === ' ' || masked[j] === '\t')) j++;
  return masked[j] === '+' || masked[j] === '.' && masked[j + 1] !== '.' || masked[j] === '%';
}

/** Blanks the arguments of sanitising calls so identifiers inside them do not count. */
function blankSanitised(text: string): string {
  text = blankNumericCasts(text);
  SANITISERS.lastIndex = 0;
  if (!SANITISERS.test(text)) return text;
  SANITISERS.lastIndex = 0;
  const chars = text.split('');
  for (let m = SANITISERS.exec(text); m; m = SANITISERS.exec(text)) {
    let depth = 1;
    let i = m.index + m[0].length;
    // The sanitiser's name and receiver go too: `db.escape(x)` says nothing about `db`.
    for (let k = m.index + (/^[\w$]/.test(m[0]) ? 0 : 1); k < i - 1; k++) chars[k] = ' ';
    for (; i < text.length && depth > 0; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      if (depth > 0) chars[i] = ' ';
    }
  }
  return chars.join('');
}

/** `(int) $_GET['id']`, `(long) x`, `(float) ($a ?? 0)`: a number cannot carry markup or SQL. */
const NUMERIC_CAST = /\(\s*(?:int|integer|float|double|bool|boolean|long|short)\s*\)\s*/g;

function blankNumericCasts(text: string): string {
  NUMERIC_CAST.lastIndex = 0;
  if (!NUMERIC_CAST.test(text)) return text;
  NUMERIC_CAST.lastIndex = 0;
  const chars = text.split('');
  for (let m = NUMERIC_CAST.exec(text); m; m = NUMERIC_CAST.exec(text)) {
    let i = m.index + m[0].length;
    if (text[i] === '(') {
      let depth = 0;
      for (; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) break;
        chars[i] = ' ';
      }
    } else {
      const operand = /^\$?[A-Za-z_][\w$]*(?:\s*(?:\[[^\]\n]*\]|->\s*\w+|\.\s*\w+))*/.exec(text.slice(i));
      for (let k = 0; k < (operand?.[0].length ?? 0); k++) chars[i + k] = ' ';
    }
  }
  return chars.join('');
}

/** Variables read by an expression (roots of member chains; callees and keywords skipped). */
export function identifiersOf(text: string, language: Language): string[] {
  const names = new Set<string>();
  const re = /(\$?[A-Za-z_][\w$]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1]!;
    const before = text[m.index - 1] ?? '';
    if (before === '.' || before === '>' || before === ':' && text[m.index - 2] === ':') continue; // member access
    if (/\d/.test(before)) continue;
    const after = text.slice(m.index + name.length).match(/^\s*(\S)/)?.[1];
    if (after === '(' && !name.startsWith('$')) continue; // callee
    const next = text[m.index + name.length];
    if (next === '`' || ((next === '"' || next === "'") && /^[rRbBuUfF]{1,2}$/.test(name))) continue; // string prefix (f"…", rb'…') or template tag
    if (after === ':' && language !== 'python' && text.slice(m.index + name.length).match(/^\s*:(?!:)/)) continue; // object key
    if (KEYWORDS.has(name)) continue;
    if (language === 'php' && !name.startsWith('$')) continue; // PHP bare words are functions/constants
    if (name === '$this') continue;
    names.add(name);
  }
  return [...names];
}

/** Offsets of the arguments of the call whose `(` is at `open` (top-level commas only). */
export function callArguments(masked: string, open: number): { args: Array<[number, number]>; end: number } {
  const args: Array<[number, number]> = [];
  let depth = 0;
  let argStart = open + 1;
  const limit = Math.min(masked.length, open + 20_000);
  for (let i = open; i < limit; i++) {
    const c = masked[i]!;
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) {
        if (masked.slice(argStart, i).trim()) args.push([argStart, i]);
        return { args, end: i + 1 };
      }
    } else if (c === ',' && depth === 1) {
      args.push([argStart, i]);
      argStart = i + 1;
    }
  }
  // Unclosed call (truncated snippet): take what is there.
  if (masked.slice(argStart, limit).trim()) args.push([argStart, limit]);
  return { args, end: limit };
}

/** SQL statement shapes; a literal holding one is query text. */
export const SQL_TEXT =
  /\b(?:SELECT\s[\s\S]{0,400}?\bFROM\b|SELECT\s+(?:\*|[\w.,\s]+)$|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+[\w."`\[\]]+\s+SET\b|DELETE\s+FROM\b|WITH\s+\w+\s+AS\s*\(|(?:CREATE|DROP|ALTER|TRUNCATE)\s+TABLE\b|REPLACE\s+INTO\b|MERGE\s+INTO\b|\bWHERE\s+[\w.]+\s*(?:=|LIKE|IN\b|<|>)|\bORDER\s+BY\s*$|EXEC(?:UTE)?\s+\w+|CALL\s+\w+\s*\()/i;

/** The text of a call argument, and for a lone variable the right-hand side that last set it. */
export function argumentText(flow: Flow, start: number, end: number): string {
  const text = flow.code.code.slice(start, end);
  const name = /^\s*(\$?[A-Za-z_][\w$]*)\s*$/.exec(text)?.[1];
  if (!name) return text;
  const esc = name.replace(/[$]/g, '\\$');
  const assign = new RegExp(`(?:^|[^\\w$.])${esc}\\s*(?:\\+=|\\.=|:=|=)(?![=>])`);
  const atLine = flow.lineOf(start);
  let collected = '';
  for (let line = atLine; line >= 0 && line > atLine - 200; line--) {
    const lt = flow.lineText(line);
    const a = assign.exec(lt);
    if (!a) continue;
    const rhsStart = flow.lineStarts[line]! + a.index + a[0].length;
    collected += ' ' + flow.code.code.slice(rhsStart, flow.statementEnd(rhsStart));
    if (!/[+.]=$/.test(a[0])) break;
  }
  return collected || text;
}

/** Membership tests; the captured name is the list tested against. */
const MEMBERSHIP = /\bin\s+(?:[\w$]+\s*(?:\.|::)\s*)?([\w$]+)|\bin_array\s*\([^,()]*,\s*(\$?\w+)|\b([\w$]+)\s*(?:\.|->)\s*(?:has|includes|contains|include\?|indexOf|containsKey)\s*\(/g;
/** A list whose name says it holds the permitted values. */
const ALLOW_LIST_NAME = /allow|white_?list|permit|trusted|^\$?(?:SAFE|VALID)_/i;

function testsAllowList(line: string): boolean {
  MEMBERSHIP.lastIndex = 0;
  for (let m = MEMBERSHIP.exec(line); m; m = MEMBERSHIP.exec(line)) {
    if (ALLOW_LIST_NAME.test(m[1] ?? m[2] ?? m[3] ?? '')) return true;
  }
  return false;
}

/**
 * True when a value the expression at [start, end) reads was checked against an allow-list
 * shortly before (`if (!ALLOWED_HOSTS.has(u.hostname)) throw …`, `if host not in ALLOWED:`,
 * `$p = in_array($p, $allowed) ? $p : 'home'`): input confined to known values cannot steer a
 * path or a request. Looks back within the enclosing function only.
 */
export function allowListed(flow: Flow, start: number, end: number): boolean {
  const names = identifiersOf(flow.code.code.slice(start, end), flow.language);
  if (!names.length) return false;
  const line = flow.lineOf(start);
  for (let l = line; l >= 0 && l > line - 30; l--) {
    const text = flow.lineText(l);
    if (testsAllowList(text) && names.some((n) => new RegExp(`(?:^|[^\\w$])${n.replace(/\$/g, '\\$')}(?![\\w$])`).test(text))) return true;
    if (l < line && HEADER.test(text)) break;
  }
  return false;
}
