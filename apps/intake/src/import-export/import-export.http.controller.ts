import { BadRequestException, Controller, HttpCode, PayloadTooLargeException, Post, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bekasi/auth';
import { LaporanRingkasLayoutError } from '@bekasi/intake-domain';
import { ExportFileError, ExportLimitError } from '@bekasi/intake-export-reader';
import { SourceThrottlerGuard } from '../rate-limit/source-throttler.guard';
import { ImportExportService, type ImportReport } from './import-export.service';

/** What multer hands over for the `file` field (kept in memory: exports are tens of MB at most). */
interface UploadedExport {
  buffer: Buffer;
  size: number;
  originalname?: string;
}

@ApiTags('intake')
// The LAPOR admin only, checked here before the upload is read (guards run before the file interceptor).
@Roles('admin')
@Controller('api/v1/intake/imports')
@UseGuards(SourceThrottlerGuard)
export class ImportExportHttpController {
  constructor(private readonly imports: ImportExportService) {}

  /** Upload a "Laporan Ringkas" export (XLSX or CSV) in the multipart field `file`. */
  @Post()
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOkResponse({ description: 'Counts: imported, duplicates, rejected rows with their row numbers and reasons' })
  @ApiPayloadTooLargeResponse({ description: 'The file exceeds IMPORT_MAX_FILE_MB' })
  async upload(@UploadedFile() file: UploadedExport | undefined): Promise<ImportReport> {
    if (!file || file.size === 0) throw fileProblem('Berkas ekspor wajib diunggah pada kolom "file" dan tidak boleh kosong.');
    try {
      return await this.imports.importFile(file.buffer, file.originalname ?? null);
    } catch (err) {
      // A file beyond the import limits (rows, columns, cells, inflated size) is refused while read: 413.
      if (err instanceof ExportLimitError) throw new PayloadTooLargeException({ statusCode: 413, error: 'Payload Too Large', message: 'Berkas melebihi batas', errors: [{ field: 'file', reasons: [err.message] }] });
      if (err instanceof ExportFileError || err instanceof LaporanRingkasLayoutError) throw fileProblem(err.message);
      throw err;
    }
  }
}

function fileProblem(reason: string) {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'file', reasons: [reason] }] });
}
