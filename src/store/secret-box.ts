// Destination secrets at rest: AES-256-GCM under security.encryptionKey. The row's id is bound in
// as associated data, so a ciphertext copied onto another destination's row does not open.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

export class SecretBoxError extends Error {}

export interface SecretBox {
  seal(plaintext: string, boundTo: string): string;
  open(sealed: string, boundTo: string): string;
}

/** `key` is 32 bytes, base64 (the config checks the length). */
export function createSecretBox(key: string): SecretBox {
  const raw = Buffer.from(key, 'base64');
  if (raw.length !== 32) throw new SecretBoxError('security.encryptionKey must be 32 bytes, base64');
  return {
    seal(plaintext, boundTo) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', raw, iv).setAAD(Buffer.from(boundTo));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed, boundTo) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretBoxError('not a sealed secret');
      try {
        // A full 16-byte tag only: GCM would otherwise accept one cut down to 4 bytes.
        const decipher = createDecipheriv('aes-256-gcm', raw, Buffer.from(iv, 'base64url'), { authTagLength: 16 })
          .setAAD(Buffer.from(boundTo))
          .setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('a destination secret does not decrypt: is security.encryptionKey the one it was written with?');
      }
    },
  };
}

export const newEncryptionKey = () => randomBytes(32).toString('base64');
