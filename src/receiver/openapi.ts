// /openapi.json, generated from the same zod schemas the routes validate with. The schemas are
// named components, so references (the recursive JSON value among them) resolve.
import { VERSION } from '../version';
import { eventPaths } from './openapi-events';
import { managementPaths } from './openapi-management';
import { componentSchemas } from './openapi-schemas';

export function openApiDocument() {
  return {
    openapi: '3.0.3',
    info: { title: 'Barrage', version: VERSION, description: 'Callback hub on Temporal' },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'a tenant API key' },
        adminKey: { type: 'http', scheme: 'bearer', description: 'a key from security.adminApiKeys' },
      },
      schemas: componentSchemas(),
    },
    paths: { ...eventPaths, ...managementPaths },
  };
}
