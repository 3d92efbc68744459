import express, { Router, type Express } from 'express';
import { notFound } from '../base/api-error';
import type { ReceiverContext } from './context';
import { errorHandler } from './errors';
import { routerFor } from './express';
import { buildApi, type Api } from './routes';

/** The whole HTTP API as one express app: the receiver serves it. */
export function createReceiverApp(ctx: ReceiverContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(createApiRouter(ctx, buildApi()));
  return app;
}

/** The route table, then 404 and the error answer: what the receiver serves and hub.router() mounts. */
export function createApiRouter(ctx: ReceiverContext, api: Api): Router {
  const router = Router();
  router.use(routerFor(ctx, api.routes, api.schemas));
  router.use((_req, _res, next) => next(notFound('route')));
  router.use(errorHandler(ctx.logger));
  return router;
}
