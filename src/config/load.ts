import { readFileSync } from 'node:fs';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { configSchema, type BarrageConfig } from './schema';

export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`invalid config ${source}:\n${problems.map((p) => `  - ${p.path}: ${p.message}`).join('\n')}`);
  }
}

export type Env = Record<string, string | undefined>;

/** Parses and validates YAML text. Pure: the environment is passed in, not read. */
export function parseConfig(text: string, env: Env, source = '<config>'): BarrageConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? `line ${err.linePos[0].line}` : '(yaml)';
    throw new ConfigError(source, [{ path: where, message: (err as Error).message.split('\n')[0] }]);
  }
  return validateConfig(raw ?? {}, env, source);
}

/** Validates a config given as an object (the same shape as the file), e.g. by the library. */
export function validateConfig(raw: unknown, env: Env, source = '<config>'): BarrageConfig {
  const result = configSchema(env).safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
  throw new ConfigError(source, problems);
}

/** The config file: --config wins, then BARRAGE_CONFIG, then the given default. */
export function resolveConfigPath(flag: string | undefined, env: Env, fallback?: string): string | undefined {
  return flag ?? env.BARRAGE_CONFIG ?? fallback;
}

export function loadConfig(path: string, env: Env): BarrageConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError(path, [{ path: '(file)', message: (err as Error).message }]);
  }
  return parseConfig(text, env, path);
}
