import type { Node as TsNode } from 'web-tree-sitter';
import { Flow, type Taint } from '../flow.js';
import type { LexedCode } from '../lexer.js';
import { pythonParser } from './tree-sitter.js';

/**
 * Python data flow on a tree-sitter parse: names resolve in their function scope (nearest
 * assignment before the use, then the function's parameters, then the enclosing scopes);
 * a typed parameter (`id: int`) carries no text. A constant assigned in one branch of an
 * if/try deeper than the use does not settle the value: an earlier assignment may still
 * reach it through the other branch.
 */

interface Binding {
  pos: number;
  valueStart: number;
  valueEnd: number;
  augmented: boolean;
  indent: number;
}

interface Scope {
  start: number;
  end: number;
  params: Map<string, string | undefined>;
  bindings: Map<string, Binding[]>;
  declared: Set<string>;
}

const NUMERIC = /^(?:int|float|bool|complex|UUID|uuid\.UUID|datetime|date|Decimal)$/;

export class PythonFlow extends Flow {
  private readonly scopes: Scope[] = [];

  private constructor(code: LexedCode, root: TsNode) {
    super(code, 'python');
    const top: Scope = { start: 0, end: code.source.length, params: new Map(), bindings: new Map(), declared: new Set() };
    this.scopes.push(top);
    this.walk(root, top);
    this.scopes.sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  /** A parsed flow, or undefined when the grammar is not loaded (see initSentinel). */
  static create(code: LexedCode): PythonFlow | undefined {
    const parser = pythonParser();
    if (!parser) return undefined;
    const tree = parser.parse(code.source);
    if (!tree) return undefined;
    try {
      return new PythonFlow(code, tree.rootNode);
    } finally {
      tree.delete();
    }
  }

  protected override resolveInScope(name: string, at: number, depth: number): Taint | undefined {
    const useIndent = this.indentAt(at);
    for (const scope of this.scopes) {
      if (!(scope.start <= at && at < scope.end)) continue;
      const list = (scope.bindings.get(name) ?? []).filter((b) => b.pos <= at).sort((a, b) => b.pos - a.pos);
      let settled = false;
      let branchOnly = false;
      for (const b of list) {
        const t = this.expression(b.valueStart, Math.min(b.valueEnd, at), depth + 1);
        if (t.tainted) return t;
        if (b.augmented) continue;
        if (b.indent <= useIndent) {
          settled = true;
          break;
        }
        branchOnly = true;
      }
      if (settled) return { tainted: false };
      if (scope.params.has(name)) {
        const type = scope.params.get(name);
        return type && NUMERIC.test(type) ? { tainted: false } : { tainted: true, reason: 'parameter' };
      }
      if (branchOnly) return { tainted: false };
      if (scope.declared.has(name)) return { tainted: false };
    }
    return undefined;
  }

  private indentAt(pos: number): number {
    const line = this.lineText(this.lineOf(pos));
    return line.length - line.trimStart().length;
  }

  private walk(node: TsNode, scope: Scope): void {
    switch (node.type) {
      case 'function_definition':
      case 'lambda': {
        const name = node.childForFieldName('name');
        if (name) scope.declared.add(name.text);
        const inner: Scope = { start: node.startIndex, end: node.endIndex, params: new Map(), bindings: new Map(), declared: new Set() };
        for (const p of node.childForFieldName('parameters')?.namedChildren ?? []) {
          if (!p) continue;
          const id = p.type === 'identifier' ? p : (p.childForFieldName('name') ?? p.namedChildren.find((c) => c?.type === 'identifier') ?? null);
          if (id) inner.params.set(id.text, p.childForFieldName('type')?.text);
        }
        this.scopes.push(inner);
        const body = node.childForFieldName('body');
        if (body) this.walk(body, inner);
        return;
      }
      case 'class_definition': {
        const name = node.childForFieldName('name');
        if (name) scope.declared.add(name.text);
        break;
      }
      case 'import_statement':
      case 'import_from_statement':
        for (const c of node.namedChildren) {
          if (!c) continue;
          // Imported modules are code; imported values are of unknown origin (not declared).
          const alias = c.type === 'aliased_import' ? c.childForFieldName('alias') : c;
          if (alias && node.type === 'import_statement' && c.type !== 'aliased_import') scope.declared.add(alias.text.split('.')[0] ?? alias.text);
        }
        return;
      case 'assignment':
      case 'augmented_assignment': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left && right) for (const n of targetNames(left)) this.bind(scope, n, node, right, node.type === 'augmented_assignment');
        break;
      }
      case 'named_expression': {
        const name = node.childForFieldName('name');
        const value = node.childForFieldName('value');
        if (name && value) this.bind(scope, name.text, node, value, false);
        break;
      }
      case 'for_statement':
      case 'for_in_clause': {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left && right) for (const n of targetNames(left)) this.bind(scope, n, right, right, false);
        break;
      }
      case 'except_clause':
        for (const c of node.namedChildren) if (c?.type === 'identifier') scope.params.set(c.text, undefined);
        break;
    }
    for (const c of node.namedChildren) if (c) this.walk(c, scope);
  }

  private bind(scope: Scope, name: string, stmt: TsNode, value: TsNode, augmented: boolean): void {
    const list = scope.bindings.get(name) ?? [];
    list.push({ pos: stmt.endIndex, valueStart: value.startIndex, valueEnd: value.endIndex, augmented, indent: stmt.startPosition.column });
    scope.bindings.set(name, list);
  }
}

function targetNames(node: TsNode): string[] {
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'pattern_list' || node.type === 'tuple_pattern' || node.type === 'list_pattern' || node.type === 'expression_list') {
    return node.namedChildren.flatMap((c) => (c ? targetNames(c) : []));
  }
  return [];
}
