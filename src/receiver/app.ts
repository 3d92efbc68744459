import express, { type Express } from 'express';
import type { ReceiverContext } from './context';
import { ApiError, errorHandler, notFound } from './errors';
import { eventsRouter } from './events-routes';
import { openApiDocument } from './openapi';
import { sourcesRouter } from './sources-routes';

export function createReceiverApp(ctx: ReceiverContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const openapi = openApiDocument();

  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    if (!(await ctx.ready())) throw new ApiError(503, 'temporal_unavailable', 'Temporal unreachable or namespaces not ready');
    res.json({ status: 'ready' });
  });
  app.get('/openapi.json', (_req, res) => void res.json(openapi));
  app.use(eventsRouter(ctx));
  app.use(sourcesRouter(ctx));
  app.use((_req, _res, next) => next(notFound('route')));
  app.use(errorHandler(ctx.logger));
  return app;
}
