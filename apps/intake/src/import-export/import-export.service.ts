import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@bekasi/clock';
import { OutboxRelay } from '@bekasi/messaging';
import { histogram, LOGGER, type AppLogger } from '@bekasi/platform';
import {
  complaintDraftFromLaporanRow,
  isFinalLaporStatus,
  parseLaporanRingkas,
  UnitNameMatcher,
  type ComplaintDraft,
  type RejectedRow,
} from '@bekasi/intake-domain';
import { readExportSheet } from '@bekasi/intake-export-reader';
import { ImportRunEntity } from '../persistence/import-run.entity';
import { ComplaintIntakeService } from '../complaint-intake/complaint-intake.service';

export interface ImportReport {
  importId: string;
  fileName: string | null;
  format: string;
  /** Data rows read below the header. */
  rows: number;
  imported: number;
  /** Rows whose report was already here (an earlier import, the poller or the webhook). */
  duplicates: number;
  /** Of the imported rows: finished history the router learns from, and open reports that became live work. */
  historical: number;
  live: number;
  /** New complaints flagged as likely duplicates of earlier ones. */
  likelyDuplicates: number;
  rejected: { rowNumber: number; trackingId: string | null; reasons: string[] }[];
  headerRowNumber: number;
  extraColumns: readonly string[];
}

/** Rows per transaction: large enough to import thousands of rows a second, small enough to retry. */
const CHUNK = 250;

const importDuration = histogram({ name: 'intake_import_duration_seconds', help: 'Time to import one export file', buckets: [0.5, 1, 5, 15, 30, 60, 120] });

/** Back-fills a "Laporan Ringkas" export; every row becomes a complaint, a known repeat, or a rejection with its reasons. */
@Injectable()
export class ImportExportService {
  private readonly units = new UnitNameMatcher();

  constructor(
    private readonly dataSource: DataSource,
    private readonly intake: ComplaintIntakeService,
    private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Throws ExportFileError / LaporanRingkasLayoutError when the file as a whole is not an export. */
  async importFile(content: Buffer | Readable, fileName: string | null): Promise<ImportReport> {
    const startedAt = this.clock.now();
    const stopTimer = importDuration.startTimer();
    const sheet = await readExportSheet(content);
    const parsed = parseLaporanRingkas(sheet.rows);
    const importId = randomUUID();
    const report: ImportReport = {
      importId, fileName, format: sheet.format, rows: parsed.rows.length + parsed.rejected.length,
      imported: 0, duplicates: 0, historical: 0, live: 0, likelyDuplicates: 0,
      rejected: parsed.rejected.map(publicRejection), headerRowNumber: parsed.headerRowNumber, extraColumns: parsed.extraColumns,
    };
    const drafts = parsed.rows.map((row) => ({ rowNumber: row.rowNumber, trackingId: row.trackingId, draft: complaintDraftFromLaporanRow(row, this.units) }));
    for (let i = 0; i < drafts.length; i += CHUNK) {
      await this.importChunk(drafts.slice(i, i + CHUNK), importId, report);
      this.relay.nudge();
    }
    report.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    await this.dataSource.getRepository(ImportRunEntity).insert({
      id: importId, fileName, format: sheet.format, imported: report.imported, duplicates: report.duplicates,
      rejected: report.rejected, startedAt, finishedAt: this.clock.now(),
    });
    stopTimer();
    this.logger.info({ ...report, rejected: report.rejected.length }, 'export imported');
    return report;
  }

  /**
   * A chunk commits as one transaction. Should one row fail in the database, the chunk is rolled
   * back and retried row by row, so that row is rejected and the others still import: a row is
   * never half imported, and no good row is dropped for a bad neighbour.
   */
  private async importChunk(chunk: { rowNumber: number; trackingId: string; draft: ComplaintDraft }[], importId: string, report: ImportReport) {
    try {
      const tally = emptyTally();
      await this.dataSource.transaction(async (tx) => {
        const receipts = await this.intake.receiveManyWithin(tx, chunk.map((row) => ({ draft: row.draft, importRunId: importId })));
        chunk.forEach((row, i) => count(tally, receipts[i], row.draft));
      });
      addTally(report, tally);
    } catch (chunkError) {
      this.logger.warn({ err: chunkError, firstRow: chunk[0]?.rowNumber }, 'import chunk failed; retrying its rows one by one');
      for (const row of chunk) {
        try {
          const tally = emptyTally();
          await this.dataSource.transaction(async (tx) => count(tally, await this.intake.receiveWithin(tx, { draft: row.draft, importRunId: importId }), row.draft));
          addTally(report, tally);
        } catch (rowError) {
          report.rejected.push({ rowNumber: row.rowNumber, trackingId: row.trackingId, reasons: [`Baris tidak dapat disimpan: ${(rowError as Error).message}`] });
        }
      }
    }
  }
}

type Tally = Pick<ImportReport, 'imported' | 'duplicates' | 'historical' | 'live' | 'likelyDuplicates'>;
const emptyTally = (): Tally => ({ imported: 0, duplicates: 0, historical: 0, live: 0, likelyDuplicates: 0 });

function count(tally: Tally, receipt: { repeat: boolean; likelyDuplicateOf: unknown }, draft: ComplaintDraft) {
  if (receipt.repeat) {
    tally.duplicates++;
    return;
  }
  tally.imported++;
  if (receipt.likelyDuplicateOf) tally.likelyDuplicates++;
  if (isFinalLaporStatus(draft.historicalDisposition?.laporStatus ?? null)) tally.historical++;
  else tally.live++;
}

function addTally(report: ImportReport, tally: Tally) {
  for (const key of Object.keys(tally) as (keyof Tally)[]) report[key] += tally[key];
}

function publicRejection(row: RejectedRow) {
  return { rowNumber: row.rowNumber, trackingId: row.trackingId, reasons: row.reasons };
}
