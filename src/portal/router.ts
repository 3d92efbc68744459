// The tenant portal, served by the receiver under portal.path: server-rendered pages over the
// same route table as the API (called in-process as the session's tenant), plus its own assets.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { ReceiverContext } from '../api/context';
import { routeInvoker } from '../api/invoke';
import type { Api } from '../api/routes';
import { toApiError } from '../api/errors';
import { storesOf } from '../api/management-context';
import { assetRoutes, brandCss } from './assets';
import { pageFor, type Outcome, type PortalPage } from './context';
import { forgeryProblem, isHttps, securityHeaders, sessionCookie, tokenOf } from './guard';
import { errorPage, endedPage } from './pages/errors';
import { portalPages } from './pages';
import { openSession, resolveSession, type SessionDeps } from '../management/portal-sessions';

export interface PortalRoute {
  method: 'get' | 'post';
  path: string;
  handle: (p: PortalPage) => Promise<Outcome>;
}

export function portalRouter(ctx: ReceiverContext, api: Api): Router {
  const portal = ctx.config.portal;
  const deps: SessionDeps = { store: storesOf(ctx).portalSessions, portal, publicUrl: ctx.publicUrl, now: ctx.now };
  const invoke = routeInvoker(ctx, api);
  const router = Router();
  router.use(securityHeaders(portal, () => ctx.publicUrl));
  assetRoutes(router);
  router.get('/login', (req, res, next) => login(ctx, deps, req, res).catch(next));
  router.use(express.urlencoded({ extended: false, limit: ctx.config.server.maxBodyBytes, parameterLimit: 200 }));
  router.use((req, res, next) => attachSession(ctx, deps, invoke, req, res, next).catch(next));
  router.get('/assets/brand.css', (_req, res) => void res.type('text/css').send(brandCss(page(res).brand)));
  router.post('/logout', (req, res, next) =>
    deps.store
      .revoke(page(res).session.id, new Date(ctx.now()))
      .then(() => {
        res.set('Set-Cookie', sessionCookie(portal, isHttps(req, ctx.publicUrl), '', undefined));
        res.status(200).type('html').send(endedPage(portal, 'signed-out').text);
      })
      .catch(next),
  );
  for (const r of portalPages()) router[r.method](r.path, (_req, res, next) => answer(res, r.handle(page(res))).catch(next));
  router.use(
    (_req, res) =>
      void res
        .status(404)
        .type('html')
        .send(errorPage(page(res), 404, 'No such page.').text),
  );
  router.use((err: unknown, req: Request, res: Response, _next: NextFunction) => failed(ctx, err, req, res));
  return router;
}

const page = (res: Response) => res.locals.portal as PortalPage;

async function login(ctx: ReceiverContext, deps: SessionDeps, req: Request, res: Response) {
  const code = typeof req.query.code === 'string' ? req.query.code : '';
  const opened = await openSession({ ...deps, publicUrl: ctx.publicUrl }, code);
  if (!opened) {
    ctx.logger.warn({ portal: 'login' }, 'portal code refused: unknown, used or expired');
    return void res.status(401).type('html').send(endedPage(deps.portal, 'code').text);
  }
  const { token, session } = opened;
  ctx.logger.info({ tenant: session.tenantId, session: session.id }, 'portal session opened');
  res.set('Set-Cookie', sessionCookie(deps.portal, isHttps(req, ctx.publicUrl), token, session.expiresAt));
  // 303 to a clean URL: the code leaves the address bar and the history.
  res.redirect(303, `${deps.portal.path}/endpoints`);
}

async function attachSession(
  ctx: ReceiverContext,
  deps: SessionDeps,
  invoke: ReturnType<typeof routeInvoker>,
  req: Request,
  res: Response,
  next: NextFunction,
) {
  const resolved = await resolveSession(deps, tokenOf(req));
  const tenant = 'session' in resolved ? ctx.registry.current().tenant(resolved.session.tenantId) : undefined;
  if (!('session' in resolved) || !tenant) {
    const returnUrl = 'ended' in resolved ? resolved.returnUrl : undefined;
    if (returnUrl && req.method === 'GET') return res.redirect(303, returnUrl);
    return void res
      .status(401)
      .type('html')
      .send(endedPage(deps.portal, 'ended' in resolved ? resolved.ended : 'unknown', returnUrl).text);
  }
  res.locals.portal = pageFor(req, resolved.session, tenant, deps.portal, invoke);
  if (!resolved.session.capabilities.has('read'))
    return void res
      .status(403)
      .type('html')
      .send(errorPage(page(res), 403, 'this session may not read (it lacks read)').text);
  if (req.method === 'POST') {
    const problem = forgeryProblem(req, ctx.publicUrl, resolved.session.csrf);
    if (problem) {
      ctx.logger.warn({ tenant: tenant.id, session: resolved.session.id, path: req.path, problem }, 'portal request refused');
      return void res
        .status(403)
        .type('html')
        .send(errorPage(page(res), 403, problem).text);
    }
  }
  next();
}

async function answer(res: Response, outcome: Promise<Outcome>) {
  const done = await outcome;
  if ('redirect' in done) return res.redirect(303, done.redirect);
  res
    .status(done.status ?? 200)
    .type('html')
    .send(done.page.text);
}

function failed(ctx: ReceiverContext, err: unknown, req: Request, res: Response) {
  const error = toApiError(err);
  const p = res.locals.portal as PortalPage | undefined;
  if (error.status >= 500) ctx.logger.error({ err, path: req.path }, 'portal page failed');
  else
    ctx.logger.warn({ path: req.path, status: error.status, code: error.code, reason: error.message }, 'portal request refused');
  const message = error.status >= 500 ? 'Something went wrong on our side. Try again in a moment.' : error.message;
  if (!p) return void res.status(error.status).type('text').send(message);
  res
    .status(error.status)
    .type('html')
    .send(errorPage(p, error.status, message).text);
}
