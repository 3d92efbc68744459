// A tenant's event-type catalog through the API: what each type means, the JSON Schema its
// events' data must meet, and an example that meets it. Written to the registry database, read
// from the in-memory snapshot.
import { ApiError, notFound, type IssueDetail } from '../base/api-error';
import { compileSchema, valueProblems } from '../event-types/schemas';
import type { CatalogType } from '../event-types/types';
import { LimitReachedError } from '../store/errors';
import type { EventTypeFields } from '../store/event-types';
import type { Registry } from '../registry/live';
import type { LiveTenant } from '../registry/snapshot';
import type { Stores } from '../registry/stores';

export interface CatalogDeps {
  registry: Registry;
  stores: Stores;
  maxPerTenant: number;
}

export function typeOf(tenant: LiveTenant, name: string): CatalogType {
  const type = tenant.eventTypes?.get(name);
  if (!type) throw notFound('event type');
  return type;
}

/** The schema compiles and the example meets it; every problem at once, by path. */
function checked(fields: EventTypeFields): EventTypeFields {
  const problems: IssueDetail[] = [];
  const compiled = fields.schema === undefined ? undefined : compileSchema(fields.schema);
  if (compiled && !compiled.ok) problems.push(...compiled.problems);
  if (compiled?.ok && fields.example !== undefined) problems.push(...valueProblems(compiled.validate, fields.example, 'example'));
  if (problems.length) throw new ApiError(400, 'invalid_request', 'the event type is not valid', problems);
  return fields;
}

export async function createEventType(
  deps: CatalogDeps,
  tenant: LiveTenant,
  input: { name: string } & Partial<EventTypeFields>,
): Promise<CatalogType> {
  const { name, description = '', schema, example, deprecated = false } = input;
  if (tenant.eventTypes?.has(name)) throw new ApiError(409, 'conflict', `event type ${name} exists`);
  const fields = checked({ description, schema, example, deprecated });
  try {
    const row = await deps.stores.eventTypes.create(tenant.id, name, fields, deps.maxPerTenant);
    if (!row) throw new ApiError(409, 'conflict', `event type ${name} exists`);
  } catch (err) {
    if (err instanceof LimitReachedError)
      throw new ApiError(409, 'limit_reached', `limits.maxEventTypesPerTenant (${deps.maxPerTenant}) reached`);
    throw err;
  }
  return refreshed(deps, tenant.id, name);
}

/** Each field given replaces the stored one; null removes schema or example. */
export async function updateEventType(
  deps: CatalogDeps,
  tenant: LiveTenant,
  name: string,
  patch: { description?: string; schema?: unknown; example?: unknown; deprecated?: boolean },
): Promise<CatalogType> {
  const current = typeOf(tenant, name);
  const pick = <K extends 'schema' | 'example'>(key: K) => (key in patch ? (patch[key] ?? undefined) : current[key]);
  const fields = checked({
    description: patch.description ?? current.description,
    schema: pick('schema'),
    example: pick('example'),
    deprecated: patch.deprecated ?? current.deprecated,
  });
  if (!(await deps.stores.eventTypes.update(tenant.id, name, fields))) throw notFound('event type');
  return refreshed(deps, tenant.id, name);
}

export async function deleteEventType(deps: CatalogDeps, tenant: LiveTenant, name: string): Promise<void> {
  typeOf(tenant, name);
  if (!(await deps.stores.eventTypes.delete(tenant.id, name))) throw notFound('event type');
  await deps.registry.refresh();
}

async function refreshed(deps: CatalogDeps, tenantId: string, name: string): Promise<CatalogType> {
  const type = (await deps.registry.refresh()).tenant(tenantId)?.eventTypes?.get(name);
  if (!type) throw notFound('event type');
  return type;
}
