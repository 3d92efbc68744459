// The route table is the one place a route is declared: the answers every route of a kind gives
// are derived from what it is, and the document's schemas come from the zod the routes validate with.
import { z } from 'zod';
import { allAnswers } from '../../../src/api/derived-answers';
import { buildOpenApiDocument } from '../../../src/api/openapi';
import { route } from '../../../src/api/route';
import { buildApi, openApiDocument } from '../../../src/api/routes';
import { components } from '../../../src/api/schemas/components';

const statuses = (r: Parameters<typeof allAnswers>[0]) => Object.keys(allAnswers(r)).map(Number).sort();

test('a keyed management route with a JSON body answers what its kind implies', () => {
  const r = route({
    method: 'post',
    path: '/v1/things/{id}',
    operationId: 'makeThing',
    summary: 'x',
    auth: 'tenant',
    database: true,
    temporal: true,
    params: z.object({ id: z.string() }),
    body: { kind: 'json', schema: 'RetryRequest', required: true },
    answers: { 201: { description: 'made' } },
    handle: () => ({ status: 201 }),
  });
  expect(statuses(r)).toEqual([201, 400, 401, 403, 408, 413, 415, 417, 431, 501, 503]);
});

test('a keyless GET without input answers only its own statuses and the server’s limits', () => {
  const r = route({
    method: 'get',
    path: '/x',
    operationId: 'x',
    summary: 'x',
    auth: 'none',
    answers: { 200: { description: 'ok', body: 'Health' } },
    handle: () => ({ status: 200 }),
  });
  expect(statuses(r)).toEqual([200, 408, 417, 431]);
});

test('a status a route declares and its kind implies too is one answer, with both reasons and codes', () => {
  const answers = allAnswers(buildApi().routes.find((r) => r.operationId === 'createEvent')!);
  expect(answers[400].codes).toEqual(expect.arrayContaining(['invalid_request', 'invalid_json', 'invalid_encoding']));
  expect(answers[400].description).toMatch(/Idempotency-Key.*; or invalid JSON/);
});

test('each route is declared once: one operation per method and path, unique operation ids', () => {
  const { routes } = buildApi();
  expect(new Set(routes.map((r) => `${r.method} ${r.path}`)).size).toBe(routes.length);
  expect(new Set(routes.map((r) => r.operationId)).size).toBe(routes.length);
});

test('the recursive JSON payload is a named component, not a nested definitions block', () => {
  const doc = openApiDocument();
  expect(JSON.stringify(doc)).not.toMatch(/#\/definitions\//);
  expect(doc.components.schemas.EventRequest).toMatchObject({
    properties: { data: { allOf: [{ $ref: '#/components/schemas/JsonValue' }] } },
  });
});

test('parameters come from the zod schemas: a defaulted query field is optional, a path field required', () => {
  const doc = buildOpenApiDocument(buildApi().routes, components());
  const list = doc.paths['/v1/events'].get as { parameters: { name: string; required: boolean; schema: object }[] };
  expect(list.parameters.find((p) => p.name === 'limit')).toMatchObject({ required: false, schema: { default: 50 } });
  expect(list.parameters.find((p) => p.name === 'cursor')?.schema).toMatchObject({ pattern: expect.any(String) });
  const get = doc.paths['/v1/events/{id}'].get as { parameters: { name: string; in: string; required: boolean }[] };
  expect(get.parameters).toEqual([expect.objectContaining({ name: 'id', in: 'path', required: true })]);
});

test('rules the server enforces are stated where a schema can state them', () => {
  type Props = { properties: Record<string, Record<string, unknown>>; required?: string[] };
  const schemas = openApiDocument().components.schemas as unknown as Record<string, Props & { anyOf: Props[] }>;
  expect(schemas.RotateRequest.properties.secret).toMatchObject({ pattern: expect.stringContaining('whsec_') });
  // One variant per destination type, each with that type's own required fields.
  const [http, sqs, kafka] = schemas.DestinationRequest.anyOf;
  expect(http.properties.secret).toMatchObject({ pattern: expect.stringContaining('whsec_') });
  expect(http.properties.events).toMatchObject({ minItems: 1, items: { minLength: 1 } });
  expect(http.properties.timeout).toMatchObject({ anyOf: [{ pattern: expect.any(String) }, { minimum: 0, maximum: 120_000 }] });
  expect(http.properties.metadata).toMatchObject({ maxProperties: 50 });
  expect([http.required, sqs.required, kafka.required]).toEqual([['url'], ['type', 'queueUrl'], ['type', 'brokers', 'topic']]);
  expect(schemas.BatchRequest.properties.events).toMatchObject({ minItems: 1, maxItems: 100 });
  // Two fields that must agree cannot be a schema: the document says so in words.
  expect(JSON.stringify(schemas.EventRequest.properties.id)).toMatch(/Idempotency-Key header is sent too, it must be the same/);
});
