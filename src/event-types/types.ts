// An entry of a tenant's event-type catalog as every role holds it (the registry snapshot).
import type { ValidateFunction } from 'ajv';
import type { EventTypeRow } from '../store/tables';

export interface CatalogType {
  name: string;
  description: string;
  schema?: unknown;
  example?: unknown;
  deprecated: boolean;
  createdAt: string;
  updatedAt: string;
  /** Absent when the type has no schema (or a stored one this version cannot compile: logged). */
  validate?: ValidateFunction;
}

export function catalogView(type: CatalogType) {
  const { validate: _, ...view } = type;
  return view;
}

export function catalogTypeOf(row: EventTypeRow, validate?: ValidateFunction): CatalogType {
  return {
    name: row.name,
    description: row.description,
    ...(row.schema !== null ? { schema: row.schema } : {}),
    ...(row.example !== null ? { example: row.example } : {}),
    deprecated: row.deprecated,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    ...(validate ? { validate } : {}),
  };
}
