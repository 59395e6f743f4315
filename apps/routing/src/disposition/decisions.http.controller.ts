import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bekasi/auth';
import { AdminDispositionRequest } from './disposition.request.dto';
import { DispositionService } from './disposition.service';

// The LAPOR admin only (triage and disposisi): checked here, on every request.
@ApiTags('disposisi')
@Roles('admin')
@Controller('api/v1/routing/complaints/:id')
export class DecisionsController {
  constructor(private readonly disposition: DispositionService) {}

  @Get('decisions')
  @ApiOperation({ summary: 'Every disposition decision about a complaint, oldest first, with reasons and alternatives' })
  async decisions(@Param('id', new ParseUUIDPipe()) id: string) {
    return { complaintId: id, decisions: await this.disposition.decisionsOf(id) };
  }

  @Post('dispositions')
  @HttpCode(201)
  @ApiOperation({ summary: "Record the LAPOR admin's disposition (emits ticket.routed with routedBy 'admin'; becomes training data)" })
  async dispose(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AdminDispositionRequest) {
    return this.disposition.recordAdminDisposition(id, body.unitCode, body.note ?? null);
  }
}
