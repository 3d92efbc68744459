// The Kafka client is librdkafka, a native build: an optional peer dependency, so installing
// Barrage (or embedding it) does not compile it for services that never touch Kafka.
export const KAFKA_PACKAGE = '@confluentinc/kafka-javascript';

/** Undefined when the Kafka client is installed; else what to tell the operator. */
export function kafkaMissing(): string | undefined {
  try {
    require.resolve(KAFKA_PACKAGE);
    return undefined;
  } catch {
    return `Kafka needs the optional package ${KAFKA_PACKAGE}: npm install ${KAFKA_PACKAGE}, then restart`;
  }
}
