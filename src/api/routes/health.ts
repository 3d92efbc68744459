// Probes, metrics and the API description: no key, no body.
import { ApiError } from '../../base/api-error';
import { metricsText } from '../../telemetry/metrics';
import { route } from '../route';

const alive = { status: 200, body: { status: 'ok' } };

export const healthRoutes = [
  route({
    method: 'get',
    path: '/healthz',
    operationId: 'healthz',
    summary: 'Process is up',
    auth: 'none',
    answers: { 200: { description: 'ok', body: 'Health' } },
    handle: () => alive,
  }),
  route({
    method: 'get',
    path: '/livez',
    operationId: 'livez',
    summary: 'Process is up (same as /healthz)',
    auth: 'none',
    answers: { 200: { description: 'ok', body: 'Health' } },
    handle: () => alive,
  }),
  route({
    method: 'get',
    path: '/readyz',
    operationId: 'readyz',
    summary: 'Temporal reachable, namespaces ready',
    auth: 'none',
    answers: {
      200: { description: 'ready', body: 'Health' },
      503: { description: 'not ready', codes: ['temporal_unavailable'] },
    },
    async handle({ ctx }) {
      if (!(await ctx.ready())) throw new ApiError(503, 'temporal_unavailable', 'Temporal unreachable or namespaces not ready');
      return { status: 200, body: { status: 'ready' } };
    },
  }),
  route({
    method: 'get',
    path: '/metrics',
    operationId: 'metrics',
    summary: "Prometheus metrics of this process's roles (text exposition format)",
    auth: 'none',
    answers: { 200: { description: 'metrics', body: 'text' } },
    // Every role this process runs counts into the same registry.
    handle: async ({ ctx }) => ({
      status: 200,
      body: await metricsText(ctx.metrics),
      contentType: ctx.metrics.registry.contentType,
    }),
  }),
];
