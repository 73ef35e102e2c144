import type { Redis } from 'ioredis';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from '../domain/config';

export type { Logger } from 'pino';

/**
 * The one logger of a multaqa process (HTTP server, worker, `npm start`): JSON lines by
 * default, so a log shipper can read them; human-readable lines when stdout is a terminal.
 * `destination` lets tests capture the lines.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'>,
  options: { name: string; destination?: DestinationStream; pretty?: boolean } = {
    name: 'multaqa',
  },
): Logger {
  const settings = { name: options.name, level: config.LOG_LEVEL };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty ?? process.stdout.isTTY)
    return pino({
      ...settings,
      transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l' } },
    });
  return pino(settings);
}

/**
 * Logs a Redis client's connection errors once per outage instead of letting ioredis print
 * "Unhandled error event" on every reconnect attempt; logs again when it is back.
 */
export function logRedisErrors(redis: Redis, logger: Logger, what: string): Redis {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error, client: what }, `Redis unreachable (${what}); retrying`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ client: what }, `Redis reachable again (${what})`);
  });
  return redis;
}
