// POST /v1/destinations/{id}/filter-test: an event in, whether the destination takes it and why not.
import { z } from 'zod';
import { filterSchema } from '../../destinations/delivery-fields';
import { eventMetadataSchema, eventType, jsonValueSchema } from './events';

export const filterTestRequestSchema = z
  .object({
    event: z
      .object({
        type: eventType,
        source: z.string().max(200).optional().describe('"api" (default) or an HTTP or queue source id'),
        data: jsonValueSchema.optional().describe('the payload as JSON; absent: the payload is not JSON'),
        metadata: eventMetadataSchema.optional(),
      })
      .strict(),
    filter: filterSchema.optional().describe("a draft filter to try instead of the destination's own (nothing is saved)"),
  })
  .strict();

export const filterTestSchema = z.object({
  matches: z.boolean().describe('the destination would take this event (its events patterns, then its filter)'),
  path: z.string().optional().describe('where it missed: "type", or the field path inside the filter'),
  reason: z.string().optional().describe('what that field failed, e.g. `500 is not $gte 1000`'),
});
