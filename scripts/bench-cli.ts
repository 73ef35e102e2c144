import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connectRedis } from '../client/connections';
import { freePort } from './stack/ports';
import { startTemporalDevServer } from './stack/temporal-dev-server';
import { numberOption } from './stack/number-option';

/**
 * How long the installed `multaqa` command takes to answer, as a user runs it: the built bin
 * spawned afresh each time for `--help`, `--version` and two commands that read Redis (the
 * real one at REDIS_URL, under a key prefix of its own, seeded with examples/associations.csv).
 * Prints one JSON line with p50/p95 per command and `ratio` (worst p50 / 300 ms target); exits
 * 1 when a p50 misses the target. A command that needs Temporal too (`projections rebuild`,
 * against a dev server of its own) is measured and shown, not held to the target: it loads
 * Temporal's gRPC client and opens a connection, which costs more than the target on its own.
 * `node dist/scripts/bench-cli.js [--runs N]` (default 30).
 */
const ROOT = resolve(
  __dirname,
  '..',
  ...(__dirname.includes(join('dist', 'scripts')) ? ['..'] : []),
);
const BIN = join(ROOT, 'bin', 'multaqa.js');

/** The target: a command answers in under 300 ms at the median. */
const TARGET_P50_MS = 300;

/** Commands held to the target. */
const COMMANDS: Record<string, string[]> = {
  help: ['--help'],
  version: ['--version'],
  'associations list': ['associations', 'list', '--json'],
  'event list': ['event', 'list', '--json'],
};

/** Commands measured but not held to it (they open Temporal). */
const WITH_TEMPORAL: Record<string, string[]> = {
  'projections rebuild': ['projections', 'rebuild', '--json'],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<number> {
  const runs = Math.floor(numberOption('runs', 30));
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `multaqa-bench-cli:${randomUUID().slice(0, 8)}:`;
  // Its own folder: the settings (and generated secrets) of a fresh install, not this checkout's.
  const cwd = mkdtempSync(join(tmpdir(), 'multaqa-bench-cli-'));
  const temporal = await startTemporalDevServer({ port: await freePort() });
  const env = {
    ...process.env,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    TEMPORAL_ADDRESS: temporal.address,
    LOG_LEVEL: 'warn',
  };
  const run = (args: string[]): number => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
    const elapsed = performance.now() - started;
    if (result.status !== 0)
      throw new Error(`multaqa ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return elapsed;
  };
  try {
    run(['associations', 'import', join(ROOT, 'examples', 'associations.csv')]);
    const measure = (commands: Record<string, string[]>) =>
      Object.fromEntries(
        Object.entries(commands).map(([name, args]) => {
          run(args); // warm the file cache
          const samples = Array.from({ length: runs }, () => run(args)).sort((a, b) => a - b);
          const figure = {
            p50Ms: Math.round(percentile(samples, 50)),
            p95Ms: Math.round(percentile(samples, 95)),
          };
          return [name, figure];
        }),
      );
    const figures = measure(COMMANDS);
    const withTemporal = measure(WITH_TEMPORAL);
    const worstP50 = Math.max(...Object.values(figures).map((figure) => figure.p50Ms));
    console.log(
      JSON.stringify({
        benchmark: 'cli',
        runs,
        commands: figures,
        notHeldToTarget: withTemporal,
        targetP50Ms: TARGET_P50_MS,
        ratio: Number((worstP50 / TARGET_P50_MS).toFixed(2)),
      }),
    );
    return worstP50 <= TARGET_P50_MS ? 0 : 1;
  } finally {
    rmSync(cwd, { recursive: true, force: true });
    await temporal.stop();
    const redis = await connectRedis({ REDIS_URL: redisUrl });
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
