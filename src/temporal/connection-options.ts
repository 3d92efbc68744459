// How every connection Barrage opens to Temporal is made (client, worker, namespace admin): the
// address, TLS from temporal.tls, and temporal.apiKey. Certificates are checked here before any
// connection, so an expired or mismatched file is named at start instead of surfacing as a
// handshake error. No key, certificate or API key content ever goes into a message.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { connect as connectTls } from 'node:tls';
import type { TLSConfig } from '@temporalio/client';
import type { BarrageConfig } from '../config';

export interface TemporalConnectionOptions {
  address: string;
  /** false: plaintext; an object: TLS (system CAs unless it names a CA). */
  tls: TLSConfig | false;
  apiKey?: string;
}

/** Raised before connecting, or when the server refuses the handshake: retrying cannot help. */
export class TemporalTlsError extends Error {
  override name = 'TemporalTlsError';
}

type TemporalConfig = Pick<BarrageConfig['temporal'], 'address' | 'tls' | 'apiKey'>;

/**
 * The options for `address`. The embedded dev server (no temporal.address) is always plaintext:
 * temporal.tls and apiKey describe the production server the same file is used with.
 */
export function temporalConnectionOptions(
  temporal: TemporalConfig,
  address: string,
  now = new Date(),
): TemporalConnectionOptions {
  if (!temporal.address) return { address, tls: false };
  const apiKey = temporal.apiKey || undefined;
  const tls = temporal.tls;
  if (tls?.enabled === false || (!tls && !apiKey)) return { address, tls: false, apiKey };
  if (!tls) return { address, tls: {}, apiKey };
  const config: TLSConfig = {};
  if (tls.serverName) config.serverNameOverride = tls.serverName;
  if (tls.caFile) config.serverRootCACertificate = readCertificate('caFile', tls.caFile, now).pem;
  if (tls.certFile && tls.keyFile) {
    const cert = readCertificate('certFile', tls.certFile, now);
    const key = readPem('keyFile', tls.keyFile);
    if (!cert.x509.checkPrivateKey(parseKey(key, tls.keyFile))) {
      throw new TemporalTlsError(
        `temporal.tls.keyFile (${tls.keyFile}) is not the private key of temporal.tls.certFile (${tls.certFile})`,
      );
    }
    config.clientCertPair = { crt: cert.pem, key };
  }
  return { address, tls: config, apiKey };
}

function readPem(field: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new TemporalTlsError(`temporal.tls.${field}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function parseKey(pem: Buffer, path: string) {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new TemporalTlsError(`temporal.tls.keyFile: ${path} holds no PEM private key Node can read`);
  }
}

/** Reads a PEM certificate and refuses one outside its validity period, saying which and when. */
function readCertificate(field: string, path: string, now: Date): { pem: Buffer; x509: X509Certificate } {
  const pem = readPem(field, path);
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(pem);
  } catch {
    throw new TemporalTlsError(`temporal.tls.${field}: ${path} holds no PEM certificate`);
  }
  const subject = x509.subject.replace(/\n/g, ', ');
  if (new Date(x509.validTo) < now)
    throw new TemporalTlsError(`temporal.tls.${field}: the certificate in ${path} (${subject}) expired on ${x509.validTo}`);
  if (new Date(x509.validFrom) > now)
    throw new TemporalTlsError(
      `temporal.tls.${field}: the certificate in ${path} (${subject}) is not valid before ${x509.validFrom}`,
    );
  return { pem, x509 };
}

/**
 * Why a TLS connection to Temporal failed, when the reason is TLS: grpc-js reports only a missed
 * deadline, so this repeats the handshake with Node's TLS and reads the server's first bytes (an
 * HTTP/2 server speaks first; a server that refuses the client certificate sends an alert instead).
 * Undefined when the handshake is fine or the server is simply not there yet.
 */
export async function tlsProblem(options: TemporalConnectionOptions, timeoutMs = 5000): Promise<TemporalTlsError | undefined> {
  if (!options.tls) return undefined;
  const { host, port } = splitAddress(options.address);
  const tls = options.tls;
  return new Promise((resolve) => {
    const socket = connectTls({
      host,
      port,
      servername: tls.serverNameOverride ?? (isIP(host) ? undefined : host),
      ca: buffer(tls.serverRootCACertificate),
      cert: buffer(tls.clientCertPair?.crt),
      key: buffer(tls.clientCertPair?.key),
      ALPNProtocols: ['h2'],
    });
    const done = (problem: TemporalTlsError | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(problem);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    socket.once('data', () => done(undefined));
    socket.once('error', (err: NodeJS.ErrnoException) => done(describeTlsError(options.address, err)));
  });
}

function describeTlsError(address: string, err: NodeJS.ErrnoException): TemporalTlsError | undefined {
  const code = String(err.code ?? '');
  if (!/CERT|SSL|TLS|ALTNAME|SELF_SIGNED|UNABLE_TO|HANDSHAKE/.test(code)) return undefined;
  const refusedByServer = /ALERT/.test(code);
  const what = refusedByServer
    ? 'the server refused the client certificate: check temporal.tls.certFile/keyFile (a certificate the server ' +
      'requires for mTLS, signed by a CA it trusts, not expired)'
    : "the server's certificate is not trusted: check temporal.tls.caFile (the CA that signed it) and " +
      'temporal.tls.serverName (a name in it)';
  return new TemporalTlsError(`TLS with Temporal at ${address} failed (${code}): ${what}`);
}

const buffer = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes) : undefined);

function splitAddress(address: string): { host: string; port: number } {
  const at = address.lastIndexOf(':');
  return { host: address.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(address.slice(at + 1)) };
}
