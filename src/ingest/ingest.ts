// The one path every source uses to turn an accepted callback into a workflow.
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { SA, WORKFLOW, type CallbackInput, type Payload } from '../contracts';
import { routeEvent, type TenantConfig } from '../config';
import type { Logger } from '../telemetry/logger';
import { eventIdFor } from './ids';

export interface IngestRequest {
  tenant: TenantConfig;
  /** "api" for POST /v1/events, the source id otherwise. */
  source: string;
  eventType: string;
  idempotencyKey?: string;
  payload: Payload;
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
}

/** Memo: readable without a worker, so status and duplicate answers need no query. */
export interface CallbackMemo {
  destinations: string[];
  eventType: string;
  source: string;
  idempotencyKey?: string;
  receivedAt: string;
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
    };
    const memo: CallbackMemo = {
      destinations: plans.map((p) => p.destinationId),
      eventType: req.eventType,
      source: req.source,
      receivedAt: input.receivedAt,
      ...(req.idempotencyKey !== undefined ? { idempotencyKey: req.idempotencyKey } : {}),
    };
    const client = deps.clientFor(req.tenant);
    try {
      await client.workflow.start(WORKFLOW.callback, {
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
          { key: SA.source, value: req.source },
        ],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      return duplicateOf(client, eventId, req.eventType);
    }
    deps.logger.info(
      { tenant: req.tenant.id, eventId, eventType: req.eventType, source: req.source, destinations: memo.destinations },
      'callback accepted',
    );
    return { id: eventId, type: req.eventType, duplicate: false, destinations: memo.destinations };
  };
}

async function duplicateOf(client: Client, eventId: string, eventType: string): Promise<IngestResult> {
  const description = await client.workflow.getHandle(eventId).describe();
  const memo = (description.memo ?? {}) as Partial<CallbackMemo>;
  return { id: eventId, type: memo.eventType ?? eventType, duplicate: true, destinations: memo.destinations ?? [] };
}

export type Ingest = ReturnType<typeof createIngest>;
