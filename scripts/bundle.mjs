#!/usr/bin/env node
// Bundles the compiled JavaScript (run after `tsc -b`, as `npm run build` does) so that
// start-up reads a handful of files instead of about a hundred.
//
// Why: Node 20 loads ES modules one file at a time, each read on the thread pool while the
// main thread waits. `takumo scan` of one staged file spent ~85 ms of its ~400 ms loading
// the core's 50 modules, the CLI's 44 and commander/ignore/smol-toml; the pre-commit hook
// pays that on every commit. Bundled, the same scan finishes ~85 ms sooner (A/B runs of
// `takumo scan <one file>`, 392 ms → 309 ms at best).
//
// Two bundles, so that every package still gets the one and only copy of the core:
// - packages/core/dist/bundle/index.js: the core's public API in one module. The core's
//   package.json points its runtime export at it, so the CLI, the proxy, Sentinel and the
//   library all load this same file (two copies of the core in one process would split its
//   error classes and state). The code itself is in core-script.js beside it, loaded with
//   the V8 code cache the build makes (see bundleCore below).
// - packages/takumo/dist/bundle/: the CLI entry, its commands (each a lazily loaded chunk,
//   as in the unbundled build) and the scan's worker script, with commander, ignore and
//   smol-toml inside. The other @takumo packages stay outside: they are loaded as packages,
//   and the proxy, Sentinel and cloud read files next to their own modules.
//
// The library entry points (`import … from 'takumo'`, '@takumo/proxy', …) stay tsc's output
// apart from the core's; tests run the TypeScript sources.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  // No source maps and no minifying: stack traces are never shown to users (errors print
  // one line), and readable names keep a CPU profile readable.
};

const coreOut = join(root, 'packages/core/dist/bundle');
rmSync(coreOut, { recursive: true, force: true });
await bundleCore();

const cliOut = join(root, 'packages/takumo/dist/bundle');
rmSync(cliOut, { recursive: true, force: true });
await build({
  ...common,
  // The worker script sits beside the chunk that starts it: worker-pool.ts finds it as
  // `new URL('./detect-worker.js', import.meta.url)`, and chunks are written to the root.
  entryPoints: [join(root, 'packages/takumo/dist/cli.js'), join(root, 'packages/takumo/dist/scan/detect-worker.js')],
  entryNames: '[name]',
  outdir: cliOut,
  splitting: true,
  external: ['@takumo/*'],
  // commander and ignore are CommonJS and require Node built-ins: give the ES module a require.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
});

/**
 * The core's bundle, loaded with a V8 code cache made at build time.
 *
 * Why: Node 20 compiles an ES module from its source on every start (its compile cache
 * came in Node 22): the core's ~1.5 MB bundle took ~40 ms to compile before `takumo` could
 * do anything, and each function compiled again the first time it ran (~800 rules, most
 * with finders of their own). Loaded as a script with `cachedData`, V8 takes the bytecode
 * the build saved instead. Instructions (callgrind, all threads) of `takumo scan` over the
 * bench tree: 10.23 G -> 9.80 G (-4.3%); of importing the core alone: 1,025 M -> 923 M.
 *
 * - core-script.js: the bundle as one function expression, `(function (exports, require, module) {…})`.
 * - core-script.cache: V8's code cache of it, made by scripts/core-code-cache.mjs after it
 *   has run the rules' examples, so that it holds the functions a scan runs, not only the
 *   top level. Made by the Node.js that builds; another Node.js or other V8 flags reject
 *   it, and the script is then compiled from source as before.
 * - core-automaton.bin: the keyword automaton of the built-in rules, made by the same script
 *   (packages/core/src/prebuilt-automaton.ts), so that a detector need not build it at every start.
 * - index.js: the ES module the core's package exports. It checks that the script is the
 *   one the cache and the automaton were made from (V8 itself compares only lengths), hands
 *   the automaton to the core and re-exports its API.
 *
 * The script's entry is bundle-entry.js: the API and the automaton's two hooks, which index.js does not re-export.
 */
async function bundleCore() {
  const script = join(coreOut, 'core-script.js');
  await build({
    ...common,
    entryPoints: [join(root, 'packages/core/dist/bundle-entry.js')],
    outfile: script,
    format: 'cjs',
    banner: { js: '(function (exports, require, module) {"use strict";' },
    footer: { js: '})' },
  });
  const made = spawnSync(process.execPath, [join(root, 'scripts/core-code-cache.mjs'), script, join(coreOut, 'core-script.cache'), join(coreOut, 'core-automaton.bin')], {
    encoding: 'utf8',
    // The cache records V8's flags: make it with none, as `takumo` runs.
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (made.status !== 0) throw new Error(`core code cache: ${made.stderr}`);
  const exportNames = JSON.parse(made.stdout);
  const sha256 = createHash('sha256').update(readFileSync(script)).digest('hex');
  writeFileSync(join(coreOut, 'index.js'), coreEntry(exportNames, sha256));
}

function coreEntry(exportNames, sha256) {
  return `// Generated by scripts/bundle.mjs: the core's API from core-script.js, compiled with the code cache the build made.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('./core-script.js', import.meta.url));
const source = readFileSync(file);
// V8 checks a cache against its script's length only: one made from another script of the same length
// would run that script's bytecode. Hashing the script costs ~1.5 ms of the ~25 the cache saves. The
// automaton is used only with the script it was made from, too.
const built = createHash('sha256').update(source).digest('hex') === '${sha256}';
const cachedData = built ? readBeside('./core-script.cache') : undefined;
const core = { exports: {} };
new Script(source.toString('utf8'), { filename: file, cachedData }).runInThisContext()(core.exports, createRequire(file), core);
const automaton = built ? readBeside('./core-automaton.bin') : undefined;
if (automaton !== undefined) core.exports.usePrebuiltAutomaton(automaton);

function readBeside(name) {
  try {
    return readFileSync(new URL(name, import.meta.url));
  } catch {
    return undefined;
  }
}

export const { ${exportNames.join(', ')} } = core.exports;
`;
}
