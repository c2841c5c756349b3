#!/usr/bin/env node
import { main } from '../dist/cli.js';

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
