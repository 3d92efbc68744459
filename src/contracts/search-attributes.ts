// Typed keys for the custom search attributes. @temporalio/common is the SDK's pure shared
// package (no I/O), so the workflow sandbox and the client can both use these keys.
import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from './names';
import type { EventMeta, MessageOrigin } from './types';

export const SA = {
  eventType: defineSearchAttributeKey(SEARCH_ATTRIBUTES.eventType.name, SearchAttributeType.KEYWORD),
  source: defineSearchAttributeKey(SEARCH_ATTRIBUTES.source.name, SearchAttributeType.KEYWORD_LIST),
  destination: defineSearchAttributeKey(SEARCH_ATTRIBUTES.destination.name, SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey(SEARCH_ATTRIBUTES.status.name, SearchAttributeType.KEYWORD),
  attempts: defineSearchAttributeKey(SEARCH_ATTRIBUTES.attempts.name, SearchAttributeType.INT),
};

/** The BarrageSource values of an event: its source id, and its message lineage if it has one. */
export function sourceSearchValues(event: Pick<EventMeta, 'source' | 'origin'>): string[] {
  return event.origin ? [event.source, originRef(event.origin)] : [event.source];
}

export function originRef(origin: MessageOrigin): string {
  return origin.type === 'sqs' ? `sqs:${origin.messageId}` : `kafka:${origin.topic}/${origin.partition}/${origin.offset}`;
}

/** A callback workflow's search attributes, set when it starts. */
export function callbackSearchAttributes(event: Pick<EventMeta, 'eventType' | 'source' | 'origin'>): SearchAttributePair[] {
  return [
    { key: SA.eventType, value: event.eventType },
    { key: SA.source, value: sourceSearchValues(event) },
  ];
}

/**
 * A delivery workflow's search attributes at start: the fan-out, a dead letter and a manual retry
 * all start one. Status is "delivering" (or "scheduled") from the start (free); the delivery upserts
 * only when it retries, when its scheduled time comes, or when it ends.
 */
export function deliverySearchAttributes(
  event: Pick<EventMeta, 'eventType' | 'source' | 'origin'>,
  destinationId: string,
  status: 'delivering' | 'scheduled' = 'delivering',
): SearchAttributePair[] {
  return [...callbackSearchAttributes(event), { key: SA.destination, value: destinationId }, { key: SA.status, value: status }];
}
