import { createHash } from 'node:crypto';
import { EVIDENCE_TYPES, sniffContentType, type EvidenceContentType } from './file-type';
import { stripImageMetadata } from './image-metadata';

export interface AcceptedEvidence {
  readonly contentType: EvidenceContentType;
  /** The bytes to store: the photo without its metadata when asked, else as uploaded. */
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly metadataStripped: boolean;
}

export interface EvidenceRefusal {
  readonly status: 400 | 413 | 415 | 422;
  readonly code: 'FILE_REQUIRED' | 'FILE_TOO_LARGE' | 'FILE_TYPE_NOT_ALLOWED' | 'FILE_MALFORMED';
  /** Bahasa Indonesia, for the user. */
  readonly message: string;
}

/** The refusal of a file over `maxBytes` (also what an upload limit stopping the read answers). */
export function evidenceTooLarge(maxBytes: number): EvidenceRefusal {
  return { status: 413, code: 'FILE_TOO_LARGE', message: `Berkas melebihi batas ${Math.floor(maxBytes / (1024 * 1024))} MB.` };
}

/**
 * The one check of an uploaded evidence file (desk's answers and replies, IKP's realisation
 * evidence): present, within the size, a JPEG, PNG or PDF by its content (never its name), and,
 * when `stripMetadata`, a photo without EXIF/GPS and text metadata.
 */
export function acceptEvidence(bytes: Buffer | undefined, options: { maxBytes: number; stripMetadata: boolean }): { accepted: AcceptedEvidence } | { refused: EvidenceRefusal } {
  if (!bytes || bytes.length === 0) return { refused: { status: 400, code: 'FILE_REQUIRED', message: 'Berkas wajib diunggah pada kolom "file" dan tidak boleh kosong.' } };
  if (bytes.length > options.maxBytes) return { refused: evidenceTooLarge(options.maxBytes) };
  const contentType = sniffContentType(bytes);
  if (!contentType) {
    const allowed = Object.values(EVIDENCE_TYPES).map((t) => t.label).join(', ');
    return { refused: { status: 415, code: 'FILE_TYPE_NOT_ALLOWED', message: `Jenis berkas tidak diizinkan: isi berkas bukan ${allowed} (nama berkas tidak menentukan jenisnya).` } };
  }
  const strip = options.stripMetadata && contentType !== 'application/pdf';
  const stored = strip ? stripImageMetadata(bytes, contentType) : bytes;
  if (!stored) return { refused: { status: 422, code: 'FILE_MALFORMED', message: 'Berkas gambar rusak atau tidak lengkap.' } };
  return { accepted: { contentType, bytes: stored, sha256: createHash('sha256').update(stored).digest('hex'), metadataStripped: strip } };
}
