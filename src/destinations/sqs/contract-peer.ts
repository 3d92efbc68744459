// The sqs destination's contract-suite peer: a fresh ElasticMQ queue per destination.
// Test code: excluded from the build (tsconfig.build.json).
import { freePort } from '../../net/free-port';
import { uniqueName } from '../../../test/helpers/config';
import { parseDestination } from '../../../test/helpers/destination-fixtures';
import { testSqsEndpoint } from '../../../test/helpers/env';
import { createQueue, drainSqs, SQS_TEST_KEYS, testSqs } from '../../../test/helpers/queues';
import { contractLogger, untyped, type Peer } from '../../../test/contract/peer';
import { createSqsDriver } from './driver';

const sqs = testSqs();
export const peer: Peer = {
  type: 'sqs',
  driver: () => untyped(createSqsDriver({ logger: contractLogger })),
  async destination() {
    const queue = await createQueue(sqs, 'contract');
    return parseDestination({ type: 'sqs', queueUrl: queue.url, ...SQS_TEST_KEYS });
  },
  async readBack(destination, count) {
    const messages = await drainSqs(sqs, (destination as { queueUrl: string }).queueUrl, count, 10_000);
    return messages.map((m) => {
      const attribute = (name: string) => m.MessageAttributes?.[name]?.StringValue;
      const base64 = attribute('content-transfer-encoding') === 'base64';
      return {
        body: Buffer.from(m.Body ?? '', base64 ? 'base64' : 'utf8'),
        eventId: attribute('barrage-event-id'),
        eventType: attribute('barrage-event-type'),
        attempt: attribute('barrage-attempt'),
        contentType: attribute('content-type'),
      };
    });
  },
  async broken() {
    const port = await freePort();
    return parseDestination({
      type: 'sqs',
      queueUrl: `http://127.0.0.1:${port}/000000000000/${uniqueName('nowhere')}`,
      ...SQS_TEST_KEYS,
    });
  },
  async rejecting() {
    const queueUrl = `${testSqsEndpoint()}/000000000000/${uniqueName('missing')}`;
    return { destination: parseDestination({ type: 'sqs', queueUrl, ...SQS_TEST_KEYS }), error: /QueueDoesNotExist/ };
  },
  close: async () => sqs.destroy(),
};
