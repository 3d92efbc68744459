// The temporal-server configuration `npm run cluster`, the cluster tests and docker-compose.yml
// share (temporal-config/temporal-server.yaml is this, with the compose network): ports, TLS,
// dynamic config and the server config file, from the module's config/development-postgres12.yaml.
import { stringify } from 'yaml';

export interface ClusterPorts {
  frontend: number;
  frontendHttp: number;
  history: number;
  matching: number;
  worker: number;
  /** Ring-membership ports of the four services: stored as PostgreSQL smallint, so below 32768. */
  membership: [number, number, number, number];
  metrics: number;
}

/** The ports `npm run cluster` and docker-compose.yml use: the module's own development defaults. */
export const DEFAULT_CLUSTER_PORTS: ClusterPorts = {
  frontend: 7233,
  frontendHttp: 7243,
  history: 7234,
  matching: 7235,
  worker: 7239,
  membership: [6933, 6934, 6935, 6939],
  metrics: 8000,
};

/** Server-side TLS of the frontend; with `clientCaFile`, clients must present a certificate (mTLS). */
export interface ClusterTls {
  certFile: string;
  keyFile: string;
  /** CA the frontend trusts for client certificates; also what its own system worker verifies it with. */
  caFile: string;
  clientCaFile?: string;
  /** Certificate the server's own system worker presents when client auth is required. */
  workerCertFile?: string;
  workerKeyFile?: string;
  serverName: string;
}

/**
 * JWT authorization on the frontend, as Temporal Cloud's API keys and most self-hosted clusters
 * with auth work: every call carries `Authorization: Bearer <token>`, checked against the keys at
 * `keySourceUri` (a JWKS, file:// or http://), with the `permissions` claim ("temporal-system:admin",
 * "<namespace>:write", …) deciding. The server's own system worker reaches history through an
 * internal frontend that skips the check, so it needs its own ports.
 */
export interface ClusterAuthorization {
  keySourceUri: string;
  internalFrontend: { grpc: number; membership: number };
}

export interface ServerConfigOptions {
  postgresPort: number;
  ports: ClusterPorts;
  /** History shards (fixed for the life of the database); default 8. */
  shards?: number;
  tls?: ClusterTls;
  authorization?: ClusterAuthorization;
}

/** Where the server finds PostgreSQL and which address it serves on (docker-compose.yml differs). */
export interface ServerNetwork {
  postgresHost: string;
  /** Omitted: loopback only. */
  bindIp?: string;
}

const LOOPBACK: ServerNetwork = { postgresHost: '127.0.0.1' };

/**
 * Dynamic config for the dev cluster. Namespaces are refreshed every 2 s instead of 10 s so a tenant
 * created at runtime is usable at once; the search-attribute debug setting the CLI's dev server
 * turns on stays off (the server's default, said explicitly). Everything else keeps the server's
 * production defaults.
 */
export const CLUSTER_DYNAMIC_CONFIG: Record<string, unknown> = {
  'system.namespaceCacheRefreshInterval': '2s',
  'system.forceSearchAttributesCacheRefreshOnRead': false,
};

export const TEMPORAL_DATABASES = { temporal: 'temporal', visibility: 'temporal_visibility' } as const;

export function dynamicConfigYaml(values: Record<string, unknown>): string {
  return stringify(Object.fromEntries(Object.entries(values).map(([k, value]) => [k, [{ value, constraints: {} }]])));
}

/** The module's config/development-postgres12.yaml, reduced to what runs here, with our ports and shards. */
export function serverConfigYaml(
  options: ServerConfigOptions,
  dynamicConfigFile: string,
  network: ServerNetwork = LOOPBACK,
): string {
  const { ports } = options;
  const sql = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${network.postgresHost}:${options.postgresPort}`,
      connectProtocol: 'tcp',
      user: 'postgres',
      password: '',
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const service = (grpcPort: number, membershipPort: number, extra: object = {}) => ({
    rpc: { grpcPort, membershipPort, ...(network.bindIp ? { bindOnIP: network.bindIp } : { bindOnLocalHost: true }), ...extra },
  });
  const config = {
    log: { stdout: true, level: 'warn' },
    persistence: {
      defaultStore: 'postgres-default',
      visibilityStore: 'postgres-visibility',
      numHistoryShards: options.shards ?? 8,
      datastores: {
        'postgres-default': sql(TEMPORAL_DATABASES.temporal, 20),
        'postgres-visibility': sql(TEMPORAL_DATABASES.visibility, 10),
      },
    },
    global: {
      membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' },
      metrics: {
        prometheus: {
          framework: 'tally',
          timerType: 'histogram',
          listenAddress: `${network.bindIp ?? '127.0.0.1'}:${ports.metrics}`,
        },
      },
      ...(options.tls ? { tls: tlsConfig(options.tls) } : {}),
      ...(options.authorization ? { authorization: authorizationConfig(options.authorization) } : {}),
    },
    services: {
      frontend: service(ports.frontend, ports.membership[0], { httpPort: ports.frontendHttp }),
      history: service(ports.history, ports.membership[1]),
      matching: service(ports.matching, ports.membership[2]),
      worker: service(ports.worker, ports.membership[3]),
      ...(options.authorization && {
        'internal-frontend': service(
          options.authorization.internalFrontend.grpc,
          options.authorization.internalFrontend.membership,
        ),
      }),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `127.0.0.1:${ports.frontend}` },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: dynamicConfigFile, pollInterval: '10s' },
  };
  return stringify(config);
}

function authorizationConfig(auth: ClusterAuthorization) {
  return {
    authorizer: 'default',
    claimMapper: 'default',
    permissionsClaimName: 'permissions',
    jwtKeyProvider: { keySourceURIs: [auth.keySourceUri], refreshInterval: '1m' },
  };
}

/** TLS on the frontend only (internode traffic stays on loopback); the system worker dials it with TLS too. */
function tlsConfig(tls: ClusterTls) {
  const client = { serverName: tls.serverName, rootCaFiles: [tls.caFile] };
  return {
    frontend: {
      server: {
        certFile: tls.certFile,
        keyFile: tls.keyFile,
        ...(tls.clientCaFile ? { requireClientAuth: true, clientCaFiles: [tls.clientCaFile] } : {}),
      },
      client,
    },
    systemWorker: {
      ...(tls.workerCertFile && tls.workerKeyFile ? { certFile: tls.workerCertFile, keyFile: tls.workerKeyFile } : {}),
      client,
    },
  };
}
