// Where a scenario run alone writes its JSON: a stamped file (git-ignored in bench/results/) and
// latest-<scenario>-<quick|full>.json, the one the docs cite.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeResultFiles(options: { quick: boolean; out: string }, scenario: string, json: unknown): string[] {
  mkdirSync(options.out, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const name = options.quick ? 'quick' : 'full';
  const files = [join(options.out, `${name}-${scenario}-${stamp}.json`), join(options.out, `latest-${scenario}-${name}.json`)];
  for (const file of files) writeFileSync(file, JSON.stringify(json, null, 2));
  return files;
}
