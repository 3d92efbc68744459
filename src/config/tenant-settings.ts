// A tenant's settings beside its destinations: defaults for them, retention, limits and the
// catalog rule. Config-file tenants and tenants made through the API (the tenants.settings column)
// take the same ones.
import { z } from 'zod';
import { apiId, duration, positiveDuration } from '../base/fields';
import { rateLimitSchema } from '../destinations/delivery-fields';
import { breakerSchema } from '../protection/breaker';
import { brandSchema } from './portal';

/** A tenant's defaults for its destinations; tenants made through the API take the same. */
export const tenantDefaultsSchema = z
  .object({
    ttl: positiveDuration('for destinations without their own ttl'),
    rateLimit: rateLimitSchema.optional().describe('for destinations without their own rateLimit'),
    breaker: breakerSchema.optional().describe('for destinations without their own breaker'),
    maxInFlight: z.number().int().min(1).max(10_000).optional().describe('for destinations without their own maxInFlight'),
  })
  .strict();

/** Temporal keeps closed workflows at least a day; a year and more is an archive's job. */
const MAX_RETENTION_MS = 3650 * 86_400_000;
export const retentionField = () =>
  duration('its namespace’s retention: how long finished events stay visible and deduplicated (1d–3650d)', MAX_RETENTION_MS)
    .refine((ms) => ms >= 86_400_000, 'must be at least 1d (Temporal’s minimum)')
    .optional();

/** Settings a tenant has wherever it is defined (config file or API). */
export const tenantOptions = {
  retention: retentionField(),
  requireKnownEventTypes: z
    .boolean()
    .optional()
    .describe('refuse events whose type is not in its event-type catalog (400 unknown_event_type); default false'),
  limits: z
    .object({
      maxDestinations: z
        .number()
        .int()
        .min(1)
        .max(100_000)
        .optional()
        .describe('its destinations, instead of limits.maxDestinationsPerTenant'),
    })
    .strict()
    .optional()
    .describe('limits of this tenant, instead of the hub’s'),
  portal: z
    .object({ brand: brandSchema.optional().describe('instead of the hub’s portal.brand, field by field') })
    .strict()
    .optional()
    .describe('its tenant portal'),
};

/** What a tenant made through the API keeps besides its id and namespace (the tenants.settings column). */
export const tenantSettingsSchema = z
  .object({
    defaults: tenantDefaultsSchema.optional(),
    operatorDestination: apiId('operatorDestination').optional(),
    ...tenantOptions,
  })
  .strict();
