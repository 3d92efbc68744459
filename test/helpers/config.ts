// Config fixtures: a valid config object with overrides, parsed by the real schema.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ConfigError, parseConfig, type BarrageConfig } from '../../src/config';

export const TEST_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export interface DestinationFixture {
  id: string;
  url: string;
  events?: string[];
  secret?: string | string[];
  headers?: Record<string, string>;
  timeout?: string;
  retry?: Record<string, unknown>;
  deadLetter?: string;
  rateLimit?: { perSecond: number };
}

/** Fast retries so tests wait milliseconds, not minutes. */
export const FAST_RETRY = {
  initialInterval: '100ms',
  backoffCoefficient: 2,
  maximumInterval: '1s',
  maximumAttempts: 5,
  jitter: 0,
};

export function destination(id: string, url: string, overrides: Partial<DestinationFixture> = {}): DestinationFixture {
  return { id, url, events: ['*'], secret: TEST_SECRET, timeout: '5s', retry: FAST_RETRY, ...overrides };
}

export interface TenantFixture {
  id: string;
  namespace?: string;
  apiKeys: string[];
  /** HTTP destinations from destination(), or queue destinations written as plain objects. */
  destinations: (DestinationFixture | Record<string, unknown>)[];
  sources?: unknown[];
  operatorDestination?: string;
  requireKnownEventTypes?: boolean;
  portal?: { brand?: Record<string, string> };
}

export interface TestConfigOptions {
  address: string;
  taskQueue: string;
  tenants: TenantFixture[];
  /** Top-level keys that replace the defaults (server, security, log, telemetry, …). */
  raw?: Record<string, unknown>;
}

/** A valid config as plain data: what testConfig() parses and writeTestConfigFile() writes. */
export function rawTestConfig(options: TestConfigOptions): Record<string, unknown> {
  return {
    server: { port: 0, maxBodyBytes: 4096 },
    // Both servers the tests start reload namespaces every 1-2 s (the default 10 s would slow every new tenant).
    temporal: { address: options.address, taskQueue: options.taskQueue, namespaceCacheRefresh: '2s' },
    security: { allowPrivateDestinations: true },
    log: { level: 'silent' },
    tenants: options.tenants,
    ...options.raw,
  };
}

export function testConfig(options: TestConfigOptions): BarrageConfig {
  return parseConfig(stringify(rawTestConfig(options)), {}, 'test');
}

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** The problems a config text has, as "path: message" lines ([] when it is valid). */
export function configProblems(text: string, env: Record<string, string> = {}): string[] {
  try {
    parseConfig(text, env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.map((p) => `${p.path}: ${p.message}`);
    throw err;
  }
  return [];
}

/** Writes a config as YAML into a fresh temporary directory, for `barrage start --config`. */
export function writeConfigFile(prefix: string, config: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), `${prefix}-`)), 'barrage.yaml');
  writeFileSync(file, stringify(config));
  return file;
}

/**
 * The config file of a spawned `barrage` process: testConfig()'s, logging at info, since tests
 * wait for its log lines ("worker running", "receiver listening").
 */
export function writeTestConfigFile(prefix: string, options: TestConfigOptions): string {
  return writeConfigFile(prefix, rawTestConfig({ ...options, raw: { log: { level: 'info' }, ...options.raw } }));
}
