import type { AttemptRecord, AttemptRequest } from '../src/contracts';
import type { BarrageConfig } from '../src/config';
import { findDestination } from '../src/config';
import { deliverWith, type DriverRegistry } from '../src/destinations/registry';
import type { Logger } from '../src/telemetry/logger';

export interface DeliverDeps {
  /** Read at every attempt: URLs and secrets come from here, never from the workflow input. */
  config: () => BarrageConfig;
  drivers: DriverRegistry;
  logger: Logger;
  now?: () => number;
}

/** One delivery attempt. Destination trouble comes back as data; only our own faults throw. */
export function createAttemptDelivery(deps: DeliverDeps) {
  const now = deps.now ?? Date.now;
  return async function attemptDelivery(req: AttemptRequest): Promise<AttemptRecord> {
    const started = now();
    const destination = findDestination(deps.config(), req.event.tenantId, req.destinationId);
    const result = destination
      ? await deliverWith(deps.drivers, { ...req, destination })
      : { outcome: 'permanent' as const, error: `destination ${req.destinationId} is no longer configured` };
    const record: AttemptRecord = {
      attempt: req.attempt,
      startedAt: new Date(started).toISOString(),
      durationMs: now() - started,
      ...result,
    };
    deps.logger.info(
      {
        tenant: req.event.tenantId,
        eventId: req.event.eventId,
        eventType: req.event.eventType,
        destination: req.destinationId,
        attempt: record.attempt,
        outcome: record.outcome,
        status: record.statusCode,
        durationMs: record.durationMs,
        error: record.error,
      },
      'delivery attempt',
    );
    return record;
  };
}
