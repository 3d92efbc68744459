// Disabling a destination on Barrage's own judgement (a 410 Gone, a circuit open past
// autoDisableAfter): recorded with its reason in the database, so every process stops matching it
// within a second, and announced to the tenant's operatorDestination as a
// `barrage.destination.disabled` event. Only the process whose write took effect announces it.
import { deliveryPlan } from '../config';
import type { IngestOutcome, IngestRequest } from '../ingest/ingest';
import type { Registry } from '../registry/live';
import type { DestinationEntry, LiveTenant } from '../registry/snapshot';
import type { Logger } from '../telemetry/logger';
import type { DestinationKey } from '../protection/health-store';

export const DISABLED_EVENT_TYPE = 'barrage.destination.disabled';

export interface DisablerDeps {
  registry: Registry;
  /** Accepts the operator event like any other (Temporal start, idempotent by its key). */
  ingest: (req: IngestRequest) => Promise<IngestOutcome>;
  logger: Logger;
  now?: () => number;
}

/** Resolves true once the destination is disabled (by this call or before), false when it cannot be. */
export function createDisabler(deps: DisablerDeps): (key: DestinationKey, reason: string) => Promise<boolean> {
  const told = new Set<string>();
  return async (key, reason) => {
    const tenant = deps.registry.current().tenant(key.tenantId);
    const entry = tenant?.entries.get(key.destinationId);
    if (!tenant || !entry) return false;
    if (entry.disabled) return true;
    const stores = deps.registry.stores;
    if (entry.managedBy === 'config' || !stores) {
      // The config file is the truth for these: say it once per process instead of changing it.
      const id = `${key.tenantId}/${key.destinationId}`;
      if (!told.has(id))
        deps.logger.error(
          { ...key, reason },
          'destination should be disabled, but it is defined in the config file: change it there',
        );
      told.add(id);
      return false;
    }
    // False: another process disabled it first, and announces it.
    if (!(await stores.destinations.disable(key.tenantId, key.destinationId, reason))) return true;
    await deps.registry.refresh();
    deps.logger.warn({ tenant: key.tenantId, destination: key.destinationId, reason }, 'destination disabled');
    await announce(deps, tenant, entry, reason).catch((err: unknown) =>
      deps.logger.error({ err, ...key }, `sending ${DISABLED_EVENT_TYPE} failed`),
    );
    return true;
  };
}

async function announce(deps: DisablerDeps, tenant: LiveTenant, entry: DestinationEntry, reason: string): Promise<void> {
  const operator = tenant.operatorDestination && tenant.entries.get(tenant.operatorDestination);
  if (!operator || operator.config.id === entry.config.id) return;
  const disabledAt = new Date((deps.now ?? Date.now)()).toISOString();
  // Standard Webhooks' envelope, like the dead letters Barrage sends.
  const body = {
    type: DISABLED_EVENT_TYPE,
    timestamp: disabledAt,
    data: { destination: { id: entry.config.id, type: entry.config.type, description: entry.description }, reason, disabledAt },
  };
  const outcome = await deps.ingest({
    tenant,
    source: 'barrage',
    eventType: DISABLED_EVENT_TYPE,
    idempotencyKey: `${DISABLED_EVENT_TYPE}:${entry.config.id}:${disabledAt}`,
    payload: { contentType: 'application/json', body: JSON.stringify(body), encoding: 'utf8' },
    destinations: [deliveryPlan(operator.config, tenant)],
  });
  if (outcome.kind !== 'accepted' && outcome.kind !== 'duplicate')
    throw new Error(`the operator event was not accepted: ${outcome.kind}`);
}
