import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CurrentUser, Roles, UnitScopedParam, type AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { IKP_INDICATORS, isPeriod, periodOf, type IkpIndicator } from '@bekasi/ikp-domain';
import { IkpPolicyWorkflow } from '../policy/ikp-policy.workflow';
import { IkpBoard } from '../scoring/ikp-board';
import { MonthCloseWorkflow } from '../scoring/month-close.workflow';
import { TargetNegotiationWorkflow } from '../targets/target-negotiation.workflow';
import { invalid } from './ikp-refusal';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERIOD_MESSAGE = 'period harus berformat YYYY-MM';
const INDICATOR_MESSAGE = `indicator harus salah satu dari ${IKP_INDICATORS.join(', ')}`;
const STAFF = ['admin', 'officer', 'unit_head', 'asda', 'sekda', 'bupati'] as const;
const CLOSERS = ['admin', 'sekda'] as const;

export class PeriodQuery {
  @IsOptional() @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period?: string;
}

export class SetTargetRequest {
  @IsIn(IKP_INDICATORS, { message: INDICATOR_MESSAGE })
  indicator!: IkpIndicator;

  @Type(() => Number) @IsNumber({}, { message: 'target harus berupa angka' }) @Min(0, { message: 'target paling kecil 0' }) @Max(100, { message: 'target paling besar 100' })
  target!: number;
}

export class ProposeTargetRequest {
  @Matches(PERIOD, { message: PERIOD_MESSAGE })
  period!: string;

  @IsIn(IKP_INDICATORS, { message: INDICATOR_MESSAGE })
  indicator!: IkpIndicator;

  @Type(() => Number) @IsNumber({}, { message: 'proposedTarget harus berupa angka' }) @Min(0, { message: 'proposedTarget paling kecil 0' }) @Max(100, { message: 'proposedTarget paling besar 100' })
  proposedTarget!: number;

  @IsString() @MinLength(10, { message: 'alasan paling sedikit 10 karakter' }) @MaxLength(2000, { message: 'alasan paling panjang 2000 karakter' })
  reason!: string;
}

export class DecideProposalRequest {
  @IsBoolean({ message: 'approve harus true atau false' })
  approve!: boolean;

  @IsOptional() @IsString() @MaxLength(2000, { message: 'catatan paling panjang 2000 karakter' })
  note?: string;
}

export class PublishPolicyRequest {
  @Matches(PERIOD, { message: 'effectiveFrom harus berformat YYYY-MM' })
  effectiveFrom!: string;

  @IsOptional() @IsObject({ message: 'indicators harus objek kode → {weight, target}' })
  indicators?: Partial<Record<IkpIndicator, { weight?: number; target?: number }>>;

  @IsOptional() @IsObject({ message: 'zones harus objek {hijau, kuning}' })
  zones?: { hijau: number; kuning: number };

  @IsOptional() @IsObject({ message: 'budget harus objek {yearEndTarget}' })
  budget?: { yearEndTarget: number };
}

/** The IKP board every leader watches, a unit's row and targets, the month's close, the policy. HTTP only. */
@ApiTags('ikp')
@ApiBearerAuth()
@Controller('api/v1/ikp')
export class IkpHttpController {
  constructor(
    private readonly board: IkpBoard,
    private readonly close: MonthCloseWorkflow,
    private readonly targets: TargetNegotiationWorkflow,
    private readonly policies: IkpPolicyWorkflow,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('scoreboard')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Every unit ranked by its IKP score for a month (default: the current one); ties shown as ties; a closed month from its snapshot' })
  async scoreboard(@Query() query: PeriodQuery, @CurrentUser() user: AuthPrincipal) {
    const board = await this.board.board(query.period ?? periodOf(this.clock.now()));
    return { ...board, mayPublish: (CLOSERS as readonly string[]).includes(user.role) && !board.frozen };
  }

  @Get('units/:unitCode')
  @Roles(...STAFF)
  // The negotiation history is the unit's and its leadership's (docs/security.md): another unit sees 404.
  @UnitScopedParam('unitCode')
  @ApiOperation({ summary: "A unit's indicators, targets, score and the history of its target proposals" })
  unit(@Param('unitCode') unitCode: string, @Query() query: PeriodQuery) {
    return this.targets.unit(unitCode, query.period ?? periodOf(this.clock.now()));
  }

  @Put('units/:unitCode/targets/:period')
  @Roles('admin', 'sekda', 'bupati')
  @ApiOperation({ summary: 'The leadership sets a target of a unit for a month (never the admin for its own unit)' })
  setTarget(@Param('unitCode') unitCode: string, @Param('period') period: string, @Body() body: SetTargetRequest, @CurrentUser() user: AuthPrincipal) {
    return this.targets.setTarget(unitCode, checkedPeriod(period), body.indicator, body.target, user);
  }

  @Post('units/:unitCode/proposals')
  @Roles('unit_head')
  @ApiOperation({ summary: 'The head of a unit proposes a different target, with reasons (dialog kinerja)' })
  propose(@Param('unitCode') unitCode: string, @Body() body: ProposeTargetRequest, @CurrentUser() user: AuthPrincipal) {
    return this.targets.propose(unitCode, body.period, body.indicator, body.proposedTarget, body.reason, user);
  }

  @Post('proposals/:id/decision')
  @HttpCode(200)
  @Roles('sekda')
  @ApiOperation({ summary: 'The Sekda approves (the proposal becomes the target) or rejects (the target stays)' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideProposalRequest, @CurrentUser() user: AuthPrincipal) {
    return this.targets.decide(id, body.approve, body.note, user);
  }

  @Post('periods/:period/publish')
  @HttpCode(200)
  @Roles(...CLOSERS)
  @ApiOperation({ summary: 'Close the month into a frozen snapshot and publish every measured unit\'s score (ikp.score-published); again: the same snapshot' })
  publish(@Param('period') period: string, @CurrentUser() user: AuthPrincipal) {
    return this.close.close(checkedPeriod(period), user.username);
  }

  @Get('policies')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'The IKP policy versions: weights, targets, zones, budget year-end target, and the month each applies from' })
  listPolicies() {
    return this.policies.list();
  }

  @Post('policies')
  @Roles('sekda')
  @ApiOperation({ summary: 'The Sekda publishes a new policy version for a month not yet closed' })
  publishPolicy(@Body() body: PublishPolicyRequest, @CurrentUser() user: AuthPrincipal) {
    return this.policies.publish(body, user);
  }
}

function checkedPeriod(period: string): string {
  if (!isPeriod(period)) throw invalid('period', PERIOD_MESSAGE);
  return period;
}
