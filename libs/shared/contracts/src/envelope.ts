/**
 * The event envelope, after CloudEvents 1.0 in the Kafka protocol binding, binary content mode:
 * attributes travel as `ce_*` headers, the data as the JSON message value. Correlation and
 * causation ids are CloudEvents extension attributes (lower-case names, as the spec requires).
 */
export const CLOUDEVENTS_SPEC_VERSION = '1.0';
export const EVENT_TYPE_PREFIX = 'id.go.bekasi.lapor.';

export interface EventEnvelope<TData = unknown> {
  /** Unique per event; consumers use it to apply an event once. */
  id: string;
  /** URI-reference of the producing service, e.g. `/bekasi-lapor/intake`. */
  source: string;
  /** Versioned type, e.g. `id.go.bekasi.lapor.complaint.received.v1`. */
  type: string;
  specversion: typeof CLOUDEVENTS_SPEC_VERSION;
  /** RFC 3339 timestamp of the state change (business clock). */
  time: string;
  /** The ticket id; also the Kafka message key. */
  subject: string;
  datacontenttype: 'application/json';
  /** The id of the first event of the chain (usually the complaint's arrival). */
  correlationid: string;
  /** The id of the event (or request) that caused this one. */
  causationid: string;
  data: TData;
}

export const CE_HEADER = {
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  specversion: 'ce_specversion',
  time: 'ce_time',
  subject: 'ce_subject',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
  contentType: 'content-type',
} as const;

export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;

export interface KafkaRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toKafkaRecord(envelope: EventEnvelope): KafkaRecord {
  return {
    key: envelope.subject,
    value: JSON.stringify(envelope.data),
    headers: {
      [CE_HEADER.id]: envelope.id,
      [CE_HEADER.source]: envelope.source,
      [CE_HEADER.type]: envelope.type,
      [CE_HEADER.specversion]: envelope.specversion,
      [CE_HEADER.time]: envelope.time,
      [CE_HEADER.subject]: envelope.subject,
      [CE_HEADER.correlationid]: envelope.correlationid,
      [CE_HEADER.causationid]: envelope.causationid,
      [CE_HEADER.contentType]: envelope.datacontenttype,
    },
  };
}

export class EnvelopeFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvelopeFormatError';
  }
}

function headerText(headers: Record<string, KafkaHeaderValue> | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  if (raw === undefined) return undefined;
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

/** Reads an envelope from a Kafka message; throws EnvelopeFormatError for anything malformed. */
export function fromKafkaMessage(message: {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, KafkaHeaderValue>;
}): EventEnvelope {
  const required = ['id', 'source', 'type', 'specversion', 'time', 'subject'] as const;
  const attrs: Record<string, string> = {};
  for (const attr of required) {
    const value = headerText(message.headers, CE_HEADER[attr]);
    if (!value) throw new EnvelopeFormatError(`missing header ${CE_HEADER[attr]}`);
    attrs[attr] = value;
  }
  if (attrs.specversion !== CLOUDEVENTS_SPEC_VERSION) {
    throw new EnvelopeFormatError(`unsupported ce_specversion ${attrs.specversion}`);
  }
  if (Number.isNaN(Date.parse(attrs.time))) throw new EnvelopeFormatError(`ce_time is not a timestamp: ${attrs.time}`);
  if (message.value === null || message.value === undefined) throw new EnvelopeFormatError('message has no value');
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString());
  } catch (err) {
    throw new EnvelopeFormatError(`value is not JSON: ${(err as Error).message}`);
  }
  return {
    id: attrs.id,
    source: attrs.source,
    type: attrs.type,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: attrs.time,
    subject: attrs.subject,
    datacontenttype: 'application/json',
    correlationid: headerText(message.headers, CE_HEADER.correlationid) ?? attrs.id,
    causationid: headerText(message.headers, CE_HEADER.causationid) ?? attrs.id,
    data,
  };
}
