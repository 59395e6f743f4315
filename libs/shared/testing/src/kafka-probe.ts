import type { Kafka, KafkaMessage } from 'kafkajs';

/** Reads everything on a topic from the beginning into an array, for assertions on what was published. */
export class TopicRecorder {
  readonly messages: { partition: number; message: KafkaMessage }[] = [];
  private consumer?: ReturnType<Kafka['consumer']>;

  constructor(private readonly kafka: Kafka, private readonly topic: string) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `recorder-${this.topic}-${Math.random().toString(36).slice(2)}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topic, fromBeginning: true });
    await this.consumer.run({ eachMessage: async ({ partition, message }) => void this.messages.push({ partition, message }) });
    return this;
  }

  header(index: number, name: string): string | undefined {
    const v = this.messages[index]?.message.headers?.[name];
    return v === undefined ? undefined : String(Array.isArray(v) ? v[0] : v);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
