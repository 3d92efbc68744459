// Proves the sandbox import rule used by eslint.config.mjs fires on bad imports in workflows/.
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { workflowImportRule } = require('../../../eslint.workflow-rule.cjs');

const eslint = new ESLint({
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, workflowImportRule],
});

async function problems(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: 'workflows/example.ts' });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('workflow sandbox import rule', () => {
  test.each([
    "import { readFileSync } from 'node:fs';",
    "import { request } from 'undici';",
    "import { createHttpDriver } from '../src/destinations/http';",
    "import { createActivities } from '../activities';",
    "import pino from 'pino';",
    "import { OpenTelemetryActivityInboundInterceptor } from '@temporalio/interceptors-opentelemetry';",
  ])('rejects %s', async (line) => {
    expect(await problems(line)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  test.each([
    "import * as wf from '@temporalio/workflow';",
    "import { defineSearchAttributeKey } from '@temporalio/common';",
    "import { SA } from '../src/contracts';",
    "import { attemptActivityOptions } from './policies';",
    "import type { Activities } from '../activities';",
    "import type * as OtelWorkflow from '@temporalio/interceptors-opentelemetry/lib/workflow';",
  ])('allows %s', async (line) => {
    expect(await problems(line)).toEqual([]);
  });
});

describe('contracts stay workflow-safe', () => {
  const { contractsImportRule } = require('../../../eslint.workflow-rule.cjs'); // eslint-disable-line @typescript-eslint/no-require-imports
  const contracts = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, contractsImportRule],
  });
  const lint = async (code: string) =>
    (await contracts.lintText(code, { filePath: 'src/contracts/example.ts' }))[0].messages.length;

  test('rejects Node and app modules, allows the SDK common package and siblings', async () => {
    expect(await lint("import { createHash } from 'node:crypto';")).toBe(1);
    expect(await lint("import { parseConfig } from '../config';")).toBe(1);
    expect(await lint("import { SearchAttributeType } from '@temporalio/common';")).toBe(0);
    expect(await lint("import { SA } from './search-attributes';")).toBe(0);
  });
});
