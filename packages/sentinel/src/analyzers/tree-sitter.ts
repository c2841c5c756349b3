import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

const require = createRequire(import.meta.url);

/**
 * Tree-sitter grammars (prebuilt .wasm from tree-sitter-wasms, loaded by web-tree-sitter).
 * Loading is asynchronous, so it happens once in `initSentinel()`; scans stay synchronous
 * and use a grammar when it is loaded, the text analysis otherwise.
 */
let python: Parser | undefined;
let loading: Promise<void> | undefined;

export function loadGrammars(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const lang = await Language.load(require.resolve('tree-sitter-wasms/out/tree-sitter-python.wasm'));
    const parser = new Parser();
    parser.setLanguage(lang);
    python = parser;
  })().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function pythonParser(): Parser | undefined {
  return python;
}
