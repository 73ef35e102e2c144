import { ConfigError } from '../domain/config';
import { loadSettings } from '../client/settings';
import { createLogger } from '../client/logging';
import { runWorker } from './worker-runtime';
import { startWorkerMetricsServer } from '../observability/worker-metrics-server';

/**
 * The worker alone (`npm run worker`), for deployments that run it apart from the HTTP server
 * (Docker Compose, several workers on one task queue). Needs SMTP_URL (the embedded SMTP
 * server belongs to `npm start`) and LINK_SECRET (which `npm start` makes). SIGTERM or Ctrl-C: stops polling, lets the running
 * activities (a mail batch) finish, then exits 0.
 */
async function main(): Promise<void> {
  const { config } = loadSettings();
  const { SMTP_URL: smtpUrl, LINK_SECRET: linkSecret } = config;
  // Without LINK_SECRET every invitation batch would fail (InvalidConfiguration): say so now.
  if (!smtpUrl || !linkSecret)
    throw new ConfigError([
      ...(smtpUrl ? [] : ['SMTP_URL: required when the worker runs on its own']),
      ...(linkSecret ? [] : ['LINK_SECRET: required when the worker runs on its own']),
    ]);
  const logger = createLogger(config, { name: 'multaqa-worker' });
  const running = await runWorker(config, smtpUrl, logger);
  if (config.WORKER_METRICS_PORT > 0) {
    const where = `${config.WORKER_METRICS_HOST}:${config.WORKER_METRICS_PORT}`;
    // Metrics are not worth stopping a worker for (e.g. two workers on one host, same port).
    await startWorkerMetricsServer(
      config.WORKER_METRICS_HOST,
      config.WORKER_METRICS_PORT,
      running.temporalMetricsUrl,
    ).then(
      () =>
        logger.info({ metrics: `http://${where}/metrics` }, `metrics at http://${where}/metrics`),
      (error: Error) => logger.warn({ err: error }, `no metrics: cannot listen on ${where}`),
    );
  }
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping: finishing running activities');
    void running.stop();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  logger.info(
    { taskQueue: config.TEMPORAL_TASK_QUEUE, temporal: config.TEMPORAL_ADDRESS },
    `multaqa worker polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS}`,
  );
  await running.done;
  logger.info('worker stopped');
}

main().catch((error: unknown) => {
  console.error(`multaqa worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
