import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export class InstructionIndicatorRequest {
  @ApiProperty({ example: 'Kasus kekerasan anak ditangani tuntas' })
  @IsString() @MinLength(3, { message: 'nama indikator paling sedikit 3 karakter' }) @MaxLength(300, { message: 'nama indikator paling panjang 300 karakter' })
  name!: string;

  @ApiProperty({ example: 'kasus' })
  @IsString() @MinLength(1, { message: 'satuan wajib diisi' }) @MaxLength(50, { message: 'satuan paling panjang 50 karakter' })
  unitOfMeasure!: string;

  @ApiProperty({ example: 20 })
  @Type(() => Number) @IsNumber({}, { message: 'target harus berupa angka' }) @Min(0.0001, { message: 'target harus lebih dari 0' })
  target!: number;

  @ApiProperty({ example: '2026-12' })
  @Matches(PERIOD, { message: 'period harus berformat YYYY-MM' })
  period!: string;

  @ApiProperty({ example: '2026-12-31T16:59:59Z' })
  @IsISO8601({ strict: true }, { message: 'dueAt harus tanggal-waktu ISO 8601' })
  dueAt!: string;
}

export class IssueInstructionRequest {
  @IsString() @MaxLength(64)
  unitCode!: string;

  @IsString() @MinLength(5, { message: 'judul paling sedikit 5 karakter' }) @MaxLength(200, { message: 'judul paling panjang 200 karakter' })
  title!: string;

  @IsOptional() @IsString() @MaxLength(5000, { message: 'uraian paling panjang 5000 karakter' })
  description = '';

  @ApiPropertyOptional({ description: 'End of the dialog kinerja window (default: 7 days after issuing)' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'negotiationEndsAt harus tanggal-waktu ISO 8601' })
  negotiationEndsAt?: string;

  @ApiProperty({ type: [InstructionIndicatorRequest] })
  @ValidateNested({ each: true }) @Type(() => InstructionIndicatorRequest)
  @ArrayMinSize(1, { message: 'paling sedikit satu indikator terukur' }) @ArrayMaxSize(20, { message: 'paling banyak 20 indikator' })
  indicators!: InstructionIndicatorRequest[];
}

export class EvidenceRequest {
  @ApiPropertyOptional({ description: 'A file uploaded to the file store' })
  @IsOptional() @IsUUID('all', { message: 'fileId harus UUID' })
  fileId?: string;

  @ApiPropertyOptional({ description: 'A reference: letter number, register page, link' })
  @IsOptional() @IsString() @MinLength(3, { message: 'rujukan paling sedikit 3 karakter' }) @MaxLength(500, { message: 'rujukan paling panjang 500 karakter' })
  reference?: string;

  @IsString() @MinLength(3, { message: 'keterangan bukti paling sedikit 3 karakter' }) @MaxLength(200, { message: 'keterangan bukti paling panjang 200 karakter' })
  label!: string;
}

export class ReportRealisationRequest {
  @Type(() => Number) @IsNumber({}, { message: 'value harus berupa angka' }) @Min(0, { message: 'value tidak boleh negatif' })
  value!: number;

  @IsOptional() @IsString() @MaxLength(2000, { message: 'catatan paling panjang 2000 karakter' })
  note = '';

  @ApiProperty({ type: [EvidenceRequest] })
  @ValidateNested({ each: true }) @Type(() => EvidenceRequest)
  @ArrayMinSize(1, { message: 'realisasi perlu paling sedikit satu bukti dukung' }) @ArrayMaxSize(20, { message: 'paling banyak 20 bukti' })
  evidence!: EvidenceRequest[];
}

export class VerifyRealisationRequest {
  @IsIn(['verified', 'sent_back'], { message: 'decision harus verified atau sent_back' })
  decision!: 'verified' | 'sent_back';

  @IsOptional() @IsString() @MaxLength(2000, { message: 'catatan paling panjang 2000 karakter' })
  note = '';
}

export class ProposeInstructionTargetRequest {
  @Type(() => Number) @IsNumber({}, { message: 'proposedTarget harus berupa angka' }) @Min(0.0001, { message: 'proposedTarget harus lebih dari 0' })
  proposedTarget!: number;

  @IsString() @MinLength(10, { message: 'alasan paling sedikit 10 karakter' }) @MaxLength(2000, { message: 'alasan paling panjang 2000 karakter' })
  reason!: string;
}

export class DecideInstructionProposalRequest {
  @IsBoolean({ message: 'approve harus true atau false' })
  approve!: boolean;

  @IsOptional() @IsString() @MaxLength(2000, { message: 'catatan paling panjang 2000 karakter' })
  note?: string;
}

export class CancelInstructionRequest {
  @IsString() @MinLength(5, { message: 'alasan paling sedikit 5 karakter' }) @MaxLength(2000, { message: 'alasan paling panjang 2000 karakter' })
  note!: string;
}

export class InstructionsQuery {
  @IsOptional() @IsString() @MaxLength(64)
  unitCode?: string;

  @IsOptional() @Matches(PERIOD, { message: 'period harus berformat YYYY-MM' })
  period?: string;

  @IsOptional() @IsIn(['on_track', 'achieved', 'overdue', 'cancelled'], { message: 'standing harus on_track, achieved, overdue atau cancelled' })
  standing?: string;
}
