// Where the shared test Temporal server is; written by global-setup.ts.
export const TEST_NAMESPACES = [
  'barrage-e2e',
  'barrage-e2e-b',
  'barrage-wf',
  'barrage-kill',
  'barrage-dev-sub',
  'barrage-queues',
  'barrage-hostile',
  'barrage-fuzz',
  'barrage-openapi',
] as const;

/**
 * The cluster tier runs some e2e files a second time against temporal-server on PostgreSQL; its
 * jest project sets this global (jest.config.js), so the same file finds the other server.
 */
export const onCluster = (): boolean => (globalThis as { BARRAGE_TEST_TEMPORAL?: string }).BARRAGE_TEST_TEMPORAL === 'cluster';

export function testTemporalAddress(): string {
  const address = onCluster() ? process.env.BARRAGE_TEST_CLUSTER_ADDRESS : process.env.BARRAGE_TEST_TEMPORAL_ADDRESS;
  if (!address)
    throw new Error('BARRAGE_TEST_TEMPORAL_ADDRESS is not set: run the tests through jest (global-setup starts Temporal)');
  return address;
}

/** Bootstrap address of the shared Kafka broker (topics are created by each test). */
export function testKafkaBrokers(): string[] {
  const brokers = process.env.BARRAGE_TEST_KAFKA_BROKERS;
  if (!brokers) throw new Error('BARRAGE_TEST_KAFKA_BROKERS is not set: run the tests through jest (global-setup starts Kafka)');
  return [brokers];
}

/** Base URL of the shared ElasticMQ server. */
export function testSqsEndpoint(): string {
  const endpoint = process.env.BARRAGE_TEST_SQS_ENDPOINT;
  if (!endpoint)
    throw new Error('BARRAGE_TEST_SQS_ENDPOINT is not set: run the tests through jest (global-setup starts ElasticMQ)');
  return endpoint;
}
