import { visibilityQuery } from '../../../src/events/list';

describe('the events list visibility query', () => {
  test('"delivered" also finds deliveries that closed Completed without writing it (revision 2)', () => {
    expect(visibilityQuery({ status: 'delivered', limit: 10 }, true)).toBe(
      "WorkflowType = 'deliveryWorkflow' AND (BarrageStatus = 'delivered' OR (BarrageStatus = 'delivering' AND ExecutionStatus = 'Completed'))",
    );
  });

  test('"delivering" is only what still runs; the other statuses are written and matched as they are', () => {
    expect(visibilityQuery({ status: 'delivering', limit: 10 }, true)).toBe(
      "WorkflowType = 'deliveryWorkflow' AND BarrageStatus = 'delivering' AND ExecutionStatus = 'Running'",
    );
    expect(visibilityQuery({ status: 'failed', destination: "o'k", limit: 10 }, true)).toBe(
      "WorkflowType = 'deliveryWorkflow' AND BarrageDestination = 'o\\'k' AND BarrageStatus = 'failed'",
    );
  });
});
