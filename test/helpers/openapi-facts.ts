// What a client can rely on in an OpenAPI document, as a set of comparable lines: every operation,
// status, parameter, and every property of every schema (by path), including the properties of
// the bodies each operation takes and answers. A newer document must keep every line of an older.
type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
type Operation = {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
};
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export function openApiFacts(doc: Doc): Set<string> {
  const facts = new Set<string>();
  for (const [name, schema] of Object.entries(doc.components.schemas)) propertyFacts(`schema ${name}`, schema, facts);
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const at = `${method.toUpperCase()} ${path}`;
      facts.add(`operation ${at}`);
      for (const p of op.parameters ?? []) facts.add(`parameter ${at} ${p.in}:${p.name}`);
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        propertyFacts(`request ${at} ${type}`, resolve(doc, media.schema), facts);
      }
      for (const [status, answer] of Object.entries(op.responses)) {
        facts.add(`status ${at} ${status}`);
        for (const [type, media] of Object.entries(answer.content ?? {})) {
          propertyFacts(`response ${at} ${status} ${type}`, resolve(doc, media.schema), facts);
        }
      }
    }
  }
  return facts;
}

function resolve(doc: Doc, schema: Schema | undefined): Schema | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name ? doc.components.schemas[name] : schema;
}

/** Property paths, through arrays and compositions; references are facts of their own component. */
function propertyFacts(prefix: string, schema: Schema | undefined, facts: Set<string>, depth = 0): void {
  if (!schema || depth > 12) return;
  facts.add(prefix);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    propertyFacts(`${prefix}.${name}`, property, facts, depth + 1);
  }
  if (schema.items) propertyFacts(`${prefix}[]`, schema.items, facts, depth + 1);
  for (const part of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) {
    propertyFacts(prefix, part, facts, depth + 1);
  }
}
