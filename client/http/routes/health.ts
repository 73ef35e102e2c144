import { checkHealth, type DependencyName, type Probe } from '../health-checks';
import type { HttpContext } from '../http-context';

/**
 * What this HTTP server cannot answer requests without: a load balancer takes it out of
 * rotation when one is down. SMTP and the worker only delay mail, so they are reported by
 * `/healthz` but do not make the server unready.
 */
const READINESS: readonly DependencyName[] = ['temporal', 'redis'];

/**
 * `GET /healthz/live` (the process answers; no dependency is asked), `GET /healthz/ready` (the
 * dependencies requests need) and `GET /healthz` (every dependency, as before the split).
 */
export function registerHealthRoutes(
  { routes }: HttpContext,
  probes: Record<DependencyName, Probe>,
): void {
  const startedAt = Date.now();
  const readiness = Object.fromEntries(READINESS.map((name) => [name, probes[name]])) as Record<
    DependencyName,
    Probe
  >;
  routes.add(
    {
      method: 'GET',
      url: '/healthz/live',
      summary: 'Liveness: the process is up and answering (no dependency is checked)',
      tag: 'service',
      access: 'public',
      responses: { 200: { description: '{ status: "ok", uptimeSeconds }' } },
    },
    async ({ reply }) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) };
    },
  );
  routes.add(
    {
      method: 'GET',
      url: '/healthz/ready',
      summary: 'Readiness: Temporal and Redis answer, so requests can be served',
      tag: 'service',
      access: 'public',
      responses: {
        200: { description: '{ status: "ok", checks: { temporal, redis } }' },
        503: { description: '{ status: "degraded", checks } naming what is down' },
      },
    },
    async ({ reply }) => {
      const report = await checkHealth(readiness);
      reply.code(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store');
      return report;
    },
  );
  routes.add(
    {
      method: 'GET',
      url: '/healthz',
      summary: 'Health of the service and each dependency (temporal, redis, smtp, worker)',
      tag: 'service',
      access: 'public',
      responses: {
        200: { description: '{ status: "ok", checks }' },
        503: { description: '{ status: "degraded", checks } naming what is down' },
      },
    },
    async ({ reply }) => {
      const report = await checkHealth(probes);
      reply.code(report.status === 'ok' ? 200 : 503).header('cache-control', 'no-store');
      return report;
    },
  );
}
