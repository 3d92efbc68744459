// The SQS poller against real ElasticMQ, with a slow intake standing in for a Temporal that takes
// its time: held messages must stay invisible (no second receive, no redrive to the DLQ).
import { GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { parseConfig, type SqsSourceConfig } from '../../../src/config';
import type { QueueMessage } from '../../../src/sources/message';
import { createSqsPoller } from '../../../src/sources/sqs/poller';
import { createLogger } from '../../../src/telemetry/logger';
import { createQueueWithRedrive, drainSqs, sendSqs, SQS_TEST_KEYS, testSqs } from '../../helpers/queues';
import { eventually } from '../../helpers/sink';

const sqs = testSqs();
afterAll(() => sqs.destroy());

function sourceFor(queueUrl: string): SqsSourceConfig {
  const config = parseConfig(
    JSON.stringify({
      tenants: [
        {
          id: 't',
          apiKeys: ['k'],
          sources: [{ id: 's', type: 'sqs', queueUrl, ...SQS_TEST_KEYS, eventType: { fixed: 'e.t' }, waitTimeSeconds: 1 }],
        },
      ],
    }),
    {},
  );
  return config.tenants[0].sources[0] as SqsSourceConfig;
}

test('a message held longer than the visibility timeout stays invisible, is deleted once started, and never reaches the DLQ', async () => {
  // Visibility 2 s and maxReceiveCount 2: without the heartbeat, a competing receiver would get
  // the message twice in 6 s and ElasticMQ would move it to the dead-letter queue.
  const { queue, dlq } = await createQueueWithRedrive(sqs, 'held', 2, 2);
  const seen: QueueMessage[] = [];
  const poller = createSqsPoller({
    source: sourceFor(queue.url),
    logger: createLogger('silent'),
    intake: async (message) => {
      seen.push(message);
      await new Promise((r) => setTimeout(r, 6000));
      return { kind: 'accepted', eventId: 'evt_x' };
    },
  });
  const controller = new AbortController();
  const running = poller.run(controller.signal);
  const messageId = await sendSqs(sqs, queue.url, '{"a":1}');
  await eventually(async () => (seen.length === 1 ? true : undefined), 10_000, 'the poller to take the message');

  const competing: string[] = [];
  const until = Date.now() + 5000;
  while (Date.now() < until) {
    const res = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queue.url, WaitTimeSeconds: 1, VisibilityTimeout: 1 }));
    competing.push(...(res.Messages ?? []).map((m) => m.MessageId!));
  }
  expect(competing).toEqual([]);
  await eventually(async () => (poller.stats().accepted === 1 ? true : undefined), 10_000, 'the start');
  controller.abort();
  await running;

  expect(seen[0].origin).toEqual({ type: 'sqs', queueUrl: queue.url, messageId });
  expect(await drainSqs(sqs, dlq.url, 1, 2000)).toEqual([]);
  const left = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queue.url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  expect(left.Attributes).toMatchObject({ ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0' });
  expect(poller.stats()).toMatchObject({ received: 1, accepted: 1, abandoned: 0, retries: 0 });
});
