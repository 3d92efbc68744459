// The catalog's say at acceptance: an event of a catalogued type must meet its schema, and a
// tenant with requireKnownEventTypes takes only catalogued types.
import type { IssueDetail } from '../base/api-error';
import { NOT_JSON } from '../delivery/filter';
import { valueProblems } from './schemas';
import type { CatalogType } from './types';

export interface CatalogRejection {
  code: 'schema_mismatch' | 'unknown_event_type';
  message: string;
  details: IssueDetail[];
}

export interface CatalogTenant {
  eventTypes?: ReadonlyMap<string, CatalogType>;
  requireKnownEventTypes?: boolean;
}

/** Undefined when the catalog lets the event in. `data` is read only when the type has a schema. */
export function catalogRejection(tenant: CatalogTenant, eventType: string, data: () => unknown): CatalogRejection | undefined {
  const type = tenant.eventTypes?.get(eventType);
  if (!type) {
    if (!tenant.requireKnownEventTypes) return undefined;
    return {
      code: 'unknown_event_type',
      message: `event type "${eventType}" is not in the tenant's event-type catalog (requireKnownEventTypes)`,
      details: [{ path: 'type', message: 'add it with POST /v1/event-types, or send a catalogued type' }],
    };
  }
  if (!type.validate) return undefined;
  const value = data();
  const details =
    value === NOT_JSON
      ? [{ path: 'data', message: 'the payload is not JSON; its type has a schema' }]
      : valueProblems(type.validate, value);
  if (details.length === 0) return undefined;
  return { code: 'schema_mismatch', message: `data does not meet the schema of event type "${eventType}"`, details };
}
