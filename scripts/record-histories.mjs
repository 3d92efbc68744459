#!/usr/bin/env node
// Records the workflow histories the replay test (test/workflows/replay.test.ts) checks. Set 1:
// one callback to three destinations — 500 → timer → 200, a 404 with its dead letter. Set 2: an
// attempt activity that fails for good (the "attempt-failure-as-record" patch) and its dead letter.
// Set 3: a delivery cancelled in its backoff wait by the cancelDelivery signal (a deleted
// destination), and one whose attempt found the destination deleted (outcome "cancelled").
// Set 4: set 1 again under the "tilde-child-ids" patch: children named `<event>~<destination>`
// and `<delivery>~dead-letter-<n>` (set 1 is what events accepted before it replay as).
// Set 5: set 1 again as revision 2 (issue 16): the callback starts its deliveries detached and
// closes at once; a delivered delivery writes no status. Set 6: revision-2 callbacks started with
// a trace header, one sampled (the traced bundle's interceptors on) and one not (header forwarded).
// Set 7 (issue 17): set 1's destinations for an event with priority "high" scheduled 1.5 s ahead
// (deliverAt), and one with priority "low" and a 500 ms ttl (its flaky delivery ends "expired").
// Set 8: a high-priority event to a rate-limited destination (its attempt on the rate-limited queue).
// Set 9: revision 3 (holdable attempts): set 1's destinations, plus one whose circuit opens at its
// first failure, so its second attempt is held (activity retries) until a probe gets through.
// Set 10 (issue 18): a one-off delivery (POST /v1/deliveries): its plan carries a sealed target,
// passed to every attempt; it fails twice and its inline dead letter (sealed too) is delivered.
// Set 11 (issue 19): a bulk replay (replayWorkflow) over two pages with the pacing timer between
// them, and one cancelled during that timer. Set 12: an erasure (erasureWorkflow) of three events
// over two pages with its pacing timer.
// A fixture that exists is never written again: histories recorded by an earlier version are what
// an upgrade meets, so a workflow change must replay them (patched()), not replace them. Add a
// set for a new path instead. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const require = createRequire(import.meta.url);
const { parseConfig, findTemporalCli } = require(join(root, 'dist/src/config'));
const { runRoles } = require(join(root, 'dist/src/cli/roles'));
const { staticRegistry } = require(join(root, 'dist/src/registry/live'));
const { createLogger } = require(join(root, 'dist/src/telemetry/logger'));
const { startDevServer } = require(join(root, 'dist/src/temporal/dev-server'));
const { freePort } = require(join(root, 'dist/src/net/free-port'));
const { eventIdFor } = require(join(root, 'dist/src/ingest/ids'));
const { deadLetterWorkflowId, deliveryWorkflowId } = require(join(root, 'dist/src/contracts'));
const { workflowSource } = require(join(root, 'dist/src/temporal/bundle'));
const { workerSinks } = require(join(root, 'dist/src/roles/worker'));
const { NativeConnection, Worker } = require('@temporalio/worker');
const { Client, Connection } = require('@temporalio/client');
const { ApplicationFailure, defaultPayloadConverter } = require('@temporalio/common');

const out = join(root, 'test/fixtures/histories');
const cli = findTemporalCli(process.env);
const server = await startDevServer({
  cliPath: cli,
  ip: '127.0.0.1',
  port: await freePort(),
  headless: true,
  namespaces: ['rec'],
});
// /flaky and /tripping answer 500 to each event's first attempt, then 200.
const seen = { '/flaky': new Set(), '/tripping': new Set() };
const flakyAnswer = (req) => {
  const first = !seen[req.url].has(req.headers['webhook-id']);
  seen[req.url].add(req.headers['webhook-id']);
  return first ? 500 : 200;
};
const sink = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(req.url === '/gone' ? 404 : req.url in seen ? flakyAnswer(req) : 200).end());
});
await new Promise((r) => sink.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${sink.address().port}`;
const config = parseConfig(
  `
temporal: { address: "${server.address}", taskQueue: rec }
security: { allowPrivateDestinations: true }
server: { port: 0 }
log: { level: warn }
tenants:
  - id: rec
    apiKeys: [k]
    destinations:
      - { id: flaky, url: "${base}/flaky", events: ["*"], secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", retry: { initialInterval: 100ms, jitter: 0.2 } }
      - { id: gone, url: "${base}/gone", events: ["*"], deadLetter: audit }
      - { id: audit, url: "${base}/audit", events: ["never"] }
      - { id: limited, url: "${base}/limited", events: ["limited.*"], rateLimit: { perSecond: 5 } }
      - { id: tripping, url: "${base}/tripping", events: ["trip.*"], retry: { initialInterval: 100ms, jitter: 0 }, breaker: { failures: 1, coolDown: 3s } }
`,
  {},
);
const controller = new AbortController();
let eventId;
let setFourId;
let setFiveId;
let setSevenIds;
let setEightId;
let setNineId;
await runRoles({
  config,
  registry: staticRegistry(config),
  roles: ['receiver', 'worker'],
  address: server.address,
  logger: createLogger('warn'),
  signal: controller.signal,
  onReceiver: async (receiver) => {
    // The keys keep the derived event ids (a body id has been the event id itself since set 1).
    const post = async (key, n, steering = {}, type = 'order.created') => {
      const res = await fetch(`${receiver.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: 'Bearer k', 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ type, data: { n }, ...steering }),
      });
      return (await res.json()).id;
    };
    eventId = await post('fixture-1', 1);
    setFourId = await post('fixture-4', 4);
    setFiveId = await post('fixture-5', 5);
    const deliverAt = new Date(Date.now() + 1500).toISOString();
    setSevenIds = [
      await post('fixture-7-scheduled', 7, { priority: 'high', deliverAt }),
      await post('fixture-7-expiring', 7, { priority: 'low', ttl: '500ms' }),
    ];
    setEightId = await post('fixture-8', 8, { priority: 'high' }, 'limited.item');
    setNineId = await post('fixture-9', 9, {}, 'trip.item');
    setTimeout(() => controller.abort(), 9000);
  },
});
mkdirSync(out, { recursive: true });
const setTwo = await recordAttemptFailure();
const setThree = await recordCancelledByDeletion();
const setOne = [eventId, `${eventId}.flaky`, `${eventId}.gone`, `${eventId}.gone.dead-letter-1`];
const gone = deliveryWorkflowId(setFourId, 'gone');
const setFour = [setFourId, deliveryWorkflowId(setFourId, 'flaky'), gone, deadLetterWorkflowId(gone, 1)];
const goneFive = deliveryWorkflowId(setFiveId, 'gone');
const setFive = [setFiveId, deliveryWorkflowId(setFiveId, 'flaky'), goneFive, deadLetterWorkflowId(goneFive, 1)];
const setSix = await recordTraced();
const setSeven = setSevenIds.flatMap((id) => {
  const gone = deliveryWorkflowId(id, 'gone');
  return [id, deliveryWorkflowId(id, 'flaky'), gone, deadLetterWorkflowId(gone, 1)];
});
const setEight = [setEightId, deliveryWorkflowId(setEightId, 'limited')];
const goneNine = deliveryWorkflowId(setNineId, 'gone');
const setNine = [
  setNineId,
  deliveryWorkflowId(setNineId, 'flaky'),
  deliveryWorkflowId(setNineId, 'tripping'),
  goneNine,
  deadLetterWorkflowId(goneNine, 1),
];
const setTen = await recordOneOff();
const setEleven = await recordReplays();
const setTwelve = await recordErasure();
const all = [
  ...setOne,
  ...setTwo,
  ...setThree,
  ...setFour,
  ...setFive,
  ...setSix,
  ...setSeven,
  ...setEight,
  ...setNine,
  ...setTen,
  ...setEleven,
  ...setTwelve,
];
for (const id of all) {
  const file = join(out, `${id}.json`);
  if (existsSync(file)) {
    console.log(`kept ${id} (recorded fixtures are never rewritten)`);
    continue;
  }
  const json = execFileSync(cli, [
    'workflow',
    'show',
    '--address',
    server.address,
    '--namespace',
    'rec',
    '-w',
    id,
    '--output',
    'json',
  ]);
  writeFileSync(file, json);
  console.log(`recorded ${id}`);
}
sink.close();
await server.stop();

/** The event of a stub-activity fixture: its id is the part of the workflow ID before the first dot. */
function fixtureEvent(id) {
  return {
    eventId: id.split('.')[0],
    tenantId: 'rec',
    eventType: 'order.created',
    source: 'api',
    receivedAt: new Date().toISOString(),
  };
}

/** Set 3: a destination deleted while a delivery waits, and one deleted before an attempt. */
async function recordCancelledByDeletion() {
  const waiting = `${eventIdFor('rec', 'api', 'fixture-3')}.deleted-while-waiting`;
  const gone = `${eventIdFor('rec', 'api', 'fixture-3')}.deleted-before-attempt`;
  const retry = { initialIntervalMs: 60_000, backoffCoefficient: 2, maximumIntervalMs: 60_000, maximumAttempts: 3, jitter: 0 };
  const inputFor = (id) => ({
    event: fixtureEvent(id),
    payload: { contentType: 'application/json', body: '{"n":3}', encoding: 'utf8' },
    plan: { destinationId: id.split('.')[1], timeoutMs: 1000, retry },
  });
  const record = (req, outcome, error) => ({
    attempt: req.attempt,
    startedAt: new Date().toISOString(),
    durationMs: 1,
    outcome,
    error,
  });
  const activities = {
    async attemptDelivery(req) {
      return req.destinationId === 'deleted-while-waiting'
        ? record(req, 'retryable', 'HTTP 503')
        : record(req, 'cancelled', 'destination deleted');
    },
  };
  await withStubWorker(activities, 'rec-3', async (client) => {
    const handle = await client.workflow.start('deliveryWorkflow', {
      workflowId: waiting,
      taskQueue: 'rec-3',
      args: [inputFor(waiting)],
    });
    for (let i = 0; i < 100 && (await handle.query('deliveryState')).status !== 'retrying'; i++)
      await new Promise((r) => setTimeout(r, 50));
    await handle.signal('cancelDelivery', { reason: 'destination deleted' });
    await handle.result();
    await client.workflow.execute('deliveryWorkflow', { workflowId: gone, taskQueue: 'rec-3', args: [inputFor(gone)] });
  });
  return [waiting, gone];
}

/**
 * Set 6: revision-2 callbacks whose start carries Temporal's trace header, run by the traced
 * bundle: sampled (flags 01: spans made) and not sampled (flags 00: the header is passed on).
 */
async function recordTraced() {
  const ids = [];
  const activities = {
    async attemptDelivery(req) {
      return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome: 'delivered', statusCode: 200 };
    },
  };
  const retry = { initialIntervalMs: 100, backoffCoefficient: 2, maximumIntervalMs: 1000, maximumAttempts: 3, jitter: 0 };
  for (const [name, flags] of [
    ['sampled', '01'],
    ['unsampled', '00'],
  ]) {
    const traceparent = `00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-${flags}`;
    const header = { '_tracer-data': defaultPayloadConverter.toPayload({ traceparent }) };
    const interceptors = { workflow: [{ start: (input, next) => next({ ...input, headers: { ...input.headers, ...header } }) }] };
    const eventId = eventIdFor('rec', 'api', `fixture-6-${name}`);
    const input = {
      ...fixtureEvent(eventId),
      payload: { contentType: 'application/json', body: '{"n":6}', encoding: 'utf8' },
      destinations: [{ destinationId: name, timeoutMs: 1000, retry }],
      revision: 2,
    };
    await withStubWorker(
      activities,
      'rec-6',
      async (client) => {
        await client.workflow.execute('callbackWorkflow', { workflowId: eventId, taskQueue: 'rec-6', args: [input] });
        const delivery = deliveryWorkflowId(eventId, name);
        for (let i = 0; i < 100; i++) {
          const found = await client.workflow
            .getHandle(delivery)
            .describe()
            .catch(() => undefined);
          if (found) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await client.workflow.getHandle(delivery).result();
        ids.push(eventId, delivery);
      },
      { traced: true, interceptors },
    );
  }
  return ids;
}

/** Set 10: a revision-3 one-off delivery with sealed targets (the stub attempt only passes them on). */
async function recordOneOff() {
  const eventId = eventIdFor('rec', 'deliveries', 'fixture-10');
  const retry = { initialIntervalMs: 100, backoffCoefficient: 2, maximumIntervalMs: 1000, maximumAttempts: 2, jitter: 0 };
  const deadLetter = { destinationId: 'deadLetter', timeoutMs: 1000, retry, target: { sealed: 'v1.fixture.dead-letter.sealed' } };
  const input = {
    ...fixtureEvent(eventId),
    eventType: 'delivery',
    source: 'deliveries',
    payload: { contentType: 'application/json', body: '{"n":10}', encoding: 'utf8' },
    destinations: [{ destinationId: 'to', timeoutMs: 1000, retry, target: { sealed: 'v1.fixture.to.sealed' }, deadLetter }],
    revision: 3,
  };
  const activities = {
    async attemptDelivery(req) {
      if (!req.target) throw ApplicationFailure.nonRetryable('no sealed target passed', 'FixtureBug');
      const outcome = req.destinationId === 'to' ? 'retryable' : 'delivered';
      return {
        attempt: req.attempt,
        startedAt: new Date().toISOString(),
        durationMs: 1,
        outcome,
        statusCode: outcome === 'delivered' ? 200 : 503,
      };
    },
  };
  const delivery = deliveryWorkflowId(eventId, 'to');
  await withStubWorker(activities, 'rec-10', async (client) => {
    await client.workflow.execute('callbackWorkflow', { workflowId: eventId, taskQueue: 'rec-10', args: [input] });
    for (let i = 0; i < 100; i++) {
      if (
        await client.workflow
          .getHandle(delivery)
          .describe()
          .catch(() => undefined)
      )
        break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const state = await client.workflow.getHandle(delivery).result();
    if (state.status !== 'failed' || !state.deadLetteredTo) throw new Error(`set 10: ${JSON.stringify(state)}`);
    // Named by the attempts made before it (two).
    await client.workflow.getHandle(deadLetterWorkflowId(delivery, 2)).result();
  });
  return [eventId, delivery, deadLetterWorkflowId(delivery, 2)];
}

/** Set 11: the replay workflow with a stub page activity: two pages, then one cancelled in its wait. */
async function recordReplays() {
  const counts = (n) => ({ matched: n, replayed: n, skipped: 0, errors: 0 });
  const activities = {
    async replayPage(req) {
      return req.pageToken ? { counts: counts(1), size: 1 } : { counts: counts(2), size: 2, nextPageToken: 'cGFnZS0y' };
    },
  };
  const input = (replayId) => ({
    replayId,
    tenantId: 'rec',
    filter: { since: '2026-12-05T09:00:00Z', statuses: ['failed'], destination: 'flaky' },
    perSecond: 1,
    startedAt: new Date().toISOString(),
  });
  const done = 'replay~rpl_fixture11';
  const cancelled = 'replay~rpl_fixture11c';
  await withStubWorker(activities, 'rec-11', async (client) => {
    const state = await client.workflow.execute('replayWorkflow', {
      workflowId: done,
      taskQueue: 'rec-11',
      args: [input('rpl_fixture11')],
    });
    if (state.status !== 'completed' || state.replayed !== 3) throw new Error(`set 11: ${JSON.stringify(state)}`);
    const handle = await client.workflow.start('replayWorkflow', {
      workflowId: cancelled,
      taskQueue: 'rec-11',
      args: [input('rpl_fixture11c')],
    });
    await new Promise((r) => setTimeout(r, 700));
    await handle.cancel();
    const stopped = await handle.result();
    if (stopped.status !== 'cancelled') throw new Error(`set 11 cancel: ${JSON.stringify(stopped)}`);
  });
  return [done, cancelled];
}

/** Set 12: the erasure workflow with a stub page activity: ids in pages of two. */
async function recordErasure() {
  const activities = {
    async erasePage(req) {
      const ids = req.target.eventIds.slice(req.offset, req.offset + req.limit);
      return {
        counts: { erased: ids.length, notFound: 0, examined: 0, errors: 0 },
        size: ids.length,
        done: req.offset + ids.length >= 3,
      };
    },
  };
  const id = 'erasure~ers_fixture12';
  const input = {
    erasureId: 'ers_fixture12',
    tenantId: 'rec',
    target: { eventIds: ['evt_a', 'evt_b', 'evt_c'] },
    perSecond: 2,
    startedAt: new Date().toISOString(),
  };
  await withStubWorker(activities, 'rec-12', async (client) => {
    const state = await client.workflow.execute('erasureWorkflow', { workflowId: id, taskQueue: 'rec-12', args: [input] });
    if (state.status !== 'completed' || state.erased !== 3) throw new Error(`set 12: ${JSON.stringify(state)}`);
  });
  return [id];
}

async function withStubWorker(activities, taskQueue, fn, options = {}) {
  const native = await NativeConnection.connect({ address: server.address });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: 'rec', interceptors: options.interceptors });
  const worker = await Worker.create({
    connection: native,
    namespace: 'rec',
    taskQueue,
    activities,
    ...workflowSource(options.traced),
    sinks: workerSinks(),
  });
  await worker.runUntil(() => fn(client));
  await connection.close();
  await native.close();
}

/** Set 2: the real workflows with a stub activity that throws a non-retryable error. */
async function recordAttemptFailure() {
  const id = `${eventIdFor('rec', 'api', 'fixture-2')}.broken`;
  const retry = { initialIntervalMs: 100, backoffCoefficient: 2, maximumIntervalMs: 1000, maximumAttempts: 3, jitter: 0 };
  const input = {
    event: fixtureEvent(id),
    payload: { contentType: 'application/json', body: '{"n":2}', encoding: 'utf8' },
    plan: { destinationId: 'broken', timeoutMs: 1000, retry, deadLetter: { destinationId: 'audit', timeoutMs: 1000, retry } },
  };
  const activities = {
    async attemptDelivery(req) {
      if (req.destinationId !== 'audit') throw ApplicationFailure.nonRetryable('driver exploded', 'FixtureBug');
      return { attempt: req.attempt, startedAt: new Date().toISOString(), durationMs: 1, outcome: 'delivered', statusCode: 200 };
    },
  };
  await withStubWorker(activities, 'rec-2', async (client) => {
    await client.workflow.execute('deliveryWorkflow', { workflowId: id, taskQueue: 'rec-2', args: [input] });
    await client.workflow.getHandle(deadLetterWorkflowId(id, 1)).result();
  });
  // Named as the version before "tilde-child-ids" recorded them (kept, never rewritten).
  return [id, `${id}.dead-letter-1`];
}
