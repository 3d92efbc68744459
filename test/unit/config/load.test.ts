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
    expect(config.server).toEqual({
      port: 8080,
      host: '127.0.0.1',
      maxBodyBytes: 262144,
      headersTimeout: 10_000,
      requestTimeout: 30_000,
    });
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
    expect(routeEvent(tenant, { type: 'order.created' }).map((p) => p.destinationId)).toEqual(['billing', 'audit']);
    expect(routeEvent(tenant, { type: 'user.created' }).map((p) => p.destinationId)).toEqual(['audit']);
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
      'tenants.1.apiKeys.0: same API key as tenants.0.apiKeys.0 (keys must identify one tenant)',
      'tenants.1.sources.0.id: duplicate source id (source URLs are global) "s"',
    ]);
  });

  test('no problem echoes a secret: a shared API key is named by its path only', () => {
    const key = 'sk_live_do_not_print_me';
    const message = (text: string) => {
      try {
        parseConfig(text, {});
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    };
    const shared = message(`tenants: [{ id: a, apiKeys: [${key}, ${key}] }, { id: b, apiKeys: ["${key}"] }]`);
    expect(shared).toMatch(/tenants\.0\.apiKeys\.1: same API key as tenants\.0\.apiKeys\.0/);
    expect(shared).toMatch(/tenants\.1\.apiKeys\.0: same API key as tenants\.0\.apiKeys\.0/);
    expect(shared).not.toContain(key);
    const invalid = message(`
tenants:
  - id: b
    apiKeys: [k]
    destinations: [{ id: d, url: "http://x.test/", secret: not_a_whsec_secret_value }]
    sources: [{ id: s, eventType: { fixed: t }, verify: { type: hmac-sha256, header: X-Sig, secret: 424242 } }]
`);
    expect(invalid).toMatch(/tenants\.0\.destinations\.0\.secret/);
    expect(invalid).toMatch(/tenants\.0\.sources\.0\.verify\.secret/);
    expect(invalid).not.toContain('not_a_whsec_secret_value');
    expect(invalid).not.toContain('424242');
  });

  test('receiver timeouts: headersTimeout at least 1 s and within requestTimeout', () => {
    const base = 'tenants: [{ id: a, apiKeys: [k] }]';
    expect(parseConfig(base, {}).server).toMatchObject({ headersTimeout: 10_000, requestTimeout: 30_000 });
    expect(problems(`server: { headersTimeout: 40s }\n${base}`)).toEqual([
      'server.headersTimeout: headersTimeout must be at least 1s and not exceed requestTimeout',
    ]);
    expect(problems(`server: { headersTimeout: 10ms }\n${base}`)).toHaveLength(1);
  });

  test('credentials in a destination URL must decode and not compete with an Authorization header', () => {
    const tenant = (d: string) => `tenants: [{ id: a, apiKeys: [k], destinations: [${d}] }]`;
    expect(problems(tenant('{ id: d, url: "http://u:p@x.test/" }'))).toEqual([]);
    expect(problems(tenant('{ id: d, url: "nope" }'))).toEqual(['tenants.0.destinations.0.url: must be an http(s) URL']);
    expect(problems(tenant('{ id: d, url: "http://u:%zz@x.test/" }'))).toEqual([
      'tenants.0.destinations.0.url: the credentials in the URL are not valid percent-encoding',
    ]);
    expect(problems(tenant('{ id: d, url: "http://u:p@x.test/", headers: { Authorization: "Bearer t" } }'))).toEqual([
      'tenants.0.destinations.0.headers: the URL carries credentials (sent as Basic auth) and headers set Authorization too: keep one',
    ]);
  });

  test('a fixed event type must be a valid event type, or every callback of the source would be refused', () => {
    expect(
      problems('tenants: [{ id: a, apiKeys: [k], sources: [{ id: s, eventType: { fixed: "order created" }, token: t }] }]'),
    ).toEqual([
      'tenants.0.sources.0.eventType.fixed: an event type: letters, digits and . _ : - (max 200), starting with a letter or digit',
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

  test('a config without tenants is valid (they come from the API); the registry keys are checked', () => {
    expect(problems('server: { port: 8080 }')).toEqual([]);
    const config = parseConfig('database: { url: env:DB }\nsecurity: { adminApiKeys: [adm] }', {
      DB: 'postgres://u@127.0.0.1/x',
    });
    expect(config).toMatchObject({ tenants: [], database: { url: 'postgres://u@127.0.0.1/x', dataDir: '.barrage/db' } });
    expect(config.limits).toEqual({
      maxTenants: 1000,
      maxDestinationsPerTenant: 1000,
      maxEventTypesPerTenant: 1000,
      replayPerSecond: 50,
      maxScheduleAhead: 30 * 86_400_000,
    });
    expect(problems('security: { encryptionKey: short }')).toEqual([
      expect.stringMatching(/^security.encryptionKey: must be 32 bytes/),
    ]);
    expect(problems('database: { url: env:NOPE }')).toEqual([expect.stringMatching(/^database.url: .*NOPE is not set/)]);
  });
});
