// The `barrage` binary as users run it: config check, and `start` with separate roles.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signatureHeader } from '../../src/delivery/signature';
import { destination, TEST_SECRET, uniqueName, writeTestConfigFile } from '../helpers/config';
import { testTemporalAddress } from '../helpers/env';
import { api } from '../helpers/hub';
import { CLI, spawnLogged, type Spawned } from '../helpers/process';
import { eventually, startTestSink, type TestSink } from '../helpers/sink';

const dir = mkdtempSync(join(tmpdir(), 'barrage-cli-'));
/** A config file's text as given: for the invalid ones `config check` is tested on. */
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('barrage config check', () => {
  test('a valid file is OK (exit 0)', async () => {
    const proc = spawnLogged(process.execPath, [CLI, 'config', 'check', '--config', 'docs/examples/barrage.yaml']);
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/barrage\.yaml: OK \(1 tenant\(s\), 1 destination\(s\), 1 source\(s\)\)/);
  });

  test('the queue example is OK too', async () => {
    const proc = spawnLogged(process.execPath, [CLI, 'config', 'check', '--config', 'docs/examples/barrage.queues.yaml']);
    expect(await proc.exited).toBe(0);
    expect(proc.output()).toMatch(/barrage\.queues\.yaml: OK \(1 tenant\(s\), 3 destination\(s\), 2 source\(s\)\)/);
  });

  test('a wrong file lists every problem by path (exit 2)', async () => {
    const path = write(
      'bad.yaml',
      'server: { port: -1 }\ntenants:\n  - id: a\n    apiKeys: ["env:NOPE_NOT_SET"]\n    destinations: [{ id: d, url: "nope" }]\n',
    );
    const proc = spawnLogged(process.execPath, [CLI, 'config', 'check', '--config', path]);
    expect(await proc.exited).toBe(2);
    expect(proc.output()).toContain('server.port:');
    expect(proc.output()).toContain('tenants.0.apiKeys.0: environment variable NOPE_NOT_SET is not set');
    expect(proc.output()).toContain('tenants.0.destinations.0.url: must be an http(s) URL');
  });

  test('BARRAGE_CONFIG is used when --config is absent', async () => {
    const proc = spawnLogged(process.execPath, [CLI, 'config', 'check'], {
      env: { ...process.env, BARRAGE_CONFIG: 'docs/examples/barrage.yaml' },
    });
    expect(await proc.exited).toBe(0);
  });

  test('an unknown role is refused with the valid ones named', async () => {
    const proc = spawnLogged(process.execPath, [
      CLI,
      'start',
      '--config',
      'docs/examples/barrage.yaml',
      '--role',
      'receiver,cook',
    ]);
    expect(await proc.exited).toBe(1);
    expect(proc.output()).toContain('unknown role(s) cook; use any of: receiver, worker');
  });
});

describe('barrage listen', () => {
  test('prints each delivery and whether its signature verifies', async () => {
    const listen = spawnLogged(process.execPath, [CLI, 'listen', '--port', '0', '--secret', TEST_SECRET, '--status', '202']);
    try {
      await listen.waitForOutput(/listening on http:\/\/127\.0\.0\.1:\d+/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(listen.output())![1];
      const ts = Math.floor(Date.now() / 1000);
      const body = '{"hello":"world"}';
      const headers = {
        'content-type': 'application/json',
        'webhook-id': 'evt_listen',
        'webhook-timestamp': String(ts),
        'webhook-signature': signatureHeader([TEST_SECRET], { id: 'evt_listen', timestampSeconds: ts, body }),
        'barrage-event-type': 'demo.ok',
        'barrage-attempt': '1',
      };
      const ok = await fetch(`${url}/hooks`, { method: 'POST', headers, body });
      expect(ok.status).toBe(202);
      await listen.waitForOutput(/POST \/hooks demo\.ok id=evt_listen attempt=1 signature OK/);
      expect(listen.output()).toContain('application/json 17 bytes: {"hello":"world"}');
      await fetch(`${url}/hooks`, {
        method: 'POST',
        headers: { ...headers, 'barrage-event-type': 'demo.bad' },
        body: body + ' ',
      });
      await listen.waitForOutput(/demo\.bad id=evt_listen attempt=1 signature INVALID \(no matching signature\)/);
    } finally {
      listen.child.kill('SIGINT');
      await listen.exited;
    }
  });
});

describe('barrage start: separate roles, several of each', () => {
  let sink: TestSink;
  const procs: Spawned[] = [];
  afterAll(async () => {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await sink?.close();
  });

  test('two receivers and two workers share the load and deliver every event', async () => {
    sink = await startTestSink();
    const options = {
      address: testTemporalAddress(),
      taskQueue: uniqueName('scale'),
      tenants: [{ id: 'scale', namespace: 'barrage-e2e', apiKeys: ['key-scale'], destinations: [destination('d', sink.url)] }],
    };
    const configs = [writeTestConfigFile('barrage-cli-r1', options), writeTestConfigFile('barrage-cli-r2', options)];
    const start = (config: string, role: string) => {
      const p = spawnLogged(process.execPath, [CLI, 'start', '--config', config, '--role', role]);
      procs.push(p);
      return p;
    };
    const workers = [start(configs[0], 'worker'), start(configs[1], 'worker')];
    const receivers = [start(configs[0], 'receiver'), start(configs[1], 'receiver')];
    await Promise.all(workers.map((w) => w.waitForOutput(/worker running/)));
    await Promise.all(receivers.map((r) => r.waitForOutput(/receiver listening/)));
    const urls = receivers.map((r) => /"url":"(http:\/\/[^"]+)"/.exec(r.output())![1]);
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await api(`${urls[i % 2]}/v1/events`, { key: 'key-scale', body: { type: 'scale.test', data: { i } } });
      expect(res.status).toBe(202);
      ids.push(res.body.id);
    }
    await eventually(
      async () => (new Set(sink.received.map((r) => r.headers['webhook-id'])).size === 20 ? true : undefined),
      30_000,
      '20 deliveries',
    );
    expect(new Set(sink.received.map((r) => r.headers['webhook-id']))).toEqual(new Set(ids));
    // Both workers took attempts: the load is shared, not failed over.
    // The log line follows the sink's receipt by a moment: wait for the lines, bounded.
    const logged = () => workers.map((w) => (w.output().match(/"msg":"delivery attempt"/g) ?? []).length);
    const attemptsLogged = await eventually(
      async () => (logged().reduce((a, b) => a + b) >= 20 ? logged() : undefined),
      10_000,
      '20 attempt log lines',
    );
    expect(Math.min(...attemptsLogged)).toBeGreaterThan(0);
  });
});
