// The workflow sandbox rule, in its own module so test/unit/lint proves it fires.
// workflows/ may import only the workflow SDK, the SDK's pure common package, Temporal's
// workflow-side OpenTelemetry interceptors (tracing.ts), other workflow files and src/contracts;
// activities only as types.
const workflowImportRule = {
  files: ['workflows/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex:
              '^(?!@temporalio/(workflow|common|interceptors-opentelemetry/lib/workflow)$|\\.\\./src/contracts(/.*)?$|\\./|\\.\\./activities$).*',
            message:
              'workflows/ runs in the deterministic sandbox: import only @temporalio/workflow, @temporalio/common, Temporal’s workflow-side OTel interceptors, ./*, ../src/contracts (and ../activities as a type).',
          },
          { group: ['../activities'], allowTypeImports: true, message: 'import activities into workflows as types only' },
        ],
      },
    ],
  },
};

/** src/contracts is bundled into workflows, so it stays pure as well. */
const contractsImportRule = {
  files: ['src/contracts/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(?!@temporalio/common$|\\./).*',
            message: 'src/contracts is workflow-safe: import only @temporalio/common and ./*',
          },
        ],
      },
    ],
  },
};

module.exports = { workflowImportRule, contractsImportRule };
