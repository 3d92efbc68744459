// Reading traces back from Jaeger's query API (/api/traces/{id}), for the tracing e2e tests.
export interface JaegerSpan {
  spanID: string;
  operationName: string;
  processID: string;
  references: { refType: string; spanID: string }[];
  tags: { key: string; value: unknown }[];
  logs: { fields: { key: string; value: unknown }[] }[];
}

export interface JaegerTrace {
  spans: JaegerSpan[];
  processes: Record<string, { serviceName: string }>;
}

export const tag = (span: JaegerSpan, key: string) => span.tags.find((t) => t.key === key)?.value;

/** The trace as Jaeger holds it now, or undefined while it has none of it. */
export async function jaegerTrace(queryUrl: string, traceId: string): Promise<JaegerTrace | undefined> {
  const res = await fetch(`${queryUrl}/api/traces/${traceId}`);
  if (!res.ok) return undefined;
  return ((await res.json()) as { data: JaegerTrace[] }).data[0];
}

/** A process environment that exports to this Jaeger, in batches every 200 ms (not 5 s) so tests read traces soon. */
export const exportingTo = (jaeger: { otlpEndpoint: string }): NodeJS.ProcessEnv => ({
  ...process.env,
  OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpEndpoint,
  OTEL_BSP_SCHEDULE_DELAY: '200',
});
