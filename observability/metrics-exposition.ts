import { freePort } from '../scripts/stack/ports';
import { metricsRegistry } from './product-metrics';

/**
 * Where the Temporal SDK's own Prometheus exporter listens in this process (workflow task
 * latency, activity failures, sticky cache, pollers: `temporal_...`). It is bound to loopback
 * on a free port and read from there, so one scrape of multaqa's `/metrics` returns both the
 * SDK's metrics and the product's.
 */
export interface TemporalMetricsEndpoint {
  bindAddress: string;
  url: string;
}

export async function reserveTemporalMetricsEndpoint(): Promise<TemporalMetricsEndpoint> {
  const port = await freePort();
  return { bindAddress: `127.0.0.1:${port}`, url: `http://127.0.0.1:${port}/metrics` };
}

export const METRICS_CONTENT_TYPE = metricsRegistry.contentType;

/** The product's metrics, then the SDK's when a worker runs in this process. */
export async function metricsExposition(temporalMetricsUrl?: string): Promise<string> {
  const own = await metricsRegistry.metrics();
  if (!temporalMetricsUrl) return own;
  const temporal = await fetch(temporalMetricsUrl, { signal: AbortSignal.timeout(2_000) })
    .then((response) => {
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.text();
    })
    .catch(
      (error: unknown) =>
        `# the Temporal SDK's metrics could not be read: ${String(error).replace(/\s+/g, ' ')}\n`,
    );
  return `${own}\n${temporal}`;
}
