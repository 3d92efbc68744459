// The release before the current workflow revision, built from git into .tools/releases/ (kept
// between runs): what an upgrade test starts deliveries on before swapping in today's worker.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** main as it landed before revision 3 (holdable attempts): deliveries of revision 2. */
export const PREVIOUS_RELEASE = '58d1f8909c151a6f5b0925938a0f0b29d8059a20';

/** The previous release's CLI (dist/src/cli/main.js), built once. */
export function previousReleaseCli(commit = PREVIOUS_RELEASE): string {
  const dir = join(PROJECT_ROOT, '.tools', 'releases', commit.slice(0, 12));
  const cli = join(dir, 'dist', 'src', 'cli', 'main.js');
  const stamp = join(dir, '.built');
  if (existsSync(stamp)) return cli;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = execFileSync('git', ['-C', PROJECT_ROOT, 'archive', '--format=tar', commit], { maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  // Same dependencies as today's tree (the lock file did not change since): linked, not installed.
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(PROJECT_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  execFileSync(process.execPath, [join('dist', 'src', 'temporal', 'bundle-cli.js')], { cwd: dir, stdio: 'ignore' });
  writeFileSync(stamp, new Date().toISOString());
  return cli;
}
