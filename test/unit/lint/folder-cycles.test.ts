// The folder-layering check (`npm run lint` runs dependency-cruiser with .dependency-cruiser.cjs)
// fires on a cycle between folders, even when no single file imports itself back, and passes on
// this project's own tree.
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(join(ROOT, '.dependency-cruiser.cjs'));

/**
 * The package is an ES module only; the test transform would turn a plain import() into
 * require(), so the import is made at run time (jest runs with --experimental-vm-modules).
 */
const esmImport = new Function('path', 'return import(path)') as (path: string) => Promise<unknown>;
const loadCruiser = () =>
  esmImport(join(ROOT, 'node_modules', 'dependency-cruiser', 'src', 'main', 'index.mjs')) as Promise<
    typeof import('dependency-cruiser')
  >;

async function violations(paths: string[], cwd: string): Promise<string[]> {
  const { cruise } = await loadCruiser();
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    // The fixture has no tsconfig of its own; the project's is read from the root.
    const tsConfig = cwd === ROOT ? config.options.tsConfig : undefined;
    const result = await cruise(paths, { ...config.options, tsConfig, validate: true, ruleSet: { forbidden: config.forbidden } });
    const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
    return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(previous);
  }
}

test('a cycle between two folders is refused', async () => {
  const found = await violations(['src'], join(ROOT, 'test', 'fixtures', 'folder-cycle'));
  expect(found).toEqual(
    expect.arrayContaining([expect.stringMatching(/^no-folder-cycle: src\/(orders|billing) → src\/(billing|orders)$/)]),
  );
});

test('the project’s own folders have none', async () => {
  expect(await violations(['src', 'activities', 'workflows'], ROOT)).toEqual([]);
}, 30_000);
