import { Redis } from 'ioredis';
import { ConfigError } from '../../domain/config';
import { createLogger, logRedisErrors } from '../logging';
import { loadSettings } from '../settings';
import { connectTemporalClient } from '../temporal-client';
import { startHttpServer } from './server';
import { startTracing } from '../../observability/tracing';

/**
 * The HTTP server alone (`npm run http`: API, public link pages, dashboard), for deployments
 * that run the worker apart (Docker Compose). Its secrets come from the environment (or .env):
 * it makes none.
 */
async function main(): Promise<void> {
  const { config } = loadSettings();
  const missing = [
    config.LINK_SECRET ? undefined : 'LINK_SECRET: required when the HTTP server runs on its own',
    config.API_KEYS ? undefined : 'API_KEYS: required when the HTTP server runs on its own',
  ].filter((problem): problem is string => problem !== undefined);
  if (missing.length > 0) throw new ConfigError(missing);
  const logger = createLogger(config, { name: 'multaqa-http' });
  const tracing = startTracing('multaqa-http');
  const temporal = await connectTemporalClient(config, {
    interceptors: tracing.clientInterceptors,
  });
  const redis = logRedisErrors(
    new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 }),
    logger,
    'http',
  );
  const server = await startHttpServer({ config, temporal, redis, logger });
  logger.info({ url: server.url }, `multaqa HTTP server on ${server.url}`);
  const stop = (signal: string) => {
    logger.info({ signal }, 'stopping');
    server
      .close()
      .then(async () => {
        redis.disconnect();
        await temporal.connection.close();
        await tracing.shutdown().catch(() => undefined);
      })
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`multaqa http: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
