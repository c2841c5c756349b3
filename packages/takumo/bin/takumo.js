#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// Compile each pattern to machine code on its first use instead of interpreting it first:
// a scan runs nearly all of its hundreds of patterns many times, so the interpreter's own
// compile is wasted work (about 40 ms of a scan's start; bench/scan.bench.mjs). Set before
// any pattern exists, hence the dynamic import below.
setFlagsFromString('--no-regexp-tier-up');
const { main } = await import('../dist/cli.js');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // Last-resort handler: never print a stack for what reaches here, and never
    // a message that could hold input text (errors are built from metadata only).
    process.stderr.write(`takumo: internal error (${error?.code ?? 'TAKUMO_E_INTERNAL'})\n`);
    process.exitCode = 2;
  },
);
