// Values computed from the validated config, in one place so every role derives them alike.
import type { DeliveryPlan } from '../contracts';
import { matchesAny } from '../delivery/patterns';
import { filterMatches, filterMiss, type FilterMiss, type FilterSubject } from '../delivery/filter';
import { DEFAULT_BREAKER, type BreakerSettings } from '../protection/breaker';
import type { BarrageConfig, DestinationConfig, HttpSourceConfig, TenantConfig } from './schema';

/**
 * A tenant as planning reads it. A live registry tenant also holds every destination by id in
 * `entries`, disabled ones too (its `destinations` are only the enabled ones, which routing wants).
 */
export type PlanningTenant = TenantConfig & { entries?: ReadonlyMap<string, { config: DestinationConfig }> };

export function deliveryPlan(destination: DestinationConfig, tenant?: PlanningTenant): DeliveryPlan {
  const plan = ownPlan(destination, tenant?.defaults);
  if (destination.deadLetter !== undefined && tenant)
    plan.deadLetter = deadLetterPlan(destination, destination.deadLetter, tenant);
  return plan;
}

/**
 * A dead-letter target is an operator's sink, not a subscriber: a disabled one still takes dead
 * letters. One that is gone (deleted, or no longer configured) is still planned, with the failing
 * destination's timeout and retry: its delivery then ends at its first attempt, "cancelled"
 * (destination deleted) or "failed", and the failure stays visible on the event and in
 * barrage_dead_letters_total instead of the dead letter silently not being sent.
 */
function deadLetterPlan(destination: DestinationConfig, targetId: string, tenant: PlanningTenant): DeliveryPlan {
  const target = tenant.entries?.get(targetId)?.config ?? tenant.destinations.find((d) => d.id === targetId);
  return target ? ownPlan(target, tenant.defaults) : { ...ownPlan(destination, tenant.defaults), destinationId: targetId };
}

/** A destination's rate limit: its own, else its tenant's default. */
export function destinationRateLimit(
  destination: Pick<DestinationConfig, 'rateLimit'>,
  defaults?: TenantConfig['defaults'],
): { perSecond: number } | undefined {
  return destination.rateLimit ?? defaults?.rateLimit;
}

/** A destination's circuit breaker: its own, else its tenant's default, else the built-in one. */
export function destinationBreaker(
  destination: Pick<DestinationConfig, 'breaker'>,
  defaults?: TenantConfig['defaults'],
): BreakerSettings {
  return destination.breaker ?? defaults?.breaker ?? DEFAULT_BREAKER;
}

function ownPlan(destination: DestinationConfig, defaults?: TenantConfig['defaults']): DeliveryPlan {
  const { retry } = destination;
  const ttl = destination.ttl ?? defaults?.ttl;
  const rateLimit = destinationRateLimit(destination, defaults);
  return {
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
    ...(ttl !== undefined ? { ttlMs: ttl } : {}),
    ...(rateLimit ? { rateLimit: { perSecond: rateLimit.perSecond } } : {}),
  };
}

/** Destinations of the tenant subscribed to this event (its type, then its filter), as delivery plans. */
export function routeEvent(tenant: PlanningTenant, event: FilterSubject): DeliveryPlan[] {
  return tenant.destinations.filter((d) => routesTo(d, event)).map((d) => deliveryPlan(d, tenant));
}

/** Undefined when the destination takes the event; otherwise why not (POST …/filter-test says it). */
export function routeMiss(
  destination: Pick<DestinationConfig, 'events' | 'filter'>,
  event: FilterSubject,
): FilterMiss | undefined {
  if (!matchesAny(destination.events, event.type))
    return {
      path: 'type',
      reason: `${JSON.stringify(event.type)} matches none of its events ${JSON.stringify(destination.events)}`,
    };
  return destination.filter ? filterMiss(destination.filter, event) : undefined;
}

const routesTo = (d: DestinationConfig, event: FilterSubject) =>
  matchesAny(d.events, event.type) && (d.filter === undefined || filterMatches(d.filter, event));

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

/**
 * How Barrage registers a tenant's namespace: its retention (the tenant's own, else
 * temporal.namespaceRetention), and how long the server takes to see a change.
 */
export function namespaceOptions(
  config: BarrageConfig,
  tenant?: Pick<TenantConfig, 'retention'>,
): { retentionMs: number; cacheRefreshMs: number } {
  // The embedded dev server is started with a 1 s refresh (DEV_DYNAMIC_CONFIG).
  const cacheRefreshMs = config.temporal.address ? config.temporal.namespaceCacheRefresh : 1000;
  return { retentionMs: tenant?.retention ?? config.temporal.namespaceRetention, cacheRefreshMs };
}

/** How many destinations a tenant may have: its own limit, else limits.maxDestinationsPerTenant. */
export const maxDestinationsOf = (config: BarrageConfig, tenant: Pick<TenantConfig, 'limits'>): number =>
  tenant.limits?.maxDestinations ?? config.limits.maxDestinationsPerTenant;
