#!/usr/bin/env node
// npm's "prepare": runs after `npm install` in this folder and when npm installs Barrage from a git
// URL (it then packs what this builds). A development clone builds through scripts/setup.mjs,
// which sets BARRAGE_SETUP so the build is not done twice; an existing build is kept.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!process.env.BARRAGE_SETUP && !existsSync(join(root, 'dist', 'src', 'lib', 'index.js'))) {
  console.log('[prepare] building (tsc + workflow bundle)…');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
}
