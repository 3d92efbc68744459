// Bulk replay: "send again everything that failed to this endpoint since 09:00", as one durable,
// paced replay workflow in the tenant's namespace.
import { InvalidCursorError, cursorOf, tokenOf } from '../../events/list';
import { cancelReplay, listReplays, previewReplay, replayView, startReplay, type ReplayView } from '../../replays/service';
import type { LiveTenant } from '../../registry/snapshot';
import { invalidCursor } from '../../base/api-error';
import { replayWorkflowId } from '../../contracts';
import type { ReceiverContext } from '../context';
import { route } from '../route';
import { replayListQuerySchema, replayParams } from '../schemas/replays';

const unknown = { description: 'unknown replay (or another tenant’s)', codes: ['not_found' as const] };

function links(ctx: ReceiverContext, tenant: LiveTenant, id: string) {
  return {
    self: `${ctx.publicUrl}/v1/replays/${id}`,
    ...(ctx.temporalUiUrl
      ? {
          temporalUi: `${ctx.temporalUiUrl}/namespaces/${encodeURIComponent(tenant.namespace)}/workflows/${encodeURIComponent(replayWorkflowId(id))}`,
        }
      : {}),
  };
}

const answer = (ctx: ReceiverContext, tenant: LiveTenant, view: ReplayView) => ({ ...view, links: links(ctx, tenant, view.id) });

export const replayRoutes = () => [
  route({
    method: 'post',
    path: '/v1/replays',
    operationId: 'startReplay',
    summary: 'Send again the deliveries that match (failed ones by default) in a window, paced by limits.replayPerSecond',
    auth: 'tenant',
    temporal: true,
    body: { kind: 'json', schema: 'ReplayRequest', required: true },
    answers: {
      202: { description: 'started; follow it with GET /v1/replays/{id}', body: 'Replay' },
      400: { description: 'an invalid window, status or pattern', codes: ['invalid_request'] },
    },
    async handle({ ctx, tenant, body }) {
      const view = await startReplay(ctx.clientFor(tenant), {
        tenantId: tenant.id,
        filter: body,
        perSecond: ctx.config.limits.replayPerSecond,
        taskQueue: ctx.config.temporal.taskQueue,
        now: ctx.now(),
      });
      ctx.logger.info({ tenant: tenant.id, replay: view.id, filter: body }, 'replay started');
      return { status: 202, body: answer(ctx, tenant, view) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/replays/preview',
    operationId: 'previewReplay',
    summary: 'How many deliveries a replay with this filter would find now (an upper bound: nothing is sent)',
    auth: 'tenant',
    temporal: true,
    body: { kind: 'json', schema: 'ReplayRequest', required: true },
    answers: {
      200: { description: 'the count', body: 'ReplayPreview' },
      400: { description: 'an invalid window, status or pattern', codes: ['invalid_request'] },
    },
    async handle({ ctx, tenant, body }) {
      return { status: 200, body: { matched: await previewReplay(ctx.clientFor(tenant), body) } };
    },
  }),
  route({
    method: 'get',
    path: '/v1/replays',
    operationId: 'listReplays',
    summary: "The tenant's replays, running ones first",
    auth: 'tenant',
    temporal: true,
    query: replayListQuerySchema,
    answers: {
      200: { description: 'a page', body: 'ReplayList' },
      400: { description: 'a cursor this API did not return', codes: ['invalid_request'] },
    },
    async handle({ ctx, tenant, query }) {
      const client = ctx.clientFor(tenant);
      let token: Buffer | undefined;
      try {
        token = query.cursor === undefined ? undefined : tokenOf(query.cursor, tenant.namespace);
      } catch (err) {
        if (err instanceof InvalidCursorError) throw invalidCursor();
        throw err;
      }
      const page = await listReplays(client, { limit: query.limit, token });
      const replays = page.replays.map((r) => ({ ...r, links: links(ctx, tenant, r.id) }));
      return {
        status: 200,
        body: { replays, ...(page.nextToken ? { nextCursor: cursorOf(page.nextToken, tenant.namespace) } : {}) },
      };
    },
  }),
  route({
    method: 'get',
    path: '/v1/replays/{id}',
    operationId: 'getReplay',
    summary: 'A replay’s status and counts: matched, replayed, skipped, errors',
    auth: 'tenant',
    temporal: true,
    params: replayParams,
    answers: { 200: { description: 'the replay', body: 'Replay' }, 404: unknown },
    handle: async ({ ctx, tenant, params }) => ({
      status: 200,
      body: answer(ctx, tenant, await replayView(ctx.clientFor(tenant), params.id)),
    }),
  }),
  route({
    method: 'post',
    path: '/v1/replays/{id}/cancel',
    operationId: 'cancelReplay',
    summary: 'Stop a replay; what it sent stays sent',
    auth: 'tenant',
    temporal: true,
    params: replayParams,
    answers: { 200: { description: 'the replay as it stands (cancelled once it has stopped)', body: 'Replay' }, 404: unknown },
    async handle({ ctx, tenant, params }) {
      const view = await cancelReplay(ctx.clientFor(tenant), params.id);
      ctx.logger.info({ tenant: tenant.id, replay: params.id, status: view.status }, 'replay cancel asked');
      return { status: 200, body: answer(ctx, tenant, view) };
    },
  }),
];
