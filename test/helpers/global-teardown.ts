import { rmSync } from 'node:fs';
import type { SharedServers } from './global-setup';

export default async function globalTeardown(): Promise<void> {
  const shared = (globalThis as { __servers?: SharedServers }).__servers;
  if (!shared) return;
  await Promise.all([shared.temporal?.stop(), shared.kafka?.stop(), shared.sqs?.stop()]);
  if (shared.dataDir) rmSync(shared.dataDir, { recursive: true, force: true });
}
