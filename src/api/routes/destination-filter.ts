// Trying a destination's filter (or a draft of one) on an event, before real events meet it.
import { routeMiss } from '../../config';
import { NOT_JSON, type FilterSubject } from '../../delivery/filter';
import { entryOf } from '../../management/destinations';
import { route } from '../route';
import { destinationParams } from '../schemas/management';

export const destinationFilterRoutes = () => [
  route({
    method: 'post',
    path: '/v1/destinations/{id}/filter-test',
    operationId: 'testDestinationFilter',
    summary: 'Would this destination take this event? Its event patterns, then its filter (or a draft one); nothing is sent',
    auth: 'tenant',
    database: true,
    params: destinationParams,
    body: { kind: 'json', schema: 'FilterTestRequest', required: true },
    answers: {
      200: { description: 'whether it matches, and where it missed', body: 'FilterTest' },
      400: { description: 'an invalid event or filter (by path)', codes: ['invalid_request'] },
      404: { description: 'unknown destination', codes: ['not_found'] },
    },
    handle({ tenant, params, body }) {
      const { config } = entryOf(tenant, params.id);
      const { type, source = 'api', metadata } = body.event;
      const subject: FilterSubject = {
        type,
        source,
        data: 'data' in body.event ? body.event.data : NOT_JSON,
        ...(metadata ? { metadata } : {}),
      };
      const miss = routeMiss({ events: config.events, filter: body.filter ?? config.filter }, subject);
      return { status: 200, body: miss ? { matches: false, ...miss } : { matches: true } };
    },
  }),
];
