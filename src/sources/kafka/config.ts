// The kafka source's settings: a topic the pollers role consumes as a consumer group.
import { z } from 'zod';
import { id, jsonPath, kafkaConnection, type Env } from '../../base/fields';
import { contentType, fixedEventType, steering } from '../fields';

export const kafkaSourceSchema = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique; recorded as the callback source'),
      type: z.literal('kafka'),
      ...kafkaConnection(env),
      topic: z.string().min(1).describe('topic to consume'),
      groupId: z.string().min(1).optional().describe('consumer group (default: barrage-<source id>)'),
      eventType: z
        .union([
          z.object({ header: z.string().min(1) }).strict(),
          z.object({ jsonPath }).strict(),
          z.object({ fixed: fixedEventType }).strict(),
        ])
        .describe('where the event type comes from: a record header, the JSON value, or a constant'),
      idempotencyKey: z
        .union([
          z.object({ offset: z.literal(true) }).strict(),
          z.object({ header: z.string().min(1) }).strict(),
          z.object({ key: z.literal(true) }).strict(),
        ])
        .default({ offset: true })
        .describe('dedupe key: topic/partition/offset@timestamp (default), a record header, or the record key'),
      contentType,
      ...steering,
      deadLetterTopic: z
        .string()
        .min(1)
        .optional()
        .describe('where records that can never be accepted go, with the error as a header (default: <topic>.dead-letter)'),
      fromBeginning: z.boolean().default(true).describe('a new consumer group starts at the earliest offset'),
    })
    .strict()
    .transform((s) => ({
      ...s,
      groupId: s.groupId ?? `barrage-${s.id}`,
      deadLetterTopic: s.deadLetterTopic ?? `${s.topic}.dead-letter`,
    }));

/** What this type's settings are once parsed (the config file's and the API's alike). */
export type KafkaSourceConfig = z.output<ReturnType<typeof kafkaSourceSchema>>;
