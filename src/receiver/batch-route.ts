// POST /v1/events/batch: up to 100 events in one request, each answered as POST /v1/events would
// answer it alone. An item reported 202 or 200 was recorded by Temporal before the answer, so it
// is durable whatever happens to the items after it.
import { Router } from 'express';
import type { TenantConfig } from '../config';
import type { Logger } from '../telemetry/logger';
import { acceptedBody, apiEvent, outcomeError } from './accept';
import { requireTenant, tenantOf } from './auth';
import { jsonBody, requireJson } from './bodies';
import type { ReceiverContext } from './context';
import { ApiError, toApiError } from './errors';
import { batchRequestSchema, eventRequestSchema, issueDetails } from './schemas';

/** Items started at once: enough to hide Temporal's start latency, few enough to stay fair. */
const IN_FLIGHT = 10;

export function batchRouter(ctx: ReceiverContext): Router {
  const router = Router();
  router.post(
    '/v1/events/batch',
    requireTenant(ctx),
    requireJson,
    ...jsonBody(ctx.config.server.maxBodyBytes, ctx.logger),
    async (req, res) => {
      const batch = batchRequestSchema.safeParse(req.body);
      if (!batch.success)
        throw new ApiError(400, 'invalid_request', 'the batch does not match the schema', issueDetails(batch.error));
      const tenant = tenantOf(res);
      const results: unknown[] = [];
      for (let i = 0; i < batch.data.events.length; i += IN_FLIGHT) {
        const slice = batch.data.events.slice(i, i + IN_FLIGHT);
        results.push(...(await Promise.all(slice.map((item, j) => answerItem(ctx, tenant, item, i + j)))));
      }
      res.status(207).json({ results });
    },
  );
  return router;
}

async function answerItem(ctx: ReceiverContext, tenant: TenantConfig, item: unknown, index: number): Promise<unknown> {
  try {
    const event = eventRequestSchema.safeParse(item);
    if (!event.success) {
      return rejected(
        ctx.logger,
        index,
        new ApiError(400, 'invalid_request', 'the event does not match the schema', issueDetails(event.error)),
      );
    }
    const outcome = await ctx.ingest(apiEvent(tenant, event.data, undefined));
    const error = outcomeError(outcome);
    if (error) return rejected(ctx.logger, index, error);
    return { status: outcome.httpStatus, ...acceptedBody(ctx, tenant, outcome as Extract<typeof outcome, { event: unknown }>) };
  } catch (err) {
    // A bug in one item must not hide the answers (and the durable accepts) of the others.
    return rejected(ctx.logger, index, toApiError(err), err);
  }
}

function rejected(logger: Logger, index: number, error: ApiError, err?: unknown) {
  if (error.status >= 500)
    logger.error({ index, status: error.status, code: error.code, err: error.cause ?? err }, 'batch item failed');
  else logger.warn({ index, status: error.status, code: error.code, reason: error.message }, 'batch item rejected');
  return { status: error.status, ...error.toBody() };
}
