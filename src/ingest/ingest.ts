// The one path every source uses to turn an accepted callback into a workflow.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { SA, sourceSearchValues, WORKFLOW, type CallbackInput, type MessageOrigin, type Payload } from '../contracts';
import { routeEvent, type TenantConfig } from '../config';
import type { Logger } from '../telemetry/logger';
import { GRPC, grpcCode } from '../temporal/grpc';
import { checkPayloadBudget } from './budget';
import { eventIdFor } from './ids';

export interface IngestRequest {
  tenant: TenantConfig;
  /** "api" for POST /v1/events, the source id otherwise. */
  source: string;
  eventType: string;
  idempotencyKey?: string;
  payload: Payload;
  /** The queue message this callback was read from. */
  origin?: MessageOrigin;
}

export interface IngestResult {
  id: string;
  type: string;
  duplicate: boolean;
  destinations: string[];
}

export interface IngestDeps {
  clientFor: (tenant: TenantConfig) => Client;
  taskQueue: string;
  logger: Logger;
  now?: () => number;
  /** How long a start may take before the caller is told to retry (default 10 s). */
  startDeadlineMs?: number;
}

/** Memo: readable without a worker, so status and duplicate answers need no query. */
export interface CallbackMemo {
  destinations: string[];
  eventType: string;
  source: string;
  idempotencyKey?: string;
  receivedAt: string;
  origin?: MessageOrigin;
}

export function createIngest(deps: IngestDeps) {
  const now = deps.now ?? Date.now;
  return async function ingest(req: IngestRequest): Promise<IngestResult> {
    const eventId = eventIdFor(req.tenant.id, req.source, req.idempotencyKey);
    const plans = routeEvent(req.tenant, req.eventType);
    const input: CallbackInput = {
      eventId,
      tenantId: req.tenant.id,
      eventType: req.eventType,
      source: req.source,
      ...(req.idempotencyKey !== undefined ? { idempotencyKey: req.idempotencyKey } : {}),
      receivedAt: new Date(now()).toISOString(),
      payload: req.payload,
      destinations: plans,
      ...(req.origin ? { origin: req.origin } : {}),
    };
    const memo: CallbackMemo = {
      destinations: plans.map((p) => p.destinationId),
      eventType: req.eventType,
      source: req.source,
      receivedAt: input.receivedAt,
      ...(req.idempotencyKey !== undefined ? { idempotencyKey: req.idempotencyKey } : {}),
      ...(req.origin ? { origin: req.origin } : {}),
    };
    checkPayloadBudget(input);
    const client = deps.clientFor(req.tenant);
    const deadline = deps.startDeadlineMs ?? 10_000;
    try {
      await client.connection.withDeadline(Date.now() + deadline, () =>
        client.workflow.start(WORKFLOW.callback, {
          workflowId: eventId,
          taskQueue: deps.taskQueue,
          args: [input],
          memo: { ...memo },
          // A key seen before (running or closed, within retention) is a duplicate, never a second run.
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
          staticSummary: `${req.eventType} from ${req.source} → ${memo.destinations.length} destination(s)`,
          typedSearchAttributes: [
            { key: SA.eventType, value: req.eventType },
            { key: SA.source, value: sourceSearchValues(input) },
          ],
        }),
      );
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        const duplicate = await duplicateOf(client, eventId, req.eventType);
        deps.logger.info(
          { tenant: req.tenant.id, eventId, eventType: req.eventType, source: req.source, origin: req.origin },
          'callback duplicate',
        );
        return duplicate;
      }
      // A start that timed out may still have been recorded: then it was accepted, and saying
      // "retry" would make a keyless sender deliver it twice.
      if (grpcCode(err) !== GRPC.DEADLINE_EXCEEDED || !(await wasRecorded(client, eventId))) throw err;
    }
    deps.logger.info(
      {
        tenant: req.tenant.id,
        eventId,
        eventType: req.eventType,
        source: req.source,
        origin: req.origin,
        destinations: memo.destinations,
      },
      'callback accepted',
    );
    return { id: eventId, type: req.eventType, duplicate: false, destinations: memo.destinations };
  };
}

async function wasRecorded(client: Client, eventId: string): Promise<boolean> {
  return client.connection
    .withDeadline(Date.now() + 3_000, () => client.workflow.getHandle(eventId).describe())
    .then(() => true)
    .catch(() => false);
}

async function duplicateOf(client: Client, eventId: string, eventType: string): Promise<IngestResult> {
  const description = await client.workflow.getHandle(eventId).describe();
  const memo = (description.memo ?? {}) as Partial<CallbackMemo>;
  return { id: eventId, type: memo.eventType ?? eventType, duplicate: true, destinations: memo.destinations ?? [] };
}

export type Ingest = ReturnType<typeof createIngest>;
