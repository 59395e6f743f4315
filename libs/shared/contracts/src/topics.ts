/**
 * Kafka topics. Every topic is keyed by ticket id (which is the complaint id intake assigns),
 * so all events of one ticket land on one partition and are consumed in order; `units` is keyed
 * by unit code, so a unit's regroupings are consumed in order.
 */
export const TOPICS = {
  complaints: 'complaints',
  tickets: 'tickets',
  sla: 'sla',
  escalations: 'escalations',
  ikp: 'ikp',
  units: 'units',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const ALL_TOPICS: readonly TopicName[] = Object.values(TOPICS);

export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/**
 * Physical topic names. A prefix lets integration tests (and several demo stacks on one broker)
 * use their own topic set without touching anyone else's.
 */
export class TopicNaming {
  constructor(readonly prefix = '') {}

  physical(topic: TopicName): string {
    return this.prefix + topic;
  }

  deadLetter(topic: TopicName): string {
    return deadLetterTopicOf(this.physical(topic));
  }

  /** Logical topic of a physical name (with or without the `.dlq` suffix), or undefined. */
  logical(physicalName: string): TopicName | undefined {
    const name = physicalName.endsWith('.dlq') ? physicalName.slice(0, -4) : physicalName;
    if (!name.startsWith(this.prefix)) return undefined;
    const bare = name.slice(this.prefix.length);
    return ALL_TOPICS.find((t) => t === bare);
  }

  allPhysical(): string[] {
    return ALL_TOPICS.flatMap((t) => [this.physical(t), this.deadLetter(t)]);
  }
}
