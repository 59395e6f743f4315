// kafkajs 2.2.4 decodes every consumed record's headers with an object spread per header, which is
// quadratic in the headers: a CloudEvents envelope carries about ten, and that one function was the
// costliest of the flow process under load (1.1 s of 30 s busy at 400 complaints/s: more than the
// routing model). It also re-parses the batch's first offset and timestamp for each record. The
// decoder below returns the same record, built in one pass; it replaces kafkajs' own module when
// this library loads before kafkajs does (it is imported first by @bekasi/messaging), and only for
// the kafkajs version it was written against. Otherwise kafkajs decodes as before.
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PATCHED_VERSION = '2.2.4';

interface Decoder {
  readInt8(): number;
  readVarInt(): number;
  readVarLong(): unknown;
  readVarIntBytes(): Buffer | null;
  readVarIntArray<T>(decode: (decoder: Decoder) => T): T[];
}
interface LongValue {
  add(other: unknown): LongValue;
  toString(): string;
}
interface LongStatics {
  fromValue(value: unknown): LongValue;
}
interface BatchContext {
  firstOffset?: string;
  firstTimestamp?: string;
  magicByte?: number;
  isControlBatch?: boolean;
  timestampType?: number;
  maxTimestamp?: string;
}
type Headers = Record<string, Buffer | null | Array<Buffer | null>>;

/** A record decoder over kafkajs' own primitives (its Long, header decoder and timestamp types). */
export function recordDecoderOver(Long: LongStatics, decodeHeader: (d: Decoder) => { key: string; value: Buffer | null }, logAppendTime: number) {
  const bases = new WeakMap<BatchContext, { offset: LongValue; timestamp: LongValue }>();
  return (decoder: Decoder, batchContext: BatchContext = {}) => {
    const { magicByte, isControlBatch = false, timestampType, maxTimestamp } = batchContext;
    let base = bases.get(batchContext);
    if (!base) {
      base = { offset: Long.fromValue(batchContext.firstOffset), timestamp: Long.fromValue(batchContext.firstTimestamp) };
      bases.set(batchContext, base);
    }
    const attributes = decoder.readInt8();
    const timestampDelta = decoder.readVarLong();
    const timestamp = timestampType === logAppendTime && maxTimestamp ? maxTimestamp : base.timestamp.add(timestampDelta).toString();
    const offsetDelta = decoder.readVarInt();
    const offset = base.offset.add(offsetDelta).toString();
    const key = decoder.readVarIntBytes();
    const value = decoder.readVarIntBytes();
    const headers: Headers = {};
    for (const header of decoder.readVarIntArray(decodeHeader)) {
      const before = Object.prototype.hasOwnProperty.call(headers, header.key) ? headers[header.key] : undefined;
      const next = before === undefined ? header.value : Array.isArray(before) ? before.concat([header.value]) : [before, header.value];
      // An own property whatever the name (a header called __proto__ must not become the prototype).
      Object.defineProperty(headers, header.key, { value: next, enumerable: true, writable: true, configurable: true });
    }
    return { magicByte, attributes, timestamp, offset, key, value, headers, isControlRecord: isControlBatch, batchContext };
  };
}

function install(): void {
  const load = createRequire(__filename);
  let root: string;
  try {
    root = dirname(load.resolve('kafkajs/package.json'));
  } catch {
    return;
  }
  if ((load(join(root, 'package.json')) as { version: string }).version !== PATCHED_VERSION) return;
  const target = join(root, 'src/protocol/recordBatch/record/v0/decoder.js');
  const cache = (Module as unknown as { _cache: Record<string, NodeModule> })._cache;
  if (cache[target]) return; // kafkajs loaded first: it keeps its own decoder
  const decode = recordDecoderOver(
    load(join(root, 'src/utils/long.js')) as LongStatics,
    load(join(root, 'src/protocol/recordBatch/header/v0/decoder.js')),
    (load(join(root, 'src/protocol/timestampTypes.js')) as { LOG_APPEND_TIME: number }).LOG_APPEND_TIME,
  );
  const replacement = new Module(target) as NodeModule & { loaded: boolean; filename: string };
  replacement.filename = target;
  replacement.loaded = true;
  replacement.exports = decode;
  cache[target] = replacement;
}

install();
