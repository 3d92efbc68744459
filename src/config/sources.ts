// Sources: one schema per kind (http, sqs, kafka), told apart by `type`.
import { z } from 'zod';
import {
  bothOrNeitherKey,
  defaultType,
  fixed,
  id,
  jsonPath,
  kafkaConnection,
  KEYS_TOGETHER,
  secretRef,
  sqsConnection,
  webhookSecret,
  type Env,
} from './fields';

const extractor = z.union([z.object({ header: z.string().min(1) }).strict(), z.object({ jsonPath }).strict()]);

const contentType = z.string().min(1).default('application/json').describe('content type the payload is delivered with');

const httpSource = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique: the URL is POST /v1/sources/{id}'),
      type: z.literal('http').describe('source kind: http (default), sqs or kafka'),
      eventType: z.union([extractor, z.object({ fixed }).strict()]).describe('where the event type comes from'),
      idempotencyKey: extractor
        .optional()
        .describe('where the dedupe key comes from; none (or absent from the request) → every call is new; blank → 400'),
      verify: z
        .discriminatedUnion('type', [
          z
            .object({
              type: z.literal('hmac-sha256'),
              header: z.string().min(1),
              secret: secretRef(env),
              encoding: z.enum(['base64', 'hex']).default('base64').describe('how the header encodes the HMAC'),
            })
            .strict(),
          z
            .object({ type: z.literal('standard-webhooks'), secret: z.union([webhookSecret(env), z.array(webhookSecret(env))]) })
            .strict(),
        ])
        .optional()
        .describe('signature check; omitted → the URL must carry ?token=<token>'),
      token: secretRef(env).optional().describe('the ?token= value an unsigned source must carry (required without verify)'),
    })
    .strict()
    // A tenant API key in a third party's URL would hand it full access: unsigned sources get
    // a token of their own.
    .refine((s) => s.verify !== undefined || s.token !== undefined, {
      message: 'a source without verify needs its own token (it is checked as ?token= on the source URL)',
      path: ['token'],
    });

const sqsSource = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique; recorded as the callback source'),
      type: z.literal('sqs'),
      ...sqsConnection(env),
      eventType: z
        .union([
          z.object({ attribute: z.string().min(1) }).strict(),
          z.object({ jsonPath }).strict(),
          z.object({ fixed }).strict(),
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

const kafkaSource = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique; recorded as the callback source'),
      type: z.literal('kafka'),
      ...kafkaConnection(env),
      topic: z.string().min(1).describe('topic to consume'),
      groupId: z.string().min(1).optional().describe('consumer group (default: barrage-<source id>)'),
      eventType: z
        .union([z.object({ header: z.string().min(1) }).strict(), z.object({ jsonPath }).strict(), z.object({ fixed }).strict()])
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

export const sourceSchema = (env: Env) =>
  z.preprocess(
    defaultType,
    z.discriminatedUnion('type', [httpSource(env), sqsSource(env), kafkaSource(env)], {
      error: 'type must be http, sqs or kafka',
    }),
  );
