// Runs the real receiver + worker roles in the test process against the shared Temporal.
import { Connection, Client } from '@temporalio/client';
import type { Role } from '../../src/cli/role-names';
import { runRoles, type RunRolesOptions } from '../../src/cli/roles';
import type { BarrageConfig } from '../../src/config';
import { openRegistry } from '../../src/registry/open';
import type { QueuePoller } from '../../src/sources/poller';
import { createLogger, type Logger } from '../../src/telemetry/logger';

export interface TestHub {
  url: string;
  /** The queue pollers, when the pollers role runs. */
  pollers: QueuePoller[];
  stop(): Promise<void>;
}

export async function startHub(
  config: BarrageConfig,
  roles: Role[] = ['receiver', 'worker'],
  logger?: Logger,
  overrides: Partial<Pick<RunRolesOptions, 'drivers' | 'registry'>> = {},
): Promise<TestHub> {
  const controller = new AbortController();
  let url = '';
  let pollers: QueuePoller[] = [];
  let markWorker: () => void = () => undefined;
  const workerUp = new Promise<void>((resolve) => (markWorker = resolve));
  let markReceiver: () => void = () => undefined;
  const receiverUp = new Promise<void>((resolve) => (markReceiver = resolve));
  // As `barrage start` opens it: without database.url, the config file alone.
  const registry = overrides.registry ?? (await openRegistry(config, 'start', createLogger('silent'))).registry;
  const running = runRoles({
    config,
    registry,
    roles,
    address: config.temporal.address,
    logger: logger ?? createLogger(process.env.BARRAGE_TEST_LOG ?? 'silent'),
    signal: controller.signal,
    onReceiver: (r) => {
      url = r.url;
      markReceiver();
    },
    onWorkerRunning: markWorker,
    onPollers: (p) => (pollers = p),
    drivers: overrides.drivers,
  });
  running.catch(() => undefined);
  await Promise.race([
    Promise.all([roles.includes('worker') ? workerUp : null, roles.includes('receiver') ? receiverUp : null]),
    running.then(() => Promise.reject(new Error('hub stopped during start-up'))),
  ]);
  return {
    get url() {
      return url;
    },
    get pollers() {
      return pollers;
    },
    async stop() {
      controller.abort();
      await running;
    },
  };
}

export async function temporalClient(address: string, namespace: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace });
}

/**
 * Starts a hub that is expected to fail at start: the error it failed with (undefined if it
 * started, after stopping it), and whether it ever logged a wait for Temporal on the way.
 */
export async function startFailure(
  config: BarrageConfig,
  logs: ReturnType<typeof capturingLogger>,
): Promise<{ failure: Error | undefined; waited: boolean }> {
  const failure = await startHub(config, undefined, logs.logger).then(
    async (hub) => {
      await hub.stop();
      return undefined;
    },
    (err: unknown) => err as Error,
  );
  return { failure, waited: logs.lines().some((l) => l.msg === 'waiting for Temporal') };
}

export interface ApiResponse {
  status: number;
  body: any;
}

export async function api(
  url: string,
  init: { method?: string; key?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  let body: string | Buffer | undefined = init.raw;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A real pino logger whose JSON lines the test can read. */
export function capturingLogger(): { logger: Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const logger = createLogger('info', 'barrage', { write: (s: string) => void chunks.push(s) });
  return {
    logger,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}
