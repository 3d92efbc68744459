// The typed client is checked against the OpenAPI document: its types are generated from it
// (.ci/run checks the committed file is current: scripts/update-client-types.mjs --check), and
// every path and method the document has is in them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBarrageClient } from '../../../src/client';
import { openApiDocument } from '../../../src/api/routes';

test('every path and method of /openapi.json is in the client types', () => {
  const types = readFileSync(join(__dirname, '..', '..', '..', 'src', 'client', 'api-types.ts'), 'utf8');
  for (const [path, operations] of Object.entries(openApiDocument().paths)) {
    const start = types.indexOf(`    "${path}": {`);
    expect([path, start >= 0]).toEqual([path, true]);
    const block = types.slice(start, types.indexOf('\n    };\n', start));
    for (const method of Object.keys(operations))
      expect([path, method, new RegExp(`\n {8}${method}: (\\{|operations\\[)`).test(block)]).toEqual([path, method, true]);
  }
});

test('the client sends the key as a bearer token to the base URL', async () => {
  const seen: Request[] = [];
  const client = createBarrageClient({
    baseUrl: 'http://127.0.0.1:1/',
    apiKey: 'k1',
    fetch: async (req: Request) => {
      seen.push(req);
      return new Response(JSON.stringify({ status: 'ok' }), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  const { data } = await client.GET('/livez');
  expect(data).toEqual({ status: 'ok' });
  expect(seen.map((r) => [r.url, r.headers.get('authorization')])).toEqual([['http://127.0.0.1:1/livez', 'Bearer k1']]);
});
