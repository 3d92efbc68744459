// Renders the config schema as a Markdown table (docs/CONFIG.md), so the docs cannot drift:
// a unit test compares the committed file with this output.
import { z } from 'zod';
import { configSchema } from './schema';

interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
}

interface Row {
  key: string;
  type: string;
  required: boolean;
  default: string;
  description: string;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const variants = s.anyOf ?? s.oneOf;
  if (variants) {
    const names = variants.map((v) => (v.properties ? `{${Object.keys(v.properties).join(', ')}}` : typeOf(v)));
    return [...new Set(names)].join(' \\| ');
  }
  if (s.type === 'array') return `${s.items ? typeOf(s.items) : 'any'}[]`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') return 'map';
  return Array.isArray(s.type) ? s.type.join(' \\| ') : (s.type ?? 'any');
}

/** An array of a union of object kinds told apart by a `type` constant (sources, destinations). */
function kindsOf(schema: JsonSchema): JsonSchema[] | undefined {
  const variants = schema.type === 'array' ? (schema.items?.anyOf ?? schema.items?.oneOf) : undefined;
  return variants?.every((v) => v.properties?.type?.const !== undefined) ? variants : undefined;
}

/**
 * The first kind (the default, http) is listed in full under `key[]`; each other kind adds only
 * its own fields, under `key[type=<kind>]`, so shared fields are described once.
 */
function walkKinds(schema: JsonSchema, kinds: JsonSchema[], prefix: string, required: boolean, rows: Row[]): void {
  const names = kinds.map((k) => JSON.stringify(k.properties!.type.const));
  rows.push({ key: prefix, type: 'object[]', required, default: '', description: schema.description ?? '' });
  const [first, ...others] = kinds;
  const typeRow = (kind: JsonSchema) => ({ ...kind.properties!.type, const: undefined, enum: names.map((n) => JSON.parse(n)) });
  // `type` may be left out: it defaults to the first kind.
  const firstRequired = (first.required ?? []).filter((k) => k !== 'type');
  walk(
    { ...first, required: firstRequired, properties: { ...first.properties, type: typeRow(first) } },
    `${prefix}[]`,
    true,
    rows,
    true,
  );
  for (const kind of others) {
    const own = Object.fromEntries(Object.entries(kind.properties!).filter(([k]) => k !== 'type' && !(k in first.properties!)));
    const shared = Object.entries(kind.properties!)
      .filter(([k]) => k !== 'type' && k in first.properties!)
      .map(([k]) => k);
    for (const key of shared) {
      // A shared name with a different shape (eventType, idempotencyKey) is listed for this kind too.
      if (typeOf(kind.properties![key]) !== typeOf(first.properties![key])) own[key] = kind.properties![key];
    }
    walk({ ...kind, properties: own }, `${prefix}[type=${kind.properties!.type.const as string}]`, true, rows, true);
  }
}

function walk(schema: JsonSchema, prefix: string, required: boolean, rows: Row[], skipSelf = false): void {
  const kinds = kindsOf(schema);
  if (kinds) return walkKinds(schema, kinds, prefix, required, rows);
  const nested = schema.type === 'array' && schema.items?.properties ? schema.items : schema.properties ? schema : undefined;
  if (prefix && !skipSelf) {
    rows.push({
      key: prefix,
      type: nested && schema.type !== 'array' ? 'object' : typeOf(schema),
      required,
      default: schema.default === undefined ? '' : JSON.stringify(schema.default),
      description: schema.description ?? '',
    });
  }
  if (!nested?.properties) return;
  const base = schema.type === 'array' && !skipSelf ? `${prefix}[]` : prefix;
  for (const [key, child] of Object.entries(nested.properties)) {
    const isRequired = (nested.required ?? []).includes(key) && child.default === undefined;
    walk(child, base ? `${base}.${key}` : key, isRequired, rows);
  }
}

export function configReferenceRows(): Row[] {
  const json = z.toJSONSchema(configSchema({}), { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: Row[] = [];
  walk(json, '', true, rows);
  return rows;
}

export function configReferenceMarkdown(): string {
  const lines = [
    '| key | type | required | default | description |',
    '| --- | --- | --- | --- | --- |',
    ...configReferenceRows().map(
      (r) =>
        `| \`${r.key}\` | ${r.type} | ${r.required ? 'yes' : ''} | ${r.default ? `\`${r.default}\`` : ''} | ${r.description} |`,
    ),
  ];
  return lines.join('\n');
}
