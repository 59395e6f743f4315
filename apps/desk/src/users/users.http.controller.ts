import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthPrincipal } from '@bekasi/auth';
import type { UnitView, UserView } from '@bekasi/desk-client';
import { UserDirectory } from './user-directory.service';
import { CreateUserDto, ResetPasswordDto, UpdateUnitDto, UpdateUserDto } from './users.request.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/v1/users')
export class UsersHttpController {
  constructor(private readonly users: UserDirectory) {}

  @Get()
  list(): Promise<UserView[]> {
    return this.users.list();
  }

  @Post()
  @ApiOperation({ summary: 'Create a user bound to a unit (officer, unit_head) or an Asda group (asda)' })
  create(@Body() body: CreateUserDto): Promise<UserView> {
    return this.users.create({ ...body, unitCode: body.unitCode ?? null, asdaGroup: body.asdaGroup ?? null });
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's role, unit or Asda group (ends their sessions)" })
  update(@Param('id') id: string, @Body() body: UpdateUserDto): Promise<UserView> {
    return this.users.update(id, body);
  }

  @Post(':id/deactivate') @HttpCode(200)
  deactivate(@Param('id') id: string): Promise<UserView> {
    return this.users.deactivate(id);
  }

  @Post(':id/password') @HttpCode(200)
  @ApiOperation({ summary: 'Reset the password (ends their sessions)' })
  resetPassword(@Param('id') id: string, @Body() body: ResetPasswordDto): Promise<UserView> {
    return this.users.resetPassword(id, body.password);
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/units')
export class UnitsHttpController {
  constructor(private readonly users: UserDirectory) {}

  @Get()
  @ApiOperation({ summary: 'Units and the Asisten Daerah group over each' })
  list(): Promise<UnitView[]> {
    return this.users.units();
  }

  @Patch(':code') @Roles('admin')
  @ApiOperation({ summary: 'Move a unit to another Asisten Daerah group (configurable, not a published fact)' })
  update(@Param('code') code: string, @Body() body: UpdateUnitDto, @CurrentUser() admin: AuthPrincipal): Promise<UnitView> {
    return this.users.setUnitAsda(code, body.asdaGroup, admin);
  }
}
