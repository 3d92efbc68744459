// Source settings more than one source type shares.
import { z } from 'zod';
import { positiveDuration } from '../base/fields';
import { EVENT_TYPE } from '../base/validation';
import { EVENT_PRIORITIES } from '../contracts';

export const contentType = z.string().min(1).default('application/json').describe('content type the payload is delivered with');

/** A constant event type must itself be one: else every callback of the source would be refused. */
export const fixedEventType = z
  .string()
  .regex(EVENT_TYPE, 'an event type: letters, digits and . _ : - (max 200), starting with a letter or digit')
  .describe('a constant event type');

/** Priority and time to live of every callback a source takes (the API takes them per event). */
export const steering = {
  priority: z.enum(EVENT_PRIORITIES).optional().describe('task priority of its callbacks: high, normal (default) or low'),
  ttl: positiveDuration('its callbacks’ time to live: deliveries not done by then end "expired"'),
};
