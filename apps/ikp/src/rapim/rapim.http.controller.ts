import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '@bekasi/auth';
import { isPeriod } from '@bekasi/ikp-domain';
import { invalid } from '../http/ikp-refusal';
import { RapimPackAssembler } from './rapim-pack';
import { renderRapimPdf } from './rapim-pdf.renderer';
import { renderRapimXlsx } from './rapim-xlsx.renderer';

export class RapimFormatQuery {
  @IsOptional() @IsIn(['pdf', 'xlsx', 'json'], { message: 'format harus pdf, xlsx atau json' })
  format?: 'pdf' | 'xlsx' | 'json';
}

const TYPES = { pdf: 'application/pdf', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The monthly Rapim pack: board with zones, trends, instructions, negotiations, budget, worst overdue complaints. */
@ApiTags('ikp')
@ApiBearerAuth()
@Controller('api/v1/ikp/rapim')
export class RapimHttpController {
  constructor(private readonly packs: RapimPackAssembler) {}

  @Get(':period')
  @Roles('admin', 'asda', 'sekda', 'bupati')
  @ApiOperation({ summary: 'The Rapim pack of a month as a PDF or an XLSX (or its figures as JSON)' })
  @ApiQuery({ name: 'format', required: false, enum: ['pdf', 'xlsx', 'json'] })
  @ApiProduces(TYPES.pdf, TYPES.xlsx, 'application/json')
  async pack(@Param('period') period: string, @Query() query: RapimFormatQuery) {
    if (!isPeriod(period)) throw invalid('period', 'period harus berformat YYYY-MM');
    const pack = await this.packs.assemble(period);
    const format = query.format ?? 'pdf';
    if (format === 'json') return pack;
    const body = format === 'pdf' ? await renderRapimPdf(pack) : await renderRapimXlsx(pack);
    return new StreamableFile(body, { type: TYPES[format], disposition: `attachment; filename="rapim-${period}.${format}"`, length: body.length });
  }
}
