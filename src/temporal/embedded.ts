// The Temporal a process talks to: temporal.address, or (empty) the embedded dev server, which
// `barrage dev` and the library start the same way.
import { resolve } from 'node:path';
import { findTemporalCli, TEMPORAL_CLI_MISSING, type BarrageConfig, type Env } from '../config';
import type { Logger } from '../telemetry/logger';
import { startDevServer } from './dev-server';

/** temporal.address, or the embedded dev server started now when it is empty. */
export async function embeddedTemporal(
  config: BarrageConfig,
  env: Env,
  logger: Logger,
): Promise<{ address: string; stop?: () => Promise<void> }> {
  if (config.temporal.address) return { address: config.temporal.address };
  const cliPath = findTemporalCli(env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  const { devServer } = config.temporal;
  logger.info({ cliPath, dbFile: devServer.dbFile }, 'starting embedded Temporal dev server');
  const server = await startDevServer({
    cliPath,
    ip: devServer.ip,
    port: devServer.port,
    uiPort: devServer.uiPort,
    dbFile: resolve(devServer.dbFile),
    namespaces: config.tenants.map((t) => t.namespace),
  });
  return { address: server.address, stop: server.stop };
}
