import { TRACE_HEADER as TEMPORAL_TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { TRACE_HEADER } from '../../../workflows/tracing';

// The sandbox module names the header itself so that it loads no OTel code for untraced workflows.
test('the workflow-side gate looks for the header Temporal’s OTel interceptors write', () => {
  expect(TRACE_HEADER).toBe(TEMPORAL_TRACE_HEADER);
});
