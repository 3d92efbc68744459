// The workflow tier needs Temporal only: no broker is started for it.
import { startShared } from './global-setup';

export default async function globalSetup(): Promise<void> {
  await startShared({ brokers: false });
}
