/**
 * A structural check that a regular expression runs in linear time on V8's backtracking
 * engine. V8 does not memoise, so two shapes can stall it on hostile input:
 * - an unbounded quantifier (`*`, `+`, `{n,}`): tried from every start offset, `[a-z]+X`
 *   costs O(n²) on a long run of letters without an X;
 * - a quantified group that itself contains a variable-length quantifier (`(a+)+`,
 *   `(?:\w{1,9}\.){1,9}`): the ways to split the input multiply.
 * With every quantifier bounded and none nested, the work per start offset is bounded by
 * a constant, so a scan is linear in the input. Back-references are refused too.
 */
export interface RegexProblem {
  kind: 'unbounded-quantifier' | 'nested-quantifier' | 'backreference';
  /** Offset in the pattern source where the problem is. */
  at: number;
}

interface Frame {
  variable: boolean;
}

interface Quantifier {
  min: number;
  max: number; // Infinity when unbounded
  length: number;
}

function readQuantifier(source: string, i: number): Quantifier | undefined {
  const c = source[i];
  let q: Quantifier | undefined;
  if (c === '*') q = { min: 0, max: Infinity, length: 1 };
  else if (c === '+') q = { min: 1, max: Infinity, length: 1 };
  else if (c === '?') q = { min: 0, max: 1, length: 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    if (m) {
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      q = { min, max, length: m[0].length };
    }
  }
  if (q && source[i + q.length] === '?') q.length++;
  return q;
}

/** Returns the problems found in `pattern`; an empty list means it is linear-time by construction. */
export function checkRegexSafety(pattern: RegExp | string): RegexProblem[] {
  const source = typeof pattern === 'string' ? pattern : pattern.source;
  const problems: RegexProblem[] = [];
  const stack: Frame[] = [{ variable: false }];
  let i = 0;
  const applyQuantifier = (atomIsGroupWithVariable: boolean, at: number): void => {
    const q = readQuantifier(source, i);
    if (!q) return;
    if (q.max === Infinity) problems.push({ kind: 'unbounded-quantifier', at });
    if (atomIsGroupWithVariable && q.max > 1) problems.push({ kind: 'nested-quantifier', at });
    if (q.min !== q.max) stack[stack.length - 1]!.variable = true;
    i += q.length;
  };
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) problems.push({ kind: 'backreference', at: i });
      // \u{…}, \x41, \u0041, \p{…}: skip the escape as one atom.
      const esc = /^\\(?:u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[pP]\{[^}]*\}|c[A-Za-z]|.)/.exec(source.slice(i, i + 16));
      i += esc ? esc[0].length : 2;
      applyQuantifier(false, i);
      continue;
    }
    if (c === '[') {
      i++;
      if (source[i] === '^') i++;
      if (source[i] === ']') i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      applyQuantifier(false, i);
      continue;
    }
    if (c === '(') {
      stack.push({ variable: false });
      i++;
      if (source[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(source.slice(i, i + 64));
        i += m ? m[0].length : 1;
      }
      continue;
    }
    if (c === ')') {
      const frame = stack.length > 1 ? stack.pop()! : { variable: false };
      i++;
      const parent = stack[stack.length - 1]!;
      if (frame.variable) parent.variable = true;
      applyQuantifier(frame.variable, i - 1);
      continue;
    }
    i++;
    applyQuantifier(false, i);
  }
  return problems;
}
