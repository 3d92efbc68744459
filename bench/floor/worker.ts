// A worker for the floor topology, run as its own process like Barrage's worker.
import { join } from 'node:path';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { PROJECT_ROOT } from '../../src/config';
import { installRuntime } from '../../src/roles/worker';

async function main(): Promise<void> {
  const [address, namespace, taskQueue] = process.argv.slice(2);
  installRuntime();
  const bundle = await bundleWorkflowCode({ workflowsPath: join(PROJECT_ROOT, 'bench', 'floor', 'workflows.ts'), logger: quiet });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: bundle,
    activities: { noop: async () => undefined },
    // The same concurrency Barrage's worker runs with, so the comparison is like for like.
    maxConcurrentActivityTaskExecutions: 200,
    maxConcurrentWorkflowTaskExecutions: 100,
    maxCachedWorkflows: 500,
  });
  const stop = new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  console.log('floor worker running');
  await worker.runUntil(stop);
  await connection.close();
}

const noop = () => undefined;
const quiet = { log: noop, trace: noop, debug: noop, info: noop, warn: noop, error: console.error };

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
