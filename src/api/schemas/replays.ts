// Shapes of the bulk replay routes.
import { z } from 'zod';
import { apiId } from '../../base/fields';
import { REPLAY_STATES, REPLAYABLE_STATUSES } from '../../contracts';
import { EVENT_CURSOR, rfc3339 } from './events';

export const replayRequestSchema = z
  .object({
    since: rfc3339.describe('deliveries whose latest run started at or after this time (RFC 3339)'),
    until: rfc3339.optional().describe('… and at or before this one (default: now, as the replay pages)'),
    statuses: z
      .array(z.enum(REPLAYABLE_STATUSES))
      .min(1)
      .default(['failed'])
      .describe('which final statuses are sent again (default failed; delivered resends what was taken)'),
    destination: apiId('destination').optional().describe('only deliveries to this destination'),
    eventTypes: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(50)
      .optional()
      .describe('only these event types ("order.*" patterns)'),
  })
  .strict();

const filter = z.object({
  since: z.string(),
  until: z.string().optional(),
  statuses: z.array(z.enum(REPLAYABLE_STATUSES)),
  destination: z.string().optional(),
  eventTypes: z.array(z.string()).optional(),
});

const links = z.object({ self: z.string(), temporalUi: z.string().optional() });

export const replaySchema = z.object({
  id: z.string(),
  status: z.enum(REPLAY_STATES),
  filter,
  matched: z.number().int().describe('deliveries in the window whose latest run had one of the statuses'),
  replayed: z.number().int().describe('sent again (same event id and webhook-id; their attempts continue the same list)'),
  skipped: z.number().int().describe('matched but not sent again: changed since, or the destination is gone'),
  errors: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  links,
});

export const replayListSchema = z.object({
  replays: z.array(
    z.object({
      id: z.string(),
      status: z.enum(REPLAY_STATES),
      startedAt: z.string(),
      finishedAt: z.string().optional(),
      filter,
      links,
    }),
  ),
  nextCursor: z.string().optional(),
});

export const replayParams = z.object({ id: z.string().describe('the replay id (rpl_…)') });

export const replayListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20).describe('page size (1–100)'),
    cursor: z.string().regex(EVENT_CURSOR, 'the nextCursor of the previous page').optional(),
  })
  .strict();

export const replayPreviewSchema = z.object({
  matched: z
    .number()
    .int()
    .describe(
      'finished delivery runs in the window with one of the statuses (event types and superseded runs are told apart when sending)',
    ),
});
