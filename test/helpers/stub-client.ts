// A Temporal client for unit tests of the code in front of it: records starts and answers as told.
// No server is involved; the integration and e2e tiers use the real one.
import type { Client, WorkflowStartOptions } from '@temporalio/client';

export interface StubClient {
  client: Client;
  starts: { workflowType: string; options: WorkflowStartOptions }[];
}

/** `existing` is the type of the workflow a describe() finds (a duplicate's original, by default a callback); 'none': none. */
export function stubClient(
  start: (options: WorkflowStartOptions) => Promise<void> = async () => undefined,
  memo: object = {},
  existing = 'callbackWorkflow',
): StubClient {
  const starts: StubClient['starts'] = [];
  const client = {
    connection: { withDeadline: <T>(_deadline: number, fn: () => Promise<T>) => fn() },
    workflow: {
      async start(workflowType: string, options: WorkflowStartOptions) {
        starts.push({ workflowType, options });
        await start(options);
        return { workflowId: options.workflowId };
      },
      getHandle: () => ({
        describe: async () => {
          if (existing === 'none') throw new Error('workflow not found');
          return { type: existing, memo };
        },
      }),
    },
  };
  return { client: client as unknown as Client, starts };
}
