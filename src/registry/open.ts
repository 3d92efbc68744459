// Which registry a process runs on. database.url → PostgreSQL, shared by every process. No URL:
// `barrage dev` (one process) embeds PGlite under database.dataDir; `barrage start` runs from the
// config file alone and the management routes answer 501.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { BarrageConfig } from '../config';
import { openDatabase } from '../store/database';
import { createSecretBox, newEncryptionKey } from '../store/secret-box';
import type { Logger } from '../telemetry/logger';
import { liveRegistry, staticRegistry, type Registry } from './live';
import { createStores } from './stores';

export type RegistryMode = 'dev' | 'start';

export class RegistrySetupError extends Error {}

export interface OpenedRegistry {
  registry: Registry;
  /** Where it lives, for the start-up banner and log. */
  describe: string;
  close(): Promise<void>;
}

export async function openRegistry(config: BarrageConfig, mode: RegistryMode, logger: Logger): Promise<OpenedRegistry> {
  const { url, dataDir } = config.database;
  if (!url && mode === 'start') {
    const registry = staticRegistry(config);
    return { registry, describe: 'config file only (database.url not set)', close: () => registry.close() };
  }
  const key = config.security.encryptionKey ?? (url ? missingKey() : devKey(dataDir, logger));
  const database = await openDatabase({
    url,
    dataDir: resolve(dataDir),
    onError: (err) => logger.warn({ err }, 'registry database connection error'),
  });
  try {
    const registry = await liveRegistry({ config, stores: createStores(database, createSecretBox(key)), logger });
    const describe = url ? `PostgreSQL (database.url)` : `embedded PGlite at ${dataDir}`;
    return {
      registry,
      describe,
      async close() {
        await registry.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

function missingKey(): never {
  throw new RegistrySetupError(
    'security.encryptionKey is required with database.url: destination secrets are encrypted under it. ' +
      'Make one with "openssl rand -base64 32" and set it (e.g. encryptionKey: env:BARRAGE_ENCRYPTION_KEY).',
  );
}

/** barrage dev keeps a generated key beside its database, so secrets survive restarts. */
function devKey(dataDir: string, logger: Logger): string {
  const file = join(dirname(resolve(dataDir)), 'encryption.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const key = newEncryptionKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  logger.info({ file }, 'generated security.encryptionKey for the embedded database (set your own outside a laptop)');
  return key;
}
