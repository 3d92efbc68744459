// The document tells the truth about every answer: schemathesis (a schema-driven fuzzer nobody
// here wrote) generates requests from /openapi.json against a live receiver with a management
// database and a worker, and checks every answer against what the document declares: no 5xx,
// only declared statuses, each body valid against its schema, and no request the document allows
// refused (but for the few rules only words can state: test/fixtures/schemathesis/hooks.py).
// Bounded: 20 examples an operation, deterministic, one worker; loopback only (the hooks refuse
// any other base URL and point generated destinations at a closed loopback port).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { testConfig, uniqueName } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { spawnLogged } from '../helpers/process';
import { startDatabaseHub, type DatabaseHub } from '../helpers/registry';

const TENANT_KEY = 'st-tenant-key';
const ADMIN_KEY = 'st-admin-key';
const ST = join(PROJECT_ROOT, '.tools', 'py-tools', 'bin', 'st');
const FIXTURES = join(PROJECT_ROOT, 'test', 'fixtures', 'schemathesis');
const RUN_LIMIT_MS = 240_000;

let hub: DatabaseHub;
const dir = mkdtempSync(join(tmpdir(), 'barrage-st-'));

beforeAll(async () => {
  const config = testConfig({
    address: testTemporalAddress(),
    taskQueue: uniqueName('openapi'),
    tenants: [
      {
        id: 'st',
        namespace: 'barrage-openapi',
        apiKeys: [TENANT_KEY],
        destinations: [{ id: 'blackhole', url: 'http://127.0.0.1:9/never', retry: { maximumAttempts: 1 } }],
      },
    ],
    raw: {
      server: { port: 0, maxBodyBytes: 65_536 },
      security: { allowPrivateDestinations: true, adminApiKeys: [ADMIN_KEY] },
      // The run creates tenants (each a namespace): a few are enough to exercise the routes.
      limits: { maxTenants: 4, maxDestinationsPerTenant: 20 },
    },
  });
  hub = await startDatabaseHub(config);
}, 60_000);

afterAll(async () => {
  await hub?.stop();
});

function settings(): string {
  return [
    `hooks = "${join(FIXTURES, 'hooks.py')}"`,
    'workers = 1',
    'request-timeout = 15',
    'color = false',
    '[generation]',
    'max-examples = 20',
    'deterministic = true',
    'database = "none"',
    '[auth.openapi.apiKey]',
    `bearer = "${TENANT_KEY}"`,
    '[auth.openapi.adminKey]',
    `bearer = "${ADMIN_KEY}"`,
    '',
  ].join('\n');
}

/** The failures a JUnit report lists, each with its answer and the request that reproduces it. */
function failures(junit: string): string[] {
  const text = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  return [...junit.matchAll(/<failure[^>]*message="([^"]*)"[^>]*>([^<]*)/g)].map(([, check, body]) => {
    const lines = text(body)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const keep = lines.filter((l) => /^(- ST|\[\d{3}\]|`\{|curl )/.test(l));
    return `${check}: ${keep.join(' | ')}`;
  });
}

interface Run {
  code: number | null;
  found: string[];
  output: string;
}

async function schemathesis(document: unknown, name: string, args: string[]): Promise<Run> {
  const schema = join(dir, `${name}.json`);
  writeFileSync(schema, JSON.stringify(document));
  writeFileSync(join(dir, 'schemathesis.toml'), settings());
  const junit = join(dir, `${name}.xml`);
  const run = spawnLogged(
    ST,
    [
      ...['--config-file', join(dir, 'schemathesis.toml'), 'run', schema, '--url', hub.url, ...args],
      ...['--report', 'junit', '--report-junit-path', junit],
    ],
    // Its working folder is the run's own: schemathesis keeps state beside it.
    { cwd: dir, env: { ...process.env, BARRAGE_ST_REWRITES: join(dir, 'rewrites.log') } },
  );
  const timer = setTimeout(() => run.child.kill('SIGKILL'), RUN_LIMIT_MS);
  const code = await run.exited.finally(() => clearTimeout(timer));
  return { code, found: existsSync(junit) ? failures(readFileSync(junit, 'utf8')) : [], output: run.output() };
}

test(
  'schemathesis finds no 5xx, no undeclared status, no answer off its schema and no valid request refused',
  async () => {
    expect(existsSync(ST)).toBe(true);
    const document = (await api(`${hub.url}/openapi.json`)).body;
    const run = await schemathesis(document, 'served', [
      ...['--phases', 'coverage,fuzzing,stateful', '--continue-on-failure'],
      // Its stateful phase asks for resources it made up and calls the right 404 a failure.
      ...['--exclude-checks', 'ensure_resource_availability'],
    ]);
    console.log(`[schemathesis] exit ${run.code}; ${run.found.length} failure(s)\n${run.output.slice(-1500)}`);
    expect(run.found).toEqual([]);
    expect(run.code).toBe(0);
    // It ran for real: every operation the document declares, thousands of cases.
    const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
    const operations = Object.values(document.paths as Record<string, object>).flatMap((p) =>
      Object.keys(p).filter((k) => methods.includes(k)),
    ).length;
    expect(operations).toBeGreaterThanOrEqual(30);
    expect(run.output).toMatch(new RegExp(`Tested: ${operations}\\b`));
    const [, generated, passed] = /(\d+) generated, (\d+) passed/.exec(run.output) ?? [];
    expect(Number(generated)).toBeGreaterThan(1_000);
    expect(passed).toBe(generated);
  },
  RUN_LIMIT_MS + 30_000,
);

test(
  'the same run fails on an answer that does not match its schema (a document falsified on purpose)',
  async () => {
    const document = (await api(`${hub.url}/openapi.json`)).body;
    document.components.schemas.Health.properties.status = { type: 'integer' };
    const run = await schemathesis(document, 'falsified', ['--include-path', '/livez', '--phases', 'coverage']);
    expect(run.code).toBe(1);
    expect(run.found.join('\n')).toMatch(/Response violates schema/);
  },
  RUN_LIMIT_MS + 30_000,
);
