import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config/temporal-cli';

/**
 * Prebuilt by `npm run build`, so a worker starts without running webpack: one bundle without the
 * tracing interceptors and one with them. A worker that exports no traces runs the plain one; the
 * OTel workflow code alone, even unused, doubles the bundle and costs every workflow CPU and
 * memory (docs/PERFORMANCE.md, issue 11). Neither makes commands, so either replays any history.
 */
export const WORKFLOW_BUNDLE_PATH = join(PROJECT_ROOT, 'dist', 'workflow-bundle.js');
export const TRACED_WORKFLOW_BUNDLE_PATH = join(PROJECT_ROOT, 'dist', 'workflow-bundle-traced.js');
export const WORKFLOWS_SOURCE = join(PROJECT_ROOT, 'workflows', 'index.ts');

/**
 * Temporal's OpenTelemetry workflow interceptors, on for traced workflows only (workflows/tracing.ts):
 * each workflow, child start and activity gets a span in the caller's trace, carried in headers
 * (so an attempt hours later is still in it). They make no commands, so histories recorded
 * without them replay unchanged.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('../../workflows/tracing')];

export function workflowSource(traced = false): { workflowBundle: { codePath: string } } | { workflowsPath: string } {
  const path = traced ? TRACED_WORKFLOW_BUNDLE_PATH : WORKFLOW_BUNDLE_PATH;
  return existsSync(path) ? { workflowBundle: { codePath: path } } : { workflowsPath: WORKFLOWS_SOURCE };
}
