// What a tenant's schema may not use, because validating it could take far longer than the
// payload is large: recursion ($ref back into itself or a $defs cycle: exponential on nested
// input with anyOf) and uniqueItems over arrays of objects (quadratic). Patterns are safe on RE2.
import type { IssueDetail } from '../base/api-error';

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function schemaRisks(schema: unknown, base = 'schema'): IssueDetail[] {
  const problems: IssueDetail[] = [];
  const edges = new Map<string, Set<string>>();
  walk(schema, '', undefined, problems, edges, base);
  const cycle = findCycle(edges);
  if (cycle)
    problems.push({
      path: `${base}/$defs/${cycle}`,
      message: 'recursive schemas are not supported ($defs that refer to themselves)',
    });
  return problems;
}

function walk(
  node: unknown,
  path: string,
  def: string | undefined,
  problems: IssueDetail[],
  edges: Map<string, Set<string>>,
  base: string,
): void {
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`, def, problems, edges, base));
  if (!isObject(node)) return;
  if ('$dynamicRef' in node || '$recursiveRef' in node)
    problems.push({ path: `${base}${path}`, message: 'recursive schemas are not supported ($dynamicRef)' });
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#')) {
    const target = ref.slice(1);
    if (target === '' || path.startsWith(`${target}/`))
      problems.push({
        path: `${base}${path}/$ref`,
        message: 'recursive schemas are not supported ($ref to an enclosing schema)',
      });
    const to = /^\/\$defs\/([^/]+)/.exec(target)?.[1];
    if (def && to) (edges.get(def) ?? edges.set(def, new Set()).get(def)!).add(to);
  }
  if (node.uniqueItems === true && !(isObject(node.items) && SCALAR_TYPES.has(String(node.items.type))))
    problems.push({
      path: `${base}${path}/uniqueItems`,
      message: 'uniqueItems needs items of one scalar type (string, number, integer or boolean)',
    });
  for (const [key, value] of Object.entries(node)) {
    const inDefs = path === '/$defs' ? key : def;
    walk(value, `${path}/${key}`, inDefs, problems, edges, base);
  }
}

function findCycle(edges: Map<string, Set<string>>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string): string | undefined => {
    if (state.get(n) === 'open') return n;
    if (state.get(n) === 'done') return undefined;
    state.set(n, 'open');
    for (const next of edges.get(n) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    state.set(n, 'done');
    return undefined;
  };
  for (const n of edges.keys()) {
    const found = visit(n);
    if (found) return found;
  }
  return undefined;
}
