import { Client, Connection } from '@temporalio/client';
import { join } from 'node:path';
import type { Config } from '../../domain/config';
import { startEmbeddedSmtp } from './embedded-smtp';
import { redisAnswers, redisServerInstalled, startLocalRedis } from './local-redis';
import { isListening } from './ports';
import { ensureSearchAttributes } from './search-attributes';
import { startTemporalDevServer } from './temporal-dev-server';

/** Something `npm start` started and must stop on the way out. */
export interface StartedService {
  name: string;
  stop(): Promise<void>;
}

export interface ServiceReport {
  name: string;
  /** `reused` when it was already running, `started` when we started it. */
  how: 'reused' | 'started' | 'configured';
  url: string;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * Temporal at `TEMPORAL_ADDRESS` if it answers; otherwise (loopback only) the CLI dev server,
 * persisted under var/temporal so workflows survive a restart, with its Web UI.
 */
export async function ensureTemporal(
  config: Config,
  varDir: string,
  started: StartedService[],
): Promise<ServiceReport> {
  const [host, portText] = config.TEMPORAL_ADDRESS.split(':') as [string, string];
  const port = Number(portText);
  let how: ServiceReport['how'] = 'reused';
  if (!(await isListening(host, port, 1000))) {
    if (!isLoopback(host))
      throw new Error(`Temporal does not answer at ${config.TEMPORAL_ADDRESS}`);
    const uiPort = Number(new URL(config.TEMPORAL_UI_URL).port || 8233);
    const server = await startTemporalDevServer({
      ip: host === 'localhost' ? '127.0.0.1' : host,
      port,
      uiPort,
      dbFile: join(varDir, 'temporal', 'dev-server.sqlite'),
      namespace: config.TEMPORAL_NAMESPACE,
      logFile: join(varDir, 'log', 'temporal.log'),
    });
    started.push({ name: 'Temporal dev server', stop: server.stop });
    how = 'started';
  }
  const connection = await Connection.connect({
    address: config.TEMPORAL_ADDRESS,
    connectTimeout: '10s',
  });
  try {
    await ensureSearchAttributes(
      new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }),
      config.TEMPORAL_NAMESPACE,
    );
  } finally {
    await connection.close();
  }
  return { name: 'temporal', how, url: config.TEMPORAL_ADDRESS };
}

/** Redis at `REDIS_URL`; if nothing answers on loopback and redis-server exists, one with data under var/redis. */
export async function ensureRedis(
  config: Config,
  varDir: string,
  started: StartedService[],
): Promise<ServiceReport> {
  if (await redisAnswers(config.REDIS_URL))
    return { name: 'redis', how: 'reused', url: config.REDIS_URL };
  const url = new URL(config.REDIS_URL);
  if (!isLoopback(url.hostname)) throw new Error(`Redis does not answer at ${config.REDIS_URL}`);
  if (!redisServerInstalled()) {
    throw new Error(
      `Redis does not answer at ${config.REDIS_URL} and redis-server is not installed (apt-get install redis-server)`,
    );
  }
  const redis = await startLocalRedis(Number(url.port || 6379), join(varDir, 'redis'));
  started.push({ name: 'redis-server', stop: redis.stop });
  return { name: 'redis', how: 'started', url: config.REDIS_URL };
}

/** `SMTP_URL` if set; otherwise an embedded SMTP server on loopback keeping `.eml` files in var/outbox. */
export async function ensureSmtp(
  config: Config,
  varDir: string,
  started: StartedService[],
): Promise<ServiceReport & { outboxDir?: string }> {
  if (config.SMTP_URL) return { name: 'smtp', how: 'configured', url: config.SMTP_URL };
  const outboxDir = join(varDir, 'outbox');
  const smtp = await startEmbeddedSmtp({ outboxDir });
  started.push({ name: 'embedded SMTP server', stop: smtp.close });
  return { name: 'smtp', how: 'started', url: smtp.url, outboxDir };
}
