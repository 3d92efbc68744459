// What a destination filter may say, checked once when it is written (API or config file), so
// routing never meets a filter it cannot evaluate. Pure: the config schema and the API use it.

export const FILTER_MAX_DEPTH = 16;
export const FILTER_MAX_BYTES = 8192;

/** The parts of an event a filter may look at (its top-level fields). */
export const FILTER_ROOTS = ['type', 'source', 'data', 'metadata'] as const;

type Operand = 'any' | 'array' | 'ordered' | 'boolean' | 'string' | 'filters' | 'filter';

/** Every operator and the operand it takes. */
export const FILTER_OPERATORS: Readonly<Record<string, Operand>> = {
  $eq: 'any',
  $neq: 'any',
  $in: 'array',
  $nin: 'array',
  $gt: 'ordered',
  $gte: 'ordered',
  $lt: 'ordered',
  $lte: 'ordered',
  $exist: 'boolean',
  $startsWith: 'string',
  $endsWith: 'string',
  $contains: 'any',
  $and: 'filters',
  $or: 'filters',
  $not: 'filter',
};

export const LOGICAL = new Set(['$and', '$or', '$not']);

export interface FilterProblem {
  /** Where, from the filter's root: keys and array indexes. */
  path: (string | number)[];
  message: string;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of a filter document, each at its path; none means routing can use it. */
export function filterProblems(filter: unknown): FilterProblem[] {
  if (!isPlainObject(filter)) return [{ path: [], message: 'a filter is a JSON object' }];
  const text = JSON.stringify(filter);
  if (new TextEncoder().encode(text).length > FILTER_MAX_BYTES)
    return [{ path: [], message: `a filter is at most ${FILTER_MAX_BYTES} bytes of JSON` }];
  const problems: FilterProblem[] = [];
  checkObject(filter, [], true, problems);
  return problems;
}

function checkObject(node: Record<string, unknown>, path: (string | number)[], atRoot: boolean, out: FilterProblem[]): void {
  if (path.length >= FILTER_MAX_DEPTH) {
    out.push({ path, message: `nested deeper than ${FILTER_MAX_DEPTH} levels` });
    return;
  }
  const keys = Object.keys(node);
  if (keys.length === 0) out.push({ path, message: 'an empty object matches nothing useful; leave it out' });
  const comparisons = keys.filter((k) => k.startsWith('$') && !LOGICAL.has(k));
  const fields = keys.filter((k) => !k.startsWith('$'));
  if (comparisons.length && fields.length)
    out.push({ path, message: `operators (${comparisons.join(', ')}) and fields (${fields.join(', ')}) in one object` });
  // An event is not a value: {"$neq": 1} would match every event. Compare one of its fields.
  else if (comparisons.length && atRoot)
    out.push({
      path,
      message: `${comparisons.join(', ')} compares a field: name it, e.g. {"data.amount": {"${comparisons[0]}": …}}`,
    });
  for (const key of keys) {
    if (key.startsWith('$')) checkOperator(key, node[key], [...path, key], atRoot, out);
    else checkField(key, node[key], [...path, key], atRoot, out);
  }
}

function checkField(key: string, value: unknown, path: (string | number)[], atRoot: boolean, out: FilterProblem[]): void {
  const segments = key.split('.');
  if (segments.some((s) => s === '')) out.push({ path, message: 'a field path has no empty parts ("a.b", not "a..b")' });
  if (atRoot && !(FILTER_ROOTS as readonly string[]).includes(segments[0]))
    out.push({ path, message: `an event's fields are ${FILTER_ROOTS.join(', ')} (e.g. "data.${key}")` });
  if (isPlainObject(value)) checkObject(value, path, false, out);
  else checkDepth(value, path, out);
}

function checkOperator(op: string, operand: unknown, path: (string | number)[], atRoot: boolean, out: FilterProblem[]): void {
  const kind = FILTER_OPERATORS[op];
  if (!kind) {
    out.push({ path, message: `unknown operator ${op} (one of ${Object.keys(FILTER_OPERATORS).join(' ')})` });
    return;
  }
  const problem = operandProblem(kind, operand);
  if (problem) {
    out.push({ path, message: `${op} takes ${problem}` });
    return;
  }
  if (kind === 'filter') checkObject(operand as Record<string, unknown>, path, atRoot, out);
  if (kind === 'filters') (operand as Record<string, unknown>[]).forEach((f, i) => checkObject(f, [...path, i], atRoot, out));
  if (kind === 'any' || kind === 'array') checkDepth(operand, path, out);
}

/** What the operand should have been, when it is not. */
function operandProblem(kind: Operand, operand: unknown): string | undefined {
  switch (kind) {
    case 'any':
      return undefined;
    case 'array':
      return Array.isArray(operand) && operand.length > 0 ? undefined : 'a non-empty array of values';
    case 'ordered':
      return typeof operand === 'number' || typeof operand === 'string' ? undefined : 'a number or a string';
    case 'boolean':
      return typeof operand === 'boolean' ? undefined : 'true or false';
    case 'string':
      return typeof operand === 'string' ? undefined : 'a string';
    case 'filter':
      return isPlainObject(operand) ? undefined : 'a filter object';
    case 'filters':
      return Array.isArray(operand) && operand.length > 0 && operand.every(isPlainObject)
        ? undefined
        : 'a non-empty array of filter objects';
  }
}

/** Plain values nest too (an array to compare with): the depth limit counts them. */
function checkDepth(value: unknown, path: (string | number)[], out: FilterProblem[]): void {
  const depthOf = (v: unknown): number =>
    Array.isArray(v)
      ? 1 + Math.max(0, ...v.map(depthOf))
      : isPlainObject(v)
        ? 1 + Math.max(0, ...Object.values(v).map(depthOf))
        : 0;
  if (path.length + depthOf(value) > FILTER_MAX_DEPTH)
    out.push({ path, message: `nested deeper than ${FILTER_MAX_DEPTH} levels` });
}
