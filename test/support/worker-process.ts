/**
 * A multaqa mail worker in its own process, for tests that kill it (SIGKILL) mid-campaign.
 * Run with `node --import tsx test/support/worker-process.ts`. Reads the usual configuration
 * from the environment, plus:
 * - MULTAQA_TEST_TEMPORAL_ADDRESS: the shared dev server (else TEMPORAL_ADDRESS);
 * - MULTAQA_WORKER_BUNDLE: a workflow bundle file (the test's own workflows);
 * - MULTAQA_MAIL_LEASE_MS: the send-claim lease, short in tests so resends come quickly.
 * Prints `worker ready` once polling; SIGTERM shuts it down cleanly.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { createMailActivities } from '../../activities/mail';
import { parseConfig } from '../../domain/config';
import { createMailTransport } from '../../workers/mail-transport';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = parseConfig(process.env);
  const address = process.env.MULTAQA_TEST_TEMPORAL_ADDRESS ?? config.TEMPORAL_ADDRESS;
  const bundleFile = process.env.MULTAQA_WORKER_BUNDLE;
  if (!bundleFile) throw new Error('MULTAQA_WORKER_BUNDLE is not set');
  if (!config.SMTP_URL) throw new Error('SMTP_URL is not set');
  const leaseMs = Number(process.env.MULTAQA_MAIL_LEASE_MS ?? '30000');

  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const mailer = createMailTransport(config.SMTP_URL);
  const nativeConnection = await NativeConnection.connect({ address });
  try {
    const worker = await Worker.create({
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowBundle: { code: readFileSync(bundleFile, 'utf8') },
      // A killed worker's sticky queue holds its workflows' next tasks this long before they
      // go to the shared queue: keep it short, tests kill workers on purpose.
      stickyQueueScheduleToStartTimeout: '1 second',
      activities: createMailActivities({ config, redis, mailer }, { leaseMs }),
    });
    process.once('SIGTERM', () => worker.shutdown());
    const running = worker.run();
    process.stdout.write('worker ready\n');
    await running;
  } finally {
    mailer.close();
    redis.disconnect();
    await nativeConnection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
