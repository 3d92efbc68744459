// docs/ARCHITECTURE.md's code map names every folder of src/ (and the top-level code folders),
// so a new folder is explained where a new maintainer looks first.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/base/paths';

test('the code map lists every folder of src/', () => {
  const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const map = doc.slice(doc.indexOf('## Code map'), doc.indexOf('\n## ', doc.indexOf('## Code map') + 1));
  const folders = readdirSync(join(PROJECT_ROOT, 'src'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => `src/${d.name}/`);
  const missing = [...folders, 'workflows/', 'activities/'].filter((f) => !map.includes(`| \`${f}\``));
  expect(missing).toEqual([]);
});
