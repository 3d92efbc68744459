import express, { type Express, type RequestHandler } from 'express';
import { metricsText } from '../telemetry/metrics';
import type { ReceiverContext } from './context';
import { ApiError, errorHandler, notFound } from './errors';
import { batchRouter } from './batch-route';
import { eventsRouter } from './events-routes';
import { openApiDocument } from './openapi';
import { destinationsRouter } from './destinations-routes';
import { sourcesRouter } from './sources-routes';
import { tenantsRouter } from './tenants-routes';

export function createReceiverApp(ctx: ReceiverContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const openapi = openApiDocument();

  app.use(methodCheck(openapi.paths));
  // Liveness (the process answers) for orchestrators that probe /livez; /healthz is the same.
  app.get(['/livez', '/healthz'], (_req, res) => void res.json({ status: 'ok' }));
  app.get('/readyz', async (_req, res) => {
    if (!(await ctx.ready())) throw new ApiError(503, 'temporal_unavailable', 'Temporal unreachable or namespaces not ready');
    res.json({ status: 'ready' });
  });
  app.get('/openapi.json', (_req, res) => void res.json(openapi));
  // Prometheus text format; every role this process runs counts into the same registry.
  app.get('/metrics', async (_req, res) => void res.type(ctx.metrics.registry.contentType).send(await metricsText(ctx.metrics)));
  app.use(batchRouter(ctx));
  app.use(eventsRouter(ctx));
  app.use(sourcesRouter(ctx));
  app.use(tenantsRouter(ctx));
  app.use(destinationsRouter(ctx));
  app.use((_req, _res, next) => next(notFound('route')));
  app.use(errorHandler(ctx.logger));
  return app;
}

/**
 * A known path with another method is 405 with Allow, not 404; OPTIONS is 204 with Allow. Runs
 * before the routers (whose own OPTIONS answer is plain text), and matches each request to its
 * most specific known path: /v1/events/batch is not /v1/events/{id}. The OpenAPI paths are the list.
 */
function methodCheck(paths: Record<string, object>): RequestHandler {
  const known = Object.entries(paths)
    .map(([path, operations]) => {
      const methods = Object.keys(operations).map((m) => m.toUpperCase());
      const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : [])];
      const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`);
      return { pattern, allow, params: (path.match(/\{/g) ?? []).length };
    })
    .sort((a, b) => a.params - b.params);
  return (req, res, next) => {
    const match = known.find((k) => k.pattern.test(req.path));
    if (!match || (match.allow.includes(req.method) && req.method !== 'OPTIONS')) return next();
    res.setHeader('allow', match.allow.join(', '));
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next(
      new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on this path (allowed: ${match.allow.join(', ')})`),
    );
  };
}
