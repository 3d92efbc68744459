// One-off deliveries: POST a payload, a URL and a retry policy; no destination registered first.
// Also the tenant-level secret that signs them.
import { KEY_RULE } from '../../base/validation';
import { oneOffRequest, type OneOffBody } from '../../ingest/one-off';
import { newSecret } from '../../management/destinations';
import { secretsOf } from '../../registry/load';
import type { OpenedSecret } from '../../store/destinations';
import { answerIngest } from '../accept';
import { storesOf } from '../management-context';
import { route } from '../route';
import { idempotencyHeaderSchema } from '../schemas/events';

const secretsView = (tenantId: string, secrets: OpenedSecret[]) => ({ id: tenantId, secrets: secretsOf(secrets) });

export const deliveryRoutes = [
  route({
    method: 'post',
    path: '/v1/deliveries',
    operationId: 'createDelivery',
    summary: 'Deliver one payload to one URL with its own retry policy and dead letter (a one-off event)',
    description:
      'An event like any other (GET /v1/events/{id}, /attempts, /retry, /cancel work for it), delivered as "to" ' +
      '(its dead letter as "deadLetter"). URL and headers are sealed in Temporal and never shown; deliveries are ' +
      'signed with the tenant’s delivery secret (GET /v1/deliveries/secret).',
    auth: 'tenant',
    database: true,
    temporal: true,
    headers: idempotencyHeaderSchema,
    body: { kind: 'json', schema: 'DeliveryRequest', required: true, asSent: true },
    answers: {
      202: { description: 'accepted (recorded by Temporal)', body: 'Accepted' },
      200: { description: 'duplicate of an accepted delivery', body: 'Accepted' },
      400: {
        description:
          'a bad target, retry, dead letter or payload (every problem by path); destination_not_allowed for a private URL',
        codes: ['invalid_request', 'destination_not_allowed'],
      },
      409: { description: 'the id collides with a delivery of an event accepted before an upgrade', codes: ['conflict'] },
      413: { description: 'too large for Temporal', codes: ['payload_too_large'] },
    },
    async handle({ ctx, tenant, body, header }) {
      const stores = storesOf(ctx);
      const request = oneOffRequest(body as unknown as OneOffBody, {
        tenant,
        box: stores.box,
        allowPrivateDestinations: ctx.config.security.allowPrivateDestinations,
        idempotencyKey: header('idempotency-key'),
      });
      // Its first attempt signs: the tenant's first secret exists before anything starts.
      await stores.tenantSecrets.ensure(tenant.id, new Date(ctx.now()), newSecret);
      const outcome = await ctx.ingest(request);
      return answerIngest(ctx, { tenant, outcome, hints: { idempotencyKey: `Idempotency-Key (or id): ${KEY_RULE}` } });
    },
  }),
  route({
    method: 'get',
    path: '/v1/deliveries/secret',
    operationId: 'getDeliverySecret',
    summary: 'The secrets that sign this tenant’s one-off deliveries (the first is made on first use)',
    auth: 'tenant',
    database: true,
    answers: { 200: { description: 'the secrets now in use, newest first', body: 'Secrets' } },
    async handle({ ctx, tenant }) {
      const secrets = await storesOf(ctx).tenantSecrets.ensure(tenant.id, new Date(ctx.now()), newSecret);
      return { status: 200, body: secretsView(tenant.id, secrets) };
    },
  }),
  route({
    method: 'post',
    path: '/v1/deliveries/secret/rotate',
    operationId: 'rotateDeliverySecret',
    summary: 'A new secret signs one-off deliveries at once; the previous ones also sign until the overlap ends',
    auth: 'tenant',
    database: true,
    body: { kind: 'json', schema: 'RotateRequest', required: false, contentType: 'any' },
    answers: { 200: { description: 'the secrets now in use, newest first', body: 'Secrets' } },
    async handle({ ctx, tenant, body }) {
      const now = new Date(ctx.now());
      const secrets = await storesOf(ctx).tenantSecrets.rotate(tenant.id, body.secret ?? newSecret(), body.overlap, now);
      // This process's workers sign with the new secret from the answer on; others within a second.
      await ctx.registry.refresh();
      return { status: 200, body: secretsView(tenant.id, secrets) };
    },
  }),
];
