import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../domain/config';
import { openConnections } from '../client/connections';
import { createTrainingDay } from '../client/use-cases/training-days';
import { listTrainingDays } from '../client/use-cases/list-training-days';
import { freePort } from './stack/ports';
import { startEmbeddedSmtp } from './stack/embedded-smtp';
import { startTemporalDevServer, stopProcess } from './stack/temporal-dev-server';

/**
 * The worker's memory with many running training days: its own Temporal dev server, the
 * worker as a separate process (`dist/workers/main.js`, as deployed), the real Redis, an
 * embedded SMTP server. Creates the days (each waits on its partners, with its children
 * running), then reads the worker's resident memory from /proc while they start and settle.
 *
 * `node dist/scripts/bench-worker-memory.js [--days 1000] [--quick]`; WORKER_MAX_CACHED_WORKFLOWS
 * and the other WORKER_MAX_* variables pass through to the worker. Target: RSS ≤ 512 MB.
 */
const ROOT = resolve(
  __dirname,
  '..',
  ...(__dirname.includes(join('dist', 'scripts')) ? ['..'] : []),
);
const TARGET_RSS_MB = 512;
const FUTURE_DATE = '2031-03-14';

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Resolves once the process prints a line containing `text`. */
function waitForLine(child: ReturnType<typeof spawn>, text: string): Promise<void> {
  return new Promise((resolveLine, reject) => {
    let seen = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolveLine();
    });
    child.once('exit', (code) => reject(new Error(`the worker exited with code ${code}`)));
  });
}

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) {
        const item = items[next];
        next += 1;
        await work(item as T);
      }
    }),
  );
}

async function main(): Promise<number> {
  const quick = process.argv.includes('--quick');
  const days = Number(flag('days') ?? (quick ? 100 : 1000));
  const temporal = await startTemporalDevServer({ port: await freePort() });
  const smtp = await startEmbeddedSmtp();
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-memory-${randomUUID().slice(0, 8)}`,
    REDIS_PREFIX: `multaqa-bench:${randomUUID().slice(0, 8)}:`,
    SMTP_URL: smtp.url,
    LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
    LOG_LEVEL: 'warn',
  };
  const config = parseConfig(env);
  const worker = spawn(process.execPath, [join(ROOT, 'dist', 'workers', 'main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = worker.pid;
  if (!pid) throw new Error('the worker did not start');
  let peakRssMb = 0;
  const sampler = setInterval(() => {
    try {
      peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
    } catch {
      // The worker is gone; its exit is reported below.
    }
  }, 250);
  const connections = await openConnections(config);
  await waitForLine(worker, 'polling');
  const idle = memoryOf(pid);
  try {
    const seed = JSON.parse(readFileSync(join(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
    const started = performance.now();
    const ids = Array.from({ length: days }, (_, index) => `mem-day-${index}`);
    await pool(ids, 8, async (id) => {
      await createTrainingDay(connections, seed, {
        id,
        date: FUTURE_DATE,
      });
    });
    // Every day has run (and so has its children started) once it has published its status.
    const deadline = Date.now() + 30 * 60_000;
    while ((await listTrainingDays(connections)).length < days) {
      if (Date.now() > deadline) throw new Error('the days did not all start in 30 minutes');
      await new Promise((wake) => setTimeout(wake, 1000));
    }
    const startedInS = (performance.now() - started) / 1000;
    const running = await connections.temporal.workflow.count(
      `ExecutionStatus = "Running" AND TaskQueue = "${config.TEMPORAL_TASK_QUEUE}"`,
    );
    // Let the children settle (partner and speaker calls sent, timers set).
    await new Promise((wake) => setTimeout(wake, 15_000));
    const settled = memoryOf(pid);
    const figures = {
      benchmark: 'worker-memory',
      days,
      runningWorkflows: running.count,
      maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      startedInS: Number(startedInS.toFixed(1)),
      workerRssIdleMb: Math.round(idle.rssMb),
      workerRssPeakMb: Math.round(Math.max(peakRssMb, settled.rssMb)),
      workerRssSettledMb: Math.round(settled.rssMb),
      targetRssMb: TARGET_RSS_MB,
      ratio: Number((Math.max(peakRssMb, settled.rssMb) / TARGET_RSS_MB).toFixed(2)),
    };
    console.log(JSON.stringify(figures));
    return figures.workerRssPeakMb <= TARGET_RSS_MB ? 0 : 1;
  } finally {
    clearInterval(sampler);
    let cursor = '0';
    do {
      const [nextCursor, keys] = await connections.redis.scan(
        cursor,
        'MATCH',
        `${config.REDIS_PREFIX}*`,
        'COUNT',
        1000,
      );
      cursor = nextCursor;
      if (keys.length > 0) await connections.redis.del(...keys);
    } while (cursor !== '0');
    await connections.close();
    await stopProcess(worker);
    await smtp.close();
    await temporal.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
