// Runs inside the workflow sandbox: bundled as the workflow interceptor module (bundle.ts), so it
// imports only what the sandbox may (the workflow SDK and Temporal's workflow-side OTel code).
//
// Temporal's OpenTelemetry workflow interceptors, switched on per workflow: only for a workflow
// whose start carried a *sampled* trace context, which the client interceptor adds when the
// starting process exports traces (clients.ts); a child started by a traced workflow carries it
// on. Always on, they cost about 20 ms of worker CPU per callback and a third of end-to-end
// throughput here even with nothing exported (docs/PERFORMANCE.md, issue 11). A context that is
// not sampled records nothing, so its workflows skip that cost and pass the header on unchanged to
// their activities and children: the attempt's outbound request still carries the caller's trace.
// The choice reads the start's headers, which are in the history, so a replay makes the same one;
// and no choice makes commands.
import type * as OtelWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type {
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowInternalsInterceptor,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** Temporal's trace header (its `TRACE_HEADER`; a unit test keeps the two equal). */
export const TRACE_HEADER = '_tracer-data';

/**
 * Loaded on first use: a module the bundle requires up front is evaluated for every workflow, and
 * the OTel SDK's modules alone cost an untraced workflow ~9 ms of worker CPU (measured).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const otelWorkflow = (): typeof OtelWorkflow => require('@temporalio/interceptors-opentelemetry/lib/workflow');

/** W3C traceparent: version-traceid-parentid-flags; bit 0 of the flags is "sampled". */
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-([0-9a-f]{2})/;

/** Whether a trace header asks for recording. One that cannot be read is treated as sampled (as before). */
export function isSampled(header: Payload): boolean {
  try {
    const carrier = defaultPayloadConverter.fromPayload<{ traceparent?: unknown }>(header);
    const flags = typeof carrier?.traceparent === 'string' ? TRACEPARENT.exec(carrier.traceparent)?.[1] : undefined;
    return flags === undefined || (parseInt(flags, 16) & 1) === 1;
  } catch {
    return true;
  }
}

interface Otel {
  inbound: OtelWorkflow.OpenTelemetryInboundInterceptor;
  outbound: OtelWorkflow.OpenTelemetryOutboundInterceptor;
}

export const interceptors = (): WorkflowInterceptors => {
  let otel: Otel | undefined;
  /** An unsampled start's header, forwarded as it came. */
  let unsampled: Payload | undefined;
  const forward = <T extends { headers: Record<string, Payload> }>(input: T): T =>
    unsampled ? { ...input, headers: { ...input.headers, [TRACE_HEADER]: unsampled } } : input;
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      const header = input.headers[TRACE_HEADER];
      if (header && !isSampled(header)) unsampled = header;
      else if (header) {
        const { OpenTelemetryInboundInterceptor, OpenTelemetryOutboundInterceptor } = otelWorkflow();
        otel = { inbound: new OpenTelemetryInboundInterceptor(), outbound: new OpenTelemetryOutboundInterceptor() };
      }
      return otel ? otel.inbound.execute(input, next) : next(input);
    },
    handleSignal: (input, next) => (otel ? otel.inbound.handleSignal(input, next) : next(input)),
    handleQuery: (input, next) => (otel ? otel.inbound.handleQuery(input, next) : next(input)),
    handleUpdate: (input, next) => (otel ? otel.inbound.handleUpdate(input, next) : next(input)),
    validateUpdate: (input, next) => (otel ? otel.inbound.validateUpdate(input, next) : next(input)),
  };
  const outbound: WorkflowOutboundCallsInterceptor = {
    scheduleActivity: (input, next) => (otel ? otel.outbound.scheduleActivity(input, next) : next(forward(input))),
    scheduleLocalActivity: (input, next) => (otel ? otel.outbound.scheduleLocalActivity(input, next) : next(forward(input))),
    startChildWorkflowExecution: (input, next) =>
      otel ? otel.outbound.startChildWorkflowExecution(input, next) : next(forward(input)),
    continueAsNew: (input, next) => (otel ? otel.outbound.continueAsNew(input, next) : next(input)),
    signalWorkflow: (input, next) => (otel ? otel.outbound.signalWorkflow(input, next) : next(input)),
    getLogAttributes: (input, next) => (otel ? otel.outbound.getLogAttributes(input, next) : next(input)),
  };
  // The internals interceptor only releases the context manager the traced path made.
  const internals: WorkflowInternalsInterceptor = {
    dispose: (input, next) =>
      otel ? new (otelWorkflow().OpenTelemetryInternalsInterceptor)().dispose(input, next) : next(input),
  };
  return { inbound: [inbound], outbound: [outbound], internals: [internals] };
};
