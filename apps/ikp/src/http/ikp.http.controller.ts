import { BadRequestException, Body, Controller, ForbiddenException, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsNumber, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import { CLOCK, type Clock } from '@bekasi/clock';
import { IKP_INDICATORS, isPeriod, periodOf, type IkpIndicator } from '@bekasi/ikp-domain';
import { IkpScoringService } from '../scoring/ikp-scoring.service';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const PERIOD_MESSAGE = 'period harus berformat YYYY-MM';
const INDICATOR_MESSAGE = `indicator harus salah satu dari ${IKP_INDICATORS.join(', ')}`;

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

/** The IKP scoreboard every leader watches, a unit's score and targets, and the target negotiation. */
@ApiTags('ikp')
@ApiBearerAuth()
@Controller('api/v1/ikp')
export class IkpHttpController {
  constructor(private readonly scoring: IkpScoringService, @Inject(CLOCK) private readonly clock: Clock) {}

  private periodOr(period?: string): string {
    return period ?? periodOf(this.clock.now());
  }

  @Get('scoreboard')
  @ApiOperation({ summary: 'Every unit ranked by its IKP score for a month (default: the current one)' })
  scoreboard(@Query() query: PeriodQuery) {
    return this.scoring.scoreboard(this.periodOr(query.period));
  }

  @Get('units/:unitCode')
  @ApiOperation({ summary: "A unit's indicators, targets, score and the history of its target proposals" })
  unit(@Param('unitCode') unitCode: string, @Query() query: PeriodQuery) {
    return this.scoring.unit(unitCode, this.periodOr(query.period));
  }

  @Put('units/:unitCode/targets/:period')
  @Roles('admin', 'sekda')
  @ApiOperation({ summary: 'The leadership sets a target of a unit for a month' })
  setTarget(@Param('unitCode') unitCode: string, @Param('period') period: string, @Body() body: SetTargetRequest, @CurrentUser() user: AuthPrincipal) {
    return this.scoring.setTarget(unitCode, this.checkedPeriod(period), body.indicator, body.target, user.username);
  }

  @Post('units/:unitCode/proposals')
  @Roles('unit_head')
  @ApiOperation({ summary: 'The head of a unit proposes a different target, with reasons (dialog kinerja)' })
  propose(@Param('unitCode') unitCode: string, @Body() body: ProposeTargetRequest, @CurrentUser() user: AuthPrincipal) {
    if (user.unitCode !== unitCode) throw new ForbiddenException({ statusCode: 403, error: 'FORBIDDEN', message: 'Hanya kepala perangkat daerah itu sendiri yang dapat mengusulkan targetnya.' });
    return this.scoring.propose(unitCode, body.period, body.indicator, body.proposedTarget, body.reason, user.username);
  }

  @Post('proposals/:id/decision')
  @HttpCode(200)
  @Roles('sekda')
  @ApiOperation({ summary: 'The Sekda approves (the proposal becomes the target) or rejects (the target stays)' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecideProposalRequest, @CurrentUser() user: AuthPrincipal) {
    return this.scoring.decide(id, body.approve, body.note, user.username);
  }

  @Post('periods/:period/publish')
  @HttpCode(200)
  @Roles('admin', 'sekda')
  @ApiOperation({ summary: 'Compute and publish every measured unit\'s score of the month (ikp.score-published)' })
  publish(@Param('period') period: string) {
    return this.scoring.publish(this.checkedPeriod(period));
  }

  private checkedPeriod(period: string): string {
    if (!isPeriod(period)) {
      throw new BadPeriod();
    }
    return period;
  }
}

class BadPeriod extends BadRequestException {
  constructor() {
    super({ statusCode: 400, error: 'Bad Request', message: 'Data tidak valid', errors: [{ field: 'period', reasons: [PERIOD_MESSAGE] }] });
  }
}
