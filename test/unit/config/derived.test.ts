// deliveryPlan(): a dead-letter target is an operator's sink, planned whatever routing thinks of
// it — enabled, disabled, or gone (then its delivery ends at once and the failure is visible).
import { deliveryPlan, parseConfig, type DestinationConfig, type TenantConfig } from '../../../src/config';

const tenant = parseConfig(
  `tenants:
  - id: acme
    apiKeys: [k]
    destinations:
      - { id: fails, url: "http://fails.test/", events: ["*"], deadLetter: audit, timeout: 3s }
      - { id: audit, url: "http://audit.test/", events: ["never"], timeout: 7s, retry: { maximumAttempts: 9 } }
`,
  {},
).tenants[0];
const [fails, audit] = tenant.destinations as [DestinationConfig, DestinationConfig];
/** A live registry tenant: `destinations` are the enabled ones, `entries` every one. */
const live = (
  enabled: DestinationConfig[],
  all: DestinationConfig[],
): TenantConfig & { entries: Map<string, { config: DestinationConfig }> } => ({
  ...tenant,
  destinations: enabled,
  entries: new Map(all.map((d) => [d.id, { config: d }])),
});

test('an enabled target is planned with its own timeout and retry', () => {
  const plan = deliveryPlan(fails, tenant);
  expect(plan.deadLetter).toMatchObject({ destinationId: 'audit', timeoutMs: 7000, retry: { maximumAttempts: 9 } });
  expect(plan.deadLetter).not.toHaveProperty('deadLetter');
});

test('a disabled target (only in the live tenant’s entries) is still planned, with its own settings', () => {
  expect(deliveryPlan(fails, live([fails], [fails, audit])).deadLetter).toEqual(deliveryPlan(audit));
});

test('a deleted target is still planned (its attempt will find it deleted), with the failing destination’s settings', () => {
  const plan = deliveryPlan(fails, live([fails], [fails]));
  expect(plan.deadLetter).toEqual({ ...deliveryPlan(fails), destinationId: 'audit' });
});

test('no tenant, no dead letter: only routing knows the others', () => {
  expect(deliveryPlan(fails).deadLetter).toBeUndefined();
});

test('tenant defaults: a destination without its own ttl or rateLimit takes the tenant’s; its own wins', () => {
  const withDefaults = parseConfig(
    `tenants:
  - id: acme
    apiKeys: [k]
    defaults: { ttl: 1h, rateLimit: { perSecond: 5 } }
    destinations:
      - { id: plain, url: "http://plain.test/" }
      - { id: own, url: "http://own.test/", ttl: 2m, rateLimit: { perSecond: 50 }, deadLetter: plain }
`,
    {},
  ).tenants[0];
  const [plain, own] = withDefaults.destinations as [DestinationConfig, DestinationConfig];
  expect(deliveryPlan(plain, withDefaults)).toMatchObject({ ttlMs: 3_600_000, rateLimit: { perSecond: 5 } });
  const plan = deliveryPlan(own, withDefaults);
  expect(plan).toMatchObject({ ttlMs: 120_000, rateLimit: { perSecond: 50 } });
  // The dead-letter target is planned with the tenant's defaults too.
  expect(plan.deadLetter).toMatchObject({ destinationId: 'plain', ttlMs: 3_600_000, rateLimit: { perSecond: 5 } });
  // Without defaults, nothing is added.
  expect(deliveryPlan(fails, tenant)).not.toHaveProperty('ttlMs');
  expect(deliveryPlan(fails, tenant)).not.toHaveProperty('rateLimit');
});
