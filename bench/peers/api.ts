// The ingest side of a reference dispatcher: authenticate, validate, route by event-type pattern,
// hand the event to the store, answer. What the store does (one transaction, one MULTI) is the
// caller's `enqueue`; this file is the same for both peers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { matchesAny } from '../../src/delivery/patterns';
import { errorText, eventIdFor, log, type Enqueue, type PeerSettings } from './settings';

const fail = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ error: { code, message } });

export function createPeerApi(settings: PeerSettings, enqueue: Enqueue): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.post('/v1/events', express.json({ limit: '1mb' }), async (req: Request, res: Response) => {
    if (req.get('authorization') !== `Bearer ${settings.apiKey}`) {
      return fail(res, 401, 'unauthorized', 'a valid Bearer API key is required');
    }
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || typeof (body as { type?: unknown }).type !== 'string') {
      return fail(res, 400, 'invalid_event', 'the body must be a JSON object with a string "type"');
    }
    const { type, data } = body as { type: string; data?: unknown };
    const id = eventIdFor(req.get('idempotency-key'));
    const destinations = settings.destinations.filter((d) => matchesAny(d.events, type)).map((d) => d.id);
    try {
      const outcome = await enqueue(id, JSON.stringify({ type, data }), destinations);
      if (outcome === 'duplicate') return res.status(200).json({ id, duplicate: true });
      return res.status(202).json({ id, destinations: destinations.length });
    } catch (err) {
      // Nothing was accepted: the client retries with the same Idempotency-Key.
      log('peer api store error', { id, error: errorText(err) });
      return fail(res, 503, 'store_unavailable', 'the queue store is unavailable; retry');
    }
  });
  // Malformed JSON and oversized bodies come from express.json(); answer them in the same shape.
  app.use((err: { status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    if (err.status === 413) return fail(res, 413, 'payload_too_large', 'the body is larger than 1 MB');
    if (err.status === 400) return fail(res, 400, 'invalid_json', err.message ?? 'the body is not valid JSON');
    return fail(res, 500, 'internal', 'internal error');
  });
  return app;
}

export interface PeerApi {
  url: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only and prints the line the bench reads the URL from. */
export async function listenPeerApi(settings: PeerSettings, enqueue: Enqueue): Promise<PeerApi> {
  const app = createPeerApi(settings, enqueue);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, '127.0.0.1', () => resolve());
  });
  // Clients hold keep-alive pools; a shorter server timeout would race their reuse of a socket.
  server.keepAliveTimeout = 65_000;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  log('peer api listening', { url });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
