// One way to build Kafka clients from config, shared by the Kafka source and destination.
// @confluentinc/kafka-javascript is librdkafka with a KafkaJS-shaped API (see docs/QUEUES.md).
import { KafkaJS } from '@confluentinc/kafka-javascript';
import type { Logger } from '../telemetry/logger';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
  librdkafka: Record<string, string | number | boolean>;
}

export function kafkaClient(connection: KafkaConnection, logger: Logger): KafkaJS.Kafka {
  return new KafkaJS.Kafka({
    ...connection.librdkafka,
    kafkaJS: {
      brokers: connection.brokers,
      clientId: connection.clientId,
      logLevel: KafkaJS.logLevel.WARN,
      logger: kafkaLogger(logger.child({ component: 'kafka' })),
    },
  });
}

/** librdkafka's own log lines, routed into our JSON log. */
function kafkaLogger(logger: Logger): KafkaJS.Logger {
  let level: KafkaJS.logLevel = KafkaJS.logLevel.WARN;
  const at = (min: KafkaJS.logLevel, write: (extra: object, message: string) => void) => (message: string, extra?: object) => {
    if (level >= min) write(extra ?? {}, message);
  };
  const self: KafkaJS.Logger = {
    error: at(KafkaJS.logLevel.ERROR, (e, m) => logger.error(e, m)),
    warn: at(KafkaJS.logLevel.WARN, (e, m) => logger.warn(e, m)),
    info: at(KafkaJS.logLevel.INFO, (e, m) => logger.info(e, m)),
    debug: at(KafkaJS.logLevel.DEBUG, (e, m) => logger.debug(e, m)),
    namespace: () => self,
    setLogLevel: (l: KafkaJS.logLevel) => {
      level = l;
    },
  };
  return self;
}

/** Header values arrive as Buffers (or lists of them); the first one, as text. */
export function headerText(headers: KafkaJS.IHeaders | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : headers[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
