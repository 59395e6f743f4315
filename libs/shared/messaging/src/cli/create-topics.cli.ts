// npm run topics: creates every topic and dead-letter topic of the contracts (safe to run again).
import { loadConfig, ServiceConfig } from '@bekasi/platform';
import { createKafka, topicNamingOf } from '../kafka/kafka-settings';
import { DEFAULT_TOPIC_LAYOUT, provisionTopics } from '../kafka/topic-provisioning';

async function main() {
  const config = loadConfig(ServiceConfig);
  const settings = { brokers: config.KAFKA_BROKERS.split(','), topicPrefix: config.KAFKA_TOPIC_PREFIX, clientId: 'create-topics' };
  const partitions = Number(process.env.KAFKA_PARTITIONS ?? DEFAULT_TOPIC_LAYOUT.partitions);
  const created = await provisionTopics(createKafka(settings), topicNamingOf(settings), { ...DEFAULT_TOPIC_LAYOUT, partitions });
  console.log(created.length ? `created topics: ${created.join(', ')}` : 'topics: all present');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
