import express, { Router, type Express } from 'express';
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

  const known = knownPaths(openapi.paths);
  app.use(known.options);
  // Liveness (the process answers) for orchestrators that probe /livez; /healthz is the same.
  app.get(['/livez', '/healthz'], (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    if (!(await ctx.ready())) throw new ApiError(503, 'temporal_unavailable', 'Temporal unreachable or namespaces not ready');
    res.json({ status: 'ready' });
  });
  app.get('/openapi.json', (_req, res) => void res.json(openapi));
  app.use(eventsRouter(ctx));
  app.use(sourcesRouter(ctx));
  app.use(known.otherMethods);
  app.use((_req, _res, next) => next(notFound('route')));
  app.use(errorHandler(ctx.logger));
  return app;
}

/**
 * A known path with another method is 405 with Allow, not 404; OPTIONS is 204 with Allow (before
 * the routers, whose own OPTIONS answer is plain text). The OpenAPI paths are the list.
 */
function knownPaths(paths: Record<string, object>): { options: Router; otherMethods: Router } {
  const options = Router();
  const otherMethods = Router();
  for (const [path, operations] of Object.entries(paths)) {
    const methods = Object.keys(operations).map((m) => m.toUpperCase());
    const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])].join(', ');
    const route = path.replace(/\{(\w+)\}/g, ':$1');
    options.options(route, (_req, res) => void res.setHeader('allow', allow).status(204).end());
    otherMethods.all(route, (req, res, next) => {
      res.setHeader('allow', allow);
      next(new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on this path (allowed: ${allow})`));
    });
  }
  return { options, otherMethods };
}
