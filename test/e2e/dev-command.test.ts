// `npm start` exactly as the README says: embedded Temporal, worker, receiver and example sink
// in one process tree; the README's curl example must show up as a verified delivery.
import { api } from '../helpers/hub';
import { spawnLogged, type Spawned } from '../helpers/process';

let dev: Spawned | undefined;

afterAll(async () => {
  if (!dev || dev.child.exitCode !== null || dev.child.signalCode !== null) return;
  const group = -dev.child.pid!;
  process.kill(group, 'SIGINT');
  const exited = await Promise.race([dev.exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))]);
  if (!exited) process.kill(group, 'SIGKILL');
});

test('`npm start` accepts the README example and the example sink prints the verified delivery', async () => {
  dev = spawnLogged('npm', ['start'], { detached: true });
  await dev.waitForOutput(/Barrage dev is running/, 80_000);
  expect(dev.output()).toMatch(/API\s+http:\/\/127\.0\.0\.1:8080/);
  expect(dev.output()).toMatch(/Temporal Web UI http:\/\/127\.0\.0\.1:8233/);
  expect(dev.output()).toMatch(/Example sink\s+http:\/\/127\.0\.0\.1:9000\/hooks/);

  // The README's curl example, sent with fetch.
  const res = await api('http://127.0.0.1:8080/v1/events', {
    key: 'dev_acme_key',
    body: { type: 'order.created', data: { orderId: 'ord_123', amount: 4200 } },
  });
  expect(res.status).toBe(202);
  await dev.waitForOutput(new RegExp(`\\[listen\\] .* order\\.created id=${res.body.id} attempt=1 signature OK`), 20_000);
  expect(dev.output()).toContain('{"orderId":"ord_123","amount":4200}');

  // The Web UI is served by the embedded server.
  const ui = await fetch('http://127.0.0.1:8233/');
  expect(ui.status).toBe(200);

  process.kill(-dev.child.pid!, 'SIGINT');
  await dev.exited;
  expect(dev.output()).toMatch(/shutting down/);
});
