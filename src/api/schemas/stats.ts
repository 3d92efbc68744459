// Shapes of the stats routes.
import { z } from 'zod';
import { ATTEMPT_OUTCOMES } from '../../contracts';
import { STATS_WINDOWS } from '../../stats/report';

/** Counting deliveries not yet final asks Temporal visibility, which costs on a namespace with many workflows. */
export const waitingFlag = z
  .enum(['true', 'false'])
  .optional()
  .describe('false: leave deliveriesWaiting out (a Temporal visibility count; slow on namespaces with many workflows)');

export const statsQuerySchema = z
  .object({
    window: z.enum(STATS_WINDOWS).default('1h').describe('1h (a point per minute), 24h or 7d (a point per hour)'),
    waiting: waitingFlag,
  })
  .strict();

const counts = {
  attempts: z.number().int().describe('attempts that ran (held ones are not attempts)'),
  delivered: z.number().int().describe('attempts the destination took'),
  failed: z.number().int().describe('attempts that failed (retried or not)'),
  successRatio: z.number().nullable().describe('delivered ÷ attempts; null without attempts'),
};

const totals = {
  window: z.enum(STATS_WINDOWS),
  from: z.string().describe('start of the first point'),
  ...counts,
  latencyMs: z
    .object({ p50: z.number(), p95: z.number(), p99: z.number() })
    .optional()
    .describe('attempt duration percentiles (from a log-scale sketch: within about 19 %)'),
  deliveriesWaiting: z
    .number()
    .int()
    .optional()
    .describe('deliveries not yet final now (Temporal visibility); absent if it did not answer'),
  series: z
    .array(
      z.object({
        at: z.string(),
        attempts: z.number().int(),
        delivered: z.number().int(),
        failed: z.number().int(),
        p95Ms: z.number().optional(),
      }),
    )
    .describe('one point per minute (1h) or hour, oldest first, empty points included'),
};

const lastAttempt = z
  .object({
    at: z.string(),
    outcome: z.enum(ATTEMPT_OUTCOMES),
    statusCode: z.number().int().optional(),
    error: z.string().optional(),
  })
  .optional()
  .describe('the newest attempt any worker recorded (kept beyond the window)');

export const destinationStatsSchema = z.object({ destination: z.string(), ...totals, lastAttempt });

export const tenantStatsSchema = z.object({
  ...totals,
  destinations: z
    .array(z.object({ id: z.string(), ...counts }))
    .describe('destinations with attempts in the window, busiest first'),
  lastAttempts: z
    .array(
      z.object({
        destination: z.string(),
        at: z.string(),
        outcome: z.enum(ATTEMPT_OUTCOMES),
        statusCode: z.number().int().optional(),
        error: z.string().optional(),
      }),
    )
    .describe('the newest attempt to each destination that had one (kept beyond the window)'),
});
