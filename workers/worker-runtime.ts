import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { Redis } from 'ioredis';
import type { Config } from '../domain/config';
import { createMultaqaWorker } from './create-worker';
import { createMailTransport } from './mail-transport';

export interface RunningWorker {
  worker: Worker;
  /** Resolves when the worker has stopped; rejects if it failed. */
  done: Promise<void>;
  /** Stops polling, lets running tasks finish, and closes every connection. */
  stop(): Promise<void>;
}

/** Connects to Temporal, Redis and SMTP, and runs the multaqa worker until `stop()`. */
export async function runWorker(config: Config, smtpUrl: string): Promise<RunningWorker> {
  // The SDK logs every bundling step at INFO; a coordinator's terminal wants warnings only.
  Runtime.install({ logger: new DefaultLogger(config.LOG_LEVEL === 'debug' ? 'DEBUG' : 'WARN') });
  const nativeConnection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const mailer = createMailTransport(smtpUrl);
  const worker = await createMultaqaWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies: {
      config,
      redis,
      mailer,
      temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
    },
  });
  const done = worker.run().finally(async () => {
    mailer.close();
    redis.disconnect();
    await connection.close();
    await nativeConnection.close();
  });
  return {
    worker,
    done,
    stop: async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
