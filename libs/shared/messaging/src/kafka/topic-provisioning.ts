import type { Kafka } from 'kafkajs';
import { ALL_TOPICS, TOPICS, type TopicNaming } from '@bekasi/contracts';

export interface TopicLayout {
  partitions: number;
  deadLetterPartitions: number;
  replicationFactor: number;
}

export const DEFAULT_TOPIC_LAYOUT: TopicLayout = { partitions: 6, deadLetterPartitions: 1, replicationFactor: 1 };

/**
 * Creates every topic and its dead-letter topic up front (the broker does not auto-create), so a
 * consumer never joins a group on a topic that does not exist yet. Safe to run again.
 */
export async function provisionTopics(kafka: Kafka, naming: TopicNaming, layout: TopicLayout = DEFAULT_TOPIC_LAYOUT): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = ALL_TOPICS.flatMap((topic) => [
      {
        topic: naming.physical(topic),
        numPartitions: layout.partitions,
        replicationFactor: layout.replicationFactor,
        // The latest unit.regrouped of each unit is kept for good: a service started later rebuilds its groups from it.
        configEntries: topic === TOPICS.units ? [{ name: 'cleanup.policy', value: 'compact' }] : undefined,
      },
      { topic: naming.deadLetter(topic), numPartitions: layout.deadLetterPartitions, replicationFactor: layout.replicationFactor },
    ]).filter((t) => !existing.has(t.topic));
    if (wanted.length > 0) {
      await admin.createTopics({ topics: wanted, waitForLeaders: true });
    }
    return wanted.map((t) => t.topic);
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTopics(kafka: Kafka, naming: TopicNaming): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = naming.allPhysical().filter((t) => existing.has(t));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 10_000 });
  } finally {
    await admin.disconnect();
  }
}
