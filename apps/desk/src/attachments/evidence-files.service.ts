import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { schemaOfManager } from '@bekasi/messaging';
import { counter, SERVICE_CONFIG } from '@bekasi/platform';
import { acceptEvidence, checkFileLink, EVIDENCE_TYPES, evidenceTooLarge, safeFileName, signFileLink, type EvidenceRefusal, type FileStore } from '@bekasi/file-store';
import { unitScopeOf, type UnitScope } from '@bekasi/auth';
import type { ActorRef } from '@bekasi/tickets-domain';
import type { DeskConfig } from '../desk.config';
import { TicketRepository } from '../persistence/ticket.repository';
import { UserRepository } from '../persistence/user.repository';
import { principalOfUser } from '../users/user-directory.service';
import { DeskRefusal } from '../tickets/desk-refusal';
import type { CommandOptions } from '../tickets/ticket-workflow.service';

export const EVIDENCE_FILE_STORE = Symbol('EVIDENCE_FILE_STORE');

const uploads = counter({ name: 'desk_evidence_files_total', help: 'Evidence file uploads, by outcome', labelNames: ['outcome'] });

export interface StoredFile {
  fileId: string;
  ticketId: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  metadataStripped: boolean;
  attachedAtVersion: number | null;
}

const fileOf = (r: any): StoredFile => ({
  fileId: r.id,
  ticketId: r.ticket_id,
  storageKey: r.storage_key,
  fileName: r.file_name,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  metadataStripped: r.metadata_stripped,
  attachedAtVersion: r.attached_at_version,
});

const refusalOf = (r: EvidenceRefusal) => new DeskRefusal(r.status, r.code, r.message, { field: 'file' });

/** What multer's own size refusal becomes. */
export const fileTooLarge = (maxMb: number) => refusalOf(evidenceTooLarge(maxMb * 1024 * 1024));

/**
 * Evidence files of tickets: checked (size, type from the content), stripped of location and
 * camera data when the complaint is Anonim or Rahasia, stored in the file store, and handed out
 * only to callers who may read the ticket, by short-lived signed links.
 */
@Injectable()
export class EvidenceFiles {
  private readonly linkSecrets: string[];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVIDENCE_FILE_STORE) private readonly store: FileStore,
    @Inject(SERVICE_CONFIG) private readonly config: DeskConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.linkSecrets = config.FILE_LINK_SECRET ? config.FILE_LINK_SECRET.split(',').map((s) => s.trim()).filter(Boolean) : [randomBytes(32).toString('base64url')];
  }

  get maxBytes(): number {
    return this.config.FILE_MAX_MB * 1024 * 1024;
  }

  /** Stores one upload for a ticket the caller may see (else 404 as for any other ticket). */
  async upload(ticket: { id?: string; trackingId?: string; scope: UnitScope }, file: { buffer: Buffer; originalname?: string } | undefined, uploader: ActorRef): Promise<StoredFile> {
    const repo = new TicketRepository(this.dataSource.manager);
    const record = ticket.id ? await repo.find(ticket.id, ticket.scope) : await repo.findByTrackingId(ticket.trackingId ?? '');
    if (!record) throw DeskRefusal.notFound();
    const check = acceptEvidence(file?.buffer, { maxBytes: this.maxBytes, stripMetadata: record.complaint.anonymous || record.complaint.confidential });
    if ('refused' in check) {
      uploads.inc({ outcome: check.refused.code.toLowerCase() });
      throw refusalOf(check.refused);
    }
    const { contentType, bytes, sha256, metadataStripped } = check.accepted;
    const fileId = randomUUID();
    const storageKey = `tickets/${record.snapshot.id}/${fileId}.${EVIDENCE_TYPES[contentType].extension}`;
    await this.store.put(storageKey, bytes, contentType);
    const fileName = safeFileName(file?.originalname, contentType);
    await this.dataSource.query(
      `INSERT INTO "${schemaOfManager(this.dataSource.manager)}"."ticket_files"
        ("id","ticket_id","storage_key","file_name","content_type","size_bytes","sha256","metadata_stripped","uploaded_by_role","uploaded_by_user")
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [fileId, record.snapshot.id, storageKey, fileName, contentType, bytes.length, sha256, metadataStripped, uploader.role, uploader.userId ?? null],
    );
    uploads.inc({ outcome: 'stored' });
    return { fileId, ticketId: record.snapshot.id, storageKey, fileName, contentType, sizeBytes: bytes.length, sha256, metadataStripped, attachedAtVersion: null };
  }

  /**
   * The files named, all of this ticket, not yet attached to an answer or reply, and uploaded by the
   * same side (staff attach staff's files, the reporter the reporter's); otherwise 422 naming the field.
   */
  async forAttachment(tx: EntityManager, ticketId: string, fileIds: readonly string[], by: 'staff' | 'reporter'): Promise<StoredFile[]> {
    if (fileIds.length === 0) return [];
    const rows = await tx.query(
      `SELECT * FROM "${schemaOfManager(tx)}"."ticket_files" WHERE "ticket_id" = $1 AND "id" = ANY($2::uuid[]) AND "attached_at_version" IS NULL
         AND ("uploaded_by_role" = 'reporter') = $3 FOR UPDATE`,
      [ticketId, [...new Set(fileIds)], by === 'reporter'],
    );
    if (rows.length !== new Set(fileIds).size) {
      throw new DeskRefusal(422, 'FILE_NOT_ATTACHABLE', 'Lampiran tidak ditemukan pada laporan ini atau sudah dipakai.', { field: 'fileIds' });
    }
    const byId = new Map(rows.map((r: any) => [r.id, fileOf(r)]));
    return [...new Set(fileIds)].map((id) => byId.get(id) as StoredFile);
  }

  /** The workflow's hook that attaches `fileIds` (uploaded to the ticket, not yet used) to the command's audit entry and event. */
  attaching(fileIds: readonly string[] | undefined, by: 'staff' | 'reporter' = 'staff'): CommandOptions['evidence'] {
    if (!fileIds?.length) return undefined;
    return async (tx, ticket) => {
      const files = await this.forAttachment(tx, ticket.snapshot.id, fileIds, by);
      return {
        attachments: files.map((f) => ({ fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, url: null, fileId: f.fileId })),
        files: files.map((f) => ({ fileId: f.fileId, storageKey: f.storageKey, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.sizeBytes, sha256: f.sha256 })),
        attached: (t, version) => this.markAttached(t, files.map((f) => f.fileId), version),
      };
    };
  }

  async markAttached(tx: EntityManager, fileIds: readonly string[], version: number): Promise<void> {
    if (fileIds.length === 0) return;
    await tx.query(`UPDATE "${schemaOfManager(tx)}"."ticket_files" SET "attached_at_version" = $2 WHERE "id" = ANY($1::uuid[])`, [[...fileIds], version]);
  }

  /** A download link for a caller who may read the ticket; another unit's ticket or file is 404. */
  async link(ticketId: string, fileId: string, scope: UnitScope, userId: string): Promise<{ url: string; expiresAt: string }> {
    const record = await new TicketRepository(this.dataSource.manager).find(ticketId, scope);
    if (!record) throw DeskRefusal.notFound();
    const file = await this.find(fileId);
    if (!file || file.ticketId !== ticketId) throw new DeskRefusal(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.FILE_LINK_TTL_SECONDS * 1000);
    const query = new URLSearchParams(signFileLink(this.linkSecrets[0], { fileId, userId, expiresAt }));
    return { url: `/api/v1/files/${fileId}/content?${query}`, expiresAt: expiresAt.toISOString() };
  }

  /** The bytes behind a signed link: an altered link is 404, an expired one 410. */
  async download(fileId: string, query: Record<string, unknown>): Promise<{ file: StoredFile; bytes: Buffer }> {
    const check = checkFileLink(this.linkSecrets, fileId, query, this.clock.now());
    if (check === 'expired') throw new DeskRefusal(410, 'LINK_EXPIRED', 'Tautan berkas sudah kedaluwarsa. Buka lagi dari laporan untuk mendapat tautan baru.');
    if (check !== 'valid') throw new DeskRefusal(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
    const file = await this.find(fileId);
    // The link's user must still be able to read the ticket (deactivated or moved to another unit since: no).
    if (!file || !(await this.mayRead(String(query.uid), file.ticketId))) throw new DeskRefusal(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
    const bytes = await this.store.get(file.storageKey);
    if (!bytes) throw new DeskRefusal(404, 'FILE_NOT_FOUND', 'Berkas tidak ditemukan.');
    return { file, bytes };
  }

  private async mayRead(userId: string, ticketId: string): Promise<boolean> {
    const users = new UserRepository(this.dataSource.manager);
    const user = /^[0-9a-f-]{36}$/i.test(userId) ? await users.byId(userId) : null;
    if (!user?.active) return false;
    const scope = await unitScopeOf(principalOfUser(user), users);
    return (await new TicketRepository(this.dataSource.manager).find(ticketId, scope)) !== null;
  }

  private async find(fileId: string): Promise<StoredFile | null> {
    if (!/^[0-9a-f-]{36}$/i.test(fileId)) return null;
    const [row] = await this.dataSource.query(`SELECT * FROM "${schemaOfManager(this.dataSource.manager)}"."ticket_files" WHERE "id" = $1`, [fileId]);
    return row ? fileOf(row) : null;
  }
}
