// Determinism guard: histories recorded from real runs (500 → timer → 200, a 404 with its
// dead-letter child, the fan-out parent, an attempt activity that failed for good before and
// after the patch that records it, deliveries ended by a deleted destination, children named
// with "." before the tilde-child-ids patch and with "~" after it, revision-2 callbacks, traced
// and untraced, revision-3 deliveries whose attempt was held, bulk replays) must replay against today's workflow code. They are never re-recorded: a change
// of workflow logic keeps them replaying (patched(), or a revision in the input).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_SOURCE } from '../../src/temporal/bundle';
import { installRuntime, workerSinks } from '../../src/roles/worker';

const DIR = join(__dirname, '..', 'fixtures', 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

// Bundled from source here (not dist/): the check must see the workflow code as it is now. Both
// bundles a worker may run: without the tracing interceptors and with them.
const bundles: Record<'plain' | 'traced', { workflowBundle: WorkflowBundle; sinks: ReturnType<typeof workerSinks> }> =
  {} as never;
beforeAll(async () => {
  installRuntime();
  const noop = () => undefined;
  const logger = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: noop };
  for (const [name, modules] of [
    ['plain', []],
    ['traced', WORKFLOW_INTERCEPTOR_MODULES],
  ] as const) {
    const bundle = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_SOURCE,
      workflowInterceptorModules: [...modules],
      logger,
    });
    bundles[name] = { workflowBundle: bundle, sinks: workerSinks() };
  }
}, 120_000);

test('every fixture ever recorded is still here (fixtures are added, never replaced)', () => {
  const v1 = 'evt_f96176bbb06150ede19db2cda2';
  const patched = 'evt_0d14b8b6ca659692643a722b73';
  const beforePatch = 'evt_b4a75dbd5bb66bc54e5a7f5f8e';
  const deleted = 'evt_1978fff82b9164ca239b2d0cd3';
  const tilde = 'evt_5a6ba211e85cd27d48b3225cc9';
  const inInput = 'evt_dbf62049f370b718f3e00ac122';
  const revision2 = 'evt_a685a04a645107eeeda3587bf3';
  const sampled = 'evt_29f6b90dbc7f5b546e84f0bcb1';
  const unsampled = 'evt_e237715e84ec4220e625f20239';
  const scheduled = 'evt_38505ac227a0706e16ae94a03a';
  const expiring = 'evt_f97a98742c2fcad466a9e26cdc';
  const rateLimited = 'evt_b7e10d75a8114f7f7428b52e5b';
  const holdable = 'evt_09de9e98f5046d925df3360acc';
  const oneOff = 'evt_271b98cda651632a54e0cec637';
  expect(files.sort()).toEqual(
    [
      // The parent, a retried delivery and a dead-lettered one.
      `${v1}.flaky.json`,
      `${v1}.gone.dead-letter-1.json`,
      `${v1}.gone.json`,
      `${v1}.json`,
      // An attempt activity that failed for good, under the attempt-failure-as-record patch.
      `${patched}.broken.dead-letter-1.json`,
      `${patched}.broken.json`,
      // The same, recorded by the code before that patch (the delivery workflow failed).
      `${beforePatch}.broken.json`,
      // Destination deleted: the cancelDelivery signal in a backoff wait, and an attempt that found it gone.
      `${deleted}.deleted-before-attempt.json`,
      `${deleted}.deleted-while-waiting.json`,
      // Set 1 again under the tilde-child-ids patch: `<event>~<destination>`, `<delivery>~dead-letter-1`.
      `${tilde}.json`,
      `${tilde}~flaky.json`,
      `${tilde}~gone.json`,
      `${tilde}~gone~dead-letter-1.json`,
      // Set 1 as the release that carried the scheme in the input recorded it (no patch marker).
      `${inInput}.json`,
      `${inInput}~flaky.json`,
      `${inInput}~gone.json`,
      `${inInput}~gone~dead-letter-1.json`,
      // Set 1 as revision 2 (issue 16): the callback closes once its deliveries have started, and
      // a delivered delivery writes no status.
      `${revision2}.json`,
      `${revision2}~flaky.json`,
      `${revision2}~gone.json`,
      `${revision2}~gone~dead-letter-1.json`,
      // Revision 2 started with a trace header: sampled (interceptors on) and not (header passed on).
      `${sampled}.json`,
      `${sampled}~sampled.json`,
      `${unsampled}.json`,
      `${unsampled}~unsampled.json`,
      // Issue 17: priority "high" with deliverAt 1.5 s ahead, and priority "low" with a 500 ms ttl
      // (its flaky delivery ends "expired"), each to set 1's destinations.
      ...[scheduled, expiring].flatMap((e) => [`${e}.json`, `${e}~flaky.json`, `${e}~gone.json`, `${e}~gone~dead-letter-1.json`]),
      // A high-priority event to a rate-limited destination: its attempt on the rate-limited queue.
      `${rateLimited}.json`,
      `${rateLimited}~limited.json`,
      // Revision 3 (holdable attempts): set 1's destinations, and one whose circuit opened at its
      // first failure, so its second attempt was held (retried by Temporal) until a probe went.
      ...['', '~flaky', '~tripping', '~gone', '~gone~dead-letter-1'].map((d) => `${holdable}${d}.json`),
      // Issue 18: a one-off delivery, its sealed target passed to each attempt, and its inline dead letter.
      ...['', '~to', '~to~dead-letter-2'].map((d) => `${oneOff}${d}.json`),
      // Issue 19: a bulk replay over two pages with its pacing timer, and one cancelled in that timer.
      'replay~rpl_fixture11.json',
      'replay~rpl_fixture11c.json',
      // … and an erasure of three events over two pages.
      'erasure~ers_fixture12.json',
    ].sort(),
  );
});

test.each(files.flatMap((f) => [[f, 'plain'] as const, [f, 'traced'] as const]))(
  '%s replays without nondeterminism (%s bundle)',
  async (file, bundle) => {
    // The CLI's JSON (`temporal workflow show --output json`); the SDK parses it itself.
    const history: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    // Files are named after their workflow IDs, which child-ID derivation depends on.
    const workflowId = file.replace(/\.json$/, '');
    await expect(Worker.runReplayHistory(bundles[bundle], history, workflowId)).resolves.toBeUndefined();
  },
);

test.each([
  ['.gone.json', 'evt_other.gone'],
  ['~gone.json', 'evt_other~gone'],
])('the replay check bites: a changed child ID is reported as nondeterminism (%s)', async (suffix, otherId) => {
  const file = files.find((f) => f.endsWith(suffix))!;
  const history: unknown = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
  await expect(Worker.runReplayHistory(bundles.traced, history, otherId)).rejects.toThrow(/[Nn]ondeterminism/);
});
