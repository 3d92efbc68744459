// Shapes of the event-type catalog routes.
import { z } from 'zod';
import { jsonValueSchema } from '../../base/fields';
import { eventType } from './events';
import { pageQuerySchema } from './management';

const jsonSchema = z
  .record(z.string(), jsonValueSchema, { error: 'a JSON Schema (2020-12) is an object' })
  .describe(
    'JSON Schema 2020-12 that events’ data must meet (at most 64 KiB; `pattern`s run on RE2: no backreferences or lookaround)',
  );

export const eventTypeRequestSchema = z
  .object({
    name: eventType.describe('the event type, as events carry it in "type"'),
    description: z.string().max(2000).optional(),
    schema: jsonSchema.optional(),
    example: jsonValueSchema.optional().describe('an example of data; it must meet the schema'),
    deprecated: z.boolean().optional().describe('still accepted; shown as deprecated'),
  })
  .strict();

export const eventTypePatchSchema = z
  .object({
    description: z.string().max(2000).optional(),
    schema: jsonSchema.nullable().optional().describe('replaces the schema; null removes it (events are then not checked)'),
    example: jsonValueSchema.optional().describe('replaces the example; null removes it'),
    deprecated: z.boolean().optional(),
  })
  .strict()
  .describe('fields to change; a field left out stays as it is');

export const eventTypeSchema = z.object({
  name: z.string(),
  description: z.string(),
  schema: z.record(z.string(), z.unknown()).optional(),
  example: z.unknown().optional(),
  deprecated: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const eventTypeParams = z.object({ name: z.string().describe('the event type name') });

export const eventTypeListQuerySchema = pageQuerySchema
  .extend({ deprecated: z.enum(['true', 'false']).optional().describe('only deprecated types, or only current ones') })
  .strict();
