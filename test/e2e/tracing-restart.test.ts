// One callback's retry made by another worker process after the first was killed (SIGKILL): the
// attempt continues the same trace, read back from Jaeger with the process that made each
// attempt; and the replacement worker serves its own /metrics on telemetry.metricsPort.
import { freeJaegerPorts, startJaeger, type RunningJaeger } from '../../src/devtools/jaeger';
import { freePort } from '../../src/net/free-port';
import { destination, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { exportingTo, jaegerTrace, tag } from '../helpers/jaeger';
import { CLI, spawnLogged, type Spawned, listeningUrl } from '../helpers/process';
import { parsePrometheus, sampleValue } from '../helpers/prometheus';
import { eventually, startTestSink } from '../helpers/sink';

const PARENT_SPAN = '1122334455667788';
let jaeger: RunningJaeger;

beforeAll(async () => {
  jaeger = await startJaeger(await freeJaegerPorts());
}, 60_000);

afterAll(async () => {
  await jaeger?.stop();
});

test('an attempt made after the worker was killed and replaced is in the same trace', async () => {
  const traceId = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
  const restartSink = await startTestSink((_r, i) => ({ status: i === 0 ? 500 : 200 }));
  const retry = { initialInterval: '3s', backoffCoefficient: 1, jitter: 0 };
  // Only the worker-only process serves it: a process with a receiver answers on its API port.
  const metricsPort = await freePort();
  const file = writeTestConfigFile('barrage-traced-restart', {
    address: testTemporalAddress(),
    taskQueue: uniqueName('traced-restart'),
    tenants: [
      {
        id: 'restarted',
        namespace: 'barrage-e2e-b',
        apiKeys: ['restart-key'],
        destinations: [destination('restart-sink', restartSink.url, { retry })],
      },
    ],
    raw: { telemetry: { metricsPort } },
  });
  const env = exportingTo(jaeger);
  const first = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'receiver,worker'], { env });
  let second: Spawned | undefined;
  try {
    await first.waitForOutput(/"msg":"worker running"/);
    const at = await listeningUrl(first);
    const sent = await api(`${at}/v1/events`, {
      key: 'restart-key',
      body: { type: 'restart.me', data: {} },
      headers: { traceparent: `00-${traceId}-${PARENT_SPAN}-01` },
    });
    expect(sent.status).toBe(202);
    await restartSink.waitFor(1, 30_000);
    // The failed attempt's span has reached Jaeger; then the worker dies without a goodbye.
    await eventually(
      async () => ((await attemptSpans(jaeger.queryUrl, traceId)).length === 1 ? true : undefined),
      15_000,
      'attempt 1 in Jaeger',
    );
    first.child.kill('SIGKILL');
    await first.exited;
    second = spawnLogged(process.execPath, [CLI, 'start', '--config', file, '--role', 'worker'], { env });
    const [, retried] = await restartSink.waitFor(2, 60_000);
    expect(String(retried.headers.traceparent)).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    const attempts = await eventually(
      async () => {
        const spans = await attemptSpans(jaeger.queryUrl, traceId);
        return spans.length === 2 ? spans : undefined;
      },
      15_000,
      'both attempts in one trace',
    );
    expect(attempts.map((a) => [a.attempt, a.service, a.status])).toEqual([
      [1, 'barrage-receiver-worker', 500],
      [2, 'barrage-worker', 200],
    ]);
    // The replacement worker's own /metrics: the attempt and the delivery it finished, and the SDK's metrics.
    const samples = await eventually(
      async () => {
        const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).catch(() => undefined);
        const all = res?.ok ? parsePrometheus(await res.text()) : [];
        const dest = { destination: 'restart-sink', status: 'delivered' };
        return sampleValue(all, 'barrage_deliveries_total', dest) === 1 ? all : undefined;
      },
      15_000,
      'the replacement worker to report the delivery',
    );
    const attemptLabels = { destination: 'restart-sink', outcome: 'delivered', status_class: '2xx' };
    expect(sampleValue(samples, 'barrage_delivery_attempts_total', attemptLabels)).toBe(1);
    expect(sampleValue(samples, 'barrage_delivery_attempts_total', { ...attemptLabels, outcome: 'retryable' })).toBeUndefined();
    expect(samples.some((x) => x.family.startsWith('temporal_worker_task_slots'))).toBe(true);
  } finally {
    first.child.kill('SIGKILL');
    second?.child.kill('SIGTERM');
    await second?.exited;
    await restartSink.close();
  }
}, 120_000);

/** The trace's attempt spans, in attempt order, with the service (process) that made each. */
async function attemptSpans(queryUrl: string, traceId: string) {
  const trace = await jaegerTrace(queryUrl, traceId);
  return (trace?.spans ?? [])
    .filter((s) => s.operationName === 'RunActivity:attemptDelivery')
    .map((s) => ({
      attempt: Number(tag(s, 'barrage.attempt')),
      service: trace!.processes[s.processID].serviceName,
      status: tag(s, 'http.response.status_code'),
    }))
    .sort((a, b) => a.attempt - b.attempt);
}
