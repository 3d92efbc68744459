// The http source's settings: POST /v1/sources/{id}, verified as configured.
import { z } from 'zod';
import { fixedEventType, steering } from '../fields';
import { id, jsonPath, secretRef, webhookSecret, type Env } from '../../base/fields';

const extractor = z.union([z.object({ header: z.string().min(1) }).strict(), z.object({ jsonPath }).strict()]);

export const httpSourceSchema = (env: Env) =>
  z
    .object({
      id: id('source id').describe('globally unique: the URL is POST /v1/sources/{id}'),
      type: z.literal('http').describe('source kind: http (default), sqs or kafka'),
      eventType: z.union([extractor, z.object({ fixed: fixedEventType }).strict()]).describe('where the event type comes from'),
      idempotencyKey: extractor
        .optional()
        .describe('where the dedupe key comes from; none (or absent from the request) → every call is new; blank → 400'),
      ...steering,
      verify: z
        .discriminatedUnion('type', [
          z
            .object({
              type: z.literal('hmac-sha256'),
              header: z.string().min(1),
              secret: secretRef(env),
              encoding: z.enum(['base64', 'hex']).default('base64').describe('how the header encodes the HMAC'),
            })
            .strict(),
          z
            .object({ type: z.literal('standard-webhooks'), secret: z.union([webhookSecret(env), z.array(webhookSecret(env))]) })
            .strict(),
        ])
        .optional()
        .describe('signature check; omitted → the URL must carry ?token=<token>'),
      token: secretRef(env).optional().describe('the ?token= value an unsigned source must carry (required without verify)'),
    })
    .strict()
    // A tenant API key in a third party's URL would hand it full access: unsigned sources get
    // a token of their own.
    .refine((s) => s.verify !== undefined || s.token !== undefined, {
      message: 'a source without verify needs its own token (it is checked as ?token= on the source URL)',
      path: ['token'],
    });

/** What this type's settings are once parsed (the config file's and the API's alike). */
export type HttpSourceConfig = z.output<ReturnType<typeof httpSourceSchema>>;
