// Test tiers as jest projects. `npm test` runs them all; each tier starts only what it needs:
// unit starts no server process at all, workflow starts Temporal, the broker tiers add Kafka,
// ElasticMQ and PostgreSQL (test/helpers/global-setup.ts, shared when several tiers run together).
// The npm scripts run jest with --experimental-vm-modules: PGlite loads its WebAssembly build with
// a dynamic import(), which jest's sandbox allows only then.
const swc = ['@swc/jest', { jsc: { target: 'es2022' } }];
const base = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': swc },
};
const withServers = (setup) => ({
  globalSetup: `<rootDir>/test/helpers/${setup}`,
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 90_000,
  maxWorkers: 2,
  reporters: ['<rootDir>/test/helpers/file-reporter.js', '<rootDir>/test/helpers/summary-reporter.js'],
  // Files share one Temporal server; the slowest go first so the two workers stay busy.
  testSequencer: '<rootDir>/test/helpers/sequencer.js',
  projects: [
    {
      ...base,
      displayName: 'unit',
      roots: ['<rootDir>/test/unit'],
      setupFilesAfterEnv: ['<rootDir>/test/helpers/no-processes.ts'],
    },
    { ...base, displayName: 'workflow', roots: ['<rootDir>/test/workflows'], ...withServers('global-setup-temporal.ts') },
    { ...base, displayName: 'integration', roots: ['<rootDir>/test/integration'], ...withServers('global-setup.ts') },
    { ...base, displayName: 'contract', roots: ['<rootDir>/test/contract'], ...withServers('global-setup.ts') },
    { ...base, displayName: 'e2e', roots: ['<rootDir>/test/e2e'], ...withServers('global-setup.ts') },
    // The core e2e cases and the management API once more on temporal-server + PostgreSQL, and what
    // only that server shows.
    {
      ...base,
      displayName: 'cluster',
      roots: ['<rootDir>/test/e2e', '<rootDir>/test/cluster'],
      testMatch: ['**/e2e/hub.test.ts', '**/e2e/management.test.ts', '**/cluster/*.test.ts'],
      globals: { BARRAGE_TEST_TEMPORAL: 'cluster' },
      ...withServers('global-setup-cluster.ts'),
    },
  ],
};
