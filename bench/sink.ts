// The benchmark's destination: node:http answering as fast as it can, noting when each
// webhook-id first arrived so accept→receipt latency can be measured.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BenchSink {
  url: string;
  /** Requests seen per path (all attempts). */
  requests: Map<string, number>;
  /** Successful (2xx) receipts: webhook-id → first receipt time (performance.now()). */
  delivered: Map<string, number>;
  /** Successful (2xx) receipts per webhook-id + path, counting repeats (scenario 18's duplicates). */
  successes: Map<string, number>;
  waiters: Map<string, () => void>;
  /** Fraction of requests to /flaky… paths answered 500. */
  flakyFailureRate: number;
  waitFor(id: string, timeoutMs: number): Promise<number>;
  reset(): void;
  close(): Promise<void>;
}

export async function startBenchSink(): Promise<BenchSink> {
  const sink = {
    requests: new Map(),
    delivered: new Map(),
    successes: new Map(),
    waiters: new Map(),
    flakyFailureRate: 0.5,
  } as BenchSink;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0];
      sink.requests.set(path, (sink.requests.get(path) ?? 0) + 1);
      const fail = path.startsWith('/flaky') && Math.random() < sink.flakyFailureRate;
      const answer = () => {
        res.writeHead(fail ? 500 : 200).end();
        if (fail) return;
        const id = String(req.headers['webhook-id'] ?? '');
        const key = `${id}${path}`;
        sink.successes.set(key, (sink.successes.get(key) ?? 0) + 1);
        if (!sink.delivered.has(key)) sink.delivered.set(key, performance.now());
        sink.waiters.get(key)?.();
      };
      // Scenario 15's slow destination takes 300 ms to answer.
      if (path === '/slow') setTimeout(answer, 300);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sink.waitFor = (key, timeoutMs) =>
    new Promise((resolve, reject) => {
      const seen = sink.delivered.get(key);
      if (seen !== undefined) return resolve(seen);
      const timer = setTimeout(() => {
        sink.waiters.delete(key);
        reject(new Error(`no delivery of ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      sink.waiters.set(key, () => {
        clearTimeout(timer);
        sink.waiters.delete(key);
        resolve(sink.delivered.get(key)!);
      });
    });
  sink.reset = () => {
    sink.requests.clear();
    sink.delivered.clear();
    sink.successes.clear();
  };
  sink.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return sink;
}
