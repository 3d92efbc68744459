// The registry a process runs on: a snapshot, replaced whenever the database announces a change
// (LISTEN/NOTIFY, with a periodic version check behind it). Without a database it is the config
// file's, fixed.
import type { BarrageConfig } from '../config';
import { watchRegistry, type RegistryWatch } from '../store/changes';
import { registryVersion } from '../store/version';
import type { Logger } from '../telemetry/logger';
import { configSnapshot, emptyLoadCache, loadSnapshot } from './load';
import type { DestinationLookup, RegistrySnapshot } from './snapshot';
import type { Stores } from './stores';

export interface Registry {
  current(): RegistrySnapshot;
  /** The database's stores; undefined when running from the config file alone. */
  readonly stores?: Stores;
  /** Reloads now if the database has moved on: after a write, and before concluding something is gone. */
  refresh(): Promise<RegistrySnapshot>;
  /** Called with each new snapshot; returns the unsubscribe. */
  subscribe(listener: (snapshot: RegistrySnapshot) => void): () => void;
  close(): Promise<void>;
}

export function staticRegistry(config: BarrageConfig): Registry {
  const snapshot = configSnapshot(config);
  return {
    current: () => snapshot,
    refresh: async () => snapshot,
    subscribe: () => () => undefined,
    close: async () => undefined,
  };
}

export interface LiveRegistryOptions {
  config: BarrageConfig;
  stores: Stores;
  logger: Logger;
  /** The backstop check's period (default 5 s). */
  checkEveryMs?: number;
}

export async function liveRegistry(options: LiveRegistryOptions): Promise<Registry> {
  const { config, stores, logger } = options;
  const cache = emptyLoadCache();
  let snapshot = await loadSnapshot(config, stores, logger, cache);
  const listeners = new Set<(s: RegistrySnapshot) => void>();
  let loading: Promise<RegistrySnapshot> | undefined;
  let again = false;

  // One load at a time; a change announced during a load gets one more load after it.
  const reload = (): Promise<RegistrySnapshot> => {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      try {
        do {
          again = false;
          const next = await loadSnapshot(config, stores, logger, cache);
          if (next.version >= snapshot.version) swap(next);
        } while (again);
        return snapshot;
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  };
  const swap = (next: RegistrySnapshot) => {
    // One line per change (changes are rare): when each process started using which version.
    if (next.version !== snapshot.version)
      logger.info({ version: next.version, tenants: next.tenants.length }, 'registry updated');
    snapshot = next;
    for (const listener of listeners) listener(next);
  };
  const onError = (err: unknown) => logger.error({ err }, 'registry reload failed; the next change or check retries');

  const watch: RegistryWatch = await watchRegistry(stores.database, {
    onChange: () => void reload().catch(onError),
    checkEveryMs: options.checkEveryMs,
  });
  if (watch.version() > snapshot.version) await reload();
  return {
    stores,
    current: () => snapshot,
    async refresh() {
      const version = await registryVersion(stores.db);
      return version > snapshot.version ? reload() : snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => watch.close(),
  };
}

/**
 * Attempt-time lookups. A destination this process does not know yet may be newer than its
 * snapshot (created a moment ago through another receiver): it asks the database before giving up.
 */
export function destinationLookup(registry: Registry, now: () => number = Date.now) {
  return {
    async lookup(tenantId: string, destinationId: string): Promise<DestinationLookup> {
      const found = registry.current().destination(tenantId, destinationId, now());
      if (found.kind !== 'missing') return found;
      return (await registry.refresh()).destination(tenantId, destinationId, now());
    },
  };
}
