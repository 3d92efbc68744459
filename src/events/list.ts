// GET /v1/events: a page of a tenant's events from Temporal visibility, newest first in
// Temporal's order (running ones first, then by close time: SQL visibility refuses ORDER BY).
// A status or destination filter matches an event when one of its deliveries does, so those
// pages come from the deliveries' search attributes and are folded into their events.
import { createHash } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, WORKFLOW, type CallbackMemo, type DeliveryStatus } from '../contracts';
import { readMemo } from './status';

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
  // A delivery's ID is <event>.<destination>[.dead-letter-n]: the event is the part before the dot.
  const ids = [...new Set((response.executions ?? []).map((e) => (e.execution?.workflowId ?? '').split('.')[0]))];
  const memos = await Promise.all(ids.map((id) => readMemo(client, id)));
  const events = ids.flatMap((id, i) => (memos[i] ? [listed(id, memos[i])] : []));
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

function tokenOf(cursor: string, namespace: string): Buffer {
  const [encoded, sum] = cursor.split('.');
  const token = Buffer.from(encoded ?? '', 'base64url');
  if (token.length === 0 || sum !== check(token, namespace)) throw new InvalidCursorError('cursor is not one of ours');
  return token;
}

function listed(id: string, memo: CallbackMemo): ListedEvent {
  return { id, type: memo.eventType, source: memo.source, receivedAt: memo.receivedAt, destinations: memo.destinations };
}

/** Values come validated from the route; quotes are still escaped so no value can end a string. */
export function visibilityQuery(filter: ListFilter, byDelivery: boolean): string {
  const text = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const clauses = [`WorkflowType = ${text(byDelivery ? WORKFLOW.delivery : WORKFLOW.callback)}`];
  if (filter.type) clauses.push(`${SEARCH_ATTRIBUTES.eventType.name} = ${text(filter.type)}`);
  if (filter.destination) clauses.push(`${SEARCH_ATTRIBUTES.destination.name} = ${text(filter.destination)}`);
  if (filter.status) clauses.push(`${SEARCH_ATTRIBUTES.status.name} = ${text(filter.status)}`);
  if (filter.since) clauses.push(`StartTime >= ${text(filter.since.toISOString())}`);
  if (filter.until) clauses.push(`StartTime <= ${text(filter.until.toISOString())}`);
  return clauses.join(' AND ');
}
