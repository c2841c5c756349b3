#!/usr/bin/env node
// The bundled CLI (scripts/bundle.mjs): a few files to load instead of about a hundred.
import { main } from '../dist/bundle/cli.js';

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
