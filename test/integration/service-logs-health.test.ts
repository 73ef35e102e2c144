import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { createLogger, logRedisErrors } from '../../client/logging';
import { freePort } from '../../scripts/stack/ports';
import { eventually } from '../support/workflow-harness';
import { startTestHttpServer, startTestStack, type TestStack } from '../support/stack';

const ROOT = resolve(__dirname, '..', '..');
const COORDINATOR_KEY = 'coordinator-key-logs-0123456789abcdef';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- log lines are read field by field
type Line = any;

/** A logger whose JSON lines land in `lines`, parsed. */
function capturedLogger(level: 'debug' | 'info' | 'warn' | 'error' = 'info') {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(text));
      done();
    },
  });
  return { lines, logger: createLogger({ LOG_LEVEL: level }, { name: 'test', destination }) };
}

describe('logs, liveness and readiness of the service processes', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack('service-logs', { API_KEYS: `coordinator:${COORDINATOR_KEY}` });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('writes a JSON access-log line per request, with its request id and the event id', async () => {
    const { lines, logger } = capturedLogger();
    const server = await startTestHttpServer(stack, { logger });
    try {
      const health = await fetch(`${server.url}/healthz/live`);
      const requestId = health.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const missing = await fetch(`${server.url}/api/events/no-such-day`, {
        headers: { authorization: `Bearer ${COORDINATOR_KEY}`, 'x-request-id': 'proxy-id-42' },
      });
      expect(missing.headers.get('x-request-id')).toBe('proxy-id-42');
      await eventually(
        async () => lines.filter((line) => line.msg === 'request completed').length,
        (count) => count === 2,
        'two access-log lines',
        5000,
      );
      const completed = lines.filter((line) => line.msg === 'request completed');
      expect(completed[0]).toMatchObject({
        level: 30,
        reqId: requestId,
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
      });
      expect(completed[1]).toMatchObject({
        reqId: 'proxy-id-42',
        eventId: 'no-such-day',
        res: { statusCode: missing.status },
      });
      const incoming = lines.find(
        (line) => line.msg === 'incoming request' && line.reqId === requestId,
      );
      expect(incoming.req).toMatchObject({ method: 'GET', url: '/healthz/live' });
    } finally {
      await server.close();
    }
  });

  it('stays live but answers not ready (503) while Redis is down', async () => {
    const deadRedis = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      maxRetriesPerRequest: 1,
    });
    const { lines, logger } = capturedLogger();
    logRedisErrors(deadRedis, logger, 'http');
    const server = await startTestHttpServer(stack, { redis: deadRedis });
    try {
      const live = await fetch(`${server.url}/healthz/live`);
      expect(live.status).toBe(200);
      expect(await live.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(`${server.url}/healthz/ready`);
      const readiness = (await ready.json()) as Line;
      expect(ready.status).toBe(503);
      expect(readiness.checks.redis.status).toBe('down');
      expect(readiness.checks.temporal.status).toBe('up');
      expect(Object.keys(readiness.checks).sort()).toEqual(['redis', 'temporal']);
      // The full report stays as it was before the split.
      const full = await fetch(`${server.url}/healthz`);
      expect(full.status).toBe(503);
      expect(Object.keys(((await full.json()) as Line).checks).sort()).toEqual([
        'redis',
        'smtp',
        'temporal',
        'worker',
      ]);
      // ioredis retried many times meanwhile: the outage is logged once.
      let attempts = 0;
      deadRedis.on('reconnecting', () => (attempts += 1));
      await eventually(
        async () => attempts,
        (count) => count >= 2,
        'two reconnection attempts',
        20_000,
      );
      expect(lines.filter((line) => /Redis unreachable/.test(line.msg))).toHaveLength(1);
    } finally {
      await server.close();
      deadRedis.disconnect();
    }
  });

  it('answers ready (200) when Temporal and Redis are up', async () => {
    const server = await startTestHttpServer(stack);
    try {
      const ready = await fetch(`${server.url}/healthz/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ok',
        checks: { temporal: { status: 'up' }, redis: { status: 'up' } },
      });
    } finally {
      await server.close();
    }
  });

  it('runs the worker alone (npm run worker) logging JSON at LOG_LEVEL=info, with its metrics, and stops on SIGTERM', async () => {
    const metricsPort = await freePort();
    const child = spawn(process.execPath, [join('dist', 'workers', 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...stack.env,
        TEMPORAL_TASK_QUEUE: `${stack.env.TEMPORAL_TASK_QUEUE}-alone`,
        LOG_LEVEL: 'info',
        WORKER_METRICS_PORT: String(metricsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    const lines = () =>
      stdout
        .split('\n')
        .filter(Boolean)
        .map((text) => JSON.parse(text) as Line);
    try {
      await eventually(
        async () => lines().some((line) => /multaqa worker polling/.test(line.msg)),
        Boolean,
        `the worker polling (stderr: ${stderr})`,
        90_000,
      );
      // The SDK's own INFO lines come through the same logger (today they are cut at WARN).
      expect(lines().some((line) => line.level === 30 && line.sdkComponent !== undefined)).toBe(
        true,
      );
      // Its metrics port: the product's and the Temporal SDK's (pollers, task latency, ...).
      const metrics = await eventually(
        async () => {
          const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
          return response.ok ? response.text() : '';
        },
        (text) => /^temporal_\w+/m.test(text),
        "the Temporal SDK's metrics on the worker's metrics port",
        30_000,
      );
      expect(metrics).toMatch(/^multaqa_process_resident_memory_bytes \d+/m);
      expect(metrics).toMatch(/^# TYPE multaqa_messages_total counter/m);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/other`)).status).toBe(404);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(lines().some((line) => line.msg === 'worker stopped')).toBe(true);
      expect(lines().every((line) => line.name === 'multaqa-worker')).toBe(true);
      expect(stderr).not.toMatch(/Unhandled error event/);
    } finally {
      child.kill('SIGKILL');
    }
  }, 150_000);
});
