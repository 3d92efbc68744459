// Starts one real Temporal dev server (in memory, headless) for the whole test run.
import { findTemporalCli, TEMPORAL_CLI_MISSING } from '../../src/config';
import { freePort } from '../../src/net/free-port';
import { startDevServer } from '../../src/temporal/dev-server';
import { TEST_NAMESPACES } from './env';

export default async function globalSetup(): Promise<void> {
  const cliPath = findTemporalCli(process.env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  const port = await freePort();
  const started = Date.now();
  const server = await startDevServer({
    cliPath,
    ip: '127.0.0.1',
    port,
    headless: true,
    namespaces: [...TEST_NAMESPACES, 'default'],
  });
  process.env.BARRAGE_TEST_TEMPORAL_ADDRESS = server.address;
  (globalThis as { __temporal?: typeof server }).__temporal = server;
  console.log(`\n[test] Temporal dev server ${server.address} ready in ${Date.now() - started} ms`);
}
