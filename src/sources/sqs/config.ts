// The sqs source's settings: a queue the pollers role long-polls.
import { z } from 'zod';
import { bothOrNeitherKey, id, jsonPath, KEYS_TOGETHER, sqsConnection, type Env } from '../../base/fields';
import { contentType, fixedEventType, steering } from '../fields';

export const sqsSourceSchema = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique; recorded as the callback source'),
      type: z.literal('sqs'),
      ...sqsConnection(env),
      eventType: z
        .union([
          z.object({ attribute: z.string().min(1) }).strict(),
          z.object({ jsonPath }).strict(),
          z.object({ fixed: fixedEventType }).strict(),
        ])
        .describe('where the event type comes from: a message attribute, the JSON body, or a constant'),
      idempotencyKey: z
        .union([
          z.object({ messageId: z.literal(true) }).strict(),
          z.object({ attribute: z.string().min(1) }).strict(),
          z.object({ jsonPath }).strict(),
        ])
        .default({ messageId: true })
        .describe('dedupe key: the SQS message id (default), a message attribute, or a body field'),
      contentType,
      ...steering,
      waitTimeSeconds: z.number().int().min(0).max(20).default(20).describe('long-poll wait per receive'),
      maxMessages: z.number().int().min(1).max(10).default(10).describe('messages per receive'),
      visibilityTimeout: z
        .number()
        .int()
        .min(1)
        .max(43_200)
        .optional()
        .describe('seconds a received message stays hidden (default: the queue’s setting)'),
    })
    .strict()
    .refine(bothOrNeitherKey, KEYS_TOGETHER);

/** What this type's settings are once parsed (the config file's and the API's alike). */
export type SqsSourceConfig = z.output<ReturnType<typeof sqsSourceSchema>>;
