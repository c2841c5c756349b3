#!/usr/bin/env node
// Makes the V8 code cache of the core's bundled script (see bundleCore in scripts/bundle.mjs).
//   node scripts/core-code-cache.mjs SCRIPT CACHE AUTOMATON
//     → writes CACHE and AUTOMATON (the built-in rules' keyword automaton), prints the API's export names (JSON)
//
// The script is run and every rule's examples detected before the cache is taken: V8 saves
// the bytecode of the functions compiled so far, so the cache then holds the finders and
// checks a scan runs, which would otherwise each be compiled when first called. The detector
// takes its automaton from the image, as at run time, so reading it back is in the cache too.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';

/** The bundle entry's hooks for the build and the loader (packages/core/src/bundle-entry.ts): not the package's API. */
const HOOKS = ['usePrebuiltAutomaton', 'builtinAutomatonImage'];

const [scriptFile, cacheFile, automatonFile] = process.argv.slice(2);
const script = new Script(readFileSync(scriptFile, 'utf8'), { filename: scriptFile });
const core = { exports: {} };
script.runInThisContext()(core.exports, createRequire(scriptFile), core);
const api = core.exports;
const automaton = api.builtinAutomatonImage();
writeFileSync(automatonFile, automaton);
api.usePrebuiltAutomaton(automaton);
const detector = api.createDetector({});
for (const rule of api.builtinRules) {
  for (const example of [...(rule.examples?.match ?? []), ...(rule.examples?.noMatch ?? [])]) detector.detect(example, { file: 'example.txt' });
}
writeFileSync(cacheFile, script.createCachedData());
process.stdout.write(JSON.stringify(Object.keys(api).filter((name) => !HOOKS.includes(name))));
