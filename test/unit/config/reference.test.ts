import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReferenceMarkdown, configReferenceRows } from '../../../src/config/reference';

test('docs/CONFIG.md carries the table generated from the schema (regenerate: npx barrage config reference)', () => {
  const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'CONFIG.md'), 'utf8');
  const block = /<!-- config-reference:start -->\n([\s\S]*?)\n<!-- config-reference:end -->/.exec(doc);
  expect(block?.[1]).toBe(configReferenceMarkdown());
});

test('every key the issue fixes is documented, with a description', () => {
  const rows = configReferenceRows();
  const keys = rows.map((r) => r.key);
  for (const key of [
    'server.port',
    'server.maxBodyBytes',
    'temporal.address',
    'temporal.devServer.port',
    'temporal.devServer.uiPort',
    'temporal.devServer.dbFile',
    'temporal.taskQueue',
    'security.allowPrivateDestinations',
    'tenants[].apiKeys',
    'tenants[].destinations[].retry.jitter',
    'tenants[].destinations[].deadLetter',
    'tenants[].sources[].verify',
  ]) {
    expect(keys).toContain(key);
  }
  expect(rows.filter((r) => !r.description).map((r) => r.key)).toEqual([]);
});
