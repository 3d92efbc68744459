// Source settings more than one source type shares.
import { z } from 'zod';
import { EVENT_TYPE } from '../base/validation';

export const contentType = z.string().min(1).default('application/json').describe('content type the payload is delivered with');

/** A constant event type must itself be one: else every callback of the source would be refused. */
export const fixedEventType = z
  .string()
  .regex(EVENT_TYPE, 'an event type: letters, digits and . _ : - (max 200), starting with a letter or digit')
  .describe('a constant event type');
