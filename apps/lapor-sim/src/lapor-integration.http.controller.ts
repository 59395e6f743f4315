import { Body, Controller, Get, Headers, HttpCode, HttpException, NotFoundException, Param, Post, Put, Query, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiHeader, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { Request, Response } from 'express';
import { LAPOR_STATUS_LABELS } from '@bekasi/tickets-domain';
import { LaporFeed } from './lapor-feed';
import { LaporIntegration, type ActionType } from './lapor-integration';

export class AttachmentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) file_name!: string;
  @ApiProperty() @IsString() @MaxLength(100) content_type!: string;
  @ApiProperty({ description: 'The file, base64' }) @IsString() @MaxLength(14_000_000) content_base64!: string;
}

export class ActionDto {
  @ApiPropertyOptional({ description: 'Disposisi: the instansi id LAPOR! gave the unit' }) @IsOptional() @IsString() @MaxLength(64) instansi_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) content?: string;
  @ApiPropertyOptional({ description: 'Closure: who closed (reporter, admin, system)' }) @IsOptional() @IsIn(['reporter', 'admin', 'system']) closed_by?: string;
  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
}

export class UpdatesQueryDto {
  @IsOptional() @Matches(/^\d{1,12}$/, { message: 'cursor tidak valid' }) cursor?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class IntegrationFaultsDto {
  @IsOptional() @IsNumber() @Min(0) @Max(1) errorRate?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) lostAnswerRate?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) slowRate?: number;
  @IsOptional() @IsInt() @Min(0) @Max(600_000) slowMs?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) duplicateSubmissionRate?: number;
  @IsOptional() @IsNumber() @Min(0) @Max(1) updateDuplicateRate?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) failNext?: number;
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) loseNext?: number;
}

export class ReplyDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000) message!: string;
}
export class RatingDto {
  @ApiProperty() @IsInt() @Min(1) @Max(5) rating!: number;
}
export class StatusDto {
  @ApiProperty({ example: 'Ditutup oleh Admin' }) @IsIn([...LAPOR_STATUS_LABELS]) status!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) message?: string;
}

const PATHS: Record<string, ActionType> = {
  dispositions: 'disposition',
  'follow-ups': 'follow_up',
  'info-requests': 'info_request',
  reassignments: 'reassignment',
  closure: 'closure',
};

function bearer(feed: LaporFeed, authorization: string | undefined) {
  const token = feed.config.LAPOR_SIM_TOKEN;
  if (token && authorization !== `Bearer ${token}`) throw new UnauthorizedException('Token tidak valid');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The simulated SP4N-LAPOR! integration API: what a K/L/D application writes back to a report. */
@ApiTags('LAPOR! integration API (simulated)')
@ApiHeader({ name: 'Idempotency-Key', required: true, description: 'One key per action: a repeated key is answered with the first result and stored once' })
@Controller('api/v1')
export class LaporIntegrationHttpController {
  constructor(private readonly feed: LaporFeed, private readonly integration: LaporIntegration) {}

  @Post('reports/:trackingId/:kind')
  async write(
    @Param('trackingId') trackingId: string,
    @Param('kind') kind: string,
    @Body() body: ActionDto,
    @Headers('authorization') authorization: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    bearer(this.feed, authorization);
    const type = PATHS[kind];
    if (!type) throw new NotFoundException(`Tidak ada aksi "${kind}"`);
    if (!idempotencyKey || !/^[\w.:-]{8,200}$/.test(idempotencyKey)) {
      throw new HttpException({ statusCode: 400, message: 'Header Idempotency-Key wajib (8-200 karakter huruf, angka, . : _ -)' }, 400);
    }
    if (body.attachments?.some((a) => LaporIntegration.attachmentTooLarge(a.content_base64))) {
      throw new HttpException({ statusCode: 413, message: 'Lampiran melebihi 10 MB' }, 413);
    }
    const outcome = this.integration.write({
      trackingId,
      type,
      idempotencyKey,
      instansiId: body.instansi_id ?? null,
      content: body.content ?? null,
      closedBy: body.closed_by ?? null,
      attachments: body.attachments?.map((a) => ({ fileName: a.file_name, contentType: a.content_type, contentBase64: a.content_base64 })),
    });
    if (outcome.kind === 'refused') throw new HttpException({ statusCode: outcome.status, message: outcome.message }, outcome.status);
    if (outcome.slowMs > 0) await sleep(outcome.slowMs);
    if (outcome.kind === 'error') throw new HttpException({ statusCode: 503, message: 'Layanan sedang sibuk (simulasi)' }, 503);
    if (outcome.kind === 'lost') {
      // Stored, but the caller never hears so: the connection drops before any answer.
      req.socket.destroy();
      return;
    }
    res.status(outcome.duplicate ? 200 : 201);
    return { id: outcome.action.id, type: outcome.action.type, status: this.integration.statusOf(trackingId), duplicate: outcome.duplicate };
  }

  @Get('reports/:trackingId')
  report(@Param('trackingId') trackingId: string, @Headers('authorization') authorization?: string) {
    bearer(this.feed, authorization);
    if (!this.integration.knows(trackingId)) throw new NotFoundException(`Laporan ${trackingId} tidak ditemukan`);
    const report = this.feed.find(trackingId) ?? { tracking_id: trackingId };
    return { ...(report as object), status: this.integration.statusOf(trackingId), follow_ups: this.integration.actionsOf(trackingId) };
  }

  /** Replies, ratings and status changes made on LAPOR!, in order, by offset cursor. */
  @Get('report-updates')
  updates(@Query() query: UpdatesQueryDto, @Headers('authorization') authorization?: string) {
    bearer(this.feed, authorization);
    return this.integration.updatesPage(query.cursor, query.limit ?? 100);
  }
}

@ApiTags('simulator admin')
@Controller('admin')
export class LaporIntegrationAdminHttpController {
  constructor(private readonly feed: LaporFeed, private readonly integration: LaporIntegration) {}

  @Get('reports/:trackingId/follow-ups')
  followUps(@Param('trackingId') trackingId: string) {
    return this.integration.actionsOf(trackingId);
  }

  @Get('integration')
  state() {
    return this.integration.state();
  }

  @Put('integration-faults')
  faults(@Body() body: IntegrationFaultsDto) {
    Object.assign(this.integration.faults, Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)));
    return this.integration.state();
  }

  @Post('integration/reset') @HttpCode(200)
  reset() {
    this.integration.reset();
    return this.integration.state();
  }

  @Post('reports/:trackingId/replies') @HttpCode(201)
  reply(@Param('trackingId') trackingId: string, @Body() body: ReplyDto) {
    return this.integration.addUpdate(this.known(trackingId), { type: 'reply', message: body.message });
  }

  @Post('reports/:trackingId/ratings') @HttpCode(201)
  rate(@Param('trackingId') trackingId: string, @Body() body: RatingDto) {
    return this.integration.addUpdate(this.known(trackingId), { type: 'rating', rating: body.rating });
  }

  @Post('reports/:trackingId/status') @HttpCode(201)
  status(@Param('trackingId') trackingId: string, @Body() body: StatusDto) {
    return this.integration.addUpdate(this.known(trackingId), { type: 'status', status: body.status, message: body.message ?? null });
  }

  private known(trackingId: string): string {
    if (!this.integration.knows(trackingId)) throw new NotFoundException(`Laporan ${trackingId} tidak ditemukan`);
    return trackingId;
  }
}
