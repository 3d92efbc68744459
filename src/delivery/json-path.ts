// The one reader of `jsonPath` settings ($.a.b): event types, keys and groups from a JSON body.

/** Whatever sits at the path: undefined when a step is missing or not an object. */
export function valueAtJsonPath(json: unknown, path: string): unknown {
  let value = json;
  for (const key of path.split('.').slice(1)) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/** A non-empty string, or a number as text; anything else (object, null, missing) is undefined. */
export function readJsonPath(json: unknown, path: string): string | undefined {
  const value = valueAtJsonPath(json, path);
  if (typeof value === 'string' && value.length > 0) return value;
  return typeof value === 'number' ? String(value) : undefined;
}

/** Only a non-empty string: what an event type must be (a number there is a sender's mistake). */
export function readJsonString(json: unknown, path: string): string | undefined {
  const value = valueAtJsonPath(json, path);
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Parsed JSON, or undefined for text that is not JSON (`null` parses to null, not undefined). */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
