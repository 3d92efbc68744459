// The portal's request rules: security headers on every answer, the session cookie, and for
// every state-changing request a CSRF token and an Origin of the portal's own.
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies, serialize } from 'cookie';
import type { PortalConfig } from '../config/portal';
import { KEEP_EXPIRED_MS } from '../store/portal-sessions';

export const COOKIE = 'barrage_portal';

/** Whether the portal is reached over HTTPS: behind a proxy, server.publicUrl says so. */
export const isHttps = (req: Request, publicUrl: string) => req.secure || publicUrl.startsWith('https:');

export function securityHeaders(portal: PortalConfig, publicUrl: () => string) {
  const frameAncestors = portal.frameAncestors.length ? portal.frameAncestors.join(' ') : "'none'";
  const logo = portal.brand.logoUrl ? ` ${new URL(portal.brand.logoUrl).origin}` : '';
  return (req: Request, res: Response, next: NextFunction): void => {
    res.set({
      'Content-Security-Policy':
        `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https:${logo}; ` +
        `connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors ${frameAncestors}`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
    if (!portal.frameAncestors.length) res.set('X-Frame-Options', 'DENY');
    if (isHttps(req, publicUrl())) res.set('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

export const tokenOf = (req: Request): string | undefined => parseCookies(req.get('cookie') ?? '')[COOKIE];

/**
 * The session cookie: HttpOnly, scoped to the portal's path. Framed by another site, a browser
 * sends it only as SameSite=None; Secure (and, partitioned per embedding site, CHIPS).
 */
export function sessionCookie(portal: PortalConfig, https: boolean, token: string, expiresAt: Date | undefined): string {
  const embedded = portal.frameAncestors.length > 0 && https;
  return serialize(COOKIE, token, {
    httpOnly: true,
    path: portal.path,
    sameSite: embedded ? 'none' : 'lax',
    secure: https,
    partitioned: embedded,
    // Kept by the browser as long as the row is kept, past the session's end: the server says the
    // session is over (and sends the browser to returnUrl), not a cookie that vanished at the same moment.
    ...(expiresAt ? { expires: new Date(expiresAt.getTime() + KEEP_EXPIRED_MS) } : { maxAge: 0 }),
  });
}

const sameOrigin = (value: string | undefined, allowed: string[]): boolean => {
  if (!value) return false;
  try {
    return allowed.includes(new URL(value).origin);
  } catch {
    return false;
  }
};

/** The origins a form of the portal is posted from: the host asked for, and server.publicUrl. */
function ownOrigins(req: Request, publicUrl: string): string[] {
  const origins = [`${req.protocol}://${req.get('host') ?? ''}`];
  if (URL.canParse(publicUrl)) origins.push(new URL(publicUrl).origin);
  return origins;
}

/** Why a state-changing request is refused, or undefined when its Origin and token are the session's. */
export function forgeryProblem(req: Request, publicUrl: string, csrf: string): string | undefined {
  const allowed = ownOrigins(req, publicUrl);
  const origin = req.get('origin');
  if (origin !== undefined ? !sameOrigin(origin, allowed) : !sameOrigin(req.get('referer'), allowed))
    return 'the request did not come from the portal’s own pages (Origin)';
  const sent = typeof req.body?._csrf === 'string' ? (req.body._csrf as string) : '';
  const a = Buffer.from(sent);
  const b = Buffer.from(csrf);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'the form’s token is missing or not this session’s (CSRF)';
  return undefined;
}
