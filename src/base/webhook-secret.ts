// The Standard Webhooks secret format: "whsec_" + base64 of the key. Checked where secrets are
// configured (config, API) and decoded where they sign (delivery/signature.ts).
const PREFIX = 'whsec_';

export function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function isValidSecret(secret: string): boolean {
  return secret.startsWith(PREFIX) && secretKey(secret).length >= 16;
}
