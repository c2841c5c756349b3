import { parse } from '@babel/parser';
import { Flow, type Taint } from '../flow.js';
import type { LexedCode } from '../lexer.js';
import type { Language } from '../types.js';

/**
 * JavaScript/TypeScript (JSX/TSX included) data flow on a real parse (@babel/parser with
 * error recovery): names resolve in their lexical scope — the nearest binding before the use
 * in the innermost function that has one, else that function's parameters, then outwards —
 * so a parameter shadowing a constant, or a `const { id } = req.query` destructuring, is
 * read the way the code means it. Code Babel cannot parse at all falls back to the text-based
 * resolution of `Flow`.
 */

interface AstNode {
  type: string;
  start?: number | null;
  end?: number | null;
  [key: string]: unknown;
}

interface Binding {
  /** Where the binding takes effect: the end of its statement (a use inside its own value reads the earlier one). */
  pos: number;
  valueStart: number;
  valueEnd: number;
  augmented: boolean;
}

interface Scope {
  start: number;
  end: number;
  params: Map<string, AstNode | undefined>;
  bindings: Map<string, Binding[]>;
  /** Names bound to functions, classes and imports: code, not data. */
  declared: Set<string>;
}

/** Broken snippets larger than this are parsed with error recovery only when cut off near the end. */
const RECOVERY_MAX_CHARS = 8_000;
const MAX_WALK_DEPTH = 400;

const PARSE_OPTIONS = { sourceType: 'unambiguous' as const, allowReturnOutsideFunction: true, allowAwaitOutsideFunction: true, allowImportExportEverywhere: true, allowUndeclaredExports: true };

function tryParse(source: string, plugins: string[], recover: boolean): { program: AstNode } | { pos: number } {
  // Error objects are built by the thousand on bad input; their stack traces are not needed.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const file = parse(source, { ...PARSE_OPTIONS, errorRecovery: recover, plugins: plugins as never }) as unknown as { program: AstNode };
    return { program: file.program };
  } catch (error) {
    const pos = (error as { pos?: unknown }).pos;
    return { pos: typeof pos === 'number' ? pos : 0 };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'extra', 'comments', 'leadingComments', 'trailingComments', 'innerComments', 'range', 'errors', 'tokens']);
const NUMERIC_TYPES = new Set(['TSNumberKeyword', 'TSBooleanKeyword', 'TSBigIntKeyword']);

export class JavaScriptFlow extends Flow {
  private readonly scopes: Scope[] = [];

  private constructor(code: LexedCode, language: Language, program: AstNode) {
    super(code, language);
    const root: Scope = { start: 0, end: code.source.length, params: new Map(), bindings: new Map(), declared: new Set() };
    this.scopes.push(root);
    this.walk(program, root);
    // Innermost first when searching: sort by size.
    this.scopes.sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /** A parsed flow, or undefined when the snippet does not parse even with error recovery. */
  static create(code: LexedCode, language: Language): JavaScriptFlow | undefined {
    const pluginSets = language === 'typescript' ? [['typescript', 'jsx'], ['typescript'], ['jsx']] : [['jsx'], ['jsx', 'typescript'], ['typescript']];
    // A strict parse first: valid code parses, broken code fails fast. Error recovery (which
    // builds one error object per problem) only for snippets where it is cheap: small ones, or
    // ones cut off near the end (a truncated answer) — not for hostile input full of errors.
    // Minified or generated code (very long lines) is not what answers hold; the text analysis covers it.
    if (/[^\n]{2000}/.test(code.source)) return undefined;
    let firstError = Infinity;
    for (const plugins of pluginSets) {
      const result = tryParse(code.source, plugins, false);
      if ('program' in result) return new JavaScriptFlow(code, language, result.program);
      firstError = Math.min(firstError, result.pos);
    }
    if (code.source.length > RECOVERY_MAX_CHARS && firstError < code.source.length * 0.8) return undefined;
    for (const plugins of pluginSets) {
      const result = tryParse(code.source, plugins, true);
      if ('program' in result) return new JavaScriptFlow(code, language, result.program);
    }
    return undefined;
  }

  protected override resolveInScope(name: string, at: number, depth: number): Taint | undefined {
    const chain = this.scopes.filter((s) => s.start <= at && at < s.end);
    for (const scope of chain) {
      const list = scope.bindings.get(name);
      if (list) {
        let nearest: Binding | undefined;
        for (const b of list) if (b.pos < at && (!nearest || b.pos > nearest.pos)) nearest = b;
        if (nearest) {
          if (nearest.valueEnd <= nearest.valueStart) return { tainted: false };
          const t = this.expression(nearest.valueStart, Math.min(nearest.valueEnd, at), depth + 1);
          if (t.tainted || !nearest.augmented) return t;
          return this.resolveInScope(name, nearest.valueStart, depth + 1) ?? { tainted: false };
        }
      }
      if (scope.params.has(name)) {
        const type = scope.params.get(name);
        if (type && NUMERIC_TYPES.has(type.type)) return { tainted: false };
        return { tainted: true, reason: 'parameter' };
      }
      if (scope.declared.has(name)) return { tainted: false };
    }
    return undefined;
  }

  private walk(node: AstNode, scope: Scope, depth = 0): void {
    // Deeply nested input (hostile or generated) is not walked to the bottom.
    if (depth > MAX_WALK_DEPTH) return;
    const t = node.type;
    if (/Function|ArrowFunctionExpression|ObjectMethod|ClassMethod|ClassPrivateMethod/.test(t) && typeof node.start === 'number') {
      if (t === 'FunctionDeclaration' && (node.id as AstNode | null)?.type === 'Identifier') scope.declared.add((node.id as AstNode).name as string);
      const inner: Scope = { start: node.start, end: node.end ?? node.start, params: new Map(), bindings: new Map(), declared: new Set() };
      for (const p of (node.params as AstNode[] | undefined) ?? []) for (const [n, type] of patternNames(p)) inner.params.set(n, type);
      this.scopes.push(inner);
      if (node.body) this.walk(node.body as AstNode, inner, depth + 1);
      return;
    }
    switch (t) {
      case 'VariableDeclarator': {
        const init = node.init as AstNode | null;
        for (const [n] of patternNames(node.id as AstNode)) this.bind(scope, n, node.end ?? 0, init, false);
        break;
      }
      case 'AssignmentExpression': {
        const left = node.left as AstNode;
        const op = node.operator as string;
        if (left.type === 'Identifier' || left.type === 'ObjectPattern' || left.type === 'ArrayPattern') {
          for (const [n] of patternNames(left)) this.bind(scope, n, node.end ?? 0, node.right as AstNode, op !== '=');
        }
        break;
      }
      case 'ForOfStatement':
      case 'ForInStatement': {
        const left = node.left as AstNode;
        const target = left.type === 'VariableDeclaration' ? ((left.declarations as AstNode[])[0]?.id as AstNode) : left;
        if (target) for (const [n] of patternNames(target)) this.bind(scope, n, (node.right as AstNode).end ?? 0, node.right as AstNode, false);
        for (const key of ['right', 'body']) if (node[key]) this.walk(node[key] as AstNode, scope, depth + 1);
        return;
      }
      case 'ClassDeclaration':
        if ((node.id as AstNode | null)?.type === 'Identifier') scope.declared.add((node.id as AstNode).name as string);
        break;
      case 'ImportDeclaration':
        for (const s of (node.specifiers as AstNode[]) ?? []) scope.declared.add((s.local as AstNode).name as string);
        return;
      case 'CatchClause':
        if (node.param) for (const [n] of patternNames(node.param as AstNode)) scope.params.set(n, undefined);
        break;
    }
    for (const key of Object.keys(node)) {
      if (SKIP_KEYS.has(key)) continue;
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c === 'object' && typeof (c as AstNode).type === 'string') this.walk(c as AstNode, scope, depth + 1);
      } else if (v && typeof v === 'object' && typeof (v as AstNode).type === 'string') this.walk(v as AstNode, scope, depth + 1);
    }
  }

  private bind(scope: Scope, name: string, pos: number, value: AstNode | null | undefined, augmented: boolean): void {
    const list = scope.bindings.get(name) ?? [];
    list.push({ pos, valueStart: value?.start ?? pos, valueEnd: value?.end ?? pos, augmented });
    scope.bindings.set(name, list);
  }
}

/** Names a binding pattern introduces, with a TypeScript type annotation when there is one. */
function patternNames(p: AstNode | null | undefined): Array<[string, AstNode | undefined]> {
  if (!p) return [];
  switch (p.type) {
    case 'Identifier': {
      const ann = (p.typeAnnotation as AstNode | null | undefined)?.typeAnnotation as AstNode | undefined;
      return [[p.name as string, ann]];
    }
    case 'AssignmentPattern':
      return patternNames(p.left as AstNode);
    case 'RestElement':
      return patternNames(p.argument as AstNode);
    case 'TSParameterProperty':
      return patternNames(p.parameter as AstNode);
    case 'ObjectPattern':
      return ((p.properties as AstNode[]) ?? []).flatMap((prop) => patternNames((prop.type === 'RestElement' ? prop : prop.value) as AstNode));
    case 'ArrayPattern':
      return ((p.elements as Array<AstNode | null>) ?? []).flatMap((e) => patternNames(e));
    default:
      return [];
  }
}
