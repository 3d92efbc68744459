// Erasure: "delete everything you hold about this customer". Each request is a durable erasure
// workflow (a 202 is never lost with a receiver); the audit line names who asked, never a payload.
import { erasureWorkflowId, type ErasureTarget } from '../../contracts';
import { erasureView, shownTarget, startErasure, type ErasureView } from '../../erasures/service';
import { describeWorkflow } from '../../events/deliveries';
import { WORKFLOW } from '../../contracts';
import { notFound } from '../../base/api-error';
import type { LiveTenant } from '../../registry/snapshot';
import type { ReceiverContext } from '../context';
import { route } from '../route';
import { eventIdParams } from '../schemas/events';
import { erasureParams } from '../schemas/erasures';

function answer(ctx: ReceiverContext, tenant: LiveTenant, view: ErasureView) {
  const ui = ctx.temporalUiUrl
    ? {
        temporalUi: `${ctx.temporalUiUrl}/namespaces/${encodeURIComponent(tenant.namespace)}/workflows/${encodeURIComponent(erasureWorkflowId(view.id))}`,
      }
    : {};
  return { ...view, links: { self: `${ctx.publicUrl}/v1/erasures/${view.id}`, ...ui } };
}

async function erase(ctx: ReceiverContext, tenant: LiveTenant, target: ErasureTarget, caller: string) {
  const view = await startErasure(ctx.clientFor(tenant), {
    tenantId: tenant.id,
    target,
    perSecond: ctx.config.limits.replayPerSecond,
    taskQueue: ctx.config.temporal.taskQueue,
    now: ctx.now(),
  });
  ctx.logger.info(
    { audit: 'erasure', tenant: tenant.id, by: caller, erasure: view.id, ...shownTarget(target) },
    'erasure requested',
  );
  return { status: 202, body: answer(ctx, tenant, view) };
}

export const erasureRoutes = () => [
  route({
    method: 'delete',
    path: '/v1/events/{id}',
    operationId: 'eraseEvent',
    summary: 'Erase the event from Temporal: its callback, deliveries and dead letters (running ones end cancelled first)',
    auth: 'tenant',
    temporal: true,
    params: eventIdParams,
    answers: {
      202: { description: 'erasing; the event is 404 once done (GET /v1/erasures/{id} follows it)', body: 'Erasure' },
      404: { description: 'unknown event', codes: ['not_found'] },
    },
    async handle({ ctx, tenant, params, caller }) {
      const found = await describeWorkflow(ctx.clientFor(tenant), params.id);
      if (found?.description.type !== WORKFLOW.callback) throw notFound('event');
      return erase(ctx, tenant, { eventIds: [params.id] }, caller);
    },
  }),
  route({
    method: 'post',
    path: '/v1/erasures',
    operationId: 'startErasure',
    summary: 'Erase many events: by id, or every event a filter matches in a window; durable and paced like replays',
    auth: 'tenant',
    temporal: true,
    body: { kind: 'json', schema: 'ErasureRequest', required: true },
    answers: {
      202: { description: 'started; follow it with GET /v1/erasures/{id}', body: 'Erasure' },
      400: {
        description: 'neither eventIds nor a filter with since, or an invalid filter (by path)',
        codes: ['invalid_request'],
      },
    },
    handle: ({ ctx, tenant, body, caller }) => erase(ctx, tenant, body as ErasureTarget, caller),
  }),
  route({
    method: 'get',
    path: '/v1/erasures/{id}',
    operationId: 'getErasure',
    summary: 'An erasure’s status and counts',
    auth: 'tenant',
    temporal: true,
    params: erasureParams,
    answers: {
      200: { description: 'the erasure', body: 'Erasure' },
      404: { description: 'unknown erasure', codes: ['not_found'] },
    },
    handle: async ({ ctx, tenant, params }) => ({
      status: 200,
      body: answer(ctx, tenant, await erasureView(ctx.clientFor(tenant), params.id)),
    }),
  }),
];
