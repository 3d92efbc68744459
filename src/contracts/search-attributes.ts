// Typed keys for the custom search attributes. @temporalio/common is the SDK's pure shared
// package (no I/O), so the workflow sandbox and the client can both use these keys.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
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
