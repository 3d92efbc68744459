// The consumer group's lag on the source topic, as the broker reports it: each partition's end
// offset (the last stable one: the consumer reads committed records only) minus the group's
// committed offset (the partition's low offset when nothing is committed yet). Asked through the
// poller's own consumer once it has joined its group: the end offsets over an admin client that
// shares the consumer's connection, the committed ones with the consumer's committed(). (An admin
// fetchOffsets for a group that does not exist yet blocked this process's event loop here.)
import { KafkaJS } from '@confluentinc/kafka-javascript';

const TIMEOUT_MS = 2_000;

export interface KafkaLag {
  read(): Promise<number>;
  close(): Promise<void>;
}

export function kafkaLag(consumer: KafkaJS.Consumer, topic: string): KafkaLag {
  let admin: Promise<KafkaJS.Admin> | undefined;
  const connect = async () => {
    const a = consumer.dependentAdmin();
    await a.connect();
    return a;
  };
  return {
    async read() {
      admin ??= connect().catch((err: unknown) => {
        admin = undefined;
        throw err;
      });
      const ends = await (
        await admin
      ).fetchTopicOffsets(topic, {
        timeout: TIMEOUT_MS,
        isolationLevel: KafkaJS.IsolationLevel.READ_COMMITTED,
      });
      const committed = await consumer.committed(
        ends.map((p) => ({ topic, partition: p.partition })),
        TIMEOUT_MS,
      );
      const at = new Map(committed.map((p) => [p.partition, Number(p.offset)]));
      return ends.reduce((sum, p) => {
        const done = at.get(p.partition) ?? -1;
        return sum + Math.max(0, Number(p.high) - (done >= 0 ? done : Number(p.low)));
      }, 0);
    },
    async close() {
      const open = admin;
      admin = undefined;
      await open?.then((a) => a.disconnect()).catch(() => undefined);
    },
  };
}
