// Where the receiver serves the portal, when portal.enabled is set and there is a database
// (sessions live there).
import type { Express } from 'express';
import type { ReceiverContext } from '../api/context';
import type { Api } from '../api/routes';
import { portalRouter } from './router';

export function mountPortal(app: Express, ctx: ReceiverContext, api: Api): void {
  const { portal } = ctx.config;
  if (!portal.enabled) return;
  if (!ctx.registry.stores) {
    ctx.logger.warn('portal.enabled is set but there is no database (database.url): the tenant portal is not served');
    return;
  }
  app.use(portal.path, portalRouter(ctx, api));
}
