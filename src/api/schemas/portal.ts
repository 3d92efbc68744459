// Shapes of the portal session routes (the portal itself is HTML, outside the route table).
import { z } from 'zod';
import { duration } from '../../base/fields';
import { CAPABILITIES, MAX_SESSION_TTL_MS } from '../../management/portal-sessions';

export const portalSessionRequestSchema = z
  .object({
    ttl: duration(
      'how long the session lasts, counted from minting (default 1h, at most 24h)',
      MAX_SESSION_TTL_MS,
      true,
    ).optional(),
    capabilities: z
      .array(z.enum(CAPABILITIES))
      .min(1)
      .max(CAPABILITIES.length)
      .optional()
      .describe(
        'what the session may do (default all): read; manage_endpoints (create, edit, pause, disable, delete); view_secrets; ' +
          'rotate_secrets; replay (bulk replay, retry, cancel); send_test. Controls it lacks are hidden and answer 403',
      ),
    returnUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe('where a browser whose session has expired or was revoked is sent (your app, to mint a new one)'),
  })
  .strict();

export const portalSessionSchema = z.object({
  id: z.string().describe('the session id (ps_…), for audit lines'),
  url: z.string().describe('open this once within 5 minutes: its one-time code becomes a cookie session'),
  expiresAt: z.string().describe('when the session ends'),
});

export const portalSessionsRevokedSchema = z.object({
  revoked: z.number().int().describe('live sessions ended (their next request shows the ended page or returnUrl)'),
});
