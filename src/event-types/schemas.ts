// JSON Schema (2020-12) for event types, with a maintained validator (Ajv). Tenants write these
// schemas, so they are treated as untrusted: bounded in size, checked against the meta-schema,
// refused where validation could grow faster than the payload (schema-limits.ts), and their
// `pattern`s run on RE2 (linear time), so no schema can stall a receiver.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RE2JS } from 're2js';
import type { IssueDetail } from '../base/api-error';
import { schemaRisks } from './schema-limits';

export const MAX_SCHEMA_BYTES = 64 * 1024;
/** A payload's problems reported at most (the rest are counted). */
const MAX_REPORTED = 20;

function re2(pattern: string, flags: string) {
  const compiled = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  // Ajv keys compiled patterns by toString(): without it every pattern would share the first one.
  return { test: (text: string) => compiled.test(text), toString: () => `/${pattern}/${flags}` };
}
re2.code = 're2js';

/**
 * One Ajv per schema: schemas of different tenants may share an `$id`, which one instance refuses.
 * Compiling happens when a type changes, never per event. The meta-schema check is one shared
 * instance's, so each type's own compiles only its schema.
 */
function newAjv(validateSchema = false) {
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: re2 }, loopRequired: 100, validateSchema });
  addFormats(ajv);
  return ajv;
}

let metaChecker: Ajv2020 | undefined;
const checker = () => (metaChecker ??= newAjv(true));

export type SchemaCheck = { ok: true; validate: ValidateFunction } | { ok: false; problems: IssueDetail[] };

/** Compiles a schema, or says why it is not one (each problem with its place in the schema). */
export function compileSchema(schema: unknown, path = 'schema'): SchemaCheck {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema))
    return { ok: false, problems: [{ path, message: 'a JSON Schema (2020-12) is an object' }] };
  if (Buffer.byteLength(JSON.stringify(schema)) > MAX_SCHEMA_BYTES)
    return { ok: false, problems: [{ path, message: `a schema is at most ${MAX_SCHEMA_BYTES} bytes of JSON` }] };
  const meta = checker();
  if (!meta.validateSchema(schema)) return { ok: false, problems: pointerDetails(meta.errors ?? [], path) };
  const risks = schemaRisks(schema, path);
  if (risks.length) return { ok: false, problems: risks };
  try {
    return { ok: true, validate: newAjv().compile(schema) };
  } catch (err) {
    // An unresolvable $ref, an invalid pattern for RE2 (backreferences, lookaround), …
    return { ok: false, problems: [{ path, message: err instanceof Error ? err.message : String(err) }] };
  }
}

/** Where a value misses its schema, as JSON pointers into it (`/amount`); none when it meets it. */
export function valueProblems(validate: ValidateFunction, value: unknown, path = 'data'): IssueDetail[] {
  if (validate(value)) return [];
  return pointerDetails(validate.errors ?? [], path);
}

function pointerDetails(errors: readonly ErrorObject[], path: string): IssueDetail[] {
  const details = errors.slice(0, MAX_REPORTED).map((e) => ({
    path: `${path}${e.instancePath}`,
    pointer: e.instancePath || '/',
    message: e.message ?? e.keyword,
  }));
  if (errors.length > MAX_REPORTED) details.push({ path, pointer: '/', message: `and ${errors.length - MAX_REPORTED} more` });
  return details;
}
