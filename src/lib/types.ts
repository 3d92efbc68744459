// The library's inputs and answers are the HTTP API's own schemas (generated from /openapi.json),
// so `hub.events.get` and `GET /v1/events/{id}` are typed alike and stay so.
import type { components, operations } from '../client/api-types';

export type Schemas = components['schemas'];
/** Which tenant acts: the library is trusted, so it names the tenant instead of showing its key. */
export type Tenanted<T = unknown> = { tenant: string } & T;
type Query<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

export type PublishInput = Tenanted<Schemas['EventRequest']> & {
  /** As the Idempotency-Key header: the event id when the event has none. */
  idempotencyKey?: string;
};
export type Accepted = Schemas['Accepted'];
export type DeliverInput = Tenanted<Schemas['DeliveryRequest']> & { idempotencyKey?: string };
export type EventRef = Tenanted<{ id: string }>;
export type EventListInput = Tenanted<Query<'listEvents'>>;
export type RetryInput = EventRef & Schemas['RetryRequest'];

export type DestinationInput = Tenanted<Schemas['DestinationRequest']>;
export type DestinationRef = Tenanted<{ id: string }>;
export type DestinationListInput = Tenanted<Query<'listDestinations'>>;
export type DestinationUpdate = DestinationRef & Schemas['DestinationPatch'];
export type RotateInput = DestinationRef & Schemas['RotateRequest'];

export interface HubEvents {
  get(ref: EventRef): Promise<Schemas['EventStatus']>;
  attempts(ref: EventRef): Promise<Schemas['Attempts']>;
  list(input: EventListInput): Promise<Schemas['EventList']>;
  retry(input: RetryInput): Promise<Schemas['RetryResponse']>;
  cancel(ref: EventRef): Promise<Schemas['CancelResponse']>;
}

export interface HubDestinations {
  create(input: DestinationInput): Promise<Schemas['Destination']>;
  get(ref: DestinationRef): Promise<Schemas['Destination']>;
  list(input: DestinationListInput): Promise<Schemas['DestinationList']>;
  update(input: DestinationUpdate): Promise<Schemas['Destination']>;
  delete(ref: DestinationRef): Promise<void>;
  rotateSecret(input: RotateInput): Promise<Schemas['Secrets']>;
}
