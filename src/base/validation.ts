// What every source's event type and idempotency key must look like, whoever brought them in.
import { z } from 'zod';

export const EVENT_TYPE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces or control characters');

/** The key rule in words, for error messages. */
export const KEY_RULE = 'printable ASCII without spaces or control characters, 1–255 characters';
