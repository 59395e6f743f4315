import { createHash, randomUUID } from 'node:crypto';
import { HttpException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { scopeIncludes, type AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { EVIDENCE_TYPES, safeFileName, sniffContentType, stripImageMetadata, type FileStore } from '@bekasi/file-store';
import { mayAct } from '@bekasi/ikp-domain';
import { SERVICE_CONFIG } from '@bekasi/platform';
import { invalid, refusalException } from '../http/ikp-refusal';
import type { IkpConfig } from '../ikp.config';
import { EvidenceFileRepository, type EvidenceFile } from '../persistence/evidence-file.repository';
import { InstructionRepository } from '../persistence/instruction.repository';
import { actorOf, InstructionWorkflow } from './instruction.workflow';

export const IKP_FILE_STORE = Symbol('IKP_FILE_STORE');

const refusal = (status: number, error: string, message: string) => new HttpException({ statusCode: status, error, message, errors: [{ field: 'file', reasons: [message] }] }, status);
const notFound = () => new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Berkas tidak ditemukan.' });

/**
 * Evidence of an instruction's realisation: uploaded by the instructed unit (a photo or a PDF, told
 * by its content; photos stripped of location and camera data, since they may show victims), kept in
 * the file store, and read by whoever may see the instruction.
 */
@Injectable()
export class InstructionEvidence {
  constructor(
    private readonly dataSource: DataSource,
    private readonly instructions: InstructionWorkflow,
    @Inject(IKP_FILE_STORE) private readonly store: FileStore,
    @Inject(SERVICE_CONFIG) private readonly config: IkpConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async upload(instructionId: string, file: { buffer: Buffer; originalname?: string } | undefined, user: AuthPrincipal): Promise<Omit<EvidenceFile, 'storageKey'>> {
    if (!file || file.buffer.length === 0) throw invalid('file', 'Berkas bukti wajib diunggah pada kolom "file" dan tidak boleh kosong.');
    if (file.buffer.length > this.config.IKP_EVIDENCE_MAX_MB * 1024 * 1024) throw refusal(413, 'FILE_TOO_LARGE', `Berkas melebihi batas ${this.config.IKP_EVIDENCE_MAX_MB} MB.`);
    const instruction = await new InstructionRepository(this.dataSource.manager).find(instructionId);
    if (!instruction || !scopeIncludes(await this.instructions.scopeOf(user), instruction.unitCode)) throw new NotFoundException({ statusCode: 404, error: 'NOT_FOUND', message: 'Instruksi tidak ditemukan.' });
    if (!mayAct('report_realisation', actorOf(user), instruction, this.instructions.rules)) {
      throw refusalException({ code: 'FORBIDDEN', message: 'Hanya perangkat daerah yang diberi instruksi yang dapat mengunggah bukti realisasinya.' });
    }
    const contentType = sniffContentType(file.buffer);
    if (!contentType) {
      const allowed = Object.values(EVIDENCE_TYPES).map((t) => t.label).join(', ');
      throw refusal(415, 'FILE_TYPE_NOT_ALLOWED', `Jenis berkas tidak diizinkan: isi berkas bukan ${allowed} (nama berkas tidak menentukan jenisnya).`);
    }
    const bytes = contentType === 'application/pdf' ? file.buffer : stripImageMetadata(file.buffer, contentType);
    if (!bytes) throw refusal(422, 'FILE_MALFORMED', 'Berkas gambar rusak atau tidak lengkap.');
    const fileId = randomUUID();
    const stored: EvidenceFile = {
      fileId, instructionId, storageKey: `ikp/instructions/${instructionId}/${fileId}.${EVIDENCE_TYPES[contentType].extension}`, fileName: safeFileName(file.originalname, contentType),
      contentType, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploadedBy: user.username, uploadedAt: this.clock.now(),
    };
    await this.store.put(stored.storageKey, bytes, contentType);
    await new EvidenceFileRepository(this.dataSource.manager).insert(stored);
    const { storageKey: _key, ...view } = stored;
    return view;
  }

  async download(instructionId: string, fileId: string, user: AuthPrincipal): Promise<{ file: EvidenceFile; bytes: Buffer }> {
    await this.instructions.one(instructionId, user); // 404 outside the caller's scope
    const file = await new EvidenceFileRepository(this.dataSource.manager).find(instructionId, fileId);
    const bytes = file ? await this.store.get(file.storageKey) : null;
    if (!file || !bytes) throw notFound();
    return { file, bytes };
  }

  /** A realisation may cite only files uploaded for its own instruction. */
  async assertUploadedFor(tx: EntityManager, instructionId: string, fileIds: readonly string[]): Promise<void> {
    const unique = [...new Set(fileIds)];
    if ((await new EvidenceFileRepository(tx).ofInstruction(instructionId, unique)).length !== unique.length) {
      throw invalid('evidence', 'berkas bukti tidak ditemukan pada instruksi ini; unggah dulu lewat /evidence');
    }
  }
}
