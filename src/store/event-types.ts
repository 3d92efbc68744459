// A tenant's event-type catalog. Every change bumps the registry version, so every receiver
// validates against the new schema within a second, as with destinations.
import { sql, type Kysely } from 'kysely';
import { LimitReachedError } from './errors';
import type { EventTypeRow, Tables } from './tables';
import { bumpVersion } from './version';

export interface EventTypeFields {
  description: string;
  /** JSON values; undefined: none. */
  schema?: unknown;
  example?: unknown;
  deprecated: boolean;
}

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export function createEventTypeStore(db: Kysely<Tables>) {
  return {
    all(): Promise<EventTypeRow[]> {
      return db.selectFrom('event_types').selectAll().orderBy('tenant_id').orderBy('name').execute();
    },

    /** Undefined when the name is taken; LimitReachedError past `room` types for the tenant. */
    async create(tenantId: string, name: string, fields: EventTypeFields, room: number): Promise<EventTypeRow | undefined> {
      return db.transaction().execute(async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`barrage.event_types.${tenantId}`}))`.execute(tx);
        const count = await tx
          .selectFrom('event_types')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('tenant_id', '=', tenantId)
          .executeTakeFirstOrThrow();
        if (Number(count.n) >= room) throw new LimitReachedError('limits.maxEventTypesPerTenant reached');
        const row = await tx
          .insertInto('event_types')
          .values({
            tenant_id: tenantId,
            name,
            description: fields.description,
            schema: json(fields.schema),
            example: json(fields.example),
            deprecated: fields.deprecated,
          })
          .onConflict((c) => c.doNothing())
          .returningAll()
          .executeTakeFirst();
        if (row) await bumpVersion(tx);
        return row;
      });
    },

    /** Replaces the fields whole (the service merged the patch); undefined when there is no such type. */
    async update(tenantId: string, name: string, fields: EventTypeFields): Promise<EventTypeRow | undefined> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('event_types')
          .set({
            description: fields.description,
            schema: json(fields.schema),
            example: json(fields.example),
            deprecated: fields.deprecated,
            updated_at: sql`now()`,
          })
          .where('tenant_id', '=', tenantId)
          .where('name', '=', name)
          .returningAll()
          .executeTakeFirst();
        if (row) await bumpVersion(tx);
        return row;
      });
    },

    /** A catalog entry holds no delivery: it is removed, not kept. False when there was none. */
    async delete(tenantId: string, name: string): Promise<boolean> {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .deleteFrom('event_types')
          .where('tenant_id', '=', tenantId)
          .where('name', '=', name)
          .returning('name')
          .executeTakeFirst();
        if (row) await bumpVersion(tx);
        return row !== undefined;
      });
    },
  };
}
