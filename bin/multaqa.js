#!/usr/bin/env node
'use strict';
const { main } = require('../dist/client/cli/main.js');

main(process.argv).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`multaqa: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
