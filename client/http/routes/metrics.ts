import { Gauge, Registry } from 'prom-client';
import { z } from 'zod';
import type { TrainingDayPhase } from '../../../domain/training-day';
import { METRICS_CONTENT_TYPE, metricsExposition } from '../../../observability/metrics-exposition';
import {
  collectProcessMetrics,
  httpRequestHistogram,
} from '../../../observability/product-metrics';
import { TrainingDayReadModel } from '../../../stores/read-model';
import type { HttpContext } from '../http-context';

/** Phases in which a day's figures move: the campaign, the closing week and the day itself. */
const CAMPAIGN_PHASES: readonly TrainingDayPhase[] = [
  'invitations-open',
  'registration-closed',
  'in-progress',
];

/**
 * `GET /metrics` in Prometheus' format (a viewer key, as a bearer token of the scraper): this
 * process, its HTTP requests, RSVPs and check-ins taken here, read-model lag, the training
 * days by phase and the figures of running campaigns from the read model, and, when the
 * worker runs in this process (`npm start`), the worker's and the Temporal SDK's metrics.
 */
export function registerMetricsRoutes(
  { app, routes, connections }: HttpContext,
  temporalMetricsUrl?: string,
): void {
  collectProcessMetrics();
  app.addHook('onResponse', async (request, reply) => {
    httpRequestHistogram.observe(
      {
        method: request.method,
        // The route's pattern, never the raw path: a signed token must not become a label.
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  const readModel = new TrainingDayReadModel(connections.redis, connections.config.REDIS_PREFIX);
  // Per app (tests run several in one process): read from this app's read model at scrape time.
  const registry = new Registry();
  new Gauge({
    name: 'multaqa_training_days',
    help: 'Training days in the read model, by phase',
    labelNames: ['phase'] as const,
    registers: [registry],
    async collect() {
      const counts = await readModel.countByPhase();
      for (const [phase, count] of Object.entries(counts)) this.set({ phase }, count);
    },
  });
  new Gauge({
    name: 'multaqa_campaign_invitees',
    help: 'Invitees of each training day whose campaign or day is running, by state',
    labelNames: ['event_id', 'phase', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const days = (
        await Promise.all(CAMPAIGN_PHASES.map((phase) => readModel.list({ phase })))
      ).flat();
      for (const day of days) {
        const labels = { event_id: day.eventId, phase: day.phase };
        this.set({ ...labels, state: 'invited' }, day.invited);
        this.set({ ...labels, state: 'accepted' }, day.accepted);
        this.set({ ...labels, state: 'waitlisted' }, day.waitlisted);
        this.set({ ...labels, state: 'declined' }, day.declined);
        this.set({ ...labels, state: 'pending' }, day.pending);
        this.set({ ...labels, state: 'checked_in' }, day.checkedIn);
      }
    },
  });

  routes.add(
    {
      method: 'GET',
      url: '/metrics',
      summary: "Metrics in Prometheus' text format",
      tag: 'operations',
      access: 'viewer',
      query: z.object({}).strict(),
      responses: { 200: { description: 'Prometheus text format', mediaType: 'text/plain' } },
    },
    async ({ reply }) => {
      const [shared, own] = await Promise.all([
        metricsExposition(temporalMetricsUrl),
        registry.metrics(),
      ]);
      return reply.type(METRICS_CONTENT_TYPE).send(`${shared}\n${own}`);
    },
  );
}
