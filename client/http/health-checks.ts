import type { Client } from '@temporalio/client';
import type { Redis } from 'ioredis';
import { Socket } from 'node:net';
import type { Config } from '../../domain/config';

export type DependencyName = 'temporal' | 'redis' | 'smtp' | 'worker';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  detail?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<DependencyName, DependencyHealth>;
}

/** A probe answers with a detail when the dependency is up, and throws when it is down. */
export type Probe = () => Promise<string | undefined>;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Connects to an SMTP server and waits for its 220 greeting. */
export function probeSmtp(smtpUrl: string, timeoutMs = 2000): Promise<string> {
  const url = new URL(smtpUrl);
  const port = Number(url.port || (url.protocol === 'smtps:' ? 465 : 25));
  if (url.protocol === 'smtps:') {
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timeout')));
      socket.once('error', reject);
      socket.connect(port, url.hostname, () => {
        socket.destroy();
        resolve(`${url.hostname}:${port} accepts connections`);
      });
    });
  }
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('no greeting')));
    socket.once('error', reject);
    socket.once('data', (data: Buffer) => {
      const greeting = data.toString('utf8');
      socket.end('QUIT\r\n');
      if (greeting.startsWith('220')) resolve(`${url.hostname}:${port} greets`);
      else reject(new Error(`unexpected greeting: ${greeting.slice(0, 60)}`));
    });
    socket.connect(port, url.hostname);
  });
}

/** The default probes of the service's dependencies. */
export function defaultProbes(options: {
  config: Config;
  temporal: Client;
  redis: Redis;
  smtpUrl?: string;
}): Record<DependencyName, Probe> {
  const { config, temporal, redis } = options;
  const smtpUrl = options.smtpUrl ?? config.SMTP_URL;
  return {
    temporal: async () => {
      await temporal.workflowService.getSystemInfo({});
      return config.TEMPORAL_ADDRESS;
    },
    redis: async () => {
      const answer = await redis.ping();
      if (answer !== 'PONG') throw new Error(`PING answered ${answer}`);
      return undefined;
    },
    smtp: async () => {
      if (!smtpUrl) throw new Error('no SMTP server configured');
      return probeSmtp(smtpUrl);
    },
    worker: async () => {
      const queue = await temporal.workflowService.describeTaskQueue({
        namespace: config.TEMPORAL_NAMESPACE,
        taskQueue: { name: config.TEMPORAL_TASK_QUEUE },
        taskQueueType: 1, // TASK_QUEUE_TYPE_WORKFLOW
      });
      const pollers = queue.pollers?.length ?? 0;
      if (pollers === 0)
        throw new Error(`no worker polls task queue ${config.TEMPORAL_TASK_QUEUE}`);
      return `${pollers} poller(s) on ${config.TEMPORAL_TASK_QUEUE}`;
    },
  };
}

/** Runs every probe at once, each with a timeout. */
export async function checkHealth(
  probes: Record<DependencyName, Probe>,
  timeoutMs = 3000,
): Promise<HealthReport> {
  const names = Object.keys(probes) as DependencyName[];
  const results = await Promise.all(
    names.map(async (name): Promise<[DependencyName, DependencyHealth]> => {
      const started = performance.now();
      try {
        const detail = await withTimeout(probes[name](), timeoutMs, name);
        return [
          name,
          {
            status: 'up',
            latencyMs: Math.round(performance.now() - started),
            ...(detail ? { detail } : {}),
          },
        ];
      } catch (error) {
        return [
          name,
          {
            status: 'down',
            latencyMs: Math.round(performance.now() - started),
            detail: error instanceof Error ? error.message : String(error),
          },
        ];
      }
    }),
  );
  const checks = Object.fromEntries(results) as Record<DependencyName, DependencyHealth>;
  return {
    status: results.every(([, health]) => health.status === 'up') ? 'ok' : 'degraded',
    checks,
  };
}
