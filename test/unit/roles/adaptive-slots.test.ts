// The workflow-task limit learned from round trips, and the slot supplier built on it.
import { adaptiveWorkflowSlots, BusyNamespaces } from '../../../src/roles/adaptive-slots';
import { VEGAS_DEFAULTS, VegasLimit } from '../../../src/base/vegas-limit';

const options = { ...VEGAS_DEFAULTS, max: 100 };

/** Feeds `windows` windows of round trips of `ms`, with the limit's worth of tasks in flight. */
function feed(vegas: VegasLimit, ms: number, windows: number) {
  for (let i = 0; i < windows * options.window; i++) vegas.sample(ms, vegas.limit);
}

test('grows while round trips stay at their no-load value, up to the ceiling', () => {
  const vegas = new VegasLimit(options);
  expect(vegas.limit).toBe(VEGAS_DEFAULTS.initial);
  feed(vegas, 20, 10);
  expect(vegas.limit).toBe(VEGAS_DEFAULTS.initial + 10);
  feed(vegas, 20, 200);
  expect(vegas.limit).toBe(100);
});

test('shrinks as tasks queue (round trips several times the no-load value), never below the floor', () => {
  const vegas = new VegasLimit(options);
  feed(vegas, 20, 30);
  const grown = vegas.limit;
  feed(vegas, 80, 1);
  expect(vegas.limit).toBeLessThan(grown);
  feed(vegas, 80, 20);
  expect(vegas.limit).toBe(VEGAS_DEFAULTS.min);
});

test('does not grow while fewer than half its slots are in use (nothing learned about more)', () => {
  const vegas = new VegasLimit(options);
  for (let i = 0; i < 50 * options.window; i++) vegas.sample(20, 1);
  expect(vegas.limit).toBe(VEGAS_DEFAULTS.initial);
});

test('learns the no-load round trip again after a while: a server that became slower for good is not queueing', () => {
  const vegas = new VegasLimit(options);
  feed(vegas, 10, 5);
  feed(vegas, 40, options.relearnAfter + 20);
  expect(vegas.limit).toBeGreaterThan(VEGAS_DEFAULTS.min + 5);
});

describe('slot supplier', () => {
  const ctx = (isSticky: boolean) =>
    ({ slotType: 'workflow', taskQueue: 'q', workerIdentity: 'w', workerBuildId: '', isSticky }) as const;
  const info = { type: 'workflow', workflowType: 'callbackWorkflow', isSticky: false } as const;

  /** A supplier for namespace "a" whose neighbour "b" has work (so the learned limit applies). */
  function contended(initial: number, onLimit: (n: number) => void = () => undefined) {
    const busy = new BusyNamespaces();
    busy.touch('b');
    return adaptiveWorkflowSlots({ namespace: 'a', busy, vegas: { ...options, initial, min: 2 }, onLimit });
  }

  test('alone in the process, a namespace has the whole ceiling: nobody to be fair to', async () => {
    const limits: number[] = [];
    const busy = new BusyNamespaces();
    const supplier = adaptiveWorkflowSlots({
      namespace: 'a',
      busy,
      vegas: { ...options, initial: 2 },
      onLimit: (n) => limits.push(n),
    });
    for (let i = 0; i < 10; i++) expect(supplier.tryReserveSlot(ctx(i % 2 === 0))).not.toBeNull();
    expect(limits).toEqual([100]);
    busy.touch('b');
    expect(supplier.tryReserveSlot(ctx(false))).toBeNull();
    expect(limits).toEqual([100, 2]);
  });

  test('hands out up to the limit, keeps one poll of each kind going, and wakes a waiter on release', async () => {
    const limits: number[] = [];
    const supplier = contended(2, (n) => limits.push(n));
    expect(limits).toEqual([2]);
    const sticky = await supplier.reserveSlot(ctx(true), new AbortController().signal);
    // Neither kind takes the last slot: a normal poll still gets one.
    expect(supplier.tryReserveSlot(ctx(true))).toBeNull();
    const normal = await supplier.reserveSlot(ctx(false), new AbortController().signal);
    expect(supplier.tryReserveSlot(ctx(false))).toBeNull();
    let woken = false;
    const waiting = supplier.reserveSlot(ctx(false), new AbortController().signal).then((p: unknown) => ((woken = true), p));
    await new Promise((r) => setImmediate(r));
    expect(woken).toBe(false);
    supplier.markSlotUsed({ slotInfo: info, permit: normal });
    supplier.releaseSlot({ slotInfo: info, permit: normal });
    await waiting;
    expect(woken).toBe(true);
    supplier.releaseSlot({ permit: sticky });
  });

  test('a waiting reservation ends with the abort reason when the SDK no longer needs it', async () => {
    const supplier = contended(2);
    await supplier.reserveSlot(ctx(false), new AbortController().signal);
    await supplier.reserveSlot(ctx(true), new AbortController().signal);
    const controller = new AbortController();
    const waiting = supplier.reserveSlot(ctx(false), controller.signal);
    const reason = new Error('poller stopped');
    reason.name = 'AbortError';
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
  });
});

test('busy namespaces: another one counts while its last task is recent, whoever came last', async () => {
  const busy = new BusyNamespaces(50);
  busy.touch('a');
  expect(busy.othersBusy('a')).toBe(false);
  busy.touch('b');
  busy.touch('a');
  busy.touch('a');
  expect(busy.othersBusy('a')).toBe(true);
  expect(busy.othersBusy('b')).toBe(true);
  expect(busy.othersBusy('c')).toBe(true);
  await new Promise((r) => setTimeout(r, 80));
  expect(busy.othersBusy('a')).toBe(false);
  expect(busy.othersBusy('b')).toBe(false);
});
