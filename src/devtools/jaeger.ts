// Jaeger v2 (all-in-one, in-memory) as the real OTLP trace backend for tests and trials, run from
// the binary `npm run setup` builds into .tools/jaeger. Loopback only, on the ports it is given.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../config';
import { freePort } from '../net/free-port';
import { stopProcess } from '../temporal/dev-server';

export const JAEGER_BIN = join(PROJECT_ROOT, '.tools', 'jaeger', 'jaeger');

export interface RunningJaeger {
  /** OTLP over HTTP, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  otlpEndpoint: string;
  /** The query API and UI: /api/traces/{id}, /api/services. */
  queryUrl: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface JaegerPorts {
  otlpHttp: number;
  otlpGrpc: number;
  query: number;
  queryGrpc: number;
}

export async function freeJaegerPorts(): Promise<JaegerPorts> {
  return { otlpHttp: await freePort(), otlpGrpc: await freePort(), query: await freePort(), queryGrpc: await freePort() };
}

export interface JaegerOptions {
  /** A built Jaeger UI (see scripts/trace-screenshot.mjs); the Go-built binary only has a placeholder page. */
  uiAssets?: string;
  readyTimeoutMs?: number;
}

/** The collector-style config of Jaeger v2, with every listener on loopback and its own metrics off. */
function config(ports: JaegerPorts, uiAssets?: string): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    logs:
      level: warn
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 127.0.0.1:${ports.otlpGrpc}
      http:
        endpoint: 127.0.0.1:${ports.otlpHttp}
processors:
  batch:
    timeout: 200ms
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
  jaeger_query:
    storage:
      traces: memstore
${uiAssets ? `    ui:\n      assets_path: ${JSON.stringify(uiAssets)}\n` : ''}    http:
      endpoint: 127.0.0.1:${ports.query}
    grpc:
      endpoint: 127.0.0.1:${ports.queryGrpc}
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}

export async function startJaeger(ports: JaegerPorts, options: JaegerOptions = {}): Promise<RunningJaeger> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
  if (!existsSync(JAEGER_BIN)) throw new Error(`Jaeger is missing at ${JAEGER_BIN}: run \`npm run setup\` (it needs Go 1.24+)`);
  const file = join(mkdtempSync(join(tmpdir(), 'barrage-jaeger-')), 'jaeger.yaml');
  writeFileSync(file, config(ports, options.uiAssets));
  const child = spawn(JAEGER_BIN, ['--config', `file:${file}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const queryUrl = `http://127.0.0.1:${ports.query}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Jaeger exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${queryUrl}/api/services`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`Jaeger not ready in ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { otlpEndpoint: `http://127.0.0.1:${ports.otlpHttp}`, queryUrl, pid: child.pid, stop: () => stopProcess(child) };
}
