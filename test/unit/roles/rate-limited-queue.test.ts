// Which destinations of a tenant the rate-limited queue weighs, and at what rate.
import { parseConfig } from '../../../src/config';
import { rateLimitsOf } from '../../../src/roles/rate-limited-queue';
import type { LiveTenant } from '../../../src/registry/snapshot';

function liveTenant(yaml: string): LiveTenant {
  const tenant = parseConfig(yaml, {}).tenants[0];
  return {
    ...tenant,
    managedBy: 'config',
    deleted: new Set(),
    entries: new Map(tenant.destinations.map((d) => [d.id, { config: d, managedBy: 'config', secrets: [] }])),
  } as unknown as LiveTenant;
}

test('its own limit, else the tenant default; none without either', () => {
  const tenant = liveTenant(`tenants:
  - id: acme
    apiKeys: [k]
    defaults: { rateLimit: { perSecond: 3 } }
    destinations:
      - { id: a, url: "http://a.test/", rateLimit: { perSecond: 20 } }
      - { id: b, url: "http://b.test/" }
`);
  expect([...rateLimitsOf(tenant)]).toEqual([
    ['a', 20],
    ['b', 3],
  ]);
  const none = liveTenant(`tenants:
  - id: acme
    apiKeys: [k]
    destinations: [{ id: a, url: "http://a.test/" }]
`);
  expect(rateLimitsOf(none).size).toBe(0);
  expect(rateLimitsOf(undefined).size).toBe(0);
});
