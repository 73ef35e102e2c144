import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every benchmark (scripts/bench-*.ts, built to dist/) one after the
 * other, each in its own process so one's memory does not colour the next's figures. Each
 * prints one JSON line of figures; a benchmark that misses its target exits non-zero.
 */
function main(): number {
  const only = process.argv.slice(2);
  const benches = readdirSync(__dirname)
    .filter((file) => /^bench-.+\.js$/.test(file))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  let failed = 0;
  for (const file of benches) {
    console.log(`\n== ${file.replace(/\.js$/, '')}`);
    const result = spawnSync(process.execPath, ['--expose-gc', join(__dirname, file)], {
      stdio: 'inherit',
    });
    if (result.status !== 0) failed += 1;
  }
  console.log(`\n${benches.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exit(main());
