import { CE_HEADER } from '../envelope';
import { EVENT_CATALOG } from '../catalog';
import { ALL_TOPICS, deadLetterTopicOf, TOPICS } from '../topics';

/** PascalCase message id from an event name and version: complaint.received v1 → ComplaintReceivedV1. */
export function messageIdOf(name: string, version: number): string {
  return (
    name
      .split(/[.\-]/)
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('') + `V${version}`
  );
}

/** Drops TypeBox's symbol keys and undefined values so the schema is plain JSON Schema. */
function plainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

const cloudEventHeaders = {
  type: 'object',
  description: 'CloudEvents 1.0 attributes in the Kafka binding, binary content mode',
  required: [CE_HEADER.id, CE_HEADER.source, CE_HEADER.type, CE_HEADER.specversion, CE_HEADER.time, CE_HEADER.subject],
  properties: {
    [CE_HEADER.id]: { type: 'string', description: 'Unique event id; consumers apply an event once by this id' },
    [CE_HEADER.source]: { type: 'string', description: 'Producing service, e.g. /bekasi-lapor/intake' },
    [CE_HEADER.type]: { type: 'string', description: 'Versioned event type' },
    [CE_HEADER.specversion]: { type: 'string', const: '1.0' },
    [CE_HEADER.time]: { type: 'string', format: 'date-time' },
    [CE_HEADER.subject]: { type: 'string', description: 'Ticket id, or unit code on the units topic (also the message key)' },
    [CE_HEADER.correlationid]: { type: 'string', description: 'Id of the first event of the chain' },
    [CE_HEADER.causationid]: { type: 'string', description: 'Id of the event or request that caused this one' },
    [CE_HEADER.contentType]: { type: 'string', const: 'application/json' },
  },
};

/** The AsyncAPI 3.0 document of every topic and event, generated from the contracts. */
export function buildAsyncApiDocument(version = '1.0.0'): Record<string, unknown> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};

  for (const topic of ALL_TOPICS) {
    const key = topic === TOPICS.units ? 'unit code' : 'ticket id';
    const entries = EVENT_CATALOG.filter((e) => e.definition.topic === topic);
    const channelMessages: Record<string, unknown> = {};
    for (const { definition, producer } of entries) {
      const id = messageIdOf(definition.name, definition.version);
      messages[id] = {
        name: definition.type,
        title: `${definition.name} v${definition.version}`,
        summary: definition.description,
        contentType: 'application/json',
        headers: cloudEventHeaders,
        payload: plainJson(definition.schema),
        bindings: { kafka: { key: { type: 'string', description: key }, bindingVersion: '0.5.0' } },
        'x-producer': producer,
      };
      channelMessages[id] = { $ref: `#/components/messages/${id}` };
      operations[`${producer}.send.${id}`] = {
        action: 'send',
        summary: `${producer} publishes ${definition.type}`,
        channel: { $ref: `#/channels/${topic}` },
        messages: [{ $ref: `#/channels/${topic}/messages/${id}` }],
      };
    }
    channels[topic] = {
      address: topic,
      description: `Events keyed by ${key}. Partition count is configuration.`,
      messages: channelMessages,
      bindings: { kafka: { bindingVersion: '0.5.0' } },
    };
    channels[`${topic}-dlq`] = {
      address: deadLetterTopicOf(topic),
      description: `Dead letters of ${topic}: the original message with headers dlq_error, dlq_original_topic, dlq_original_partition, dlq_original_offset, dlq_consumer_group, dlq_attempts, dlq_failed_at. Replayed by \`npm run replay-dlq\`.`,
      messages: channelMessages,
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Bekasi complaint tracker — events',
      version,
      description:
        'Events between the services of the Kabupaten Bekasi complaint tracker (intake, routing, desk, sla, escalation, ikp). ' +
        'Generated from libs/shared/contracts by `npm run asyncapi`; do not edit by hand.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'Single-node KRaft broker started by tools/kafka/start.sh' },
    },
    channels,
    operations,
    components: { messages },
  };
}
