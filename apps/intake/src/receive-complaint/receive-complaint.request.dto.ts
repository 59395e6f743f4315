import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsEmail, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested,
} from 'class-validator';
import { LAPOR_CLASSIFICATIONS } from '@bekasi/intake-domain';

/** Channels that push complaints; exports come through /imports and the LAPOR! API through the poller. */
export const WEBHOOK_SOURCES = ['lapor-webhook', 'whatsapp', 'web-form', 'call-centre', 'other'] as const;

export class ReporterDto {
  @ApiPropertyOptional({ example: 'Budi Santoso' })
  @IsOptional() @IsString({ message: 'nama pelapor harus berupa teks' }) @MaxLength(200, { message: 'nama pelapor paling panjang 200 karakter' })
  name?: string;

  @ApiPropertyOptional({ example: '0812-0000-0101' })
  @IsOptional() @Matches(/^\+?[\d\s().-]{8,20}$/, { message: 'nomor telepon tidak valid' })
  phone?: string;

  @ApiPropertyOptional({ example: 'budi@contoh.id' })
  @IsOptional() @IsEmail({}, { message: 'alamat email tidak valid' })
  email?: string;

  @ApiPropertyOptional({ example: '3216990101900001', description: 'NIK, 16 digits' })
  @IsOptional() @Matches(/^\d{16}$/, { message: 'NIK harus 16 digit angka' })
  nik?: string;
}

export class CategoryDto {
  @ApiPropertyOptional({ example: '7011' })
  @IsOptional() @IsString({ message: 'ID kategori harus berupa teks' }) @MaxLength(64, { message: 'ID kategori paling panjang 64 karakter' })
  id?: string;

  @ApiPropertyOptional({ example: 'Jalan Berlubang' })
  @IsOptional() @IsString({ message: 'nama kategori harus berupa teks' }) @MaxLength(200, { message: 'nama kategori paling panjang 200 karakter' })
  name?: string;
}

export class ReceiveComplaintRequestDto {
  @ApiPropertyOptional({ enum: WEBHOOK_SOURCES, example: 'whatsapp', description: "The channel's registration decides the source; when given it must be the channel's" })
  @IsOptional() @IsIn(WEBHOOK_SOURCES, { message: `sumber harus salah satu dari: ${WEBHOOK_SOURCES.join(', ')}` })
  source?: (typeof WEBHOOK_SOURCES)[number];

  @ApiProperty({ description: 'Id in the sending system (LAPOR! Tracking ID, WhatsApp message id, ...)', example: 'wa-20261007-0001' })
  @IsString({ message: 'externalId harus berupa teks' }) @IsNotEmpty({ message: 'externalId wajib diisi' })
  @MaxLength(128, { message: 'externalId paling panjang 128 karakter' }) @Matches(/^[\w.:\-/]+$/, { message: 'externalId hanya boleh berisi huruf, angka dan . : - _ /' })
  externalId!: string;

  @ApiPropertyOptional({ description: 'Sumber Laporan / sub-channel, e.g. "Lapor AA Bupati"', example: 'Lapor AA Bupati' })
  @IsOptional() @IsString({ message: 'kanal harus berupa teks' }) @MaxLength(100, { message: 'kanal paling panjang 100 karakter' })
  channel?: string;

  @ApiPropertyOptional({ description: 'When the citizen sent it (RFC 3339); LAPOR! channels only, never in the future; now when absent', example: '2026-10-07T10:20:35+07:00' })
  @IsOptional() @IsISO8601({ strict: true }, { message: 'receivedAt harus tanggal-waktu ISO 8601' })
  receivedAt?: string;

  @ApiPropertyOptional({ example: 'Jalan berlubang di Jalan Raya Babelan' })
  @IsOptional() @IsString({ message: 'judul harus berupa teks' }) @MaxLength(300, { message: 'judul paling panjang 300 karakter' })
  title?: string;

  @ApiProperty({ example: 'Lubang besar di Jalan Raya Babelan dekat pertigaan Kedungpengawas makin dalam.' })
  @IsString({ message: 'isi laporan harus berupa teks' }) @MinLength(10, { message: 'isi laporan paling sedikit 10 karakter' })
  @MaxLength(20_000, { message: 'isi laporan paling panjang 20000 karakter' })
  text!: string;

  @ApiPropertyOptional({ type: CategoryDto })
  @IsOptional() @ValidateNested() @Type(() => CategoryDto)
  category?: CategoryDto;

  @ApiPropertyOptional({ enum: LAPOR_CLASSIFICATIONS })
  @IsOptional() @IsIn(LAPOR_CLASSIFICATIONS, { message: `klasifikasi harus salah satu dari: ${LAPOR_CLASSIFICATIONS.join(', ')}` })
  classification?: (typeof LAPOR_CLASSIFICATIONS)[number];

  @ApiPropertyOptional({ description: 'Anonim: the reporter is hidden from units', default: false })
  @IsOptional() @IsBoolean({ message: 'anonymous harus true atau false' })
  anonymous?: boolean;

  @ApiPropertyOptional({ description: 'Rahasia: the content is hidden from the public', default: false })
  @IsOptional() @IsBoolean({ message: 'confidential harus true atau false' })
  confidential?: boolean;

  @ApiPropertyOptional({ type: ReporterDto })
  @IsOptional() @ValidateNested() @Type(() => ReporterDto)
  reporter?: ReporterDto;

  @ApiPropertyOptional({ example: 'Desa Kedungpengawas, Kecamatan Babelan' })
  @IsOptional() @IsString({ message: 'lokasi harus berupa teks' }) @MaxLength(500, { message: 'lokasi paling panjang 500 karakter' })
  locationText?: string;

  @ApiPropertyOptional({ enum: ['normal', 'high'], description: 'high for reports forwarded with a priority flag (channels registered to set priority only)' })
  @IsOptional() @IsIn(['normal', 'high'], { message: 'prioritas harus normal atau high' })
  priority?: 'normal' | 'high';
}

export class ReceiveComplaintResponseDto {
  @ApiProperty({ format: 'uuid' }) complaintId!: string;
  @ApiProperty({ example: 'BKS-2026-000123' }) trackingId!: string;
  @ApiProperty({ description: 'true when this (source, externalId) had already been received: nothing new was stored' }) duplicate!: boolean;
  @ApiPropertyOptional({ description: "The reporter's capability for reporter actions (X-Reporter-Key); returned only with the first receipt" })
  reporterKey?: string;
}
