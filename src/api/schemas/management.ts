// Shapes of the management routes (tenants, API keys, destinations). Lists of plug-in types come
// from their registry, so a new destination type is accepted and documented without an edit here.
import { z } from 'zod';
import { CIRCUIT_STATES } from '../../protection/breaker';
import { apiId, duration, id } from '../../base/fields';
import { orList } from '../../base/plugin-union';
import { DESTINATION_PLUGINS, destinationTypes } from '../../destinations/registry';
import { retentionField, tenantDefaultsSchema, tenantSettingsSchema } from '../../config/tenant-settings';
import { apiSecret, destinationApiFields, destinationSecretField } from '../../management/destination-fields';

export const MAX_PAGE = 500;
const PAGE_CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe('page size (1–500)'),
    cursor: z
      .string()
      .regex(PAGE_CURSOR, 'the nextCursor of the previous page')
      .optional()
      .describe('the nextCursor of a previous page of this list; any other value is 400'),
  })
  .strict();

export const destinationListQuerySchema = () =>
  pageQuerySchema
    .extend({
      type: z.enum(destinationTypes()).optional().describe('only destinations of this type'),
      event: z.string().min(1).max(200).optional().describe('only destinations this event type would reach'),
      health: z
        .enum(['true', 'false'])
        .optional()
        .describe('true: each with its circuit breaker (health without deliveriesWaiting), in one database read'),
    })
    .strict();

export const tenantRequestSchema = z
  .object({
    id: id('tenant id').describe('lowercase letters, digits, - and _ (max 63): it is also the default namespace'),
    namespace: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'a Temporal namespace name: letters, digits, . _ - (max 200)')
      .optional()
      .describe('Temporal namespace (default: the tenant id)'),
    defaults: tenantDefaultsSchema
      .optional()
      .describe('what its destinations have when they set nothing: ttl, rateLimit, breaker, maxInFlight'),
  })
  .strict();

export const tenantPatchSchema = z
  .object({
    defaults: tenantDefaultsSchema
      .nullable()
      .optional()
      .describe('replaces the defaults as a whole (ttl, rateLimit, breaker, maxInFlight); null removes them'),
    operatorDestination: apiId('operatorDestination')
      .nullable()
      .optional()
      .describe(
        'a destination of this tenant that receives Barrage’s own events about it (barrage.destination.disabled); null removes it',
      ),
    retention: retentionField()
      .nullable()
      .describe('its namespace’s retention, applied to the namespace at once (1d–3650d); null: temporal.namespaceRetention'),
    requireKnownEventTypes: z
      .boolean()
      .nullable()
      .optional()
      .describe('refuse events whose type is not in its event-type catalog; null: false'),
    limits: tenantSettingsSchema.shape.limits.nullable().describe('replaces its limits as a whole; null: the hub’s'),
    portal: tenantSettingsSchema.shape.portal
      .nullable()
      .describe('its portal’s brand, field by field over the hub’s portal.brand; replaces it as a whole; null: the hub’s'),
  })
  .strict()
  .describe('settings to change; a field left out stays as it is');

export const tenantSchema = z.object({
  id: z.string(),
  namespace: z.string(),
  managedBy: z.enum(['config', 'api']),
  createdAt: z.string().optional(),
  destinations: z.number().int().describe('how many destinations it has'),
  defaults: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('what its destinations have when they set nothing (durations in milliseconds)'),
  operatorDestination: z.string().optional().describe('where Barrage’s own events about this tenant go'),
  retention: z
    .number()
    .optional()
    .describe('its namespace’s retention in milliseconds, when set for it (else temporal.namespaceRetention)'),
  requireKnownEventTypes: z.boolean().describe('events of types not in its catalog are refused'),
  limits: z.object({ maxDestinations: z.number().int().optional() }).optional().describe('its own limits'),
  portal: z
    .object({ brand: z.record(z.string(), z.string()).optional() })
    .optional()
    .describe('its own portal brand (over the hub’s)'),
});

export const tenantDeletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  namespace: z.string(),
  namespaceKept: z.literal(true),
  note: z.string(),
});

export const tenantParams = z.object({ id: z.string().describe('the tenant id') });
export const apiKeyParams = tenantParams.extend({ keyId: z.string().describe('the key id') });
export const destinationParams = z.object({ id: z.string().describe('the destination id') });

export const apiKeyRequestSchema = z.object({ name: z.string().min(1).max(200).optional() }).strict();

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  prefix: z.string().describe('the first characters of the key, to recognise it'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe('updated at most once a minute'),
});

export const createdApiKeySchema = apiKeySchema.extend({
  key: z.string().describe('the key in plain text: shown this once, stored only as a hash'),
});

export const rotateRequestSchema = z
  .object({
    secret: apiSecret().optional().describe('the new secret; generated when absent'),
    overlap: duration('how long the previous secret keeps signing (max 7d)', 7 * 86_400_000)
      .prefault('24h')
      .describe('e.g. "24h" (default), at most "7d"'),
  })
  .strict();

/**
 * A destination request: one variant per registered type (its config schema's fields, `type`
 * optional for http, the original kind), each with the API's own fields.
 */
export function destinationRequestSchema() {
  const variants = DESTINATION_PLUGINS.map((plugin) => {
    const shape = plugin.configSchema({}).shape as Record<string, z.ZodType>;
    const kind = `destination kind: ${orList(destinationTypes())} (default http)`;
    const typeField = (plugin.type === 'http' ? shape.type.optional() : shape.type).describe(kind);
    return z.object({ ...shape, type: typeField, ...destinationApiFields, secret: secretFor(shape) }).strict();
  });
  return z
    .union(variants as unknown as [z.ZodObject, ...z.ZodObject[]])
    .describe(
      'the fields of the destination’s type (`type`, default http) plus id, description, metadata, disabled; deadLetter must ' +
        'name another destination of the tenant',
    );
}

/** Only http destinations are signed: only their variant takes a secret. */
const secretFor = (shape: Record<string, z.ZodType>) => ('secret' in shape ? destinationSecretField() : z.never().optional());

/**
 * A PATCH names fields of the destination's type (or of the type it switches to); null removes an
 * optional one. One variant per type, like the request: a required field can change, not go.
 */
export function destinationPatchSchema() {
  const shapes = DESTINATION_PLUGINS.map((plugin) => {
    const { id: _, secret: __, ...shape } = plugin.configSchema({}).shape as Record<string, z.ZodType>;
    return shape;
  });
  const { id: ___, ...apiFields } = destinationApiFields;
  const variants = shapes.map((shape) => {
    const own = Object.entries(shape).map(([name, field]) => [
      name,
      field.safeParse(undefined).success ? field.nullable() : field.optional(),
    ]);
    // Changing the type removes the old type's fields: null is all another type's field may be.
    const others = shapes
      .flatMap((other) => Object.keys(other))
      .filter((name) => !(name in shape))
      .map((name) => [name, z.null().optional().describe('a field of another type: null removes it when the type changes')]);
    return z.object({ ...Object.fromEntries([...others, ...own]), ...apiFields }).strict();
  });
  return z
    .union(variants as unknown as [z.ZodObject, ...z.ZodObject[]])
    .describe(
      'fields to change, merged onto the destination: the result must be a valid destination of its type (to change ' +
        'the type, set the new type and its fields and remove the old type’s fields with null). id and secret cannot ' +
        'change here',
    );
}

export const healthSchema = z
  .object({
    state: z.enum(CIRCUIT_STATES).describe('closed: attempts go; open: they wait; half_open: a few probes decide'),
    since: z.string().optional().describe('when it entered this state (absent: it never failed)'),
    retryAt: z.string().optional().describe('open: when probing begins'),
    lastError: z.string().optional(),
    lastErrorAt: z.string().optional(),
    failures: z.number().int().describe('consecutive failed attempts counted toward opening it'),
    deliveriesWaiting: z
      .number()
      .int()
      .optional()
      .describe('deliveries to it not yet final (from Temporal visibility; absent if it did not answer)'),
  })
  .describe("the destination's circuit breaker, shared by every worker");

export const destinationSchemaOut = () =>
  z
    .object({
      id: z.string(),
      type: z.enum(destinationTypes()),
      events: z.array(z.string()),
      description: z.string(),
      metadata: z.record(z.string(), z.string()),
      disabled: z.boolean(),
      disabledAt: z
        .string()
        .optional()
        .describe('since when it is disabled (its waiting deliveries end after disabledRetention)'),
      disabledReason: z
        .string()
        .optional()
        .describe('why Barrage disabled it: HTTP 410 Gone, or its circuit open past autoDisableAfter'),
      paused: z.boolean().describe('attempts wait (no attempt used) until resumed; new events still match'),
      managedBy: z.enum(['config', 'api']),
      createdAt: z.string().optional(),
      updatedAt: z.string().optional(),
      health: healthSchema
        .optional()
        .describe('in GET /v1/destinations/{id}, pause/resume answers, and lists asked with ?health=true'),
      warnings: z
        .array(z.string())
        .optional()
        .describe('what looks wrong but is allowed: an events pattern that matches no type of a non-empty event-type catalog'),
    })
    .catchall(z.unknown())
    .describe('the destination with its type settings; credentials shown as "[redacted]", never the signing secret');

export const secretsSchema = z.object({
  id: z.string(),
  secrets: z.array(
    z.object({
      id: z.string(),
      secret: z.string(),
      createdAt: z.string().optional(),
      expiresAt: z.string().optional().describe('when it stops signing (set while a rotation overlaps)'),
    }),
  ),
});

export const testSentSchema = z.object({ id: z.string().describe('the test event id'), destination: z.string() });

/** A list answer: one page and the cursor of the next, if there is one. */
export const pageOf = <T extends z.ZodType>(key: string, item: T) =>
  z.object({ [key]: z.array(item), nextCursor: z.string().optional() });
