import express, { Router, type Express, type RequestHandler } from 'express';
import { ApiError, notFound } from '../base/api-error';
import type { ReceiverContext } from './context';
import { errorHandler } from './errors';
import { routerFor } from './express';
import { buildApi, type Api } from './routes';

/**
 * The whole HTTP API as one express app: the receiver serves it. `before` mounts what is served
 * beside the API on the same route table (the tenant portal) ahead of its catch-all 404.
 */
export function createReceiverApp(ctx: ReceiverContext, before?: (app: Express, api: Api) => void): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const api = buildApi();
  before?.(app, api);
  app.use(createApiRouter(ctx, api));
  return app;
}

/** The route table, then 404 and the error answer: what the receiver serves and hub.router() mounts. */
export function createApiRouter(ctx: ReceiverContext, api: Api): Router {
  const router = Router();
  router.use(bodyNotYetRead);
  router.use(routerFor(ctx, api.routes, api.schemas));
  router.use((_req, _res, next) => next(notFound('route')));
  router.use(errorHandler(ctx.logger));
  return router;
}

/**
 * Mounted in another app after its own body parser (express.json()), the body would already be
 * read and the routes would see none: say so plainly instead of answering 400 for valid requests.
 */
const bodyNotYetRead: RequestHandler = (req, _res, next) => {
  if (!(req as { _body?: boolean })._body) return next();
  next(
    new ApiError(500, 'internal', 'a body parser ran before hub.router(): mount hub.router() before express.json() and the like'),
  );
};
