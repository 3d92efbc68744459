// The http destination's settings.
import { z } from 'zod';
import { webhookSecret, type Env } from '../../base/fields';
import { deliveryFields } from '../delivery-fields';

export const httpDestinationSchema = (env: Env) =>
  z
    .object({
      ...deliveryFields,
      type: z.literal('http').describe('destination kind: http (default), sqs or kafka'),
      url: z
        .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
        .meta({ pattern: '^https?://' })
        .describe('where deliveries are POSTed; user:password in it is sent as Basic auth'),
      secret: z
        .union([webhookSecret(env), z.array(webhookSecret(env)).min(1)])
        .optional()
        .describe('Standard Webhooks signing secret; a list signs with each while rotating'),
      headers: z.record(z.string(), z.string()).default({}).describe('extra request headers'),
    })
    .strict()
    .superRefine(checkUrlCredentials);

/** user:password in the URL is sent as Basic auth; it must decode, and not compete with a header. */
function checkUrlCredentials(d: { url: string; headers: Record<string, string> }, ctx: z.RefinementCtx): void {
  // The url field reports an unparseable URL itself; zod still runs this check.
  if (typeof d.url !== 'string' || !URL.canParse(d.url)) return;
  const url = new URL(d.url);
  if (!url.username && !url.password) return;
  try {
    decodeURIComponent(url.username + url.password);
  } catch {
    ctx.addIssue({ code: 'custom', path: ['url'], message: 'the credentials in the URL are not valid percent-encoding' });
  }
  if (Object.keys(d.headers).some((h) => h.toLowerCase() === 'authorization')) {
    ctx.addIssue({
      code: 'custom',
      path: ['headers'],
      message: 'the URL carries credentials (sent as Basic auth) and headers set Authorization too: keep one',
    });
  }
}

/** What this type's settings are once parsed (the config file's and the API's alike). */
export type HttpDestinationConfig = z.output<ReturnType<typeof httpDestinationSchema>>;
