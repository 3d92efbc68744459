// The queue-independent half of every poller: one message in, one callback started (or a
// verdict that it never can be). Pollers only fetch, extract and acknowledge.
import type { TenantConfig } from '../config';
import type { Intake, IntakeOutcome, QueueMessage } from '../sources/message';
import { lazyJson, payloadFromBytes } from '../sources/payload';
import { sourceSteering, type Ingest } from './ingest';
import type { EventPriority } from '../contracts';
import type { CatalogTenant } from '../event-types/check';

export interface IntakeOptions {
  ingest: Ingest;
  /** The tenant as the registry holds it now: each message is routed by the current snapshot. */
  tenant: () => TenantConfig & CatalogTenant;
  source: { id: string; contentType: string; priority?: EventPriority; ttl?: number };
  maxBodyBytes: number;
}

/** Throws only for trouble that may pass (Temporal unreachable): the poller retries those. */
export function createIntake(options: IntakeOptions): Intake {
  const { source } = options;
  const expectJson = /[/+]json\b/i.test(source.contentType);
  return async function intake(message: QueueMessage): Promise<IntakeOutcome> {
    const poison = (reason: string): IntakeOutcome => ({ kind: 'poison', reason });
    if (message.body.length > options.maxBodyBytes) {
      return poison(`body is ${message.body.length} bytes; server.maxBodyBytes allows ${options.maxBodyBytes}`);
    }
    if (expectJson && (message.json ?? lazyJson(message.body))() === undefined)
      return poison(`body is not valid JSON (the source's content type is ${source.contentType})`);
    const outcome = await options.ingest({
      tenant: options.tenant(),
      source: source.id,
      eventType: message.eventType,
      idempotencyKey: message.idempotencyKey,
      ...(message.traceContext ? { traceContext: message.traceContext } : {}),
      payload: payloadFromBytes(message.body, source.contentType),
      origin: message.origin,
      ...sourceSteering(source),
    });
    switch (outcome.kind) {
      case 'accepted':
      case 'duplicate':
        return { kind: outcome.kind, eventId: outcome.event.id };
      case 'invalid':
      case 'too_large':
      // The sender's bytes do not meet the tenant's catalog: retrying the same message cannot help.
      case 'rejected':
      // Its id stays taken until retention removes the old delivery: retrying cannot help.
      case 'conflict':
        return poison(outcome.message);
      case 'unavailable':
        // Hold: the settler retries with backoff and logs by the cause's gRPC code.
        throw outcome.cause;
    }
  };
}
