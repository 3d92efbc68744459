// Build step: bundle the workflow code once, at build time, instead of at every worker start.
import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_BUNDLE_PATH, WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_SOURCE } from './bundle';

async function main(): Promise<void> {
  for (const [path, workflowInterceptorModules] of [
    [WORKFLOW_BUNDLE_PATH, []],
    [TRACED_WORKFLOW_BUNDLE_PATH, WORKFLOW_INTERCEPTOR_MODULES],
  ] as const) {
    const { code } = await bundleWorkflowCode({
      workflowsPath: WORKFLOWS_SOURCE,
      workflowInterceptorModules: [...workflowInterceptorModules],
      logger: quietLogger,
    });
    writeFileSync(path, code);
    console.log(`workflow bundle: ${path} (${(code.length / 1024).toFixed(0)} KiB)`);
  }
}

const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error };

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
