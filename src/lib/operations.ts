// The library's methods, each one route of the table called in-process (src/api/invoke.ts): the
// same validation, handler and errors as over HTTP. Only the mapping from a method's argument to
// the route's path, query and body lives here.
import type { Invoke, Invocation } from '../api/invoke';
import type { Accepted, DeliverInput, HubDestinations, HubEvents, PublishInput } from './types';

/** `{ tenant, id, ...rest }` → the tenant, the path's id, and the rest as query or body. */
function split(input: { tenant: string; id?: string } & object, rest: 'query' | 'body'): Invocation {
  const { tenant, id, ...others } = input as { tenant: string; id?: string } & Record<string, unknown>;
  return { tenant, ...(id !== undefined ? { params: { id } } : {}), [rest]: others };
}

async function call<T>(invoke: Invoke, operationId: string, input: Invocation): Promise<T> {
  return (await invoke(operationId, input)).body as T;
}

/** An accepting route: the tenant and an optional Idempotency-Key beside the body. */
function acceptWith<I extends { tenant: string; idempotencyKey?: string }>(invoke: Invoke, operationId: string) {
  return (input: I): Promise<Accepted> => {
    const { tenant, idempotencyKey, ...body } = input;
    return call(invoke, operationId, { tenant, body, headers: { 'idempotency-key': idempotencyKey } });
  };
}

export const publishWith = (invoke: Invoke) => acceptWith<PublishInput>(invoke, 'createEvent');
export const deliverWith = (invoke: Invoke) => acceptWith<DeliverInput>(invoke, 'createDelivery');

export function eventsWith(invoke: Invoke): HubEvents {
  return {
    get: (ref) => call(invoke, 'getEvent', split(ref, 'query')),
    attempts: (ref) => call(invoke, 'listEventAttempts', split(ref, 'query')),
    list: (input) => call(invoke, 'listEvents', split(input, 'query')),
    retry: (input) => call(invoke, 'retryEvent', split(input, 'body')),
    cancel: (ref) => call(invoke, 'cancelEvent', split(ref, 'query')),
  };
}

export function destinationsWith(invoke: Invoke): HubDestinations {
  return {
    create: ({ tenant, ...body }) => call(invoke, 'createDestination', { tenant, body }),
    get: (ref) => call(invoke, 'getDestination', split(ref, 'query')),
    list: (input) => call(invoke, 'listDestinations', split(input, 'query')),
    update: (input) => call(invoke, 'updateDestination', split(input, 'body')),
    delete: async (ref) => void (await invoke('deleteDestination', split(ref, 'query'))),
    rotateSecret: (input) => call(invoke, 'rotateDestinationSecret', split(input, 'body')),
  };
}
