import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/temporal-cli';

/** Prebuilt by `npm run build`, so a worker starts without running webpack. */
export const WORKFLOW_BUNDLE_PATH = join(PROJECT_ROOT, 'dist', 'workflow-bundle.js');
export const WORKFLOWS_SOURCE = join(PROJECT_ROOT, 'workflows', 'index.ts');

/**
 * Temporal's OpenTelemetry workflow interceptors: each workflow, child start and activity gets a
 * span in the caller's trace, carried in headers (so an attempt hours later is still in it). They
 * make no commands, so histories recorded without them replay unchanged.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];

export function workflowSource(): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  return existsSync(WORKFLOW_BUNDLE_PATH)
    ? { workflowBundle: { codePath: WORKFLOW_BUNDLE_PATH } }
    : { workflowsPath: WORKFLOWS_SOURCE };
}
