// The fields the API adds to a config-file destination (the rest are its type's config schema).
// The service validates with them and the API documents them: both import them from here.
import { z } from 'zod';
import { apiId } from '../base/fields';
import { ONE_OFF_DEAD_LETTER_ID, ONE_OFF_TARGET_ID } from '../contracts';
import { isValidSecret } from '../delivery/signature';

/** "whsec_" + base64 of at least 16 bytes, as a pattern a document can state. */
const WHSEC = /^whsec_[A-Za-z0-9+/]{22,}={0,2}$/;
const SECRET_RULE = 'must be a Standard Webhooks secret: "whsec_" + base64 of at least 16 bytes';

const RESERVED_RULE = `"${ONE_OFF_TARGET_ID}" and "${ONE_OFF_DEAD_LETTER_ID}" name one-off deliveries (POST /v1/deliveries)`;

export const apiSecret = () => z.string().regex(WHSEC, SECRET_RULE).refine(isValidSecret, SECRET_RULE);

export const destinationApiFields = {
  id: apiId('destination id')
    .refine((id) => id !== ONE_OFF_TARGET_ID && id !== ONE_OFF_DEAD_LETTER_ID, RESERVED_RULE)
    .optional()
    .describe(`unique in the tenant; generated (dst_…) when absent; not "${ONE_OFF_TARGET_ID}" or "${ONE_OFF_DEAD_LETTER_ID}"`),
  description: z.string().max(1000).optional(),
  metadata: z
    .record(z.string().max(100), z.string().max(1000))
    .refine((m) => Object.keys(m).length <= 50, 'at most 50 entries')
    .meta({ maxProperties: 50 })
    .optional()
    .describe('string map, stored and shown as given'),
  disabled: z.boolean().optional().describe('a disabled destination is not matched for new events'),
};

export const destinationSecretField = () =>
  apiSecret().optional().describe('Standard Webhooks signing secret (http); generated when absent');
