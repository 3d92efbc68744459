// A bug in a driver (it throws instead of classifying) must not retry forever while the delivery
// reads "delivering": the delivery fails, and the error is in its last attempt record.
import type { DestinationDriver } from '../../src/destinations/driver';
import { destination, testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, capturingLogger, startHub, type TestHub } from '../helpers/hub';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'key-attempt-errors';
let hub: TestHub;
let deadLetters: TestSink;
let calls = 0;
const logs = capturingLogger();

const throwingDriver: DestinationDriver<'http'> = {
  type: 'http',
  async deliver(req) {
    if (req.destination.id === 'dlq') {
      await fetch(req.destination.url, { method: 'POST', body: req.payload.body });
      return { outcome: 'delivered', statusCode: 200 };
    }
    calls++;
    throw new TypeError('driver exploded');
  },
};

beforeAll(async () => {
  deadLetters = await startTestSink();
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('attempt-errors'),
    tenants: [
      {
        id: 'attempt-errors',
        namespace: 'barrage-e2e',
        apiKeys: [KEY],
        destinations: [
          destination('broken', 'http://127.0.0.1:9/never', { events: ['bug.*'], deadLetter: 'dlq' }),
          destination('dlq', deadLetters.url, { events: ['never.sent'] }),
        ],
      },
    ],
  });
  hub = await startHub(config, ['receiver', 'worker'], logs.logger, { drivers: { http: throwingDriver } });
});

afterAll(async () => {
  await hub?.stop();
  await deadLetters?.close();
});

test('a driver that throws fails the delivery once, with the error in GET /v1/events/{id}/attempts', async () => {
  const accepted = await api(`${hub.url}/v1/events`, { key: KEY, body: { type: 'bug.found', data: {} } });
  expect(accepted.status).toBe(202);
  const id = accepted.body.id as string;
  const settled = await eventually(async () => {
    const res = await api(`${hub.url}/v1/events/${id}`, { key: KEY });
    return res.body?.status === 'failed' ? res.body : undefined;
  }, 30_000);
  expect(settled.destinations).toEqual([
    expect.objectContaining({ destination: 'broken', status: 'failed', attempts: 1, deadLetteredTo: 'dlq' }),
  ]);
  const attempts = await api(`${hub.url}/v1/events/${id}/attempts`, { key: KEY });
  expect(attempts.body.attempts).toEqual([
    expect.objectContaining({
      destination: 'broken',
      attempt: 1,
      outcome: 'permanent',
      error: 'internal error: driver exploded',
    }),
  ]);
  expect(calls).toBe(1);
  const [deadLetter] = await deadLetters.waitFor(1);
  expect(JSON.parse(deadLetter.body.toString())).toMatchObject({ failure: { lastError: 'internal error: driver exploded' } });
  expect(logs.lines()).toContainEqual(
    expect.objectContaining({ msg: 'delivery attempt threw (a bug): the delivery fails', destination: 'broken' }),
  );
});
