// Request and response shapes of the events API. The route table validates with these and
// /openapi.json is generated from them, so a rule stated here is a rule the document states.
import { z } from 'zod';
import { ATTEMPT_OUTCOMES, DELIVERY_STATUSES, EVENT_PRIORITIES, type AttemptRecord, type MessageOrigin } from '../../contracts';
import { apiId, jsonValueSchema, positiveDuration } from '../../base/fields';
import { EVENT_TYPE, idempotencyKeySchema } from '../../base/validation';

export { jsonValueSchema } from '../../base/fields';

export const eventType = z.string().regex(EVENT_TYPE, 'letters, digits and . _ : - (max 200)');

export const eventMetadataSchema = z
  .record(z.string().max(100), z.string().max(1000))
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 entries')
  .meta({ maxProperties: 50 });

/** RFC 3339 date-time (what `format: date-time` means): seconds are not optional. */
export const rfc3339 = z.iso.datetime({ offset: true }).regex(/T\d{2}:\d{2}:\d{2}/, 'an RFC 3339 date-time, with seconds');

export const eventRequestSchema = z
  .object({
    type: eventType.describe('event type used for routing'),
    id: apiId('id')
      .optional()
      .describe(
        'the event id (1–128 of A–Z a–z 0–9 . _ : -): answered, looked up and sent as webhook-id; also the dedupe key. ' +
          'When an Idempotency-Key header is sent too, it must be the same value (400 otherwise)',
      ),
    data: jsonValueSchema.describe('the payload delivered to destinations, as JSON'),
    metadata: eventMetadataSchema
      .optional()
      .describe('string map about the event, not delivered: destination filters may match on it (metadata.<key>)'),
    priority: z
      .enum(EVENT_PRIORITIES)
      .optional()
      .describe('Temporal task priority of its deliveries and attempts: under a backlog, high goes first (default normal)'),
    deliverAt: rfc3339
      .optional()
      .describe(
        'scheduled delivery: no attempt before this time (RFC 3339; not in the past, at most limits.maxScheduleAhead ahead)',
      ),
    ttl: positiveDuration('time to live: a delivery not done this long after acceptance (or deliverAt) ends "expired"'),
  })
  .strict();

export const idempotencyHeaderSchema = z.object({
  'Idempotency-Key': idempotencyKeySchema
    .optional()
    .describe('the dedupe key (printable ASCII, 1–255); with a body id, both must be equal'),
});

/** A cursor is opaque: only a nextCursor this API returned is one (its checksum refuses any other). */
const opaqueCursor = (pattern: RegExp) =>
  z
    .string()
    .regex(pattern, 'the nextCursor of the previous page')
    .describe('the nextCursor of a previous page; any other value is 400');

export const EVENT_CURSOR = /^[A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{16}$/;

export const listQuerySchema = z
  .object({
    type: eventType.optional().describe('only events of this type'),
    destination: apiId('destination').optional().describe('only events with a delivery to this destination'),
    status: z.enum(DELIVERY_STATUSES).optional().describe('only events with a delivery in this status'),
    since: rfc3339.optional().describe('started at or after (RFC 3339, e.g. 2026-12-01T09:00:00Z)'),
    until: rfc3339.optional().describe('started at or before (RFC 3339)'),
    limit: z.coerce.number().int().min(1).max(500).default(50).describe('page size (1–500)'),
    cursor: opaqueCursor(EVENT_CURSOR).optional(),
  })
  .strict();

const links = z.object({ self: z.string(), temporalUi: z.string().optional() });

export const eventListSchema = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      source: z.string(),
      receivedAt: z.string(),
      destinations: z.array(z.string()),
      links,
    }),
  ),
  nextCursor: z.string().optional().describe('pass as ?cursor= for the next page; absent on the last page'),
});

export const MAX_BATCH_EVENTS = 100;
/** Items are checked one by one (each gets its own answer), so an item may be anything. */
export const batchRequestSchema = z
  .object({
    events: z
      .array(z.unknown())
      .min(1)
      .max(MAX_BATCH_EVENTS)
      .describe(`1–${MAX_BATCH_EVENTS} events, each as POST /v1/events takes it (an invalid item is answered 400 in its place)`),
  })
  .strict();

export const batchResponseSchema = z.object({
  results: z
    .array(
      z.object({
        status: z.number().int().describe('what POST /v1/events would have answered for this item: 202, 200, 400, 409, 413, 503'),
        id: z.string().optional(),
        type: z.string().optional(),
        duplicate: z.boolean().optional(),
        destinations: z.array(z.string()).optional(),
        links: links.optional(),
        error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
      }),
    )
    .describe('one per event, in order; every item answered 202 or 200 is durable, whatever happened to the others'),
});

export const retryRequestSchema = z
  .object({
    destination: apiId('destination')
      .optional()
      .describe(
        'only this destination. Default: every destination of the event — failed and cancelled ones start again ' +
          '(attempt numbers continue), one waiting for its next attempt makes it now, the others are skipped',
      ),
  })
  .strict();

export const retryResponseSchema = z.object({
  id: z.string(),
  retried: z.array(z.string()).describe('destinations started again or told to attempt now'),
  skipped: z.array(z.string()).describe('already delivered, or in progress with no wait to skip'),
});

export const cancelResponseSchema = z.object({
  id: z.string(),
  cancelled: z.array(z.string()).describe('deliveries asked to stop; they read "cancelled" once their current step ends'),
  final: z.array(z.string()).describe('already delivered, failed, cancelled or expired'),
});

export const acceptedSchema = z.object({
  id: z.string(),
  type: z.string(),
  duplicate: z.boolean(),
  destinations: z.array(z.string()).describe('the destinations it is delivered to; empty when none subscribes to its type'),
  links,
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

export const deliveryViewSchema = z.object({
  destination: z.string(),
  status: statusEnum,
  attempts: z.number().int(),
  lastAttempt: attemptSchema.optional(),
  nextAttemptAt: z.string().optional().describe('when the next attempt is due: after a backoff, or the scheduled deliverAt'),
  expiresAt: z
    .string()
    .optional()
    .describe('when an unfinished delivery stops trying (its ttl); past it the status is "expired"'),
  deadLetteredTo: z.string().optional(),
  cancelReason: z.string().optional().describe('why a cancelled delivery was cancelled, e.g. "destination deleted"'),
  workflowId: z
    .string()
    .optional()
    .describe(
      'the delivery workflow (<event>~<destination>; <event>.<destination> for an event accepted before delivery IDs used "~"); absent while pending',
    ),
  deadLetter: z
    .object({
      destination: z.string(),
      status: statusEnum.describe('"pending" until the failed delivery has started it'),
      attempts: z.number().int(),
      cancelReason: z.string().optional().describe('"destination deleted": the target is gone and nobody got the dead letter'),
      lastError: z.string().optional(),
    })
    .optional()
    .describe('set when the delivery failed and had a dead-letter target: how that dead letter fared'),
});

export const eventStatusSchema = z.object({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  receivedAt: z.string(),
  idempotencyKey: z.string().optional(),
  origin: originSchema.optional().describe('the SQS message or Kafka record this callback was read from'),
  status: statusEnum.describe(
    'in flight while any delivery is, else the worst final one; "delivered" when it had no destination',
  ),
  destinations: z.array(deliveryViewSchema),
  links: links.optional(),
});

export const attemptsResponseSchema = z.object({
  id: z.string(),
  attempts: z.array(attemptSchema.extend({ destination: z.string() })),
});

export const eventPayloadSchema = z.object({
  id: z.string(),
  contentType: z.string(),
  encoding: z.enum(['utf8', 'base64']).describe('utf8: body is the text as received; base64: the bytes were not UTF-8'),
  body: z.string(),
});

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const eventIdParams = z.object({ id: z.string().describe('the event id') });
export const sourceParams = z.object({ sourceId: z.string().describe('the source id from the config') });
