// API keys for the authorization tests: ES256 JWTs in the shape temporal-server's default claim
// mapper reads (`sub`, `permissions`, `exp`), signed by a key whose public half is published as a
// JWKS file the server loads. The server's JWT library does the checking.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface TokenIssuer {
  kid: string;
  /** file:// URI of the JWKS holding this issuer's public key. */
  keySourceUri: string;
  token(claims: { permissions: string[]; sub?: string; expiresInSeconds?: number }): string;
}

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
}

function signingKey(kid = randomBytes(6).toString('hex')): SigningKey & { publicJwk: object } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateKey, publicJwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'ES256', use: 'sig' } };
}

const b64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

function signToken(key: SigningKey, claims: Parameters<TokenIssuer['token']>[0]): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    sub: claims.sub ?? 'barrage-test',
    permissions: claims.permissions,
    iat: now,
    exp: now + (claims.expiresInSeconds ?? 3600),
  };
  const input = `${b64url({ alg: 'ES256', typ: 'JWT', kid: key.kid })}.${b64url(payload)}`;
  const signature = sign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64url(signature)}`;
}

/** An issuer whose JWKS is written into `dir`. */
export function makeTokenIssuer(dir: string): TokenIssuer {
  const key = signingKey();
  const file = join(dir, 'jwks.json');
  writeFileSync(file, JSON.stringify({ keys: [key.publicJwk] }));
  return { kid: key.kid, keySourceUri: `file://${file}`, token: (claims) => signToken(key, claims) };
}

/** Tokens with `issuer`'s key id but signed by another key: forged, or from a rotated-out key. */
export function forger(issuer: TokenIssuer): TokenIssuer['token'] {
  const key = signingKey(issuer.kid);
  return (claims) => signToken(key, claims);
}
