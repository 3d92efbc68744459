/** Event-type patterns: exact names, "order.*" for every type under "order.", "*" for all. */
export function matchesEvent(pattern: string, eventType: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) {
    return eventType.startsWith(pattern.slice(0, -1));
  }
  return pattern === eventType;
}

export function matchesAny(patterns: readonly string[], eventType: string): boolean {
  return patterns.some((p) => matchesEvent(p, eventType));
}
