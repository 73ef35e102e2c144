import type { Worker } from '@temporalio/worker';
import { parseConfig, type Config } from '../../domain/config';
import { createMailTransport } from '../../workers/mail-transport';
import { createMultaqaWorker } from '../../workers/create-worker';
import {
  connectToDevServer,
  uniqueTaskQueue,
  workflowBundle,
  type DevServerClients,
} from './temporal';
import { connectTestRedis } from './redis';
import { SmtpSink } from './smtp-sink';
import type { ActivityDependencies } from '../../activities';
import { startHttpServer, type HttpServerOptions } from '../../client/http/server';

export interface TestStack {
  config: Config;
  temporal: DevServerClients;
  redis: Awaited<ReturnType<typeof connectTestRedis>>;
  smtp: SmtpSink;
  dependencies: ActivityDependencies;
  worker: Worker;
  /** The worker's run, until `stop()`. */
  running: Promise<void>;
  /** Environment for a CLI or server process pointed at this stack. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export const TEST_LINK_SECRET = 'test-link-secret-0123456789abcdef0123456789';

/**
 * The real stack for one test file: the shared Temporal dev server, a real Redis (own key
 * prefix), a real SMTP server on loopback, and a multaqa worker on its own task queue.
 */
export async function startTestStack(
  name: string,
  overrides: Record<string, string> = {},
): Promise<TestStack> {
  const temporal = await connectToDevServer();
  const redis = await connectTestRedis(name);
  const smtp = await new SmtpSink().start();
  const env: Record<string, string> = {
    TEMPORAL_ADDRESS: temporal.connection.options.address,
    TEMPORAL_TASK_QUEUE: uniqueTaskQueue(name),
    REDIS_PREFIX: redis.prefix,
    SMTP_URL: smtp.url,
    SMTP_RATE_PER_SECOND: '1000',
    LINK_SECRET: TEST_LINK_SECRET,
    MULTAQA_EMBEDDED: 'false',
    ...overrides,
  };
  const config = parseConfig({ ...process.env, ...env });
  const dependencies: ActivityDependencies = {
    config,
    redis: redis.redis,
    mailer: createMailTransport(smtp.url),
    temporal: temporal.client,
  };
  const worker = await createMultaqaWorker({
    connection: temporal.nativeConnection,
    namespace: 'default',
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    dependencies,
    workflowBundle: workflowBundle(),
  });
  const running = worker.run();
  return {
    config,
    temporal,
    redis,
    smtp,
    dependencies,
    worker,
    running,
    env,
    stop: async () => {
      worker.shutdown();
      await running;
      dependencies.mailer.close();
      await smtp.stop();
      await redis.cleanup();
      await temporal.close();
    },
  };
}

/** multaqa's HTTP server on a free loopback port, over a test stack's Temporal, Redis and SMTP. */
export function startTestHttpServer(stack: TestStack, options: Partial<HttpServerOptions> = {}) {
  return startHttpServer({
    config: stack.config,
    temporal: stack.temporal.client,
    redis: stack.redis.redis,
    smtpUrl: stack.smtp.url,
    host: '127.0.0.1',
    port: 0,
    ...options,
  });
}
