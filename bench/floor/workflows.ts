// The floor topology: what Temporal itself needs for Barrage's shape — a parent, one child,
// one activity that does nothing. Barrage's end-to-end figures are reported as a ratio to this.
import * as wf from '@temporalio/workflow';

const { noop } = wf.proxyActivities<{ noop(): Promise<void> }>({ startToCloseTimeout: '10s' });

export async function floorChild(): Promise<void> {
  await noop();
}

export async function floorParent(): Promise<void> {
  await wf.executeChild(floorChild, { workflowId: `${wf.workflowInfo().workflowId}.child` });
}
