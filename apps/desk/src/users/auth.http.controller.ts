import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, LoginThrottlerGuard, Public, type AuthPrincipal } from '@bekasi/auth';
import type { LoginResult, UserView } from '@bekasi/desk-client';
import { UserDirectory } from './user-directory.service';
import { LoginDto } from './users.request.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthHttpController {
  constructor(private readonly users: UserDirectory) {}

  @Post('login') @HttpCode(200) @Public() @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Sign in; at most LOGIN_RATE_LIMIT attempts a minute per username and IP' })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.users.login(body.username, body.password);
  }

  @Get('me') @ApiBearerAuth()
  me(@CurrentUser() user: AuthPrincipal): Promise<UserView> {
    return this.users.me(user);
  }
}
