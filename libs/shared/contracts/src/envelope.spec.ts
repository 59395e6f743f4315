import { randomUUID } from 'node:crypto';
import { CE_HEADER, EnvelopeFormatError, fromKafkaMessage, toKafkaRecord, type EventEnvelope } from './envelope';
import { ComplaintTriageRequiredV1 } from './events/complaint.events';
import { validateEventData } from './event-definition';
import { TopicNaming } from './topics';

function anEnvelope(overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  const id = randomUUID();
  return {
    id,
    source: '/bekasi-lapor/test',
    type: 'id.go.bekasi.lapor.test.happened.v1',
    specversion: '1.0',
    time: '2026-11-23T03:00:00.000Z',
    subject: randomUUID(),
    datacontenttype: 'application/json',
    correlationid: id,
    causationid: id,
    data: { hello: 'dunia', n: 1 },
    ...overrides,
  };
}

describe('CloudEvents Kafka binding', () => {
  it('round-trips an envelope through ce_* headers and a JSON value, keyed by subject', () => {
    const envelope = anEnvelope();
    const record = toKafkaRecord(envelope);
    expect(record.key).toBe(envelope.subject);
    expect(record.headers[CE_HEADER.type]).toBe(envelope.type);
    const headers = Object.fromEntries(Object.entries(record.headers).map(([k, v]) => [k, Buffer.from(v)]));
    expect(fromKafkaMessage({ key: record.key, value: Buffer.from(record.value), headers })).toEqual(envelope);
  });

  it.each([
    ['a missing ce_id', (h: Record<string, string>) => delete h[CE_HEADER.id], /ce_id/],
    ['a wrong specversion', (h: Record<string, string>) => (h[CE_HEADER.specversion] = '0.3'), /specversion/],
    ['a bad time', (h: Record<string, string>) => (h[CE_HEADER.time] = 'kemarin'), /ce_time/],
  ])('rejects %s', (_label, mutate, pattern) => {
    const record = toKafkaRecord(anEnvelope());
    mutate(record.headers);
    expect(() => fromKafkaMessage({ value: record.value, headers: record.headers })).toThrow(pattern);
  });

  it('rejects a value that is not JSON', () => {
    const record = toKafkaRecord(anEnvelope());
    expect(() => fromKafkaMessage({ value: '{nope', headers: record.headers })).toThrow(EnvelopeFormatError);
  });
});

describe('event data validation', () => {
  it('names the field and the reason of a violation', () => {
    const violations = validateEventData(ComplaintTriageRequiredV1, { complaintId: 'not-a-uuid' });
    expect(violations.length).toBeGreaterThan(0);
    expect(violations.map((v) => v.path)).toContain('/complaintId');
  });
});

describe('TopicNaming', () => {
  it('prefixes physical names and maps them back', () => {
    const naming = new TopicNaming('t123.');
    expect(naming.physical('tickets')).toBe('t123.tickets');
    expect(naming.deadLetter('tickets')).toBe('t123.tickets.dlq');
    expect(naming.logical('t123.tickets.dlq')).toBe('tickets');
    expect(naming.logical('other.tickets')).toBeUndefined();
    expect(naming.allPhysical()).toHaveLength(12);
  });
});
