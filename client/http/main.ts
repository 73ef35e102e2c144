import { Redis } from 'ioredis';
import { ConfigError } from '../../domain/config';
import { loadSettings } from '../settings';
import { connectTemporalClient } from '../temporal-client';
import { startHttpServer } from './server';

/**
 * The HTTP server alone (API, public link pages, dashboard), for deployments that run the
 * worker apart (Docker Compose). Its secrets come from the environment: it makes none.
 */
async function main(): Promise<void> {
  const { config } = loadSettings();
  const missing = [
    config.LINK_SECRET ? undefined : 'LINK_SECRET: required when the HTTP server runs on its own',
    config.API_KEYS ? undefined : 'API_KEYS: required when the HTTP server runs on its own',
  ].filter((problem): problem is string => problem !== undefined);
  if (missing.length > 0) throw new ConfigError(missing);
  const temporal = await connectTemporalClient(config);
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 3 });
  const server = await startHttpServer({ config, temporal, redis, logger: true });
  console.log(`multaqa HTTP server on ${server.url}`);
  const stop = () => {
    server
      .close()
      .then(async () => {
        redis.disconnect();
        await temporal.connection.close();
      })
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`multaqa http: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
