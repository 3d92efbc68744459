// Values computed from the validated config, in one place so every role derives them alike.
import type { DeliveryPlan } from '../contracts';
import { matchesAny } from '../delivery/patterns';
import type { BarrageConfig, DestinationConfig, HttpSourceConfig, TenantConfig } from './schema';

export function deliveryPlan(destination: DestinationConfig, tenant?: TenantConfig): DeliveryPlan {
  const { retry } = destination;
  const plan: DeliveryPlan = {
    destinationId: destination.id,
    timeoutMs: destination.timeout,
    retry: {
      initialIntervalMs: retry.initialInterval,
      backoffCoefficient: retry.backoffCoefficient,
      maximumIntervalMs: retry.maximumInterval,
      maximumAttempts: retry.maximumAttempts,
      jitter: retry.jitter,
      ...(retry.horizon !== undefined ? { horizonMs: retry.horizon } : {}),
    },
  };
  const target = destination.deadLetter && tenant?.destinations.find((d) => d.id === destination.deadLetter);
  if (target) plan.deadLetter = deliveryPlan(target);
  return plan;
}

/** Destinations of the tenant subscribed to this event type, as delivery plans. */
export function routeEvent(tenant: TenantConfig, eventType: string): DeliveryPlan[] {
  return tenant.destinations.filter((d) => matchesAny(d.events, eventType)).map((d) => deliveryPlan(d, tenant));
}

/** An HTTP source by id (queue sources have no URL: they are polled, not posted to). */
export function findHttpSource(config: BarrageConfig, sourceId: string) {
  for (const tenant of config.tenants) {
    const source = tenant.sources.find((s): s is HttpSourceConfig => s.id === sourceId && s.type === 'http');
    if (source) return { tenant, source };
  }
  return undefined;
}

export function temporalAddress(config: BarrageConfig): string {
  const { address, devServer } = config.temporal;
  return address || `${devServer.ip}:${devServer.port}`;
}

export function temporalUiUrl(config: BarrageConfig): string | undefined {
  if (config.temporal.uiUrl) return config.temporal.uiUrl.replace(/\/$/, '');
  if (config.temporal.address) return undefined;
  return `http://${config.temporal.devServer.ip}:${config.temporal.devServer.uiPort}`;
}
