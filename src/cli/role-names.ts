// The role names and the shutdown signal, apart from the composition root: the CLI reads these
// before it loads express, undici and the Temporal SDK (tracing must start first).
import type { Logger } from '../telemetry/logger';

export const ROLES = ['receiver', 'worker', 'pollers'] as const;
export type Role = (typeof ROLES)[number];

export function parseRoles(value: string): Role[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length || roles.length === 0) {
    throw new Error(`unknown role(s) ${unknown.join(', ') || '(none)'}; use any of: ${ROLES.join(', ')}`);
  }
  return roles as Role[];
}

/** An AbortSignal that fires on SIGINT/SIGTERM: the one shutdown path for every role. */
export function shutdownSignal(logger: Logger): AbortSignal {
  const controller = new AbortController();
  const stop = (sig: string) => {
    if (controller.signal.aborted) return;
    logger.info({ signal: sig }, 'shutting down');
    controller.abort();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return controller.signal;
}
