import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig } from '../domain/config';
import { openConnections } from '../client/connections';
import { TrainingDayChangeFeed } from '../client/http/change-feed';
import { createTrainingDay, readStatus } from '../client/use-cases/training-days';
import { listTrainingDays } from '../client/use-cases/list-training-days';
import { storeTrainingDayProjection } from '../stores/read-model';
import { runWorker } from '../workers/worker-runtime';
import { freePort } from './stack/ports';
import { startEmbeddedSmtp } from './stack/embedded-smtp';
import { startTemporalDevServer } from './stack/temporal-dev-server';
import { createLogger } from '../client/logging';

/**
 * Status reads from the Redis read model against queries to the workflows, on this machine:
 * its own Temporal dev server, a worker, the real Redis (REDIS_URL), an embedded SMTP server.
 * `npx tsx scripts/bench-read-model.ts [days] [reads]` (defaults 20 and 300).
 */
const ROOT = resolve(
  __dirname,
  '..',
  ...(__dirname.includes(join('dist', 'scripts')) ? ['..'] : []),
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return `${label.padEnd(34)} n=${String(samples.length).padStart(4)}  mean ${mean.toFixed(2)} ms  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms`;
}

async function timed<T>(samples: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  samples.push(performance.now() - started);
  return result;
}

async function main(): Promise<void> {
  const days = Number(process.argv[2] ?? 20);
  const reads = Number(process.argv[3] ?? 300);
  const port = await freePort();
  const temporal = await startTemporalDevServer({ port });
  const smtp = await startEmbeddedSmtp();
  const config = parseConfig({
    ...process.env,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-${randomUUID().slice(0, 8)}`,
    REDIS_PREFIX: `multaqa-bench:${randomUUID().slice(0, 8)}:`,
    SMTP_URL: smtp.url,
    LINK_SECRET: 'bench-link-secret-0123456789abcdef0123456789',
    LOG_LEVEL: 'warn',
  });
  const worker = await runWorker(config, smtp.url, createLogger(config, { name: 'bench' }));
  const connections = await openConnections(config);
  try {
    const seed = JSON.parse(readFileSync(join(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));
    const eventIds: string[] = [];
    for (let index = 0; index < days; index += 1) {
      const { eventId } = await createTrainingDay(connections, {
        ...seed,
        id: `bench-day-${index}`,
      });
      eventIds.push(eventId);
    }
    // Wait until every day has published its projection.
    const deadline = Date.now() + 60_000;
    while ((await listTrainingDays(connections)).length < days) {
      if (Date.now() > deadline) throw new Error('the workflows did not publish their projections');
      await new Promise((wake) => setTimeout(wake, 200));
    }

    const fromRedis: number[] = [];
    const fromTemporal: number[] = [];
    for (let index = 0; index < reads; index += 1) {
      const eventId = eventIds[index % eventIds.length]!;
      const cached = await timed(fromRedis, () => readStatus(connections, eventId));
      if (cached.source !== 'read-model') throw new Error('expected a read-model reading');
      await timed(fromTemporal, () => readStatus(connections, eventId, { live: true }));
    }
    const listing: number[] = [];
    for (let index = 0; index < 50; index += 1)
      await timed(listing, () => listTrainingDays(connections));

    // Publication to a live listener: store, pub/sub, one read, delivered.
    const feed = new TrainingDayChangeFeed(connections.redis, config.REDIS_PREFIX);
    const notified: number[] = [];
    let sentAt = 0;
    let resolveNext: (() => void) | undefined;
    await feed.listen(() => {
      notified.push(performance.now() - sentAt);
      resolveNext?.();
    });
    const { status } = await readStatus(connections, eventIds[0]!, { live: true });
    for (let index = 0; index < 100; index += 1) {
      const delivered = new Promise<void>((resolveDelivery) => (resolveNext = resolveDelivery));
      sentAt = performance.now();
      await storeTrainingDayProjection(connections.redis, config.REDIS_PREFIX, status, {
        version: Date.now() + index,
      });
      await delivered;
    }
    await feed.close();

    console.log(`read model benchmark: ${days} training days, ${reads} reads each way`);
    console.log(summary('status from Redis (read model)', fromRedis));
    console.log(summary('status from Temporal (query)', fromTemporal));
    console.log(summary(`list of ${days} days from Redis`, listing));
    console.log(summary('publish → live listener', notified));
  } finally {
    const keys = await connections.redis.keys(`${config.REDIS_PREFIX}*`);
    if (keys.length > 0) await connections.redis.del(...keys);
    await connections.close();
    await worker.stop();
    await smtp.close();
    await temporal.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
