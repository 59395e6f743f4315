import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  CLOUDEVENTS_SPEC_VERSION,
  toKafkaRecord,
  validateEventData,
  type EventData,
  type EventDefinition,
  type EventEnvelope,
  type TopicNaming,
} from '@bekasi/contracts';
import type { Clock } from '@bekasi/clock';
import { currentCorrelation } from '@bekasi/platform';

export class ContractViolationError extends Error {
  constructor(type: string, violations: { path: string; message: string }[]) {
    super(`event ${type} does not match its schema: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

export interface AppendOptions {
  /** The ticket id: CloudEvents subject and Kafka key. */
  subject: string;
  /** The event this one is a consequence of; its correlation id is carried on. */
  causedBy?: Pick<EventEnvelope, 'id' | 'correlationid'>;
  /** Business time of the change; the injected clock's now by default. */
  time?: Date;
}

export interface OutboxItem<D extends EventDefinition = EventDefinition> {
  definition: D;
  data: EventData<D>;
  options: AppendOptions;
}

/**
 * Writes events into the service's outbox table inside the caller's transaction, so the state
 * change and its events commit or roll back together (reliability rule 1). The relay publishes.
 */
export class OutboxWriter {
  constructor(
    private readonly source: string,
    private readonly naming: TopicNaming,
    private readonly clock: Clock,
  ) {}

  async append<D extends EventDefinition>(tx: EntityManager, definition: D, data: EventData<D>, options: AppendOptions): Promise<EventEnvelope<EventData<D>>> {
    const [envelope] = await this.appendMany(tx, [{ definition, data, options }]);
    return envelope as EventEnvelope<EventData<D>>;
  }

  /** Several events in one multi-row INSERT, in the order given (the relay publishes them in that order). */
  async appendMany(tx: EntityManager, items: readonly OutboxItem[]): Promise<EventEnvelope[]> {
    if (items.length === 0) return [];
    const ambient = currentCorrelation();
    const envelopes = items.map(({ definition, data, options }) => {
      const violations = validateEventData(definition, data);
      if (violations.length > 0) throw new ContractViolationError(definition.type, violations);
      const id = randomUUID();
      const envelope: EventEnvelope = {
        id,
        source: this.source,
        type: definition.type,
        specversion: CLOUDEVENTS_SPEC_VERSION,
        time: (options.time ?? this.clock.now()).toISOString(),
        subject: options.subject,
        datacontenttype: 'application/json',
        correlationid: options.causedBy?.correlationid ?? ambient?.correlationId ?? id,
        causationid: options.causedBy?.id ?? ambient?.eventId ?? ambient?.correlationId ?? id,
        data,
      };
      return envelope;
    });
    const records = envelopes.map((e) => toKafkaRecord(e));
    const schema = schemaOfManager(tx);
    await tx.query(
      `INSERT INTO "${schema}"."outbox" ("event_id", "topic", "message_key", "event_type", "headers", "payload")
       SELECT a, b, c, d, e, f FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[]) WITH ORDINALITY AS r(a, b, c, d, e, f, n) ORDER BY n`,
      [
        envelopes.map((e) => e.id),
        items.map((i) => this.naming.physical(i.definition.topic)),
        records.map((r) => r.key),
        items.map((i) => i.definition.type),
        records.map((r) => JSON.stringify(r.headers)),
        records.map((r) => r.value),
      ],
    );
    return envelopes;
  }
}

export function schemaOfManager(manager: EntityManager): string {
  const schema = (manager.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('the DataSource must name its schema');
  return schema;
}
