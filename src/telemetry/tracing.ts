// OpenTelemetry tracing, started before express, undici and the Temporal SDK load (see
// cli/main.ts), so their instrumentation takes. Configured by the standard OTEL_* variables;
// telemetry.* keys only fill in the ones that are not set. No endpoint → no SDK at all: the
// OpenTelemetry API stays a no-op, nothing is exported and nothing complains, and workflows run
// without their interceptors (workflows/tracing.ts), which is what keeps tracing off cheap.
import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { Resource } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Also handed to the worker: workflow spans are exported through the same processor. */
  spanProcessor: SpanProcessor;
  resource: Resource;
  exporting: boolean;
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;

const PROBES = new Set(['/metrics', '/livez', '/healthz', '/readyz', '/openapi.json']);

/** What startTracing set up in this process (a no-op one before it ran, as in tests). */
export function tracing(): Tracing {
  return (current ??= {
    spanProcessor: new NoopSpanProcessor(),
    resource: Resource.empty(),
    exporting: false,
    shutdown: async () => undefined,
  });
}

export const tracer = (): Tracer => trace.getTracer('barrage');

/** The config keys tracing reads (telemetry.*), so telemetry needs nothing from the config module. */
interface TracingConfig {
  telemetry: { serviceName?: string; otlpEndpoint?: string };
}

export function startTracing(config: TracingConfig, role: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (current) return current;
  const { serviceName, otlpEndpoint } = config.telemetry;
  env.OTEL_SERVICE_NAME ||= serviceName ?? `barrage-${role}`;
  if (otlpEndpoint && !env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT)
    env.OTEL_EXPORTER_OTLP_ENDPOINT = otlpEndpoint;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return tracing();
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter());
  const sdk = new NodeSDK({
    spanProcessors: [spanProcessor],
    // Metrics are Prometheus (telemetry/metrics.ts) and logs are JSON lines: the SDK exports neither.
    logRecordProcessors: [],
    // Probes and scrapes are not callbacks: no trace for them.
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => PROBES.has((req.url ?? '').split('?')[0]) }),
      new UndiciInstrumentation({ ignoreRequestHook: (req) => req.path === '/metrics' }),
    ],
  });
  sdk.start();
  const resource = new Resource({ 'service.name': env.OTEL_SERVICE_NAME });
  current = { spanProcessor, resource, exporting: true, shutdown: () => sdk.shutdown() };
  return current;
}
