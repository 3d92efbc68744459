// Pausing and resuming a destination: attempts to it wait (no attempt used) while it is paused,
// and go again, at its rate limit, once resumed. The same as PATCH {"paused": true | false}.
import { destinationView, patchDestination } from '../../management/destinations';
import { destinationHealth } from '../../management/destination-health';
import type { DestinationEntry, LiveTenant } from '../../registry/snapshot';
import type { ReceiverContext } from '../context';
import { managementDeps, storesOf } from '../management-context';
import { route } from '../route';
import { destinationParams } from '../schemas/management';
import { configDefined } from './answers';

const unknown = { description: 'unknown destination', codes: ['not_found' as const] };

/** The destination as GET /v1/destinations/{id} shows it: with its health. */
export async function destinationWithHealth(
  ctx: ReceiverContext,
  tenant: LiveTenant,
  entry: DestinationEntry,
  countWaiting = true,
) {
  const health = await destinationHealth(
    { stores: storesOf(ctx), client: ctx.clientFor(tenant), namespace: tenant.namespace, logger: ctx.logger },
    { tenantId: tenant.id, destinationId: entry.config.id },
    countWaiting,
  );
  return { ...destinationView(entry, tenant.eventTypes), health };
}

const control = (action: 'pause' | 'resume') =>
  route({
    method: 'post',
    path: `/v1/destinations/{id}/${action}`,
    operationId: `${action}Destination`,
    summary:
      action === 'pause'
        ? 'Pause: new events still match and queue; attempts wait without using one'
        : 'Resume: waiting attempts go again (within 15 s), at the rate limit',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    answers: { 200: { description: 'the destination, with its health', body: 'Destination' }, 404: unknown, 409: configDefined },
    async handle({ ctx, tenant, params }) {
      const entry = await patchDestination(managementDeps(ctx), tenant, params.id, { paused: action === 'pause' });
      ctx.logger.info(
        { tenant: tenant.id, destination: params.id },
        action === 'pause' ? 'destination paused' : 'destination resumed',
      );
      return { status: 200, body: await destinationWithHealth(ctx, tenant, entry) };
    },
  });

export const destinationControlRoutes = () => [control('pause'), control('resume')];
