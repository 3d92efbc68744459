// POST /v1/events/batch: up to 100 events in one request, each answered as POST /v1/events would
// answer it alone. An item reported 202 or 200 was recorded by Temporal before the answer, so it
// is durable whatever happens to the items after it.
import { ApiError, issueDetails } from '../../base/api-error';
import type { TenantConfig } from '../../config';
import type { Logger } from '../../telemetry/logger';
import { acceptedBody, apiEvent, outcomeError } from '../accept';
import type { ReceiverContext } from '../context';
import { toApiError } from '../errors';
import { route } from '../route';
import { eventRequestSchema } from '../schemas/events';

/** Items started at once: enough to hide Temporal's start latency, few enough to stay fair. */
const IN_FLIGHT = 10;

export const batchRoutes = [
  route({
    method: 'post',
    path: '/v1/events/batch',
    operationId: 'createEventBatch',
    summary: 'Accept up to 100 events; each is answered as POST /v1/events would answer it',
    auth: 'tenant',
    // Temporal trouble is answered per item (503 inside the 207), never for the batch.
    body: { kind: 'json', schema: 'BatchRequest', required: true },
    answers: { 207: { description: 'one result per event, in order', body: 'BatchResponse' } },
    async handle({ ctx, tenant, body }) {
      const results: unknown[] = [];
      for (let i = 0; i < body.events.length; i += IN_FLIGHT) {
        const slice = body.events.slice(i, i + IN_FLIGHT);
        results.push(...(await Promise.all(slice.map((item, j) => answerItem(ctx, tenant, item, i + j)))));
      }
      return { status: 207, body: { results } };
    },
  }),
];

async function answerItem(ctx: ReceiverContext, tenant: TenantConfig, item: unknown, index: number): Promise<unknown> {
  try {
    const event = eventRequestSchema.safeParse(item);
    if (!event.success) {
      const error = new ApiError(400, 'invalid_request', 'the event does not match the schema', issueDetails(event.error));
      return rejected(ctx.logger, index, error);
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
