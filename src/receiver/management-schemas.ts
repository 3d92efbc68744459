// Shapes of the management routes (tenants, API keys, destinations); the routes validate with
// these and /openapi.json is generated from them.
import { z } from 'zod';
import { apiId, duration, id, webhookSecret } from '../config/fields';

const API_ENV = {};
export const MAX_PAGE = 500;

export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).describe('page size (1–500)'),
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/, 'the nextCursor of the previous page')
      .optional(),
  })
  .strict();

export const destinationListQuerySchema = pageQuerySchema
  .extend({
    type: z.enum(['http', 'sqs', 'kafka']).optional().describe('only destinations of this type'),
    event: z.string().min(1).max(200).optional().describe('only destinations this event type would reach'),
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
  })
  .strict();

export const tenantSchema = z.object({
  id: z.string(),
  namespace: z.string(),
  managedBy: z.enum(['config', 'api']),
  createdAt: z.string().optional(),
  destinations: z.number().int().describe('how many destinations it has'),
});

export const tenantDeletedSchema = z.object({
  id: z.string(),
  deleted: z.literal(true),
  namespace: z.string(),
  namespaceKept: z.literal(true),
  note: z.string(),
});

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

/** The fields the API adds to a config-file destination; the rest are checked by the config schema. */
export const destinationApiFields = {
  id: apiId('destination id').optional().describe('unique in the tenant; generated (dst_…) when absent'),
  description: z.string().max(1000).optional(),
  metadata: z
    .record(z.string().max(100), z.string().max(1000))
    .refine((m) => Object.keys(m).length <= 50, 'at most 50 entries')
    .optional()
    .describe('string map, stored and shown as given'),
  disabled: z.boolean().optional().describe('a disabled destination is not matched for new events'),
};

export const destinationSecretField = webhookSecret(API_ENV)
  .optional()
  .describe('Standard Webhooks signing secret (http); generated when absent');

export const rotateRequestSchema = z
  .object({
    secret: webhookSecret(API_ENV).optional().describe('the new secret; generated when absent'),
    overlap: duration('how long the previous secret keeps signing (max 7d)', 7 * 86_400_000)
      .prefault('24h')
      .describe('e.g. "24h" (default), at most "7d"'),
  })
  .strict();

export const destinationSchemaOut = z
  .object({
    id: z.string(),
    type: z.enum(['http', 'sqs', 'kafka']),
    events: z.array(z.string()),
    description: z.string(),
    metadata: z.record(z.string(), z.string()),
    disabled: z.boolean(),
    managedBy: z.enum(['config', 'api']),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
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
