// The kafka destination's contract-suite peer: a fresh topic on the test broker per destination.
// Test code: excluded from the build (tsconfig.build.json).
import { freePort } from '../../net/free-port';
import { uniqueName } from '../../../test/helpers/config';
import { createTopic, jsonPayload, parseDestination, readRecords } from '../../../test/helpers/destination-fixtures';
import { testKafkaBrokers } from '../../../test/helpers/env';
import { contractLogger, untyped, type Peer } from '../../../test/contract/peer';
import { createKafkaDriver } from './driver';

export const peer: Peer = {
  type: 'kafka',
  driver: () => untyped(createKafkaDriver({ logger: contractLogger })),
  async destination() {
    const topic = uniqueName('contract');
    await createTopic(topic);
    return parseDestination({ type: 'kafka', brokers: testKafkaBrokers(), topic });
  },
  async readBack(destination, count) {
    const records = await readRecords((destination as { topic: string }).topic, count);
    return records.map((r) => ({
      body: r.value,
      eventId: r.headers['barrage-event-id'],
      eventType: r.headers['barrage-event-type'],
      attempt: r.headers['barrage-attempt'],
      contentType: r.headers['content-type'],
    }));
  },
  broken: async () => parseDestination({ type: 'kafka', brokers: [`127.0.0.1:${await freePort()}`], topic: 'anything' }),
  async rejecting() {
    const topic = uniqueName('small');
    await createTopic(topic, [{ name: 'max.message.bytes', value: '1024' }]);
    return {
      destination: parseDestination({ type: 'kafka', brokers: testKafkaBrokers(), topic }),
      payload: jsonPayload({ blob: 'x'.repeat(5000) }),
      error: /MSG_SIZE_TOO_LARGE/,
    };
  },
};
