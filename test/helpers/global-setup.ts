// Starts the real servers the whole test run shares: one Temporal dev server (in memory,
// headless), one Kafka broker (KRaft) and one ElasticMQ, all on free loopback ports.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTemporalCli, TEMPORAL_CLI_MISSING } from '../../src/config';
import { startElasticMq, startKafka, type RunningBroker } from '../../src/devtools/brokers';
import { freePort } from '../../src/net/free-port';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { TEST_NAMESPACES } from './env';

export interface SharedServers {
  temporal?: DevServer;
  kafka?: RunningBroker;
  sqs?: RunningBroker;
  dataDir?: string;
}

export default async function globalSetup(): Promise<void> {
  const cliPath = findTemporalCli(process.env);
  if (!cliPath) throw new Error(TEMPORAL_CLI_MISSING);
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'barrage-test-brokers-'));
  const shared: SharedServers = { dataDir };
  (globalThis as { __servers?: SharedServers }).__servers = shared;
  const [temporalPort, kafkaPort, controllerPort, sqsPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const starts = [
    startDevServer({
      cliPath,
      ip: '127.0.0.1',
      port: temporalPort,
      headless: true,
      namespaces: [...TEST_NAMESPACES, 'default'],
    }).then((s) => (shared.temporal = s)),
    startKafka({ port: kafkaPort, controllerPort, dataDir: join(dataDir, 'kafka'), partitions: 2 }).then(
      (s) => (shared.kafka = s),
    ),
    startElasticMq({ port: sqsPort, dataDir: join(dataDir, 'elasticmq') }).then((s) => (shared.sqs = s)),
  ];
  const results = await Promise.allSettled(starts);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    // jest skips the teardown when setup throws: stop what did start, or it outlives the run.
    await Promise.all([shared.temporal?.stop(), shared.kafka?.stop(), shared.sqs?.stop()]);
    throw failed.reason;
  }
  process.env.BARRAGE_TEST_TEMPORAL_ADDRESS = shared.temporal!.address;
  // The SDK's notice that releases after January 2027 need Node 22 is noise in test output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.BARRAGE_TEST_KAFKA_BROKERS = shared.kafka!.address;
  process.env.BARRAGE_TEST_SQS_ENDPOINT = shared.sqs!.address;
  console.log(
    `\n[test] Temporal ${shared.temporal!.address}, Kafka ${shared.kafka!.address}, ElasticMQ ${shared.sqs!.address} ready in ${Date.now() - started} ms`,
  );
}
