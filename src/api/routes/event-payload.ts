// An event's payload as it was accepted, read from its callback workflow's first history event
// (Temporal holds it; Barrage keeps no copy). The portal's event page shows it.
import { readCallbackInput } from '../../events/status';
import { route } from '../route';
import { eventIdParams } from '../schemas/events';
import { eventOr404 } from './events';

export const eventPayloadRoutes = [
  route({
    method: 'get',
    path: '/v1/events/{id}/payload',
    operationId: 'getEventPayload',
    summary: 'The payload of an event as accepted: its content type and body (UTF-8 text, or base64 for other bytes)',
    auth: 'tenant',
    temporal: true,
    params: eventIdParams,
    answers: {
      200: { description: 'the payload', body: 'EventPayload' },
      404: { description: 'unknown event (or another tenant’s, or erased)', codes: ['not_found'] },
    },
    async handle({ ctx, tenant, params }) {
      const client = ctx.clientFor(tenant);
      const status = await eventOr404(client, params.id);
      const { payload } = await readCallbackInput(client, status.id);
      return { status: 200, body: { id: status.id, ...payload } };
    },
  }),
];
