// Per-destination and tenant-wide delivery stats, from the aggregates the workers write.
import { openDeliveries } from '../../management/destination-health';
import { entryOf } from '../../management/destinations';
import type { LiveTenant } from '../../registry/snapshot';
import { byDestination, lastAttemptView, series, totals, windowRange, type StatsWindow } from '../../stats/report';
import type { ReceiverContext } from '../context';
import { storesOf } from '../management-context';
import { route } from '../route';
import { destinationParams } from '../schemas/management';
import { statsQuerySchema } from '../schemas/stats';

const badWindow = { description: 'a window other than 1h, 24h, 7d', codes: ['invalid_request' as const] };

async function rows(ctx: ReceiverContext, tenant: LiveTenant, window: StatsWindow, waiting: boolean, destinationId?: string) {
  const range = windowRange(window, ctx.now());
  const found = await storesOf(ctx).stats.range({
    tenantId: tenant.id,
    destinationId,
    granularity: range.granularity,
    since: range.from,
  });
  const client = ctx.clientFor(tenant);
  // Visibility trouble leaves the count out rather than failing the stats.
  const open = waiting
    ? await openDeliveries({ client, namespace: tenant.namespace }, destinationId).catch(() => undefined)
    : undefined;
  const base = { window, from: range.from.toISOString(), ...totals(found), series: series(found, range) };
  return { found, base: { ...base, ...(open !== undefined ? { deliveriesWaiting: open } : {}) } };
}

export const statsRoutes = () => [
  route({
    method: 'get',
    path: '/v1/destinations/{id}/stats',
    operationId: 'getDestinationStats',
    summary: 'Attempts, success ratio, latency percentiles, the last attempt, deliveries waiting, and a series to chart',
    auth: 'tenant',
    database: true,
    temporal: true,
    params: destinationParams,
    query: statsQuerySchema,
    answers: {
      200: { description: 'the destination’s stats over the window', body: 'DestinationStats' },
      400: badWindow,
      404: { description: 'unknown destination', codes: ['not_found'] },
    },
    async handle({ ctx, tenant, params, query }) {
      const { config } = entryOf(tenant, params.id);
      const { base } = await rows(ctx, tenant, query.window, query.waiting !== 'false', config.id);
      const [last] = await storesOf(ctx).stats.lastAttempts(tenant.id, config.id);
      const lastAttempt = lastAttemptView(last);
      return { status: 200, body: { destination: config.id, ...base, ...(lastAttempt ? { lastAttempt } : {}) } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/stats',
    operationId: 'getTenantStats',
    summary: 'The tenant’s delivery stats as a whole, and per destination',
    auth: 'tenant',
    database: true,
    temporal: true,
    query: statsQuerySchema,
    answers: { 200: { description: 'the tenant’s stats over the window', body: 'TenantStats' }, 400: badWindow },
    async handle({ ctx, tenant, query }) {
      const [{ found, base }, lasts] = await Promise.all([
        rows(ctx, tenant, query.window, query.waiting !== 'false'),
        storesOf(ctx).stats.lastAttempts(tenant.id),
      ]);
      const lastAttempts = lasts.map((row) => ({ destination: row.destination_id, ...lastAttemptView(row)! }));
      return { status: 200, body: { ...base, destinations: byDestination(found), lastAttempts } };
    },
  }),
];
