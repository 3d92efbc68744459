// /openapi.json, generated from the route table and the zod schemas the routes validate with.
import { z } from 'zod';
import { VERSION } from '../version';
import { allAnswers } from './derived-answers';
import type { Answer, Route } from './route';
import { componentSchemas, type Components } from './schemas/components';

const SECURITY: Record<Route['auth'], object[] | undefined> = {
  tenant: [{ apiKey: [] }],
  admin: [{ adminKey: [] }],
  adminOrTenant: [{ adminKey: [] }, { apiKey: [] }],
  source: undefined,
  none: undefined,
};

export function buildOpenApiDocument(routes: readonly Route[], schemas: Components) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) (paths[r.path] ??= {})[r.method] = operation(r);
  return {
    openapi: '3.0.3',
    info: { title: 'Barrage', version: VERSION, description: 'Callback hub on Temporal' },
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: "a tenant API key: every tenant route (events, destinations, the tenant's own keys)",
        },
        adminKey: { type: 'http', scheme: 'bearer', description: 'a key from security.adminApiKeys' },
      },
      schemas: componentSchemas(schemas),
    },
    paths,
  };
}

function operation(r: Route) {
  const security = SECURITY[r.auth];
  const parameters = [...parametersOf(r.params, 'path'), ...parametersOf(r.headers, 'header'), ...parametersOf(r.query, 'query')];
  return {
    operationId: r.operationId,
    summary: r.summary,
    ...(r.description ? { description: r.description } : {}),
    ...(security ? { security } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...requestBody(r),
    responses: Object.fromEntries(
      Object.entries(allAnswers(r)).map(([status, answer]) => [status, response(Number(status), answer)]),
    ),
  };
}

function parametersOf(schema: z.ZodObject | undefined, where: 'path' | 'query' | 'header') {
  if (!schema) return [];
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    in: where,
    required: where === 'path' || !field.safeParse(undefined).success,
    ...(field.description ? { description: field.description } : {}),
    schema: z.toJSONSchema(field, { target: 'openapi-3.0', unrepresentable: 'any', io: 'input' }),
  }));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function requestBody(r: Route) {
  const { body } = r;
  if (!body) return {};
  if (body.kind === 'raw') {
    const content = { '*/*': { schema: { type: 'string', format: 'binary' } } };
    return { requestBody: { required: true, description: body.description, content } };
  }
  return { requestBody: { required: body.required, content: { 'application/json': { schema: ref(body.schema) } } } };
}

function response(status: number, answer: Answer) {
  const codes = answer.codes ? { 'x-error-codes': answer.codes } : {};
  if (status >= 400) {
    // Every 503 says when to come back (api/errors.ts sets it).
    const retryAfter = { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } };
    const headers = status === 503 ? { headers: retryAfter } : {};
    return { description: answer.description, ...headers, content: { 'application/json': { schema: ref('Error') } }, ...codes };
  }
  if (answer.body === 'text')
    return { description: answer.description, content: { 'text/plain': { schema: { type: 'string' } } } };
  if (answer.body === 'json') return { description: answer.description, content: { 'application/json': { schema: {} } } };
  if (answer.body) return { description: answer.description, content: { 'application/json': { schema: ref(answer.body) } } };
  return { description: answer.description };
}
