// GET /v1/events: a page of a tenant's events from Temporal visibility, newest first in
// Temporal's order (running ones first, then by close time: SQL visibility refuses ORDER BY).
// A status or destination filter matches an event when one of its deliveries does, so those
// pages come from the deliveries' search attributes and are folded into their events.
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, mapFromPayloads } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { eventIdOf, SEARCH_ATTRIBUTES, WORKFLOW, type CallbackMemo, type DeliveryStatus } from '../contracts';
import { readMemo } from './status';
import { visibilityString } from '../base/visibility';

export interface ListFilter {
  type?: string;
  destination?: string;
  status?: DeliveryStatus;
  since?: Date;
  until?: Date;
  limit: number;
  cursor?: string;
}

export interface ListedEvent {
  id: string;
  type: string;
  source: string;
  receivedAt: string;
  destinations: string[];
}

export interface EventPage {
  events: ListedEvent[];
  nextCursor?: string;
}

/** A cursor that is not one of ours (garbled, forged, another tenant's): the caller's mistake. */
export class InvalidCursorError extends Error {}

export async function listEvents(client: Client, filter: ListFilter): Promise<EventPage> {
  const namespace = client.options.namespace;
  const byDelivery = filter.status !== undefined || filter.destination !== undefined;
  const nextPageToken = filter.cursor === undefined ? undefined : tokenOf(filter.cursor, namespace);
  const response = await client.connection
    .withDeadline(Date.now() + 10_000, () =>
      client.workflowService.listWorkflowExecutions({
        namespace,
        query: visibilityQuery(filter, byDelivery),
        pageSize: filter.limit,
        nextPageToken,
      }),
    )
    .catch((err: unknown) => {
      // Temporal answers a token it cannot read with UNKNOWN (after retries) or INVALID_ARGUMENT.
      if (nextPageToken && [2, 3].includes((err as { code?: number }).code ?? -1))
        throw new InvalidCursorError('cursor not accepted');
      throw err;
    });
  const found = await eventsOf(client, response.executions ?? []);
  const seen = new Set<string>();
  const events = found.flatMap((event) => {
    if (!event || seen.has(event.id)) return [];
    seen.add(event.id);
    return [event];
  });
  const token = response.nextPageToken;
  return { events, ...(token && token.length > 0 ? { nextCursor: cursorOf(Buffer.from(token), namespace) } : {}) };
}

// Temporal's page token, and a check over it and the namespace: a garbled or forged cursor is
// refused at once (Temporal would spend seconds on it), and one tenant's cursor fails for another.
const check = (token: Buffer, namespace: string) =>
  createHash('sha256').update(namespace).update('\n').update(token).digest('base64url').slice(0, 16);

export function cursorOf(token: Buffer, namespace: string): string {
  return `${token.toString('base64url')}.${check(token, namespace)}`;
}

export function tokenOf(cursor: string, namespace: string): Buffer {
  const [encoded, sum] = cursor.split('.');
  const token = Buffer.from(encoded ?? '', 'base64url');
  if (token.length === 0 || sum !== check(token, namespace)) throw new InvalidCursorError('cursor is not one of ours');
  return token;
}

type Execution = NonNullable<temporal.api.workflowservice.v1.IListWorkflowExecutionsResponse['executions']>[number];

/**
 * The event each execution belongs to. A delivery started by its event's workflow (or a dead letter
 * started by such a delivery) has that workflow as its root. A manual retry's run has no parent:
 * its ID is `<event>~<destination>`, whose event is what comes before the "~". Legacy IDs
 * (`<event>.<destination>`, events accepted before the "~") are read by trying each prefix before
 * a dot, as event ids may contain dots themselves, until one is an event.
 *
 * Memos come with the page (a callback row carries its own) or from one more visibility query for
 * the events of a page of deliveries, not from a describe per row; a row whose event visibility
 * does not show yet (just started) is described.
 */
async function eventsOf(client: Client, executions: Execution[]): Promise<(ListedEvent | undefined)[]> {
  const memos = new Map<string, CallbackMemo>();
  for (const e of executions) if (e.type?.name === WORKFLOW.callback) memos.set(e.execution?.workflowId ?? '', memoOf(e));
  const starts = executions.map(startOf);
  const wanted = [...new Set(starts.map(eventIdOf).filter((id): id is string => id !== undefined && !memos.has(id)))];
  for (const [id, memo] of await memosOf(client, wanted)) memos.set(id, memo);
  return Promise.all(
    starts.map(async (start) => {
      const fromId = eventIdOf(start);
      const candidates = fromId !== undefined ? [fromId] : [start, ...prefixes(start)];
      for (const candidate of candidates) {
        const memo = memos.get(candidate) ?? (await readMemo(client, candidate));
        if (memo) return listed(candidate, memo);
      }
      return undefined;
    }),
  );
}

function startOf(execution: Execution): string {
  const id = execution.execution?.workflowId ?? '';
  const root = execution.rootExecution?.workflowId;
  return execution.type?.name === WORKFLOW.callback ? id : root && root !== id ? root : id;
}

function memoOf(execution: Execution): CallbackMemo {
  const memo = mapFromPayloads(defaultPayloadConverter, execution.memo?.fields ?? {}) as Partial<CallbackMemo> &
    Omit<CallbackMemo, 'destinations'>;
  // An event no destination subscribed to was written with an empty list, which Temporal's memo
  // does not give back: absent is "none" (as readMemo reads it).
  return { ...memo, destinations: memo.destinations ?? [] };
}

/** The callback memos of these events, from one visibility query. */
async function memosOf(client: Client, ids: string[]): Promise<Map<string, CallbackMemo>> {
  if (!ids.length) return new Map();
  const query = `WorkflowType = ${visibilityString(WORKFLOW.callback)} AND WorkflowId IN (${ids.map(visibilityString).join(', ')})`;
  const { executions } = await client.workflowService.listWorkflowExecutions({
    namespace: client.options.namespace,
    query,
    pageSize: ids.length,
  });
  return new Map((executions ?? []).map((e) => [e.execution?.workflowId ?? '', memoOf(e)]));
}

function prefixes(id: string): string[] {
  const out: string[] = [];
  for (let i = id.indexOf('.'); i > 0; i = id.indexOf('.', i + 1)) out.push(id.slice(0, i));
  return out;
}

function listed(id: string, memo: CallbackMemo): ListedEvent {
  return { id, type: memo.eventType, source: memo.source, receivedAt: memo.receivedAt, destinations: memo.destinations };
}

/**
 * Deliveries started since revision 2 write no "delivered": one that closed Completed while its
 * status still says "delivering" was delivered (a failed or cancelled one wrote its status first).
 */
function statusClause(status: DeliveryStatus, text: (value: string) => string): string {
  const name = SEARCH_ATTRIBUTES.status.name;
  if (status === 'delivered')
    return `(${name} = ${text('delivered')} OR (${name} = ${text('delivering')} AND ExecutionStatus = 'Completed'))`;
  if (status === 'delivering') return `${name} = ${text('delivering')} AND ExecutionStatus = 'Running'`;
  return `${name} = ${text(status)}`;
}

/** Values come validated from the route; quotes are still escaped so no value can end a string. */
export function visibilityQuery(filter: ListFilter, byDelivery: boolean): string {
  const text = visibilityString;
  const clauses = [`WorkflowType = ${text(byDelivery ? WORKFLOW.delivery : WORKFLOW.callback)}`];
  if (filter.type) clauses.push(`${SEARCH_ATTRIBUTES.eventType.name} = ${text(filter.type)}`);
  if (filter.destination) clauses.push(`${SEARCH_ATTRIBUTES.destination.name} = ${text(filter.destination)}`);
  if (filter.status) clauses.push(statusClause(filter.status, text));
  if (filter.since) clauses.push(`StartTime >= ${text(filter.since.toISOString())}`);
  if (filter.until) clauses.push(`StartTime <= ${text(filter.until.toISOString())}`);
  return clauses.join(' AND ');
}
