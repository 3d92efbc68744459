// A live registry on a fresh database of the test PostgreSQL server, as a process would open it.
import type { BarrageConfig } from '../../src/config';
import { liveRegistry, type Registry } from '../../src/registry/live';
import { createStores, type Stores } from '../../src/registry/stores';
import { openDatabase } from '../../src/store/database';
import { createSecretBox, newEncryptionKey } from '../../src/store/secret-box';
import { createLogger } from '../../src/telemetry/logger';
import type { Role } from '../../src/cli/role-names';
import { startHub, type TestHub } from './hub';
import { createTestDatabase } from './postgres';
import { testConfig, uniqueName, type TenantFixture } from './config';
import { testTemporalAddress } from './env';

export interface TestRegistry {
  registry: Registry;
  stores: Stores;
  url: string;
  encryptionKey: string;
  close(): Promise<void>;
}

export async function openTestRegistry(
  config: BarrageConfig,
  shared?: { url: string; encryptionKey: string },
): Promise<TestRegistry> {
  const url = shared?.url ?? (await createTestDatabase('reg'));
  const encryptionKey = shared?.encryptionKey ?? newEncryptionKey();
  const database = await openDatabase({ url, dataDir: '' });
  const stores = createStores(database, createSecretBox(encryptionKey));
  const registry = await liveRegistry({ config, stores, logger: createLogger('silent') });
  return {
    registry,
    stores,
    url,
    encryptionKey,
    async close() {
      await registry.close();
      await database.close();
    },
  };
}

/** Roles in this process on a fresh registry database (PostgreSQL), as `barrage dev` runs them. */
export interface DatabaseHub extends TestHub {
  reg: TestRegistry;
}

export async function startDatabaseHub(
  config: BarrageConfig,
  roles: Role[] = ['receiver', 'worker'],
  shared?: { url: string; encryptionKey: string },
): Promise<DatabaseHub> {
  const reg = await openTestRegistry(config, shared);
  const hub = await startHub(config, roles, undefined, { registry: reg.registry }).catch(async (err: unknown) => {
    await reg.close();
    throw err;
  });
  return {
    reg,
    get url() {
      return hub.url;
    },
    get pollers() {
      return hub.pollers;
    },
    async stop() {
      await hub.stop();
      await reg.close();
    },
  };
}

/** One config-file tenant on a database hub with a task queue of its own: most e2e files' setup. */
export function startTenantHub(tenant: TenantFixture, taskQueue = uniqueName(tenant.id)): Promise<DatabaseHub> {
  return startDatabaseHub(testConfig({ address: testTemporalAddress(), taskQueue, tenants: [tenant] }));
}
