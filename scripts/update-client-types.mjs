#!/usr/bin/env node
// Writes src/client/api-types.ts from the OpenAPI document the receiver serves (needs `npm run
// build`). With --check it writes nothing and exits 1 when the committed file is not current
// (.ci/run runs that).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = resolve(new URL('..', import.meta.url).pathname);
const { openApiDocument } = createRequire(import.meta.url)(join(root, 'dist/src/api/routes'));
const path = join(root, 'src/client/api-types.ts');
const HEADER = '// Generated from /openapi.json by `npm run client:types` (openapi-typescript). Do not edit.\n';
// TypeScript refuses a schema that names itself through components["schemas"]; a type alias may.
const JSON_VALUE = 'export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };\n';

const ast = await openapiTS(structuredClone(openApiDocument()), { alphabetize: true, defaultNonNullable: false });
const text = astToString(ast).replace(
  /^(\s*)JsonValue: [^;]*?\{\s*\[key: string\]: components\["schemas"\]\["JsonValue"\];\s*\};/m,
  '$1JsonValue: JsonValue;',
);
if (!text.includes('JsonValue: JsonValue;')) throw new Error('the JsonValue schema changed shape: update this script');
const generated = HEADER + JSON_VALUE + text;
const committed = readFileSync(path, { encoding: 'utf8', flag: 'a+' });
if (process.argv.includes('--check')) {
  if (committed !== generated) {
    console.error('src/client/api-types.ts is not what /openapi.json generates: run npm run client:types');
    process.exit(1);
  }
  console.log('src/client/api-types.ts is current');
} else {
  writeFileSync(path, generated);
  console.log(committed === generated ? 'src/client/api-types.ts already current' : 'src/client/api-types.ts updated');
}
