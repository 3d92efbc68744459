// The tenant portal's settings (src/portal/): where the receiver serves it, who may frame it, and
// how it looks. A tenant's brand (tenants[].portal.brand, or PATCH /v1/tenants/{id}) overrides the hub's.
import { z } from 'zod';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
/** The receiver's own paths: a portal there would answer in their place. */
const RESERVED = ['/v1', '/metrics', '/healthz', '/livez', '/readyz', '/openapi.json'];

export const brandSchema = z
  .object({
    name: z.string().min(1).max(80).optional().describe('shown in the page header and title (default Barrage)'),
    logoUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe('an http(s) image shown beside the name (the portal’s CSP allows https images and this origin)'),
    primaryColor: z
      .string()
      .regex(HEX_COLOR, 'a colour like #1f6feb')
      .optional()
      .describe('buttons, the header rule and the current tab, as #rrggbb'),
    theme: z.enum(['light', 'dark', 'auto']).optional().describe('light, dark, or auto (the browser’s setting; default)'),
  })
  .strict();

export type Brand = z.output<typeof brandSchema>;

/** A page origin allowed to frame the portal: scheme, host and port, nothing else. */
const frameOrigin = z
  .string()
  .regex(
    /^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?$/,
    'an origin like https://app.example.com',
  );

export const portalSchema = z
  .object({
    enabled: z
      .boolean()
      .optional()
      .describe('serve the tenant portal on the receiver (default: on in barrage dev, off in barrage start); needs the database'),
    path: z
      .string()
      .regex(/^\/[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'a path like /portal')
      .refine(
        (p) => !RESERVED.some((r) => p === r || p.startsWith(`${r}/`)),
        'a path of the API (/v1, /metrics, /healthz, /livez, /readyz)',
      )
      .default('/portal')
      .describe('where the receiver serves it (not under a path of the API)'),
    frameAncestors: z
      .array(frameOrigin)
      .max(50)
      .default([])
      .describe(
        'origins whose pages may embed the portal in an iframe (CSP frame-ancestors; default none). Embedding from another ' +
          'site needs HTTPS: its session cookie is then SameSite=None; Secure; Partitioned',
      ),
    brand: brandSchema.prefault({}).describe('name, logo, colour and theme of every tenant’s portal'),
  })
  .strict()
  .prefault({})
  .describe('the tenant portal (docs/PORTAL.md)');

export type PortalConfig = z.output<typeof portalSchema>;
