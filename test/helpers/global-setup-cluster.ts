// The cluster tier: the shared servers plus temporal-server on PostgreSQL (built when missing).
import { startShared } from './global-setup';

export default async function globalSetup(): Promise<void> {
  await startShared({ brokers: true, cluster: true });
}
