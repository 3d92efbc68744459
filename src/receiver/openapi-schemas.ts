// The named schemas of the OpenAPI document: components every path refers to by name.
import { z } from 'zod';
import {
  acceptedSchema,
  batchRequestSchema,
  batchResponseSchema,
  attemptsResponseSchema,
  cancelResponseSchema,
  errorSchema,
  eventRequestSchema,
  eventListSchema,
  eventStatusSchema,
  jsonValueSchema,
  retryRequestSchema,
  retryResponseSchema,
} from './schemas';
import {
  apiKeyRequestSchema,
  apiKeySchema,
  createdApiKeySchema,
  destinationApiFields,
  destinationSchemaOut,
  pageOf,
  rotateRequestSchema,
  secretsSchema,
  tenantDeletedSchema,
  tenantRequestSchema,
  tenantSchema,
  testSentSchema,
} from './management-schemas';

/**
 * A destination request for the document: the config file's destination fields (any of the three
 * types, told apart by `type`) plus the API's own. The route checks it with the config schema.
 */
const destinationRequestSchema = z
  .object({
    type: z.enum(['http', 'sqs', 'kafka']).default('http'),
    events: z.array(z.string()).optional(),
    url: z.string().optional().describe('http: where deliveries are POSTed'),
    headers: z.record(z.string(), z.string()).optional(),
    timeout: z.union([z.string(), z.number()]).optional().describe('e.g. "10s"'),
    retry: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('initialInterval, backoffCoefficient, maximumInterval, maximumAttempts, jitter, horizon'),
    deadLetter: z.string().optional(),
    secret: z.string().optional().describe('http: whsec_… (generated when absent)'),
    ...destinationApiFields,
  })
  .catchall(z.unknown())
  .describe(
    'the fields a config-file destination has (sqs: queueUrl…, kafka: brokers, topic…), plus id, description, metadata, disabled, secret',
  );

export const named = {
  JsonValue: jsonValueSchema,
  EventRequest: eventRequestSchema,
  Accepted: acceptedSchema,
  BatchRequest: batchRequestSchema,
  BatchResponse: batchResponseSchema,
  EventStatus: eventStatusSchema,
  EventList: eventListSchema,
  Attempts: attemptsResponseSchema,
  RetryRequest: retryRequestSchema,
  RetryResponse: retryResponseSchema,
  CancelResponse: cancelResponseSchema,
  Error: errorSchema,
  TenantRequest: tenantRequestSchema,
  Tenant: tenantSchema,
  TenantList: pageOf('tenants', tenantSchema),
  TenantDeleted: tenantDeletedSchema,
  ApiKeyRequest: apiKeyRequestSchema,
  ApiKey: apiKeySchema,
  CreatedApiKey: createdApiKeySchema,
  ApiKeyList: pageOf('apiKeys', apiKeySchema),
  DestinationRequest: destinationRequestSchema,
  Destination: destinationSchemaOut,
  DestinationList: pageOf('destinations', destinationSchemaOut),
  Secrets: secretsSchema,
  RotateRequest: rotateRequestSchema,
  TestSent: testSentSchema,
} as const;
export type Name = keyof typeof named;

/** Request bodies are described as clients send them: a field with a default may be left out. */
const REQUESTS = new Set<Name>([
  'EventRequest',
  'BatchRequest',
  'RetryRequest',
  'TenantRequest',
  'ApiKeyRequest',
  'DestinationRequest',
  'RotateRequest',
]);

export function componentSchemas(): Record<string, unknown> {
  const entries = Object.entries(named) as [Name, z.ZodType][];
  const requests = schemasOf(
    entries.filter(([id]) => id === 'JsonValue' || REQUESTS.has(id)),
    'input',
  );
  const answers = schemasOf(
    entries.filter(([id]) => !REQUESTS.has(id)),
    'output',
  );
  return { ...answers, ...requests };
}

function schemasOf(entries: [Name, z.ZodType][], io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    io,
    uri: (id) => `#/components/schemas/${id}`,
  });
  // OpenAPI 3.0 schema objects have no $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, schema]));
}
