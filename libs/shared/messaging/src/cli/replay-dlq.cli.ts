// npm run replay-dlq -- --topic tickets [--event-id ID ...] [--type TYPE] [--dry-run]
import { ALL_TOPICS, type TopicName } from '@bekasi/contracts';
import { loadConfig, ServiceConfig } from '@bekasi/platform';
import { createKafka, topicNamingOf } from '../kafka/kafka-settings';
import { replayDeadLetters } from '../consumer/dead-letter-replay';

function parseArgs(argv: string[]) {
  const args = { topic: undefined as string | undefined, eventIds: [] as string[], type: undefined as string | undefined, dryRun: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--topic') args.topic = argv[++i];
    else if (a === '--event-id') args.eventIds.push(argv[++i]);
    else if (a === '--type') args.type = argv[++i];
    else if (a === '--dry-run') args.dryRun = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.topic || !ALL_TOPICS.includes(args.topic as TopicName)) {
    console.error(`usage: npm run replay-dlq -- --topic <${ALL_TOPICS.join('|')}> [--event-id ID]... [--type TYPE] [--dry-run]`);
    process.exit(2);
  }
  const config = loadConfig(ServiceConfig);
  const settings = { brokers: config.KAFKA_BROKERS.split(','), topicPrefix: config.KAFKA_TOPIC_PREFIX, clientId: 'replay-dlq' };
  const letters = await replayDeadLetters(createKafka(settings), topicNamingOf(settings), {
    topic: args.topic as TopicName,
    eventIds: args.eventIds.length ? args.eventIds : undefined,
    eventType: args.type,
    dryRun: args.dryRun,
  });
  for (const l of letters) console.log(`${l.replayed ? 'replayed' : 'skipped '} offset=${l.offset} id=${l.eventId} type=${l.eventType} error=${l.error}`);
  console.log(`${letters.filter((l) => l.replayed).length} of ${letters.length} dead letters replayed${args.dryRun ? ' (dry run)' : ''}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
