// The zip container of an XLSX, opened with limits: every entry is inflated with a hard ceiling on
// its output (a zip bomb stops at the ceiling, whatever its headers claim), then re-packed, stored
// and in the order a streaming reader needs (the workbook before its sheets, which not every
// program writes: SheetJS puts the sheets first).
import { inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { Readable } from 'node:stream';
import { ExportFileError } from './export-file-error';
import { ExportLimitError, type ExportLimits } from './export-limits';

interface ZipEntry {
  name: string;
  data: Buffer;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const corrupt = (what: string) => new ExportFileError(`Berkas XLSX rusak atau tidak dapat dibaca: ${what}.`);

function endOfCentralDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw corrupt('direktori zip tidak ditemukan');
}

/** Every entry of the zip, inflated within the limits. */
export function readZipEntries(buf: Buffer, limits: ExportLimits): ZipEntry[] {
  const eocd = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw corrupt('format ZIP64 tidak didukung');
  if (count > limits.maxZipEntries) throw new ExportLimitError(`Berkas XLSX berisi lebih dari ${limits.maxZipEntries} bagian.`);
  const entries: ZipEntry[] = [];
  let budget = limits.maxUncompressedBytes;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== CENTRAL) throw corrupt('direktori zip tidak lengkap');
    const method = buf.readUInt16LE(offset + 10);
    const compressedSize = buf.readUInt32LE(offset + 20);
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    const localOffset = buf.readUInt32LE(offset + 42);
    const name = buf.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    offset += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LOCAL) throw corrupt(`bagian ${name} tidak ditemukan`);
    const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
    const raw = buf.subarray(start, start + compressedSize);
    if (raw.length !== compressedSize) throw corrupt(`bagian ${name} terpotong`);
    if (name.endsWith('/')) continue;
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ExportLimitError(`Isi berkas XLSX setelah dibuka melebihi ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB.`);
        }
        throw corrupt(`bagian ${name} tidak dapat dibuka`);
      }
    } else throw corrupt(`metode kompresi ${method} tidak didukung`);
    budget -= data.length;
    if (budget < 0) throw new ExportLimitError(`Isi berkas XLSX setelah dibuka melebihi ${Math.round(limits.maxUncompressedBytes / 1024 / 1024)} MB.`);
    entries.push({ name, data });
  }
  return entries;
}

/** Package parts first, the workbook before styles and strings, worksheets last. */
function rankOf(name: string): number {
  const order = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  const known = order.indexOf(name);
  if (known >= 0) return known;
  return /^xl\/worksheets\//.test(name) ? 100 : 50;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  if (native) return native(data);
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The entries as a stored (uncompressed) zip, in reading order, as a stream. */
export function repackedZip(entries: ZipEntry[]): Readable {
  const sorted = [...entries].sort((a, b) => rankOf(a.name) - rankOf(b.name));
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of sorted) {
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, data);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(sorted.length, 8);
  end.writeUInt16LE(sorted.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Readable.from([...parts, ...central, end], { objectMode: false });
}
