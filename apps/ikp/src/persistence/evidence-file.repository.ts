import type { EntityManager } from 'typeorm';
import { schemaOfManager } from '@bekasi/messaging';

export interface EvidenceFile {
  fileId: string;
  instructionId: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

const COLUMNS = `id AS "fileId", instruction_id AS "instructionId", storage_key AS "storageKey", file_name AS "fileName", content_type AS "contentType",
  size_bytes AS "sizeBytes", sha256, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"`;

/** What is known of each evidence file beside its bytes in the file store. */
export class EvidenceFileRepository {
  private readonly s: string;

  constructor(private readonly db: EntityManager) {
    this.s = schemaOfManager(db);
  }

  async insert(f: EvidenceFile): Promise<void> {
    await this.db.query(
      `INSERT INTO "${this.s}"."evidence_files" (id, instruction_id, storage_key, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [f.fileId, f.instructionId, f.storageKey, f.fileName, f.contentType, f.sizeBytes, f.sha256, f.uploadedBy, f.uploadedAt],
    );
  }

  async find(instructionId: string, fileId: string): Promise<EvidenceFile | null> {
    const [row] = await this.db.query(`SELECT ${COLUMNS} FROM "${this.s}"."evidence_files" WHERE id = $1 AND instruction_id = $2`, [fileId, instructionId]);
    return row ?? null;
  }

  /** Of `fileIds`, those uploaded for this instruction. */
  async ofInstruction(instructionId: string, fileIds: readonly string[]): Promise<EvidenceFile[]> {
    if (fileIds.length === 0) return [];
    return this.db.query(`SELECT ${COLUMNS} FROM "${this.s}"."evidence_files" WHERE instruction_id = $1 AND id = ANY($2::uuid[])`, [instructionId, [...fileIds]]);
  }
}
