import { join, dirname } from 'node:path';
import { recordDecoderOver } from './record-decoder';

// kafkajs' own modules, as its consumer uses them (deep paths of the installed version).
const root = dirname(require.resolve('kafkajs/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs' internals have no typed entry point
const kafkajs = (path: string) => require(join(root, path));
const Encoder = kafkajs('src/protocol/encoder.js');
const Decoder = kafkajs('src/protocol/decoder.js');
const Record = kafkajs('src/protocol/recordBatch/record/v0/index.js');
const originalDecode = kafkajs('src/protocol/recordBatch/record/v0/decoder.js');
const Long = kafkajs('src/utils/long.js');
const TimestampTypes = kafkajs('src/protocol/timestampTypes.js');
const fastDecode = recordDecoderOver(Long, kafkajs('src/protocol/recordBatch/header/v0/decoder.js'), TimestampTypes.LOG_APPEND_TIME);

/** A record as a batch holds it, positioned after its length (the batch decoder reads that). */
function encoded(record: Record<string, unknown>) {
  const bytes: Buffer = new Encoder().writeEncoder(Record(record)).buffer;
  return () => {
    const decoder = new Decoder(bytes);
    decoder.readVarInt();
    return decoder;
  };
}

describe("the record decoder that replaces kafkajs' own", () => {
  const context = { firstOffset: '9007199254740993', firstTimestamp: '1764560000000', magicByte: 2, timestampType: TimestampTypes.CREATE_TIME };
  const cases: Array<[string, Record<string, unknown>]> = [
    ['a CloudEvents record', { offsetDelta: 3, timestampDelta: 250, key: 'ticket-1', value: '{"a":1}', headers: { ce_id: 'e1', ce_type: 'ticket.assigned.v1', ce_source: '/desk', ce_specversion: '1.0', 'content-type': 'application/json' } }],
    ['repeated header keys', { offsetDelta: 0, timestampDelta: 0, key: null, value: 'x', headers: { a: ['1', '2', '3'], b: '4' } }],
    ['no headers, no key, no value', { offsetDelta: 7, timestampDelta: 1, key: null, value: null, headers: {} }],
  ];
  it.each(cases)('decodes %s exactly as kafkajs does', (_name, record) => {
    const bytes = encoded(record);
    const ours = fastDecode(bytes(), context);
    const theirs = originalDecode(bytes(), context);
    expect(ours).toEqual(theirs);
    expect(Object.keys(ours.headers)).toEqual(Object.keys(theirs.headers));
  });

  it('reads offsets and timestamps past 2^53 exactly, for every record of a batch', () => {
    const first = fastDecode(encoded({ offsetDelta: 1, timestampDelta: 5, value: 'a' })(), context);
    const second = fastDecode(encoded({ offsetDelta: 2, timestampDelta: 6, value: 'b' })(), context);
    expect([first.offset, second.offset]).toEqual(['9007199254740994', '9007199254740995']);
    expect([first.timestamp, second.timestamp]).toEqual(['1764560000005', '1764560000006']);
  });

  it('keeps a header named __proto__ as a header, not as the prototype', () => {
    const headers: Record<string, string> = { ok: '1' };
    Object.defineProperty(headers, '__proto__', { value: 'evil', enumerable: true });
    const record = fastDecode(encoded({ offsetDelta: 0, timestampDelta: 0, value: 'x', headers })(), context);
    expect(Object.getPrototypeOf(record.headers)).toBe(Object.prototype);
    expect(String(record.headers['__proto__'])).toBe('evil');
    expect(String(record.headers.ok)).toBe('1');
  });
});
