// temporal.tls and temporal.apiKey as the connection options every Barrage connection uses.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseConfig } from '../../../src/config';
import { temporalConnectionOptions, TemporalTlsError } from '../../../src/temporal/connection-options';
import { issue, makeCa, writeIssued } from '../../helpers/certificates';

let dir: string;
let files: { ca: string; cert: string; key: string; future: string; futureKey: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'barrage-conn-'));
  const ca = makeCa('unit CA');
  const client = writeIssued(dir, 'client', issue(ca, { cn: 'client' }));
  const future = writeIssued(dir, 'future', issue(ca, { cn: 'later', fromDays: 2, toDays: 10 }));
  files = {
    ca: writeIssued(dir, 'ca', ca).certFile,
    cert: client.certFile,
    key: client.keyFile,
    future: future.certFile,
    futureKey: future.keyFile,
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temporalOf = (temporal: Record<string, unknown>, env: Record<string, string> = {}) =>
  parseConfig(stringify({ temporal: { address: 'temporal.example:7233', ...temporal } }), env).temporal;

test('no tls and no apiKey: plaintext', () => {
  expect(temporalConnectionOptions(temporalOf({}), 'temporal.example:7233')).toEqual({
    address: 'temporal.example:7233',
    tls: false,
  });
});

test('an apiKey (from env:) turns TLS on with the system CAs, as Temporal Cloud needs', () => {
  const options = temporalConnectionOptions(
    temporalOf({ apiKey: 'env:TEMPORAL_API_KEY' }, { TEMPORAL_API_KEY: 'k-123' }),
    'a:7233',
  );
  expect(options).toEqual({ address: 'a:7233', tls: {}, apiKey: 'k-123' });
});

test('tls.enabled: false keeps a plain connection even with an apiKey', () => {
  const options = temporalConnectionOptions(temporalOf({ apiKey: 'k', tls: { enabled: false } }), 'a:7233');
  expect(options).toEqual({ address: 'a:7233', tls: false, apiKey: 'k' });
});

test('the embedded dev server (no temporal.address) is plaintext whatever tls says', () => {
  const temporal = { ...temporalOf({ tls: { caFile: '/nowhere.pem' }, apiKey: 'k' }), address: '' };
  expect(temporalConnectionOptions(temporal, '127.0.0.1:7233')).toEqual({ address: '127.0.0.1:7233', tls: false });
});

test('CA, client pair and server name are read into the TLS options', () => {
  const options = temporalConnectionOptions(
    temporalOf({ tls: { caFile: files.ca, certFile: files.cert, keyFile: files.key, serverName: 'temporal.internal' } }),
    'a:7233',
  );
  expect(options.tls).toEqual({
    serverNameOverride: 'temporal.internal',
    serverRootCACertificate: readFileSync(files.ca),
    clientCertPair: { crt: readFileSync(files.cert), key: readFileSync(files.key) },
  });
});

test.each([
  [
    'a missing file',
    () => ({ caFile: join(dir, 'missing.pem') }),
    /temporal\.tls\.caFile: cannot read .*missing\.pem \(ENOENT\)/,
  ],
  ['a key where a certificate belongs', () => ({ caFile: files.key }), /temporal\.tls\.caFile: .* holds no PEM certificate/],
  ['a certificate not valid yet', () => ({ certFile: files.future, keyFile: files.futureKey }), /is not valid before/],
])('%s is refused before connecting, naming the key, without its content', (_name, tls, message) => {
  const call = () => temporalConnectionOptions(temporalOf({ tls: tls() }), 'a:7233');
  expect(call).toThrow(TemporalTlsError);
  expect(call).toThrow(message);
  expect(call).not.toThrow(/BEGIN|PRIVATE/);
});

test('certFile without keyFile is a config error', () => {
  expect(() => temporalOf({ tls: { certFile: files.cert } })).toThrow(/certFile and keyFile go together/);
});
