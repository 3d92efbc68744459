import fc from 'fast-check';
import { filterMiss, lazyFilterSubject, NOT_JSON, payloadJson, type FilterSubject } from '../../../src/delivery/filter';
import { filterProblems, FILTER_OPERATORS } from '../../../src/delivery/filter-rules';
import { routeEvent } from '../../../src/config';
import { parseConfig } from '../../../src/config';

const order: FilterSubject = {
  type: 'order.created',
  source: 'api',
  data: { amount: 1500, currency: 'EUR', customer: { id: 'c_123', tier: 'gold' }, tags: ['vip', 'eu'], note: null },
  metadata: { region: 'eu-west' },
};

const matches = (filter: Record<string, unknown>, subject: FilterSubject = order) => filterMiss(filter, subject) === undefined;

describe('filter operators', () => {
  test.each<[string, Record<string, unknown>, boolean]>([
    ['plain value is equality', { data: { currency: 'EUR' } }, true],
    ['plain value, other', { data: { currency: 'USD' } }, false],
    ['issue example', { data: { amount: { $gte: 1000 }, currency: { $in: ['EUR', 'USD'] } } }, true],
    ['$eq', { type: { $eq: 'order.created' } }, true],
    ['$neq', { type: { $neq: 'order.created' } }, false],
    ['$neq on an absent field', { data: { missing: { $neq: 1 } } }, true],
    ['$in', { data: { currency: { $in: ['USD', 'GBP'] } } }, false],
    ['$nin', { data: { currency: { $nin: ['USD', 'GBP'] } } }, true],
    ['$nin on an absent field', { data: { missing: { $nin: ['x'] } } }, true],
    ['$gt', { data: { amount: { $gt: 1500 } } }, false],
    ['$gte', { data: { amount: { $gte: 1500 } } }, true],
    ['$lt', { data: { amount: { $lt: 2000 } } }, true],
    ['$lte', { data: { amount: { $lte: 1499 } } }, false],
    ['ordered needs the same type', { data: { amount: { $gt: '1000' } } }, false],
    ['strings compare as text', { data: { currency: { $gt: 'AAA', $lt: 'ZZZ' } } }, true],
    ['$exist true', { data: { note: { $exist: true } } }, true],
    ['$exist false', { data: { missing: { $exist: false } } }, true],
    ['$exist false on present', { data: { amount: { $exist: false } } }, false],
    ['$startsWith', { type: { $startsWith: 'order.' } }, true],
    ['$endsWith', { type: { $endsWith: '.deleted' } }, false],
    ['$contains in a string', { metadata: { region: { $contains: 'west' } } }, true],
    ['$contains in an array', { data: { tags: { $contains: 'vip' } } }, true],
    ['$contains absent element', { data: { tags: { $contains: 'us' } } }, false],
    ['nested objects', { data: { customer: { tier: 'gold' } } }, true],
    ['dotted path', { 'data.customer.id': 'c_123' }, true],
    ['array index', { 'data.tags.1': 'eu' }, true],
    ['array equality', { data: { tags: ['vip', 'eu'] } }, true],
    ['$and', { $and: [{ type: 'order.created' }, { data: { amount: { $gt: 1000 } } }] }, true],
    ['$or', { $or: [{ type: 'x' }, { data: { currency: 'EUR' } }] }, true],
    ['$or none', { $or: [{ type: 'x' }, { data: { currency: 'USD' } }] }, false],
    ['$not', { $not: { data: { currency: 'USD' } } }, true],
    ['$not inside a field', { data: { amount: { $not: { $lt: 100 } } } }, true],
    ['prototype names are not fields', { data: { constructor: { $exist: true } } }, false],
    ['source', { source: 'api' }, true],
  ])('%s', (_name, filter, expected) => {
    expect(filterProblems(filter)).toEqual([]);
    expect(matches(filter)).toBe(expected);
  });

  test('the miss says where and why', () => {
    expect(filterMiss({ data: { amount: { $gte: 2000 } } }, order)).toEqual({
      path: 'data.amount',
      reason: '1500 is not $gte 2000',
    });
    expect(filterMiss({ 'data.customer.id': 'c_9' }, order)).toEqual({
      path: 'data.customer.id',
      reason: '"c_123" is not $eq "c_9"',
    });
    expect(filterMiss({ data: { x: 1 } }, order)?.reason).toBe('absent is not $eq 1');
  });

  test('a payload that is not JSON matches only filters that do not look into data', () => {
    const text = { ...order, data: NOT_JSON };
    expect(matches({ type: 'order.created' }, text)).toBe(true);
    expect(filterMiss({ data: { x: { $exist: false } } }, text)).toEqual({ path: 'data', reason: 'the payload is not JSON' });
    expect(matches({ $or: [{ type: 'x' }, { 'data.a': 1 }] }, text)).toBe(false);
  });

  test('payloadJson reads JSON only from JSON content types', () => {
    expect(payloadJson({ contentType: 'application/json', body: '{"a":1}', encoding: 'utf8' })).toEqual({ a: 1 });
    expect(payloadJson({ contentType: 'application/cloudevents+json; charset=utf-8', body: '[1]', encoding: 'utf8' })).toEqual([
      1,
    ]);
    expect(payloadJson({ contentType: 'text/plain', body: '{"a":1}', encoding: 'utf8' })).toBe(NOT_JSON);
    expect(payloadJson({ contentType: 'application/json', body: '{nope', encoding: 'utf8' })).toBe(NOT_JSON);
    expect(payloadJson({ contentType: 'application/json', body: 'e30=', encoding: 'base64' })).toBe(NOT_JSON);
  });

  test('the payload is parsed once, and only when a filter looks into it', () => {
    let parses = 0;
    const subject = lazyFilterSubject({ type: 'order.created' }, () => {
      parses++;
      return { amount: 5 };
    });
    expect(matches({ type: 'order.created' }, subject)).toBe(true);
    expect(parses).toBe(0);
    expect(matches({ data: { amount: 5 } }, subject)).toBe(true);
    expect(matches({ data: { amount: { $lt: 9 } } }, subject)).toBe(true);
    expect(parses).toBe(1);
  });
});

describe('filter rules', () => {
  const deep = (n: number): Record<string, unknown> => (n === 0 ? { $eq: 1 } : { a: deep(n - 1) });

  test.each<[string, unknown, string, string]>([
    ['not an object', [1], '', 'a filter is a JSON object'],
    ['unknown operator', { data: { amount: { $gtx: 1 } } }, 'data.amount.$gtx', 'unknown operator $gtx'],
    ['$in needs an array', { data: { c: { $in: 'EUR' } } }, 'data.c.$in', '$in takes a non-empty array'],
    ['$gte needs a number or string', { data: { a: { $gte: [1] } } }, 'data.a.$gte', '$gte takes a number or a string'],
    ['$exist needs a boolean', { data: { a: { $exist: 'yes' } } }, 'data.a.$exist', '$exist takes true or false'],
    ['$startsWith needs a string', { type: { $startsWith: 1 } }, 'type.$startsWith', '$startsWith takes a string'],
    ['$and needs filters', { $and: [1] }, '$and', '$and takes a non-empty array of filter objects'],
    ['$or inside', { data: { $or: [{ a: { $bad: 1 } }] } }, 'data.$or.0.a.$bad', 'unknown operator $bad'],
    ['top-level field', { amount: 1 }, 'amount', "an event's fields are type, source, data, metadata"],
    ['a comparison of the whole event', { $neq: 1 }, '', '$neq compares a field: name it'],
    ['operators beside fields', { data: { a: { $eq: 1, b: 2 } } }, 'data.a', 'operators ($eq) and fields (b) in one object'],
    ['empty part', { 'data..a': 1 }, 'data..a', 'a field path has no empty parts'],
    ['too deep', { data: deep(16) }, 'data.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a', 'nested deeper than 16 levels'],
    ['too large', { data: { a: 'x'.repeat(9000) } }, '', 'a filter is at most 8192 bytes'],
  ])('%s', (_name, filter, path, message) => {
    const problems = filterProblems(filter);
    expect(problems.map((p) => ({ path: p.path.join('.'), message: p.message.slice(0, message.length) }))).toContainEqual({
      path,
      message,
    });
  });

  test('fifteen levels are fine', () => {
    expect(filterProblems({ data: deep(13) })).toEqual([]);
  });

  test('every operator is known to the rules', () => {
    expect(Object.keys(FILTER_OPERATORS).sort()).toEqual(
      [
        '$eq',
        '$neq',
        '$in',
        '$nin',
        '$gt',
        '$gte',
        '$lt',
        '$lte',
        '$exist',
        '$startsWith',
        '$endsWith',
        '$contains',
        '$and',
        '$or',
        '$not',
      ].sort(),
    );
  });
});

describe('routing with filters', () => {
  const config = parseConfig(
    JSON.stringify({
      tenants: [
        {
          id: 'acme',
          apiKeys: ['k'.repeat(32)],
          destinations: [
            { id: 'big', url: 'https://big.example/', events: ['order.*'], filter: { data: { amount: { $gte: 1000 } } } },
            { id: 'all', url: 'https://all.example/', events: ['order.*'] },
            { id: 'eu', url: 'https://eu.example/', filter: { 'metadata.region': { $startsWith: 'eu-' } } },
          ],
        },
      ],
    }),
    {},
  );
  const ids = (subject: FilterSubject) => routeEvent(config.tenants[0], subject).map((p) => p.destinationId);

  test('a destination takes an event its patterns and its filter match', () => {
    expect(ids({ type: 'order.created', data: { amount: 1200 } })).toEqual(['big', 'all']);
    expect(ids({ type: 'order.created', data: { amount: 12 }, metadata: { region: 'eu-west' } })).toEqual(['all', 'eu']);
    expect(ids({ type: 'user.created', data: NOT_JSON })).toEqual([]);
  });

  test('a config file with a bad filter names its path', () => {
    const bad = JSON.stringify({
      tenants: [
        {
          id: 'acme',
          apiKeys: ['k'.repeat(32)],
          destinations: [{ id: 'x', url: 'https://x.example/', filter: { data: { a: { $nope: 1 } } } }],
        },
      ],
    });
    expect(() => parseConfig(bad, {})).toThrow(/tenants\.0\.destinations\.0\.filter\.data\.a\.\$nope/);
  });
});

describe('hostile filters (fast-check, fixed seed)', () => {
  const KEYS = ['data', 'type', 'source', 'metadata', 'amount', 'data.a', 'a', 'a.0', '__proto__', 'constructor', '', 'x..y'];
  const OPS = [
    '$eq',
    '$neq',
    '$in',
    '$nin',
    '$gt',
    '$gte',
    '$lt',
    '$lte',
    '$exist',
    '$startsWith',
    '$endsWith',
    '$contains',
    '$and',
    '$or',
    '$not',
    '$bogus',
  ];
  const { node } = fc.letrec((tie) => ({
    node: fc.dictionary(fc.constantFrom(...KEYS, ...OPS), tie('value'), { maxKeys: 4 }),
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.jsonValue({ maxDepth: 2 }),
      tie('node'),
      fc.array(tie('node'), { maxLength: 3 }),
    ),
  }));
  const subject = fc.record({
    type: fc.constantFrom('order.created', 'x'),
    source: fc.constantFrom('api', 'src'),
    data: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(NOT_JSON)),
    metadata: fc.dictionary(fc.constantFrom('a', 'region'), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  });

  test('a filter either has problems or evaluates without throwing, on any event', () => {
    let accepted = 0;
    fc.assert(
      fc.property(node, fc.array(subject, { minLength: 1, maxLength: 3 }), (filter, subjects) => {
        // As the API receives it: JSON text, so "__proto__" is an own key.
        const doc = JSON.parse(JSON.stringify(filter)) as Record<string, unknown>;
        if (filterProblems(doc).length > 0) return;
        accepted++;
        for (const s of subjects) {
          const miss = filterMiss(doc, s);
          if (miss) expect(typeof miss.reason).toBe('string');
        }
      }),
      { seed: 20_261_205, numRuns: 2_000 },
    );
    // The generator reaches valid filters too, so evaluation really ran.
    expect(accepted).toBeGreaterThan(30);
  });
});
