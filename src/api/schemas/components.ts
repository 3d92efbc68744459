// The named schemas of the OpenAPI document: every route refers to its bodies and answers by
// these names, and the typed client's `Schemas[...]` are the same names. Built on demand, because
// some depend on the plug-in registries.
import { z } from 'zod';
import {
  acceptedSchema,
  attemptsResponseSchema,
  batchRequestSchema,
  batchResponseSchema,
  cancelResponseSchema,
  errorSchema,
  eventListSchema,
  eventPayloadSchema,
  eventRequestSchema,
  eventStatusSchema,
  jsonValueSchema,
  retryRequestSchema,
  retryResponseSchema,
} from './events';
import { deliveryRequestSchema } from './deliveries';
import { filterTestRequestSchema, filterTestSchema } from './filters';
import { eventTypePatchSchema, eventTypeRequestSchema, eventTypeSchema } from './event-types';
import { destinationStatsSchema, tenantStatsSchema } from './stats';
import { replayListSchema, replayPreviewSchema, replayRequestSchema, replaySchema } from './replays';
import { erasureRequestSchema, erasureSchema } from './erasures';
import { portalSessionRequestSchema, portalSessionSchema, portalSessionsRevokedSchema } from './portal';
import {
  apiKeyRequestSchema,
  apiKeySchema,
  createdApiKeySchema,
  destinationPatchSchema,
  destinationRequestSchema,
  destinationSchemaOut,
  pageOf,
  rotateRequestSchema,
  secretsSchema,
  tenantDeletedSchema,
  tenantRequestSchema,
  tenantPatchSchema,
  tenantSchema,
  testSentSchema,
} from './management';

export function components() {
  const destination = destinationSchemaOut();
  return {
    answers: {
      Accepted: acceptedSchema,
      BatchResponse: batchResponseSchema,
      EventStatus: eventStatusSchema,
      EventList: eventListSchema,
      Attempts: attemptsResponseSchema,
      RetryResponse: retryResponseSchema,
      CancelResponse: cancelResponseSchema,
      Error: errorSchema,
      Tenant: tenantSchema,
      TenantList: pageOf('tenants', tenantSchema),
      TenantDeleted: tenantDeletedSchema,
      ApiKey: apiKeySchema,
      CreatedApiKey: createdApiKeySchema,
      ApiKeyList: pageOf('apiKeys', apiKeySchema),
      Destination: destination,
      DestinationList: pageOf('destinations', destination),
      Secrets: secretsSchema,
      TestSent: testSentSchema,
      FilterTest: filterTestSchema,
      EventType: eventTypeSchema,
      EventTypeList: pageOf('eventTypes', eventTypeSchema),
      DestinationStats: destinationStatsSchema,
      TenantStats: tenantStatsSchema,
      Replay: replaySchema,
      ReplayList: replayListSchema,
      ReplayPreview: replayPreviewSchema,
      Erasure: erasureSchema,
      EventPayload: eventPayloadSchema,
      PortalSession: portalSessionSchema,
      PortalSessionsRevoked: portalSessionsRevokedSchema,
      Health: z.object({ status: z.string().describe('ok (live) or ready') }),
    },
    /** Described as clients send them: a field with a default may be left out. */
    requests: {
      EventRequest: eventRequestSchema,
      DeliveryRequest: deliveryRequestSchema,
      BatchRequest: batchRequestSchema,
      RetryRequest: retryRequestSchema,
      TenantRequest: tenantRequestSchema,
      TenantPatch: tenantPatchSchema,
      ApiKeyRequest: apiKeyRequestSchema,
      DestinationRequest: destinationRequestSchema(),
      DestinationPatch: destinationPatchSchema(),
      RotateRequest: rotateRequestSchema,
      FilterTestRequest: filterTestRequestSchema,
      EventTypeRequest: eventTypeRequestSchema,
      EventTypePatch: eventTypePatchSchema,
      ReplayRequest: replayRequestSchema,
      ErasureRequest: erasureRequestSchema,
      PortalSessionRequest: portalSessionRequestSchema,
    },
  };
}

export type Components = ReturnType<typeof components>;
export type AnswerName = keyof Components['answers'];
export type RequestName = keyof Components['requests'];
export type RequestOf<N extends RequestName> = z.output<Components['requests'][N]>;

/** The components section of the document: requests as input shapes, answers as output shapes. */
export function componentSchemas(all: Components = components()): Record<string, unknown> {
  // JsonValue is referenced from both sides; it is the same either way.
  const answers = schemasOf({ JsonValue: jsonValueSchema, ...all.answers }, 'output');
  const requests = schemasOf({ JsonValue: jsonValueSchema, ...all.requests }, 'input');
  return { ...answers, ...requests };
}

function schemasOf(named: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'openapi-3.0',
    unrepresentable: 'any',
    io,
    uri: (id) => `#/components/schemas/${id}`,
  });
  // OpenAPI 3.0 schema objects have no $id.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $id: _, ...schema }]) => [id, schema]));
}
