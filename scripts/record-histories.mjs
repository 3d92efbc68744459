#!/usr/bin/env node
// Records the workflow histories the replay test (test/workflows/replay.test.ts) checks:
// one callback to three destinations — 500 → timer → 200, a 404 with its dead letter.
// Re-run only after an intentional change of workflow logic (before any release: afterwards
// such a change needs workflow versioning instead). Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const require = createRequire(import.meta.url);
const { parseConfig, findTemporalCli } = require(join(root, 'dist/src/config'));
const { runRoles } = require(join(root, 'dist/src/cli/roles'));
const { createLogger } = require(join(root, 'dist/src/telemetry/logger'));
const { startDevServer } = require(join(root, 'dist/src/temporal/dev-server'));
const { freePort } = require(join(root, 'dist/src/net/free-port'));

const out = join(root, 'test/fixtures/histories');
const cli = findTemporalCli(process.env);
const server = await startDevServer({
  cliPath: cli,
  ip: '127.0.0.1',
  port: await freePort(),
  headless: true,
  namespaces: ['rec'],
});
const flakyAnswers = [500];
const sink = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    res.writeHead(req.url === '/gone' ? 404 : req.url === '/flaky' ? (flakyAnswers.shift() ?? 200) : 200).end(),
  );
});
await new Promise((r) => sink.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${sink.address().port}`;
const config = parseConfig(
  `
temporal: { address: "${server.address}", taskQueue: rec }
security: { allowPrivateDestinations: true }
server: { port: 0 }
log: { level: warn }
tenants:
  - id: rec
    apiKeys: [k]
    destinations:
      - { id: flaky, url: "${base}/flaky", events: ["*"], secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", retry: { initialInterval: 100ms, jitter: 0.2 } }
      - { id: gone, url: "${base}/gone", events: ["*"], deadLetter: audit }
      - { id: audit, url: "${base}/audit", events: ["never"] }
`,
  {},
);
const controller = new AbortController();
let eventId;
await runRoles({
  config,
  roles: ['receiver', 'worker'],
  address: server.address,
  logger: createLogger('warn'),
  signal: controller.signal,
  onReceiver: async (receiver) => {
    const res = await fetch(`${receiver.url}/v1/events`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'order.created', id: 'fixture-1', data: { n: 1 } }),
    });
    eventId = (await res.json()).id;
    setTimeout(() => controller.abort(), 4000);
  },
});
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) rmSync(join(out, f));
for (const id of [eventId, `${eventId}.flaky`, `${eventId}.gone`, `${eventId}.gone.dead-letter-1`]) {
  const json = execFileSync(cli, [
    'workflow',
    'show',
    '--address',
    server.address,
    '--namespace',
    'rec',
    '-w',
    id,
    '--output',
    'json',
  ]);
  writeFileSync(join(out, `${id}.json`), json);
  console.log(`recorded ${id}`);
}
sink.close();
await server.stop();
