import { Partitioners, type Kafka } from 'kafkajs';
import { CE_HEADER, type TopicName, type TopicNaming } from '@bekasi/contracts';
import { DLQ_HEADER, stripDeadLetterHeaders } from './dead-letter';

export interface ReplayOptions {
  topic: TopicName;
  /** Only letters whose ce_id is listed. */
  eventIds?: string[];
  /** Only letters of this ce_type. */
  eventType?: string;
  dryRun?: boolean;
  /** Group that remembers what was replayed, so a second run does not replay again. */
  groupId?: string;
}

export interface ReplayedLetter {
  offset: string;
  eventId: string | undefined;
  eventType: string | undefined;
  error: string | undefined;
  replayed: boolean;
}

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? String(value[0]) : String(value);
}

/**
 * Puts dead letters of `<topic>.dlq` back on `<topic>`, with their original key, value and
 * CloudEvents headers (the event id is unchanged, so a consumer that did apply it skips it).
 * Reads up to the end of the dead-letter topic as it was when the replay started, then stops.
 */
export async function replayDeadLetters(kafka: Kafka, naming: TopicNaming, options: ReplayOptions): Promise<ReplayedLetter[]> {
  const source = naming.deadLetter(options.topic);
  const target = naming.physical(options.topic);
  const groupId = options.groupId ?? `dlq-replay.${source}`;
  const admin = kafka.admin();
  await admin.connect();
  const ends = new Map<number, bigint>();
  try {
    for (const p of await admin.fetchTopicOffsets(source)) ends.set(p.partition, BigInt(p.high));
    const committed = await admin.fetchOffsets({ groupId, topics: [source] });
    for (const t of committed) {
      for (const p of t.partitions) {
        const start = BigInt(p.offset === '-1' ? '0' : p.offset);
        if (start >= (ends.get(p.partition) ?? 0n)) ends.delete(p.partition);
      }
    }
    for (const [partition, high] of [...ends]) if (high === 0n) ends.delete(partition);
  } finally {
    await admin.disconnect();
  }
  const results: ReplayedLetter[] = [];
  if (ends.size === 0) return results;

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
  await producer.connect();
  await consumer.connect();
  await consumer.subscribe({ topic: source, fromBeginning: true });
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  try {
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const end = ends.get(partition);
        if (end === undefined || BigInt(message.offset) >= end) return;
        const eventId = text(message.headers?.[CE_HEADER.id]);
        const eventType = text(message.headers?.[CE_HEADER.type]);
        const wanted =
          (!options.eventIds || (eventId !== undefined && options.eventIds.includes(eventId))) &&
          (!options.eventType || eventType === options.eventType);
        if (wanted && !options.dryRun) {
          await producer.send({
            topic: target,
            acks: -1,
            messages: [{ key: message.key, value: message.value, headers: stripDeadLetterHeaders(message.headers) }],
          });
        }
        results.push({ offset: message.offset, eventId, eventType, error: text(message.headers?.[DLQ_HEADER.error]), replayed: wanted && !options.dryRun });
        if (!options.dryRun) {
          await consumer.commitOffsets([{ topic: source, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        }
        if (BigInt(message.offset) + 1n >= end) {
          ends.delete(partition);
          if (ends.size === 0) finish();
        }
      },
    });
    const timeout = setTimeout(() => fail(new Error(`replay of ${source} did not reach the end within 60 s`)), 60_000);
    await done.finally(() => clearTimeout(timeout));
  } finally {
    await consumer.disconnect();
    await producer.disconnect();
  }
  return results;
}
