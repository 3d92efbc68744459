import SwaggerParser from '@apidevtools/swagger-parser';
import { openApiDocument } from '../../../src/receiver/openapi';

describe('/openapi.json', () => {
  test('is a valid OpenAPI 3.0 document in which every $ref resolves', async () => {
    // The validator dereferences in place, so it gets a copy.
    await expect(SwaggerParser.validate(structuredClone(openApiDocument()) as never)).resolves.toBeDefined();
  });

  test('the recursive JSON payload is a named component, not a nested definitions block', () => {
    const doc = openApiDocument();
    expect(JSON.stringify(doc)).not.toMatch(/#\/definitions\//);
    expect(doc.components.schemas.EventRequest).toMatchObject({
      properties: { data: { allOf: [{ $ref: '#/components/schemas/JsonValue' }] } },
    });
  });

  test.each([
    ['/v1/events', 'post', [200, 202, 400, 401, 408, 413, 415, 417, 431, 503]],
    ['/v1/events', 'get', [200, 400, 401, 408, 417, 431, 503]],
    ['/v1/events/batch', 'post', [207, 400, 401, 408, 413, 415, 417, 431, 503]],
    ['/v1/events/{id}', 'get', [200, 400, 401, 404, 408, 417, 431, 503]],
    ['/v1/events/{id}/attempts', 'get', [200, 400, 401, 404, 408, 417, 431, 503]],
    ['/v1/events/{id}/retry', 'post', [202, 400, 401, 404, 408, 413, 415, 417, 431, 503]],
    ['/v1/events/{id}/cancel', 'post', [202, 400, 401, 404, 408, 409, 413, 417, 431, 503]],
    ['/v1/sources/{sourceId}', 'post', [200, 202, 400, 401, 404, 408, 413, 415, 417, 431, 503]],
  ])('%s %s declares %j', (path, method, statuses) => {
    const operation = (openApiDocument().paths as Record<string, Record<string, { responses: object }>>)[path][method];
    expect(Object.keys(operation.responses).map(Number).sort()).toEqual(statuses);
  });
});
