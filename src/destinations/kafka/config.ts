// The kafka destination's settings.
import { z } from 'zod';
import { fixed, jsonPath, kafkaConnection, type Env } from '../../base/fields';
import { deliveryFields } from '../delivery-fields';

export const kafkaDestinationSchema = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('kafka'),
      ...kafkaConnection(env),
      topic: z.string().min(1).describe('topic to produce to (must exist)'),
      key: z
        .union([
          z.object({ eventId: z.literal(true) }).strict(),
          z.object({ jsonPath }).strict(),
          z.object({ fixed }).strict(),
          z.object({ idempotencyKey: z.literal(true) }).strict(),
        ])
        .default({ eventId: true })
        .describe('message key (partitioning): the event id by default'),
    })
    .strict();

/** What this type's settings are once parsed (the config file's and the API's alike). */
export type KafkaDestinationConfig = z.output<ReturnType<typeof kafkaDestinationSchema>>;
