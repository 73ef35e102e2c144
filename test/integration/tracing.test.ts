import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from '@temporalio/client';
import { createTrainingDay } from '../../client/use-cases/training-days';
import { startTracing, type Tracing } from '../../observability/tracing';
import { eventually } from '../support/workflow-harness';
import { startTestStack, type TestStack } from '../support/stack';
import { uniqueId } from '../support/temporal';
import { workflowIds } from '../../domain/workflow-ids';
import { readFileSync } from 'node:fs';

const ROOT = resolve(__dirname, '..', '..');
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'examples', 'safi-2018-11-23.json'), 'utf8'));

interface ExportedSpan {
  name: string;
  traceId: string;
  service: string;
}

/** A real OTLP/HTTP receiver on loopback: keeps the spans every exporter posts (JSON). */
async function startCollector(): Promise<{ server: Server; url: string; spans: ExportedSpan[] }> {
  const spans: ExportedSpan[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const resourceSpans of body.resourceSpans ?? []) {
          const service = (resourceSpans.resource?.attributes ?? []).find(
            (attribute: { key: string }) => attribute.key === 'service.name',
          )?.value?.stringValue;
          for (const scope of resourceSpans.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              spans.push({ name: span.name, traceId: span.traceId, service });
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}`, spans };
}

jest.setTimeout(150_000);

describe('OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  let stack: TestStack;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let worker: ChildProcess | undefined;
  let tracing: Tracing;

  beforeAll(async () => {
    stack = await startTestStack('tracing');
    collector = await startCollector();
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = collector.url;
    tracing = startTracing('multaqa-test-client');
  });
  afterAll(async () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
    worker?.kill('SIGKILL');
    await tracing?.shutdown();
    collector?.server.close();
    await stack?.stop();
  });

  it('follows one trace from the client through the workflow to its activities', async () => {
    const taskQueue = `${stack.env.TEMPORAL_TASK_QUEUE}-traced`;
    worker = spawn(process.execPath, [join('dist', 'workers', 'main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...stack.env,
        TEMPORAL_TASK_QUEUE: taskQueue,
        WORKER_METRICS_PORT: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(
      async () => output,
      (text) => text.includes('multaqa worker polling'),
      'the traced worker polling',
      90_000,
    );

    const client = new Client({
      connection: stack.temporal.client.connection,
      interceptors: tracing.clientInterceptors,
    });
    const eventId = uniqueId('traced-day');
    const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await createTrainingDay(
      {
        config: { ...stack.config, TEMPORAL_TASK_QUEUE: taskQueue },
        temporal: client,
        redis: stack.redis.redis,
      },
      { ...SEED, id: eventId },
      { date },
    );

    const spans = await eventually(
      async () => {
        await tracing.shutdown().catch(() => undefined);
        return collector.spans;
      },
      (all) => {
        const start = all.find((span) => span.name === 'StartWorkflow:trainingDayWorkflow');
        const inTrace = (name: string) =>
          all.some((span) => span.traceId === start?.traceId && span.name === name);
        // The day's own RunWorkflow span ends (and is exported) with the run, weeks later;
        // what it does in between carries its trace: children started, activities run.
        return (
          start !== undefined &&
          inTrace('StartChildWorkflow:partnerCoordinationWorkflow') &&
          inTrace('RunActivity:publishTrainingDayStatus')
        );
      },
      `client, workflow and activity spans of one trace (output: ${output.slice(-2000)})`,
      60_000,
    );
    const start = spans.find((span) => span.name === 'StartWorkflow:trainingDayWorkflow')!;
    expect(start.service).toBe('multaqa-test-client');
    const inTrace = spans.filter((span) => span.traceId === start.traceId);
    expect(
      inTrace.find((span) => span.name === 'RunActivity:publishTrainingDayStatus')?.service,
    ).toBe('multaqa-worker');
    await stack.temporal.client.workflow
      .getHandle(workflowIds.trainingDay(eventId))
      .terminate('tracing test done')
      .catch(() => undefined);
  });
});
