import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import {
  CancelInstructionRequest,
  DecideInstructionProposalRequest,
  InstructionsQuery,
  IssueInstructionRequest,
  ProposeInstructionTargetRequest,
  ReportRealisationRequest,
  VerifyRealisationRequest,
} from './instruction.request.dto';
import { InstructionEvidence } from './instruction-evidence';
import { InstructionWorkflow } from './instruction.workflow';

const uuid = () => new ParseUUIDPipe();
const STAFF = ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const;

/** Instruksi Khusus Pimpinan with measurable targets: HTTP only; the rules are in @bekasi/ikp-domain. */
@ApiTags('ikp')
@ApiBearerAuth()
@Controller('api/v1/ikp/instructions')
export class InstructionsHttpController {
  constructor(private readonly instructions: InstructionWorkflow, private readonly evidence: InstructionEvidence) {}

  @Post()
  @Roles('sekda', 'bupati')
  @ApiOperation({ summary: 'The Bupati or Sekda instructs a unit with measurable targets (name, unit of measure, target, month, due date)' })
  issue(@Body() body: IssueInstructionRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.issue(
      {
        unitCode: body.unitCode,
        title: body.title,
        description: body.description,
        negotiationEndsAt: body.negotiationEndsAt ? new Date(body.negotiationEndsAt) : null,
        targets: body.indicators.map((i) => ({ id: randomUUID(), name: i.name, unitOfMeasure: i.unitOfMeasure, period: i.period, dueAt: new Date(i.dueAt), target: i.target })),
      },
      user,
    );
  }

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Instructions the caller may see, with standing, verified achievement and allowed actions' })
  async list(@Query() query: InstructionsQuery, @CurrentUser() user: AuthPrincipal) {
    return { items: await this.instructions.list(user, query) };
  }

  @Get(':id')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'One instruction with its targets, realisation reports, verification and the dialog kinerja history' })
  one(@Param('id', uuid()) id: string, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.one(id, user);
  }

  @Post(':id/indicators/:indicatorId/realisations')
  @Roles('officer', 'unit_head')
  @ApiOperation({ summary: 'The unit reports realisation of a target to date, with evidence; it counts once verified' })
  report(@Param('id', uuid()) id: string, @Param('indicatorId', uuid()) targetId: string, @Body() body: ReportRealisationRequest, @CurrentUser() user: AuthPrincipal) {
    const evidence = body.evidence.map((e) => ({ fileId: e.fileId ?? null, reference: e.reference ?? null, label: e.label }));
    const fileIds = evidence.flatMap((e) => (e.fileId ? [e.fileId] : []));
    return this.instructions.command(id, { type: 'report_realisation', realisationId: randomUUID(), targetId, value: body.value, note: body.note, evidence }, user, (tx) =>
      this.evidence.assertUploadedFor(tx, id, fileIds),
    );
  }

  @Post(':id/evidence')
  @Roles('officer', 'unit_head')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'The instructed unit uploads an evidence file (JPEG, PNG or PDF, told by content; photo metadata removed); cite its fileId in a realisation' })
  upload(@Param('id', uuid()) id: string, @UploadedFile() file: { buffer: Buffer; originalname?: string } | undefined, @CurrentUser() user: AuthPrincipal) {
    return this.evidence.upload(id, file, user);
  }

  @Get(':id/evidence/:fileId')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'An evidence file of an instruction, for whoever may see the instruction' })
  async download(@Param('id', uuid()) id: string, @Param('fileId', uuid()) fileId: string, @CurrentUser() user: AuthPrincipal) {
    const { file, bytes } = await this.evidence.download(id, fileId, user);
    return new StreamableFile(bytes, { type: file.contentType, disposition: `attachment; filename="${file.fileName}"`, length: bytes.length });
  }

  @Post(':id/realisations/:realisationId/verification')
  @HttpCode(200)
  @Roles('asda', 'sekda', 'bupati', 'admin')
  @ApiOperation({ summary: "The leadership's staff (Bagian Organisasi / Asisten Daerah) verifies a realisation or sends it back" })
  verify(@Param('id', uuid()) id: string, @Param('realisationId', uuid()) realisationId: string, @Body() body: VerifyRealisationRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.command(id, { type: 'verify', realisationId, decision: body.decision, note: body.note }, user);
  }

  @Post(':id/indicators/:indicatorId/proposals')
  @Roles('unit_head')
  @ApiOperation({ summary: 'Dialog kinerja: the head of the unit proposes a higher or lower target with reasons, within the window' })
  propose(@Param('id', uuid()) id: string, @Param('indicatorId', uuid()) targetId: string, @Body() body: ProposeInstructionTargetRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.command(id, { type: 'propose_target', proposalId: randomUUID(), targetId, proposedTarget: body.proposedTarget, reason: body.reason }, user);
  }

  @Post(':id/proposals/:proposalId/decision')
  @HttpCode(200)
  @Roles('bupati', 'sekda')
  @ApiOperation({ summary: 'The Bupati (or the Sekda by delegation) approves — the target changes — or rejects — the original stands' })
  decide(@Param('id', uuid()) id: string, @Param('proposalId', uuid()) proposalId: string, @Body() body: DecideInstructionProposalRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.command(id, { type: 'decide_proposal', proposalId, approve: body.approve, note: body.note ?? null }, user);
  }

  @Post(':id/cancellation')
  @HttpCode(200)
  @Roles('bupati', 'sekda')
  @ApiOperation({ summary: 'The leadership withdraws an instruction, with its reason' })
  cancel(@Param('id', uuid()) id: string, @Body() body: CancelInstructionRequest, @CurrentUser() user: AuthPrincipal) {
    return this.instructions.command(id, { type: 'cancel', note: body.note }, user);
  }
}
