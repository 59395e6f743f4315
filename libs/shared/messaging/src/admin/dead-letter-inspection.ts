import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { CE_HEADER, type TopicName, type TopicNaming } from '@bekasi/contracts';
import { DLQ_HEADER } from '../consumer/dead-letter';

export interface DeadLetterView {
  partition: number;
  offset: string;
  eventId: string | null;
  eventType: string | null;
  subject: string | null;
  error: string | null;
  errorName: string | null;
  consumerGroup: string | null;
  attempts: number | null;
  failedAt: string | null;
  originalTopic: string | null;
}

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return (Array.isArray(value) ? value[0] : value).toString();
}

/**
 * The newest letters of `<topic>.dlq` (at most `limit` per partition, newest first), read with a
 * throw-away consumer group that is deleted afterwards, so looking commits nothing and replays nothing.
 */
export async function listDeadLetters(kafka: Kafka, naming: TopicNaming, topic: TopicName, limit: number): Promise<DeadLetterView[]> {
  const source = naming.deadLetter(topic);
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `dlq-inspect.${randomUUID()}`;
  try {
    const ranges = (await admin.fetchTopicOffsets(source))
      .map((p) => ({ partition: p.partition, from: BigInt(p.high) - BigInt(limit) > BigInt(p.low) ? BigInt(p.high) - BigInt(limit) : BigInt(p.low), high: BigInt(p.high) }))
      .filter((r) => r.high > r.from);
    if (ranges.length === 0) return [];
    const letters: DeadLetterView[] = [];
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: source, fromBeginning: true });
      const left = new Set(ranges.map((r) => r.partition));
      let finish!: () => void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const range = ranges.find((r) => r.partition === partition);
          if (!range || BigInt(message.offset) < range.from || BigInt(message.offset) >= range.high) return;
          const h = message.headers ?? {};
          letters.push({
            partition,
            offset: message.offset,
            eventId: text(h[CE_HEADER.id]),
            eventType: text(h[CE_HEADER.type]),
            subject: text(h[CE_HEADER.subject]),
            error: text(h[DLQ_HEADER.error]),
            errorName: text(h[DLQ_HEADER.errorName]),
            consumerGroup: text(h[DLQ_HEADER.consumerGroup]),
            attempts: text(h[DLQ_HEADER.attempts]) === null ? null : Number(text(h[DLQ_HEADER.attempts])),
            failedAt: text(h[DLQ_HEADER.failedAt]),
            originalTopic: text(h[DLQ_HEADER.originalTopic]),
          });
          if (BigInt(message.offset) + 1n >= range.high) {
            left.delete(partition);
            if (left.size === 0) finish();
          }
        },
      });
      for (const r of ranges) consumer.seek({ topic: source, partition: r.partition, offset: r.from.toString() });
      const timeout = new Promise<void>((resolve) => setTimeout(resolve, 15_000).unref());
      await Promise.race([done, timeout]);
    } finally {
      await consumer.disconnect();
    }
    return letters.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? '') || Number(BigInt(b.offset) - BigInt(a.offset)));
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
