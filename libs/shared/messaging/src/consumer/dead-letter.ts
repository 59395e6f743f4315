import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export const DLQ_HEADER = {
  error: 'dlq_error',
  errorName: 'dlq_error_name',
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  consumerGroup: 'dlq_consumer_group',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: Error;
  attempts: number;
  consumerGroup: string;
}

/** The original message, untouched, with the failure attached as dlq_* headers. */
export async function sendToDeadLetterTopic(producer: Producer, deadLetterTopic: string, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = { ...(letter.message.headers ?? {}) };
  headers[DLQ_HEADER.error] = truncate(letter.error.message, 4000);
  headers[DLQ_HEADER.errorName] = letter.error.name;
  headers[DLQ_HEADER.originalTopic] = letter.topic;
  headers[DLQ_HEADER.originalPartition] = String(letter.partition);
  headers[DLQ_HEADER.originalOffset] = letter.message.offset;
  headers[DLQ_HEADER.consumerGroup] = letter.consumerGroup;
  headers[DLQ_HEADER.attempts] = String(letter.attempts);
  headers[DLQ_HEADER.failedAt] = new Date().toISOString();
  await producer.send({
    topic: deadLetterTopic,
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}

/** The original headers of a dead letter, without the dlq_* ones. */
export function stripDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  const out: IHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!name.startsWith('dlq_') && value !== undefined) out[name] = value;
  }
  return out;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
