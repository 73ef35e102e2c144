import { createServer, type Server } from 'node:http';
import { METRICS_CONTENT_TYPE, metricsExposition } from './metrics-exposition';

/**
 * `GET /metrics` of a worker running on its own (`npm run worker`): no API keys there, so it
 * listens on WORKER_METRICS_HOST (loopback by default) for the scraper beside it. Anything
 * else is 404.
 */
export async function startWorkerMetricsServer(
  host: string,
  port: number,
  temporalMetricsUrl: string,
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metricsExposition(temporalMetricsUrl).then(
      (text) => response.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
      (error: unknown) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  server.unref();
  return server;
}
