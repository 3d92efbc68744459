// Where the shared test Temporal server is; written by global-setup.ts.
export const TEST_NAMESPACES = ['barrage-e2e', 'barrage-e2e-b', 'barrage-wf', 'barrage-kill', 'barrage-dev-sub'] as const;

export function testTemporalAddress(): string {
  const address = process.env.BARRAGE_TEST_TEMPORAL_ADDRESS;
  if (!address)
    throw new Error('BARRAGE_TEST_TEMPORAL_ADDRESS is not set: run the tests through jest (global-setup starts Temporal)');
  return address;
}
