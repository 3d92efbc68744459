// Tenant API keys: shown once when created, stored only as a SHA-256 hash (the keys are random
// 192-bit strings, so a fast hash is enough: there is nothing to brute-force), found by that hash.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiKey, Tables } from './tables';
import { softDelete } from './soft-delete';
import { bumpVersion } from './version';

const KEY_PREFIX = 'bk_';
const PREFIX_SHOWN = 10;

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

export interface CreatedApiKey {
  /** The only time the key is available in plain text. */
  key: string;
  record: ApiKey;
}

export function createApiKeyStore(db: Kysely<Tables>) {
  return {
    async create(tenantId: string, name?: string): Promise<CreatedApiKey> {
      const key = KEY_PREFIX + randomBytes(24).toString('base64url');
      const row = {
        id: `key_${randomBytes(8).toString('hex')}`,
        tenant_id: tenantId,
        name: name ?? null,
        prefix: key.slice(0, PREFIX_SHOWN),
        hash: hashApiKey(key),
      };
      const record = await db.transaction().execute(async (tx) => {
        const inserted = await tx.insertInto('api_keys').values(row).returningAll().executeTakeFirstOrThrow();
        await bumpVersion(tx);
        return inserted;
      });
      return { key, record };
    },

    /** Live keys of every tenant: the registry authenticates from these in memory. */
    all(): Promise<ApiKey[]> {
      return db.selectFrom('api_keys').selectAll().where('revoked_at', 'is', null).execute();
    },

    list(tenantId: string): Promise<ApiKey[]> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** The live key with this plain-text value, if any. */
    findByKey(key: string): Promise<ApiKey | undefined> {
      return db
        .selectFrom('api_keys')
        .selectAll()
        .where('hash', '=', hashApiKey(key))
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    /** False when the tenant has no such live key. */
    revoke(tenantId: string, keyId: string): Promise<boolean> {
      return softDelete(db, { table: 'api_keys', where: { id: keyId, tenant_id: tenantId } });
    },

    /** Last-used times are written at most once a minute per key, never on every request. */
    async touch(keyId: string, now: Date): Promise<void> {
      const minuteAgo = new Date(now.getTime() - 60_000);
      await db
        .updateTable('api_keys')
        .set({ last_used_at: now })
        .where('id', '=', keyId)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', minuteAgo)]))
        .execute();
    },
  };
}

export type ApiKeyStore = ReturnType<typeof createApiKeyStore>;
