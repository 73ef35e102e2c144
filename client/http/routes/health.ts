import { checkHealth, type DependencyName, type Probe } from '../health-checks';
import type { HttpContext } from '../http-context';

/** `GET /healthz`: each dependency's state; 200 when all are up, 503 otherwise. */
export function registerHealthRoutes(
  { routes }: HttpContext,
  probes: Record<DependencyName, Probe>,
): void {
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
