// HTTP at the byte level: requests no well-behaved client would send (bad framing, invalid
// methods, undecodable paths, headers over the limit), and the first response read back as sent.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  /** undefined when the connection closed (or timed out) without a status line. */
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** Every byte received, as latin1 text (interim "100 Continue" answers included). */
  raw: string;
  /** The server closed the connection before `timeoutMs`. */
  closed: boolean;
  elapsedMs: number;
}

export interface RawOptions {
  timeoutMs?: number;
  /**
   * Half-close after writing (default false). Node's server drops the response to a request whose
   * sender half-closed before it was answered, so only parser-level cases want this.
   */
  end?: boolean;
  /** Resolve once a whole response is in, instead of waiting for the server to close (default false). */
  untilResponse?: boolean;
  /** A HEAD request: its response has headers only. */
  head?: boolean;
  /** Called once connected, to write slowly or in parts; `data` is then not written. */
  write?: (socket: Socket) => void | Promise<void>;
}

export function rawRequest(baseUrl: string, data: string | Buffer, options: RawOptions = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect({ host: hostname, port: Number(port) });
    let closed = false;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const all = Buffer.concat(chunks);
      resolve({ ...parseResponse(all), raw: all.toString('latin1'), closed, elapsedMs: Date.now() - started });
    };
    const timer = setTimeout(finish, options.timeoutMs ?? 5_000);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      if (options.untilResponse && isComplete(Buffer.concat(chunks), options.head === true)) finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('connect', () => {
      void (async () => {
        if (options.write) await options.write(socket);
        else socket.write(data);
        if (options.end === true && !socket.destroyed) socket.end();
      })().catch(() => undefined);
    });
  });
}

/** A "100 Continue" comes before the real response. */
function skipInterim(bytes: Buffer): Buffer {
  let rest = bytes;
  while (/^HTTP\/1\.[01] 1\d\d /.test(rest.subarray(0, 16).toString('latin1'))) {
    const end = rest.indexOf('\r\n\r\n');
    if (end === -1) break;
    rest = rest.subarray(end + 4);
  }
  return rest;
}

function isComplete(all: Buffer, head: boolean): boolean {
  const bytes = skipInterim(all);
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd === -1) return false;
  const { status, headers } = parseResponse(bytes);
  if (head || status === 204 || status === 304) return true;
  return bytes.length - (headEnd + 4) >= Number(headers['content-length'] ?? Infinity);
}

function parseResponse(all: Buffer): Pick<RawResponse, 'status' | 'headers' | 'body'> {
  const bytes = skipInterim(all);
  const headEnd = bytes.indexOf('\r\n\r\n');
  const [statusLine, ...lines] = bytes
    .subarray(0, headEnd === -1 ? undefined : headEnd)
    .toString('latin1')
    .split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = headEnd === -1 ? Buffer.alloc(0) : bytes.subarray(headEnd + 4);
  const length = headers['content-length'] === undefined ? rest.length : Number(headers['content-length']);
  return { status: match ? Number(match[1]) : undefined, headers, body: rest.subarray(0, length).toString('utf8') };
}

/** Builds a request's bytes with a correct Content-Length (unless the headers set one). */
export function httpRequest(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Buffer {
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
  const all: Record<string, string> = { host: '127.0.0.1', connection: 'close', ...headers };
  if (body !== undefined && !Object.keys(all).some((h) => h.toLowerCase() === 'content-length')) {
    all['content-length'] = String(payload.length);
  }
  const head = `${method} ${path} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), payload]);
}

/** The API's promise for every error: JSON with a machine-readable code. */
export function errorCodeOf(response: RawResponse): string | undefined {
  try {
    const parsed = JSON.parse(response.body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string' ? parsed.error.code : undefined;
  } catch {
    return undefined;
  }
}
