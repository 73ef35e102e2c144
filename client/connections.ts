import type { Client } from '@temporalio/client';
import { Redis } from 'ioredis';
import type { Config } from '../domain/config';
import { connectTemporalClient, unavailable } from './temporal-client';

/** What coordinator operations run against: the parsed config, Temporal and Redis. */
export interface Connections {
  config: Config;
  temporal: Client;
  redis: Redis;
}

/** A Redis URL without its password, to show in messages. */
export function redisAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * A Redis connection for the configured URL that fails fast instead of queueing forever: an
 * `Unavailable` error naming the address when Redis does not answer.
 */
export async function connectRedis(config: Pick<Config, 'REDIS_URL'>): Promise<Redis> {
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
    retryStrategy: () => null,
  });
  // Failures are reported by connect() below; without a listener ioredis would log them too.
  redis.on('error', () => undefined);
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw unavailable('Redis', redisAddress(config.REDIS_URL), 'REDIS_URL', error);
  }
  return redis;
}

/** Opens Temporal and Redis for one command; `close()` releases both. */
export async function openConnections(
  config: Config,
): Promise<Connections & { close(): Promise<void> }> {
  const [temporal, redis] = await Promise.allSettled([
    connectTemporalClient(config),
    connectRedis(config),
  ]);
  if (temporal.status === 'rejected' || redis.status === 'rejected') {
    if (redis.status === 'fulfilled') redis.value.disconnect();
    if (temporal.status === 'fulfilled') await temporal.value.connection.close();
    throw temporal.status === 'rejected'
      ? temporal.reason
      : (redis as PromiseRejectedResult).reason;
  }
  return {
    config,
    temporal: temporal.value,
    redis: redis.value,
    close: async () => {
      redis.value.disconnect();
      await temporal.value.connection.close();
    },
  };
}
