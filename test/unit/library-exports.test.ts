// The library's names are a contract: every name exported when it was first published (the
// fixture) is still exported, value or type. Additions are fine; add them to the fixture as well.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from '../../src/config';

const ENTRIES = { barrage: 'src/lib/index.ts', 'barrage/client': 'src/client/index.ts' } as const;
const published: Record<keyof typeof ENTRIES, string[]> = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'test', 'fixtures', 'exports', 'v0.1.0.json'), 'utf8'),
);

function exportedNames(file: string): string[] {
  const path = join(PROJECT_ROOT, file);
  const program = ts.createProgram([path], { strict: true, module: ts.ModuleKind.CommonJS, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const symbol = checker.getSymbolAtLocation(program.getSourceFile(path)!)!;
  return checker.getExportsOfModule(symbol).map((s) => s.getName());
}

test.each(Object.entries(ENTRIES))('%s still exports every name it was published with', (entry, file) => {
  const names = exportedNames(file);
  expect(names).toEqual(expect.arrayContaining(published[entry as keyof typeof ENTRIES]));
});

test('the runtime exports are the functions and classes the documents name', async () => {
  const library = await import('../../src/lib');
  expect(typeof library.createHub).toBe('function');
  expect(new library.BarrageError(404, 'not_found', 'x')).toMatchObject({ status: 404, code: 'not_found', name: 'BarrageError' });
  const client = await import('../../src/client');
  expect(typeof client.createBarrageClient).toBe('function');
});
