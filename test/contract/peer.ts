// What the destination contract suite (test/contract/destinations.contract.test.ts) needs from
// each type's peer. Every destination type has one, in src/destinations/<type>/contract-peer.ts.
import type { DestinationConfig } from '../../src/config';
import type { Payload } from '../../src/contracts';
import type { DestinationDriver, DestinationType } from '../../src/destinations/driver';
import { createLogger } from '../../src/telemetry/logger';

export const TIMEOUT_MS = 2000;
export const contractLogger = createLogger(process.env.BARRAGE_TEST_LOG ?? 'silent');

/** Each peer only ever hands its driver destinations of its own type; TypeScript cannot correlate that. */
export const untyped = <T extends DestinationType>(driver: DestinationDriver<T>) => driver as unknown as DestinationDriver;

/** What arrived at the peer, in one shape for every transport. */
export interface Arrived {
  body: Buffer;
  eventId?: string;
  eventType?: string;
  attempt?: string;
  contentType?: string;
}

export interface Peer {
  type: DestinationType;
  driver(): DestinationDriver;
  /** A fresh, working destination (its own sink, queue or topic). */
  destination(): Promise<DestinationConfig>;
  readBack(destination: DestinationConfig, count: number): Promise<Arrived[]>;
  /** Points at a port where nothing listens. */
  broken(): Promise<DestinationConfig>;
  /** A peer that refuses this delivery for good, with the payload it refuses. */
  rejecting(): Promise<{ destination: DestinationConfig; payload?: Payload; error: RegExp }>;
  close?(): Promise<void>;
}
