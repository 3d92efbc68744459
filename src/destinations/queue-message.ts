// What the queue drivers (SQS, Kafka) share: the metadata every message carries, values read
// from the body for keys and groups, and a deadline for calls whose client has none of its own.
import { context, propagation } from '@opentelemetry/api';
import type { Payload } from '../contracts';
import { parseJsonOrUndefined, readJsonPath, valueAtJsonPath } from '../delivery/json-path';
import type { DriverRequest } from './driver';

/** Same names as the HTTP driver's headers, so a consumer reads one vocabulary whatever the transport. */
export function messageMetadata(req: Pick<DriverRequest, 'event' | 'payload' | 'attempt'>): Record<string, string> {
  return {
    'barrage-event-id': req.event.eventId,
    'barrage-event-type': req.event.eventType,
    'barrage-attempt': String(req.attempt),
    'content-type': req.payload.contentType,
    ...traceContext(),
  };
}

/** The attempt's trace context (traceparent, tracestate), so a consumer that traces joins the callback's trace. */
export function traceContext(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

export function payloadBytes(payload: Payload): Buffer {
  return Buffer.from(payload.body, payload.encoding);
}

/**
 * This event can never become a message for this destination (say, the key field is missing from
 * its body): retrying cannot help, so drivers report it as permanent.
 */
export class UnbuildableMessageError extends Error {}

/** A dotted path ($.a.b) into the JSON body; a string or number, else the message cannot be built. */
export function jsonPathValue(payload: Payload, path: string, what: string): string {
  const json = parseJsonOrUndefined(payloadBytes(payload).toString('utf8'));
  if (json === undefined) throw new UnbuildableMessageError(`${what} comes from ${path}, but the body is not JSON`);
  const found = readJsonPath(json, path);
  if (found !== undefined) return found;
  const value = valueAtJsonPath(json, path);
  const shape = value === undefined ? 'nothing' : `a ${value === null ? 'null' : typeof value}`;
  throw new UnbuildableMessageError(
    `${what} comes from ${path}, but the body has ${shape} there (need a non-empty string or a number)`,
  );
}

export class DeadlineError extends Error {}

/**
 * Settles with `work` or rejects with DeadlineError after `ms`, whichever is first. For clients
 * whose own timeouts do not cover every step (a Kafka connect waits up to 30 s for metadata).
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, describe: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(describe())), ms);
  });
  // The loser may still reject later; that must not surface as an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
