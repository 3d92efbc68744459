// What GET /v1/destinations/{id} shows of a destination's health: the circuit breaker as every
// worker shares it (the database), and how many of its deliveries are still open (Temporal).
import { visibilityString } from '../base/visibility';
import type { Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, WORKFLOW } from '../contracts';
import type { Health } from '../protection/breaker';
import { databaseHealthStore, type DestinationKey } from '../protection/health-store';
import type { Stores } from '../registry/stores';
import type { Logger } from '../telemetry/logger';

export interface HealthView {
  state: 'closed' | 'open' | 'half_open';
  /** When it entered this state (absent: never failed). */
  since?: string;
  /** Open: when probing begins. */
  retryAt?: string;
  lastError?: string;
  lastErrorAt?: string;
  /** Consecutive failed attempts counted toward opening it. */
  failures: number;
  /** Deliveries to it not yet final (waiting on a retry, a hold, a schedule, or in flight); absent if Temporal did not answer. */
  deliveriesWaiting?: number;
}

const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : undefined);

export async function destinationHealth(
  deps: { stores: Stores; client: Client; namespace: string; logger: Logger },
  key: DestinationKey,
  countWaiting = true,
): Promise<HealthView> {
  const [health, waiting] = await Promise.all([
    databaseHealthStore(deps.stores.database).read(key),
    countWaiting
      ? openDeliveries(deps, key.destinationId).catch((err: unknown) => {
          deps.logger.warn({ err: String(err), destination: key.destinationId }, 'counting open deliveries failed');
          return undefined;
        })
      : undefined,
  ]);
  return { ...breakerView(health), ...(waiting !== undefined ? { deliveriesWaiting: waiting } : {}) };
}

/** The breaker as the API shows it (no deliveriesWaiting: that one asks Temporal). */
export function breakerView(health: Health): HealthView {
  const view: HealthView = {
    state: health.state,
    since: iso(health.since),
    retryAt: health.state === 'open' ? iso(health.retryAt) : undefined,
    lastError: health.lastError,
    lastErrorAt: iso(health.lastErrorAt),
    failures: health.failures,
  };
  return Object.fromEntries(Object.entries(view).filter(([, v]) => v !== undefined)) as unknown as HealthView;
}

/** Deliveries not yet final: to one destination, or the tenant's (its namespace's) all. */
export async function openDeliveries(deps: { client: Client; namespace: string }, destinationId?: string): Promise<number> {
  const running = `WorkflowType = '${WORKFLOW.delivery}' AND ExecutionStatus = 'Running'`;
  const query =
    destinationId === undefined
      ? running
      : `${running} AND ${SEARCH_ATTRIBUTES.destination.name} = ${visibilityString(destinationId)}`;
  const { client, namespace } = deps;
  const answer = await client.connection.withDeadline(Date.now() + 2_000, () =>
    client.workflowService.countWorkflowExecutions({ namespace, query }),
  );
  return Number(answer.count ?? 0);
}
