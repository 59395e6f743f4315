import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bekasi/auth';
import { ChangeRuleRequest, CreateRuleRequest, TestRulesRequest } from './rules.request.dto';
import { RulesService } from './rules.service';

// The LAPOR admin only: checked here, on every request (the gateway's check is a convenience).
@ApiTags('aturan disposisi')
@Roles('admin')
@Controller('api/v1/routing/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @ApiOperation({ summary: 'Rules: the newest version of each (active or not), or every version with history=true' })
  @ApiQuery({ name: 'history', required: false, type: Boolean })
  async list(@Query('history') history?: string) {
    return { rules: await this.rules.list(history === 'true') };
  }

  @Post('test')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the rules in force and the whole decision would say about a text (nothing stored)' })
  test(@Body() body: TestRulesRequest) {
    return this.rules.test(body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Every version of one rule' })
  async versions(@Param('id') id: string) {
    return { id, versions: await this.rules.versions(id) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule (version 1)' })
  create(@Body() body: CreateRuleRequest) {
    return this.rules.create(body);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Change a rule: writes its next version' })
  change(@Param('id') id: string, @Body() body: ChangeRuleRequest) {
    return this.rules.change(id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch a rule off: writes an inactive next version' })
  deactivate(@Param('id') id: string) {
    return this.rules.deactivate(id);
  }
}
