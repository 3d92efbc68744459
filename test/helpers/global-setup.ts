// Starts the real servers the broker tiers share: one Temporal dev server (in memory, headless),
// one Kafka broker (KRaft), one ElasticMQ and PostgreSQL, all on free loopback ports; for the cluster
// tier also temporal-server on its own PostgreSQL. When several tiers run together, each server is
// started once (see global-setup-temporal.ts and global-setup-cluster.ts).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTemporalCli, TEMPORAL_CLI_MISSING } from '../../src/config';
import { startElasticMq, startKafka, type RunningBroker } from '../../src/devtools/brokers';
import { startPostgres, type RunningPostgres } from '../../src/devtools/postgres';
import { freePort } from '../../src/net/free-port';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { ensureClusterBinaries, startTestCluster, type TestCluster } from './cluster';
import { TEST_NAMESPACES } from './env';

export interface SharedServers {
  temporal?: DevServer;
  kafka?: RunningBroker;
  sqs?: RunningBroker;
  postgres?: RunningPostgres;
  /** temporal-server on PostgreSQL, for the cluster tier (which reruns the core e2e cases on it). */
  cluster?: TestCluster;
  dataDir?: string;
  /** Where every temporary file of the run goes (TMPDIR of this process and all it starts). */
  tempRoot?: string;
}

export default async function globalSetup(): Promise<void> {
  await startShared({ brokers: true });
}

export async function startShared(options: { brokers: boolean; cluster?: boolean }): Promise<void> {
  const holder = globalThis as { __servers?: SharedServers };
  const shared = (holder.__servers ??= {});
  const started = Date.now();
  shared.tempRoot ??= runTempRoot();
  const starts: Promise<unknown>[] = [];
  if (!shared.temporal) starts.push(startTemporal().then((s) => (shared.temporal = s)));
  if (options.brokers && !shared.kafka) {
    shared.dataDir = mkdtempSync(join(tmpdir(), 'barrage-test-brokers-'));
    const dataDir = shared.dataDir;
    const [kafkaPort, controllerPort, sqsPort] = await Promise.all([freePort(), freePort(), freePort()]);
    starts.push(
      startKafka({ port: kafkaPort, controllerPort, dataDir: join(dataDir, 'kafka'), partitions: 2 }).then(
        (s) => (shared.kafka = s),
      ),
      startElasticMq({ port: sqsPort, dataDir: join(dataDir, 'elasticmq') }).then((s) => (shared.sqs = s)),
      freePort()
        .then((port) => startPostgres({ port }))
        .then((s) => (shared.postgres = s)),
    );
  }
  if (options.cluster && !shared.cluster) {
    ensureClusterBinaries();
    starts.push(startTestCluster().then((s) => (shared.cluster = s)));
  }
  if (starts.length === 0) return;
  const failed = (await Promise.allSettled(starts)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    // jest skips the teardown when setup throws: stop what did start, or it outlives the run.
    await stopShared(shared);
    rmSync(shared.tempRoot, { recursive: true, force: true });
    holder.__servers = undefined;
    throw failed.reason;
  }
  publish(shared);
  const what = [
    `Temporal ${shared.temporal!.address}`,
    ...(shared.kafka
      ? [`Kafka ${shared.kafka.address}, ElasticMQ ${shared.sqs!.address}, PostgreSQL ${shared.postgres!.url}`]
      : []),
    ...(shared.cluster ? [`temporal-server on PostgreSQL ${shared.cluster.address}`] : []),
  ].join(', ');
  console.log(`\n[test] ${what} ready in ${Date.now() - started} ms`);
}

/**
 * One folder for the run's temporary files: os.tmpdir() reads TMPDIR, which jest's workers and the
 * processes the tests start inherit, so the teardown removes what tests, servers and their
 * children left behind (a full run left ~600 MB in /tmp before).
 */
function runTempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'barrage-test-run-'));
  chmodSync(root, 0o755); // PostgreSQL runs as its own user when the tests run as root
  process.env.TMPDIR = root;
  return root;
}

async function startTemporal(): Promise<DevServer> {
  const cliPath = findTemporalCli(process.env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  return startDevServer({
    cliPath,
    ip: '127.0.0.1',
    port: await freePort(),
    headless: true,
    namespaces: [...TEST_NAMESPACES, 'default'],
  });
}

/** Test files read the addresses from the environment jest hands its workers. */
function publish(shared: SharedServers): void {
  process.env.BARRAGE_TEST_TEMPORAL_ADDRESS = shared.temporal!.address;
  // The SDK's notice that releases after January 2027 need Node 22 is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (shared.kafka) process.env.BARRAGE_TEST_KAFKA_BROKERS = shared.kafka.address;
  if (shared.sqs) process.env.BARRAGE_TEST_SQS_ENDPOINT = shared.sqs.address;
  if (shared.postgres) process.env.BARRAGE_TEST_POSTGRES_URL = shared.postgres.url;
  if (shared.cluster) process.env.BARRAGE_TEST_CLUSTER_ADDRESS = shared.cluster.address;
}

export async function stopShared(shared: SharedServers): Promise<void> {
  await Promise.all([
    shared.temporal?.stop(),
    shared.kafka?.stop(),
    shared.sqs?.stop(),
    shared.postgres?.stop(),
    shared.cluster?.stop(),
  ]);
}
