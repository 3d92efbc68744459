// POST /v1/deliveries: one payload to one URL, with its own retry and dead letter, nothing
// registered first. Shapes here; the URL, headers and retry are checked by the http destination
// schema itself (src/ingest/one-off.ts), so a one-off takes what a destination takes.
import { z } from 'zod';
import { apiId, duration, retrySchema } from '../../base/fields';
import { eventType, jsonValueSchema } from './events';

const targetSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .meta({ pattern: '^https?://' })
      .describe('http(s) URL; user:password in it is sent as Basic auth'),
    headers: z.record(z.string(), z.string()).optional().describe('request headers (sealed: never shown or logged)'),
    timeout: duration('per attempt (default 30s)').optional(),
  })
  .strict();

const payloadSchema = z
  .object({
    body: z.string().describe('the bytes to send: text, or base64 with encoding "base64"'),
    contentType: z.string().min(1).max(200).optional().describe('default text/plain (utf8) or application/octet-stream (base64)'),
    encoding: z.enum(['utf8', 'base64']).optional().describe('how body is written (default utf8)'),
  })
  .strict();

const common = {
  id: apiId('id').optional().describe('the event id: the dedupe key, sent as webhook-id (Idempotency-Key also works)'),
  type: eventType.optional().describe('the event type it is recorded and searchable under (default "delivery")'),
  to: targetSchema.describe('where to POST it'),
  retry: retrySchema.optional().describe('backoff between attempts (default: a destination’s default)'),
  deadLetter: z
    .union([apiId('destination'), targetSchema])
    .optional()
    .describe('where it goes when retries run out: a registered destination id, or another { url, headers?, timeout? }'),
};

/** `data` (JSON) or `payload` (bytes as given): one of the two, which the union states. */
export const deliveryRequestSchema = z.union([
  z
    .object({ ...common, data: jsonValueSchema.describe('the payload as JSON') })
    .strict()
    .describe('a JSON payload'),
  z
    .object({ ...common, payload: payloadSchema.describe('the payload as given bytes') })
    .strict()
    .describe('a payload of other bytes'),
]);

export type DeliveryRequest = z.output<typeof deliveryRequestSchema>;
