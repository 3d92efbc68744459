// Request and response shapes of the HTTP API; validation and /openapi.json both come from here.
import { z } from 'zod';
import { ATTEMPT_OUTCOMES, DELIVERY_STATUSES, type AttemptRecord, type MessageOrigin } from '../contracts';
import { apiId } from '../config/fields';
import { EVENT_TYPE, idempotencyKeySchema } from '../ingest/validation';

export { EVENT_TYPE, idempotencyKeySchema };

/** Any JSON value; named, so the OpenAPI document can refer to its recursion. */
export const jsonValueSchema = z.json();

export const eventRequestSchema = z
  .object({
    type: z.string().regex(EVENT_TYPE, 'letters, digits and . _ : - (max 200)').describe('event type used for routing'),
    id: apiId('id')
      .optional()
      .describe('the event id (1–128 of A–Z a–z 0–9 . _ : -): answered, looked up and sent as webhook-id; also the dedupe key'),
    data: jsonValueSchema.describe('the payload delivered to destinations, as JSON'),
  })
  .strict();

export const listQuerySchema = z
  .object({
    type: z.string().regex(EVENT_TYPE).optional().describe('only events of this type'),
    destination: apiId('destination').optional().describe('only events with a delivery to this destination'),
    status: z.enum(DELIVERY_STATUSES).optional().describe('only events with a delivery in this status'),
    since: z.iso.datetime({ offset: true }).optional().describe('started at or after (ISO 8601)'),
    until: z.iso.datetime({ offset: true }).optional().describe('started at or before (ISO 8601)'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('page size (1–500)'),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{16}$/, 'the nextCursor of the previous page')
      .optional(),
  })
  .strict();

export const eventListSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      source: z.string(),
      receivedAt: z.string(),
      destinations: z.array(z.string()),
      links: z.object({ self: z.string(), temporalUi: z.string().optional() }),
    }),
  ),
  nextCursor: z.string().optional().describe('pass as ?cursor= for the next page; absent on the last page'),
});

/** Items are checked one by one (each gets its own answer), so the array itself takes anything. */
export const MAX_BATCH_EVENTS = 100;
export const batchRequestSchema = z
  .object({
    events: z
      .array(z.unknown())
      .min(1)
      .max(MAX_BATCH_EVENTS)
      .describe(`1–${MAX_BATCH_EVENTS} events, each as POST /v1/events takes it`),
  })
  .strict();

export const batchResponseSchema = z.object({
  results: z
    .array(
      z.object({
        status: z.number().int().describe('what POST /v1/events would have answered for this item: 202, 200, 400, 413, 503'),
        id: z.string().optional(),
        type: z.string().optional(),
        duplicate: z.boolean().optional(),
        destinations: z.array(z.string()).optional(),
        error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
      }),
    )
    .describe('one per event, in order; every item answered 202 or 200 is durable, whatever happened to the others'),
});

export const retryRequestSchema = z
  .object({ destination: z.string().min(1).optional().describe('only this destination; default all failed') })
  .strict();

export const retryResponseSchema = z.object({
  id: z.string(),
  retried: z.array(z.string()).describe('destinations started again or told to attempt now'),
  skipped: z.array(z.string()).describe('already delivered, or in progress with no wait to skip'),
});

export const cancelResponseSchema = z.object({
  id: z.string(),
  cancelled: z.array(z.string()).describe('deliveries asked to stop; they read "cancelled" once their current step ends'),
  final: z.array(z.string()).describe('already delivered, failed or cancelled'),
});

export const acceptedSchema = z.object({
  id: z.string(),
  type: z.string(),
  duplicate: z.boolean(),
  destinations: z.array(z.string()),
  links: z.object({ self: z.string(), temporalUi: z.string().optional() }),
});

const statusEnum = z.enum(DELIVERY_STATUSES);
// The two below are checked against the contract types, so the API cannot drift from what is stored.
export const attemptSchema = z.object({
  attempt: z.number().int(),
  startedAt: z.string(),
  durationMs: z.number(),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  statusCode: z.number().int().optional(),
  error: z.string().optional(),
  retryAfterMs: z.number().optional(),
  responseExcerpt: z.string().max(4096).optional(),
}) satisfies z.ZodType<AttemptRecord>;

const originSchema = z.union([
  z.object({ type: z.literal('sqs'), queueUrl: z.string(), messageId: z.string() }),
  z.object({ type: z.literal('kafka'), topic: z.string(), partition: z.number().int(), offset: z.string() }),
]) satisfies z.ZodType<MessageOrigin>;

export const eventStatusSchema = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  receivedAt: z.string(),
  idempotencyKey: z.string().optional(),
  origin: originSchema.optional().describe('the SQS message or Kafka record this callback was read from'),
  status: statusEnum,
  destinations: z.array(
    z.object({
      destination: z.string(),
      status: statusEnum,
      attempts: z.number().int(),
      lastAttempt: attemptSchema.optional(),
      nextAttemptAt: z.string().optional(),
      deadLetteredTo: z.string().optional(),
      cancelReason: z.string().optional().describe('why a cancelled delivery was cancelled, e.g. "destination deleted"'),
    }),
  ),
});

export const attemptsResponseSchema = z.object({
  id: z.string(),
  attempts: z.array(attemptSchema.extend({ destination: z.string() })),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** zod issues → the `details` of a 400: one entry per field. */
export function issueDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));
}
