import { rmSync } from 'node:fs';
import { stopShared, type SharedServers } from './global-setup';

/** Runs once per tier; the first to run stops the shared servers, after every test has finished. */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __servers?: SharedServers };
  const shared = holder.__servers;
  if (!shared) return;
  holder.__servers = undefined;
  await stopShared(shared);
  if (shared.dataDir) rmSync(shared.dataDir, { recursive: true, force: true });
  if (shared.tempRoot) rmSync(shared.tempRoot, { recursive: true, force: true });
}
