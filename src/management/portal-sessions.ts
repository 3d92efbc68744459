// Portal sessions: minted by a backend with an API key, opened once by a browser. The URL carries
// a one-time code (5 minutes, single use) that the portal trades for an HttpOnly cookie; the
// cookie's token and the code are stored only as digests (src/store/portal-sessions.ts).
import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from '../base/api-error';
import type { PortalConfig } from '../config/portal';
import type { PortalSessionStore } from '../store/portal-sessions';
import type { PortalSessionRow } from '../store/tables';

export const CAPABILITIES = ['read', 'manage_endpoints', 'view_secrets', 'rotate_secrets', 'replay', 'send_test'] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CODE_TTL_MS = 5 * 60_000;
export const DEFAULT_SESSION_TTL_MS = 3_600_000;
export const MAX_SESSION_TTL_MS = 86_400_000;

export interface SessionRequest {
  ttl?: number;
  capabilities?: Capability[];
  returnUrl?: string;
}

export interface PortalSession {
  id: string;
  tenantId: string;
  capabilities: ReadonlySet<Capability>;
  expiresAt: Date;
  /** The form token of this session (derived from the cookie's token, so nothing else is stored). */
  csrf: string;
}

export type Resolved = { session: PortalSession } | { ended: 'expired' | 'revoked' | 'unknown'; returnUrl?: string };

export interface SessionDeps {
  store: PortalSessionStore;
  portal: PortalConfig;
  publicUrl: string;
  now: () => number;
}

const random = (prefix: string) => prefix + randomBytes(24).toString('base64url');

export const csrfFor = (token: string) => createHash('sha256').update(`csrf:${token}`).digest('base64url');

export async function mintSession(deps: SessionDeps, tenantId: string, input: SessionRequest, createdBy: string) {
  if (!deps.portal.enabled) throw portalDisabled();
  const now = deps.now();
  const ttl = input.ttl ?? DEFAULT_SESSION_TTL_MS;
  const code = random('pc_');
  const id = `ps_${randomBytes(8).toString('hex')}`;
  const expiresAt = new Date(now + ttl);
  await deps.store.create({
    id,
    tenantId,
    code,
    codeExpiresAt: new Date(now + Math.min(CODE_TTL_MS, ttl)),
    capabilities: [...new Set(input.capabilities ?? CAPABILITIES)],
    ...(input.returnUrl ? { returnUrl: input.returnUrl } : {}),
    createdBy,
    expiresAt,
  });
  // Expired rows are few and pruned when sessions are minted, not on a timer of their own.
  deps.store.prune(new Date(now)).catch(() => undefined);
  return { id, url: `${deps.publicUrl}${deps.portal.path}/login?code=${code}`, expiresAt: expiresAt.toISOString() };
}

/** The code traded for a cookie token, or undefined when it is unknown, used or too old. */
export async function openSession(deps: SessionDeps, code: string) {
  if (!/^pc_[A-Za-z0-9_-]{32}$/.test(code)) return undefined;
  const token = random('pt_');
  const row = await deps.store.exchange(code, token, new Date(deps.now()));
  return row ? { token, session: sessionOf(row, token) } : undefined;
}

export async function resolveSession(deps: SessionDeps, token: string | undefined): Promise<Resolved> {
  if (!token || !/^pt_[A-Za-z0-9_-]{32}$/.test(token)) return { ended: 'unknown' };
  const row = await deps.store.findByToken(token);
  if (!row) return { ended: 'unknown' };
  const returnUrl = row.return_url ?? undefined;
  if (row.revoked_at) return { ended: 'revoked', returnUrl };
  if (row.expires_at.getTime() <= deps.now()) return { ended: 'expired', returnUrl };
  return { session: sessionOf(row, token) };
}

function sessionOf(row: PortalSessionRow, token: string): PortalSession {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    capabilities: new Set(row.capabilities as Capability[]),
    expiresAt: row.expires_at,
    csrf: csrfFor(token),
  };
}

export const portalDisabled = () =>
  new ApiError(409, 'conflict', 'the tenant portal is off: set portal.enabled: true (it is on in barrage dev)');
