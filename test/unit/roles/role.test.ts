// A role's handle: close() stops it and waits for it; a role that fails says so through done and
// through close(), so a failure while stopping is never silent.
import { handleFor } from '../../../src/roles/role';

test('close() aborts the run and resolves once it has finished', async () => {
  const steps: string[] = [];
  const handle = handleFor(async (signal) => {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await new Promise((r) => setTimeout(r, 20));
    steps.push('finished in-flight work');
  });
  await handle.close();
  expect(steps).toEqual(['finished in-flight work']);
  await expect(handle.done).resolves.toBeUndefined();
});

test('a role that fails on its own rejects done, and close() reports it too', async () => {
  const handle = handleFor(async () => {
    throw new Error('worker died');
  });
  await expect(handle.done).rejects.toThrow('worker died');
  await expect(handle.close()).rejects.toThrow('worker died');
});

test('a role that fails while stopping rejects close()', async () => {
  const handle = handleFor(async (signal) => {
    await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    throw new Error('could not drain');
  });
  await expect(handle.close()).rejects.toThrow('could not drain');
});
