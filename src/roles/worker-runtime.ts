// The Temporal SDK's native runtime, installed once per process: its own log level, and (when the
// process serves /metrics) its Prometheus exporter on a loopback port.
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import { freePort } from '../net/free-port';
import type { Metrics } from '../telemetry/metrics';

let runtimeInstalled = false;

/**
 * The SDK's own runtime logs only warnings and worse; Barrage's logger covers the rest. With
 * `metricsAddress` its Prometheus exporter serves the SDK's worker metrics (task slots,
 * schedule-to-start latency, sticky cache) there; true when it was installed with it.
 */
export function installRuntime(level: LogLevel = 'WARN', metricsAddress?: string): boolean {
  if (runtimeInstalled) return false;
  runtimeInstalled = true;
  const metrics = metricsAddress
    ? { metrics: { prometheus: { bindAddress: metricsAddress, countersTotalSuffix: true, useSecondsForDurations: true } } }
    : {};
  try {
    Runtime.install({ logger: new DefaultLogger(level), telemetryOptions: metrics });
    return metricsAddress !== undefined;
  } catch {
    // Already installed by an embedding process (tests): keep theirs.
    return false;
  }
}

/** The SDK's exporter listens on a loopback port of its own; /metrics appends what it serves. */
export async function exposeSdkMetrics(metrics: Metrics | undefined): Promise<void> {
  if (!metrics) return void installRuntime();
  const address = `127.0.0.1:${await freePort()}`;
  if (installRuntime('WARN', address)) metrics.sources.push(`http://${address}/metrics`);
}
