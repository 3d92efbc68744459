// This process's copy of every destination's health, mirrored into barrage_circuit_state, and
// what a change of state logs and counts.
import type { Logger } from '../telemetry/logger';
import type { Metrics } from '../telemetry/metrics';
import { CLOSED, type CircuitState, type Health } from './breaker';
import type { DestinationKey, HealthRow } from './health-store';

/** The state's number in barrage_circuit_state: 0 closed, 1 half open, 2 open. */
export const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

export class HealthCache {
  private readonly rows = new Map<string, Health>();
  constructor(private readonly metrics?: Metrics) {}

  get(key: DestinationKey): Health {
    return this.rows.get(cacheKey(key)) ?? CLOSED;
  }

  put(row: HealthRow): void {
    this.rows.set(cacheKey(row), row.health);
    const labels = { tenant: row.tenantId, destination: row.destinationId };
    this.metrics?.circuitState.set(labels, CIRCUIT_STATE_VALUE[row.health.state]);
  }
}

const cacheKey = (key: DestinationKey) => `${key.tenantId}\u0000${key.destinationId}`;

export function transitioned(
  options: { logger: Logger; metrics?: Metrics },
  key: DestinationKey,
  from: CircuitState,
  to: Health,
): void {
  options.metrics?.circuitTransitions.inc({ tenant: key.tenantId, destination: key.destinationId, to: to.state });
  const fields = { tenant: key.tenantId, destination: key.destinationId, from, to: to.state, lastError: to.lastError };
  if (to.state === 'open')
    options.logger.warn(
      { ...fields, retryAt: new Date(to.retryAt ?? 0).toISOString() },
      'circuit opened: deliveries to this destination wait',
    );
  else
    options.logger.info(
      fields,
      to.state === 'closed' ? 'circuit closed: waiting deliveries resume' : 'circuit half open: probing',
    );
}
