// The registry's database, opened once per process, with a store per table family.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database';
import { createApiKeyStore } from '../store/api-keys';
import { createDestinationStore } from '../store/destinations';
import { createEventTypeStore } from '../store/event-types';
import { createPortalSessionStore } from '../store/portal-sessions';
import { createStatsStore } from '../store/stats';
import type { SecretBox } from '../store/secret-box';
import type { Tables } from '../store/tables';
import { createTenantSecretStore } from '../store/tenant-secrets';
import { createTenantStore } from '../store/tenants';

export interface Stores {
  database: Database;
  db: Kysely<Tables>;
  tenants: ReturnType<typeof createTenantStore>;
  apiKeys: ReturnType<typeof createApiKeyStore>;
  destinations: ReturnType<typeof createDestinationStore>;
  tenantSecrets: ReturnType<typeof createTenantSecretStore>;
  eventTypes: ReturnType<typeof createEventTypeStore>;
  stats: ReturnType<typeof createStatsStore>;
  portalSessions: ReturnType<typeof createPortalSessionStore>;
  box: SecretBox;
}

export function createStores(database: Database, box: SecretBox): Stores {
  const { db } = database;
  return {
    database,
    db,
    tenants: createTenantStore(db),
    apiKeys: createApiKeyStore(db),
    destinations: createDestinationStore(db, box),
    tenantSecrets: createTenantSecretStore(db, box),
    eventTypes: createEventTypeStore(db),
    stats: createStatsStore(db),
    portalSessions: createPortalSessionStore(db),
    box,
  };
}
