import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Roles } from '@bekasi/auth';
import { LaporDriftReconciler } from './lapor-drift.reconciler';
import { LaporOutboundRepository, type OutboundActionRow } from './lapor-outbound.repository';
import { LaporSender } from './lapor-sender';

export class ActionsQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'sent', 'failed'] }) @IsOptional() @IsIn(['pending', 'sent', 'failed'], { message: 'status harus pending, sent atau failed' })
  status?: 'pending' | 'sent' | 'failed';
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'ticketId harus UUID' }) ticketId?: string;
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class InstansiDto {
  @ApiProperty({ description: 'The instansi id LAPOR! assigned the unit' }) @IsString() @MinLength(1) @MaxLength(64) instansiId!: string;
}

const UNIT_CODE = /^[A-Z0-9_]{2,64}$/;

/** What the admin sees of an action: never the file bytes, only their names. */
export function actionView(a: OutboundActionRow) {
  return {
    id: a.id,
    ticketId: a.ticketId,
    laporTrackingId: a.laporTrackingId,
    kind: a.kind,
    status: a.status,
    attempts: a.attempts,
    nextAttemptAt: a.status === 'pending' ? a.nextAttemptAt.toISOString() : null,
    lastError: a.lastError,
    laporMessage: a.laporMessage,
    laporReference: a.laporReference,
    files: a.payload.files.map((f) => ({ fileId: f.fileId, fileName: f.fileName, sizeBytes: f.sizeBytes })),
    eventAt: a.eventAt.toISOString(),
    createdAt: a.createdAt.toISOString(),
    sentAt: a.sentAt ? a.sentAt.toISOString() : null,
  };
}

@ApiTags('LAPOR! connector (admin)')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/intake/lapor-connector')
export class LaporConnectorHttpController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sender: LaporSender,
    private readonly drift: LaporDriftReconciler,
  ) {}

  private get repo() {
    return new LaporOutboundRepository(this.dataSource.manager);
  }

  @Get('actions')
  @ApiOperation({ summary: 'Actions sent, waiting, or refused by LAPOR! (with its message)' })
  async actions(@Query() query: ActionsQueryDto) {
    const items = await this.repo.list({ status: query.status, ticketId: query.ticketId, limit: query.limit ?? 100 });
    return { items: items.map(actionView), ...(await this.repo.backlog()) };
  }

  @Post('actions/:id/resend') @HttpCode(200)
  @ApiOperation({ summary: 'Send a refused action again (same idempotency key)' })
  async resend(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('Aksi tidak ditemukan') })) id: string) {
    const action = await this.repo.resend(id);
    if (!action) {
      if (await this.repo.find(id)) throw new NotFoundException('Hanya aksi yang ditolak LAPOR! yang dapat dikirim ulang');
      throw new NotFoundException('Aksi tidak ditemukan');
    }
    this.sender.nudge();
    return actionView(action);
  }

  @Get('drift')
  @ApiOperation({ summary: "Tickets whose LAPOR! status differs from ours, at the last check" })
  async driftList() {
    return { items: await this.drift.list() };
  }

  @Post('drift/check') @HttpCode(200)
  @ApiOperation({ summary: 'Compare LAPOR! and our status of every LAPOR ticket now' })
  async driftCheck() {
    return { items: await this.drift.check() };
  }

  @Get('instansi')
  @ApiOperation({ summary: "Every unit's LAPOR! instansi id" })
  async instansi() {
    return { items: await this.repo.instansiList() };
  }

  @Put('instansi/:unitCode')
  @ApiOperation({ summary: "Set a unit's LAPOR! instansi id (used by the next disposisi sent, and by a resend)" })
  async setInstansi(@Param('unitCode') unitCode: string, @Body() body: InstansiDto) {
    const code = unitCode.trim().toUpperCase();
    if (!UNIT_CODE.test(code)) throw new NotFoundException(`Unit "${unitCode}" tidak dikenal`);
    await this.repo.setInstansi(code, body.instansiId.trim());
    return { unitCode: code, instansiId: body.instansiId.trim() };
  }
}
