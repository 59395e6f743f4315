/** The evidence types accepted: photos and PDFs, told apart by their first bytes, never by the name. */
export const EVIDENCE_TYPES = {
  'image/jpeg': { extension: 'jpg', label: 'JPEG' },
  'image/png': { extension: 'png', label: 'PNG' },
  'application/pdf': { extension: 'pdf', label: 'PDF' },
} as const;
export type EvidenceContentType = keyof typeof EVIDENCE_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The content type the bytes really are, or null when they are none of the accepted ones. */
export function sniffContentType(bytes: Uint8Array): EvidenceContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}

/** A file name safe to show and to put in Content-Disposition: no path, no control or quote characters. */
export function safeFileName(name: string | undefined, contentType: EvidenceContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_').trim().slice(0, 120);
  const extension = EVIDENCE_TYPES[contentType].extension;
  const stem = cleaned.replace(/\.[^.]*$/, '') || 'lampiran';
  return `${stem}.${extension}`;
}
