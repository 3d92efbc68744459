import express, { type Express } from 'express';
import { notFound } from '../base/api-error';
import type { ReceiverContext } from './context';
import { errorHandler } from './errors';
import { routerFor } from './express';
import { buildApi } from './routes';

/** The whole HTTP API as one express app: the route table, then 404 and the error answer. */
export function createReceiverApp(ctx: ReceiverContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  const api = buildApi();
  app.use(routerFor(ctx, api.routes, api.schemas));
  app.use((_req, _res, next) => next(notFound('route')));
  app.use(errorHandler(ctx.logger));
  return app;
}
