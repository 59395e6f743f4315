import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import { InstructionsService } from './instructions.service';

export class IssueInstructionRequest {
  @IsString() @MaxLength(64)
  unitCode!: string;

  @IsString() @MinLength(5, { message: 'judul paling sedikit 5 karakter' }) @MaxLength(200, { message: 'judul paling panjang 200 karakter' })
  title!: string;

  @IsString() @MaxLength(5000, { message: 'uraian paling panjang 5000 karakter' })
  description = '';

  @IsString() @MinLength(3, { message: 'target paling sedikit 3 karakter' }) @MaxLength(500, { message: 'target paling panjang 500 karakter' })
  target!: string;

  @IsISO8601({ strict: true }, { message: 'dueAt harus tanggal-waktu ISO 8601' })
  dueAt!: string;
}

export class ReportRequest {
  @IsIn(['progress', 'done', 'cancelled'], { message: 'kind harus progress, done atau cancelled' })
  kind!: 'progress' | 'done' | 'cancelled';

  @IsOptional() @Type(() => Number) @IsInt({ message: 'progress harus bilangan bulat' }) @Min(0) @Max(100)
  progress?: number;

  @IsString() @MinLength(3, { message: 'catatan paling sedikit 3 karakter' }) @MaxLength(2000, { message: 'catatan paling panjang 2000 karakter' })
  note!: string;
}

export class InstructionsQuery {
  @IsOptional() @IsString()
  unitCode?: string;

  @IsOptional() @IsIn(['active', 'done', 'cancelled'], { message: 'state harus active, done atau cancelled' })
  state?: string;
}

/** Instruksi Khusus Pimpinan: the leadership instructs a unit; the unit reports; everyone can follow it. */
@ApiTags('ikp')
@ApiBearerAuth()
@Controller('api/v1/ikp/instructions')
export class InstructionsHttpController {
  constructor(private readonly instructions: InstructionsService) {}

  @Post()
  @Roles('sekda', 'bupati')
  @ApiOperation({ summary: 'The Bupati or Sekda gives a unit a special instruction with a target and a due date' })
  issue(@Body() body: IssueInstructionRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.issue(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'Instructions with their standing (on track, overdue, done on time, done late)' })
  list(@Query() query: InstructionsQuery) {
    return this.instructions.list(query);
  }

  @Get(':id')
  one(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.instructions.one(id);
  }

  @Post(':id/reports')
  @HttpCode(200)
  @ApiOperation({ summary: 'The unit reports progress or completion; the leadership may cancel' })
  report(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReportRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.report(id, body.kind, body.progress, body.note, user);
  }
}
