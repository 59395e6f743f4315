import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@bekasi/auth';
import { CreateUnitRequest, MergeUnitRequest, RenameUnitRequest } from './units.request.dto';
import { UnitsService } from './units.service';

// The LAPOR admin only: checked here, on every request (the gateway's check is a convenience).
@ApiTags('unit')
@Roles('admin')
@Controller('api/v1/routing/units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ApiOperation({ summary: 'Every unit, active or not, with where its complaints go today' })
  async list() {
    return { units: await this.units.list() };
  }

  @Get(':code')
  @ApiOperation({ summary: 'One unit and its history of changes' })
  get(@Param('code') code: string) {
    return this.units.get(code);
  }

  @Post()
  @ApiOperation({ summary: 'Register a unit' })
  create(@Body() body: CreateUnitRequest) {
    return this.units.create(body);
  }

  @Post(':code/rename')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rename a unit (its code and history stay)' })
  rename(@Param('code') code: string, @Body() body: RenameUnitRequest) {
    return this.units.rename(code, body);
  }

  @Post(':code/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge a unit into another: it stops receiving complaints, its decisions stay readable' })
  merge(@Param('code') code: string, @Body() body: MergeUnitRequest) {
    return this.units.merge(code, body);
  }

  @Post(':code/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a unit without successor' })
  deactivate(@Param('code') code: string) {
    return this.units.deactivate(code);
  }
}
