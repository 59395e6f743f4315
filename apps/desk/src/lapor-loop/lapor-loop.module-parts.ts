import { MulterModule } from '@nestjs/platform-express';
import { fileStoreFromConfig } from '@bekasi/file-store';
import type { DeskConfig } from '../desk.config';
import { EvidenceFilesHttpController, FileTooLargeFilter, ReporterEvidenceFilesHttpController } from '../attachments/evidence-files.http.controller';
import { EVIDENCE_FILE_STORE, EvidenceFiles } from '../attachments/evidence-files.service';
import { CannedRepliesHttpController } from '../canned-replies/canned-replies.http.controller';
import { LaporLoopEventsHandler } from './lapor-loop.event-handler';

export { CreateLaporLoopTables1764950000000 } from './1764950000000-create-lapor-loop-tables';

/**
 * Desk's part of closing the loop with LAPOR! (issue 11): the LAPOR! side's updates and the
 * tickets' origins, evidence files, canned replies. Listed into DeskModule (they use its workflow).
 */
export const laporLoopImports = (config: DeskConfig) => [MulterModule.register({ limits: { fileSize: config.FILE_MAX_MB * 1024 * 1024, files: 1, fields: 5 } })];
export const LAPOR_LOOP_CONTROLLERS = [EvidenceFilesHttpController, ReporterEvidenceFilesHttpController, CannedRepliesHttpController];
export const laporLoopProviders = (config: DeskConfig) => [
  LaporLoopEventsHandler,
  EvidenceFiles,
  FileTooLargeFilter,
  { provide: EVIDENCE_FILE_STORE, useFactory: () => fileStoreFromConfig(config) },
];
