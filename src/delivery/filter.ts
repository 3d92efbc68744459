// Destination filters: a JSON document matched against an event at routing time. Compiled once per
// document into closures (routing runs it for every matching destination of every event), and
// answering why not, so POST /v1/destinations/{id}/filter-test can say which condition missed.
// The rules of what a filter may say are in filter-rules.ts; a filter that reaches here passed them.
import { isPlainObject, LOGICAL } from './filter-rules';

export type FilterDocument = Record<string, unknown>;

/** The payload could not be read as JSON: a filter that looks into `data` does not match it. */
export const NOT_JSON: unique symbol = Symbol('payload is not JSON');

/** The event as a filter sees it. */
export interface FilterSubject {
  type: string;
  source?: string;
  data?: unknown;
  metadata?: Readonly<Record<string, string>>;
}

/** Why an event does not match: the field's path and what it failed. */
export interface FilterMiss {
  path: string;
  reason: string;
}

/** A miss as evaluation finds it: cheap to make (routing meets many); its words are made only when asked. */
interface Miss {
  path: string;
  op: string;
  operand?: unknown;
  actual?: unknown;
  alternatives?: Miss[];
}

type Test = (value: unknown) => Miss | undefined;

interface CompiledFilter {
  looksIntoData: boolean;
  test: Test;
}

const compiled = new WeakMap<object, CompiledFilter>();

/** Routing's question: does the event match? */
export const filterMatches = (filter: FilterDocument, subject: FilterSubject): boolean => evaluate(filter, subject) === undefined;

/** Undefined when the event matches; otherwise the first condition it missed, in words. */
export function filterMiss(filter: FilterDocument, subject: FilterSubject): FilterMiss | undefined {
  const miss = evaluate(filter, subject);
  return miss && { path: miss.path, reason: reasonOf(miss) };
}

function evaluate(filter: FilterDocument, subject: FilterSubject): Miss | undefined {
  let f = compiled.get(filter);
  if (!f) {
    f = { looksIntoData: looksIntoData(filter), test: compileObject(filter, '') };
    compiled.set(filter, f);
  }
  // Checked before evaluating, so a filter that only says `data.x $exist false` does not match either.
  if (f.looksIntoData && subject.data === NOT_JSON) return { path: 'data', op: 'json' };
  return f.test(subject);
}

function reasonOf(miss: Miss): string {
  if (miss.op === 'json') return 'the payload is not JSON';
  if (miss.op === '$not') return 'the $not filter matched';
  if (miss.op === '$or')
    return `no $or alternative matched (${(miss.alternatives ?? []).map((m) => `${m.path}: ${reasonOf(m)}`).join('; ')})`;
  return `${show(miss.actual)} is not ${miss.op} ${show(miss.operand)}`;
}

/** Parsed once per event, and only when a filter looks into it. */
export function lazyFilterSubject(fields: Omit<FilterSubject, 'data'>, data: () => unknown): FilterSubject {
  let parsed: { value: unknown } | undefined;
  return {
    ...fields,
    get data() {
      parsed ??= { value: data() };
      return parsed.value;
    },
  };
}

/** A payload's JSON, or NOT_JSON: bytes, a content type that is not JSON, or text that does not parse. */
export function payloadJson(payload: { contentType: string; body: string; encoding: 'utf8' | 'base64' }): unknown {
  if (payload.encoding !== 'utf8' || !/[/+]json\b/i.test(payload.contentType)) return NOT_JSON;
  try {
    return JSON.parse(payload.body) as unknown;
  } catch {
    return NOT_JSON;
  }
}

function looksIntoData(node: FilterDocument): boolean {
  return Object.entries(node).some(([key, value]) => {
    if (key === '$not') return looksIntoData(value as FilterDocument);
    if (key === '$and' || key === '$or') return (value as FilterDocument[]).some(looksIntoData);
    return key.split('.')[0] === 'data';
  });
}

function compileObject(node: FilterDocument, path: string): Test {
  const tests = Object.entries(node).map(([key, value]) =>
    key.startsWith('$') ? compileOperator(key, value, path) : compileField(key, value, path),
  );
  return tests.length === 1 ? tests[0] : (value) => firstMiss(tests, value);
}

function firstMiss(tests: readonly Test[], value: unknown): Miss | undefined {
  for (const test of tests) {
    const miss = test(value);
    if (miss) return miss;
  }
  return undefined;
}

function compileField(key: string, value: unknown, path: string): Test {
  const segments = key.split('.');
  const at = path ? `${path}.${key}` : key;
  const inner = isPlainObject(value) ? compileObject(value, at) : compileOperator('$eq', value, at);
  return (subject) => inner(lookup(subject, segments));
}

/** Own fields only (never a prototype's "constructor"); a digit segment indexes an array. */
function lookup(value: unknown, segments: readonly string[]): unknown {
  let v = value;
  for (const s of segments) {
    if (Array.isArray(v) && /^\d+$/.test(s)) v = v[Number(s)];
    else if (isPlainObject(v) && Object.hasOwn(v, s)) v = v[s];
    else return undefined;
  }
  return v;
}

function compileOperator(op: string, operand: unknown, path: string): Test {
  if (LOGICAL.has(op)) return compileLogical(op, operand, path);
  const holds = predicate(op, operand);
  const at = path || '(event)';
  return (value) => (holds(value) ? undefined : { path: at, op, operand, actual: value });
}

function compileLogical(op: string, operand: unknown, path: string): Test {
  if (op === '$not') {
    const inner = compileObject(operand as FilterDocument, path);
    return (value) => (inner(value) ? undefined : { path: path || '(event)', op });
  }
  const tests = (operand as FilterDocument[]).map((f) => compileObject(f, path));
  if (op === '$and') return (value) => firstMiss(tests, value);
  return (value) => {
    const alternatives: Miss[] = [];
    for (const test of tests) {
      const miss = test(value);
      if (!miss) return undefined;
      alternatives.push(miss);
    }
    return { path: path || '(event)', op, alternatives };
  };
}

function predicate(op: string, operand: unknown): (value: unknown) => boolean {
  switch (op) {
    case '$eq':
      return (v) => jsonEqual(v, operand);
    case '$neq':
      return (v) => !jsonEqual(v, operand);
    case '$in':
      return (v) => (operand as unknown[]).some((o) => jsonEqual(v, o));
    case '$nin':
      return (v) => !(operand as unknown[]).some((o) => jsonEqual(v, o));
    case '$exist':
      return (v) => (v !== undefined) === operand;
    case '$startsWith':
      return (v) => typeof v === 'string' && v.startsWith(operand as string);
    case '$endsWith':
      return (v) => typeof v === 'string' && v.endsWith(operand as string);
    case '$contains':
      return (v) =>
        typeof v === 'string'
          ? typeof operand === 'string' && v.includes(operand)
          : Array.isArray(v) && v.some((e) => jsonEqual(e, operand));
    default:
      return ordered(op, operand as number | string);
  }
}

/** $gt $gte $lt $lte: a number with numbers, a string with strings (ISO times compare as text). */
function ordered(op: string, operand: number | string): (value: unknown) => boolean {
  const same = (v: unknown): v is typeof operand => typeof v === typeof operand;
  if (op === '$gt') return (v) => same(v) && v > operand;
  if (op === '$gte') return (v) => same(v) && v >= operand;
  if (op === '$lt') return (v) => same(v) && v < operand;
  return (v) => same(v) && v <= operand;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]));
}

function show(value: unknown): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
