// Destinations: one schema per kind (http, sqs, kafka), told apart by `type`.
import { z } from 'zod';
import {
  bothOrNeitherKey,
  defaultType,
  duration,
  fixed,
  id,
  jsonPath,
  kafkaConnection,
  KEYS_TOGETHER,
  retrySchema,
  sqsConnection,
  webhookSecret,
  type Env,
} from './fields';

// Fields every destination kind shares: routing, timeout, retry and dead letter.
const deliveryFields = {
  id: id('destination id').describe('unique within the tenant; used in workflow IDs'),
  events: z.array(z.string().min(1)).min(1).default(['*']).describe('event types: exact, "prefix.*", or "*"'),
  timeout: duration('per-attempt timeout (max 2m)', 120_000).prefault('10s'),
  retry: retrySchema.prefault({}).describe('backoff between attempts'),
  deadLetter: id('deadLetter').optional().describe('destination id that receives events this one failed'),
};

const httpDestination = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('http').describe('destination kind: http (default), sqs or kafka'),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .describe('where deliveries are POSTed; user:password in it is sent as Basic auth'),
      secret: z
        .union([webhookSecret(env), z.array(webhookSecret(env)).min(1)])
        .optional()
        .describe('Standard Webhooks signing secret; a list signs with each while rotating'),
      headers: z.record(z.string(), z.string()).default({}).describe('extra request headers'),
    })
    .strict()
    .superRefine(checkUrlCredentials);

/** user:password in the URL is sent as Basic auth; it must decode, and not compete with a header. */
function checkUrlCredentials(d: { url: string; headers: Record<string, string> }, ctx: z.RefinementCtx): void {
  // The url field reports an unparseable URL itself; zod still runs this check.
  if (typeof d.url !== 'string' || !URL.canParse(d.url)) return;
  const url = new URL(d.url);
  if (!url.username && !url.password) return;
  try {
    decodeURIComponent(url.username + url.password);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'the credentials in the URL are not valid percent-encoding' });
  }
  if (Object.keys(d.headers).some((h) => h.toLowerCase() === 'authorization')) {
    ctx.addIssue({
      code: 'custom',
      path: ['headers'],
      message: 'the URL carries credentials (sent as Basic auth) and headers set Authorization too: keep one',
    });
  }
}

const sqsDestination = (env: Env) =>
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

const kafkaDestination = (env: Env) =>
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

export const destinationSchema = (env: Env) =>
  z.preprocess(
    defaultType,
    z.discriminatedUnion('type', [httpDestination(env), sqsDestination(env), kafkaDestination(env)], {
      error: 'type must be http, sqs or kafka',
    }),
  );
