// Certificates for the TLS tests, made with node-forge (keys from Node's own crypto): a CA that the
// server trusts, a second CA it does not, and certificates each CA signs, valid or expired.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
}

const DAY = 86_400_000;

function keyPair(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(
    privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  ) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

function newCertificate(cn: string, publicKey: forge.pki.PublicKey, from: Date, to: Date): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = from;
  cert.validity.notAfter = to;
  cert.setSubject([{ name: 'commonName', value: cn }]);
  return cert;
}

export function makeCa(cn: string): Issued {
  const { privateKey, publicKey } = keyPair();
  const cert = newCertificate(cn, publicKey, new Date(Date.now() - DAY), new Date(Date.now() + 30 * DAY));
  cert.setIssuer(cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  return { cert, key: privateKey };
}

export interface IssueOptions {
  cn: string;
  /** DNS names and IPs the certificate is for (a server certificate). */
  dnsNames?: string[];
  ips?: string[];
  /** Validity window in days from now (negative: in the past). */
  fromDays?: number;
  toDays?: number;
}

export function issue(ca: Issued, options: IssueOptions): Issued {
  const { privateKey, publicKey } = keyPair();
  const from = new Date(Date.now() + (options.fromDays ?? -1) * DAY);
  const to = new Date(Date.now() + (options.toDays ?? 30) * DAY);
  const cert = newCertificate(options.cn, publicKey, from, to);
  cert.setIssuer(ca.cert.subject.attributes);
  const altNames = [
    ...(options.dnsNames ?? []).map((value) => ({ type: 2, value })),
    ...(options.ips ?? []).map((ip) => ({ type: 7, ip })),
  ];
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true, clientAuth: true },
    ...(altNames.length ? [{ name: 'subjectAltName', altNames }] : []),
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  return { cert, key: privateKey };
}

/** Writes NAME.pem and NAME-key.pem; returns their paths. */
export function writeIssued(dir: string, name: string, issued: Issued): { certFile: string; keyFile: string } {
  mkdirSync(dir, { recursive: true });
  const certFile = join(dir, `${name}.pem`);
  const keyFile = join(dir, `${name}-key.pem`);
  writeFileSync(certFile, forge.pki.certificateToPem(issued.cert));
  // PKCS#8, the form every TLS stack here reads (Go's, Node's, and the worker's Rust core).
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(issued.key));
  writeFileSync(keyFile, forge.pki.privateKeyInfoToPem(pkcs8), { mode: 0o600 });
  return { certFile, keyFile };
}
