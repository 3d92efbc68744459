// Tells a process that the registry changed, within a second: the change notification, and a
// periodic version check as the backstop for a notification missed while a connection was down.
import type { Database } from './database';
import { REGISTRY_CHANNEL, registryVersion } from './version';

export interface RegistryWatch {
  /** The newest version this watch has seen. */
  version(): number;
  close(): Promise<void>;
}

export interface WatchOptions {
  /** Called once per new version seen, by notification or by the periodic check. */
  onChange: (version: number) => void;
  /** How often the backstop reads the version (default 5 s). */
  checkEveryMs?: number;
}

export async function watchRegistry(database: Database, options: WatchOptions): Promise<RegistryWatch> {
  let seen = Number.POSITIVE_INFINITY;
  const advance = (version: number) => {
    if (!(version > seen)) return;
    seen = version;
    options.onChange(version);
  };
  // Listen first, then read: a change committed in between is then either in the version read
  // or announced after it, never lost until the periodic check.
  const unlisten = await database.listen(REGISTRY_CHANNEL, (payload) => advance(Number(payload)));
  // Versions up to this one are what the caller loads; onChange reports every version after it.
  seen = await registryVersion(database.db);
  const timer = setInterval(() => {
    registryVersion(database.db).then(advance, () => undefined);
  }, options.checkEveryMs ?? 5_000);
  timer.unref();
  return {
    version: () => seen,
    async close() {
      clearInterval(timer);
      await unlisten();
    },
  };
}
