// Every type list comes from its plug-in registry: a destination type registered before the hub
// starts is accepted by the create schema, found by the list filter, and named in /openapi.json,
// with no edit anywhere else.
import { z } from 'zod';
import { deliveryFields } from '../../src/destinations/delivery-fields';
import { registerDestinationType } from '../../src/destinations/registry';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api, startHub, type TestHub } from '../helpers/hub';
import { openTestRegistry, type TestRegistry } from '../helpers/registry';

const ADMIN = 'plugin-admin-key';
let hub: TestHub;
let reg: TestRegistry;
let key = '';

registerDestinationType({
  type: 'pigeon',
  configSchema: () =>
    z
      .object({ ...deliveryFields, type: z.literal('pigeon'), loft: z.string().min(1).describe('where the pigeon flies') })
      .strict(),
  createDriver: async () => ({ type: 'pigeon' as never, deliver: async () => ({ outcome: 'delivered' as const }) }),
});

beforeAll(async () => {
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('plugin'),
    tenants: [],
    raw: { security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN] } },
  });
  reg = await openTestRegistry(config);
  hub = await startHub(config, ['receiver'], undefined, { registry: reg.registry });
  const tenant = uniqueName('plg').replace(/-/g, '_').toLowerCase();
  expect((await api(`${hub.url}/v1/tenants`, { key: ADMIN, body: { id: tenant } })).status).toBe(201);
  const created = await api(`${hub.url}/v1/tenants/${tenant}/api-keys`, { key: ADMIN, body: {} });
  key = created.body.key;
}, 60_000);

afterAll(async () => {
  await hub?.stop();
  await reg?.close();
});

test('a registered type is accepted by the create schema, with its own fields checked', async () => {
  const created = await api(`${hub.url}/v1/destinations`, {
    key,
    body: { id: 'coop', type: 'pigeon', loft: 'north tower', events: ['order.*'] },
  });
  expect(created).toMatchObject({ status: 201, body: { id: 'coop', type: 'pigeon', loft: 'north tower' } });
  const missingField = await api(`${hub.url}/v1/destinations`, { key, body: { id: 'stray', type: 'pigeon' } });
  expect(missingField.status).toBe(400);
  expect(missingField.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'loft' })]));
});

test('the list filter takes the type', async () => {
  const listed = await api(`${hub.url}/v1/destinations?type=pigeon`, { key });
  expect(listed.status).toBe(200);
  expect(listed.body.destinations.map((d: { id: string }) => d.id)).toEqual(['coop']);
  expect((await api(`${hub.url}/v1/destinations?type=carrier`, { key })).status).toBe(400);
});

test('/openapi.json names the type in every enum and documents its fields', async () => {
  const doc = (await api(`${hub.url}/openapi.json`)).body;
  const schemas = doc.components.schemas;
  const variants = schemas.DestinationRequest.anyOf as { properties: Record<string, any>; required: string[] }[];
  const pigeon = variants.find((v) => v.properties.type.enum?.includes('pigeon'));
  expect(pigeon).toMatchObject({ required: ['type', 'loft'], properties: { loft: { description: 'where the pigeon flies' } } });
  const patches = schemas.DestinationPatch.anyOf as { properties: Record<string, any> }[];
  expect(patches.map((v) => v.properties.type.enum)).toEqual([['http'], ['sqs'], ['kafka'], ['pigeon']]);
  expect(patches[3].properties.loft).toMatchObject({ description: 'where the pigeon flies' });
  expect(schemas.Destination.properties.type.enum).toContain('pigeon');
  const typeParam = doc.paths['/v1/destinations'].get.parameters.find((p: { name: string }) => p.name === 'type');
  expect(typeParam.schema.enum).toContain('pigeon');
});
