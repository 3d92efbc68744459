// docker-compose.yml cannot run here (no Docker engine), so this keeps it in line with what
// `npm run cluster` runs and the cluster tests check: the server version, its config, its ports
// and dynamic config, and the database names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../../src/base/paths';
import {
  CLUSTER_DYNAMIC_CONFIG,
  DEFAULT_CLUSTER_PORTS,
  serverConfigYaml,
  TEMPORAL_DATABASES,
} from '../../../src/devtools/temporal-server-config';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const compose = parse(read('docker-compose.yml'));
const version = /const TEMPORAL_SERVER_VERSION = '(v[\d.]+)'/.exec(read('scripts/setup.mjs'))![1];

test('the compose server is the temporal-server version setup --cluster builds', () => {
  expect(read('temporal-config/Dockerfile')).toContain(`ARG TEMPORAL_VERSION=${version}`);
  expect(compose.services.temporal.image).toBe(`barrage/temporal-server:${version}`);
  expect(compose.services['temporal-schema'].image).toBe(`barrage/temporal-server:${version}`);
});

test('its server config is what npm run cluster writes, with the compose network', () => {
  const expected = serverConfigYaml(
    { ports: DEFAULT_CLUSTER_PORTS, postgresPort: 5432, shards: 8 },
    '/etc/temporal/dynamicconfig/development.yaml',
    { postgresHost: 'postgresql', bindIp: '0.0.0.0' },
  );
  expect(parse(read('temporal-config/temporal-server.yaml'))).toEqual(parse(expected));
});

test('same ports, same dynamic config, same databases', () => {
  expect(compose.services.temporal.ports).toContain(`${DEFAULT_CLUSTER_PORTS.frontend}:${DEFAULT_CLUSTER_PORTS.frontend}`);
  expect(compose.services.postgresql.ports).toContain('5432:5432');
  const dynamic = parse(read('temporal-config/dynamicconfig/development.yaml'));
  for (const [key, value] of Object.entries(CLUSTER_DYNAMIC_CONFIG)) expect(dynamic[key][0].value).toEqual(value);
  const schemaStep = compose.services['temporal-schema'].command.join('\n');
  for (const db of [...Object.values(TEMPORAL_DATABASES), 'barrage']) expect(schemaStep).toContain(db);
  expect(compose.services.receiver.environment.DATABASE_URL).toBe('postgres://postgres@postgresql:5432/barrage');
});
