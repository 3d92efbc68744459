// A queue message's W3C trace context, read from its SQS attributes or Kafka headers.

/** traceparent and tracestate, as a producer put them in the message's attributes or headers. */
export function traceContextOf(read: (name: string) => string | undefined): Record<string, string> | undefined {
  const traceparent = read('traceparent');
  if (!traceparent) return undefined;
  const tracestate = read('tracestate');
  return { traceparent, ...(tracestate ? { tracestate } : {}) };
}
