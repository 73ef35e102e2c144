import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The product's own metrics, one registry per process, in Prometheus' text format (prom-client:
 * the exposition format, label handling and process metrics are its job, not ours). The HTTP
 * server serves them at `/metrics`, a worker on its own metrics port; the Temporal SDK's
 * metrics are appended there (see `temporal-runtime-metrics.ts`).
 */
export const metricsRegistry = new Registry();

let processMetricsOn = false;

/** CPU, memory, event-loop lag and handles of this process (`multaqa_process_...`). */
export function collectProcessMetrics(): void {
  if (processMetricsOn) return;
  processMetricsOn = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'multaqa_' });
}

/** Every message a worker handled, by purpose and outcome. */
export const messagesCounter = new Counter({
  name: 'multaqa_messages_total',
  help: 'Messages handled by this worker, by purpose and outcome (sent, already-sent: the ledger held it, undeliverable: refused by the server)',
  labelNames: ['purpose', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Copies the send ledger cannot prove single (docs/email.md). */
export const possibleDuplicatesCounter = new Counter({
  name: 'multaqa_possible_duplicates_total',
  help: 'Messages sent again after an attempt whose outcome is unknown; each is flagged to the coordinator',
  labelNames: ['purpose'] as const,
  registers: [metricsRegistry],
});

/** Answers to invitations, as the shard accepted them. */
export const rsvpsCounter = new Counter({
  name: 'multaqa_rsvps_total',
  help: 'RSVPs recorded, by the invitee status they led to (accepted, waitlisted, declined) and channel (link, phone, coordinator)',
  labelNames: ['status', 'channel'] as const,
  registers: [metricsRegistry],
});

export const checkInsCounter = new Counter({
  name: 'multaqa_check_ins_total',
  help: 'Check-ins, by channel (link, api, cli) and outcome (counted, already-in: not counted twice)',
  labelNames: ['channel', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Observed by the worker that stores each status publication. */
export const readModelLagHistogram = new Histogram({
  name: 'multaqa_read_model_lag_seconds',
  help: 'Time from a training day changing (the workflow scheduling its status publication) to the new status being stored in the read model',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [metricsRegistry],
});

export const httpRequestHistogram = new Histogram({
  name: 'multaqa_http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});
