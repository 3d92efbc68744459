// The sqs destination's settings.
import { z } from 'zod';
import { bothOrNeitherKey, fixed, jsonPath, KEYS_TOGETHER, sqsConnection, type Env } from '../../base/fields';
import { deliveryFields } from '../delivery-fields';

export const sqsDestinationSchema = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('sqs'),
      ...sqsConnection(env),
      messageGroupId: z
        .union([z.object({ jsonPath }).strict(), z.object({ fixed }).strict(), z.object({ eventType: z.literal(true) }).strict()])
        .optional()
        .describe('FIFO queues: where MessageGroupId comes from (required for .fifo queue URLs)'),
    })
    .strict()
    .refine(bothOrNeitherKey, KEYS_TOGETHER)
    .refine((d) => !d.queueUrl.endsWith('.fifo') || d.messageGroupId !== undefined, {
      message: 'a FIFO queue (.fifo) needs messageGroupId: { jsonPath } | { fixed } | { eventType: true }',
      path: ['messageGroupId'],
    });

/** What this type's settings are once parsed (the config file's and the API's alike). */
export type SqsDestinationConfig = z.output<ReturnType<typeof sqsDestinationSchema>>;
