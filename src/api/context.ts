import type { Client, Connection } from '@temporalio/client';
import type { BarrageConfig, TenantConfig } from '../config';
import type { Ingest } from '../ingest/ingest';
import type { Registry } from '../registry/live';
import type { Metrics } from '../telemetry/metrics';
import type { Logger } from '../telemetry/logger';

/** Everything the routes need, built once by the receiver's composition root. */
export interface ReceiverContext {
  config: BarrageConfig;
  /** Tenants, keys and destinations as they are now (read per request, never cached by a route). */
  registry: Registry;
  connection: Connection;
  metrics: Metrics;
  ingest: Ingest;
  clientFor: (tenant: Pick<TenantConfig, 'namespace'>) => Client;
  logger: Logger;
  publicUrl: string;
  temporalUiUrl?: string;
  /** Temporal reachable and every tenant namespace registered. */
  ready: () => Promise<boolean>;
  now: () => number;
}

export function eventLinks(ctx: ReceiverContext, tenant: TenantConfig, eventId: string) {
  return {
    self: `${ctx.publicUrl}/v1/events/${eventId}`,
    ...(ctx.temporalUiUrl
      ? { temporalUi: `${ctx.temporalUiUrl}/namespaces/${encodeURIComponent(tenant.namespace)}/workflows/${eventId}` }
      : {}),
  };
}
