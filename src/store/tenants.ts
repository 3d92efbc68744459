// Tenants in the registry. Deleting one keeps its row (and its Temporal namespace and histories):
// it stops accepting and being served, and its id cannot be reused by someone else.
import type { Kysely } from 'kysely';
import type { NewTenant, Tables, Tenant } from './tables';
import { sql } from 'kysely';
import { ConflictError, LimitReachedError } from './errors';
import { softDelete } from './soft-delete';
import { bumpVersion } from './version';

export class TenantExistsError extends ConflictError {}

export function createTenantStore(db: Kysely<Tables>) {
  return {
    /** `room` is how many API tenants there may be (limits.maxTenants less the config's tenants). */
    async create(tenant: Pick<NewTenant, 'id' | 'namespace' | 'managed_by' | 'settings'>, room = Infinity): Promise<Tenant> {
      return db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtext('barrage.tenants'))`.execute(tx);
        const count = await tx
          .selectFrom('tenants')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= room) throw new LimitReachedError('limits.maxTenants reached');
        const row = await tx
          .insertInto('tenants')
          .values(tenant)
          .onConflict((c) => c.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!row) throw new TenantExistsError(`tenant ${tenant.id} or namespace ${tenant.namespace} exists`);
        await bumpVersion(tx);
        return row;
      });
    },

    /** Live tenants, every one: what the in-memory registry is built from. */
    all(): Promise<Tenant[]> {
      return db.selectFrom('tenants').selectAll().where('deleted_at', 'is', null).orderBy('id').execute();
    },

    get(id: string): Promise<Tenant | undefined> {
      return db.selectFrom('tenants').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    },

    /** Oldest first, from after `cursor` (a tenant id). */
    list(options: { limit: number; after?: string }): Promise<Tenant[]> {
      let query = db.selectFrom('tenants').selectAll().where('deleted_at', 'is', null);
      if (options.after !== undefined) query = query.where('id', '>', options.after);
      return query.orderBy('id').limit(options.limit).execute();
    },

    /**
     * Changes a live tenant's settings in one statement, so two changes at once both apply: `set`
     * replaces those keys, `remove` drops those. False when there is no such tenant.
     */
    async patchSettings(id: string, set: Record<string, unknown>, remove: string[]): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const patched = sql<string>`(coalesce(settings, '{}'::jsonb) - ${sql.val(remove)}::text[]) || ${JSON.stringify(set)}::jsonb`;
        const row = await tx
          .updateTable('tenants')
          .set({ settings: patched })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (row) await bumpVersion(tx);
        return row !== undefined;
      });
    },

    /** False when there was no such live tenant. Its keys stop working with it. */
    delete(id: string): Promise<boolean> {
      return softDelete(db, {
        table: 'tenants',
        where: { id },
        cascade: (tx, _row, at) =>
          tx
            .updateTable('api_keys')
            .set({ revoked_at: at })
            .where('tenant_id', '=', id)
            .where('revoked_at', 'is', null)
            .execute(),
      });
    },
  };
}

export type TenantStore = ReturnType<typeof createTenantStore>;
