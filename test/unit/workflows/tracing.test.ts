import { TRACE_HEADER as TEMPORAL_TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { defaultPayloadConverter } from '@temporalio/common';
import { isSampled, TRACE_HEADER } from '../../../workflows/tracing';

// The sandbox module names the header itself so that it loads no OTel code for untraced workflows.
test('the workflow-side gate looks for the header Temporal’s OTel interceptors write', () => {
  expect(TRACE_HEADER).toBe(TEMPORAL_TRACE_HEADER);
});

describe('isSampled: which trace headers switch the workflow interceptors on', () => {
  const header = (carrier: unknown) => defaultPayloadConverter.toPayload(carrier)!;
  const id = '0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331';
  test('the sampled flag of the traceparent decides', () => {
    expect(isSampled(header({ traceparent: `00-${id}-01` }))).toBe(true);
    expect(isSampled(header({ traceparent: `00-${id}-00` }))).toBe(false);
    // Other flag bits (W3C level 2 "random") do not make a trace sampled.
    expect(isSampled(header({ traceparent: `00-${id}-02` }))).toBe(false);
    expect(isSampled(header({ traceparent: `00-${id}-03`, tracestate: 'a=b' }))).toBe(true);
  });
  test('a header it cannot read keeps the interceptors on, as before this gate', () => {
    expect(isSampled(header({}))).toBe(true);
    expect(isSampled(header({ traceparent: 'garbage' }))).toBe(true);
    expect(isSampled({ metadata: { encoding: new TextEncoder().encode('binary/plain') }, data: new Uint8Array([1]) })).toBe(true);
  });
});
