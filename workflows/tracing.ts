// Runs inside the workflow sandbox: bundled as the workflow interceptor module (bundle.ts), so it
// imports only what the sandbox may (the workflow SDK and Temporal's workflow-side OTel code).
//
// Temporal's OpenTelemetry workflow interceptors, switched on per workflow: only for a workflow
// whose start carried a trace context, which the client interceptor adds when the starting
// process exports traces (clients.ts); a child started by a traced workflow carries it on. Always
// on, they cost about 20 ms of worker CPU per callback and a third of end-to-end throughput here
// even with nothing exported (docs/PERFORMANCE.md, issue 11). The choice reads the start's headers,
// which are in the history, so a replay makes the same one; and neither choice makes commands.
import type * as OtelWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow';
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

interface Otel {
  inbound: OtelWorkflow.OpenTelemetryInboundInterceptor;
  outbound: OtelWorkflow.OpenTelemetryOutboundInterceptor;
}

export const interceptors = (): WorkflowInterceptors => {
  let otel: Otel | undefined;
  const inbound: WorkflowInboundCallsInterceptor = {
    execute(input, next) {
      if (TRACE_HEADER in input.headers) {
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
    scheduleActivity: (input, next) => (otel ? otel.outbound.scheduleActivity(input, next) : next(input)),
    scheduleLocalActivity: (input, next) => (otel ? otel.outbound.scheduleLocalActivity(input, next) : next(input)),
    startChildWorkflowExecution: (input, next) => (otel ? otel.outbound.startChildWorkflowExecution(input, next) : next(input)),
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
