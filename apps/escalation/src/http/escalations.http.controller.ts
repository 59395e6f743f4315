import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { CurrentUser, type AuthPrincipal } from '@bekasi/auth';
import { PageQuery } from '@bekasi/platform';
import { EscalationAlertsWorkflow } from '../alerts/escalation-alerts.workflow';

export class EscalationsQuery extends PageQuery {
  @IsOptional() @IsIn(['pending', 'raised', 'cancelled'], { message: 'state harus salah satu dari pending, raised, cancelled' })
  state?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10)
  level?: number;

  @IsOptional() @IsString()
  unitCode?: string;
}

/** Escalation alerts: the list a leader watches, the alerts addressed to me, and their acknowledgement. HTTP only. */
@ApiTags('escalations')
@ApiBearerAuth()
@Controller('api/v1/escalations')
export class EscalationsHttpController {
  constructor(private readonly alerts: EscalationAlertsWorkflow) {}

  @Get()
  @ApiOperation({ summary: 'Escalations the caller may see (own unit, own Asda group, or all), newest first' })
  async list(@Query() query: EscalationsQuery, @CurrentUser() user: AuthPrincipal) {
    const { items, total } = await this.alerts.list(user, query);
    return { items, page: query.page, pageSize: query.pageSize, total };
  }

  @Get('inbox')
  @ApiOperation({ summary: 'Raised alerts addressed to the caller and not yet acknowledged' })
  async inbox(@CurrentUser() user: AuthPrincipal) {
    return { items: await this.alerts.inbox(user) };
  }

  @Get('reminders')
  @ApiOperation({ summary: 'Open reminders of deadlines coming up (50 %, 80 %) addressed to the caller\'s role and unit' })
  async remindersOfMe(@CurrentUser() user: AuthPrincipal) {
    return { items: await this.alerts.reminders(user) };
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'The addressee acknowledges an alert (once; a repeat answers the first acknowledgement)' })
  acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthPrincipal) {
    return this.alerts.acknowledge(id, user);
  }
}
