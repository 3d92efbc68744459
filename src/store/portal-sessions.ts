// Tenant portal sessions. The one-time code and the cookie's token are random 192-bit strings,
// stored only as SHA-256 digests (like API keys: nothing to brute-force, so a fast hash will do).
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PortalSessionRow, Tables } from './tables';

export const digest = (value: string) => createHash('sha256').update(value).digest('hex');

export interface NewPortalSession {
  id: string;
  tenantId: string;
  code: string;
  codeExpiresAt: Date;
  capabilities: string[];
  returnUrl?: string;
  createdBy: string;
  expiresAt: Date;
}

/** Rows this long past their expiry are removed; until then an expired cookie still finds its returnUrl. */
export const KEEP_EXPIRED_MS = 86_400_000;

export function createPortalSessionStore(db: Kysely<Tables>) {
  return {
    async create(s: NewPortalSession): Promise<void> {
      await db
        .insertInto('portal_sessions')
        .values({
          id: s.id,
          tenant_id: s.tenantId,
          code_hash: digest(s.code),
          code_expires_at: s.codeExpiresAt,
          token_hash: null,
          capabilities: s.capabilities,
          return_url: s.returnUrl ?? null,
          created_by: s.createdBy,
          expires_at: s.expiresAt,
        })
        .execute();
    },

    /** Trades a live code for the token, once: a second exchange of the same code finds nothing. */
    exchange(code: string, token: string, now: Date): Promise<PortalSessionRow | undefined> {
      return db
        .updateTable('portal_sessions')
        .set({ code_hash: null, token_hash: digest(token) })
        .where('code_hash', '=', digest(code))
        .where('code_expires_at', '>', now)
        .where('expires_at', '>', now)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
    },

    /** The session a cookie names, expired or revoked ones included (the caller tells them apart). */
    findByToken(token: string): Promise<PortalSessionRow | undefined> {
      return db.selectFrom('portal_sessions').selectAll().where('token_hash', '=', digest(token)).executeTakeFirst();
    },

    /** Ends one session (signing out). */
    async revoke(id: string, now: Date): Promise<void> {
      await db
        .updateTable('portal_sessions')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .execute();
    },

    /** Ends every live session of the tenant; answers how many. */
    async revokeAll(tenantId: string, now: Date): Promise<number> {
      const rows = await db
        .updateTable('portal_sessions')
        .set({ revoked_at: now, code_hash: null })
        .where('tenant_id', '=', tenantId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('id')
        .execute();
      return rows.length;
    },

    async prune(now: Date): Promise<void> {
      await db
        .deleteFrom('portal_sessions')
        .where('expires_at', '<', new Date(now.getTime() - KEEP_EXPIRED_MS))
        .execute();
    },
  };
}

export type PortalSessionStore = ReturnType<typeof createPortalSessionStore>;
