// Two hubs in one process (as two test suites would make): each has its own tenants, registry,
// receiver and metrics, and neither sees the other's; one embedded database directory is not
// opened twice.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, type Hub } from '../../src/lib';
import { destination } from '../helpers/config';
import { libraryConfig } from '../helpers/library';
import { parsePrometheus, sampleValue } from '../helpers/prometheus';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const hubs: Hub[] = [];
let sink: TestSink;

const configFor = (tenant: string, dataDir: string) =>
  libraryConfig(
    [{ id: tenant, namespace: `barrage-${tenant}`, apiKeys: [`key-${tenant}`], destinations: [destination('sink', sink.url)] }],
    { database: { dataDir } },
  );

beforeAll(async () => {
  sink = await startTestSink();
  const root = mkdtempSync(join(tmpdir(), 'two-hubs-'));
  for (const tenant of ['hub-one', 'hub-two'])
    hubs.push(await createHub({ config: configFor(tenant, join(root, tenant)), roles: ['receiver', 'worker'] }));
}, 90_000);

afterAll(async () => {
  for (const hub of hubs) await hub.close();
  await sink?.close();
});

test('each hub delivers its own tenant, knows no other, and counts only its own', async () => {
  const [one, two] = hubs;
  const a = await one.publish({ tenant: 'hub-one', type: 'x.a', data: {} });
  const b = await two.publish({ tenant: 'hub-two', type: 'x.b', data: {} });
  await expect(one.publish({ tenant: 'hub-two', type: 'x.c', data: {} })).rejects.toMatchObject({
    status: 404,
    code: 'not_found',
  });
  await expect(two.events.get({ tenant: 'hub-one', id: a.id })).rejects.toMatchObject({ status: 404 });
  for (const [hub, tenant, id] of [
    [one, 'hub-one', a.id],
    [two, 'hub-two', b.id],
  ] as const)
    await eventually(async () => ((await hub.events.get({ tenant, id })).status === 'delivered' ? true : undefined));
  expect(one.url).not.toBe(two.url);
  const metricsOf = async (hub: Hub) => parsePrometheus(await (await fetch(`${hub.url}/metrics`)).text());
  const [m1, m2] = [await metricsOf(one), await metricsOf(two)];
  expect(sampleValue(m1, 'barrage_deliveries_total', { tenant: 'hub-one', destination: 'sink', status: 'delivered' })).toBe(1);
  expect(
    sampleValue(m1, 'barrage_deliveries_total', { tenant: 'hub-two', destination: 'sink', status: 'delivered' }),
  ).toBeUndefined();
  expect(sampleValue(m2, 'barrage_deliveries_total', { tenant: 'hub-two', destination: 'sink', status: 'delivered' })).toBe(1);
});

test('a second hub on the same embedded database directory is refused, and nothing is left running', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'same-dir-')), 'db');
  const first = await createHub({ config: configFor('hub-three', dataDir) });
  try {
    await expect(createHub({ config: configFor('hub-three', dataDir) })).rejects.toMatchObject({ status: 409, code: 'conflict' });
  } finally {
    await first.close();
  }
  // Closed: the directory is free again.
  const again = await createHub({ config: configFor('hub-three', dataDir) });
  await again.close();
});
