import type { EvidenceContentType } from './file-type';

/**
 * Removes what a photo says about where and by whom it was taken: EXIF (GPS included), XMP, IPTC
 * and comments of a JPEG; eXIf and text chunks of a PNG. The picture itself is untouched.
 * Returns null when the file is not the image it claims to be (truncated or malformed segments).
 */
export function stripImageMetadata(bytes: Buffer, contentType: EvidenceContentType): Buffer | null {
  if (contentType === 'image/jpeg') return stripJpeg(bytes);
  if (contentType === 'image/png') return stripPng(bytes);
  return bytes;
}

function stripJpeg(bytes: Buffer): Buffer | null {
  const out: Buffer[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1];
    if (marker === undefined) return null;
    // Fill bytes between segments.
    if (marker === 0xff) {
      i++;
      continue;
    }
    // Start of scan: the entropy-coded image follows, no more metadata segments to look at.
    if (marker === 0xda) {
      out.push(bytes.subarray(i));
      return Buffer.concat(out);
    }
    if (marker === 0xd9 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.push(bytes.subarray(i, i + 2));
      i += 2;
      continue;
    }
    if (i + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(i + 2);
    if (length < 2 || i + 2 + length > bytes.length) return null;
    // APP1 (EXIF, XMP), APP2..APP15 except APP14 (Adobe colour transform), COM (comments).
    const isMetadata = (marker >= 0xe1 && marker <= 0xef && marker !== 0xee) || marker === 0xfe;
    if (!isMetadata) out.push(bytes.subarray(i, i + 2 + length));
    i += 2 + length;
  }
  return Buffer.concat(out);
}

const PNG_METADATA_CHUNKS = new Set(['eXIf', 'tEXt', 'iTXt', 'zTXt', 'tIME']);

function stripPng(bytes: Buffer): Buffer | null {
  const out: Buffer[] = [bytes.subarray(0, 8)];
  let i = 8;
  while (i < bytes.length) {
    if (i + 12 > bytes.length) return null;
    const length = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const end = i + 12 + length;
    if (end > bytes.length) return null;
    if (!PNG_METADATA_CHUNKS.has(type)) out.push(bytes.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(out);
}

/** Whether the image still carries EXIF (used by tests and as a check after stripping). */
export function hasExif(bytes: Buffer, contentType: EvidenceContentType): boolean {
  if (contentType === 'image/png') return bytes.includes(Buffer.from('eXIf', 'latin1'));
  if (contentType === 'image/jpeg') return bytes.includes(Buffer.from('Exif\0\0', 'latin1'));
  return false;
}
