/**
 * The whole multaqa worker (every workflow and activity) in its own process, for fault tests
 * that kill it. Run with `node --import tsx test/support/multaqa-worker-process.ts`. Reads the
 * usual configuration from the environment, plus MULTAQA_TEST_TEMPORAL_ADDRESS (the shared dev
 * server) and MULTAQA_TEST_WORKFLOW_BUNDLE (the bundle the jest global setup built). Prints
 * `worker ready` once polling; SIGTERM shuts it down cleanly.
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { Redis } from 'ioredis';
import { readFileSync } from 'node:fs';
import { parseConfig } from '../../domain/config';
import { createMultaqaWorker } from '../../workers/create-worker';
import { createMailTransport } from '../../workers/mail-transport';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const config = parseConfig(process.env);
  const address = process.env.MULTAQA_TEST_TEMPORAL_ADDRESS ?? config.TEMPORAL_ADDRESS;
  const bundleFile = process.env.MULTAQA_TEST_WORKFLOW_BUNDLE;
  if (!bundleFile) throw new Error('MULTAQA_TEST_WORKFLOW_BUNDLE is not set');
  if (!config.SMTP_URL) throw new Error('SMTP_URL is not set');
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  const mailer = createMailTransport(config.SMTP_URL);
  const nativeConnection = await NativeConnection.connect({ address });
  const connection = await Connection.connect({ address });
  try {
    const worker = await createMultaqaWorker({
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      workflowBundle: { code: readFileSync(bundleFile, 'utf8') },
      dependencies: {
        config,
        redis,
        mailer,
        temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      },
    });
    process.once('SIGTERM', () => worker.shutdown());
    const running = worker.run();
    process.stdout.write('worker ready\n');
    await running;
  } finally {
    mailer.close();
    redis.disconnect();
    await connection.close();
    await nativeConnection.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
