#!/usr/bin/env node
// Rewrites the generated table in docs/CONFIG.md from the config schema (needs `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const { configReferenceMarkdown } = createRequire(import.meta.url)(join(root, 'dist/src/config/reference'));
const path = join(root, 'docs/CONFIG.md');
const doc = readFileSync(path, 'utf8');
const updated = doc.replace(
  /(<!-- config-reference:start -->\n)[\s\S]*?(\n<!-- config-reference:end -->)/,
  (_, start, end) => `${start}${configReferenceMarkdown()}${end}`,
);
writeFileSync(path, updated);
console.log(updated === doc ? 'docs/CONFIG.md already current' : 'docs/CONFIG.md updated');
