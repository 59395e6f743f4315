import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { TICKET_STATUSES, type TicketStatus } from '@bekasi/tickets-domain';

/** Every command carries the version the caller saw, here or in the If-Match header. */
export class VersionedCommandDto {
  @ApiPropertyOptional({ description: 'Expected ticket version (alternative to the If-Match header)', minimum: 1 })
  @IsOptional() @IsInt() @Min(1)
  version?: number;
}

export class NoteDto extends VersionedCommandDto {
  @ApiProperty({ example: 'Sudah koordinasi dengan UPTD wilayah.' }) @IsString() @MinLength(1) @MaxLength(5000)
  note!: string;
}

export class InfoRequestDto extends VersionedCommandDto {
  @ApiProperty({ example: 'Mohon lengkapi titik lokasi (RT/RW) dan foto kondisi jalan.' }) @IsString() @MinLength(1) @MaxLength(5000)
  question!: string;
}

export class AttachmentDto {
  @ApiProperty({ example: 'foto-perbaikan.jpg' }) @IsString() @MinLength(1) @MaxLength(255)
  fileName!: string;
  @ApiProperty({ example: 'image/jpeg' }) @IsString() @MaxLength(100)
  contentType!: string;
  @ApiProperty({ example: 204800 }) @IsInt() @Min(0) @Max(50 * 1024 * 1024)
  sizeBytes!: number;
  @ApiPropertyOptional({ description: 'Where the file is stored (desk keeps metadata only)' }) @IsOptional() @IsString() @MaxLength(2000)
  url?: string | null;
}

export class AnswerDto extends VersionedCommandDto {
  @ApiProperty({ example: 'Perbaikan jalan dijadwalkan minggu ini oleh UPTD wilayah.' }) @IsString() @MinLength(1) @MaxLength(20000)
  answer!: string;
  @ApiPropertyOptional({ type: [AttachmentDto] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];
  @ApiPropertyOptional({ description: 'Evidence files uploaded to this ticket (POST /tickets/:id/files) to attach', type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true, message: 'fileIds harus berisi id berkas (UUID)' })
  fileIds?: string[];
}

export class ReasonDto extends VersionedCommandDto {
  @ApiProperty({ example: 'Jalan provinsi, bukan kewenangan kabupaten.' }) @IsString() @MinLength(1) @MaxLength(5000)
  reason!: string;
}

export class EmptyCommandDto extends VersionedCommandDto {}

export class DispositionDto extends VersionedCommandDto {
  @ApiProperty({ example: 'SDABMBK' }) @IsString() @MinLength(1) @MaxLength(64)
  unitCode!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  reason?: string;
}

export class ArchiveDto extends VersionedCommandDto {
  @ApiProperty({ enum: ['spam', 'out_of_scope', 'duplicate', 'incomplete_information'] })
  @IsIn(['spam', 'out_of_scope', 'duplicate', 'incomplete_information'])
  kind!: 'spam' | 'out_of_scope' | 'duplicate' | 'incomplete_information';
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000)
  reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  duplicateOfTicketId?: string;
}

export class MergeDto extends VersionedCommandDto {
  @ApiProperty({ description: 'The ticket that carries on' }) @IsUUID()
  duplicateOfTicketId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  reason?: string;
}

const toList = ({ value }: { value: unknown }) => (value === undefined ? undefined : (Array.isArray(value) ? value : String(value).split(',')).map((v) => String(v).trim()));
const toBool = ({ value }: { value: unknown }) => (value === undefined ? undefined : value === true || value === 'true' || value === '1');

export class InboxQueryDto {
  @ApiPropertyOptional({ enum: TICKET_STATUSES, isArray: true, description: 'One or more statuses (repeat or comma-separate)' })
  @IsOptional() @Transform(toList) @IsArray() @IsIn(TICKET_STATUSES, { each: true })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'Open tickets with a deadline the sla service reported breached (sla.breached)' })
  @IsOptional() @Transform(toBool) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ example: 'babelan' }) @IsOptional() @IsString() @MaxLength(64)
  kecamatan?: string;

  @ApiPropertyOptional({ example: 'Jalan Rusak' }) @IsOptional() @IsString() @MaxLength(200)
  category?: string;

  @ApiPropertyOptional({ example: 'DINSOS' }) @IsOptional() @IsString() @MaxLength(64)
  unitCode?: string;

  @ApiPropertyOptional({ description: 'Text in title, complaint or tracking id' }) @IsOptional() @IsString() @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000)
  page?: number;

  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  pageSize?: number;
}

export class ReporterReplyDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(10000)
  message!: string;
  @ApiPropertyOptional({ description: 'Evidence files the reporter uploaded (POST /reporter/tickets/:trackingId/files) to attach', type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true, message: 'fileIds harus berisi id berkas (UUID)' })
  fileIds?: string[];
}

export class ReporterRatingDto {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5)
  rating!: number;
}

export class ReporterReopenDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(5000)
  reason!: string;
}

export class ReporterCloseDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 5 }) @IsOptional() @IsInt() @Min(1) @Max(5)
  rating?: number;
}

export class ReporterWithdrawDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000)
  reason?: string;
}
