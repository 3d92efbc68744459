// Versioned migrations, in code so they ship in dist/ and run the same on PostgreSQL and PGlite.
// Kysely's Migrator takes a PostgreSQL advisory lock, so processes starting together apply each
// migration once. A migration, once released, is never edited: add the next one.
import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from 'kysely';

const migrations: Record<string, Migration> = {
  '0001_registry': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('namespace', 'text', (c) => c.notNull().unique())
        .addColumn('managed_by', 'text', (c) => c.notNull().defaultTo('api'))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('deleted_at', 'timestamptz')
        .execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('name', 'text')
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('last_used_at', 'timestamptz')
        .addColumn('revoked_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('api_keys_tenant').on('api_keys').column('tenant_id').execute();
      await db.schema
        .createTable('registry_version')
        .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
      await sql`insert into registry_version (id, version) values (1, 0)`.execute(db);
    },
  },
  '0002_destinations': {
    async up(db: Kysely<unknown>) {
      // `pk` is the row; `id` is the tenant's name for it, reusable once the row is deleted.
      await db.schema
        .createTable('destinations')
        .addColumn('pk', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('spec', 'jsonb', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('metadata', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
        .addColumn('disabled', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('deleted_at', 'timestamptz')
        .execute();
      await sql`create unique index destinations_live_id on destinations (tenant_id, id) where deleted_at is null`.execute(db);
      await db.schema
        .createTable('destination_secrets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('destination_pk', 'text', (c) => c.notNull().references('destinations.pk'))
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('destination_secrets_destination').on('destination_secrets').column('destination_pk').execute();
    },
  },
  '0003_destination_health': {
    async up(db: Kysely<unknown>) {
      // Keyed by the tenant's destination id, not the row: config-file destinations have health too.
      await db.schema
        .createTable('destination_health')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('health', 'jsonb', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('destination_health_pk', ['tenant_id', 'destination_id'])
        .execute();
      // When and why a destination was disabled: its waiting deliveries end after disabledRetention.
      await db.schema.alterTable('destinations').addColumn('disabled_at', 'timestamptz').execute();
      await db.schema.alterTable('destinations').addColumn('disabled_reason', 'text').execute();
      await sql`update destinations set disabled_at = updated_at where disabled`.execute(db);
      // One row per attempt in flight to a destination with maxInFlight; expires if its worker dies.
      await db.schema
        .createTable('destination_leases')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('destination_leases_key')
        .on('destination_leases')
        .columns(['tenant_id', 'destination_id'])
        .execute();
    },
  },
  '0004_tenant_settings': {
    async up(db: Kysely<unknown>) {
      // defaults and operatorDestination of tenants made through the API (config-file ones have the file).
      await db.schema.alterTable('tenants').addColumn('settings', 'jsonb').execute();
    },
  },
  '0005_destination_tokens': {
    async up(db: Kysely<unknown>) {
      // rateLimit.burst's bucket per destination (src/protection/tokens.ts).
      await db.schema
        .createTable('destination_tokens')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('tokens', 'float8', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addPrimaryKeyConstraint('destination_tokens_pk', ['tenant_id', 'destination_id'])
        .execute();
    },
  },
  '0006_tenant_secrets': {
    async up(db: Kysely<unknown>) {
      // The secrets that sign a tenant's one-off deliveries (POST /v1/deliveries), rotated like a
      // destination's. By tenant id: config-file tenants have no row in tenants.
      await db.schema
        .createTable('tenant_secrets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('sealed', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('tenant_secrets_tenant').on('tenant_secrets').column('tenant_id').execute();
    },
  },
  '0007_event_types': {
    async up(db: Kysely<unknown>) {
      // A tenant's event-type catalog (GET /v1/event-types): names, JSON Schemas events of the
      // type must meet, examples. By tenant id, so config-file tenants have one too.
      await db.schema
        .createTable('event_types')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('schema', 'jsonb')
        .addColumn('example', 'jsonb')
        .addColumn('deprecated', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('event_types_pk', ['tenant_id', 'name'])
        .execute();
    },
  },
  '0008_destination_stats': {
    async up(db: Kysely<unknown>) {
      // Per-destination attempt counts and latency sketches per minute and per hour (GET
      // …/stats): aggregates the workers add to in batches, never a copy of a delivery.
      await db.schema
        .createTable('destination_stats')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('granularity', 'text', (c) => c.notNull())
        .addColumn('bucket', 'timestamptz', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('delivered', 'integer', (c) => c.notNull())
        .addColumn('failed', 'integer', (c) => c.notNull())
        .addColumn('latency', sql`integer[]`, (c) => c.notNull())
        .addPrimaryKeyConstraint('destination_stats_pk', ['tenant_id', 'destination_id', 'granularity', 'bucket'])
        .execute();
      await db.schema.createIndex('destination_stats_age').on('destination_stats').columns(['granularity', 'bucket']).execute();
      await db.schema
        .createTable('destination_last_attempts')
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('at', 'timestamptz', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addPrimaryKeyConstraint('destination_last_attempts_pk', ['tenant_id', 'destination_id'])
        .execute();
    },
  },
  '0009_portal_sessions': {
    async up(db: Kysely<unknown>) {
      // Tenant portal sessions (src/portal/): only digests of the one-time code and of the cookie.
      await db.schema
        .createTable('portal_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text', (c) => c.unique())
        .addColumn('code_expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.unique())
        .addColumn('capabilities', sql`text[]`, (c) => c.notNull())
        .addColumn('return_url', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('revoked_at', 'timestamptz')
        .execute();
      await db.schema.createIndex('portal_sessions_tenant').on('portal_sessions').column('tenant_id').execute();
      await db.schema.createIndex('portal_sessions_expiry').on('portal_sessions').column('expires_at').execute();
    },
  },
};

export const MIGRATIONS = Object.keys(migrations);

export class MigrationError extends Error {}

/** Applies every pending migration; a no-op when the schema is current. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'barrage_migrations',
    migrationLockTableName: 'barrage_migrations_lock',
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? '(before any migration)';
    throw new MigrationError(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  return results;
}
