// The management paths of the OpenAPI document: tenants and keys (admin), destinations (tenant).
import { bodyErrors, error, json, pathParam, transport } from './openapi-parts';

const admin = [{ adminKey: [] }];
const tenantKey = [{ apiKey: [] }];
const adminOrTenant = [{ adminKey: [] }, { apiKey: [] }];
const pageParams = [
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
  { name: 'cursor', in: 'query', required: false, schema: { type: 'string' }, description: 'nextCursor of the previous page' },
];
const managed = {
  401: error('missing or unknown key'),
  403: error('the wrong kind of key (a tenant key on an admin route, or the reverse)'),
  501: error('no database: set database.url (database_required)'),
  ...transport,
};
const noBody = { 400: error('malformed path'), 413: error('a declared body over server.maxBodyBytes') };
const readOnly = error('defined in the config file (managed_by_config), or another conflict');

export const managementPaths = {
  '/v1/tenants': {
    post: {
      summary: 'Create a tenant: its Temporal namespace is registered and served within seconds',
      security: admin,
      requestBody: { required: true, ...json('TenantRequest') },
      responses: {
        201: { description: 'created', ...json('Tenant') },
        ...bodyErrors('invalid JSON or an invalid tenant'),
        409: error('id or namespace taken (conflict, managed_by_config) or limits.maxTenants reached (limit_reached)'),
        503: error('Temporal unreachable'),
        ...managed,
      },
    },
    get: {
      summary: 'Every tenant, config-file ones included',
      security: admin,
      parameters: pageParams,
      responses: { 200: { description: 'a page', ...json('TenantList') }, 400: error('invalid query'), ...managed },
    },
  },
  '/v1/tenants/{id}': {
    get: {
      summary: 'One tenant',
      security: admin,
      parameters: [pathParam('id')],
      responses: { 200: { description: 'the tenant', ...json('Tenant') }, ...noBody, 404: error('unknown tenant'), ...managed },
    },
    delete: {
      summary: 'Stop accepting and serving a tenant; its namespace and histories are kept',
      security: admin,
      parameters: [pathParam('id')],
      responses: {
        200: { description: 'deleted', ...json('TenantDeleted') },
        ...noBody,
        404: error('unknown tenant'),
        409: readOnly,
        ...managed,
      },
    },
  },
  '/v1/tenants/{id}/api-keys': {
    post: {
      summary: 'Create an API key: shown in plain text this once',
      security: adminOrTenant,
      parameters: [pathParam('id')],
      requestBody: { required: false, ...json('ApiKeyRequest') },
      responses: {
        201: { description: 'created', ...json('CreatedApiKey') },
        ...bodyErrors('invalid JSON or request'),
        404: error('unknown tenant (or another tenant’s)'),
        409: readOnly,
        ...managed,
      },
    },
    get: {
      summary: "A tenant's live keys (never the keys themselves)",
      security: adminOrTenant,
      parameters: [pathParam('id'), ...pageParams],
      responses: { 200: { description: 'a page', ...json('ApiKeyList') }, ...noBody, 404: error('unknown tenant'), ...managed },
    },
  },
  '/v1/tenants/{id}/api-keys/{keyId}': {
    delete: {
      summary: 'Revoke a key: refused everywhere within a second',
      security: adminOrTenant,
      parameters: [pathParam('id'), pathParam('keyId')],
      responses: { 204: { description: 'revoked' }, ...noBody, 404: error('unknown tenant or key'), 409: readOnly, ...managed },
    },
  },
  '/v1/destinations': {
    post: {
      summary: 'Create a destination; every receiver and worker uses it within a second',
      security: tenantKey,
      requestBody: { required: true, ...json('DestinationRequest') },
      responses: {
        201: { description: 'created (no secret in the answer: GET …/secret)', ...json('Destination') },
        ...bodyErrors('invalid JSON or destination; destination_not_allowed for a private URL'),
        409: error('id taken (conflict, managed_by_config) or limits.maxDestinationsPerTenant reached (limit_reached)'),
        ...managed,
      },
    },
    get: {
      summary: "The tenant's destinations, config-file ones included",
      security: tenantKey,
      parameters: [
        ...pageParams,
        { name: 'type', in: 'query', required: false, schema: { type: 'string', enum: ['http', 'sqs', 'kafka'] } },
        {
          name: 'event',
          in: 'query',
          required: false,
          schema: { type: 'string' },
          description: 'destinations this event type reaches',
        },
      ],
      responses: { 200: { description: 'a page', ...json('DestinationList') }, 400: error('invalid query'), ...managed },
    },
  },
  '/v1/destinations/{id}': {
    get: {
      summary: 'One destination',
      security: tenantKey,
      parameters: [pathParam('id')],
      responses: {
        200: { description: 'the destination', ...json('Destination') },
        ...noBody,
        404: error('unknown destination'),
        ...managed,
      },
    },
    patch: {
      summary: 'Change fields (null removes one); the next attempt of deliveries in flight uses them',
      security: tenantKey,
      parameters: [pathParam('id')],
      requestBody: { required: true, ...json('DestinationRequest') },
      responses: {
        200: { description: 'updated', ...json('Destination') },
        ...bodyErrors('invalid JSON or destination'),
        404: error('unknown destination'),
        409: readOnly,
        ...managed,
      },
    },
    delete: {
      summary: 'Delete; its pending deliveries end cancelled ("destination deleted")',
      security: tenantKey,
      parameters: [pathParam('id')],
      responses: { 204: { description: 'deleted' }, ...noBody, 404: error('unknown destination'), 409: readOnly, ...managed },
    },
  },
  '/v1/destinations/{id}/secret': {
    get: {
      summary: 'The signing secrets in use and when each expires',
      security: tenantKey,
      parameters: [pathParam('id')],
      responses: {
        200: { description: 'secrets', ...json('Secrets') },
        ...noBody,
        404: error('unknown destination'),
        409: error('not an http destination'),
        ...managed,
      },
    },
  },
  '/v1/destinations/{id}/secret/rotate': {
    post: {
      summary: 'A new secret signs at once; the previous ones also sign until the overlap ends',
      security: tenantKey,
      parameters: [pathParam('id')],
      requestBody: { required: false, ...json('RotateRequest') },
      responses: {
        200: { description: 'the secrets now in use', ...json('Secrets') },
        ...bodyErrors('invalid JSON, secret or overlap'),
        404: error('unknown destination'),
        409: error('config-file or not an http destination'),
        ...managed,
      },
    },
  },
  '/v1/destinations/{id}/test': {
    post: {
      summary: 'Send a signed barrage.test event to this destination through the normal path',
      security: tenantKey,
      parameters: [pathParam('id')],
      responses: {
        202: { description: 'accepted', ...json('TestSent') },
        ...noBody,
        404: error('unknown destination'),
        503: error('Temporal unreachable'),
        ...managed,
      },
    },
  },
};
