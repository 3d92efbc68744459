// `barrage listen`: a local destination that prints each delivery and checks its signature —
// what a developer points a destination at while building the receiving side.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '../delivery/signature';

export interface SinkOptions {
  host: string;
  port: number;
  /** Read per delivery, so secrets added at runtime verify too. */
  secrets: string[] | (() => string[]);
  /** Status answered to every delivery. */
  status: number;
  print: (line: string) => void;
  now?: () => number;
}

export interface Sink {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const BODY_PREVIEW = 2048;

export function describeDelivery(req: IncomingMessage, body: Buffer, secrets: string[], nowMs: number): string {
  const h = (name: string) => String(req.headers[name] ?? '');
  let signature = 'unsigned';
  if (secrets.length && h('webhook-signature')) {
    const result = verify(secrets, {
      id: h('webhook-id'),
      timestampSeconds: Number(h('webhook-timestamp')),
      body,
      signatureHeader: h('webhook-signature'),
      nowSeconds: Math.floor(nowMs / 1000),
    });
    signature = result.ok ? 'signature OK' : `signature INVALID (${result.reason})`;
  } else if (h('webhook-signature')) signature = 'signed (no --secret to check)';
  const preview = body.subarray(0, BODY_PREVIEW).toString('utf8') + (body.length > BODY_PREVIEW ? ' …' : '');
  return [
    `${new Date(nowMs).toISOString()} ${req.method} ${req.url} ${h('barrage-event-type') || '-'} id=${h('webhook-id') || '-'} attempt=${h('barrage-attempt') || '-'} ${signature}`,
    `  ${h('content-type')} ${body.length} bytes: ${preview}`,
  ].join('\n');
}

export function startSink(options: SinkOptions): Promise<Sink> {
  const now = options.now ?? Date.now;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      options.print(
        describeDelivery(
          req,
          Buffer.concat(chunks),
          typeof options.secrets === 'function' ? options.secrets() : options.secrets,
          now(),
        ),
      );
      res.writeHead(options.status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${options.host}:${port}`,
        server,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
