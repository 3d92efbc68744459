import { deliveryPlan, parseConfig, routeEvent } from '../../../src/config';
import { configProblems } from '../../helpers/config';

const VALID = `
tenants:
  - id: acme
    apiKeys: ["env:ACME_KEY", "plain-key"]
    destinations:
      - id: billing
        url: http://127.0.0.1:9000/hooks
        events: ["order.*"]
        secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        timeout: 10s
        retry: { initialInterval: 5s, backoffCoefficient: 2, maximumInterval: 1h, maximumAttempts: 10, jitter: 0.2 }
        deadLetter: audit
      - id: audit
        url: https://audit.example.com/in
    sources:
      - id: shop
        eventType: { header: X-Shop-Topic }
        idempotencyKey: { header: X-Shop-Delivery-Id }
        verify: { type: hmac-sha256, header: X-Shop-Hmac, secret: "env:SHOP_SECRET", encoding: base64 }
`;
const ENV = { ACME_KEY: 'k_acme', SHOP_SECRET: 's3cret' };

const problems = (text: string, env: Record<string, string> = ENV) => configProblems(text, env);

describe('config', () => {
  test('a valid file gets the documented defaults and resolved env references', () => {
    const config = parseConfig(VALID, ENV);
    expect(config.server).toEqual({ port: 8080, host: '127.0.0.1', maxBodyBytes: 262144 });
    expect(config.temporal.address).toBe('');
    expect(config.temporal.taskQueue).toBe('barrage');
    expect(config.temporal.devServer).toEqual({ port: 7233, uiPort: 8233, dbFile: '.barrage/temporal.db', ip: '127.0.0.1' });
    expect(config.security.allowPrivateDestinations).toBe(false);
    const [tenant] = config.tenants;
    expect(tenant.namespace).toBe('acme');
    expect(tenant.apiKeys).toEqual(['k_acme', 'plain-key']);
    expect(tenant.sources[0]).toMatchObject({ type: 'http', verify: { secret: 's3cret' } });
    expect(tenant.destinations[1]).toMatchObject({
      events: ['*'],
      timeout: 10_000,
      retry: { maximumAttempts: 10, initialInterval: 5000 },
    });
  });

  test('routing and delivery plans come from the config', () => {
    const tenant = parseConfig(VALID, ENV).tenants[0];
    expect(routeEvent(tenant, 'order.created').map((p) => p.destinationId)).toEqual(['billing', 'audit']);
    expect(routeEvent(tenant, 'user.created').map((p) => p.destinationId)).toEqual(['audit']);
    expect(deliveryPlan(tenant.destinations[0], tenant)).toEqual({
      destinationId: 'billing',
      timeoutMs: 10_000,
      retry: { initialIntervalMs: 5000, backoffCoefficient: 2, maximumIntervalMs: 3_600_000, maximumAttempts: 10, jitter: 0.2 },
      deadLetter: expect.objectContaining({ destinationId: 'audit' }),
    });
  });

  test('every problem is listed by path', () => {
    const bad = `
server: { port: 99999 }
tenants:
  - id: Acme!
    apiKeys: ["env:MISSING"]
    destinations:
      - id: billing
        url: ftp://x
        secret: nope
        timeout: soon
        retry: { maximumAttempts: 0 }
        deadLetter: nowhere
        colour: blue
`;
    expect(problems(bad, {})).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^server\.port: /),
        expect.stringMatching(/^tenants\.0\.id: tenant id must be/),
        'tenants.0.apiKeys.0: environment variable MISSING is not set',
        'tenants.0.destinations.0.url: must be an http(s) URL',
        expect.stringMatching(/^tenants\.0\.destinations\.0\.secret/),
        expect.stringMatching(/^tenants\.0\.destinations\.0\.timeout: "soon" is not a duration/),
        expect.stringMatching(/^tenants\.0\.destinations\.0\.retry\.maximumAttempts: /),
        expect.stringMatching(/^tenants\.0\.destinations\.0: Unrecognized key: "colour"/),
      ]),
    );
  });

  test('cross-references are checked', () => {
    const text = `
tenants:
  - id: a
    apiKeys: [same]
    destinations:
      - { id: d1, url: "http://x.test/", deadLetter: nowhere }
      - { id: d1, url: "http://x.test/", deadLetter: d1 }
    sources: [{ id: s, eventType: { fixed: t }, token: t1 }]
  - id: b
    namespace: a
    apiKeys: [same]
    sources: [{ id: s, eventType: { fixed: t }, token: t2 }]
`;
    expect(problems(text)).toEqual([
      'tenants.0.destinations.1.id: duplicate destination id "d1"',
      'tenants.0.destinations.0.deadLetter: no destination "nowhere" in tenant a',
      'tenants.0.destinations.1.deadLetter: a destination cannot be its own dead letter',
      'tenants.1.namespace: duplicate namespace "a"',
      'tenants.1.apiKeys.0: duplicate API key (keys must identify one tenant) "same"',
      'tenants.1.sources.0.id: duplicate source id (source URLs are global) "s"',
    ]);
  });

  test('an unsigned source must have its own token', () => {
    expect(problems('tenants: [{ id: a, apiKeys: [k], sources: [{ id: s, eventType: { fixed: t } }] }]')).toEqual([
      'tenants.0.sources.0.token: a source without verify needs its own token (it is checked as ?token= on the source URL)',
    ]);
  });

  test('YAML syntax errors name the line', () => {
    expect(problems('tenants: [\n  - id: a\n  bad')).toEqual([expect.stringMatching(/^line \d+: /)]);
  });

  test('at least one tenant is required', () => {
    expect(problems('server: { port: 8080 }')).toEqual([expect.stringMatching(/^tenants: /)]);
  });
});
