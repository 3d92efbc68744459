// Source settings more than one source type shares.
import { z } from 'zod';

export const contentType = z.string().min(1).default('application/json').describe('content type the payload is delivered with');
