// A hub made with the library, as an embedding service makes one: the shared test Temporal, an
// embedded database in a fresh temporary folder, receiver and worker roles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub, type HubOptions } from '../../src/lib';
import { rawTestConfig, uniqueName, type TenantFixture } from './config';
import { testTemporalAddress } from './env';

/** The config object of a library hub with these tenants (top-level keys in `raw` replace the defaults). */
export function libraryConfig(tenants: TenantFixture[], raw: Record<string, unknown> = {}): Record<string, unknown> {
  const name = tenants[0]?.id ?? 'hub';
  return rawTestConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName(name),
    tenants,
    raw: { database: { dataDir: join(mkdtempSync(join(tmpdir(), `${name}-`)), 'pglite') }, ...raw },
  });
}

export function startLibraryHub(
  tenants: TenantFixture[],
  raw: Record<string, unknown> = {},
  options: Omit<HubOptions, 'config' | 'configPath'> = {},
): Promise<Hub> {
  return createHub({ config: libraryConfig(tenants, raw), roles: ['receiver', 'worker'], ...options });
}
