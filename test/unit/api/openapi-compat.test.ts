// Nothing public changes: the document the route table generates keeps every path, method,
// status, parameter and schema property of the one served before it (test/fixtures/openapi), and
// still validates with the maintained OpenAPI validator. Additions are fine.
import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../../../src/api/routes';
import { openApiFacts } from '../../helpers/openapi-facts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'openapi', name), 'utf8')) as Parameters<
    typeof openApiFacts
  >[0];

/**
 * Lines the old document stated that were never true, each with the reason. A client loses
 * nothing by them: no request ever got these answers or was taken with these fields.
 */
const CORRECTIONS: { match: RegExp; why: string }[] = [
  {
    match: /^request PATCH \/v1\/destinations\/\{id\} application\/json\.(id|secret)$/,
    why: 'PATCH refused a different id and any secret (400): an id never changes, a secret is rotated',
  },
  {
    match: /^(status|response) (GET|DELETE) \S+ 413\b/,
    why: 'only POST, PUT and PATCH are refused over their declared length; GET and DELETE read no body',
  },
  {
    match: /^(status|response) POST \/v1\/events\/batch 503\b/,
    why: 'a batch answers Temporal trouble per item (503 inside the 207), never for the whole request',
  },
  {
    match: /^(status|response) \S+ \/v1\/tenants\/\{id\}\/api-keys\S* 403\b/,
    why: 'the key routes take an admin key or the tenant’s own: a wrong kind of key cannot be refused as such',
  },
];
const corrected = (fact: string) => CORRECTIONS.some((c) => c.match.test(fact));

test.each(['v0.1.0.json'])('the document keeps everything %s stated', (name) => {
  const now = openApiFacts(openApiDocument() as never);
  const missing = [...openApiFacts(fixture(name))].filter((fact) => !now.has(fact) && !corrected(fact));
  expect(missing).toEqual([]);
});

test('every correction removes lines the old document had', () => {
  const now = openApiFacts(openApiDocument() as never);
  const removed = [...openApiFacts(fixture('v0.1.0.json'))].filter((fact) => !now.has(fact));
  for (const { match } of CORRECTIONS) expect([String(match), removed.some((f) => match.test(f))]).toEqual([String(match), true]);
});

test('it is a valid OpenAPI 3.0 document in which every $ref resolves', async () => {
  // The validator dereferences in place, so it gets a copy.
  await expect(SwaggerParser.validate(structuredClone(openApiDocument()) as never)).resolves.toBeDefined();
});
