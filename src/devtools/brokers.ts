// Real local brokers for tests and trials: Apache Kafka (KRaft, one node) and ElasticMQ (SQS API),
// run from the jars `npm run setup` fetched into .tools/brokers. Loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from '../config';
import { portInUse, stopProcess } from '../temporal/dev-server';

export interface RunningBroker {
  /** Kafka: "127.0.0.1:port" bootstrap address; ElasticMQ: "http://127.0.0.1:port". */
  address: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const brokerLib = (name: 'kafka' | 'elasticmq') => {
  const dir = join(PROJECT_ROOT, '.tools', 'brokers', name, 'lib');
  if (!existsSync(dir) || readdirSync(dir).length === 0) {
    throw new Error(`${name} jars are missing in ${dir}: run \`npm run setup\` (it needs java and mvn)`);
  }
  return `${dir}/*`;
};

export interface KafkaOptions {
  port: number;
  controllerPort: number;
  /** Log and metadata directory; reused across restarts (formatted once). */
  dataDir: string;
  partitions?: number;
  readyTimeoutMs?: number;
}

export async function startKafka(options: KafkaOptions): Promise<RunningBroker> {
  await refuseBusy(options.port, 'Kafka');
  mkdirSync(options.dataDir, { recursive: true });
  const classpath = brokerLib('kafka');
  const properties = join(options.dataDir, 'server.properties');
  writeFileSync(properties, kafkaProperties(options));
  const log4j = join(options.dataDir, 'log4j2.properties');
  writeFileSync(log4j, LOG4J2_WARN);
  // Single-node KRaft: the storage is formatted once with a fixed cluster id, then reused.
  execFileSync(
    'java',
    [
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      'barrage-local-kafka-01',
      '-c',
      properties,
      '--ignore-formatted',
    ],
    { stdio: 'ignore' },
  );
  const child = spawn('java', ['-Xmx512m', `-Dlog4j2.configurationFile=${log4j}`, '-cp', classpath, 'kafka.Kafka', properties], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = `127.0.0.1:${options.port}`;
  await waitUntil(child, 'Kafka', options.readyTimeoutMs ?? 60_000, () => kafkaReady(address));
  return { address, process: child, stop: () => stopProcess(child, 10_000) };
}

function kafkaProperties(o: KafkaOptions): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${o.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${o.port},CONTROLLER://127.0.0.1:${o.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${o.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${join(o.dataDir, 'data')}`,
    `num.partitions=${o.partitions ?? 1}`,
    // One node: internal topics must not ask for replicas that cannot exist, or consumer groups
    // never find a coordinator.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    // Topics are explicit, as in production: a typo must fail, not create a topic.
    'auto.create.topics.enable=false',
    '',
  ].join('\n');
}

const LOG4J2_WARN = [
  'rootLogger.level=WARN',
  'rootLogger.appenderRef.stderr.ref=STDERR',
  'appender.stderr.type=Console',
  'appender.stderr.name=STDERR',
  'appender.stderr.target=SYSTEM_ERR',
  'appender.stderr.layout.type=PatternLayout',
  'appender.stderr.layout.pattern=[kafka] %d{HH:mm:ss} %p %c{1} %m%n',
  '',
].join('\n');

async function kafkaReady(address: string): Promise<boolean> {
  // A client connecting before the port is open waits 30 s for metadata and keeps the process
  // alive that long, so only ask Kafka once it listens.
  const [host, port] = address.split(':');
  if (!(await portInUse(host, Number(port)))) return false;
  const { KafkaJS } = await import('@confluentinc/kafka-javascript');
  const admin = new KafkaJS.Kafka({ kafkaJS: { brokers: [address], logLevel: KafkaJS.logLevel.NOTHING } }).admin();
  try {
    await admin.connect();
    await admin.listTopics();
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export interface ElasticMqOptions {
  port: number;
  dataDir: string;
  readyTimeoutMs?: number;
}

export async function startElasticMq(options: ElasticMqOptions): Promise<RunningBroker> {
  await refuseBusy(options.port, 'ElasticMQ');
  mkdirSync(options.dataDir, { recursive: true });
  const conf = join(options.dataDir, 'elasticmq.conf');
  // strict limits: the same message-size and batch rules as AWS, so tests see what users see.
  writeFileSync(
    conf,
    [
      'include classpath("application.conf")',
      `node-address { protocol = http, host = 127.0.0.1, port = ${options.port}, context-path = "" }`,
      `rest-sqs { enabled = true, bind-port = ${options.port}, bind-hostname = "127.0.0.1", sqs-limits = strict }`,
      'rest-stats { enabled = false }',
      '',
    ].join('\n'),
  );
  const child = spawn('java', ['-Xmx256m', `-Dconfig.file=${conf}`, '-cp', brokerLib('elasticmq'), 'org.elasticmq.server.Main'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = `http://127.0.0.1:${options.port}`;
  await waitUntil(child, 'ElasticMQ', options.readyTimeoutMs ?? 60_000, async () => {
    const res = await fetch(`${address}/?Action=ListQueues`).catch(() => undefined);
    return res !== undefined && res.status < 500;
  });
  return { address, process: child, stop: () => stopProcess(child, 10_000) };
}

async function refuseBusy(port: number, what: string): Promise<void> {
  if (await portInUse('127.0.0.1', port)) throw new Error(`port 127.0.0.1:${port} is already in use; cannot start ${what} there`);
}

/** Polls `ready` until it holds; fails early with the broker's last output if it exits. */
async function waitUntil(child: ChildProcess, what: string, timeoutMs: number, ready: () => Promise<boolean>): Promise<void> {
  const output: string[] = [];
  const collect = (data: Buffer) => {
    output.push(...data.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (code ${child.exitCode}):\n${output.join('\n')}`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopProcess(child);
  throw new Error(`${what} not ready after ${timeoutMs} ms:\n${output.join('\n')}`);
}
