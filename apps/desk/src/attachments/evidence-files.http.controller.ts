import {
  Catch, Controller, Inject, Injectable, Get, HttpCode, Param, ParseUUIDPipe, PayloadTooLargeException, Post, Query, Res, UploadedFile, UseFilters, UseGuards, UseInterceptors,
  type ArgumentsHost, type ExceptionFilter,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public, Roles, type AuthPrincipal } from '@bekasi/auth';
import { SERVICE_CONFIG } from '@bekasi/platform';
import type { DeskConfig } from '../desk.config';
import { ReporterKeyGuard } from '../reporter/reporter-key.guard';
import { DeskRefusal } from '../tickets/desk-refusal';
import { TicketWorkflow } from '../tickets/ticket-workflow.service';
import { EvidenceFiles, fileTooLarge, type StoredFile } from './evidence-files.service';

interface Upload {
  buffer: Buffer;
  originalname?: string;
}

/** Multer stops reading at FILE_MAX_MB (so a hostile upload is bounded while read); its English refusal becomes ours. */
@Catch(PayloadTooLargeException)
@Injectable()
export class FileTooLargeFilter implements ExceptionFilter {
  constructor(@Inject(SERVICE_CONFIG) private readonly config: DeskConfig) {}

  catch(_error: PayloadTooLargeException, host: ArgumentsHost) {
    const refusal = fileTooLarge(this.config.FILE_MAX_MB);
    host.switchToHttp().getResponse<Response>().status(413).json(refusal.getResponse());
  }
}

const UUID = new ParseUUIDPipe({ exceptionFactory: () => DeskRefusal.notFound() });
// Limits come from the module's MulterModule registration (FILE_MAX_MB).
const ONE_FILE = FileInterceptor('file');
const UPLOAD_BODY = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } };

/** Multer (busboy) reads the multipart file name as Latin-1; browsers send UTF-8. */
function utf8Name(file: Upload | undefined): Upload | undefined {
  if (!file?.originalname || /[^\u0000-\u00ff]/.test(file.originalname)) return file;
  const decoded = Buffer.from(file.originalname, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? file : { ...file, originalname: decoded };
}

export const uploadView = (f: StoredFile) => ({
  fileId: f.fileId,
  fileName: f.fileName,
  contentType: f.contentType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  metadataStripped: f.metadataStripped,
});

@ApiTags('evidence files')
@ApiBearerAuth()
@Controller('api/v1')
@UseFilters(FileTooLargeFilter)
export class EvidenceFilesHttpController {
  constructor(
    private readonly files: EvidenceFiles,
    private readonly workflow: TicketWorkflow,
  ) {}

  @Post('tickets/:id/files') @HttpCode(201) @Roles('officer', 'unit_head', 'admin')
  @UseInterceptors(ONE_FILE) @ApiConsumes('multipart/form-data') @ApiBody(UPLOAD_BODY)
  @ApiOperation({ summary: 'Upload an evidence file (JPEG, PNG or PDF) to attach to the next answer with fileIds' })
  async upload(@CurrentUser() user: AuthPrincipal, @Param('id', UUID) id: string, @UploadedFile() file: Upload | undefined) {
    const caller = await this.workflow.callerOf(user);
    return uploadView(await this.files.upload({ id, scope: caller.scope }, utf8Name(file), { role: user.role, userId: user.userId }));
  }

  @Get('tickets/:id/files/:fileId/link')
  @ApiOperation({ summary: 'A short-lived download link for a file of a ticket the caller may read' })
  async link(@CurrentUser() user: AuthPrincipal, @Param('id', UUID) id: string, @Param('fileId', UUID) fileId: string) {
    const caller = await this.workflow.callerOf(user);
    return this.files.link(id, fileId, caller.scope, user.userId);
  }

  /** The link is the capability (issued only to a reader of the ticket, minutes long): images and downloads work without a header. */
  @Get('files/:fileId/content') @Public()
  @ApiOperation({ summary: 'The file behind a signed link (410 once expired)' })
  async content(@Param('fileId') fileId: string, @Query() query: Record<string, unknown>, @Res() res: Response) {
    const { file, bytes } = await this.files.download(fileId, query);
    res
      .status(200)
      .set({
        'content-type': file.contentType,
        'content-length': String(bytes.length),
        // ASCII fallback plus RFC 5987 for names in any script (a raw non-Latin-1 header would be refused by Node).
        'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; sandbox",
      })
      .end(bytes);
  }
}

@ApiTags('reporter channel')
@ApiHeader({ name: 'x-reporter-key', required: true })
@Public()
@UseGuards(ReporterKeyGuard)
@UseFilters(FileTooLargeFilter)
@Controller('api/v1/reporter/tickets/:trackingId/files')
export class ReporterEvidenceFilesHttpController {
  constructor(private readonly files: EvidenceFiles) {}

  @Post() @HttpCode(201)
  @UseInterceptors(ONE_FILE) @ApiConsumes('multipart/form-data') @ApiBody(UPLOAD_BODY)
  @ApiOperation({ summary: "The reporter's evidence file, to attach to their next reply with fileIds" })
  async upload(@Param('trackingId') trackingId: string, @UploadedFile() file: Upload | undefined) {
    return uploadView(await this.files.upload({ trackingId, scope: { allUnits: true } }, utf8Name(file), { role: 'reporter', userId: 'reporter-channel' }));
  }
}
