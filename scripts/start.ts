import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { ConfigError } from '../domain/config';
import { connectTemporalClient } from '../client/temporal-client';
import { startTracing } from '../observability/tracing';
import { startHttpServer } from '../client/http/server';
import { runWorker } from '../workers/worker-runtime';
import {
  ensureRedis,
  ensureSmtp,
  ensureTemporal,
  type StartedService,
} from './stack/embedded-services';
import { startHint } from './stack/start-hint';
import { loadSettings } from '../client/settings';
import { createLogger, logRedisErrors } from '../client/logging';

/**
 * `npm start`: the whole service on one machine with embedded defaults. Reuses Temporal and
 * Redis when they answer, starts what is missing (persisted under var/), then runs the worker
 * and the HTTP server. Ctrl-C stops everything it started, in reverse order.
 */
async function main(): Promise<void> {
  // Secrets an embedded run makes for itself, kept under var/ so links stay valid across
  // restarts; the CLI reads the same files (and the same .env).
  const { config } = loadSettings({ makeSecrets: true });
  const varDir = resolve(config.MULTAQA_VAR_DIR);
  const logger = createLogger(config, { name: 'multaqa' });

  const started: StartedService[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) {
      try {
        await service.stop();
      } catch (error) {
        console.error(`multaqa: stopping ${service.name} failed: ${String(error)}`);
      }
    }
  };
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nmultaqa: ${signal}, stopping…`);
    stopAll().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  try {
    const temporal = await ensureTemporal(config, varDir, started);
    const redisService = await ensureRedis(config, varDir, started);
    const smtp = await ensureSmtp(config, varDir, started);

    // One tracer for the process: the worker's spans and the HTTP server's client calls.
    const tracing = startTracing('multaqa');
    const worker = await runWorker(config, smtp.url, logger.child({ process: 'worker' }), tracing);
    started.push({ name: 'worker', stop: worker.stop });
    worker.done.catch((error: unknown) => {
      console.error(`multaqa: the worker stopped: ${String(error)}`);
      shutdown('worker failure');
    });

    const client = await connectTemporalClient(config, {
      interceptors: tracing.clientInterceptors,
    });
    started.push({ name: 'Temporal client', stop: () => client.connection.close() });
    const redis = logRedisErrors(
      new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 }),
      logger,
      'http',
    );
    started.push({ name: 'Redis client', stop: async () => void redis.disconnect() });
    const http = await startHttpServer({
      config,
      temporal: client,
      redis,
      outboxDir: smtp.outboxDir,
      smtpUrl: smtp.url,
      temporalMetricsUrl: worker.temporalMetricsUrl,
      logger: logger.child({ process: 'http' }),
      health: {
        worker: async () => {
          const state = worker.worker.getState();
          if (state !== 'RUNNING') throw new Error(`worker is ${state}`);
          return `polling ${config.TEMPORAL_TASK_QUEUE}`;
        },
      },
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRINUSE') throw error;
      throw new Error(
        `port ${config.PORT} is in use (is multaqa already running?); set PORT to another port`,
      );
    });
    started.push({ name: 'HTTP server', stop: http.close });

    const keys = Object.fromEntries(
      (config.API_KEYS ?? '').split(',').map((pair) => pair.split(':') as [string, string]),
    );
    const lines = [
      `multaqa is running`,
      `  dashboard        ${http.url}/`,
      `  health           ${http.url}/healthz`,
      `  metrics          ${http.url}/metrics (viewer key as bearer token)`,
      `  API (OpenAPI)    ${http.url}/openapi.json`,
      `  Temporal         ${temporal.url} (${temporal.how})${temporal.how === 'started' ? `, Web UI ${config.TEMPORAL_UI_URL}` : ''}`,
      `  Redis            ${redisService.url} (${redisService.how})`,
      `  SMTP             ${smtp.url} (${smtp.how}${smtp.outboxDir ? `, messages kept in ${smtp.outboxDir}` : ''})`,
      `  coordinator key  ${keys.coordinator ?? '(from API_KEYS)'}`,
      `  viewer key       ${keys.viewer ?? '(from API_KEYS)'}`,
      ...startHint(Date.now()),
      `Press Ctrl-C to stop.`,
    ];
    console.log(lines.join('\n'));
  } catch (error) {
    await stopAll();
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(`multaqa: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
