// Shapes of the erasure routes.
import { z } from 'zod';
import { apiId } from '../../base/fields';
import { ERASURE_STATES } from '../../contracts';
import { filterSchema } from '../../destinations/delivery-fields';
import { rfc3339 } from './events';

export const erasureRequestSchema = z.union([
  z
    .object({
      eventIds: z.array(apiId('event id')).min(1).max(10_000).describe('these events (unknown ones are counted notFound)'),
    })
    .strict(),
  z
    .object({
      filter: filterSchema.describe(
        'the events this filter matches (as destination filters: type, source, data, metadata; e.g. {"data.customerId": "c_123"})',
      ),
      since: rfc3339.describe('among the events accepted at or after this time'),
      until: rfc3339.optional().describe('… and at or before this one'),
    })
    .strict(),
]);

const links = z.object({ self: z.string(), temporalUi: z.string().optional() });

export const erasureSchema = z.object({
  id: z.string(),
  status: z.enum(ERASURE_STATES),
  target: z
    .record(z.string(), z.unknown())
    .describe('eventIds, or filterFields (the filter’s field names: its values are never shown) with since and until'),
  erased: z.number().int().describe('events whose every workflow was deleted from Temporal'),
  notFound: z.number().int().describe('ids that were not there (or no longer)'),
  examined: z.number().int().describe('events the filter looked at and left'),
  errors: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  links,
});

export const erasureParams = z.object({ id: z.string().describe('the erasure id (ers_…)') });
