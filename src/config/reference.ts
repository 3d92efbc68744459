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

function walk(schema: JsonSchema, prefix: string, required: boolean, rows: Row[]): void {
  const nested = schema.type === 'array' && schema.items?.properties ? schema.items : schema.properties ? schema : undefined;
  if (prefix) {
    rows.push({
      key: prefix,
      type: nested && schema.type !== 'array' ? 'object' : typeOf(schema),
      required,
      default: schema.default === undefined ? '' : JSON.stringify(schema.default),
      description: schema.description ?? '',
    });
  }
  if (!nested?.properties) return;
  const base = schema.type === 'array' ? `${prefix}[]` : prefix;
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
