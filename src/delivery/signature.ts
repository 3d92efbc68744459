// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "<id>.<timestamp>.<body>" with the base64 key that follows the "whsec_" prefix.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isValidSecret, secretKey } from '../base/webhook-secret';

export { isValidSecret, secretKey };

export interface SignInput {
  id: string;
  timestampSeconds: number;
  body: Buffer | string;
}

export function sign(secret: string, input: SignInput): string {
  const mac = createHmac('sha256', secretKey(secret));
  mac.update(`${input.id}.${input.timestampSeconds}.`);
  mac.update(input.body);
  return `v1,${mac.digest('base64')}`;
}

/** One signature per active secret, space-separated, so receivers can rotate without downtime. */
export function signatureHeader(secrets: readonly string[], input: SignInput): string {
  return secrets.map((s) => sign(s, input)).join(' ');
}

export interface VerifyInput extends SignInput {
  signatureHeader: string;
  nowSeconds: number;
  toleranceSeconds?: number;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export function verify(secrets: readonly string[], input: VerifyInput): VerifyResult {
  const tolerance = input.toleranceSeconds ?? 300;
  if (Math.abs(input.nowSeconds - input.timestampSeconds) > tolerance) {
    return { ok: false, reason: 'timestamp outside tolerance' };
  }
  const offered = input.signatureHeader.split(' ').filter((s) => s.startsWith('v1,'));
  for (const secret of secrets) {
    const expected = Buffer.from(sign(secret, input));
    if (offered.some((sig) => sig.length === expected.length && timingSafeEqual(Buffer.from(sig), expected))) {
      return { ok: true };
    }
  }
  return { ok: false, reason: 'no matching signature' };
}
