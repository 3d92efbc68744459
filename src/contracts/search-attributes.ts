// Typed keys for the custom search attributes. @temporalio/common is the SDK's pure shared
// package (no I/O), so the workflow sandbox and the client can both use these keys.
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from './names';

export const SA = {
  eventType: defineSearchAttributeKey(SEARCH_ATTRIBUTES.eventType.name, SearchAttributeType.KEYWORD),
  source: defineSearchAttributeKey(SEARCH_ATTRIBUTES.source.name, SearchAttributeType.KEYWORD),
  destination: defineSearchAttributeKey(SEARCH_ATTRIBUTES.destination.name, SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey(SEARCH_ATTRIBUTES.status.name, SearchAttributeType.KEYWORD),
  attempts: defineSearchAttributeKey(SEARCH_ATTRIBUTES.attempts.name, SearchAttributeType.INT),
};
