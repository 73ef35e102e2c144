#!/usr/bin/env node
'use strict';
// Node 22+ keeps compiled code between runs, which saves part of every start (no-op on 20).
require('node:module').enableCompileCache?.();
const { main } = require('../dist/client/cli/main.js');

main(process.argv).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`multaqa: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
