import { BadRequestException, Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import { schemaOfManager } from '@bekasi/messaging';
import { NOTICE_KINDS, TEMPLATE_PLACEHOLDERS, templateProblems, type NoticeKind } from '@bekasi/intake-domain';
import { ReporterNotices } from './reporter-notices';

export class NoticeTemplateDto {
  @ApiProperty({ example: 'Laporan {nomor} telah kami terima' }) @IsString() @MaxLength(300) subject!: string;
  @ApiProperty({ example: 'Terima kasih. Laporan Anda telah diterima dengan nomor {nomor}.' }) @IsString() @MaxLength(4000) body!: string;
}

export class NoticesQueryDto {
  @IsOptional() @IsIn(['pending', 'sending', 'sent', 'failed'], { message: 'status harus pending, sending, sent atau failed' }) status?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

/** The admin's templates of the status updates sent to reporters of other channels, and what was sent. */
@ApiTags('reporter notices (admin)')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/intake/reporter-notices')
export class ReporterNoticesHttpController {
  constructor(private readonly dataSource: DataSource, private readonly notices: ReporterNotices) {}

  @Get('templates')
  @ApiOperation({ summary: 'The template of each update (received, disposed, answered, closed), with its placeholders' })
  async templates() {
    const items = [];
    for (const kind of NOTICE_KINDS) items.push({ kind, ...(await this.notices.templateOf(this.dataSource.manager, kind)) });
    return { items, placeholders: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`) };
  }

  @Put('templates/:kind')
  @ApiOperation({ summary: "Change an update's template (applies to notices sent from now on)" })
  async setTemplate(@CurrentUser() user: AuthPrincipal, @Param('kind') kind: string, @Body() body: NoticeTemplateDto) {
    if (!(NOTICE_KINDS as readonly string[]).includes(kind)) throw new BadRequestException({ statusCode: 400, message: `jenis pemberitahuan harus salah satu dari ${NOTICE_KINDS.join(', ')}` });
    const problems = templateProblems(body);
    if (problems.length) throw new BadRequestException({ statusCode: 400, message: problems, errors: [{ field: 'body', reasons: problems }] });
    await this.dataSource.query(
      `INSERT INTO "${schemaOfManager(this.dataSource.manager)}"."reporter_notice_templates" ("kind","subject","body","updated_by","updated_at") VALUES ($1,$2,$3,$4,now())
       ON CONFLICT ("kind") DO UPDATE SET "subject"=EXCLUDED."subject", "body"=EXCLUDED."body", "updated_by"=EXCLUDED."updated_by", "updated_at"=now()`,
      [kind, body.subject.trim(), body.body.trim(), user.userId],
    );
    return { kind: kind as NoticeKind, subject: body.subject.trim(), body: body.body.trim() };
  }

  @Get()
  @ApiOperation({ summary: 'Notices sent, waiting or failed (recipients masked)' })
  async list(@Query() query: NoticesQueryDto) {
    const params: unknown[] = [];
    const where = query.status ? `WHERE "status" = $${params.push(query.status)}` : '';
    const rows = await this.dataSource.query(
      `SELECT * FROM "${schemaOfManager(this.dataSource.manager)}"."reporter_notices" ${where} ORDER BY "created_at" DESC LIMIT ${query.limit ?? 100}`,
      params,
    );
    return {
      items: rows.map((r: any) => ({
        id: r.event_id, complaintId: r.complaint_id, kind: r.kind, channel: r.medium ?? r.channel,
        // The admin needs to know a notice went, not the reporter's address.
        recipient: String(r.recipient).replace(/^(.{3}).*(.{2})$/, '$1•••$2'),
        status: r.status, attempts: r.attempts, lastError: r.last_error, createdAt: new Date(r.created_at).toISOString(), sentAt: r.sent_at ? new Date(r.sent_at).toISOString() : null,
      })),
    };
  }
}
