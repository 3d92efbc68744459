// Destinations managed through the API, and their signing secrets (sealed; see secret-box.ts).
// Deleting one keeps its row (so pending deliveries can tell "deleted" from "never existed") and
// drops its secrets.
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ConflictError, LimitReachedError } from './errors';
import type { SecretBox } from './secret-box';
import type { DestinationRow, DestinationSecretRow, Tables } from './tables';
import { softDelete } from './soft-delete';
import { bumpVersion } from './version';

export interface DestinationFields {
  spec: Record<string, unknown>;
  description: string;
  metadata: Record<string, string>;
  disabled: boolean;
}

export interface NewDestination extends DestinationFields {
  tenantId: string;
  id: string;
  /** The signing secret (http destinations). */
  secret?: string;
}

export interface OpenedSecret {
  id: string;
  secret: string;
  createdAt: Date;
  expiresAt: Date | null;
}

const newId = (prefix: string) => `${prefix}${randomBytes(10).toString('hex')}`;

export function createDestinationStore(db: Kysely<Tables>, box: SecretBox) {
  const live = (tenantId: string) =>
    db.selectFrom('destinations').selectAll().where('tenant_id', '=', tenantId).where('deleted_at', 'is', null);

  return {
    /** `room` is how many more this tenant may have here (the limit less its config destinations). */
    async create(input: NewDestination, room: number): Promise<DestinationRow> {
      return db.transaction().execute(async (tx) => {
        await lockTenant(tx, input.tenantId);
        const count = await tx
          .selectFrom('destinations')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('tenant_id', '=', input.tenantId)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= room) throw new LimitReachedError('limits.maxDestinationsPerTenant reached');
        const taken = await tx
          .selectFrom('destinations')
          .select('pk')
          .where('tenant_id', '=', input.tenantId)
          .where('id', '=', input.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (taken) throw new ConflictError(`destination ${input.id} exists`);
        const row = await tx
          .insertInto('destinations')
          .values({
            pk: newId('dpk_'),
            tenant_id: input.tenantId,
            id: input.id,
            spec: JSON.stringify(input.spec),
            description: input.description,
            metadata: JSON.stringify(input.metadata),
            disabled: input.disabled,
            disabled_at: input.disabled ? new Date() : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        if (input.secret !== undefined) await addSecret(tx, box, row.pk, input.secret);
        await bumpVersion(tx);
        return row;
      });
    },

    get(tenantId: string, id: string): Promise<DestinationRow | undefined> {
      return live(tenantId).where('id', '=', id).executeTakeFirst();
    },

    /** Every live destination, every tenant: what the in-memory registry is built from. */
    all(): Promise<DestinationRow[]> {
      return db
        .selectFrom('destinations')
        .selectAll()
        .where('deleted_at', 'is', null)
        .orderBy('tenant_id')
        .orderBy('id')
        .execute();
    },

    /** Ids of deleted destinations per tenant that no live one has taken again. */
    async deletedIds(): Promise<{ tenant_id: string; id: string }[]> {
      return db
        .selectFrom('destinations as d')
        .select(['d.tenant_id', 'd.id'])
        .distinct()
        .where('d.deleted_at', 'is not', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('destinations as l')
                .select('l.pk')
                .whereRef('l.tenant_id', '=', 'd.tenant_id')
                .whereRef('l.id', '=', 'd.id')
                .where('l.deleted_at', 'is', null),
            ),
          ),
        )
        .execute();
    },

    async update(tenantId: string, id: string, fields: DestinationFields): Promise<DestinationRow | undefined> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('destinations')
          .set({
            spec: JSON.stringify(fields.spec),
            description: fields.description,
            metadata: JSON.stringify(fields.metadata),
            disabled: fields.disabled,
            // Kept while it stays disabled (its retention counts from then); cleared when enabled.
            disabled_at: fields.disabled ? sql<Date>`coalesce(disabled_at, now())` : null,
            disabled_reason: fields.disabled ? sql<string | null>`disabled_reason` : null,
            updated_at: new Date(),
          })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .returningAll()
          .executeTakeFirst();
        if (row) await bumpVersion(tx);
        return row;
      });
    },

    /** Disables an enabled destination with a reason; false when it was not live and enabled (someone else did it). */
    async disable(tenantId: string, id: string, reason: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('destinations')
          .set({ disabled: true, disabled_at: new Date(), disabled_reason: reason, updated_at: new Date() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .where('disabled', '=', false)
          .returning('pk')
          .executeTakeFirst();
        if (row) await bumpVersion(tx);
        return row !== undefined;
      });
    },

    /** False when the tenant has no such live destination. Its secrets go with it. */
    delete(tenantId: string, id: string): Promise<boolean> {
      return softDelete(db, {
        table: 'destinations',
        where: { tenant_id: tenantId, id },
        cascade: (tx, row) => tx.deleteFrom('destination_secrets').where('destination_pk', '=', row.pk).execute(),
      });
    },

    /**
     * Secrets still signing at `now`, newest first, opened. `known` holds secrets opened before, by
     * id (a secret never changes): a reload decrypts only the new ones.
     */
    async secrets(pks: string[], now: Date, known?: ReadonlyMap<string, string>): Promise<Map<string, OpenedSecret[]>> {
      const byPk = new Map<string, OpenedSecret[]>();
      if (pks.length === 0) return byPk;
      const rows = await db
        .selectFrom('destination_secrets')
        .selectAll()
        .where('destination_pk', 'in', pks)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      for (const row of rows) {
        const list = byPk.get(row.destination_pk) ?? [];
        list.push(opened(box, row, known?.get(row.id)));
        byPk.set(row.destination_pk, list);
      }
      return byPk;
    },

    /** The new secret signs at once; the ones signing now keep signing until `now + overlapMs`. */
    async rotate(pk: string, secret: string, overlapMs: number, now: Date): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const until = new Date(now.getTime() + overlapMs);
        await tx.deleteFrom('destination_secrets').where('destination_pk', '=', pk).where('expires_at', '<=', now).execute();
        await tx
          .updateTable('destination_secrets')
          .set({ expires_at: until })
          .where('destination_pk', '=', pk)
          .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', until)]))
          .execute();
        await addSecret(tx, box, pk, secret);
        await tx.updateTable('destinations').set({ updated_at: now }).where('pk', '=', pk).execute();
        await bumpVersion(tx);
      });
    },
  };
}

export type DestinationStore = ReturnType<typeof createDestinationStore>;

/** Creates in one tenant queue up, so two at once cannot both take the last place under the limit. */
async function lockTenant(tx: Transaction<Tables>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`barrage.destinations:${tenantId}`}))`.execute(tx);
}

async function addSecret(tx: Transaction<Tables>, box: SecretBox, pk: string, secret: string): Promise<void> {
  const id = newId('sec_');
  await tx
    .insertInto('destination_secrets')
    .values({ id, destination_pk: pk, sealed: box.seal(secret, id) })
    .execute();
}

function opened(box: SecretBox, row: DestinationSecretRow, known?: string): OpenedSecret {
  return { id: row.id, secret: known ?? box.open(row.sealed, row.id), createdAt: row.created_at, expiresAt: row.expires_at };
}
