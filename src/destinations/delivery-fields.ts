// Fields every destination type shares: routing, timeout, retry, dead letter, rate limit, time to
// live, pause and circuit breaker.
import { z } from 'zod';
import { apiId, duration, jsonValueSchema, positiveDuration, retrySchema } from '../base/fields';
import { breakerSchema } from '../protection/breaker';
import { filterProblems, FILTER_MAX_BYTES, FILTER_MAX_DEPTH } from '../delivery/filter-rules';

/** A destination filter: checked whole here, so a problem is reported at its path inside the filter. */
export const filterSchema = z
  .record(z.string(), jsonValueSchema, { error: 'a filter is a JSON object, e.g. {"data": {"amount": {"$gte": 1000}}}' })
  .superRefine((filter, ctx) => {
    for (const p of filterProblems(filter)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
  })
  .meta({ example: { data: { amount: { $gte: 1000 }, currency: { $in: ['EUR', 'USD'] } } } })
  .describe(
    'only events this JSON filter matches (on type, source, data, metadata): plain values mean equality; operators ' +
      `$eq $neq $in $nin $gt $gte $lt $lte $exist $startsWith $endsWith $contains $and $or $not; at most ${FILTER_MAX_DEPTH} levels and ${FILTER_MAX_BYTES} bytes`,
  );

export const rateLimitSchema = z
  .object({
    perSecond: z.number().positive().max(10_000).describe('attempts per second, across all workers'),
    burst: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe(
        'attempts that may go at once after a quiet spell, across all workers (default: one second’s worth); at most perSecond + burst in any second',
      ),
  })
  .strict();

export const deliveryFields = {
  id: apiId('destination id').describe('unique within the tenant; used in workflow IDs'),
  events: z.array(z.string().min(1)).min(1).default(['*']).describe('event types: exact, "prefix.*", or "*"'),
  filter: filterSchema.optional(),
  timeout: duration('per-attempt timeout (max 2m)', 120_000).prefault('10s'),
  retry: retrySchema.prefault({}).describe('backoff between attempts'),
  deadLetter: apiId('deadLetter').optional().describe('destination id that receives events this one failed'),
  rateLimit: rateLimitSchema
    .optional()
    .describe('attempts beyond it wait in Temporal (no attempt used); up to one second’s worth, or burst, may go at once'),
  ttl: positiveDuration(
    'a delivery not done this long after acceptance (or deliverAt) ends "expired"; an event’s own ttl may be shorter',
  ),
  maxInFlight: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe('attempts in flight to it at once, across all workers; more wait (no attempt used)'),
  paused: z
    .boolean()
    .default(false)
    .describe('new events still match and queue; attempts wait (no attempt used) until it is resumed'),
  disabledRetention: duration(
    'while disabled, its waiting deliveries wait this long to be enabled again, then end "cancelled"',
    366 * 86_400_000,
  ).prefault('7d'),
  breaker: breakerSchema
    .optional()
    .describe('circuit breaker (default: on, 5 failures, 30s cool-down); replaces the tenant’s defaults.breaker whole'),
};
