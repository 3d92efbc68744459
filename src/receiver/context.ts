import type { Client } from '@temporalio/client';
import type { BarrageConfig, TenantConfig } from '../config';
import type { Ingest } from '../ingest/ingest';
import type { Logger } from '../telemetry/logger';

/** Everything the routes need, built once by the receiver's composition root. */
export interface ReceiverContext {
  config: BarrageConfig;
  ingest: Ingest;
  clientFor: (tenant: TenantConfig) => Client;
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
