// What a destination's answers may show of its settings: credentials are replaced, so a list or a
// GET never carries a token, a password or a signing secret (those have their own route, or none).

export const REDACTED = '[redacted]';
const SENSITIVE = /secret|password|passwd|token|authorization|cookie|api[-_.]?key|credential|sasl\.(username|password)/i;

export function redact(value: unknown, key = ''): unknown {
  if (SENSITIVE.test(key) && value !== undefined && typeof value !== 'object') return REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && URL.canParse(value)) return withoutPassword(value);
  return value;
}

function withoutPassword(value: string): string {
  const url = new URL(value);
  if (!url.password) return value;
  url.password = REDACTED;
  return url.toString();
}
