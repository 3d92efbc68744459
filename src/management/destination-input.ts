// A destination as the API takes it: the config file's fields (checked by the same schema) plus
// id, description, metadata, disabled and secret. Every problem is reported at once, by path.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DestinationConfig } from '../config';
import { isRefusedUrlHost } from '../delivery/ssrf';
import { parseSpec } from '../registry/load';
import type { DestinationEntry, LiveTenant } from '../registry/snapshot';
import { ApiError, issueDetails } from '../base/api-error';
import { destinationApiFields, destinationSecretField } from './destination-fields';

type Issue = { path: string; message: string };

export interface DestinationInput {
  id: string;
  spec: Record<string, unknown>;
  config: DestinationConfig;
  description: string;
  metadata: Record<string, string>;
  disabled: boolean;
  /** Only on create (rotation has its own route). */
  secret?: string;
}

const API_KEYS = ['id', 'description', 'metadata', 'disabled', 'secret'] as const;
const createSchema = z.object({ ...destinationApiFields, secret: destinationSecretField() });
const patchSchema = z.object({
  description: destinationApiFields.description,
  metadata: destinationApiFields.metadata,
  disabled: destinationApiFields.disabled,
});

export interface InputContext {
  tenant: LiveTenant;
  allowPrivateDestinations: boolean;
}

export function createInput(body: unknown, ctx: InputContext): DestinationInput {
  const { api, spec } = split(body);
  const fields = createSchema.safeParse(api);
  const id = (fields.success ? fields.data.id : undefined) ?? `dst_${randomBytes(10).toString('hex')}`;
  const issues = fields.success ? [] : zodIssues(fields.error);
  const input = checkSpec(id, spec, ctx, issues);
  if (fields.success && fields.data.secret !== undefined && input?.config.type !== 'http')
    issues.push({ path: 'secret', message: 'only http destinations are signed' });
  if (issues.length || !input || !fields.success) throw invalid(issues);
  const { description = '', metadata = {}, disabled = false, secret } = fields.data;
  return { ...input, description, metadata, disabled, ...(secret !== undefined ? { secret } : {}) };
}

/** Named fields replace, null removes an optional one, absent ones stay (a JSON merge patch, one level). */
export function patchInput(body: unknown, entry: DestinationEntry, ctx: InputContext): DestinationInput {
  const { api, spec } = split(body);
  const issues: Issue[] = [];
  if (api.id !== undefined && api.id !== entry.config.id) issues.push({ path: 'id', message: 'an id cannot change' });
  if (api.secret !== undefined)
    issues.push({ path: 'secret', message: 'rotate it with POST /v1/destinations/{id}/secret/rotate' });
  const { id: _, secret: __, ...rest } = api;
  const fields = patchSchema.safeParse(rest);
  if (!fields.success) issues.push(...zodIssues(fields.error));
  const merged: Record<string, unknown> = { ...entry.spec };
  for (const [key, value] of Object.entries(spec)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const input = checkSpec(entry.config.id, merged, ctx, issues);
  if (issues.length || !input || !fields.success) throw invalid(issues);
  return {
    ...input,
    description: fields.data.description ?? entry.description,
    metadata: fields.data.metadata ?? entry.metadata,
    disabled: fields.data.disabled ?? entry.disabled,
  };
}

function split(body: unknown): { api: Record<string, unknown>; spec: Record<string, unknown> } {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw invalid([{ path: '(body)', message: 'expected a JSON object' }]);
  const api: Record<string, unknown> = {};
  const spec: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) ((API_KEYS as readonly string[]).includes(key) ? api : spec)[key] = value;
  return { api, spec };
}

function checkSpec(id: string, spec: Record<string, unknown>, ctx: InputContext, issues: Issue[]) {
  const parsed = parseSpec(id, spec);
  if (!parsed.success) {
    issues.push(...zodIssues(parsed.error));
    return undefined;
  }
  const config = parsed.data;
  const deadLetter = config.deadLetter;
  if (deadLetter !== undefined && (deadLetter === id || !ctx.tenant.entries.has(deadLetter)))
    issues.push({
      path: 'deadLetter',
      message: deadLetter === id ? 'a destination cannot be its own dead letter' : `no destination "${deadLetter}"`,
    });
  if (config.type === 'http' && !ctx.allowPrivateDestinations && isRefusedUrlHost(new URL(config.url).hostname))
    throw new ApiError(400, 'destination_not_allowed', 'the URL points at a loopback, private or internal address', [
      { path: 'url', message: 'refused while security.allowPrivateDestinations is false' },
    ]);
  // Stored as given (durations stay "10s"), so a later PATCH merges onto what the caller wrote.
  return { id, spec, config };
}

const zodIssues = (error: z.ZodError): Issue[] => issueDetails(error);

const invalid = (details: Issue[]) => new ApiError(400, 'invalid_request', 'the destination is not valid', details);
