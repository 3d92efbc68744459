/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // The OpenAPI validator's resolver ships only as ES modules; jest runs CommonJS.
    '^.+/@apidevtools/json-schema-ref-parser/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@apidevtools/json-schema-ref-parser/)'],
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  testTimeout: 90_000,
  maxWorkers: 2,
  // Files share one Temporal server; the slowest go first so the two workers stay busy.
  testSequencer: '<rootDir>/test/helpers/sequencer.js',
};
