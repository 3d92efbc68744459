import { NOT_JSON } from '../../../src/delivery/filter';
import { catalogRejection } from '../../../src/event-types/check';
import { compileSchema, valueProblems } from '../../../src/event-types/schemas';
import type { CatalogType } from '../../../src/event-types/types';

const ORDER = {
  type: 'object',
  required: ['amount', 'currency'],
  properties: {
    amount: { type: 'number', minimum: 0 },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    email: { type: 'string', format: 'email' },
    items: { type: 'array', items: { type: 'object', required: ['sku'] } },
  },
};

const compiled = (schema: unknown) => {
  const result = compileSchema(schema);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.validate;
};

describe('event-type schemas (JSON Schema 2020-12, Ajv)', () => {
  test('a value that meets the schema has no problems; one that does not, each at its JSON pointer', () => {
    const validate = compiled(ORDER);
    expect(valueProblems(validate, { amount: 5, currency: 'EUR' })).toEqual([]);
    const problems = valueProblems(validate, { amount: -1, currency: 'euro', email: 'nope', items: [{}] });
    expect(problems.map((p) => p.path).sort()).toEqual(['data/amount', 'data/currency', 'data/email', 'data/items/0']);
    expect(problems.find((p) => p.path === 'data/amount')).toMatchObject({ pointer: '/amount', message: 'must be >= 0' });
    expect(valueProblems(validate, {})).toEqual([
      expect.objectContaining({ pointer: '/', message: "must have required property 'amount'" }),
      expect.objectContaining({ pointer: '/', message: "must have required property 'currency'" }),
    ]);
  });

  test('2020-12 keywords work (prefixItems, $defs, unevaluatedProperties)', () => {
    const validate = compiled({
      $defs: { code: { type: 'string' } },
      type: 'object',
      properties: { pair: { prefixItems: [{ $ref: '#/$defs/code' }, { type: 'number' }] } },
      unevaluatedProperties: false,
    });
    expect(valueProblems(validate, { pair: ['a', 1] })).toEqual([]);
    expect(valueProblems(validate, { pair: [1, 'a'] }).length).toBe(2);
    expect(valueProblems(validate, { pair: ['a', 1], extra: true })).toEqual([
      expect.objectContaining({ message: 'must NOT have unevaluated properties' }),
    ]);
  });

  test.each<[string, unknown, RegExp]>([
    ['not an object', [1], /is an object/],
    ['an unknown type', { type: 'integerish' }, /must be equal to one of the allowed values|must match/],
    ['a bad $ref', { $ref: '#/$defs/nowhere' }, /can't resolve reference/],
    ['too large', { description: 'x'.repeat(70_000) }, /at most 65536 bytes/],
    ['a backreference (RE2 has none)', { type: 'string', pattern: '(a)\\1' }, /.+/],
    [
      'a $ref to the root (recursion)',
      { type: 'object', properties: { a: { $ref: '#' } } },
      /recursive schemas are not supported/,
    ],
    [
      'a $defs cycle',
      { $defs: { a: { anyOf: [{ $ref: '#/$defs/b' }] }, b: { properties: { x: { $ref: '#/$defs/a' } } } }, $ref: '#/$defs/a' },
      /recursive schemas are not supported/,
    ],
    ['a $dynamicRef', { $dynamicAnchor: 'n', properties: { a: { $dynamicRef: '#n' } } }, /recursive/],
    [
      'uniqueItems over objects',
      { type: 'array', uniqueItems: true, items: { type: 'object' } },
      /uniqueItems needs items of one scalar type/,
    ],
  ])('%s is refused with a message', (_name, schema, message) => {
    const result = compileSchema(schema);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  test('a pattern that backtracks for ever on native RegExp runs on RE2 and answers', () => {
    const validate = compiled({ type: 'string', pattern: '^(a+)+$' });
    expect(valueProblems(validate, `${'a'.repeat(5_000)}!`)).toHaveLength(1);
    expect(valueProblems(validate, 'aaaa')).toEqual([]);
  });

  test('non-recursive $defs and uniqueItems over strings are fine', () => {
    const validate = compiled({
      $defs: { code: { type: 'string' }, pair: { type: 'array', items: { $ref: '#/$defs/code' } } },
      type: 'object',
      properties: { tags: { type: 'array', uniqueItems: true, items: { type: 'string' } }, p: { $ref: '#/$defs/pair' } },
    });
    expect(valueProblems(validate, { tags: ['a', 'b'], p: ['x'] })).toEqual([]);
    expect(valueProblems(validate, { tags: ['a', 'a'] })).toHaveLength(1);
  });

  test('each pattern of a schema is its own (Ajv keys them by their text)', () => {
    const validate = compiled({
      type: 'object',
      properties: { a: { type: 'string', pattern: '^x' }, b: { type: 'string', pattern: '^y' } },
    });
    expect(valueProblems(validate, { a: 'x1', b: 'y1' })).toEqual([]);
    expect(valueProblems(validate, { a: 'y1', b: 'x1' }).map((p) => p.pointer)).toEqual(['/a', '/b']);
  });

  test('many problems are capped, with a count of the rest', () => {
    const validate = compiled({ type: 'array', items: { type: 'string' } });
    const problems = valueProblems(
      validate,
      Array.from({ length: 50 }, (_, i) => i),
    );
    expect(problems).toHaveLength(21);
    expect(problems[20].message).toBe('and 30 more');
  });
});

describe('the catalog at acceptance', () => {
  const type = (schema?: unknown): CatalogType => ({
    name: 'order.created',
    description: '',
    deprecated: false,
    createdAt: '',
    updatedAt: '',
    ...(schema ? { schema, validate: compiled(schema) } : {}),
  });
  const tenant = (require: boolean, schema?: unknown) => ({
    eventTypes: new Map([['order.created', type(schema)]]),
    requireKnownEventTypes: require,
  });

  test('an unknown type passes unless the tenant requires known types', () => {
    expect(catalogRejection(tenant(false), 'user.created', () => ({}))).toBeUndefined();
    expect(catalogRejection(tenant(true), 'user.created', () => ({}))).toMatchObject({ code: 'unknown_event_type' });
    expect(catalogRejection({}, 'user.created', () => ({}))).toBeUndefined();
  });

  test('a type with a schema checks data; without one, or with data that meets it, it passes', () => {
    let reads = 0;
    expect(catalogRejection(tenant(true), 'order.created', () => reads++)).toBeUndefined();
    expect(reads).toBe(0);
    expect(catalogRejection(tenant(false, ORDER), 'order.created', () => ({ amount: 1, currency: 'USD' }))).toBeUndefined();
    expect(catalogRejection(tenant(false, ORDER), 'order.created', () => ({ amount: 'x', currency: 'USD' }))).toMatchObject({
      code: 'schema_mismatch',
      details: [expect.objectContaining({ path: 'data/amount', pointer: '/amount' })],
    });
    expect(catalogRejection(tenant(false, ORDER), 'order.created', () => NOT_JSON)).toMatchObject({
      code: 'schema_mismatch',
      details: [{ path: 'data', message: expect.stringContaining('not JSON') }],
    });
  });
});
