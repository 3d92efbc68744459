// The one mapping from an ingest outcome to the HTTP answer, for both accepting routes.
import type { Response } from 'express';
import type { TenantConfig } from '../config';
import type { IngestOutcome } from '../ingest/ingest';
import { eventLinks, type ReceiverContext } from './context';
import { ApiError } from './errors';

/** `hints` replace ingest's own message for a field, with what the route knows (where it looked). */
export function answerIngest(
  ctx: ReceiverContext,
  res: Response,
  request: { tenant: TenantConfig; outcome: IngestOutcome; hints?: Partial<Record<'eventType' | 'idempotencyKey', string>> },
): void {
  const { outcome, tenant } = request;
  switch (outcome.kind) {
    case 'accepted':
    case 'duplicate':
      res.status(outcome.httpStatus).json({ ...outcome.event, links: eventLinks(ctx, tenant, outcome.event.id) });
      return;
    case 'invalid': {
      const summary = outcome.field === 'eventType' ? 'no valid event type in the callback' : 'invalid idempotency key';
      const message = request.hints?.[outcome.field] ?? outcome.message;
      throw new ApiError(outcome.httpStatus, 'invalid_request', summary, [{ path: outcome.field, message }]);
    }
    case 'too_large':
      throw new ApiError(outcome.httpStatus, 'payload_too_large', outcome.message);
    case 'unavailable':
      throw new ApiError(outcome.httpStatus, 'temporal_unavailable', outcome.message, undefined, outcome.cause);
  }
}
