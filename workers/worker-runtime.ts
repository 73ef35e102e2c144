import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import type { Config } from '../domain/config';
import { logRedisErrors, type Logger } from '../client/logging';
import { temporalLogger } from './temporal-logger';
import { createMultaqaWorker } from './create-worker';
import { createMailTransport } from './mail-transport';
import { reserveTemporalMetricsEndpoint } from '../observability/metrics-exposition';
import { collectProcessMetrics } from '../observability/product-metrics';
import { startTracing, type Tracing } from '../observability/tracing';

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped; rejects if it failed. */
  done: Promise<void>;
  /** Stops polling, lets running tasks finish, and closes every connection. */
  stop(): Promise<void>;
  /** The Temporal SDK's Prometheus exporter in this process (read by `/metrics`). */
  temporalMetricsUrl: string;
}

/**
 * Connects to Temporal, Redis and SMTP, and runs the multaqa worker until `stop()`. The SDK's
 * lines (and those of workflows and activities) go to `logger`, at LOG_LEVEL.
 */
export async function runWorker(
  config: Config,
  smtpUrl: string,
  logger: Logger,
  tracing: Tracing = startTracing('multaqa-worker'),
): Promise<RunningWorker> {
  const temporalMetrics = await reserveTemporalMetricsEndpoint();
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: {
      metrics: {
        prometheus: {
          bindAddress: temporalMetrics.bindAddress,
          countersTotalSuffix: true,
          useSecondsForDurations: true,
        },
      },
    },
  });
  collectProcessMetrics();
  const nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const redis = logRedisErrors(
    new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 }),
    logger,
    'worker',
  );
  const mailer = createMailTransport(smtpUrl);
  const worker = await createMultaqaWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies: {
      config,
      redis,
      mailer,
      temporal: new Client({
        connection,
        namespace: config.TEMPORAL_NAMESPACE,
        ...(tracing.clientInterceptors ? { interceptors: tracing.clientInterceptors } : {}),
      }),
    },
    ...(tracing.workerPlugin ? { plugins: [tracing.workerPlugin] } : {}),
  });
  const done = worker.run().finally(async () => {
    mailer.close();
    redis.disconnect();
    await connection.close();
    await nativeConnection.close();
    await tracing.shutdown().catch(() => undefined);
  });
  return {
    worker,
    done,
    temporalMetricsUrl: temporalMetrics.url,
    // shutdown() stops polling and waits for the running activities (up to the worker's
    // shutdownGraceTime) before `done` resolves: a SIGTERMed worker finishes its batch.
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
