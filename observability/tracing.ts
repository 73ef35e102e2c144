import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { WorkflowClientInterceptor } from '@temporalio/client';
import {
  OpenTelemetryPlugin,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';

/** What a process needs to trace its Temporal calls; all absent when tracing is off. */
export interface Tracing {
  /** For `Worker.create`: spans of workflows (through a sink) and activities, and propagation. */
  workerPlugin?: OpenTelemetryPlugin;
  /** For `new Client(...)`: a span per start, signal, update and query, carried to the workflow. */
  clientInterceptors?: { workflow: WorkflowClientInterceptor[] };
  /** Sends the spans still buffered. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing of client → workflow → activity, on when OTEL_EXPORTER_OTLP_ENDPOINT
 * (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: spans go to that collector over OTLP/HTTP,
 * which reads the rest of the standard OTEL_* variables (headers, timeouts) itself. Temporal's
 * own interceptors make the spans and carry the trace in workflow and activity headers.
 */
export function startTracing(serviceName: string): Tracing {
  const env = process.env;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
    return { shutdown: async () => undefined };
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter(), {
    scheduledDelayMillis: 1000,
  });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return {
    workerPlugin: new OpenTelemetryPlugin({ resource, spanProcessor }),
    clientInterceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
    shutdown: () => provider.shutdown(),
  };
}
