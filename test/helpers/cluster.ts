// A private temporal-server on its own PostgreSQL cluster, on free loopback ports, for the tests
// that need the production shape (several shards, SQL visibility, TLS). Built by
// `npm run setup -- --cluster`, which the cluster tier's setup runs when the binaries are missing.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres, type RunningPostgres } from '../../src/devtools/postgres';
import {
  freeClusterPorts,
  prepareDatabases,
  startTemporalServer,
  type RunningTemporalServer,
} from '../../src/devtools/temporal-cluster';
import type { ClusterAuthorization, ClusterPorts, ClusterTls } from '../../src/devtools/temporal-server-config';
import { freePort, freePortOutsideEphemeralRange } from '../../src/net/free-port';

export interface TestCluster {
  address: string;
  postgres: RunningPostgres;
  server: RunningTemporalServer;
  /** The Barrage registry database in the same PostgreSQL cluster. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Builds temporal-server if this machine has not yet (minutes once; cached in .tools/). */
export function ensureClusterBinaries(): void {
  execFileSync('node', [resolve(__dirname, '../../scripts/setup.mjs'), '--quiet', '--cluster'], { stdio: 'inherit' });
}

export interface TestClusterOptions {
  tls?: ClusterTls;
  shards?: number;
  /** JWT authorization; `adminApiKey` is a token with system admin rights. */
  authorization?: { keySourceUri: string; adminApiKey: string };
}

export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'barrage-cluster-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when the tests run as root

  // fsync stays on: the chaos test kills this PostgreSQL and expects what it acknowledged to be there.
  const postgres = await startPostgres({ port: await freePort(), dir: join(dir, 'postgres'), fsync: true });
  try {
    await prepareDatabases(postgres.port, ['barrage']);
    const ports = await freeClusterPorts();
    const server = await startTemporalServer({
      dir: join(dir, 'temporal'),
      postgresPort: postgres.port,
      ports,
      shards: options.shards,
      tls: options.tls,
      authorization: options.authorization && (await withInternalFrontend(options.authorization.keySourceUri, ports)),
      adminApiKey: options.authorization?.adminApiKey,
    });
    return {
      address: server.address,
      postgres,
      server,
      databaseUrl: `postgres://postgres@127.0.0.1:${postgres.port}/barrage`,
      async stop() {
        await server.stop();
        await postgres.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function withInternalFrontend(keySourceUri: string, ports: ClusterPorts): Promise<ClusterAuthorization> {
  const taken = [...Object.values(ports)].flat();
  const grpc = await freePortOutsideEphemeralRange(taken, 32_768);
  return { keySourceUri, internalFrontend: { grpc, membership: await freePortOutsideEphemeralRange([...taken, grpc], 32_768) } };
}
