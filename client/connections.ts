import type { Client } from '@temporalio/client';
import { Redis } from 'ioredis';
import type { Config } from '../domain/config';
import { connectTemporalClient } from './temporal-client';

/** What coordinator operations run against: the parsed config, Temporal and Redis. */
export interface Connections {
  config: Config;
  temporal: Client;
  redis: Redis;
}

/** A Redis connection for the configured URL that fails fast instead of queueing forever. */
export async function connectRedis(config: Pick<Config, 'REDIS_URL'>): Promise<Redis> {
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 2,
    connectTimeout: 5000,
  });
  await redis.connect();
  return redis;
}

/** Opens Temporal and Redis for one command; `close()` releases both. */
export async function openConnections(
  config: Config,
): Promise<Connections & { close(): Promise<void> }> {
  const [temporal, redis] = await Promise.all([
    connectTemporalClient(config),
    connectRedis(config),
  ]);
  return {
    config,
    temporal,
    redis,
    close: async () => {
      redis.disconnect();
      await temporal.connection.close();
    },
  };
}
