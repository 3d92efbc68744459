// The http destination's contract-suite peer: a recording HTTP server on 127.0.0.1.
// Test code: excluded from the build (tsconfig.build.json).
import { freePort } from '../../net/free-port';
import { parseDestination } from '../../../test/helpers/destination-fixtures';
import { startTestSink, type TestSink } from '../../../test/helpers/sink';
import { untyped, type Peer } from '../../../test/contract/peer';
import { createHttpDriver } from './driver';

const sinks: TestSink[] = [];
export const peer: Peer = {
  type: 'http',
  driver: () => untyped(createHttpDriver({ allowPrivateDestinations: true, userAgent: 'Barrage/contract' })),
  async destination() {
    const sink = await startTestSink();
    sinks.push(sink);
    return parseDestination({ type: 'http', url: sink.url });
  },
  async readBack(destination, count) {
    const sink = sinks.find((s) => s.url === (destination as { url: string }).url)!;
    const received = await sink.waitFor(count, 10_000);
    return received.map((r) => ({
      body: r.body,
      eventId: r.headers['webhook-id'] as string,
      eventType: r.headers['barrage-event-type'] as string,
      attempt: r.headers['barrage-attempt'] as string,
      contentType: r.headers['content-type'],
    }));
  },
  broken: async () => parseDestination({ type: 'http', url: `http://127.0.0.1:${await freePort()}/hook` }),
  async rejecting() {
    const sink = await startTestSink(() => ({ status: 400, body: 'bad hook' }));
    sinks.push(sink);
    return { destination: parseDestination({ type: 'http', url: sink.url }), error: /HTTP 400/ };
  },
  close: () => Promise.all(sinks.map((s) => s.close())).then(() => undefined),
};
