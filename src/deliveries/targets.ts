// One-off delivery targets: sealed into the workflow input by the receiver, opened by the worker
// at each attempt. Whoever can read a namespace's histories sees inputs, so URL and headers (and
// any credentials in them) travel only as ciphertext; the attempt signs with the tenant's secrets.
import type { DestinationConfig } from '../config';
import { sealedTargetBinding, type AttemptRequest, type SealedTarget } from '../contracts';
import { parseSpec } from '../registry/load';
import type { SecretBox } from '../store/secret-box';
import type { TenantSecretStore } from '../store/tenant-secrets';

export interface TargetAddress {
  url: string;
  headers: Record<string, string>;
}

export function sealTarget(
  box: SecretBox,
  address: TargetAddress,
  binding: Parameters<typeof sealedTargetBinding>,
): SealedTarget {
  return { sealed: box.seal(JSON.stringify({ url: address.url, headers: address.headers }), sealedTargetBinding(...binding)) };
}

export interface TargetOpener {
  /** The HTTP destination this attempt goes to, signed with the tenant's current secrets. */
  open(req: AttemptRequest & { target: SealedTarget }): Promise<DestinationConfig>;
}

/**
 * A rotation bumps the registry's version, and every process hears of it (LISTEN/NOTIFY, with the
 * registry's periodic check behind it): until then the secrets are kept, saving a query and a
 * decryption per attempt. The age limit is a backstop only.
 */
const SECRETS_MAX_AGE_MS = 60_000;

export interface TargetOpenerOptions {
  /** Called on every registry change; returns the unsubscribe. */
  onRegistryChange?: (listener: () => void) => () => void;
  now?: () => number;
}

export function targetOpener(box: SecretBox, secrets: TenantSecretStore, options: TargetOpenerOptions = {}): TargetOpener {
  const now = options.now ?? Date.now;
  const cache = new Map<string, { at: number; secrets: Promise<string[]> }>();
  options.onRegistryChange?.(() => cache.clear());
  const signing = (tenantId: string): Promise<string[]> => {
    const hit = cache.get(tenantId);
    if (hit && now() - hit.at < SECRETS_MAX_AGE_MS) return hit.secrets;
    const loaded = secrets.signing(tenantId, new Date(now())).then((list) => list.map((s) => s.secret));
    cache.set(tenantId, { at: now(), secrets: loaded });
    loaded.catch(() => cache.delete(tenantId));
    return loaded;
  };
  return {
    async open(req) {
      const { tenantId, eventId } = req.event;
      const address = JSON.parse(
        box.open(req.target.sealed, sealedTargetBinding(tenantId, eventId, req.destinationId)),
      ) as TargetAddress;
      const secret = await signing(tenantId);
      const parsed = parseSpec(req.destinationId, {
        type: 'http',
        url: address.url,
        headers: address.headers,
        timeout: req.timeoutMs,
        ...(secret.length ? { secret } : {}),
      });
      if (!parsed.success) throw new Error(`the sealed target of ${eventId} does not parse: ${parsed.error.message}`);
      return parsed.data;
    },
  };
}

/** An IPv4 or IPv6 address (with a port) as connection errors write them. */
const ADDRESS = /(?<![\w.])(?:\d{1,3}(?:\.\d{1,3}){3}|\[?(?:[0-9a-f]{0,4}:){2,}[0-9a-f.]*\]?)(?::\d+)?/gi;

/** Attempt error text without the target's URL, host or addresses (undici and DNS errors name them). */
export function withoutAddress(text: string, url: string): string {
  const { origin, host, hostname } = new URL(url);
  let out = text;
  for (const part of [url, origin, host, hostname]) if (part) out = out.split(part).join('<target>');
  return out.replace(ADDRESS, '<target>');
}
