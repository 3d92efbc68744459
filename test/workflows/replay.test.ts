// Determinism guard: histories recorded from real runs (500 → timer → 200, a 404 with its
// dead-letter child, and the fan-out parent) must replay against today's workflow code.
// Re-record them only for an intentional, versioned change of workflow logic.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { WORKFLOWS_SOURCE } from '../../src/temporal/bundle';
import { installRuntime } from '../../src/temporal/worker';

const DIR = join(__dirname, '..', 'fixtures', 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

// Bundled from source here (not dist/): the check must see the workflow code as it is now.
let source: { workflowBundle: WorkflowBundle };
beforeAll(async () => {
  installRuntime();
  const noop = () => undefined;
  const logger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };
  source = { workflowBundle: await bundleWorkflowCode({ workflowsPath: WORKFLOWS_SOURCE, logger }) };
}, 60_000);

test('fixtures exist for the parent, a retried delivery and a dead-lettered one', () => {
  const id = 'evt_f96176bbb06150ede19db2cda2';
  expect(files.sort()).toEqual([`${id}.flaky.json`, `${id}.gone.dead-letter-1.json`, `${id}.gone.json`, `${id}.json`]);
});

test.each(files)('%s replays without nondeterminism', async (file) => {
  // The CLI's JSON (`temporal workflow show --output json`); the SDK parses it itself.
  const history: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  // Files are named after their workflow IDs, which child-ID derivation depends on.
  const workflowId = file.replace(/\.json$/, '');
  await expect(Worker.runReplayHistory(source, history, workflowId)).resolves.toBeUndefined();
});

test('the replay check bites: a changed child ID is reported as nondeterminism', async () => {
  const file = files.find((f) => f.endsWith('.gone.json'))!;
  const history: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  await expect(Worker.runReplayHistory(source, history, 'evt_other.gone')).rejects.toThrow(/[Nn]ondeterminism/);
});
