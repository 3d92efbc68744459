import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { searchAttributePayloadConverter } from '@temporalio/common/lib/converter/payload-search-attributes';
import type { TenantConfig } from '../src/config';
import {
  eventIdOf,
  ID_SEPARATOR,
  NO_COUNTS,
  SEARCH_ATTRIBUTES,
  type DeliveryStatus,
  type ReplayCounts,
  type ReplayPageRequest,
  type ReplayPageResult,
} from '../src/contracts';
import { matchesAny } from '../src/delivery/patterns';
import { replayQuery } from '../src/replays/query';
import type { Logger } from '../src/telemetry/logger';

/** src/events/retry.ts's retryDeliveries, passed in: activities do not import what imports workflows. */
export type RetryDeliveries = (
  client: Client,
  options: {
    tenant: TenantConfig;
    eventId: string;
    destinations: string[];
    taskQueue: string;
    recordDelivered?: boolean;
    rerunnable?: ReadonlySet<DeliveryStatus>;
    memo?: Record<string, unknown>;
  },
) => Promise<{ retried: string[] }>;

export interface ReplayDeps {
  retry: RetryDeliveries;
  clientFor: (tenant: TenantConfig) => Client;
  /** The tenant as the registry holds it now (its destinations' current settings). */
  tenantOf: (tenantId: string) => TenantConfig | undefined;
  taskQueue: string;
  recordDelivered?: boolean;
  logger: Logger;
}

type Execution = NonNullable<Awaited<ReturnType<Client['workflowService']['listWorkflowExecutions']>>['executions']>[number];

type Verdict = 'replayed' | 'skipped' | 'superseded' | 'error';

/** One page of a replay: list it, send each match again, say what happened to each. */
export function createReplayPage(deps: ReplayDeps) {
  return async function replayPage(req: ReplayPageRequest): Promise<ReplayPageResult> {
    const tenant = deps.tenantOf(req.tenantId);
    if (!tenant) throw ApplicationFailure.nonRetryable(`tenant ${req.tenantId} no longer exists`, 'TenantGone');
    // The input names the tenant, but only its own namespace's workflow may act on it.
    if (tenant.namespace !== Context.current().info.workflowNamespace)
      throw ApplicationFailure.nonRetryable(
        `a replay in namespace ${Context.current().info.workflowNamespace} named tenant ${tenant.id}`,
        'TenantMismatch',
      );
    const client = deps.clientFor(tenant);
    const page = await client.workflowService.listWorkflowExecutions({
      namespace: client.options.namespace,
      query: replayQuery(req.filter),
      pageSize: req.limit,
      ...(req.pageToken ? { nextPageToken: Buffer.from(req.pageToken, 'base64') } : {}),
    });
    const counts: ReplayCounts = { ...NO_COUNTS };
    const executions = page.executions ?? [];
    for (const execution of executions) {
      Context.current().heartbeat();
      const verdict = await replayOne(deps, client, tenant, req, execution);
      if (verdict === 'superseded') continue;
      counts.matched++;
      if (verdict === 'replayed') counts.replayed++;
      else if (verdict === 'skipped') counts.skipped++;
      else counts.errors++;
    }
    const token = page.nextPageToken;
    return {
      counts,
      size: executions.length,
      ...(token && token.length ? { nextPageToken: Buffer.from(token).toString('base64') } : {}),
    };
  };
}

async function replayOne(
  deps: ReplayDeps,
  client: Client,
  tenant: TenantConfig,
  req: ReplayPageRequest,
  execution: Execution,
): Promise<Verdict> {
  const workflowId = execution.execution?.workflowId ?? '';
  const eventId = eventIdOf(workflowId);
  const destinationId = keyword(execution, SEARCH_ATTRIBUTES.destination.name);
  const eventType = keyword(execution, SEARCH_ATTRIBUTES.eventType.name);
  // Dead letters are reports of a failure, not deliveries to send again; legacy "." IDs cannot be split safely.
  if (!eventId || !destinationId || workflowId.includes(`${ID_SEPARATOR}dead-letter-`)) return 'superseded';
  if (req.filter.eventTypes?.length && !(eventType && matchesAny(req.filter.eventTypes, eventType))) return 'superseded';
  try {
    const current = await client.workflow.getHandle(workflowId).describe();
    // This replay sent it already (before a worker restart, or this is its own new run failing
    // again): never twice. The old run counts as the one replayed; the new run is not counted.
    if (current.memo?.replay === req.replayId) return current.runId === execution.execution?.runId ? 'superseded' : 'replayed';
    // An older run of a delivery retried since: the latest run decides.
    if (current.runId !== execution.execution?.runId) return 'superseded';
    const result = await deps.retry(client, {
      tenant,
      eventId,
      destinations: [destinationId],
      taskQueue: deps.taskQueue,
      recordDelivered: deps.recordDelivered,
      rerunnable: new Set<DeliveryStatus>(req.filter.statuses),
      memo: { replay: req.replayId },
    });
    return result.retried.length ? 'replayed' : 'skipped';
  } catch (err) {
    deps.logger.warn({ err, tenant: tenant.id, replay: req.replayId, workflowId }, 'replaying a delivery failed');
    return 'error';
  }
}

function keyword(execution: Execution, name: string): string | undefined {
  const payload = execution.searchAttributes?.indexedFields?.[name];
  if (!payload) return undefined;
  const value = searchAttributePayloadConverter.fromPayload(payload);
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}
