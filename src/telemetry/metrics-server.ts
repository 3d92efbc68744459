// GET /metrics on its own port, for processes without a receiver (worker and pollers roles).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from './logger';
import { metricsText, type Metrics } from './metrics';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

export async function serveMetrics(
  metrics: Metrics,
  options: { host: string; port: number },
  logger: Logger,
): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') return void res.writeHead(404).end();
    metricsText(metrics).then(
      (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (err: unknown) => {
        logger.error({ err }, 'metrics collection failed');
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE' ? new Error(`telemetry.metricsPort ${options.port} is in use: choose another or 0 (off)`) : err,
      ),
    );
    server.listen(options.port, options.host, resolve);
  });
  const url = `http://${options.host}:${(server.address() as AddressInfo).port}/metrics`;
  logger.info({ url }, 'metrics listening');
  return { url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
