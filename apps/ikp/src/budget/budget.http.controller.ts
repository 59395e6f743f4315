import { Controller, Get, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import { invalid } from '../http/ikp-refusal';
import { BudgetImportWorkflow } from './budget-import.workflow';

export class BudgetPeriodQuery {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period harus berformat YYYY-MM' })
  period!: string;
}

interface UploadedSheet {
  buffer: Buffer;
  size: number;
  originalname?: string;
}

/** Budget absorption: the finance export's import with its validation report, and the month's figures. */
@ApiTags('ikp')
@ApiBearerAuth()
@Controller('api/v1/ikp/budget')
export class BudgetHttpController {
  constructor(private readonly budget: BudgetImportWorkflow) {}

  @Post('imports')
  @HttpCode(200)
  @Roles('admin', 'sekda')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiPayloadTooLargeResponse({ description: 'The file exceeds IKP_BUDGET_MAX_FILE_MB' })
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Import a BPKAD/SIPD finance export (CSV/XLSX: unit_code, month, pagu, rencana, realisasi); bad rows are reported, the rest imported' })
  upload(@UploadedFile() file: UploadedSheet | undefined, @CurrentUser() user: AuthPrincipal) {
    if (!file || file.size === 0) throw invalid('file', 'Berkas realisasi anggaran wajib diunggah pada kolom "file" dan tidak boleh kosong.');
    return this.budget.importFile(file.buffer, file.originalname ?? null, user);
  }

  @Get()
  @Roles('admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati')
  @ApiOperation({ summary: 'Per unit: pagu, cumulative plan and realisation of the month, and absorption against the plan' })
  ofPeriod(@Query() query: BudgetPeriodQuery) {
    return this.budget.ofPeriod(query.period);
  }
}
