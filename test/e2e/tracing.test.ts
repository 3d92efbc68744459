// One callback's whole trace, read back from a real trace backend: Jaeger v2 (built by `npm run
// setup`) receives OTLP from `barrage start` (receiver and worker) run as a real process. The
// sender's traceparent is continued through accept → callback → delivery → both attempts (500,
// then 200), and each outbound request carries it to the destination.
import { Client, Connection } from '@temporalio/client';
import { TRACE_HEADER } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { callbackWorkflowId, deliveryWorkflowId } from '../../src/contracts';
import { freeJaegerPorts, startJaeger, type RunningJaeger } from '../../src/devtools/jaeger';
import { destination, FAST_RETRY, TEST_SECRET, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testKafkaBrokers, testTemporalAddress } from '../helpers/env';
import { consumeTopic, createQueue, createTopics, sendSqs, SQS_TEST_KEYS, testKafka, testSqs } from '../helpers/queues';
import { api } from '../helpers/hub';
import { CLI, spawnLogged, type Spawned, listeningUrl } from '../helpers/process';
import { parsePrometheus, sampleValue } from '../helpers/prometheus';
import { exportingTo, tag, type JaegerSpan } from '../helpers/jaeger';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const KEY = 'tracing-key';
const TRACE_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const PARENT_SPAN = '1122334455667788';
let jaeger: RunningJaeger;
let sink: TestSink;
let barrage: Spawned;
let url = '';

beforeAll(async () => {
  jaeger = await startJaeger(await freeJaegerPorts());
  sink = await startTestSink((_r, i) => ({ status: i === 0 ? 500 : 200 }));
  const file = writeTestConfigFile('barrage-tracing', {
    address: testTemporalAddress(),
    taskQueue: uniqueName('tracing'),
    tenants: [{ id: 'traced', namespace: 'barrage-e2e-b', apiKeys: [KEY], destinations: [destination('traced-sink', sink.url)] }],
  });
  const env = exportingTo(jaeger);
  barrage = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'receiver,worker'], { env });
  await barrage.waitForOutput(/"msg":"worker running"/);
  url = await listeningUrl(barrage);
}, 120_000);

afterAll(async () => {
  barrage?.child.kill('SIGTERM');
  await barrage?.exited;
  await sink?.close();
  await jaeger?.stop();
});

const WORKFLOW_SPANS = ['RunWorkflow:callbackWorkflow', 'RunWorkflow:deliveryWorkflow'];

test('the sender’s trace runs through accept, both workflows and both attempts to the destination', async () => {
  const sent = await api(`${url}/v1/events`, {
    key: KEY,
    body: { id: uniqueName('traced'), type: 'trace.me', data: { n: 1 } },
    headers: { traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01` },
  });
  expect(sent.status).toBe(202);
  const [first, second] = await sink.waitFor(2, 30_000);
  for (const r of [first, second]) expect(String(r.headers.traceparent)).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));

  const spans = await eventually(
    async () => {
      const res = await fetch(`${jaeger.queryUrl}/api/traces/${TRACE_ID}`);
      if (!res.ok) return undefined;
      const found = ((await res.json()) as { data: { spans: JaegerSpan[] }[] }).data[0]?.spans ?? [];
      // Workflow spans end (and are exported) after the attempts; wait for every one we assert on.
      const names = new Set(found.map((s) => s.operationName));
      const complete = found.filter((s) => s.operationName.startsWith('RunActivity')).length >= 2;
      return complete && WORKFLOW_SPANS.every((n) => names.has(n)) ? found : undefined;
    },
    30_000,
    'the trace in Jaeger',
  );
  const names = spans.map((s) => s.operationName);
  for (const name of ['barrage.accept', 'StartWorkflow:callbackWorkflow', ...WORKFLOW_SPANS])
    expect([name, names.includes(name)]).toEqual([name, true]);
  const byId = new Map(spans.map((s) => [s.spanID, s]));
  const parentOf = (s: JaegerSpan) => byId.get(s.references.find((r) => r.refType === 'CHILD_OF')?.spanID ?? '');
  const ancestors = (s: JaegerSpan) => {
    const chain: string[] = [];
    for (let p = parentOf(s); p; p = parentOf(p)) chain.push(p.operationName);
    return chain;
  };
  const attempts = spans
    .filter((s) => s.operationName.startsWith('RunActivity'))
    .sort((a, b) => Number(tag(a, 'barrage.attempt')) - Number(tag(b, 'barrage.attempt')));
  expect(
    attempts.map((s) => [tag(s, 'barrage.attempt'), tag(s, 'http.response.status_code'), tag(s, 'barrage.outcome')]),
  ).toEqual([
    [1, 500, 'retryable'],
    [2, 200, 'delivered'],
  ]);
  // The failed attempt records its error (the activity completed, so the span's status is OK).
  const events = (s: JaegerSpan) => s.logs.map((l) => Object.fromEntries(l.fields.map((f) => [f.key, f.value])));
  expect(tag(attempts[0], 'error.type')).toBe('500');
  expect(events(attempts[0])).toEqual([expect.objectContaining({ event: 'exception', 'exception.message': 'HTTP 500' })]);
  expect([tag(attempts[1], 'error.type'), events(attempts[1])]).toEqual([undefined, []]);
  for (const s of attempts) {
    expect(tag(s, 'barrage.destination')).toBe('traced-sink');
    expect(tag(s, 'barrage.tenant')).toBe('traced');
    expect(ancestors(s)).toEqual(
      expect.arrayContaining(['RunWorkflow:deliveryWorkflow', 'RunWorkflow:callbackWorkflow', 'barrage.accept']),
    );
  }
  expect(await startHeaders(String(sent.body.id))).toContain(TRACE_HEADER);
  const accept = spans.find((s) => s.operationName === 'barrage.accept')!;
  expect(tag(accept, 'barrage.event_id')).toBe(sent.body.id);
  // No secret, header value or payload byte in any span.
  const everything = JSON.stringify(spans);
  expect(everything).not.toContain(KEY);
  expect(everything).not.toContain(TEST_SECRET.slice(6));
  expect(everything).not.toContain('"n":1');
  // The same process's /metrics carries the Temporal SDK's own worker metrics too.
  const samples = parsePrometheus(await (await fetch(`${url}/metrics`)).text());
  const families = new Set(samples.map((s) => s.family));
  expect([...families].filter((f) => f.startsWith('temporal_'))).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^temporal_worker_task_slots/),
      expect.stringMatching(/^temporal_.*schedule_to_start/),
    ]),
  );
  expect(sampleValue(samples, 'barrage_deliveries_total', { destination: 'traced-sink', status: 'delivered' })).toBe(1);
  // Log lines written inside a span name it.
  expect(barrage.output()).toMatch(new RegExp(`"trace_id":"${TRACE_ID}".*"msg":"delivery attempt"`));
}, 90_000);

test('a sender’s trace that is not sampled stays one trace, recorded nowhere, and costs the workflows nothing', async () => {
  const traceId = 'c0ffee00c0ffee00c0ffee00c0ffee00';
  const before = sink.received.length;
  const sent = await api(`${url}/v1/events`, {
    key: KEY,
    body: { id: uniqueName('unsampled'), type: 'trace.me', data: { n: 2 } },
    headers: { traceparent: `00-${traceId}-${PARENT_SPAN}-00` },
  });
  expect(sent.status).toBe(202);
  const received = await sink.waitFor(before + 1, 30_000);
  // The destination sees the sender's trace, still not sampled.
  expect(String(received[before].headers.traceparent)).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-00$`));
  // The workflows ran without their interceptors: the delivery's attempt carries the start's
  // header exactly as it came (an interceptor would have put its own span there).
  const headers = await traceHeaders(String(sent.body.id));
  expect(headers.start).toContain(`00-${traceId}-`);
  expect(headers.start).toMatch(/-00"/);
  expect(headers.attempt).toBe(headers.start);
  // Nothing of it reaches Jaeger (a sampled trace from the first test did, within the same time).
  await new Promise((r) => setTimeout(r, 2_000));
  const res = await fetch(`${jaeger.queryUrl}/api/traces/${traceId}`);
  const found = res.ok ? (((await res.json()) as { data: { spans: JaegerSpan[] }[] }).data[0]?.spans ?? []) : [];
  expect(found).toEqual([]);
}, 60_000);

test('telemetry off (no endpoint): the process runs and logs no exporter error', async () => {
  const file = writeTestConfigFile('barrage-untraced', {
    address: testTemporalAddress(),
    taskQueue: uniqueName('untraced'),
    tenants: [{ id: 'untraced', namespace: 'barrage-e2e-b', apiKeys: ['untraced-key'], destinations: [] }],
  });
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')));
  const quiet = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'receiver'], { env });
  try {
    const at = await listeningUrl(quiet);
    const res = await api(`${at}/v1/events`, { key: 'untraced-key', body: { type: 'quiet.x', data: {} } });
    expect(res.status).toBe(202);
    // The start carries no trace context, so the workflow runs without its OTel interceptors.
    expect(await startHeaders(String(res.body.id))).not.toContain(TRACE_HEADER);
    // The batch processor would have tried an export by now (OTEL_BSP_SCHEDULE_DELAY is 5 s by default).
    await new Promise((r) => setTimeout(r, 6_000));
  } finally {
    quiet.child.kill('SIGTERM');
    await quiet.exited;
  }
  expect(quiet.output()).not.toMatch(/OTLP|otlp|exporter|ECONNREFUSED.*4318/i);
  // Off is off: no SDK, so no span and no trace id (and no workflow interceptors, which is what keeps it cheap).
  expect(quiet.output()).toMatch(/"msg":"callback accepted"/);
  expect(quiet.output()).not.toMatch(/"trace_id"/);
}, 60_000);

test('an SQS-sourced callback to a Kafka destination: trace context in from the message, out in the record', async () => {
  const sqs = testSqs();
  const kafka = testKafka();
  const queueUrl = (await createQueue(sqs, 'traced')).url;
  const topic = uniqueName('traced-out');
  await createTopics(kafka, [{ topic, numPartitions: 1 }]);
  const traceId = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
  const file = writeTestConfigFile('barrage-traced-queues', {
    address: testTemporalAddress(),
    taskQueue: uniqueName('traced-queues'),
    tenants: [
      {
        id: 'traced-queues',
        namespace: 'barrage-e2e-b',
        apiKeys: ['traced-queues-key'],
        destinations: [{ id: 'out', type: 'kafka', brokers: testKafkaBrokers(), topic, retry: FAST_RETRY }],
        sources: [
          {
            id: uniqueName('traced-sqs'),
            type: 'sqs',
            queueUrl,
            ...SQS_TEST_KEYS,
            eventType: { fixed: 'queued.traced' },
            waitTimeSeconds: 1,
          },
        ],
      },
    ],
  });
  const env = exportingTo(jaeger);
  const proc = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'pollers,worker'], { env });
  try {
    await proc.waitForOutput(/"msg":"worker running"/);
    await sendSqs(sqs, queueUrl, '{"order":7}', { traceparent: `00-${traceId}-${PARENT_SPAN}-01` });
    const [record] = await consumeTopic(kafka, topic, 1, 30_000);
    expect(record.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const names = await eventually(
      async () => {
        const res = await fetch(`${jaeger.queryUrl}/api/traces/${traceId}`);
        if (!res.ok) return undefined;
        const spans = ((await res.json()) as { data: { spans: JaegerSpan[] }[] }).data[0]?.spans ?? [];
        const found = spans.map((s) => s.operationName);
        const all = ['RunActivity:attemptDelivery', 'barrage.accept', ...WORKFLOW_SPANS];
        return all.every((n) => found.includes(n)) ? found : undefined;
      },
      30_000,
      'the queue trace in Jaeger',
    );
    expect(names).toEqual(
      expect.arrayContaining(['barrage.accept', 'RunWorkflow:callbackWorkflow', 'RunWorkflow:deliveryWorkflow']),
    );
  } finally {
    proc.child.kill('SIGTERM');
    await proc.exited;
    sqs.destroy();
  }
}, 90_000);

/** The header names the callback workflow's start recorded in its history. */
async function startHeaders(eventId: string): Promise<string[]> {
  const connection = await Connection.connect({ address: testTemporalAddress() });
  try {
    const client = new Client({ connection, namespace: 'barrage-e2e-b' });
    const history = await client.workflow.getHandle(callbackWorkflowId(eventId)).fetchHistory();
    return Object.keys(history.events?.[0]?.workflowExecutionStartedEventAttributes?.header?.fields ?? {});
  } finally {
    await connection.close();
  }
}

/** The trace header of a callback's start and of its delivery's first attempt, as stored in the histories. */
async function traceHeaders(eventId: string): Promise<{ start?: string; attempt?: string }> {
  const connection = await Connection.connect({ address: testTemporalAddress() });
  const text = (p?: { data?: Uint8Array | null } | null) => (p?.data ? Buffer.from(p.data).toString() : undefined);
  try {
    const client = new Client({ connection, namespace: 'barrage-e2e-b' });
    const parent = await client.workflow.getHandle(callbackWorkflowId(eventId)).fetchHistory();
    const delivery = await eventually(async () => {
      const events = (await client.workflow.getHandle(deliveryWorkflowId(eventId, 'traced-sink')).fetchHistory()).events ?? [];
      return events.find((e) => e.activityTaskScheduledEventAttributes) ? events : undefined;
    });
    const scheduled = delivery.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes;
    return {
      start: text(parent.events?.[0]?.workflowExecutionStartedEventAttributes?.header?.fields?.[TRACE_HEADER]),
      attempt: text(scheduled?.header?.fields?.[TRACE_HEADER]),
    };
  } finally {
    await connection.close();
  }
}
