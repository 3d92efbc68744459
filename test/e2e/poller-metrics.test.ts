// /metrics of a pollers role run as its own `barrage start` process, on telemetry.metricsPort,
// read with the Prometheus project's parser: after a known mix on SQS and on Kafka the counters
// equal it, nothing is held, and the brokers' own lag reads 0 once everything is settled.
import { freePort } from '../../src/net/free-port';
import { uniqueName, writeConfigFile } from '../helpers/config';
import { testKafkaBrokers, testTemporalAddress } from '../helpers/env';
import { CLI, spawnLogged } from '../helpers/process';
import { parsePrometheus, sampleValue, type PromSample } from '../helpers/prometheus';
import { createQueue, createTopics, produce, sendSqs, SQS_TEST_KEYS, testKafka, testSqs } from '../helpers/queues';
import { eventually } from '../helpers/sink';

test('a pollers process serves its counts, what it holds and the broker lag on telemetry.metricsPort', async () => {
  const sqs = testSqs();
  const kafka = testKafka();
  const queueUrl = (await createQueue(sqs, 'metered-src')).url;
  const topic = uniqueName('metered-src');
  await createTopics(kafka, [{ topic, numPartitions: 2 }, { topic: `${topic}.dead-letter` }]);
  const [sqsId, kafkaId] = [uniqueName('m-sqs'), uniqueName('m-kafka')];
  const metricsPort = await freePort();
  const file = writeConfigFile('barrage-poller-metrics', {
    temporal: { namespaceCacheRefresh: '2s', address: testTemporalAddress(), taskQueue: uniqueName('poller-metrics') },
    telemetry: { metricsPort },
    tenants: [
      {
        id: 'metered-pollers',
        namespace: 'barrage-e2e-b',
        apiKeys: ['metered-pollers-key'],
        destinations: [],
        sources: [
          // The dedupe key is a body field, so the third message is a duplicate of the first.
          {
            id: sqsId,
            type: 'sqs',
            queueUrl,
            ...SQS_TEST_KEYS,
            eventType: { fixed: 'm.sqs' },
            idempotencyKey: { jsonPath: '$.order' },
            waitTimeSeconds: 1,
          },
          // The event type is a header: the record without one can never be accepted (poison).
          {
            id: kafkaId,
            type: 'kafka',
            brokers: testKafkaBrokers(),
            topic,
            eventType: { header: 'type' },
            idempotencyKey: { key: true },
          },
        ],
      },
    ],
  });
  for (const order of ['o-1', 'o-2', 'o-1']) await sendSqs(sqs, queueUrl, JSON.stringify({ order }));
  await produce(kafka, topic, [
    { key: 'k-1', value: '{}', headers: { type: 'm.kafka' } },
    { key: 'k-2', value: '{}', headers: { type: 'm.kafka' } },
    { key: 'k-1', value: '{}', headers: { type: 'm.kafka' } },
    { key: 'k-3', value: '{}' },
  ]);
  const proc = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'pollers']);
  try {
    await proc.waitForOutput(/"msg":"metrics listening"|"msg":"kafka poller started"/);
    const expected = {
      [sqsId]: { received: 3, accepted: 2, duplicates: 1, poison: 0 },
      [kafkaId]: { received: 4, accepted: 2, duplicates: 1, poison: 1 },
    };
    const counts = (samples: PromSample[], source: string) =>
      Object.fromEntries(
        Object.keys(expected[source]).map((result) => [
          result,
          sampleValue(samples, 'barrage_poller_messages_total', { source, result }),
        ]),
      );
    const settled = (samples: PromSample[]) =>
      [sqsId, kafkaId].every(
        (source) =>
          JSON.stringify(counts(samples, source)) === JSON.stringify(expected[source]) &&
          sampleValue(samples, 'barrage_poller_lag_messages', { source }) === 0,
      );
    // The lag is cached 10 s per source, so the first scrapes may still show messages waiting.
    let seen: PromSample[] = [];
    const samples = await eventually(
      async () => {
        const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).catch(() => undefined);
        if (res?.ok) seen = parsePrometheus(await res.text());
        return settled(seen) ? seen : undefined;
      },
      45_000,
      'the pollers to settle the mix, as /metrics reports it',
    ).catch((err: Error) => {
      const pollerSamples = seen.filter((s) => s.name.startsWith('barrage_poller'));
      throw new Error(`${err.message}\n${JSON.stringify(pollerSamples)}\n${proc.output().slice(-3000)}`);
    });
    for (const source of [sqsId, kafkaId]) {
      expect(counts(samples, source)).toEqual(expected[source]);
      expect(sampleValue(samples, 'barrage_poller_in_flight', { source })).toBe(0);
      expect(sampleValue(samples, 'barrage_poller_messages_total', { source, result: 'retries' })).toBe(0);
    }
    expect(samples.find((s) => s.name === 'barrage_poller_messages_total')?.type).toBe('counter');
  } finally {
    proc.child.kill('SIGTERM');
    await proc.exited;
    sqs.destroy();
  }
}, 90_000);
