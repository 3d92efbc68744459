// A real HTTP destination on 127.0.0.1:0 whose answers a test scripts, recording every request.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
  /** When the answer was sent (undefined while the reply is delayed). */
  answeredAt?: number;
  /** The status the sink answered with. */
  status?: number;
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
}

export type Responder = (req: Received, index: number) => Reply;

export interface TestSink {
  url: string;
  received: Received[];
  respond: Responder;
  waitFor(count: number, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startTestSink(respond: Responder = () => ({ status: 200 })): Promise<TestSink> {
  const received: Received[] = [];
  const sink = { received, respond } as TestSink;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry: Received = { path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), at: Date.now() };
      received.push(entry);
      const reply = sink.respond(entry, received.length - 1);
      entry.status = reply.status;
      setTimeout(() => {
        res.writeHead(reply.status, reply.headers).end(reply.body ?? '');
        entry.answeredAt = Date.now();
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  sink.waitFor = async (count, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (received.length < count) {
      if (Date.now() > deadline) throw new Error(`sink got ${received.length} of ${count} requests in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return received;
  };
  sink.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return sink;
}

/** Bounded poll for a condition the system reaches asynchronously. */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The most arrivals (ms timestamps) in any one-second window. */
export function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i] - sorted[j] >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}
